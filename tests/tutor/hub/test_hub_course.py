"""A JupyterHub course for real: two learners and a tutor, each on their own hub server.

The tutor releases unit 1 from their server; each learner fetches it, works it out on the
figures their set-up cell draws for them, types the answers and submits, all in their own
server (so ``JUPYTERHUB_USER`` and the home folder are that server's); the tutor collects and
runs ``coursework autograde``. Each learner's figures come from their hub user name, and they
are the figures the grader marks against.
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from tests.tutor.hub.conftest import COURSE_ID, LEARNERS, ROOT, TUTOR

ASSIGNMENT = "unit1"
NOTEBOOK = f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
_ANSWER = re.compile(r"^(\w+) = None\b", re.MULTILINE)


def nbgrader_in(folder: str, *args: str) -> str:
    """Code for a kernel: run ``nbgrader ARGS`` in ``folder`` (from the home folder) as this
    server's user, and print what happened as JSON."""
    return f"""
import json, os, subprocess, sys
_r = subprocess.run([sys.executable, "-m", "nbgrader", *{list(args)!r}],
                    cwd=os.path.join(os.path.expanduser("~"), {folder!r}),
                    capture_output=True, text=True)
print(json.dumps({{"rc": _r.returncode, "out": _r.stdout + _r.stderr,
                  "user": os.environ.get("JUPYTERHUB_USER"), "home": os.path.expanduser("~")}}))
"""


def coursework_in(folder: str, *args: str) -> str:
    return f"""
import json, os, subprocess, sys
_r = subprocess.run([os.path.join(os.path.dirname(sys.executable), "coursework"),
                     *{list(args)!r}],
                    cwd=os.path.join(os.path.expanduser("~"), {folder!r}),
                    capture_output=True, text=True)
print(json.dumps({{"rc": _r.returncode, "out": _r.stdout + _r.stderr}}))
"""


def ok(result: dict[str, object]) -> str:
    assert result["rc"] == 0, result["out"]
    return str(result["out"])


def work_out_answers(server, released: dict, tmp: Path) -> dict[str, object]:
    """The learner runs the notebook in their own kernel, as they would with Run All: the
    released set-up cell, then a right answer for each task (the demo class's good learner's);
    returns the values their answers came to."""
    from coursework_kit.tutor.demo import demo_answers, fill_submission

    worked = tmp / f"{server.name}.ipynb"
    worked.write_text(json.dumps(released), encoding="utf-8")
    fill_submission(
        worked,
        ROOT / "assignments" / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
        "good",
        demo_answers(ROOT / "assignments"),
        assignment=ASSIGNMENT,
        learner=server.name,
    )
    cells = json.loads(worked.read_text(encoding="utf-8"))["cells"]
    names: list[str] = []
    shown = ""
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        shown += server.run(source)
        names += _ANSWER.findall(
            "".join(next(c for c in released["cells"] if c["id"] == cell["id"])["source"])
        )
    assert f"Figures for {server.name}" in shown  # the set-up cell drew this learner's figures
    return server.run_json(f"import json; print(json.dumps({{n: globals()[n] for n in {names}}}))")


def type_answers(released: dict, values: dict[str, object]) -> dict:
    """The released notebook with each ``name = None`` replaced by the learner's value."""
    notebook = json.loads(json.dumps(released))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            for name, value in values.items():
                source = re.sub(rf"^{name} = None", f"{name} = {value!r}", source, flags=re.M)
            cell["source"] = source
    return notebook


@pytest.mark.slow
def test_learners_on_their_own_hub_servers_are_graded_on_their_own_figures(hub, tmp_path):
    """Do two learners who fetch, answer and submit from their own hub servers each get full
    autograded marks, with figures drawn from their hub user names, that would be wrong for
    the other learner?"""
    from nbgrader.api import Gradebook

    from coursework_kit.tutor.grading.figures import figures_for

    hub.start(TUTOR, *LEARNERS)  # all three at once, as a class logging in
    tutor = hub.server(TUTOR)
    ok(tutor.run_json(nbgrader_in("course", "generate_assignment", ASSIGNMENT, "--force")))
    ok(tutor.run_json(nbgrader_in("course", "release_assignment", ASSIGNMENT, "--force")))
    course_in_exchange = hub.exchange / COURSE_ID
    # learners can read the release and hand work in, but not list each other's hand-ins
    assert stat.S_IMODE((course_in_exchange / "outbound").stat().st_mode) == 0o755
    assert stat.S_IMODE((course_in_exchange / "inbound").stat().st_mode) == 0o2733

    answered: dict[str, dict[str, object]] = {}
    for learner in LEARNERS:
        server = hub.server(learner)
        fetched = server.run_json(nbgrader_in(".", "fetch_assignment", ASSIGNMENT))
        ok(fetched)
        assert fetched["user"] == learner
        assert fetched["home"] == str(hub.home(learner))
        assert (hub.home(learner) / NOTEBOOK).is_file()
        released = server.api("GET", f"api/contents/{NOTEBOOK}?content=1")["content"]
        answered[learner] = work_out_answers(server, released, tmp_path)
        model = {"type": "notebook", "format": "json"}
        server.api(
            "PUT",
            f"api/contents/{NOTEBOOK}",
            model | {"content": type_answers(released, answered[learner])},
        )
        ok(server.run_json(nbgrader_in(".", "submit", ASSIGNMENT)))

    inbound = sorted(p.name.split("+")[0] for p in (course_in_exchange / "inbound").iterdir())
    assert inbound == sorted(LEARNERS)
    # every learner shares the test's one OS account, so nbgrader's owner check is off here
    ok(
        tutor.run_json(
            nbgrader_in("course", "collect", ASSIGNMENT, "--CollectApp.check_owner=False")
        )
    )
    course = hub.home(TUTOR) / "course"
    for learner in LEARNERS:  # what was handed in is the numbers the learner typed
        handed_in = (course / "submitted" / learner / NOTEBOOK).read_text(encoding="utf-8")
        assert f"ctr_answer = {answered[learner]['ctr_answer']!r}" in handed_in
        assert "a.clicks / a.impressions" not in handed_in  # not the worked solution
    ok(tutor.run_json(coursework_in("course", "autograde", ASSIGNMENT)))

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            learner: (
                gradebook.find_submission(ASSIGNMENT, learner).code_score,
                gradebook.find_submission(ASSIGNMENT, learner).max_code_score,
            )
            for learner in LEARNERS
        }
    assert scores == dict.fromkeys(LEARNERS, (10, 10))

    numeric = {
        "ctr_answer": "ctr",
        "conversion_answer": "conversion",
        "open_rate_answer": "open_rate",
        "roi_answer": "roi",
    }
    first, second = LEARNERS
    for learner, other in ((first, second), (second, first)):
        own, theirs = figures_for(ASSIGNMENT, learner), figures_for(ASSIGNMENT, other)
        for answer, figure in numeric.items():
            value = float(answered[learner][answer])
            assert value == pytest.approx(float(own[figure]), abs=0.01), (learner, answer)
            # the same answer handed in by the other learner would be wrong for them
            assert value != pytest.approx(float(theirs[figure]), abs=0.01), (learner, answer)
