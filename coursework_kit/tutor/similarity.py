"""Which learners handed in the same work? A report for the tutor to look into, never a mark.

:func:`similarity_report` reads every submission of one assignment under
``<course>/submitted/<id>/<assignment>/`` as hostile input (through
:func:`~coursework_kit.tutor.grading.evidence.read_evidence`: no links followed, nothing but
plain files of a sensible size): the written answers (markdown cells nbgrader marks as
solutions) and the adviser's replies in each saved chat. It lists pairs of learners when a file
is a byte-for-byte copy of another learner's or a link to one, or when an answer or a chat is
the same text or near-identical: most of its three-word runs are the other's too (Jaccard
similarity of at least :data:`NEAR`).

Words every learner was given are left out first: the release's "Type your answer here.", the
release notebooks' own text, the pre-written responses and the knowledge base, and phrasing more
than a tenth of the class uses (unless :data:`RING` of all of it is in common: many copies of
one source). What is left of an answer must be at least :data:`MIN_RUNS`
runs long to be judged. Each text is compared only with texts of a similar length (a shorter
one cannot reach :data:`NEAR`), so a class of 300 takes a few seconds.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coursework_kit.errors import CourseworkError, EvidenceError
from coursework_kit.tutor.grading.evidence import chat_record_from_bytes, read_evidence

__all__ = ["COPY", "LINK", "MIN_RUNS", "NEAR", "SAME", "Match", "SimilarityReport"]
__all__ += ["similarity_report"]

STUB = "Type your answer here."  # nbgrader_config.py: ClearSolutions.text_stub
NEAR = 0.5  # share of three-word runs in common (Jaccard) that counts as near-identical
RING = 0.8  # the same share counting phrasing the class shares (many copies of one source)
MIN_RUNS = 8  # three-word runs left after the given words are taken out (about ten words)
RUN = 3
COMMON_SHARE, COMMON_MIN = 0.1, 5  # a run more learners than this use is common phrasing
NOTEBOOK_BYTES, EVIDENCE_BYTES = 20_000_000, 2_000_000
LINK = "a link to another learner's file"
COPY = "a byte-for-byte copy"
SAME = "the same text"
NEAR_LABEL = "near-identical"
_ORDER = {LINK: 0, COPY: 1, SAME: 2, NEAR_LABEL: 3}
_WORD = re.compile(r"[a-z0-9£]+(?:'[a-z]+)?")
_PLACEHOLDER = re.compile(r"\[[^\]\n]{2,40}\]")


@dataclass(frozen=True)
class Match:
    """Two learners whose ``what`` (a file, a written answer, a chat) is ``how`` alike;
    ``similarity`` is the share of runs in common (1 for copies and links); ``excerpts`` show
    the start of each learner's text (or where the link points)."""

    learners: tuple[str, str]
    what: str
    how: str
    similarity: float
    excerpts: tuple[str, str] = ("", "")

    def line(self) -> str:
        first, second = self.learners
        share = "" if self.how in (LINK, COPY) else f" ({self.similarity:.0%} of it in common)"
        return f"{first} and {second}: {self.what} is {self.how}{share}."


@dataclass(frozen=True)
class SimilarityReport:
    """The pairs of learners to look into for one assignment, and the files not read."""

    assignment: str
    learners: tuple[str, ...]
    matches: tuple[Match, ...]
    notes: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        pairs = len({m.learners for m in self.matches})
        found = (
            f"{pairs} pair{'s' if pairs != 1 else ''} of learners to look into"
            if pairs
            else "no pairs of learners handed in the same or near-identical work"
        )
        return f"Similarity report for {self.assignment}: {len(self.learners)} learners, {found}."

    _CAUTION = (
        "This is a flag for you to look into, not a mark: learners may have worked together as "
        "allowed, or used the same notes. Marks are not changed."
    )

    def __str__(self) -> str:
        lines = [self.summary, self._CAUTION]
        for match in self.matches:
            lines += ["", match.line()]
            for learner, excerpt in zip(match.learners, match.excerpts, strict=True):
                if excerpt:
                    lines.append(f"  {learner}: {excerpt}")
        if self.notes:
            lines += ["", "Not read:", *(f"  - {note}" for note in self.notes)]
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        return f"<SimilarityReport {self.summary}>"

    def html(self) -> str:
        """A whole HTML page; every learner's words are escaped."""
        e = html.escape
        rows = "".join(
            "<tr>"
            f"<td>{e(m.learners[0])}<br>{e(m.learners[1])}</td><td>{e(m.what)}</td>"
            f"<td>{e(m.how)}</td><td>{m.similarity:.0%}</td>"
            f"<td>{'<br>'.join(f'<q>{e(x)}</q>' for x in m.excerpts if x)}</td></tr>"
            for m in self.matches
        )
        table = (
            "<table><thead><tr><th scope='col'>Learners</th><th scope='col'>What</th>"
            "<th scope='col'>How alike</th><th scope='col'>In common</th>"
            f"<th scope='col'>How each starts</th></tr></thead><tbody>{rows}</tbody></table>"
            if self.matches
            else ""
        )
        notes = "".join(f"<li>{e(n)}</li>" for n in self.notes)
        title = f"Similarity report: {self.assignment}"
        return (
            "<!DOCTYPE html>\n<html lang='en-GB'><head><meta charset='utf-8'>"
            f"<title>{e(title)}</title></head><body><h1>{e(title)}</h1>"
            f"<p>{e(self.summary)}</p><p>{e(self._CAUTION)}</p>{table}"
            f"{f'<h2>Not read</h2><ul>{notes}</ul>' if notes else ''}</body></html>\n"
        )

    def _repr_html_(self) -> str:
        return self.html()


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


# -- comparing -------------------------------------------------------------------------------


def _copies(found: _Class) -> list[Match]:
    matches = []
    for held in found.files.values():
        for i, (first, place) in enumerate(held):
            for second, other in held[i + 1 :]:
                if first != second:
                    shown = place if place == other else f"{place} (as {other})"
                    matches.append(Match((first, second), f"the file {shown}", COPY, 1.0))
    return matches


def _alike(found: _Class) -> list[Match]:
    by_what: dict[str, list[_Text]] = defaultdict(list)
    for text in found.texts:
        by_what[text.what].append(text)
    matches = []
    for what, texts in by_what.items():
        same: dict[str, list[_Text]] = defaultdict(list)
        for text in texts:
            same[text.words].append(text)
        for group in same.values():
            for i, a in enumerate(group):
                matches += [_match(what, SAME, 1.0, a, b) for b in group[i + 1 :]]
        users = Counter(run for learner in _by_learner(texts) for run in learner)
        crowd = max(COMMON_MIN, COMMON_SHARE * len(found.learners))
        common = {run for run, count in users.items() if count > crowd}
        own = [(t, t.runs - common) for t in texts]
        matches += _near(what, [(t, runs) for t, runs in own if len(runs) >= MIN_RUNS], NEAR)
        matches += _near(what, [(t, t.runs) for t in texts], RING)  # one source, many copies
    return [m for m in matches if m.learners[0] != m.learners[1]]


def _near(what: str, texts: list[tuple[_Text, set[int]]], least: float) -> list[Match]:
    """Pairs whose runs are at least ``least`` in common (Jaccard), the same text left out."""
    ordered = sorted(texts, key=lambda pair: len(pair[1]))
    matches = []
    for i, (a, runs_a) in enumerate(ordered):
        for b, runs_b in ordered[i + 1 :]:
            if len(runs_a) < least * len(runs_b):
                break  # every later text is longer still, so none can reach ``least``
            if a.words == b.words or a.learner == b.learner:
                continue
            shared = len(runs_a & runs_b)
            share = shared / (len(runs_a) + len(runs_b) - shared)
            if share >= least:
                matches.append(_match(what, NEAR_LABEL, share, a, b))
    return matches


def _match(what: str, how: str, share: float, a: _Text, b: _Text) -> Match:
    first, second = sorted((a, b), key=lambda t: t.learner)
    excerpts = (first.excerpt, second.excerpt)
    return Match((first.learner, second.learner), what, how, share, excerpts)


def _by_learner(texts: list[_Text]) -> list[set[int]]:
    runs: dict[str, set[int]] = defaultdict(set)
    for text in texts:
        runs[text.learner] |= text.runs
    return list(runs.values())


def _strongest(matches: list[Match]) -> tuple[Match, ...]:
    best: dict[tuple[tuple[str, str], str], Match] = {}
    for match in matches:
        pair = tuple(sorted(match.learners))
        key = ((pair[0], pair[1]), match.what)
        held = best.get(key)
        if held is None or (_ORDER[match.how], -match.similarity) < (
            _ORDER[held.how],
            -held.similarity,
        ):
            best[key] = match
    return tuple(
        sorted(best.values(), key=lambda m: (_ORDER[m.how], -m.similarity, m.learners, m.what))
    )


def similarity_report(course: Path, assignment: str) -> SimilarityReport:
    """Pairs of learners whose submissions of ``assignment`` are copies or near-identical.

    ``course`` is the nbgrader course folder (it holds ``submitted/`` and ``release/``). Files
    that could not be read, and links that point outside the class, are listed as notes.
    """
    if not assignment or assignment in (".", "..") or re.search(r"[\\/\0]", assignment):
        raise EvidenceError(f"{assignment!r} is not an assignment name (a folder's own name).")
    course = Path(course)
    submitted = course / "submitted"
    if not submitted.is_dir():
        raise EvidenceError(
            f"There is no submitted folder in {course}: collect the submissions "
            "(nbgrader collect) first, or check the course folder."
        )
    given, hashes, answers = _given(course, assignment)
    found = _Class(submitted, given, hashes, answers)
    with os.scandir(submitted) as entries:
        learners = sorted(e.name for e in entries if not e.name.startswith("."))
    for learner in learners:
        _read_learner(found, learner, assignment)
    matches = _strongest([*found.links, *_copies(found), *_alike(found)])
    return SimilarityReport(assignment, tuple(found.learners), matches, tuple(found.notes))
