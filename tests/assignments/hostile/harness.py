"""Put the hostile corpus through nbgrader's own commands and judge each case.

For each unit a master course is made once: a copy of the whole course folder (everything in
``assignments/`` except what nbgrader writes: release/, submitted/, autograded/, feedback/,
gradebook.db), then ``generate_assignment`` and ``release_assignment`` into a local exchange.
Each *run* is a copy of that master with canaries planted, honest control learners
(``aa-honest`` graded first, ``zz-honest`` last) and some cases. Learners fetch and submit
through nbgrader's exchange classes in this process (what ``nbgrader fetch_assignment`` and
``nbgrader submit`` run, without paying for a new Python per learner); then ``nbgrader
collect``, ONE ``nbgrader autograde <unit> --create`` for every learner of the run, and
``nbgrader generate_feedback`` run as commands. A unit's cases share one run; a case that
attacks the class or the tutor (``Case.isolated``) gets a run of its own with the controls, so
one such case cannot be blamed for another's result. A control run per unit (controls only)
gives the scores the controls must keep.

The temporary course's config sets ``ExecutePreprocessor.timeout`` to ``CELL_TIMEOUT`` seconds
(the course's own is 120), so the endless loop costs seconds, not minutes.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import io
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.assignments.hostile.cases import CASES, CHAT_CHECKS, FRIEND, LATER_FRIEND, Case

ROOT = Path(__file__).resolve().parents[3]
COURSE_ID = "coursework-kit"
CONTROLS = (FRIEND, LATER_FRIEND)
WRITTEN_BY_NBGRADER = {"release", "submitted", "autograded", "feedback", "gradebook.db"}
CELL_TIMEOUT = 30
LOCK_SECONDS = 20
LATE_SECONDS = 20  # the outliving process writes its marker this long after it starts
MAX_RERUNS = 4
OUTPUT_LIMIT = 10 * 2**20
DISK_LIMIT = 100 * 2**20
_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")
_BLOCK = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.DOTALL)
_EXCHANGE_LOCK = threading.Lock()
_STDOUT_LOCK = threading.Lock()


# --- the learner's submission, as the cases edit it --------------------------------------------


@dataclass
class Submission:
    """One learner's fetched assignment folder, being answered and changed before submission."""

    id: str
    unit: str
    folder: Path
    run: RunDirs
    answers: dict[str, Any]
    notebook: dict[str, Any] = field(default_factory=dict)
    raw: bytes | None = None
    friend_canary: str = ""  # planted in the later friend's submission

    @property
    def path(self) -> Path:
        return self.folder / f"{self.unit}.ipynb"

    def load(self) -> None:
        self.notebook = json.loads(self.path.read_text(encoding="utf-8"))

    def save(self) -> None:
        if self.raw is not None:
            self.path.write_bytes(self.raw)
        else:
            self.path.write_text(json.dumps(self.notebook, indent=1) + "\n", encoding="utf-8")

    def cell(self, grade_id: str) -> dict[str, Any]:
        for cell in self.notebook["cells"]:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
                return cell  # type: ignore[no-any-return]
        raise KeyError(grade_id)

    def set(self, grade_id: str, source: str) -> None:
        self.cell(grade_id)["source"] = source

    def insert_after(self, grade_id: str, new: dict[str, Any]) -> None:
        cells = self.notebook["cells"]
        cells.insert(cells.index(self.cell(grade_id)) + 1, new)

    def write_raw(self, data: bytes) -> None:
        self.raw = data

    def friend(self, learner: str) -> Path:
        """Another learner's assignment folder (before submission)."""
        return self.run.learners / learner / self.unit

    @property
    def inbound(self) -> Path:
        """This learner's submission in the exchange (after it is submitted)."""
        return _inbound(self.run.exchange, self.id, self.unit)

    def friend_inbound(self, learner: str) -> Path:
        return _inbound(self.run.exchange, learner, self.unit)

    @property
    def home_canary(self) -> Path:
        return self.run.home / "tutor-notes.txt"


def _inbound(exchange: Path, learner: str, unit: str) -> Path:
    found = sorted((exchange / COURSE_ID / "inbound").glob(f"{learner}+{unit}+*"))
    return found[-1]


# --- courses and nbgrader ----------------------------------------------------------------------


@dataclass
class RunDirs:
    root: Path

    @property
    def course(self) -> Path:
        return self.root / "course"

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def learners(self) -> Path:
        return self.root / "learners"

    @property
    def home(self) -> Path:
        return self.root / "home"


def copy_course(target: Path) -> None:
    """The whole course folder, less what nbgrader writes, with a short cell timeout."""
    source = ROOT / "assignments"

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == source
        return {n for n in names if (top and n in WRITTEN_BY_NBGRADER) or n == ".ipynb_checkpoints"}

    shutil.copytree(source, target, ignore=ignore)
    with (target / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(
            "\n# The hostile corpus: a short cell timeout, so an endless loop costs seconds.\n"
            f"c.ExecutePreprocessor.timeout = {CELL_TIMEOUT}\n"
        )


def _env(home: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    for name in ("JUPYTERHUB_USER", "NBGRADER_EXECUTION"):
        env.pop(name, None)
    env["HOME"] = str(home)
    return env


@dataclass
class Command:
    returncode: int
    output: str
    seconds: float


def nbgrader(*args: str, dirs: RunDirs, timeout: float = 1200) -> Command:
    """Run one nbgrader command in the run's course, as the tutor (HOME is the fake home)."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "nbgrader", *args, f"--Exchange.root={dirs.exchange}"],
            cwd=dirs.course,
            env=_env(dirs.home),
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
        code, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as exc:
        code, output = -1, f"timed out after {exc.timeout} s"
    return Command(code, output[-20000:], time.perf_counter() - start)


def _exchange_config(dirs: RunDirs, home: Path) -> Any:
    from traitlets.config import Config

    config = Config()
    config.Exchange.root = str(dirs.exchange)
    config.Exchange.assignment_dir = str(home)  # else nbgrader works in this process's folder
    config.CourseDirectory.course_id = COURSE_ID
    return config


def fetch(dirs: RunDirs, learner: str, unit: str) -> Path:
    """``nbgrader fetch_assignment`` for ``learner``, through nbgrader's exchange class."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment

    home = dirs.learners / learner
    home.mkdir(parents=True, exist_ok=True)
    with _EXCHANGE_LOCK:
        config = _exchange_config(dirs, home)
        coursedir = CourseDirectory(config=config, root=str(home))
        coursedir.assignment_id = unit
        ExchangeFetchAssignment(
            coursedir=coursedir, authenticator=Authenticator(config=config), config=config
        ).start()
    return home / unit


def submit(dirs: RunDirs, learner: str, unit: str) -> None:
    """``nbgrader submit <unit> --student=<learner>``, through nbgrader's exchange class."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeSubmit

    with _EXCHANGE_LOCK:
        config = _exchange_config(dirs, dirs.learners / learner)
        coursedir = CourseDirectory(config=config, root=str(dirs.learners / learner))
        coursedir.assignment_id = unit
        coursedir.student_id = learner
        ExchangeSubmit(
            coursedir=coursedir, authenticator=Authenticator(config=config), config=config
        ).start()


def master(unit: str, where: Path) -> RunDirs:
    """A course with ``unit`` generated and released: the starting point of every run."""
    dirs = RunDirs(where)
    copy_course(dirs.course)
    dirs.exchange.mkdir(parents=True)
    dirs.home.mkdir(parents=True)
    for step in (("generate_assignment", unit, "--force"), ("release_assignment", unit, "--force")):
        done = nbgrader(*step, dirs=dirs)
        if done.returncode:
            raise RuntimeError(f"nbgrader {step[0]} failed:\n{done.output[-3000:]}")
    return dirs


# --- one run: a class of learners graded in one batch -------------------------------------------


@dataclass
class Canary:
    name: str
    text: str
    owner: str = ""  # the learner whose own folders may hold it


@dataclass
class LearnerResult:
    score: float | None = None
    cells: dict[str, float] = field(default_factory=dict)
    manual: list[str] = field(default_factory=list)  # cells with a manual score nobody gave
    canaries: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    submitted_changed: bool = False
    ceiling: float | None = None  # for "evidence" cases: what its own chat earns
    output: str = ""  # the text of its autograded notebook's outputs
    autograded_bytes: int = 0
    largest_file: int = 0


@dataclass
class RunResult:
    name: str
    unit: str
    cases: list[Case]
    learners: dict[str, LearnerResult] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # the whole run's, charged to each case
    comments: list[str] = field(default_factory=list)  # the gradebook's comments after the run
    autograde: Command | None = None
    feedback: Command | None = None
    ended: float = 0.0
    course: Path | None = None


def _tree_hash(paths: Iterable[Path], base: Path) -> dict[str, str]:
    hashes = {}
    for path in paths:
        if path.is_file() and not path.is_symlink():
            hashes[str(path.relative_to(base))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def _guarded(base: Path) -> dict[str, str]:
    """The tutor's files a learner must not change: source/, keys/ and the course config."""
    paths = [base / "nbgrader_config.py", *sorted((base / "source").rglob("*"))]
    paths += sorted((base / "keys").rglob("*")) if (base / "keys").is_dir() else []
    return _tree_hash(paths, base)


def _numeric_solutions(source: Path) -> str:
    code = []
    for cell in json.loads(source.read_text(encoding="utf-8"))["cells"]:
        info = cell.get("metadata", {}).get("nbgrader", {})
        text = "".join(cell["source"])
        if info.get("solution") and cell["cell_type"] == "code" and "decision" not in text:
            code.append("\n".join(ln for ln in text.splitlines() if not _MARKER.match(ln)))
    return "\n".join(code)


def _expand(code: str, case: Case, sub: Submission, source: Path) -> str:
    setup = "".join(sub.cell("setup")["source"])
    return (
        code.replace("<<setup>>", setup)
        .replace("<<numeric>>", _numeric_solutions(source))
        .replace("<<unit>>", case.unit)
        .replace("<<id>>", case.id)
    )


def _answer(sub: Submission, case: Case | None, source: Path) -> None:
    from coursework_kit.tutor.demo import fill_submission

    kind = "good" if case is None or case.base == "honest" else "untouched"
    fill_submission(sub.path, source, kind, sub.answers, assignment=sub.unit)
    if case is None:
        if sub.friend_canary:
            (sub.folder / "notes.txt").write_text(sub.friend_canary, encoding="utf-8")
        return
    sub.load()
    for grade_id, text in case.answers.items():
        sub.set(grade_id, _expand(text, case, sub, source))
    if case.code:
        first = next(
            c
            for c in sub.notebook["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")
            and c["cell_type"] == "code"
        )
        first["source"] = _expand(case.code, case, sub, source) + "\n" + "".join(first["source"])
    if case.edit is not None:
        case.edit(sub)
    sub.save()


def evidence_ceiling(unit: str, folder: Path) -> float:
    """What the saved chat in ``folder`` earns, marked here in a clean process (no learner code
    has run in it) by the grading functions the unit's chat check cells use."""
    from coursework_kit.tutor import grading

    total = 0.0
    with _STDOUT_LOCK, contextlib.redirect_stdout(io.StringIO()):
        for name, scenario, points, criteria in CHAT_CHECKS.get(unit, []):
            options: dict[str, Any] = {"points": points, "folder": folder}
            if criteria:
                options["criteria"] = list(criteria)
            total += float(getattr(grading, name)(scenario, **options))
    return total


class _Lock:
    """A write lock on the gradebook, held from another process (the tutor's side)."""

    def __init__(self, db: Path, seconds: float) -> None:
        script = (
            "import sqlite3, sys, time\n"
            "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "con.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\n"
            "time.sleep(float(sys.argv[2]))\ncon.execute('ROLLBACK')\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", script, str(db), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.process.stdout.readline()

    def release(self) -> None:
        self.process.wait(timeout=LOCK_SECONDS + 30)
        if self.process.stdout is not None:
            self.process.stdout.close()


def _plant_gradebook(db: Path, canary: str) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{db}") as gradebook:
        gradebook.update_or_create_student(
            FRIEND, first_name="Ada", last_name=canary, email=f"{canary}@example.org"
        )


def run_class(
    name: str, unit: str, cases: list[Case], master_dirs: RunDirs, where: Path
) -> RunResult:
    """One class: controls plus ``cases``, through submit, collect, autograde and feedback."""
    from coursework_kit.tutor.demo import demo_answers

    dirs = RunDirs(where)
    shutil.copytree(master_dirs.course, dirs.course)
    shutil.copytree(master_dirs.exchange, dirs.exchange)
    dirs.home.mkdir(parents=True)
    result = RunResult(name, unit, cases, course=dirs.course)
    source = dirs.course / "source" / unit / f"{unit}.ipynb"
    answers = demo_answers(dirs.course)

    token = secrets.token_hex(6)
    canaries = [
        Canary("HOME", f"CANARY-HOME-{token}"),
        Canary("SOURCE", f"CANARY-SOURCE-{token}"),
        Canary("GRADEBOOK", f"CANARY-GRADEBOOK-{token}"),
        Canary("FRIEND", f"CANARY-FRIEND-{token}", owner=LATER_FRIEND),
    ]
    passwd = Path("/etc/passwd")
    if passwd.is_file() and (first := passwd.read_text(errors="replace").split("\n")[0]):
        canaries.append(Canary("PASSWD", first))
    (dirs.home / "tutor-notes.txt").write_text(canaries[0].text, encoding="utf-8")
    (dirs.course / "source" / "tutor-notes.txt").write_text(canaries[1].text, encoding="utf-8")
    _plant_gradebook(dirs.course / "gradebook.db", canaries[2].text)

    learners = list(CONTROLS) + [c.id for c in cases]
    by_id = {c.id: c for c in cases}
    for learner in sorted(learners, key=lambda x: x not in CONTROLS):
        folder = fetch(dirs, learner, unit)
        sub = Submission(learner, unit, folder, dirs, answers)
        if learner == LATER_FRIEND:
            sub.friend_canary = canaries[3].text
        case = by_id.get(learner)
        _answer(sub, case, source)
        if case is not None and case.ceiling == "evidence":
            result.learners.setdefault(learner, LearnerResult()).ceiling = evidence_ceiling(
                unit, folder / "evidence"
            )
        submit(dirs, learner, unit)
        if case is not None and case.after_submit is not None:
            case.after_submit(sub)

    done = nbgrader("collect", unit, "--CollectApp.check_owner=False", dirs=dirs)
    if done.returncode:
        result.problems.append(f"collect failed: {done.output[-300:]}")
    submitted = {
        learner: _tree_hash((dirs.course / "submitted" / learner).rglob("*"), dirs.course)
        for learner in learners
    }
    guarded = _guarded(dirs.course)
    release_keys = _key_leaks(source, dirs.course / "release", submitted_text="")

    held = any(c.tutor == "lock" for c in cases)
    lock = _Lock(dirs.course / "gradebook.db", LOCK_SECONDS) if held else None
    result.autograde = nbgrader("autograde", unit, "--create", dirs=dirs)
    result.ended = time.monotonic()
    if lock is not None:
        lock.release()
    result.feedback = nbgrader("generate_feedback", unit, dirs=dirs)
    (where / "autograde.log").write_text(result.autograde.output, encoding="utf-8")
    (where / "feedback.log").write_text(result.feedback.output, encoding="utf-8")

    _read_gradebook(result, dirs.course / "gradebook.db", unit, learners)
    for learner in learners:
        got = result.learners.setdefault(learner, LearnerResult())
        mine = dirs.course / "submitted" / learner
        after = _tree_hash(mine.rglob("*"), dirs.course)
        got.submitted_changed = after != submitted[learner]
        got.keys = _key_leaks(source, dirs.course / "feedback" / learner, _notebook_text(mine))
        graded = dirs.course / "autograded" / learner
        sizes = [p.stat().st_size for p in graded.rglob("*") if p.is_file() and not p.is_symlink()]
        got.autograded_bytes = sum(sizes)
        got.largest_file = max(sizes, default=0)
        got.output = _outputs(graded / unit / f"{unit}.ipynb")
    _find_canaries(result, dirs.course, canaries)
    if _guarded(dirs.course) != guarded:
        result.problems.append("source/, keys/ or the course config changed")
    if release_keys:
        result.problems.append(f"answer key in release/: {release_keys[0]}")
    for filler in dirs.course.glob("autograded/*/*/filler.bin"):
        filler.unlink()  # the disk case's file: measured above, not kept
    return result


def _read_gradebook(result: RunResult, db: Path, unit: str, learners: list[str]) -> None:
    from nbgrader.api import Comment, Gradebook, MissingEntry

    try:
        with Gradebook(f"sqlite:///{db}") as gradebook:
            for learner in learners:
                got = result.learners.setdefault(learner, LearnerResult())
                try:
                    submission = gradebook.find_submission(unit, learner)
                except MissingEntry:
                    continue
                got.score = float(submission.score)
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        got.cells[grade.name] = float(grade.score)
                        if grade.manual_score is not None:
                            got.manual.append(grade.name)
            comments = [
                f"{c.auto_comment or ''} {c.manual_comment or ''}"
                for c in gradebook.db.query(Comment).all()
            ]
    except Exception as exc:  # a damaged gradebook is a finding, not a crash of the runner
        result.problems.append(f"gradebook unreadable: {exc}")
        comments = []
    result.comments = comments


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


def _plain(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", "replace")
    if path.suffix == ".html":
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


def _notebook_text(folder: Path) -> str:
    parts = []
    for path in folder.rglob("*.ipynb"):
        try:
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            parts += ["".join(c.get("source", "")) for c in cells]
        except (ValueError, KeyError, TypeError):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return _normal("\n".join(parts))


@functools.lru_cache(maxsize=8)
def answer_keys(source: Path) -> tuple[str, ...]:
    """What must stay with the tutor, as normalised lines: the expected choice letters (in the
    check cells' hidden tests, or in the course's tutor-only ``keys/<assignment>.yaml``), the
    solution code and the mark schemes."""
    keys: set[str] = set()
    key_file = source.parents[2] / "keys" / f"{source.parent.name}.yaml"
    if key_file.is_file():
        lines = key_file.read_text(encoding="utf-8").splitlines()
        keys |= {_normal(line.strip(" -")) for line in lines if "expected" in line}
    for cell in json.loads(source.read_text(encoding="utf-8"))["cells"]:
        text = "".join(cell["source"])
        info = cell.get("metadata", {}).get("nbgrader", {})
        for kind, block in _BLOCK.findall(text):
            for line in block.splitlines():
                line = line.strip()
                choice = kind == "HIDDEN TESTS" and "score_choice(" in line
                if choice or (kind == "SOLUTION" and "=" in line and len(line) > 12):
                    keys.add(_normal(line))
        if info.get("solution") and cell["cell_type"] == "markdown":
            keys |= {_normal(s) for s in re.split(r"(?<=\.)\s+", text) if len(s) > 40}
    return tuple(sorted(keys))


def _key_leaks(source: Path, folder: Path, submitted_text: str) -> list[str]:
    """Keys found in ``folder`` that the learner did not write themselves."""
    if not folder.exists():
        return []
    text = _normal("\n".join(_plain(p) for p in folder.rglob("*") if p.is_file()))
    return [k for k in answer_keys(source) if k in text and k not in submitted_text]


def _outputs(notebook: Path) -> str:
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return ""
    parts = []
    for cell in cells:
        for output in cell.get("outputs", []):
            parts.append("".join(output.get("text", "")))
            parts.append("".join(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)[-200000:]


def _find_canaries(result: RunResult, course: Path, canaries: list[Canary]) -> None:
    for top in ("autograded", "feedback"):
        for path in sorted((course / top).rglob("*")):
            if not path.is_file():
                continue
            owner = path.relative_to(course / top).parts[0]
            text = path.read_bytes().decode("utf-8", "replace")
            for canary in canaries:
                if canary.text in text and canary.owner != owner:
                    where = f"{canary.name} in {top}/{owner}"
                    if owner in result.learners and owner not in CONTROLS:
                        result.learners[owner].canaries.append(where)
                    else:
                        result.problems.append(f"canary {where}")
    for comment in result.comments:
        for canary in canaries:
            if canary.text in comment:
                result.problems.append(f"canary {canary.name} in a gradebook comment")


# --- judging -----------------------------------------------------------------------------------


@dataclass
class Verdict:
    """Whether one case was handled, and why not."""

    case: Case
    score: float | None
    ceiling: float | None
    problems: list[str]

    @property
    def handled(self) -> bool:
        return not self.problems

    @property
    def got(self) -> str:
        score = "no score" if self.score is None else f"{self.score:g}"
        return score + ("" if self.handled else ": " + "; ".join(self.problems))


def _extra(case: Case, got: LearnerResult, run: RunResult) -> list[str]:
    problems = []
    for check in case.checks:
        if check == "no-late-marker":
            assert run.course is not None
            wait = run.ended + LATE_SECONDS + 5 - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            if (run.course / f"late-{case.id}.txt").exists():
                problems.append("a process outlived the kernel and wrote its marker")
        elif check == "output-bounded" and got.largest_file > OUTPUT_LIMIT:
            problems.append(f"output not bounded ({got.largest_file / 2**20:.0f} MB file)")
        elif check == "disk-bounded" and got.autograded_bytes > DISK_LIMIT:
            problems.append(f"disk not bounded ({got.autograded_bytes / 2**20:.0f} MB)")
        elif check in ("memory-bounded", "forks-bounded"):
            tag, cap = ("MEMORY-GOT", 4096) if check == "memory-bounded" else ("FORKS", 2000)
            found = re.search(rf"HOSTILE-{tag} (\d+)", got.output)
            if found and int(found.group(1)) >= cap:
                problems.append(f"{check.split('-')[0]} not bounded ({found.group(1)})")
        elif check == "no-network" and "HOSTILE-NETWORK-REACHED" in got.output:
            problems.append("reached the network")
    return problems


def stopped_at(run: RunResult) -> str | None:
    """The case nbgrader was grading when the batch stopped (the last learner, in nbgrader's
    order, with an autograded folder), or None if the batch went through or a control stopped
    it. The learner graded last is a control, so a stopped batch leaves it without a score."""
    if not run.cases or run.learners[LATER_FRIEND].score is not None or run.course is None:
        return None
    folder = run.course / "autograded"
    graded = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    reached = [learner for learner in sorted(run.learners) if learner in graded]
    culprit = reached[-1] if reached else ""
    return culprit if culprit in {c.id for c in run.cases} else None


def judge(run: RunResult, control: RunResult, culprit: str | None = None) -> list[Verdict]:
    """A verdict for each case of ``run`` that nbgrader reached. When ``culprit`` stopped the
    batch, the stop is charged to it alone, and the cases after it are left to a new run."""
    honest = max((control.learners[c].score or 0.0) for c in CONTROLS)
    shared = list(run.problems)
    stop = []
    for learner in CONTROLS:
        before, now = control.learners[learner], run.learners.get(learner, LearnerResult())
        if now.score is None:
            stop.append(f"batch stopped: {learner} has no score")
        elif now.cells != before.cells:
            shared.append(f"{learner}'s score changed: {before.score:g} -> {now.score:g}")
        if now.submitted_changed:
            shared.append(f"{learner}'s submitted files changed")
        if now.manual:
            shared.append(f"{learner} has manual scores nobody gave")
    verdicts = []
    for case in run.cases:
        if culprit is not None and case.id > culprit:
            continue
        got = run.learners[case.id]
        if case.ceiling == "honest":
            ceiling: float | None = honest
        elif case.ceiling == "evidence":
            ceiling = got.ceiling
        else:
            ceiling = float(case.ceiling)
        problems = shared + (stop if culprit in (None, case.id) else [])
        if got.score is None:
            problems.append("no score: the batch did not grade it")
        else:
            if ceiling is not None and got.score > ceiling + 1e-6:
                problems.append(f"score {got.score:g} > ceiling {ceiling:g}")
            if case.floor and got.score < honest - 1e-6:
                problems.append(f"honest answer scored {got.score:g} < {honest:g}")
        if got.manual:
            problems.append("manual scores set during autograde")
        problems += [f"canary {c}" for c in got.canaries]
        if got.keys:
            problems.append(f"answer key in its feedback ({len(got.keys)} lines)")
        if got.submitted_changed:
            problems.append("its submitted files changed during grading")
        problems += _extra(case, got, run)
        verdicts.append(Verdict(case, got.score, ceiling, problems))
    return verdicts


# --- the whole corpus --------------------------------------------------------------------------


@dataclass
class Report:
    verdicts: list[Verdict]
    seconds: float
    runs: list[RunResult]

    @property
    def handled(self) -> int:
        return sum(v.handled for v in self.verdicts)


@contextlib.contextmanager
def _workspace(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
    else:
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            yield Path(tmp)


def _chain(
    name: str, unit: str, cases: list[Case], master_dirs: RunDirs, work: Path
) -> list[tuple[RunResult, str | None]]:
    """Grade ``cases`` as one class; if one of them stops the batch, grade the cases nbgrader
    never reached as a new class, and so on (at most ``MAX_RERUNS`` times)."""
    chain: list[tuple[RunResult, str | None]] = []
    pending = cases
    for attempt in range(MAX_RERUNS + 1):
        label = name if attempt == 0 else f"{name}-{attempt + 1}"
        run = run_class(label, unit, pending, master_dirs, work / label)
        culprit = stopped_at(run)
        chain.append((run, culprit))
        pending = [c for c in pending if culprit is not None and c.id > culprit]
        if not pending:
            break
    return chain


def run_corpus(
    cases: list[Case] | None = None, *, workers: int = 3, keep: Path | None = None
) -> Report:
    """Run every case (all of ``CASES`` by default) and judge each; ``keep`` keeps the files."""
    chosen = list(CASES if cases is None else cases)
    start = time.perf_counter()
    units = sorted({c.unit for c in chosen})
    with _workspace(keep) as work, ThreadPoolExecutor(max_workers=workers) as pool:
        made = pool.map(lambda u: master(u, work / f"master-{u}"), units)
        masters = dict(zip(units, made, strict=True))
        plans: list[tuple[str, str, list[Case]]] = []
        for unit in units:
            mine = [c for c in chosen if c.unit == unit]
            plans.append((f"{unit}-control", unit, []))
            plans += [(f"{unit}-{c.id}", unit, [c]) for c in mine if c.isolated]
            plans.append((f"{unit}-shared", unit, [c for c in mine if not c.isolated]))
        plans.sort(key=lambda p: -len(p[2]))  # the long runs first
        chains = list(pool.map(lambda p: _chain(p[0], p[1], p[2], masters[p[1]], work), plans))
    results = [run for chain in chains for run, _ in chain]
    controls = {r.unit: r for r in results if not r.cases}
    verdicts: dict[str, Verdict] = {}
    for chain in chains:
        for run, culprit in chain:
            for verdict in judge(run, controls[run.unit], culprit):
                verdicts[verdict.case.id] = verdict
    ordered = [verdicts[c.id] for c in chosen]
    return Report(ordered, time.perf_counter() - start, results)


def table(report: Report) -> str:
    """The report as a plain-text table, then the totals."""
    rows = [("case", "kind", "unit", "expected", "got", "handled")]
    for v in report.verdicts:
        rows.append((v.case.id, v.case.kind, v.case.unit, v.case.expected, v.got, str(v.handled)))
    widths = [max(len(r[i]) for r in rows) if i != 4 else 0 for i in range(6)]
    lines = []
    for row in rows:
        cells = [row[i].ljust(widths[i]) if i != 4 else row[i] for i in range(6)]
        lines.append("  ".join([*cells[:4], cells[5].ljust(7), cells[4]]))
    total = f"handled {report.handled} / {len(report.verdicts)}"
    lines += ["", f"{total}; wall time {report.seconds:.0f} s"]
    return "\n".join(lines)
