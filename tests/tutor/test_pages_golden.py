"""The tutor's criteria report and a learner's chat portfolio page, pinned by golden files.

The pages are made from fixed inputs (a small gradebook made here, the golden chat record, a
fixed date), so they come out the same on every run. Charts are PNG images whose bytes depend
on the installed matplotlib and fonts: each is checked to be a real PNG, then replaced by a
marker before the page is compared. Refresh with ``pytest --update-goldens`` (see
tests/golden/README.md).
"""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from coursework_kit.tutor.report_pages import write_criteria_report
from coursework_kit.tutor.reports import criteria_matrix

CHAT = Path(__file__).resolve().parents[1] / "golden" / "records" / "chat.json"
_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")


def _without_images(page: str) -> str:
    """The page with each chart's image data checked and replaced by a marker."""

    def marker(match: re.Match[str]) -> str:
        data = base64.b64decode(match.group(1), validate=True)
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), "each chart is a PNG image"
        assert len(data) > 1000, "each chart has something drawn in it"
        return "data:image/png;base64,(chart)"

    return _PNG.sub(marker, page)


def test_the_criteria_report_matches_its_golden_files(small_course, tmp_path, golden):
    """Are the report's CSV files, summary page and a learner's page exactly as pinned?"""
    out = tmp_path / "reports"
    written = write_criteria_report(criteria_matrix(small_course()), out)
    names = sorted(p.relative_to(out).as_posix() for p in written)
    assert names == [
        "criteria-matrix.csv",
        "criteria.csv",
        "criteria.html",
        "learners/ab123.html",
        "learners/cd456.html",
        "learners/ef789.html",
    ]
    summary = (out / "criteria.html").read_text("utf-8")
    assert len(_PNG.findall(summary)) == 1
    for name in names:
        text = (out / name).read_text("utf-8")
        golden(f"criteria-report/{name}", _without_images(text))


def test_the_chat_portfolio_page_matches_its_golden_file(golden):
    """Is the portfolio page made from the golden chat record, on a fixed date, as pinned?"""
    from coursework_kit.chat.assess_record import assess
    from coursework_kit.chat.portfolio import portfolio_html
    from coursework_kit.chat.scenario import load_scenario
    from coursework_kit.records import load_any

    record = load_any(json.loads(CHAT.read_text("utf-8")))
    scenario = load_scenario(record.scenario)
    page = portfolio_html(
        assess(record, scenario=scenario),
        record.latest.work,
        scenario,
        learner=record.latest.learner,
        when=datetime(2026, 11, 2, 10, 5, tzinfo=timezone.utc),
    )
    assert "Date: 02 November 2026, 10:05." in page
    assert len(_PNG.findall(page)) == 1  # the response times
    golden("chat-portfolio/late-delivery.html", _without_images(page))
