"""Marks worked out by the grader, never by the learner's kernel: nbgrader preprocessors.

``assignments/nbgrader_config.py`` puts three steps into ``nbgrader autograde``:

1. :class:`SafeSubmission` (first, while nbgrader sanitises a submission): nothing from outside
   the submission is kept (nbgrader copies a linked file's target; this removes the copy), and
   a notebook a learner broke by accident (a pasted check cell, an edited cell's metadata, a
   cell from another notebook) is repaired so nbgrader can grade it, instead of stopping.
2. :class:`GraderExecute` (in place of nbgrader's ``Execute``): runs the notebook in a sandbox
   (:mod:`coursework_kit.tutor.grading.sandbox`), then reads the learner's answers out of the
   kernel as plain data (JSON text: never an object the learner made).
3. :class:`GraderScores` (straight after): marks every check cell in this process, from the
   tutor's answer key (:mod:`coursework_kit.tutor.grading.keys`), the learner id nbgrader gives,
   figures worked out here (:mod:`coursework_kit.tutor.grading.figures`) and evidence read
   from the submitted folder. Each check cell's outputs are replaced by the explanation and the
   score; whatever the kernel printed there is thrown away. A check without a key scores 0.

An assignment with no key file is graded the ordinary nbgrader way (its check cells run in the
learner's kernel, so their marks can be forged); the log says so.
"""

from __future__ import annotations

import ast
import json
import math
import os
import secrets
import shutil
import stat
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode
from nbformat.notebooknode import from_dict as _from_dict
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Dict, Integer, Unicode

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.grading.figures import FORMS, AnswerForm
from coursework_kit.tutor.grading.keys import AnswerKey, Part, key_path, load_key
from coursework_kit.tutor.grading.scoring import (
    Proof,
    Score,
    mark_choice,
    mark_crm,
    mark_numeric,
    mark_templates,
    mark_transcript,
)

__all__ = ["GraderExecute", "GraderScores", "SafeSubmission", "harvest_code", "read_harvest"]

_SCHEMA_VERSION = 3
_NBGRADER_FIELDS = {
    "grade",
    "grade_id",
    "locked",
    "points",
    "schema_version",
    "solution",
    "task",
    "checksum",
    "cell_type",
}
_MAX_TEXT = 200  # characters of a typed answer the grader reads
LONGEST_TERM = timedelta(days=120)  # a chat must be this recent when no release date is set


def from_dict(data: dict[str, Any]) -> NotebookNode:
    node: NotebookNode = _from_dict(data)  # type: ignore[no-untyped-call]
    return node


def _course(preprocessor: NbGraderPreprocessor) -> CourseDirectory:
    return CourseDirectory(config=preprocessor.config)


def _who(resources: dict[str, Any]) -> tuple[str, str, str]:
    info = resources["nbgrader"]
    return str(info["student"]), str(info["assignment"]), str(info["notebook"])


def _submitted(course: CourseDirectory, student: str, assignment: str) -> Path:
    return Path(course.format_path(course.submitted_directory, student, assignment))


# -- 1. safe copies and a notebook nbgrader can grade ----------------------------------------


def unsafe_files(submission: Path) -> set[Path]:
    """Paths (relative to ``submission``) nbgrader must not have copied: links (to files or
    folders), and anything that is not an ordinary file or folder."""
    found: set[Path] = set()
    for folder, dirs, files in os.walk(submission, followlinks=False):
        here = Path(folder)
        for name in [*dirs, *files]:
            info = (here / name).lstat()
            if stat.S_ISLNK(info.st_mode) or not (
                stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)
            ):
                found.add((here / name).relative_to(submission))
    return found


_NBGRADER_FILES = {"timestamp.txt", "submission_secret.txt"}
_EVIDENCE_MARK = b'"format": "coursework-kit evidence"'
_MAX_EVIDENCE = 2_000_000


def _is_evidence(path: Path) -> bool:
    """An evidence record, as the activities write them (not any file a learner put there)."""
    if path.parent.name != "evidence" or path.suffix != ".json" or path.is_symlink():
        return False
    try:
        if path.stat().st_size > _MAX_EVIDENCE:
            return False
        with path.open("rb") as handle:
            return _EVIDENCE_MARK in handle.read(200)
    except OSError:
        return False


def extra_files(autograded: Path, source: Path) -> set[Path]:
    """What nbgrader copied into ``autograded`` that grading and feedback do not need: anything
    but the notebooks, the assignment's own files from ``source``, nbgrader's own files and
    evidence records. nbgrader's ``collect`` copies what a link in a submission pointed at (a
    tutor's file, ``/etc/passwd``), so a file's name cannot be trusted; only these are kept."""
    extra: set[Path] = set()
    for folder, _dirs, files in os.walk(autograded, followlinks=False):
        for name in files:
            path = Path(folder) / name
            rel = path.relative_to(autograded)
            kept = (
                (len(rel.parts) == 1 and (rel.suffix == ".ipynb" or name in _NBGRADER_FILES))
                or ((source / rel).is_file() and not (source / rel).is_symlink())
                or (len(rel.parts) == 2 and _is_evidence(path))
            )
            if not kept or path.is_symlink():
                extra.add(rel)
    return extra


def _remove_copies(autograded: Path, unsafe: set[Path]) -> list[str]:
    removed = []
    for rel in sorted(unsafe):
        target = autograded / rel
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        else:
            continue
        removed.append(str(rel))
    return removed


def _source_cells(course: CourseDirectory, assignment: str, notebook: str) -> dict[str, Any]:
    """The source notebook's nbgrader metadata by grade id (empty if it cannot be read)."""
    path = Path(course.format_path(course.source_directory, ".", assignment)) / f"{notebook}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    found = {}
    for cell in cells:
        info = cell.get("metadata", {}).get("nbgrader")
        if isinstance(info, dict) and isinstance(info.get("grade_id"), str):
            found[info["grade_id"]] = {"cell_type": cell.get("cell_type"), "nbgrader": info}
    return found


def repair(nb: NotebookNode, source: dict[str, Any]) -> list[str]:
    """Make a learner's notebook gradable; returns what was changed, in plain English.

    A second copy of a locked cell (a pasted check cell) is removed: it is the course's text,
    not the learner's. A second copy of an answer cell, and a cell whose grade id the source
    notebook does not have, become ordinary cells (their text is kept). Every other nbgrader
    cell gets the source's metadata back, so an edited schema version or points value cannot
    stop the batch or change the marks.
    """
    changes: list[str] = []
    seen: set[str] = set()
    kept = []
    for cell in nb.cells:
        info = cell.get("metadata", {}).get("nbgrader")
        if info is None:
            kept.append(cell)
            continue
        grade_id = info.get("grade_id") if isinstance(info, dict) else None
        if not isinstance(grade_id, str) or grade_id not in source or not source:
            if source:
                del cell.metadata["nbgrader"]
                changes.append(f"a cell marked {grade_id!r} is not in the assignment: kept as text")
            kept.append(cell)
            continue
        original = source[grade_id]
        if grade_id in seen:
            if original["nbgrader"].get("locked") and not original["nbgrader"].get("solution"):
                changes.append(f"a second copy of the cell {grade_id!r} was removed")
                continue
            del cell.metadata["nbgrader"]
            changes.append(
                f"a second copy of the answer cell {grade_id!r} is kept as an extra cell"
            )
            kept.append(cell)
            continue
        seen.add(grade_id)
        restored = {k: v for k, v in original["nbgrader"].items() if k in _NBGRADER_FIELDS}
        if isinstance(info, dict) and "checksum" in info and "checksum" not in restored:
            restored["checksum"] = info["checksum"]
        if isinstance(info, dict) and "cell_type" in info:  # recorded by generate_assignment
            restored["cell_type"] = original["cell_type"]
        restored["schema_version"] = _SCHEMA_VERSION
        if restored != info:
            changes.append(f"the settings of the cell {grade_id!r} were put back")
        cell.metadata["nbgrader"] = from_dict(restored)
        if (
            original["cell_type"] in ("code", "markdown")
            and cell.cell_type != original["cell_type"]
        ):
            changes.append(
                f"the cell {grade_id!r} was changed back to a {original['cell_type']} cell"
            )
            cell.cell_type = original["cell_type"]
            if cell.cell_type == "code":
                cell.setdefault("outputs", [])
                cell.setdefault("execution_count", None)
            else:
                cell.pop("outputs", None)
                cell.pop("execution_count", None)
        kept.append(cell)
    nb.cells = kept
    return changes


class SafeSubmission(NbGraderPreprocessor):  # type: ignore[misc]
    """Sanitise first: drop copied links, repair the notebook's structure."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        course = _course(self)
        student, assignment, notebook = _who(resources)
        submitted = _submitted(course, student, assignment)
        autograded = Path(course.format_path(course.autograded_directory, student, assignment))
        source = Path(course.format_path(course.source_directory, ".", assignment))
        unsafe = unsafe_files(submitted) if submitted.is_dir() else set()
        if autograded.is_dir():
            unsafe |= extra_files(autograded, source)
        for rel in _remove_copies(autograded, unsafe):
            self.log.warning(
                "%s: %s is not part of the assignment (a link, or a file grading does not use): "
                "left in submitted/ only, not copied into autograded/ or feedback/",
                student,
                rel,
            )
        for change in repair(nb, _source_cells(course, assignment, notebook)):
            self.log.warning("%s/%s: %s", student, assignment, change)
        return nb, resources


# -- 2. run the notebook in the sandbox, read the answers out as data -------------------------


def harvest_code(names: tuple[str, ...], token: str) -> str:
    """Code run in the learner's kernel after their notebook: prints ``token`` and the answers
    as JSON. It runs in the learner's kernel, so what it prints is only ever data to check."""
    return (
        "def _coursework_answers(names, token):\n"
        "    import json, numbers, sys\n"
        "    space = get_ipython().user_ns\n"
        "    found = {}\n"
        "    for name in names:\n"
        "        if name not in space:\n"
        "            continue\n"
        "        value = space[name]\n"
        "        try:\n"
        "            if value is None or isinstance(value, bool):\n"
        "                found[name] = value\n"
        "            elif isinstance(value, str):\n"
        f"                found[name] = str.__str__(value)[:{_MAX_TEXT}]\n"
        "            elif isinstance(value, numbers.Real):\n"
        "                found[name] = float(value)\n"
        "            else:\n"
        "                found[name] = {'unreadable': type(value).__name__}\n"
        "        except Exception:\n"
        "            found[name] = {'unreadable': 'error'}\n"
        "    sys.stdout.write(token + json.dumps(found) + '\\n')\n"
        f"_coursework_answers({list(names)!r}, {token!r})\n"
        "del _coursework_answers\n"
    )


class Unreadable:
    """An answer the grader could not read as a number or text (it is marked 0)."""

    def __init__(self, why: str) -> None:
        self.why = why

    def __repr__(self) -> str:
        return f"Unreadable({self.why!r})"


def _plain(value: Any) -> Any:
    """Only plain data, of a bounded size, gets through."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        number = float(value)
        return number if math.isfinite(number) else Unreadable("not a finite number")
    if isinstance(value, str):
        return value[:_MAX_TEXT]
    return Unreadable("not a number or text")


def read_harvest(outputs: list[Any], token: str, names: tuple[str, ...]) -> dict[str, Any] | None:
    """The answers from the harvest cell's outputs, or None if they are not there."""
    for output in outputs:
        if output.get("output_type") != "stream" or output.get("name") != "stdout":
            continue
        text = output.get("text", "")
        text = "".join(text) if isinstance(text, list) else str(text)
        for line in text.splitlines():
            if not line.startswith(token) or len(line) > 100_000:
                continue
            try:
                raw = json.loads(line[len(token) :])
            except ValueError:
                return None
            if not isinstance(raw, dict):
                return None
            return {n: _plain(raw[n]) for n in names if n in raw}
    return None


def typed_answers(nb: NotebookNode, names: tuple[str, ...]) -> dict[str, Any]:
    """Answers typed as plain values in the answer cells (``x = 2.5``), read without running
    anything: used when the kernel did not get as far as handing its answers over."""
    found: dict[str, Any] = {}
    for cell in nb.cells:
        info = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or not info.get("solution"):
            continue
        try:
            tree = ast.parse(cell.source)
        except (SyntaxError, ValueError):
            continue
        for node in tree.body:
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in names:
                    try:
                        found[target.id] = _plain(ast.literal_eval(node.value))
                    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                        found[target.id] = Unreadable("worked out by code that did not run")
    return found


def sandbox_choice(setting: str = "") -> str:
    """How kernels are isolated: the course's setting, else COURSEWORK_SANDBOX, else bubblewrap."""
    chosen = setting or os.environ.get("COURSEWORK_SANDBOX", "")
    return chosen.strip().lower() or "bubblewrap"


class GraderExecute(Execute):  # type: ignore[misc]
    """nbgrader's Execute, with the kernel in a sandbox and the answers read out as data."""

    timeout: int | None  # nbclient's setting: the seconds a cell may run (None: no limit)

    sandbox = Unicode(
        "",
        help="How learners' kernels are isolated: 'bubblewrap' (the default), or 'none' to opt "
        "out (the kernel can then read and write everything the tutor can). The environment "
        "variable COURSEWORK_SANDBOX sets it too.",
    ).tag(config=True)

    notebook_timeout = Integer(
        600,
        help="Seconds a learner's whole notebook may run (each cell is also limited by "
        "ExecutePreprocessor.timeout). A notebook that runs longer is stopped and marked from "
        "the answers typed in it, so one learner's notebook never holds up the class for long.",
    ).tag(config=True)

    def preprocess(
        self,
        nb: NotebookNode,
        resources: dict[str, Any],
        km: Any = None,  # noqa: ARG002
    ) -> tuple[NotebookNode, dict[str, Any]]:
        course = _course(self)
        student, assignment, _ = _who(resources)
        state: dict[str, Any] = {"key": None, "answers": {}, "problem": None}
        resources["coursework"] = state
        if key_path(course.root, assignment).is_file():
            state["key"] = load_key(course.root, assignment)
        else:
            self.log.warning(
                "%s has no answer key in keys/: its check cells run in the learner's kernel, "
                "so their marks can be forged.",
                assignment,
            )
        choice = sandbox_choice(self.sandbox)
        if choice not in ("none", "bubblewrap"):
            raise CourseworkError(
                f"COURSEWORK_SANDBOX is {choice!r}: use 'bubblewrap' (the default) or 'none'."
            )
        if choice == "none":
            self.log.warning(
                "Sandbox turned off (COURSEWORK_SANDBOX=none): %s's kernel is not isolated.",
                student,
            )
            self._run(nb, resources, None, state)
            return nb, resources
        from coursework_kit.tutor.grading import ahead

        path = Path(resources.get("metadata", {}).get("path") or ".")
        with ahead.take(path, learner=student) as box:  # a kernel started ahead, or new
            self._run(nb, resources, box.kernel_manager(), state)
        return nb, resources

    def _run(
        self, nb: NotebookNode, resources: dict[str, Any], km: Any, state: dict[str, Any]
    ) -> None:
        from nbclient import NotebookClient

        key: AnswerKey | None = state["key"]
        names = key.answers if key is not None else ()
        token = f"coursework-answers-{secrets.token_hex(16)}:"
        NotebookClient.__init__(self, nb, km)
        self.owns_km = True  # shut the kernel down when the notebook is done
        # Its sandbox is thrown away with it, so nothing is lost by not waiting for it to tidy
        # up; and a kernel ignoring a polite request costs no time.
        self.shutdown_kernel = "immediate"
        cell_limit: int | None = self.timeout
        deadline = time.monotonic() + self.notebook_timeout
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        try:
            with self.setup_kernel():
                assert self.kc is not None
                info = self.wait_for_reply(self.kc.kernel_info())
                if info:
                    self.nb.metadata["language_info"] = info["content"]["language_info"]
                for index, cell in enumerate(self.nb.cells):
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise TimeoutError("the notebook ran past its time limit")
                    self.timeout = max(1, math.ceil(min(cell_limit or left, left)))
                    self.preprocess_cell(cell, resources, index)
                self.timeout = 30  # reading the answers out is quick, whatever the learner did
                if names:
                    harvest = from_dict(
                        {
                            "cell_type": "code",
                            "source": harvest_code(names, token),
                            "metadata": {},
                            "outputs": [],
                            "execution_count": None,
                        }
                    )
                    self.nb.cells.append(harvest)
                    try:
                        self.preprocess_cell(harvest, resources, len(self.nb.cells) - 1)
                    finally:
                        self.nb.cells.pop()
                    state["answers"] = read_harvest(harvest.outputs, token, names)
        except Exception as exc:  # a dead or stuck kernel fails only this learner's answers
            state["problem"] = f"the notebook stopped running ({type(exc).__name__})"
            self.log.warning("%s", state["problem"])
        finally:
            self.timeout = cell_limit
        if names and not state["answers"]:
            state["answers"] = typed_answers(nb, names)
            state["problem"] = state["problem"] or "the answers could not be read from the kernel"
        self.set_widgets_metadata()


# -- 3. mark every check cell here -------------------------------------------------------------


def _form(figure_set: str | None, figure: str) -> AnswerForm | None:
    """How the answer to ``figure`` is written (its unit and rounding), if the set says."""
    return FORMS.get(figure_set or "", {}).get(figure)


def _mark(
    part: Part,
    answers: dict[str, Any],
    figures: dict[str, Any],
    proof: Proof,
    key_figures: str | None = None,
) -> Score:
    if part.kind in ("numeric", "choice"):
        answer = answers.get(part.subject)
        if isinstance(answer, Unreadable):
            return Score(
                0.0,
                part.points,
                f"0 / {part.points:g}: the {part.label} could not be read "
                f"({answer.why}). Type a number or a letter in quotes.",
            )
        if part.kind == "numeric":
            expected = figures[part.figure or ""]
            return mark_numeric(
                answer,
                float(expected),
                points=part.points,
                tolerance=part.tolerance,
                form=_form(key_figures, part.figure or ""),
                label=part.label,
            )
        letter = str(figures[part.figure]) if part.figure else str(part.expected)
        return mark_choice(answer, letter, points=part.points, label=part.label)
    if part.kind == "chat":
        criteria = None if part.criteria is None else list(part.criteria)
        return mark_transcript(part.subject, points=part.points, criteria=criteria, proof=proof)
    if part.kind == "crm":
        return mark_crm(part.subject, points=part.points, proof=proof)
    return mark_templates(part.subject, points=part.points, proof=proof)


def _proof(submitted: Path, student: str, released: str | None) -> Proof:
    """What a saved chat is checked against: this submission, this learner, and the window
    between the assignment's release (when the tutor has set it) and the hand-in."""
    from coursework_kit.tutor.grading.evidence import submission_time

    now = datetime.now(timezone.utc)
    handed_in = submission_time(submitted)
    submitted_at = min(handed_in, now) if handed_in else now
    if released:
        released_at = datetime.fromisoformat(released)
        if released_at.tzinfo is None:
            released_at = released_at.replace(tzinfo=timezone.utc)
    else:  # no release date set: a chat held more than a term before the hand-in is not this one
        released_at = submitted_at - LONGEST_TERM
    return Proof(submitted, student, released_at, submitted_at)


def _result(nb_cell: NotebookNode, scores: list[Score], note: str | None) -> None:
    earned = round(sum(s.earned for s in scores), 2)
    lines = [s.why for s in scores if s.why]
    if note:
        lines.append(note)
    nb_cell.outputs = [
        from_dict({"output_type": "stream", "name": "stdout", "text": "\n".join(lines) + "\n"}),
        from_dict(
            {
                "output_type": "execute_result",
                "execution_count": nb_cell.get("execution_count"),
                "data": {"text/plain": f"{earned:g}"},
                "metadata": {},
            }
        ),
    ]


_MAX_OUTPUT = 100_000  # characters of output kept for each cell


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(_size(v) for v in value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    return 0


def bound_outputs(nb: NotebookNode, limit: int = _MAX_OUTPUT) -> int:
    """Cut each cell's outputs to ``limit`` characters (nbgrader's own limit counts lines, so
    one enormous line would go into the gradebook and the feedback). Returns how many cells
    were cut."""
    cut = 0
    for cell in nb.cells:
        outputs = cell.get("outputs") or []
        if _size(outputs) <= limit:
            continue
        kept, room = [], limit
        for output in outputs:
            size = _size(output)
            if size <= room:
                kept.append(output)
                room -= size
            elif output.get("output_type") == "stream" and room > 0:
                text = output.get("text", "")
                text = "".join(text) if isinstance(text, list) else str(text)
                kept.append(from_dict({**output, "text": text[:room]}))
                room = 0
        note = f"\n[The rest of this output was cut: over {limit:,} characters.]\n"
        kept.append(from_dict({"output_type": "stream", "name": "stdout", "text": note}))
        cell.outputs = kept
        cut += 1
    return cut


def _declares_only(source: str) -> bool:
    """A check cell with nothing to run (only comments): the key must mark it."""
    try:
        return not ast.parse(source).body
    except (SyntaxError, ValueError):
        return False


def _no_key(nb: NotebookNode) -> None:
    """Without a key, a check cell that only declares what is marked scores 0 (nbgrader would
    give a cell with no result full marks); one with code keeps the kernel's result."""
    for cell in nb.cells:
        info = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and info.get("grade") and _declares_only(cell.source):
            points = float(info.get("points") or 0)
            why = (
                f"0 / {points:g}: this check was not marked, because the course has no answer "
                "key for this assignment. Your tutor will look at it."
            )
            _result(cell, [Score(0.0, points, why)], None)


class GraderScores(NbGraderPreprocessor):  # type: ignore[misc]
    """Replace every check cell's outputs with the score worked out here."""

    release_dates = Dict(
        {},
        help="When each assignment was released, e.g. {'unit3': '2026-03-02T09:00'} (UTC when "
        "no zone is given). A saved chat must have been held after its assignment's release; "
        "without a date, it must have been held in the 120 days before it was handed in.",
    ).tag(config=True)

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        from coursework_kit.tutor.grading.figures import figures_for

        if bound_outputs(nb):
            self.log.warning("%s: some output was too long and was cut", _who(resources)[0])
        state = resources.get("coursework") or {}
        key: AnswerKey | None = state.get("key")
        if key is None:
            _no_key(nb)
            return nb, resources
        course = _course(self)
        student, assignment, _ = _who(resources)
        answers: dict[str, Any] = state.get("answers") or {}
        proof = _proof(
            _submitted(course, student, assignment), student, self.release_dates.get(assignment)
        )
        figures: dict[str, Any] = {}
        figures_problem = None
        if key.figures:
            try:
                figures = figures_for(key.figures, student)
            except Exception as exc:  # one learner's figures never stop the batch
                figures_problem = f"your figures could not be worked out ({exc})"
        note = None
        if state.get("problem") and any(
            p.kind in ("numeric", "choice") for parts in key.checks.values() for p in parts
        ):
            note = (
                f"Note for your tutor: {state['problem']}; answers typed as plain values were used."
            )
        for cell in nb.cells:
            info = cell.get("metadata", {}).get("nbgrader", {})
            if cell.cell_type != "code" or not info.get("grade"):
                continue
            grade_id = str(info.get("grade_id"))
            points = float(info.get("points") or 0)
            parts = key.checks.get(grade_id)
            if not parts:
                self.log.warning(
                    "%s: no answer key for the check %r; scored 0", assignment, grade_id
                )
                _result(
                    cell,
                    [
                        Score(
                            0.0,
                            points,
                            f"0 / {points:g}: this check has no answer key, "
                            "so it was not marked. Your tutor will look at it.",
                        )
                    ],
                    None,
                )
                continue
            scores = []
            for part in parts:
                if figures_problem and part.figure:
                    scores.append(
                        Score(0.0, part.points, f"0 / {part.points:g}: {figures_problem}.")
                    )
                    continue
                try:
                    scores.append(_mark(part, answers, figures, proof, key.figures))
                except Exception as exc:  # a broken part scores 0; the others still count
                    scores.append(
                        Score(
                            0.0,
                            part.points,
                            f"0 / {part.points:g}: the {part.label} could not be marked ({exc}).",
                        )
                    )
            used = [p for p in parts if p.kind in ("numeric", "choice")]
            _result(cell, scores, note if used else None)
        return nb, resources
