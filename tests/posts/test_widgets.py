"""The posts widgets, driven through their methods (no browser)."""

from __future__ import annotations

import csv
import json

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.posts import CalendarPlanner, PostComposer, SearchAdBuilder, SnippetPreview

SALE = "Our winter sale starts today: 20% off throws and cushions until Sunday."


def saved(widget_evidence):
    (attempt,) = json.loads(widget_evidence.path.read_text())["attempts"]
    return attempt["data"]


def test_composer_checks_live_as_you_type(tmp_path):
    """Do the checks, counter and preview update as the learner types?"""
    composer = PostComposer("x", folder=tmp_path)
    composer.type("Our winter sale")
    assert composer.result.length == len("Our winter sale")
    composer.type(" starts today!!!")
    assert "exclamation" in composer.result.rules("should fix")
    assert "exclamation marks" in composer._results.value
    assert "31 of 280 characters" in composer._counter.value
    assert "Our winter sale starts today" in composer._preview.value


def test_composer_platform_and_image(tmp_path):
    """Does choosing a platform and adding an image change the checks?"""
    composer = PostComposer("x", text=SALE + " harbourandpine.example/sale", folder=tmp_path)
    assert "link" in composer.result.rules("good")
    assert "link" in composer.choose_platform("instagram").rules("should fix")
    assert "Instagram feed" in composer._preview.value
    assert "alt-text" in composer.set_image(True).rules("must fix")
    assert composer._alt.layout.display is None
    assert "alt-text" in composer.set_image(True, "A grey wool throw on a bench.").rules("good")
    assert "disclosure" in composer.set_paid(True).rules("must fix")


def test_composer_saves_drafts_as_evidence(tmp_path):
    """Is each saved draft kept, with its platform and checks, in the evidence file?"""
    composer = PostComposer("x", folder=tmp_path)
    composer.set_text(SALE)
    composer.save()
    composer.choose_platform("instagram")
    composer.set_text(SALE + " #WinterSale")
    outcome = composer.save()
    assert outcome.saved
    data = saved(composer._saver.evidence)
    assert [d["platform"] for d in data["saved"]] == ["x", "instagram"]
    assert data["current"]["text"] == SALE + " #WinterSale"
    assert "Saved to evidence/post-free.json" in composer._saver.line.value


def test_composer_autosaves_what_is_typed(tmp_path):
    """Is the first change saved straight away, so typed work is not lost?"""
    composer = PostComposer("threads", folder=tmp_path)
    assert not composer._saver.evidence.path.exists()  # nothing typed, nothing saved
    composer.type("Cosy nights in")
    assert saved(composer._saver.evidence)["current"]["text"] == "Cosy nights in"


def test_composer_starts_from_a_draft(tmp_path):
    """Does a fix-the-draft task open with the draft, its brief and its problems?"""
    composer = PostComposer(draft_id="influencer-candles", folder=tmp_path)
    assert composer.result.platform.id == "instagram"
    assert not composer.result.ready
    assert "Mia" in composer.children[0].value
    assert composer._saver.evidence.activity == "post-influencer-candles"
    with pytest.raises(CourseworkError, match="no draft"):
        PostComposer(draft_id="nope", folder=tmp_path)


def test_snippet_preview(tmp_path):
    """Does the snippet preview update from the boxes and save as evidence?"""
    preview = SnippetPreview("oak shelves", folder=tmp_path)
    result = preview.fill(
        title="Oak shelves made in Cumbria | Harbour & Pine",
        description="Solid oak shelves made in our Cumbria workshop. Three sizes, free "
        "delivery over £50, and every shelf is finished by hand.",
    )
    assert result.rules("should fix") == set()
    assert "search result" in preview._result.value
    assert preview.save().saved
    assert saved(preview._saver.evidence)["keyword"] == "oak shelves"


def test_search_ad_builder(tmp_path):
    """Can headlines, descriptions and paths be typed, checked and saved?"""
    ad = SearchAdBuilder("oak shelves", folder=tmp_path)
    assert "headline-count" in ad.result.rules("must fix")
    for n, text in enumerate(["Oak Shelves Made in Cumbria", "Free Delivery Over £50",
                              "Harbour & Pine"], start=1):  # fmt: skip
        ad.set_headline(n, text)
    ad.set_description(1, "Solid oak shelves in three sizes.")
    ad.set_description(2, "Made to last in our Cumbria workshop.")
    assert ad.set_path("Shelves", "Oak").ready
    assert ad.save().saved
    assert saved(ad._saver.evidence)["path"] == ["Shelves", "Oak"]
    with pytest.raises(CourseworkError, match="headlines 1 to 6"):
        ad.set_headline(7, "Too many")


def test_calendar_planner_enforces_rules_and_exports(tmp_path):
    """Does the planner refuse rule-breaking changes with a reason, and export CSV evidence?"""
    planner = CalendarPlanner(folder=tmp_path / "evidence", csv_folder=tmp_path)
    post = planner.add_post(
        day="2026-11-27",
        platform="tiktok",
        text="Black Friday is here: 20% off throws and cushions. #BlackFriday",
        owner="Owen",
    )
    assert post is not None
    assert planner.set_status(post.id, "approved", by="Owen") is None
    assert "cannot approve" in planner._message.value
    assert planner.set_status(post.id, "approved", by="Grace").approver == "Grace"
    assert "fri-tiktok (approved)" in [label for label, _ in planner._post.options]
    path = planner.export()
    assert path == tmp_path / "black-friday-week.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    data = saved(planner._saver.evidence)
    assert data["exported_csv"] == "black-friday-week.csv"
    assert "<table>" in data["html"]
    assert any("Grace moved 'fri-tiktok' to approved" in a["did"] for a in data["actions"])


def test_calendar_planner_buttons(tmp_path):
    """Do the Add and Change status buttons act on the form's values?"""
    planner = CalendarPlanner(folder=tmp_path)
    planner._words.value = "Thank you for a brilliant week, from all of us."
    planner._platform.value = "threads"
    planner._add_clicked()
    assert any(p.platform == "threads" for p in planner.calendar.posts)
    planner._post.value = "tue-x"
    planner._status.value = "scheduled"
    planner._by.value = "Grace"
    planner._status_clicked()
    assert "not been approved by a colleague" in planner._message.value
    assert planner.edit_post("tue-x", text="Changed").status == "draft"


def test_calendar_planner_edits_through_the_form(tmp_path):
    """Can a post be loaded into the form, changed and saved, fixing its problem?"""
    planner = CalendarPlanner(folder=tmp_path)
    assert planner.load_post("wed-instagram").id == "wed-instagram"
    assert "Tap the link in" in planner._words.value
    planner._alt.value = "Three lit candles in amber glass jars on a wooden table."
    planner._edit_clicked()
    post = planner.calendar.post("wed-instagram")
    assert post.image_alt_text.startswith("Three lit candles")
    assert post.status == "draft"  # it was changed, so it must be approved again
    assert planner.load_post("nope") is None
    assert "There is no post" in planner._message.value
