"""The post, snippet and search ad records: golden files, the first format, and assess()."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coursework_kit.posts.assess import assess, check_draft, shared
from coursework_kit.posts.findings import Finding as PostsFinding
from coursework_kit.posts.record import (
    PostDraft,
    PostRecord,
    PostWork,
    SavedPost,
    SearchAdRecord,
    SearchAdWork,
    SnippetRecord,
    SnippetWork,
)
from coursework_kit.records import RecordFile

AT = "2026-11-20T14:30:00+00:00"
V1 = Path(__file__).resolve().parents[1] / "golden" / "records" / "v1"
SALE = "Our winter sale starts today: 20% off throws and cushions until Sunday."
TITLE = "Oak shelves made in Cumbria | Harbour & Pine"
DESCRIPTION = (
    "Solid oak shelves made in our Cumbria workshop. Three sizes, free delivery over £50, "
    "and every shelf is finished by hand."
)
HEADLINES = ("Oak Shelves Made in Cumbria", "", "Free Delivery Over £50", "Harbour & Pine", "", "")


def _post() -> PostRecord:
    first = PostDraft("x", SALE)
    now = PostDraft("instagram", SALE + " #WinterSale", True, "A grey wool throw on a bench.")
    work = PostWork(post=now, saved=(SavedPost(first, AT),))
    return PostRecord.new("sale-x").with_work(work, learner="ab123", at=AT)


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


@pytest.mark.parametrize(
    ("name", "record"), [("post", _post), ("snippet", _snippet), ("search-ad", _ad)]
)
def test_the_record_matches_its_golden_file(golden, name, record):
    """Is each record saved exactly as tests/golden/records/<kind>.json shows?"""
    golden(f"records/{name}.json", json.dumps(record().to_json(), indent=1) + "\n")


def test_the_file_names_are_todays():
    """Are the files named as the last release named them (a task gets its own file)?"""
    assert PostRecord.activity_for("sale-x") == "post-sale-x"
    assert SnippetRecord.activity_for("free") == "search-snippet"
    assert SearchAdRecord.activity_for("free") == "search-ad"
    assert SearchAdRecord.activity_for("shelves") == "search-ad-shelves"


def test_a_post_saved_by_the_last_release_is_read(tmp_path):
    """Does a schema-1 post file load with the post as it stood and each saved version?"""
    shutil.copy(V1 / "post-sale-x.json", tmp_path)
    record = RecordFile(PostRecord, "sale-x", tmp_path).load()
    work = record.latest.work
    assert (record.scenario, record.latest.saves) == ("sale-x", 4)
    assert work.post == PostDraft(
        "instagram", SALE + " #WinterSale", True, "A grey wool throw on a bench.", True
    )
    assert [v.post.platform for v in work.saved] == ["x", "instagram"]
    assert "disclosure" in {f.check for f in assess(record).of("must fix")}


def test_a_snippet_and_an_ad_saved_by_the_last_release_are_read(tmp_path):
    """Do schema-1 snippet and ad files load with what was typed?"""
    for name in ("search-snippet.json", "search-ad.json"):
        shutil.copy(V1 / name, tmp_path)
    snippet = RecordFile(SnippetRecord, "free", tmp_path).load()
    assert snippet.latest.work == SnippetWork("oak shelves", TITLE, DESCRIPTION)
    ad = RecordFile(SearchAdRecord, "free", tmp_path).load().latest.work
    assert ad.headlines == tuple(h for h in HEADLINES if h)  # the last release kept no blanks
    assert (ad.path1, ad.path2, ad.keyword) == ("Shelves", "Oak", "oak shelves")


def test_assess_checks_the_latest_post():
    """Does assess() run the post checks on the post as it stands, in the shared vocabulary?"""
    feedback = assess(_post())
    assert feedback.activity == "post-sale-x"
    assert feedback.ready
    assert feedback.summary == check_draft(_post().latest.work.post).summary
    assert {f.severity for f in feedback.findings} <= {"must fix", "should fix", "good"}
    assert "Ready to post on Instagram" in repr(feedback)


def test_assess_a_snippet_and_an_ad():
    """Do a good snippet and a good ad pass, and does an empty record say so?"""
    assert assess(_snippet()).of("should fix") == ()
    assert assess(_ad()).ready
    assert "No ad written yet" in assess(SearchAdRecord.new("free")).summary


def test_assess_a_post_for_a_platform_it_does_not_know():
    """Is a hand-edited platform reported as something a tutor should look at, not a crash?"""
    record = PostRecord.new("free").with_work(PostWork(PostDraft("myspace", "Hi")), at=AT)
    (finding,) = assess(record).findings
    assert finding.severity == "unsure"


def test_shared_keeps_every_part_of_a_finding():
    """Does a posts finding become a shared finding with its rule, words, why and source?"""
    (found,) = shared([PostsFinding("must fix", "alt-text", "No alt text.", "Why.", "WCAG")])
    assert (found.severity, found.check, found.message, found.why, found.source) == (
        "must fix",
        "alt-text",
        "No alt text.",
        "Why.",
        "WCAG",
    )
