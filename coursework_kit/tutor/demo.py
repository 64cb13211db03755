"""A demo class: the whole nbgrader workflow for this course, run on three synthetic learners.

``build_demo_class`` copies the course into a throwaway folder, releases every assignment
through a local exchange, has three learners fetch and submit (one who gets everything right,
one partly right, one who submits the untouched release), then collects, autogrades, writes
feedback and the criteria report. Every step is nbgrader's own command line.

What the learners submit comes from ``assignments/demo/answers.yaml`` (tutor-side, never
released). The learner who gets everything right submits each assignment's solution code, so
their numbers are worked out from their own figures when nbgrader autogrades.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from coursework_kit.errors import CourseworkError

__all__ = [
    "LEARNERS",
    "DemoClass",
    "add_learners",
    "build_demo_class",
    "demo_answers",
    "fill_submission",
    "hold_chat",
]

# learner id -> what they do: "good" (everything right), "partial", "untouched"
LEARNERS = {
    "demo-all-right": "good",
    "demo-partly-right": "partial",
    "demo-untouched": "untouched",
}

Progress = Callable[[int, int, str], None]
TYPING_SPEED = 5.0  # characters a second the demo learners type at
_CHAT = re.compile(r"ChatWidget\(\s*[\"']([a-z0-9-]+)[\"']")
_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


@dataclass
class DemoClass:
    """Where the demo class's files are, and each learner's autograded score per assignment."""

    root: Path
    assignments: list[str]
    scores: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)

    @property
    def course(self) -> Path:
        return self.root / "course"

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    def home(self, learner: str) -> Path:
        return self.root / "learners" / learner

    def summary(self) -> str:
        """Scores, then where to look, as plain text for the terminal."""
        width = max(len(a) for a in self.assignments) + 2
        lines = ["Autograded marks (written answers wait for your marking):", ""]
        lines.append(f"{'learner':20}" + "".join(f"{a:>{width + 6}}" for a in self.assignments))
        for learner in LEARNERS:
            cells = []
            for assignment in self.assignments:
                got, out_of = self.scores.get(learner, {}).get(assignment, (0.0, 0.0))
                cells.append(f"{f'{got:g} / {out_of:g}':>{width + 6}}")
            lines.append(f"{learner:20}" + "".join(cells))
        c = self.course
        lines += [
            "",
            "Where everything is:",
            f"  course folder (run nbgrader here)   {c}",
            f"  released notebooks                  {c / 'release'}",
            f"  the exchange learners fetch from    {self.exchange}",
            f"  learners' own folders               {self.root / 'learners'}",
            f"  collected submissions               {c / 'submitted'}",
            f"  autograded notebooks                {c / 'autograded'}",
            f"  feedback for learners               {c / 'feedback'}",
            f"  gradebook                           {c / 'gradebook.db'}",
            f"  criteria report                     {c / 'reports' / 'criteria.html'}",
            "",
            "To mark the written answers, open the Formgrader on this course:",
            f"  cd {c} && jupyter lab   (then Nbgrader ▸ Formgrader)",
        ]
        return "\n".join(lines)


def demo_answers(course: str | Path = "assignments") -> dict[str, Any]:
    """What the demo learners submit: ``<course>/demo/answers.yaml``."""
    from coursework_kit.datasets import load_yaml

    path = Path(course) / "demo" / "answers.yaml"
    if not path.is_file():
        raise CourseworkError(
            f"The demo learners' answers are missing: there is no {path}. "
            "Run this from a checkout of coursework-kit, or pass --course."
        )
    answers: dict[str, Any] = load_yaml(path.resolve())
    return answers


def _solution(source: str) -> str:
    return "\n".join(line for line in source.splitlines() if not _MARKER.match(line))


def fill_submission(
    notebook: Path,
    source: Path,
    kind: str,
    answers: dict[str, Any],
    *,
    assignment: str,
    learner: str | None = None,
) -> None:
    """Answer the released ``notebook`` as a learner of ``kind`` would, and hold its chats.

    ``source`` is the assignment's source notebook (with solutions); chats are saved as
    evidence beside ``notebook``, exactly as the chat widget saves them, with ``learner``'s own
    customer details (by default, the learner this session is: who nbgrader validate checks).
    """
    if kind == "untouched":
        return
    released = json.loads(notebook.read_text(encoding="utf-8"))
    solutions = {
        cell["metadata"]["nbgrader"]["grade_id"]: "".join(cell["source"])
        for cell in json.loads(source.read_text(encoding="utf-8"))["cells"]
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution")
    }
    answered = 0
    for cell in released["cells"]:
        info = cell.get("metadata", {}).get("nbgrader", {})
        if not info.get("solution"):
            continue
        answered += 1
        if kind == "partial" and answered % 2 == 0:
            continue  # the partly right learner answers every other task
        grade_id = info["grade_id"]
        if cell["cell_type"] == "code":
            cell["source"] = _solution(solutions[grade_id])
        elif kind == "good":
            written = answers.get("written", {}).get(f"{assignment}/{grade_id}")
            if written:
                cell["source"] = written
    notebook.write_text(json.dumps(released, indent=1, ensure_ascii=False) + "\n", "utf-8")
    text = "\n".join("".join(c["source"]) for c in released["cells"])
    for scenario in dict.fromkeys(_CHAT.findall(text)):
        _hold_chat(notebook.parent / "evidence", scenario, kind, answers, learner=learner)


def hold_chat(
    folder: Path,
    scenario: str,
    replies: list[str],
    *,
    learner: str,
    mode: str = "assessment",
    coach: bool = False,
    crm: Mapping[str, Any] | None = None,
) -> Path:
    """Hold a chat as ``learner`` would in the chat widget and save it in ``folder``: their own
    customer details (a reply's ``{first_name}``, ``{order}``... filled from them), typed at a
    person's pace and ending now. Returns the saved file."""
    from coursework_kit.chat import ChatRecord, Conversation, CRMRecord, load_scenario
    from coursework_kit.chat.personal import fill_placeholders
    from coursework_kit.records import RecordFile

    chat = load_scenario(scenario).for_learner(learner)
    typed = [fill_placeholders(reply, chat) for reply in replies]
    pauses = [timedelta(seconds=3 + len(reply) / TYPING_SPEED) for reply in typed]
    at = datetime.now().astimezone() - sum(pauses, timedelta())
    conversation = Conversation(chat, clock=lambda: at)
    for reply, pause in zip(typed, pauses, strict=True):
        if conversation.ended:
            break
        at += pause
        conversation.reply(reply, at=at)
    if not conversation.ended:
        conversation.end()
    record = CRMRecord.from_mapping(crm) if crm else None
    work = conversation.work(crm=record, coach=coach)
    files = RecordFile(ChatRecord, chat.id, folder)
    files.save(ChatRecord.holding(chat.id, work, mode=mode, learner=learner))  # type: ignore[arg-type]
    return files.path


def _hold_chat(
    folder: Path, scenario: str, kind: str, answers: dict[str, Any], *, learner: str | None = None
) -> None:
    """Hold the demo learner's ``kind`` chat from answers.yaml in assessment mode, with the
    customer details drawn for ``learner``, and save it as the widget would."""
    from coursework_kit.learner import learner_id

    script = answers.get("chats", {}).get(scenario)
    if not script:
        raise CourseworkError(f"answers.yaml has no demo chat for the scenario {scenario!r}.")
    crm = script.get("crm") if kind == "good" else None
    hold_chat(folder, scenario, script[kind], learner=learner or learner_id(), crm=crm)


def _nbgrader(args: list[str], *, cwd: Path, exchange: Path, course_id: str) -> str:
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("JUPYTERHUB_USER", None)  # the learner comes from --student, not this session
    options = [f"--Exchange.root={exchange}", f"--course={course_id}"]
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args, *options],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise CourseworkError(f"nbgrader {args[0]} failed:\n{tail}")
    return result.stdout + result.stderr


def build_demo_class(
    target: str | Path,
    *,
    course: str | Path = "assignments",
    progress: Progress | None = None,
) -> DemoClass:
    """Build the demo class in ``target`` (which must be empty or not exist yet)."""
    source_course = Path(course)
    if not (source_course / "nbgrader_config.py").is_file():
        raise CourseworkError(
            f"{source_course} is not the course folder: it has no nbgrader_config.py. "
            "Run this from the coursework-kit folder, or pass --course PATH."
        )
    root = Path(target)
    if root.exists() and any(root.iterdir()):
        raise CourseworkError(f"{root} is not empty. Choose a new folder for the demo class.")
    answers = demo_answers(source_course)
    assignments = sorted(p.name for p in (source_course / "source").iterdir() if p.is_dir())
    demo = DemoClass(root.resolve(), assignments)
    shutil.copytree(source_course / "source", demo.course / "source")
    shutil.copy(source_course / "nbgrader_config.py", demo.course)
    if (source_course / "keys").is_dir():
        shutil.copytree(source_course / "keys", demo.course / "keys")
    demo.exchange.mkdir(parents=True)
    course_id = "coursework-kit"

    steps: list[tuple[str, Callable[[], object]]] = []

    def run(*args: str, cwd: Path | None = None) -> Callable[[], object]:
        return lambda: _nbgrader(
            list(args), cwd=cwd or demo.course, exchange=demo.exchange, course_id=course_id
        )

    for a in assignments:
        steps.append((f"generate {a}", run("generate_assignment", a, "--force")))
        steps.append((f"release {a}", run("release_assignment", a, "--force")))
    for learner, kind in LEARNERS.items():
        home = demo.home(learner)
        home.mkdir(parents=True)
        for a in assignments:
            steps.append((f"{learner} fetches {a}", run("fetch_assignment", a, cwd=home)))
            steps.append((f"{learner} answers {a}", _answer(demo, learner, kind, a, answers)))
            steps.append(
                (f"{learner} submits {a}", run("submit", a, f"--student={learner}", cwd=home))
            )
    for a in assignments:
        steps.append((f"collect {a}", run("collect", a, "--CollectApp.check_owner=False")))
        steps.append((f"autograde {a}", run("autograde", a, "--create")))
        steps.append((f"feedback {a}", run("generate_feedback", a)))
    steps.append(("criteria report", lambda: _report(demo)))

    for done, (label, step) in enumerate(steps):
        if progress:
            progress(done, len(steps), label)
        step()
    if progress:
        progress(len(steps), len(steps), "done")
    demo.scores = _scores(demo)
    return demo


def add_learners(
    course: str | Path,
    learners: Mapping[str, str],
    *,
    assignments: Sequence[str] = (),
    answers: dict[str, Any] | None = None,
) -> list[Path]:
    """Hand in work for more synthetic learners, straight into ``course``'s submitted/ folder.

    ``learners`` maps each new learner id to a kind of learner: ``good`` (every answer right),
    ``partial`` (every other task) or ``untouched``. Each learner's notebook is the released one
    (``nbgrader generate_assignment`` must have run) answered for their own figures, with their
    chats held against their own customer details, and put where ``nbgrader collect`` leaves a
    hand-in: ``submitted/<id>/<assignment>/`` with its ``timestamp.txt``. For benchmarks and
    tests of a large class, where fetching and submitting through the exchange for each
    learner would take minutes. Returns the hand-in folders.
    """
    root = Path(course)
    answers = answers if answers is not None else demo_answers()
    chosen = list(assignments) or sorted(p.name for p in (root / "release").iterdir())
    folders = []
    for learner, kind in learners.items():
        for assignment in chosen:
            released = root / "release" / assignment
            if not released.is_dir():
                raise CourseworkError(
                    f"{assignment} is not released: run nbgrader generate_assignment first."
                )
            folder = root / "submitted" / learner / assignment
            shutil.copytree(released, folder)
            for notebook in sorted(folder.glob("*.ipynb")):
                source = root / "source" / assignment / notebook.name
                fill_submission(
                    notebook, source, kind, answers, assignment=assignment, learner=learner
                )
            when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
            (folder / "timestamp.txt").write_text(when)
            (folder / "submission_secret.txt").write_text(secrets.token_hex(64))
            folders.append(folder)
    return folders


def _answer(
    demo: DemoClass, learner: str, kind: str, assignment: str, answers: dict[str, Any]
) -> Callable[[], None]:
    def step() -> None:
        for notebook in sorted((demo.home(learner) / assignment).glob("*.ipynb")):
            source = demo.course / "source" / assignment / notebook.name
            fill_submission(notebook, source, kind, answers, assignment=assignment, learner=learner)

    return step


def _report(demo: DemoClass) -> None:
    from coursework_kit.tutor.report_pages import write_criteria_report
    from coursework_kit.tutor.reports import criteria_matrix

    write_criteria_report(criteria_matrix(demo.course), demo.course / "reports")


def _scores(demo: DemoClass) -> dict[str, dict[str, tuple[float, float]]]:
    from nbgrader.api import Gradebook

    scores: dict[str, dict[str, tuple[float, float]]] = {}
    with Gradebook(f"sqlite:///{demo.course / 'gradebook.db'}") as gradebook:
        for learner in LEARNERS:
            for assignment in demo.assignments:
                submission = gradebook.find_submission(assignment, learner)
                scores.setdefault(learner, {})[assignment] = (
                    float(submission.code_score),
                    float(submission.max_code_score),
                )
    return scores
