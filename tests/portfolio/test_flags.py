"""Only the learner's own evidence counts, and nothing is dropped without a word: files that
cannot be read, records made for someone else and renamed files are shown, each saying why."""

from __future__ import annotations

import json
import os
import sys
from types import SimpleNamespace

import pytest

from coursework_kit.portfolio import build_portfolio
from coursework_kit.portfolio._activities import find_activity
from coursework_kit.portfolio._page import page_html
from coursework_kit.portfolio._pieces import JUDGE, Piece


def _one(portfolio, name):
    (piece,) = [p for p in portfolio.pieces if p.file == name]
    return piece


@pytest.fixture
def folder(tmp_path, copy_records):
    evidence = tmp_path / "evidence"
    copy_records(evidence)
    return evidence


def test_files_that_cannot_be_read_are_shown_with_why(folder, when):
    """Are a file cut short, a file that is not evidence and one of an unknown kind each shown,
    flagged, and not counted?"""
    (folder / "cut-short.json").write_text('{"format": "coursework-kit evidence", "kind"')
    (folder / "notes.json").write_text('["my own notes"]')
    (folder / "odd.json").write_text(json.dumps({"kind": "holiday-photos"}))
    portfolio = build_portfolio(folder, learner="ab123", when=when)
    page = portfolio.html()
    for name, why in (
        ("cut-short.json", "not a readable evidence file"),
        ("notes.json", "not a coursework-kit evidence file"),
        ("odd.json", "no kind of activity record called 'holiday-photos'"),
    ):
        piece = _one(portfolio, name)
        assert not piece.counted
        assert why in piece.problems[0], piece.problems
        assert name in page
    assert "Files that could not be placed or read" in page


@pytest.mark.skipif(sys.platform == "win32", reason="links")
def test_a_link_is_refused_not_followed(folder, tmp_path, when):
    """Is an evidence file that is a link to someone else's file refused, and said so?"""
    elsewhere = tmp_path / "friend.json"
    (folder / "post-sale-x.json").rename(elsewhere)
    os.symlink(elsewhere, folder / "post-sale-x.json")
    piece = _one(build_portfolio(folder, learner="ab123", when=when), "post-sale-x.json")
    assert not piece.counted
    assert "link" in piece.problems[0]


def test_a_record_made_for_another_learner_is_flagged_and_not_counted(folder, when):
    """Is a friend's post, copied in, shown as made for another learner id, and left out of the
    coverage as evidence?"""
    document = json.loads((folder / "calendar-black-friday-week.json").read_text())
    document["attempts"][0]["learner"] = "cd456"
    (folder / "calendar-black-friday-week.json").write_text(json.dumps(document))
    portfolio = build_portfolio(folder, learner="ab123", when=when)
    piece = _one(portfolio, "calendar-black-friday-week.json")
    assert not piece.counted
    assert "made for another learner id ('cd456', not 'ab123'): not counted" in (
        piece.problems[0].lower()
    )
    assert "U2-AC5" not in portfolio.evidenced()
    page = portfolio.html()
    row = page[page.index("<tr><th scope='row'>U2-AC5</th>") :]
    row = row[: row.index("</tr>")]
    assert "not counted" in row
    assert "No evidence yet." in row


def test_the_same_records_count_for_their_own_learner(folder, when):
    """Do the golden records (saved for ab123) count for ab123 and not for cd456?"""
    mine = build_portfolio(folder, learner="ab123", when=when)
    theirs = build_portfolio(folder, learner="cd456", when=when)
    assert "U2-AC5" in mine.evidenced()
    assert not theirs.counted


def test_a_renamed_file_is_flagged(folder, when):
    """Is a record saved under another activity's file name flagged as renamed?"""
    (folder / "post-sale-x.json").rename(folder / "post-sale-instagram.json")
    piece = _one(build_portfolio(folder, learner="ab123", when=when), "post-sale-instagram.json")
    assert not piece.counted
    assert "renamed or copied" in piece.problems[0]


def test_a_reflection_is_shown_when_the_record_has_one(when, golden_record):
    """When an attempt carries a reflection, is it shown instead of the prompt?"""
    record = golden_record("post")
    attempt = SimpleNamespace(
        number=1,
        started="2026-11-20T14:30:00+00:00",
        saved="2026-11-20T14:30:00+00:00",
        mode="practice",
        learner="ab123",
        work=SimpleNamespace(reflection="I kept it short because X cuts long posts."),
    )
    activity = find_activity("post", "sale-x")
    piece = Piece(
        "e1-1",
        "post-sale-x.json",
        "evidence",
        activity,
        record,
        attempt,
        None,
        "<p>x</p>",
        {"U1-AC2": JUDGE},
    )
    assert piece.reflection == "I kept it short because X cuts long posts."
    page = page_html([piece], learner="ab123", when=when)
    assert "<blockquote>I kept it short because X cuts long posts.</blockquote>" in page
    assert "No reflection written yet" not in page


def test_a_practice_chat_says_it_was_not_replayed(folder, when):
    """Is a practice chat in the learner's own folder counted, with a note that it was not
    checked by replay as an assessed chat is?"""
    piece = _one(build_portfolio(folder, learner="ab123", when=when), "chat-late-delivery.json")
    assert piece.counted
    assert any("not replayed" in n for n in piece.notes)
