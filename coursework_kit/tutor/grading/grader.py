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

import math
import os
import secrets
import time
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Dict, Integer, Unicode

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.grading._cells import _result, bound_outputs, from_dict
from coursework_kit.tutor.grading._copies import _remove_copies, extra_files, unsafe_files
from coursework_kit.tutor.grading._harvest import Unreadable as Unreadable
from coursework_kit.tutor.grading._harvest import harvest_code, read_harvest, typed_answers
from coursework_kit.tutor.grading._marking import LONGEST_TERM as LONGEST_TERM
from coursework_kit.tutor.grading._marking import _mark, _no_key, _proof
from coursework_kit.tutor.grading._repair import _source_cells, repair
from coursework_kit.tutor.grading.keys import AnswerKey, key_path, load_key
from coursework_kit.tutor.grading.scoring import Score

__all__ = ["GraderExecute", "GraderScores", "SafeSubmission", "harvest_code", "read_harvest"]


def _course(preprocessor: NbGraderPreprocessor) -> CourseDirectory:
    return CourseDirectory(config=preprocessor.config)


def _who(resources: dict[str, Any]) -> tuple[str, str, str]:
    info = resources["nbgrader"]
    return str(info["student"]), str(info["assignment"]), str(info["notebook"])


def _submitted(course: CourseDirectory, student: str, assignment: str) -> Path:
    return Path(course.format_path(course.submitted_directory, student, assignment))


# -- 1. safe copies and a notebook nbgrader can grade ----------------------------------------


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
