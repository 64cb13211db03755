"""The corpus: hostile and broken learner submissions for units 1, 3 and 4.

Each :class:`Case` is one learner. It starts from the released notebook, either untouched or
answered honestly (the solution code and the demo's good chat, as ``fill_submission`` answers
it), then changes it: learner code in the first answer cell (``code``), other answer cells
replaced (``answers``), the notebook or its files edited before it is submitted (``edit``), or
the submission in the exchange changed after it is submitted (``after_submit``).

What "handled" means is checked by the harness after one autograde run for the whole class. For
every case: the case's score is at most its ``ceiling`` (a number; ``"honest"``, the score the
honest control learners get; ``"evidence"``, what the case's own saved chat earns when the tutor
marks it in a clean process); honest control learners keep their control-run scores; no canary
reaches autograded/, feedback/ or gradebook comments; source/, the course config and other
learners' files are unchanged; every learner has a score; no answer key reaches release/ or
the learner's feedback. ``floor="honest"`` adds that an honest odd format must still score.
``checks`` names extra checks read from the case's own autograded output (see harness.EXTRA).

In learner code, ``<<id>>`` is the case id, ``<<unit>>`` the assignment, ``<<setup>>`` the
released set-up cell and ``<<numeric>>`` the solution code for the numeric answers.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.assignments.hostile.harness import Submission

Edit = Callable[["Submission"], None]

SCENARIO = {"unit3": "data-request", "unit4": "charged-twice"}
# answer-cell grade id -> the variables it assigns, per assignment
NUMERIC: dict[str, dict[str, tuple[str, ...]]] = {
    "unit1": {
        "task1-answer": ("ctr_answer",),
        "task2-answer": ("conversion_answer",),
        "task3-answer": ("open_rate_answer", "roi_answer"),
    },
    "unit3": {"task1-answer": ("aht_answer", "fcr_answer")},
    "unit4": {"task1-answer": ("wait_answer", "csat_answer")},
}
CHOICE: dict[str, dict[str, tuple[str, ...]]] = {
    "unit1": {"task4-answer": ("decision",)},
    "unit3": {"task3-answer": ("decision_a", "decision_b")},
    "unit4": {"task3-answer": ("decision_a", "decision_b")},
}
# The chat check cells of each unit: (grading function, scenario, points, criteria), as the
# check cells mark them; an "evidence" ceiling is what these give the case's own saved chat.
CHAT_CHECKS: dict[str, list[tuple[str, str, float, tuple[str, ...]]]] = {
    "unit3": [
        ("score_transcript", "data-request", 2, ("greeting", "identity_verification")),
        ("score_transcript", "data-request", 2, ("spelling_grammar", "positive_language")),
        ("score_transcript", "data-request", 2, ("escalation",)),
        ("score_transcript", "data-request", 2, ("resolves_query",)),
        ("score_templates", "data-request", 2, ()),
        ("score_crm", "data-request", 2, ()),
    ],
    "unit4": [
        ("score_transcript", "charged-twice", 2, ("active_listening",)),
        ("score_transcript", "charged-twice", 3, ("greeting", "signposting", "closing")),
        ("score_transcript", "charged-twice", 3, ("positive_language", "empathy", "no_jargon")),
        ("score_transcript", "charged-twice", 2, ("confirm_understanding",)),
        ("score_transcript", "charged-twice", 2, ("escalation",)),
        ("score_transcript", "charged-twice", 2, ("resolves_query",)),
    ],
}
FRIEND = "aa-honest"  # the honest control learner graded first
LATER_FRIEND = "zz-honest"  # the honest control learner graded last


@dataclass(frozen=True)
class Case:
    """One hostile or broken submission and what handling it correctly means."""

    id: str
    unit: str
    kind: str
    what: str
    base: str = "untouched"  # or "honest"
    code: str = ""
    answers: Mapping[str, str] = field(default_factory=dict)
    edit: Edit | None = None
    after_submit: Edit | None = None
    ceiling: float | str = 0.0
    floor: str = ""
    tutor: str = ""  # "lock": the tutor's side holds a write lock on gradebook.db
    isolated: bool = False  # graded in its own class (it attacks the class or the tutor)
    checks: tuple[str, ...] = ()

    @property
    def expected(self) -> str:
        """The ceiling as a reader sees it in the report."""
        bound = f"<= {self.ceiling:g}" if isinstance(self.ceiling, float) else f"<= {self.ceiling}"
        return bound + (" and >= honest" if self.floor else "")


def numbers(unit: str, expr: str) -> dict[str, str]:
    """Answer cells that set every numeric answer of ``unit`` to ``expr``."""
    return {gid: "\n".join(f"{v} = {expr}" for v in names) for gid, names in NUMERIC[unit].items()}


def choices(unit: str, expr: str) -> dict[str, str]:
    """Answer cells that set every multiple-choice answer of ``unit`` to ``expr``."""
    return {gid: "\n".join(f"{v} = {expr}" for v in names) for gid, names in CHOICE[unit].items()}


def _kept(unit: str) -> tuple[str, dict[str, str]]:
    """Code that keeps the numeric answers worked out in the first cell, and the later answer
    cells that put them back (an untouched cell would set them to None again)."""
    names = [v for names in NUMERIC[unit].values() for v in names]
    keep = "_kept = {" + ", ".join(f"{n!r}: {n}" for n in names) + "}"
    later = {
        gid: "\n".join(f"{v} = _kept[{v!r}]" for v in names)
        for gid, names in list(NUMERIC[unit].items())[1:]
    }
    return keep, later


def friend_figures(unit: str, prelude: str, **kw: Any) -> dict[str, Any]:
    """``prelude`` makes the set-up draw a friend's figures; the answers are then worked out
    from those figures (right for the friend, wrong for this learner)."""
    keep, later = _kept(unit)
    return {"code": f"{prelude}\n<<setup>>\n<<numeric>>\n{keep}", "answers": later, **kw}


STACK = '''
import sys as _sys


def _expected():
    """Walk up the stack to the grader's frame and read what it expects."""
    frame = _sys._getframe(1)
    while frame is not None:
        if "expected" in frame.f_locals:
            return frame.f_locals["expected"]
        frame = frame.f_back
    return None
'''

FULL = """
def _full(*args, points=1, **kwargs):
    return points
"""

SHADOW = '''"""Planted beside the notebook: imported instead of the real coursework_kit."""
import os
import sys

_here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]
del sys.modules["coursework_kit"]
import coursework_kit  # noqa: E402  the real package
import coursework_kit.tutor.grading as _grading  # noqa: E402


def _full(*args, points=1, **kwargs):
    return points


_grading.score_numeric = _grading.score_choice = _full
'''

LAUNCHER = '''"""Planted beside the notebook: run as the kernel, before the real kernel starts."""
import builtins
import os
import runpy
import sys

_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]
sys.modules.pop("ipykernel_launcher", None)
_round = builtins.round
builtins.round = lambda number, ndigits=None: 2.0 if ndigits == 2 else _round(number, ndigits)
runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)
'''


# --- evidence, made the way the chat widget saves it ------------------------------------------


def hold_chat(
    sub: Submission,
    scenario: str,
    kind: str = "good",
    *,
    mode: str = "assessment",
    coach: bool = False,
    folder: Path | None = None,
) -> Path:
    """Hold the demo's ``kind`` chat in ``scenario`` as this learner would (their own customer
    details, typed at a person's pace, ending now) and save it; the saved file's path."""
    from coursework_kit.tutor.demo import hold_chat as hold

    script = sub.answers["chats"][scenario]
    crm = script["crm"] if kind == "good" else None
    where = folder or sub.folder / "evidence"
    return hold(where, scenario, script[kind], learner=sub.id, mode=mode, coach=coach, crm=crm)


def _evidence(sub: Submission) -> Path:
    return sub.folder / "evidence" / f"chat-{SCENARIO[sub.unit]}.json"


def _partial_chat(sub: Submission) -> None:
    hold_chat(sub, SCENARIO[sub.unit], "partial")


def _copy_friend(sub: Submission) -> None:
    target = _evidence(sub)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sub.friend(FRIEND) / "evidence" / target.name, target)


def _link_friend_inbound(sub: Submission) -> None:
    name = _evidence(sub).name
    target = sub.inbound / "evidence" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    target.symlink_to(sub.friend_inbound(FRIEND) / "evidence" / name)


def _link_inbound(to: Callable[[Submission], Path]) -> Edit:
    def edit(sub: Submission) -> None:
        target = sub.inbound / "evidence" / _evidence(sub).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        target.symlink_to(to(sub))

    return edit


def _rewrite_record(change: Callable[[dict[str, Any]], None]) -> Edit:
    def edit(sub: Submission) -> None:
        path = hold_chat(sub, SCENARIO[sub.unit])
        record = json.loads(path.read_text(encoding="utf-8"))
        change(record)
        path.write_text(json.dumps(record, indent=1), encoding="utf-8")

    return edit


def _stuffed(record: dict[str, Any]) -> None:
    work = record["attempts"][0]["work"]
    opening = work["turns"][0]
    at = opening["at"]
    work["turns"] = [
        opening,
        {
            "speaker": "agent",
            "at": at,
            "kind": "",
            "text": "Hello thank you for contacting Harbour & Pine, so just to check, for security "
            "confirm your name email postcode order number, sorry to hear, I understand, "
            "passing to the data protection team billing team within one month refund, "
            "does that sound OK, is there anything else I can help you with today, thanks",
        },
        {"speaker": "customer", "at": at, "kind": "goodbye", "text": "Thanks, bye."},
    ]
    work["ended_by"] = "customer"


def _one_second_apart(record: dict[str, Any]) -> None:
    for attempt in record["attempts"]:
        start = datetime.fromisoformat(attempt["started"])
        for i, turn in enumerate(attempt["work"]["turns"]):
            turn["at"] = (start + timedelta(seconds=i)).isoformat()
        attempt["saved"] = (start + timedelta(seconds=len(attempt["work"]["turns"]))).isoformat()


def _dated_2020(record: dict[str, Any]) -> None:
    text = re.sub(r'"(\d{4})-(\d\d)-(\d\d)T', '"2020-03-02T', json.dumps(record))
    record.clear()
    record.update(json.loads(text))


def _forged_score(record: dict[str, Any]) -> None:
    record["score"] = 100
    for attempt in record["attempts"]:
        attempt["score"] = 100
        attempt["mark"] = {"share": 1.0, "why": ""}


def _other_scenario(*, relabel: bool) -> Edit:
    def edit(sub: Submission) -> None:
        other = "charged-twice" if sub.unit == "unit3" else "data-request"
        made = hold_chat(sub, other, folder=sub.folder / "other")
        target = _evidence(sub)
        target.parent.mkdir(parents=True, exist_ok=True)
        if relabel:
            text = made.read_text(encoding="utf-8").replace(other, SCENARIO[sub.unit])
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(made, target)
        shutil.rmtree(made.parent)

    return edit


def _practice(sub: Submission) -> None:
    hold_chat(sub, SCENARIO[sub.unit], mode="practice", coach=True)


def _not_json(sub: Submission) -> None:
    target = _evidence(sub)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('{"format": "coursework-kit evidence", "attempts": [', encoding="utf-8")


# --- the notebook itself -----------------------------------------------------------------------


def _paste_check(sub: Submission) -> None:
    """A copy of the first check cell pasted below the first answer (a duplicate grade id)."""
    check = json.loads(json.dumps(sub.cell("task1-check")))
    check["metadata"]["nbgrader"] = dict(check["metadata"]["nbgrader"], locked=False)
    sub.insert_after("task1-answer", check)


def _schema_version(sub: Submission) -> None:
    for cell in sub.notebook["cells"]:
        if "nbgrader" in cell.get("metadata", {}):
            cell["metadata"]["nbgrader"]["schema_version"] = 1


def _delete_checks(sub: Submission) -> None:
    sub.notebook["cells"] = [
        c
        for c in sub.notebook["cells"]
        if not (c.get("metadata", {}).get("nbgrader", {}).get("grade") and c["cell_type"] == "code")
    ]


def _checks_to_markdown(sub: Submission) -> None:
    for cell in sub.notebook["cells"]:
        info = cell.get("metadata", {}).get("nbgrader", {})
        if info.get("grade") and cell["cell_type"] == "code":
            cell["cell_type"] = "markdown"
            cell["source"] = "2"
            cell.pop("outputs", None)
            cell.pop("execution_count", None)


def _edit_locked(sub: Submission) -> None:
    for cell in sub.notebook["cells"]:
        info = cell.get("metadata", {}).get("nbgrader", {})
        if info.get("grade") and cell["cell_type"] == "code":
            cell["source"] = f"{info.get('points', 0)}  # full marks"
        elif info.get("grade_id") == "setup":
            cell["source"] += "\nwait_total, chat_count, ratings = 10, 1, [5]\n"
    sub.set("task1-answer", "wait_answer = 10.0\ncsat_answer = 100.0")


def _forged_grade_cell(sub: Submission) -> None:
    sub.insert_after(
        "task1-answer",
        {
            "cell_type": "code",
            "execution_count": None,
            "outputs": [],
            "source": "50",
            "metadata": {
                "nbgrader": {
                    "grade": True,
                    "grade_id": "bonus-check",
                    "locked": True,
                    "points": 50,
                    "schema_version": 3,
                    "solution": False,
                    "task": False,
                }
            },
        },
    )


def _kernelspec(sub: Submission) -> None:
    sub.notebook["metadata"]["kernelspec"] = {
        "name": "hostile-kernel",
        "display_name": "Not a kernel",
        "language": "python",
    }


def _raw(data: bytes) -> Edit:
    def edit(sub: Submission) -> None:
        sub.write_raw(data)

    return edit


def _plant(name: str, text: str) -> Edit:
    def edit(sub: Submission) -> None:
        path = sub.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return edit


# --- learner code ------------------------------------------------------------------------------

PATCH_MODULE = (
    FULL
    + """
import coursework_kit.tutor.grading as _grading

_grading.{names} = _full
"""
)

MEMORY = """
_chunks, _got = [], 0
try:
    while _got < 4096:
        _chunks.append(b"\\x01" * (256 * 2**20))
        _got += 256
except MemoryError:
    pass
print(f"HOSTILE-MEMORY-GOT {_got}")
del _chunks
"""

FORKS = """
import subprocess as _subprocess

_started = 0
try:
    for _ in range(2000):  # capped: never an unbounded bomb
        _subprocess.Popen(
            ["sleep", "20"], stdin=_subprocess.DEVNULL, stdout=_subprocess.DEVNULL,
            stderr=_subprocess.DEVNULL,
        )
        _started += 1
except OSError:
    pass
print(f"HOSTILE-FORKS {_started}")
"""

DISK = """
_written = 0
with open("filler.bin", "wb") as _f:
    _block = b"\\0" * (64 * 2**20)
    try:
        while _written < 1024:
            _f.write(_block)
            _written += 64
    except OSError:
        pass
print(f"HOSTILE-DISK-MB {_written}")
"""

NETWORK = """
import socket as _socket

_reached = []
for _host, _port in [("1.1.1.1", 53), ("8.8.8.8", 53), ("151.101.0.223", 443)]:
    try:
        _socket.create_connection((_host, _port), timeout=3).close()
        _reached.append(_host)
    except OSError:
        pass
print("HOSTILE-NETWORK-REACHED " + " ".join(_reached) if _reached else "HOSTILE-NETWORK-BLOCKED")
"""

OUTLIVE = """
import os as _os
import subprocess as _subprocess
import sys as _sys

_marker = _os.path.abspath("../../../late-<<id>>.txt")
_subprocess.Popen(
    [_sys.executable, "-c",
     f"import time, pathlib; time.sleep(20); pathlib.Path({_marker!r}).write_text('still here')"],
    start_new_session=True, stdin=_subprocess.DEVNULL, stdout=_subprocess.DEVNULL,
    stderr=_subprocess.DEVNULL,
)
"""

KILL_PARENT = """
import os as _os
import signal as _signal

_parent = _os.getppid()
with open(f"/proc/{_parent}/cmdline", "rb") as _f:
    _cmd = _f.read()
if b"nbgrader" in _cmd:  # only ever the grader that started this kernel
    _os.kill(_parent, _signal.SIGKILL)
"""

READ_SOURCE = """
import json as _json
import pathlib as _pathlib
import re as _re

_course = _pathlib.Path("../../..")
_text = "\\n".join(
    "".join(c["source"])
    for c in _json.loads((_course / "source/<<unit>>/<<unit>>.ipynb").read_text())["cells"]
)
print(_text)
print((_course / "source/tutor-notes.txt").read_text())
_keys = dict(_re.findall(r"score_choice\\((\\w+), \\"(\\w)\\"", _text))
"""

GRADEBOOK_READ = """
import sqlite3 as _sqlite3

_con = _sqlite3.connect("../../../gradebook.db", timeout=2)
print(_con.execute("SELECT id, first_name, last_name, email FROM student").fetchall())
print(_con.execute("SELECT * FROM comment").fetchall())
_con.close()
"""

GRADEBOOK_WRITE = """
import sqlite3 as _sqlite3

try:
    _con = _sqlite3.connect("../../../gradebook.db", timeout=5)
    _con.execute(
        "UPDATE grade SET manual_score = "
        "(SELECT max_score FROM grade_cells WHERE grade_cells.id = grade.cell_id)"
    )
    _con.commit()
    _con.close()
    print("HOSTILE-GRADEBOOK-WRITTEN")
except Exception as _exc:
    print("gradebook write failed:", _exc)
"""

WRITE_SOURCE = """
import json as _json
import pathlib as _pathlib

_course = _pathlib.Path("../../..")
_nb = _course / "source/<<unit>>/<<unit>>.ipynb"
_data = _json.loads(_nb.read_text())
for _c in _data["cells"]:
    _c["source"] = "".join(_c["source"]).replace('decision, "c"', 'decision, "a"')
_nb.write_text(_json.dumps(_data))
with open(_course / "nbgrader_config.py", "a") as _f:
    _f.write("\\nc.ExecutePreprocessor.timeout = 1\\n")
(_course / "source/tutor-notes.txt").write_text("overwritten")
"""

WRITE_FRIEND = """
import pathlib as _pathlib

for _who in ("aa-honest", "zz-honest"):
    for _root in ("submitted", "autograded"):
        _path = _pathlib.Path(f"../../../{_root}/{_who}/<<unit>>/evidence/chat-data-request.json")
        if _path.exists():
            _path.write_text("{}")
"""

FRIEND_ASSESS = """
from pathlib import Path as _Path

import coursework_kit.chat as _chat
from coursework_kit.chat import ChatRecord as _ChatRecord
from coursework_kit.records import RecordFile as _RecordFile

_real_assess = _chat.assess


def _friend_assess(record, *, scenario, attempt=None, **kwargs):
    friend = _Path("../../../submitted/aa-honest/<<unit>>/evidence")
    return _real_assess(_RecordFile(_ChatRecord, scenario.id, friend).load(), scenario=scenario)


_chat.assess = _chat.assess_transcript = _friend_assess
"""

HOOK_REWRITE = """
import re as _re

_ip = get_ipython()
_write = _ip.displayhook.write_format_data
_state = {"points": None}


def _note(info):
    found = [float(p) for p in _re.findall(r"points=(\\d+)", info.raw_cell or "")]
    _state["points"] = sum(found) if found else None


def _rewrite(format_dict, md_dict=None):
    if _state["points"] is not None:
        format_dict = {"text/plain": repr(_state["points"])}
    return _write(format_dict, md_dict)


_ip.events.register("pre_run_cell", _note)
_ip.displayhook.write_format_data = _rewrite
"""

HOOK_CLEAR = """
from IPython.display import clear_output as _clear_output


def _wipe(result):
    if "score_" in (result.info.raw_cell or ""):
        _clear_output()


get_ipython().events.register("post_run_cell", _wipe)
"""

SNEAKY_FLOAT = (
    STACK
    + """

class _Sneaky(float):
    def __float__(self):
        return float(_expected() or 0)

    def __sub__(self, other):
        return 0.0

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__

    def __abs__(self):
        return 0.0
"""
)

SNEAKY_STR = (
    STACK
    + """

class _Key(str):
    def __str__(self):
        return str(_expected() or "")

    def __eq__(self, other):
        return True

    __hash__ = str.__hash__

    def strip(self, *args):
        return self

    def lower(self):
        return self
"""
)

ANY_NUMBER = (
    STACK
    + """
import builtins as _builtins

_isinstance = isinstance


class _Any:
    def __float__(self):
        return float(_expected() or 0)


def _claims(obj, kinds):
    if type(obj) is _Any:
        return kinds == (int, float)
    return _isinstance(obj, kinds)


_builtins.isinstance = _claims
"""
)


CASES: list[Case] = [
    # ---- unit 1: builtins patched from a learner cell (untouched answers: ceiling 0) -------
    Case(
        "u1-round",
        "unit1",
        "builtins",
        "builtins.round returns 2, so every score rounds up to full marks",
        code="import builtins\nbuiltins.round = lambda number, ndigits=None: 2.0",
    ),
    Case(
        "u1-min",
        "unit1",
        "builtins",
        "builtins.min becomes max, so the points cap lets everything through",
        code="import builtins\n_max = max\nbuiltins.min = lambda *a, **k: _max(*a, **k)",
    ),
    Case(
        "u1-abs",
        "unit1",
        "builtins",
        "builtins.abs returns 0 and every answer is a wrong 1.0",
        code="import builtins\nbuiltins.abs = lambda x: 0.0",
        answers=numbers("unit1", "1.0"),
    ),
    Case(
        "u1-float",
        "unit1",
        "builtins",
        "builtins.float replaced by a subclass whose difference from anything is 0",
        code="import builtins\n\n\nclass _F(builtins.float):\n"
        "    def __new__(cls, x=0.0):\n        return super().__new__(cls, 0.0)\n\n"
        "    def __sub__(self, other):\n        return 0.0\n\n\nbuiltins.float = _F",
        answers=numbers("unit1", '"anything"'),
    ),
    Case(
        "u1-print",
        "unit1",
        "builtins",
        "builtins.print prints '2 / 2: right' whatever it is given",
        code="import builtins\n_p = print\n"
        "builtins.print = lambda *a, **k: _p('2 / 2: the answer is right.')",
    ),
    Case(
        "u1-isinstance",
        "unit1",
        "builtins",
        "builtins.isinstance says an object is a number; its __float__ reads the key",
        code=ANY_NUMBER,
        answers=numbers("unit1", "_Any()"),
    ),
    # ---- unit 1: the grading and metric functions replaced ---------------------------------
    Case(
        "u1-score-numeric",
        "unit1",
        "grading-patch",
        "score_numeric replaced in the grading module",
        code=PATCH_MODULE.format(names="score_numeric"),
    ),
    Case(
        "u1-score-choice",
        "unit1",
        "grading-patch",
        "score_choice replaced in the grading module",
        code=PATCH_MODULE.format(names="score_choice"),
    ),
    Case(
        "u1-metrics-ctr",
        "unit1",
        "grading-patch",
        "coursework_kit.metrics.ctr returns 0 and the CTR answer is 0",
        code="import coursework_kit.metrics as _m\n_m.ctr = lambda *a, **k: 0.0",
        answers={"task1-answer": "ctr_answer = 0.0"},
    ),
    # ---- unit 1: answers that are not plain numbers ----------------------------------------
    Case(
        "u1-float-subclass",
        "unit1",
        "answer-object",
        "a float subclass whose __float__/__sub__/__eq__/__abs__ walk the stack to `expected`",
        code=SNEAKY_FLOAT,
        answers=numbers("unit1", "_Sneaky(0)"),
    ),
    Case(
        "u1-str-subclass",
        "unit1",
        "answer-object",
        "a str subclass: __eq__ always True, __str__ reads the key from the stack",
        code=SNEAKY_STR,
        answers=choices("unit1", '_Key("")'),
    ),
    Case(
        "u1-numpy-scalar",
        "unit1",
        "odd-format",
        "honest answers as numpy float64: must still score",
        base="honest",
        code="import numpy as np",
        answers={
            "task1-answer": "ctr_answer = np.float64(round(a.clicks / a.impressions * 100, 2))",
            "task2-answer": "conversion_answer = np.float64("
            "round(a.conversions / a.sessions * 100, 2))",
            "task3-answer": "open_rate_answer = np.float64(round(e.opens / e.delivered * 100, 2))"
            "\nroi_answer = np.float64(round((revenue - spend) / spend * 100, 2))",
        },
        ceiling="honest",
        floor="honest",
    ),
    Case(
        "u1-percent-strings",
        "unit1",
        "odd-format",
        'honest answers typed as "3.2%" strings and " C " : must still score',
        base="honest",
        answers={
            "task1-answer": 'ctr_answer = f"{a.clicks / a.impressions * 100:.2f}%"',
            "task2-answer": 'conversion_answer = f"{a.conversions / a.sessions * 100:.2f} %"',
            "task3-answer": 'open_rate_answer = f"{e.opens / e.delivered * 100:.2f}%"\n'
            'roi_answer = f"{(revenue - spend) / spend * 100:,.2f}%"',
            "task4-answer": 'decision = " C "',
        },
        ceiling="honest",
        floor="honest",
    ),
    Case(
        "u1-numpy-array",
        "unit1",
        "odd-format",
        "right answers wrapped in numpy arrays",
        base="honest",
        code="import numpy as np",
        answers={
            "task1-answer": "ctr_answer = np.array([round(a.clicks / a.impressions * 100, 2)])",
            "task2-answer": "conversion_answer = np.array([1.0, 2.0, 3.0])",
        },
        ceiling="honest",
    ),
    Case(
        "u1-dict",
        "unit1",
        "odd-format",
        "answers as dicts holding every possible value",
        answers=numbers("unit1", "{i / 100: i / 100 for i in range(10000)}"),
    ),
    Case(
        "u1-huge-int",
        "unit1",
        "odd-format",
        "answers as 10**400 (too big for a float)",
        answers=numbers("unit1", "10**400"),
    ),
    Case(
        "u1-nan",
        "unit1",
        "odd-format",
        "answers as NaN, which compares false with everything",
        answers=numbers("unit1", 'float("nan")'),
    ),
    Case(
        "u1-inf",
        "unit1",
        "odd-format",
        "answers as infinity",
        answers=numbers("unit1", 'float("inf")'),
    ),
    # ---- unit 1: set-up variables and identity ----------------------------------------------
    Case(
        "u1-overwrite-setup",
        "unit1",
        "setup-overwrite",
        "a, e, spend and revenue replaced by made-up figures that the answers fit",
        code="from types import SimpleNamespace\n"
        "a = SimpleNamespace(clicks=1, impressions=100, sessions=100, conversions=1)\n"
        "e = SimpleNamespace(opens=1, delivered=100)\nspend, revenue = 100.0, 200.0",
        answers={
            "task1-answer": "ctr_answer = 1.0",
            "task2-answer": "conversion_answer = 1.0",
            "task3-answer": "open_rate_answer = 1.0\nroi_answer = 100.0",
        },
    ),
    Case(
        "u1-jupyterhub-user",
        "unit1",
        "identity",
        "JUPYTERHUB_USER set to a friend, NBGRADER_EXECUTION removed, set-up run again",
        **friend_figures(
            "unit1",
            'import os\nos.environ["JUPYTERHUB_USER"] = "aa-honest"\n'
            'os.environ.pop("NBGRADER_EXECUTION", None)',
        ),
    ),
    Case(
        "u1-nbgrader-execution",
        "unit1",
        "identity",
        'NBGRADER_EXECUTION set to "validate" and JUPYTERHUB_USER to a friend',
        **friend_figures(
            "unit1",
            'import os\nos.environ["NBGRADER_EXECUTION"] = "validate"\n'
            'os.environ["JUPYTERHUB_USER"] = "aa-honest"',
        ),
    ),
    Case(
        "u1-current-learner",
        "unit1",
        "identity",
        "current_learner redefined to return a friend's id, set-up run again",
        **friend_figures(
            "unit1",
            "import coursework_kit.tutor.grading as _g\n"
            '_g.current_learner = lambda **kwargs: "aa-honest"',
        ),
    ),
    Case(
        "u1-chdir-friend",
        "unit1",
        "identity",
        "os.chdir into a friend's autograded folder, set-up run again",
        **friend_figures("unit1", 'import os\nos.chdir("../../aa-honest/unit1")'),
    ),
    # ---- unit 1: the notebook file itself ---------------------------------------------------
    Case(
        "u1-duplicate-grade-id",
        "unit1",
        "structure",
        "a pasted copy of a check cell (duplicate grade id) in an honest notebook",
        base="honest",
        edit=_paste_check,
        ceiling="honest",
        isolated=True,
    ),
    Case(
        "u1-schema-version",
        "unit1",
        "structure",
        "schema_version edited to 1 in every cell of an honest notebook",
        base="honest",
        edit=_schema_version,
        ceiling="honest",
        isolated=True,  # today it stops the batch
    ),
    Case(
        "u1-deleted-checks",
        "unit1",
        "structure",
        "every check cell deleted from the untouched notebook",
        edit=_delete_checks,
    ),
    Case(
        "u1-not-json",
        "unit1",
        "structure",
        "the notebook is not valid JSON",
        edit=_raw(b'{"cells": [{"cell_type": "code", '),
    ),
    Case(
        "u1-empty-file",
        "unit1",
        "structure",
        "the notebook is an empty file",
        edit=_raw(b""),
    ),
    Case(
        "u1-shadow-package",
        "unit1",
        "planted-file",
        "a planted coursework_kit/ beside the notebook patches the real grading on import",
        edit=_plant("coursework_kit/__init__.py", SHADOW),
    ),
    # ---- unit 1: the tutor's side and other people's files ----------------------------------
    Case(
        "u1-read-source",
        "unit1",
        "tutor-files",
        "reads source/ (solutions, hidden tests, a tutor note) and answers from the keys",
        code=READ_SOURCE,
        answers={"task4-answer": 'decision = _keys.get("decision")'},
    ),
    Case(
        "u1-read-home",
        "unit1",
        "tutor-files",
        "reads a file in the tutor's HOME and prints it",
        code='import os\nprint(open(os.path.expanduser("~/tutor-notes.txt")).read())\n'
        'print(os.listdir(os.path.expanduser("~")))',
    ),
    Case(
        "u1-gradebook-write",
        "unit1",
        "gradebook",
        "sqlite UPDATE grade SET manual_score = max_score on ../../../gradebook.db",
        code=GRADEBOOK_WRITE,
        isolated=True,
    ),
    Case(
        "u1-write-source",
        "unit1",
        "tutor-files",
        "rewrites the source notebook's key, the course config and a tutor note",
        code=WRITE_SOURCE,
        isolated=True,
    ),
    Case(
        "u1-gradebook-locked",
        "unit1",
        "tutor-side",
        "an honest learner graded while the tutor's side holds a write lock on gradebook.db",
        base="honest",
        ceiling="honest",
        tutor="lock",
        isolated=True,
    ),
    Case(
        "u1-outlives-kernel",
        "unit1",
        "sandbox",
        "starts a process in its own session that writes a marker 20 s later",
        code=OUTLIVE,
        checks=("no-late-marker",),
    ),
    Case(
        "u1-infinite-loop",
        "unit1",
        "sandbox",
        "an endless loop in the first answer cell",
        code="while True:\n    pass",
    ),
    Case(
        "u1-sys-exit",
        "unit1",
        "kernel-death",
        "raise SystemExit in the first answer cell",
        code="import sys\nsys.exit(0)",
    ),
    Case(
        "u1-os-exit",
        "unit1",
        "kernel-death",
        "os._exit(0): the kernel stops at once",
        code="import os\nos._exit(0)",
    ),
    # ---- unit 3: grading patched ------------------------------------------------------------
    Case(
        "u3-score-transcript",
        "unit3",
        "grading-patch",
        "score_transcript, score_crm and score_templates replaced in the grading module",
        code=PATCH_MODULE.format(
            names="score_transcript = _grading.score_crm = _grading.score_templates"
        ),
    ),
    Case(
        "u3-chat-mark",
        "unit3",
        "grading-patch",
        "a poor chat, and the chat's mark() replaced to say every criterion is met",
        code="import coursework_kit.chat.assess_record as _r\n\n\nclass _Mark:\n"
        '    share = 1.0\n    why = ""\n\n\n_r.mark = lambda *a, **k: _Mark()\n'
        "_r.unsure_of = lambda *a, **k: []",
        edit=_partial_chat,
        ceiling="evidence",
    ),
    Case(
        "u3-assess-transcript",
        "unit3",
        "grading-patch",
        "a poor chat, and chat.assess/assess_transcript judge a friend's saved chat instead",
        code=FRIEND_ASSESS,
        edit=_partial_chat,
        ceiling="evidence",
    ),
    Case(
        "u3-metrics-aht",
        "unit3",
        "grading-patch",
        "coursework_kit.metrics.aht returns 0 and the AHT answer is 0",
        code="import coursework_kit.metrics as _m\n_m.aht = lambda *a, **k: 0.0",
        answers={"task1-answer": "aht_answer = 0.0\nfcr_answer = None"},
    ),
    Case(
        "u3-overwrite-setup",
        "unit3",
        "setup-overwrite",
        "handle_total = 100; chat_count = 1; resolved = 1, and answers to fit",
        code="handle_total = 100\nchat_count = 1\nresolved = 1\naht_answer = 100.0\n"
        "fcr_answer = 100.0",
        answers={"task1-answer": ""},
    ),
    Case(
        "u3-ast-none",
        "unit3",
        "output-hiding",
        'get_ipython().ast_node_interactivity = "none": no check shows its score',
        code='get_ipython().ast_node_interactivity = "none"',
    ),
    Case(
        "u3-post-run-clear",
        "unit3",
        "output-hiding",
        "a post_run_cell hook clears each check cell's output",
        code=HOOK_CLEAR,
    ),
    Case(
        "u3-str-subclass",
        "unit3",
        "answer-object",
        "a str subclass whose __str__ reads each expected letter from the stack",
        code=SNEAKY_STR,
        answers=choices("unit3", '_Key("")'),
    ),
    Case(
        "u3-setup-raises",
        "unit3",
        "planted-file",
        "a planted coursework_kit/ that raises, so the set-up cell fails (honest answers)",
        base="honest",
        edit=_plant("coursework_kit/__init__.py", 'raise ImportError("planted")\n'),
        ceiling="honest",
    ),
    # ---- unit 3: chat evidence ---------------------------------------------------------------
    Case(
        "u3-friend-copy",
        "unit3",
        "evidence",
        "a friend's saved chat copied byte for byte",
        edit=_copy_friend,
    ),
    Case(
        "u3-friend-symlink",
        "unit3",
        "evidence",
        "evidence in the exchange replaced by a symlink to a friend's submitted chat",
        after_submit=_link_friend_inbound,
    ),
    Case(
        "u3-copy-at-grading",
        "unit3",
        "evidence",
        "copies a friend's chat into its own evidence/ while it is being graded",
        code="import os, shutil\nos.makedirs('evidence', exist_ok=True)\nshutil.copy("
        "'../../../submitted/aa-honest/unit3/evidence/chat-data-request.json', 'evidence/')",
    ),
    Case(
        "u3-hand-written",
        "unit3",
        "evidence",
        "hand-written chat JSON with one keyword-stuffed reply",
        edit=_rewrite_record(_stuffed),
    ),
    Case(
        "u3-practice-mode",
        "unit3",
        "evidence",
        "a good chat saved in practice mode with the coach on",
        edit=_practice,
    ),
    Case(
        "u3-other-scenario",
        "unit3",
        "evidence",
        "a good chat for another scenario, renamed to this one's file",
        edit=_other_scenario(relabel=False),
    ),
    Case(
        "u3-relabelled",
        "unit3",
        "evidence",
        "a good chat for another scenario with its scenario id changed to this one",
        edit=_other_scenario(relabel=True),
    ),
    Case(
        "u3-one-second",
        "unit3",
        "evidence",
        "a good chat whose timestamps are all one second apart (made by hand)",
        edit=_rewrite_record(_one_second_apart),
    ),
    Case(
        "u3-dated-2020",
        "unit3",
        "evidence",
        "a good chat dated 2020, before the course existed",
        edit=_rewrite_record(_dated_2020),
    ),
    Case(
        "u3-evidence-not-json",
        "unit3",
        "evidence",
        "the saved chat is not valid JSON",
        edit=_not_json,
    ),
    Case(
        "u3-forged-score",
        "unit3",
        "evidence",
        "a poor chat with a stored score of 100 added to the record",
        edit=lambda sub: _forge(sub),
        ceiling="evidence",
    ),
    Case(
        "u3-symlink-passwd",
        "unit3",
        "evidence",
        "evidence in the exchange replaced by a symlink to /etc/passwd",
        after_submit=_link_inbound(lambda sub: Path("/etc/passwd")),
    ),
    Case(
        "u3-symlink-home",
        "unit3",
        "evidence",
        "evidence in the exchange replaced by a symlink to a file in the tutor's HOME",
        after_submit=_link_inbound(lambda sub: sub.home_canary),
    ),
    Case(
        "u3-chdir-friend",
        "unit3",
        "identity",
        "os.chdir into a friend's submission, so the checks read the friend's evidence",
        code='import os\nos.chdir("../../../submitted/aa-honest/unit3")',
    ),
    Case(
        "u3-write-friend",
        "unit3",
        "other-learners",
        "overwrites other learners' submitted and autograded chats",
        code=WRITE_FRIEND,
        isolated=True,
    ),
    Case(
        "u3-read-friend",
        "unit3",
        "other-learners",
        "reads and prints a file from another learner's submission",
        code='print(open("../../../submitted/zz-honest/unit3/notes.txt").read())',
    ),
    Case(
        "u3-gradebook-read",
        "unit3",
        "gradebook",
        "reads learners' names and comments from ../../../gradebook.db",
        code=GRADEBOOK_READ,
    ),
    Case(
        "u3-kill-self",
        "unit3",
        "kernel-death",
        "the kernel kills itself with SIGKILL",
        code="import os, signal\nos.kill(os.getpid(), signal.SIGKILL)",
    ),
    Case(
        "u3-huge-output",
        "unit3",
        "sandbox",
        "prints 100 MB",
        code='for _ in range(100):\n    print("x" * 1_000_000)',
        checks=("output-bounded",),
    ),
    # ---- unit 4 -----------------------------------------------------------------------------
    Case(
        "u4-fake-module",
        "unit4",
        "grading-patch",
        "sys.modules['coursework_kit.tutor.grading'] replaced by a module that gives full marks",
        code=FULL + "import sys, types\n_fake = types.ModuleType('coursework_kit.tutor.grading')\n"
        "for _name in ('score_numeric', 'score_choice', 'score_transcript', 'score_crm',\n"
        "              'score_templates'):\n    setattr(_fake, _name, _full)\n"
        "sys.modules['coursework_kit.tutor.grading'] = _fake",
    ),
    Case(
        "u4-metrics-csat",
        "unit4",
        "grading-patch",
        "coursework_kit.metrics.csat returns 0 and the CSAT answer is 0",
        code="import coursework_kit.metrics as _m\n_m.csat = lambda *a, **k: 0.0",
        answers={"task1-answer": "wait_answer = None\ncsat_answer = 0.0"},
    ),
    Case(
        "u4-overwrite-setup",
        "unit4",
        "setup-overwrite",
        "wait_total = 10; chat_count = 1; ratings = [5], and answers to fit",
        code="wait_total, chat_count, ratings = 10, 1, [5]\n"
        "wait_answer = 10.0\ncsat_answer = 100.0",
        answers={"task1-answer": ""},
    ),
    Case(
        "u4-float-subclass",
        "unit4",
        "answer-object",
        "a float subclass that reads `expected` from the stack",
        code=SNEAKY_FLOAT,
        answers=numbers("unit4", "_Sneaky(0)"),
    ),
    Case(
        "u4-pre-run-rewrite",
        "unit4",
        "output-hiding",
        "a pre_run_cell hook and a patched displayhook show each check's full points",
        code=HOOK_REWRITE,
    ),
    Case(
        "u4-input-transformer",
        "unit4",
        "output-hiding",
        "an input transformer adds `None` to every cell, so no check shows a score",
        code='get_ipython().input_transformers_post.append(lambda lines: lines + ["\\nNone\\n"])',
    ),
    Case(
        "u4-display-trap",
        "unit4",
        "output-hiding",
        "the shell's display trap swallows every result",
        code="get_ipython().display_trap.hook = lambda value: None",
    ),
    Case(
        "u4-stdout",
        "unit4",
        "output-hiding",
        "sys.stdout replaced by a StringIO",
        code="import io, sys\nsys.stdout = io.StringIO()",
    ),
    Case(
        "u4-friend-copy",
        "unit4",
        "evidence",
        "a friend's saved chat copied byte for byte",
        edit=_copy_friend,
    ),
    Case(
        "u4-practice-mode",
        "unit4",
        "evidence",
        "a good chat saved in practice mode with the coach on",
        edit=_practice,
    ),
    Case(
        "u4-dated-2020",
        "unit4",
        "evidence",
        "a good chat dated 2020",
        edit=_rewrite_record(_dated_2020),
    ),
    Case(
        "u4-chdir-friend",
        "unit4",
        "identity",
        "os.chdir into a friend's submission, so the checks read the friend's evidence",
        code='import os\nos.chdir("../../../submitted/aa-honest/unit4")',
    ),
    Case(
        "u4-checks-to-markdown",
        "unit4",
        "structure",
        'every check cell turned into a markdown cell reading "2"',
        edit=_checks_to_markdown,
    ),
    Case(
        "u4-locked-edited",
        "unit4",
        "structure",
        "locked cells edited: checks say their full points, set-up sets made-up figures",
        edit=_edit_locked,
    ),
    Case(
        "u4-forged-grade-cell",
        "unit4",
        "structure",
        "a new locked grade cell worth 50 points that shows 50",
        edit=_forged_grade_cell,
    ),
    Case(
        "u4-kernelspec",
        "unit4",
        "structure",
        "the notebook asks for a kernel that does not exist (honest answers)",
        base="honest",
        edit=_kernelspec,
        ceiling="honest",
    ),
    Case(
        "u4-planted-launcher",
        "unit4",
        "planted-file",
        "a planted ipykernel_launcher.py runs as the kernel and patches round first",
        edit=_plant("ipykernel_launcher.py", LAUNCHER),
    ),
    Case(
        "u4-choice-format",
        "unit4",
        "odd-format",
        'honest choices typed as " B" and "C " : must still score',
        base="honest",
        answers={"task3-answer": 'decision_a = " B"\ndecision_b = "C "'},
        ceiling="honest",
        floor="honest",
    ),
    Case(
        "u4-stderr",
        "unit4",
        "odd-format",
        "honest answers, and the answer cell prints to stderr and warns",
        base="honest",
        code='import sys, warnings\nprint("checking", file=sys.stderr)\n'
        'warnings.warn("a warning from the learner")',
        ceiling="honest",
        floor="honest",
    ),
    Case(
        "u4-read-keys",
        "unit4",
        "tutor-files",
        "reads every file under ../../../keys/ and ../../../source/ and prints it",
        code="import pathlib\nfor _p in sorted(pathlib.Path('../../../keys').rglob('*')) + "
        "sorted(pathlib.Path('../../../source').rglob('*.txt')):\n"
        "    if _p.is_file():\n        print(_p, _p.read_text(errors='replace'))",
    ),
    Case(
        "u4-kill-parent",
        "unit4",
        "kernel-death",
        "the kernel kills the nbgrader process that started it",
        code=KILL_PARENT,
        isolated=True,
    ),
    Case(
        "u4-fill-disk",
        "unit4",
        "sandbox",
        "writes a 1 GB file beside the notebook",
        code=DISK,
        checks=("disk-bounded",),
    ),
    Case(
        "u4-memory",
        "unit4",
        "sandbox",
        "holds up to 4 GB of memory",
        code=MEMORY,
        checks=("memory-bounded",),
    ),
    Case(
        "u4-fork-bomb",
        "unit4",
        "sandbox",
        "starts 2000 sleeping processes (capped, not unbounded)",
        code=FORKS,
        checks=("forks-bounded",),
    ),
    Case(
        "u4-network",
        "unit4",
        "sandbox",
        "tries to open network connections",
        code=NETWORK,
        checks=("no-network",),
    ),
]


def _forge(sub: Submission) -> None:
    _partial_chat(sub)
    path = _evidence(sub)
    record = json.loads(path.read_text(encoding="utf-8"))
    _forged_score(record)
    path.write_text(json.dumps(record, indent=1), encoding="utf-8")


def by_unit(unit: str) -> list[Case]:
    """The cases for one assignment, in corpus order."""
    return [c for c in CASES if c.unit == unit]
