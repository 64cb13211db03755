"""The class's submissions, read as hostile input: each learner's written answers and chat
replies as runs of words (the words every learner was given taken out), and their files by hash."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor._similarity_match import LINK, Match
from coursework_kit.tutor.grading.evidence import chat_record_from_bytes, read_evidence

STUB = "Type your answer here."  # nbgrader_config.py: ClearSolutions.text_stub
MIN_RUNS = 8  # three-word runs left after the given words are taken out (about ten words)
RUN = 3
NOTEBOOK_BYTES, EVIDENCE_BYTES = 20_000_000, 2_000_000
_WORD = re.compile(r"[a-z0-9£]+(?:'[a-z]+)?")
_PLACEHOLDER = re.compile(r"\[[^\]\n]{2,40}\]")


# -- text ------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _runs(words: list[str]) -> set[int]:
    return {hash(" ".join(words[i : i + RUN])) for i in range(len(words) - RUN + 1)}


def _given_runs(texts: Iterable[str]) -> set[int]:
    """The runs in text every learner was given (placeholders in [brackets] break a run)."""
    runs: set[int] = set()
    for text in texts:
        for part in _PLACEHOLDER.split(text):
            runs |= _runs(_words(part))
    return runs


def _excerpt(text: str, size: int = 160) -> str:
    flat = " ".join(text[: size * 4].split())
    return flat if len(flat) <= size else flat[: size - 1].rstrip() + "…"


@dataclass
class _Text:
    learner: str
    what: str
    text: str
    words: str
    runs: set[int]
    excerpt: str


@dataclass
class _Class:
    """What has been read of the class so far."""

    submitted: Path
    given: set[int]
    release_hashes: set[str]
    release_answers: dict[str, set[str]]
    learners: list[str] = field(default_factory=list)
    texts: list[_Text] = field(default_factory=list)
    files: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    links: list[Match] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add_text(self, learner: str, what: str, text: str) -> None:
        words = _words(text)
        runs = _runs(words) - self.given
        if len(runs) >= MIN_RUNS:
            self.texts.append(_Text(learner, what, text, " ".join(words), runs, _excerpt(text)))

    def link(self, learner: str, place: str, path: Path) -> None:
        """A link in ``learner``'s submission: paired with the learner it points into."""
        try:
            target = os.readlink(path)
        except OSError:
            target = ""
        whose = ""
        base = [os.path.abspath(self.submitted), os.path.realpath(self.submitted)]
        places = [os.path.normpath(os.path.join(path.parent, target))]
        places.append(os.path.realpath(places[0]))
        for where in places:
            for root in base:
                if where.startswith(root + os.sep):
                    whose = whose or Path(os.path.relpath(where, root)).parts[0]
        if whose and whose != learner:
            shown = os.path.relpath(places[0], base[0]) if places[0].startswith(base[0]) else whose
            self.links.append(
                Match((learner, whose), f"the file {place}", LINK, 1.0, (f"→ {shown}", ""))
            )
        else:
            elsewhere = "another of their own files" if whose else "a file outside the submissions"
            self.notes.append(f"{learner}: {place} is a link to {elsewhere}, so it was not read.")


# -- reading submissions ---------------------------------------------------------------------


def _notebook_answers(document: Any, *, kinds: tuple[str, ...] = ("markdown",)) -> dict[str, str]:
    """grade id -> text of each cell nbgrader marks as a solution (written answers only, unless
    ``kinds`` says "code" too)."""
    cells = document.get("cells") if isinstance(document, dict) else None
    found: dict[str, str] = {}
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict) or cell.get("cell_type") not in kinds:
            continue
        info = cell.get("metadata", {})
        info = info.get("nbgrader", {}) if isinstance(info, dict) else {}
        if not isinstance(info, dict) or info.get("solution") is not True:
            continue
        source, grade_id = cell.get("source", ""), info.get("grade_id")
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        if isinstance(grade_id, str) and isinstance(source, str):
            found[grade_id] = source
    return found


def _parse(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _given(course: Path, assignment: str) -> tuple[set[int], set[str], dict[str, set[str]]]:
    """Runs of text every learner was given, the release notebooks' hashes, and each answer
    cell's released text (by notebook and grade id)."""
    from coursework_kit.chat.knowledge import knowledge_base, templates

    texts = [STUB, *(t.text for t in templates()), *(a.body for a in knowledge_base())]
    hashes: set[str] = set()
    answers: dict[str, set[str]] = defaultdict(lambda: {STUB, ""})
    for kind in ("release", "source"):
        folder = course / kind / assignment
        for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
            try:
                data = read_evidence(folder, path.name, max_bytes=NOTEBOOK_BYTES)
            except CourseworkError:
                continue
            document = _parse(data) if data else None
            if data is None or not isinstance(document, dict):
                continue
            solutions = _notebook_answers(document, kinds=("markdown", "code"))
            if kind == "release":
                hashes.add(hashlib.sha256(data).hexdigest())
                for grade_id, text in solutions.items():
                    answers[f"{path.name}/{grade_id}"].add(text.strip())
            cells = document.get("cells")
            for cell in cells if isinstance(cells, list) else []:
                source = cell.get("source", "") if isinstance(cell, dict) else ""
                text = "".join(source) if isinstance(source, list) else str(source)
                if text not in solutions.values():  # never the source's mark scheme
                    texts.append(text)
        if hashes:
            break
    return _given_runs(texts), hashes, answers


def _read_file(found: _Class, learner: str, folder: Path, root: Path, name: str) -> None:
    place = str((folder / name).relative_to(root))
    path = folder / name
    if path.is_symlink():
        found.link(learner, place, path)
        return
    notebook = name.endswith(".ipynb")
    try:
        limit = NOTEBOOK_BYTES if notebook else EVIDENCE_BYTES
        data = read_evidence(folder, name, max_bytes=limit, root=root)
    except CourseworkError as exc:
        found.notes.append(f"{learner}: {place} was not read. {exc}")
        return
    if data is None:
        return
    digest = hashlib.sha256(data).hexdigest()
    answered = not notebook  # a notebook only counts as a copy once something is answered in it
    if notebook and digest not in found.release_hashes:
        document = _parse(data)
        for grade_id, text in _notebook_answers(document, kinds=("markdown", "code")).items():
            answered |= text.strip() not in found.release_answers[f"{name}/{grade_id}"]
        for grade_id, text in _notebook_answers(document).items():
            if text.strip() not in found.release_answers[f"{name}/{grade_id}"]:
                found.add_text(learner, f"the written answer {grade_id} in {name}", text)
    elif name.startswith("chat-") and name.endswith(".json"):
        try:
            record = chat_record_from_bytes(data, name=place)
        except CourseworkError as exc:
            found.notes.append(f"{learner}: {place} was not read. {exc}")
        else:
            for attempt in record.attempts:
                replies = "\n".join(turn.text for turn in attempt.work.replies)
                found.add_text(
                    learner, f"the chat '{record.scenario}' (adviser's replies)", replies
                )
    if answered and len(data) >= 64:
        found.files[digest].append((learner, place))


def _read_learner(found: _Class, learner: str, assignment: str) -> None:
    home = found.submitted / learner
    root = home / assignment
    for path in (home, root, root / "evidence"):
        if path.is_symlink():
            found.link(learner, str(path.relative_to(found.submitted)), path)
            return
    if not root.is_dir():
        return
    found.learners.append(learner)
    for folder in (root, root / "evidence"):
        try:
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries)
        except OSError:
            continue
        for name in names:
            wanted = name.endswith(".ipynb") if folder == root else name.endswith(".json")
            if wanted:
                _read_file(found, learner, folder, root, name)
