"""Does the start page's portfolio button make the portfolio, save it and offer it?"""

from __future__ import annotations

import shutil
from pathlib import Path

from coursework_kit.portfolio.widget import PortfolioButton

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "records"


def test_pressing_the_button_saves_and_offers_the_portfolio(tmp_path, monkeypatch):
    """With saved work in evidence/, does pressing the button write portfolio.html and show a
    download link, saying it is ready?"""
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    shutil.copy(GOLDEN / "quiz.json", evidence / "quiz-demo.json")
    monkeypatch.chdir(tmp_path)
    button = PortfolioButton(learner="ab123")
    assert button.shown == ""
    portfolio = button.make()
    assert portfolio is not None
    assert (tmp_path / "portfolio.html").read_text(encoding="utf-8") == portfolio.html()
    assert "Download my portfolio" in button.shown
    assert "ready" in button.shown


def test_a_folder_that_cannot_be_written_still_offers_the_download(tmp_path, monkeypatch):
    """If portfolio.html cannot be saved, is the learner told and still given the link?"""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blocked").write_text("a file, not a folder")
    button = PortfolioButton(save_as=tmp_path / "blocked" / "portfolio.html", learner="ab123")
    assert button.make() is not None
    assert "could not be saved" in button.shown
    assert "Download my portfolio" in button.shown
