"""The portfolio page made from a fixed set of records, one of every kind, on a fixed date."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from coursework_kit.portfolio import build_portfolio
from coursework_kit.records import KINDS


@pytest.fixture(scope="module")
def portfolio(every_kind, when):
    return build_portfolio(every_kind, learner="ab123", when=when)


@pytest.fixture(scope="module")
def page(portfolio):
    return portfolio.html()


def test_the_page_matches_its_golden_file(page, golden):
    """Is the portfolio of every kind of record, made on a fixed date, what it was?"""
    golden("portfolio/every-kind.html", page)


def test_every_kind_of_record_is_a_piece(portfolio):
    """Does every kind of activity record appear as a piece of evidence, each with feedback?"""
    kinds = {p.record.KIND for p in portfolio.pieces if p.record is not None}
    assert kinds == set(KINDS)
    for piece in portfolio.pieces:
        if piece.record is not None and piece.record.activity != "quiz-demo":
            assert piece.counted, (piece.file, piece.problems)
            assert piece.feedback is not None
            assert piece.feedback.summary
            assert piece.shown


def test_a_record_whose_feedback_cannot_be_worked_out_is_shown_not_dropped(portfolio, page):
    """Is the golden quiz (a bank the course does not have) shown, flagged, and not counted?"""
    (demo,) = [p for p in portfolio.pieces if p.file == "quiz-demo.json"]
    assert not demo.counted
    assert "quizzes/demo.yaml" in demo.problems[0]
    assert "quiz-demo.json" in page


def test_the_pieces_are_in_unit_order(portfolio):
    """Do the pieces run unit 1 to unit 5?"""
    units = [p.unit for p in portfolio.pieces]
    assert units == sorted(units, key=lambda u: u or 99)


def test_each_piece_says_when_it_was_done_in_uk_time(page):
    """Are attempts dated in UK time, in words (the golden chat began at 10:00 UTC, GMT then)?"""
    assert "Started Monday 2 November 2026, 10:00 GMT." in page
    assert "Made on Monday 30 November 2026, 09:00 GMT." in page


def test_the_chat_transcript_and_post_preview_are_shown(page):
    """Is the chat's transcript there, and the post drawn as its platform's feed shows it?"""
    assert "For security, can you confirm your order number and postcode, please?" in page
    assert "Preview: Instagram feed" in page
    assert "Inbox preview" in page


def test_a_missing_reflection_is_a_gentle_prompt(page):
    """With no reflection in any record yet, does every piece ask for one?"""
    assert page.count("No reflection written yet.") >= len(KINDS)


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels, self.tags, self.ths, self.attrs = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [value or "" for _, value in attrs]
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "th":
            self.ths.append(dict(attrs).get("scope"))


def test_the_page_is_one_accessible_offline_file(page):
    """Is it British English, headings in order, every header cell scoped, and nothing loaded
    from anywhere else (no scripts, links to files or pictures from the web)?"""
    outline = _Outline()
    outline.feed(page)
    assert "<html lang='en-GB'>" in page
    assert outline.levels[0] == 1
    assert outline.levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(outline.levels, outline.levels[1:], strict=False))
    assert outline.ths
    assert all(s in ("row", "col") for s in outline.ths)
    assert not {"script", "link", "iframe", "img"} & set(outline.tags)
    assert not [a for a in outline.attrs if a.startswith(("http:", "https:", "//"))]


def test_print_styles_hide_buttons_and_break_between_units(page):
    """Does it print cleanly: the contents and buttons hidden, each unit on a new page?"""
    printed = page[page.index("@media print") :]
    assert ".no-print,nav{display:none}" in printed
    assert ".unit{break-before:page}" in printed


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_page_colours_contrast_enough(page):
    """Does every text colour the page's own styles set reach 4.5:1 on its background?"""
    style = page[page.index("<style>") : page.index("</style>")]
    pairs = re.findall(r"color:(#[0-9a-f]{6});background:(#[0-9a-f]{6})", style)
    pairs += [(c, "#ffffff") for c in re.findall(r"[{;]color:(#[0-9a-f]{6})[;}]", style)]
    assert len(pairs) >= 6
    for text, back in pairs:
        light, dark = sorted((_luminance(text), _luminance(back)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (text, back)


def test_the_download_button_holds_the_whole_page(portfolio):
    """Does the notebook view offer the page itself to download, as one file?"""
    import base64

    shown = portfolio._repr_html_()
    data = re.search(r"base64,([A-Za-z0-9+/=]+)'", shown).group(1)
    assert base64.b64decode(data).decode("utf-8") == portfolio.html()
    assert "download='portfolio-ab123-2026-11-30.html'" in shown
