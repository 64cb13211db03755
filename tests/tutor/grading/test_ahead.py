"""Kernels started ahead: the next learner's kernel is theirs alone, and sees only their work."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbclient import NotebookClient

from coursework_kit.tutor.grading import ahead
from coursework_kit.tutor.grading.sandbox import isolation_problem

pytestmark = pytest.mark.skipif(
    isolation_problem() is not None, reason="the sandbox cannot be made on this computer"
)

LOOK = """
import json, os
from coursework_kit.tutor.grading import current_learner
files = sorted(os.path.join(r, n) for r, _, names in os.walk(".") for n in names)
print(json.dumps({"learner": current_learner(), "files": files,
                  "text": open("evidence/mine.txt").read()}))
"""


def run(box) -> dict:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(LOOK)])
    client = NotebookClient(notebook, km=box.kernel_manager(), timeout=60)
    client.owns_km = True
    with client.setup_kernel():
        client.execute_cell(notebook.cells[0], 0)
    return json.loads(notebook.cells[0].outputs[0]["text"])


def hand_in(folder, text):
    (folder / "evidence").mkdir(parents=True)
    (folder / "evidence" / "mine.txt").write_text(text)
    return folder


@pytest.mark.slow
def test_a_kernel_started_ahead_sees_its_learners_work_copied_in_afterwards(tmp_path):
    """Started before the hand-in was copied in: does it run as that learner, and see their
    files (and no one else's)?"""
    assert ahead.start("ann")
    assert ahead.start("bob")
    ann = hand_in(tmp_path / "ann" / "unit3", "Ann's chat")
    bob = hand_in(tmp_path / "bob" / "unit3", "Bob's chat")
    with ahead.take(ann, learner="ann") as box:
        assert box.kernel_manager().has_kernel  # the one started ahead
        seen = run(box)
    assert seen == {"learner": "ann", "files": ["./evidence/mine.txt"], "text": "Ann's chat"}
    with ahead.take(bob, learner="bob") as box:
        assert run(box)["text"] == "Bob's chat"
    with ahead.take(ann, learner="ann") as box:  # none left for ann: a new one, as usual
        assert not box.kernel_manager().has_kernel
        assert run(box)["learner"] == "ann"


@pytest.mark.slow
def test_a_kernel_started_ahead_and_not_used_is_ended(tmp_path):
    assert ahead.start("cat")
    box = ahead._ready["cat"]
    ahead.discard("cat")
    assert "cat" not in ahead._ready
    assert not box.work.exists()
    with ahead.take(hand_in(tmp_path / "cat", "x"), learner="cat") as fresh:
        assert not fresh.kernel_manager().has_kernel
