"""For tutors: a portfolio from a learner's hand-in (the learner id is the folder nbgrader filed
it under), and one for each learner in a class, beside the criteria report."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

import pytest

from coursework_kit.portfolio import build_class_portfolios, build_submission_portfolio
from coursework_kit.portfolio.command import add_arguments, run
from coursework_kit.records import RecordFile


def _hand_in(course, learner, assignment="unit3"):
    folder = course / "submitted" / learner / assignment
    (folder / "evidence").mkdir(parents=True)
    (folder / "timestamp.txt").write_text("2026-03-05 11:00:00.000000 UTC")
    return folder


def _save(record, folder):
    RecordFile(type(record), record.scenario, folder / "evidence").save(record)


@pytest.fixture
def course(tmp_path, held_chat):
    """A class of two: ab123 held the unit 3 chat honestly; cd456 handed in ab123's chat, and
    an edited copy of a chat of their own."""
    root = tmp_path / "course"
    mine = held_chat("ab123")
    _save(mine, _hand_in(root, "ab123"))
    theirs = _hand_in(root, "cd456")
    _save(mine, theirs)
    own = held_chat("cd456", scenario="charged-twice", replies=["Hi, I'm Sam. How can I help?"])
    attempt = own.attempts[0]
    turns = list(attempt.work.turns)
    turns[-1] = replace(turns[-1], text="Thank you so much, you have been brilliant!")
    edited = replace(
        own, attempts=(replace(attempt, work=replace(attempt.work, turns=tuple(turns))),)
    )
    _save(edited, theirs)
    return root


def test_an_honest_hand_in_counts_for_its_learner(course, when):
    """Does a chat held by ab123 and handed in by ab123 pass grading's checks and count?"""
    portfolio = build_submission_portfolio(course / "submitted" / "ab123" / "unit3", when=when)
    assert portfolio.learner == "ab123"
    (piece,) = portfolio.pieces
    assert piece.counted, piece.problems
    assert piece.unit == 3
    assert piece.activity.name == "Task 2: a request for personal data (live chat)"
    assert not piece.notes  # an assessed chat, checked by replay
    assert piece.status("U3-AC5") == "met"


def test_someone_elses_chat_and_an_edited_chat_are_flagged(course, when):
    """In cd456's hand-in, is ab123's chat flagged as made for another learner, and an edited
    chat as failing the replay, both shown and neither counted?"""
    portfolio = build_submission_portfolio(course / "submitted" / "cd456", when=when)
    assert portfolio.learner == "cd456"
    by_file = {p.file: p for p in portfolio.pieces}
    copied = by_file["chat-data-request.json"]
    assert not copied.counted
    assert "another learner id ('ab123', not 'cd456')" in copied.problems[0]
    edited = by_file["chat-charged-twice.json"]
    assert not edited.counted
    assert any("edited after it was held" in p for p in edited.problems)
    assert not portfolio.evidenced()
    page = portfolio.html()
    assert page.count("<strong>Not counted.</strong>") >= 2


def test_the_class_build_writes_a_page_each_and_an_index(course, when):
    """Are the portfolios written to reports/portfolios, one per learner, each with only that
    learner's evidence, and an index linking them?"""
    made = build_class_portfolios(course, when=when)
    out = course / "reports" / "portfolios"
    assert made.folder == out
    assert sorted(p.name for p in out.iterdir()) == ["ab123.html", "cd456.html", "index.html"]
    index = (out / "index.html").read_text("utf-8")
    assert "href='ab123.html'" in index
    assert "href='cd456.html'" in index
    mine = (out / "ab123.html").read_text("utf-8")
    assert "cd456" not in mine
    assert "brilliant" not in mine  # cd456's chat is not in ab123's portfolio


def _args(*words):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(list(words))


def test_the_command_builds_from_a_hand_in(course, tmp_path, capsys):
    """Does ``coursework portfolio --from`` write the page and exit 0 when all of it counts?"""
    out = tmp_path / "ab123.html"
    status = run(_args("--from", str(course / "submitted" / "ab123" / "unit3"), "--out", str(out)))
    assert status == 0
    assert "Coursework portfolio: ab123" in out.read_text("utf-8")
    assert "1 pieces of evidence count" in capsys.readouterr().out


def test_the_command_for_a_class_says_when_some_are_flagged(course, capsys):
    """Does ``coursework portfolio --class`` exit 1 when some pieces are flagged?"""
    assert run(_args("--class", str(course), "--date", "2026-11-30")) == 1
    assert "2 portfolios written" in capsys.readouterr().out


def test_the_command_for_a_learner_with_no_evidence_folder_explains(tmp_path, capsys):
    """Does a learner without an evidence folder get a plain message and exit 2?"""
    assert run(_args("--evidence", str(tmp_path / "nowhere"))) == 2
    assert "There is no evidence folder" in capsys.readouterr().err


def test_the_learner_id_of_a_hand_in_cannot_be_chosen(course, capsys):
    """Is --learner refused with --from, since the learner is nbgrader's folder name?"""
    status = run(_args("--from", str(course / "submitted" / "cd456"), "--learner", "ab123"))
    assert status == 2
    assert "filed the work under" in capsys.readouterr().err


def test_the_learners_own_portfolio_by_command(tmp_path, copy_records, capsys):
    """Does ``coursework portfolio --evidence DIR --learner ID`` write portfolio.html?"""
    evidence = tmp_path / "evidence"
    copy_records(evidence)
    out = tmp_path / "mine.html"
    status = run(_args("--evidence", str(evidence), "--learner", "ab123", "--out", str(out)))
    assert status == 1  # the golden quiz's bank is not in the course: flagged
    assert json.dumps("ab123")[1:-1] in out.read_text("utf-8")
