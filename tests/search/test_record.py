"""The search snippet and search ad records: golden files, the first format, and assess()."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coursework_kit.records import RecordFile
from coursework_kit.search.assess import assess
from coursework_kit.search.record import SearchAdRecord, SearchAdWork, SnippetRecord, SnippetWork

AT = "2026-11-20T14:30:00+00:00"
V1 = Path(__file__).resolve().parents[1] / "golden" / "records" / "v1"
TITLE = "Oak shelves made in Cumbria | Harbour & Pine"
DESCRIPTION = (
    "Solid oak shelves made in our Cumbria workshop. Three sizes, free delivery over £50, "
    "and every shelf is finished by hand."
)
HEADLINES = ("Oak Shelves Made in Cumbria", "", "Free Delivery Over £50", "Harbour & Pine", "", "")


def _snippet() -> SnippetRecord:
    work = SnippetWork("oak shelves", TITLE, DESCRIPTION)
    return SnippetRecord.new("free").with_work(work, learner="ab123", at=AT)


def _ad() -> SearchAdRecord:
    work = SearchAdWork(
        keyword="oak shelves",
        headlines=HEADLINES,
        descriptions=("Solid oak shelves in three sizes.", "Made to last in Cumbria.", "", ""),
        path1="Shelves",
        path2="Oak",
    )
    return SearchAdRecord.new("free").with_work(work, learner="ab123", at=AT)


@pytest.mark.parametrize(("name", "record"), [("snippet", _snippet), ("search-ad", _ad)])
def test_the_record_matches_its_golden_file(golden, name, record):
    """Is each record saved exactly as tests/golden/records/<kind>.json shows?"""
    golden(f"records/{name}.json", json.dumps(record().to_json(), indent=1) + "\n")


def test_the_file_names_are_todays():
    """Are the files named as the last release named them (a task gets its own file)?"""
    assert SnippetRecord.activity_for("free") == "search-snippet"
    assert SearchAdRecord.activity_for("free") == "search-ad"
    assert SearchAdRecord.activity_for("shelves") == "search-ad-shelves"


def test_a_snippet_and_an_ad_saved_by_the_last_release_are_read(tmp_path):
    """Do schema-1 snippet and ad files load with what was typed?"""
    for name in ("search-snippet.json", "search-ad.json"):
        shutil.copy(V1 / name, tmp_path)
    snippet = RecordFile(SnippetRecord, "free", tmp_path).load()
    assert snippet.latest.work == SnippetWork("oak shelves", TITLE, DESCRIPTION)
    ad = RecordFile(SearchAdRecord, "free", tmp_path).load().latest.work
    assert ad.headlines == tuple(h for h in HEADLINES if h)  # the last release kept no blanks
    assert (ad.path1, ad.path2, ad.keyword) == ("Shelves", "Oak", "oak shelves")


def test_assess_a_snippet_and_an_ad():
    """Do a good snippet and a good ad pass, and does an empty record say so?"""
    assert assess(_snippet()).of("should fix") == ()
    assert assess(_ad()).ready
    assert "No ad written yet" in assess(SearchAdRecord.new("free")).summary
