"""The posts widgets, driven through their methods (no browser)."""

from __future__ import annotations

import csv
import json

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.posts import CalendarPlanner, PostComposer, SearchAdBuilder, SnippetPreview
from coursework_kit.posts.planner.assess import calendar_from, find_calendar
from coursework_kit.posts.planner.export import calendar_html
from coursework_kit.posts.planner.record import CalendarRecord
from coursework_kit.posts.record import PostRecord, SearchAdRecord, SnippetRecord
from coursework_kit.records import RecordFile

SALE = "Our winter sale starts today: 20% off throws and cushions until Sunday."


def saved(widget):
    """The latest work in a widget's evidence file, read back from disk."""
    widget.session.flush()
    file = widget.session.file
    (attempt,) = RecordFile(file.kind, file.scenario, file.folder).load().attempts
    return attempt.work


def test_composer_checks_live_as_you_type(tmp_path):
    """Do the checks, counter and preview update as the learner types?"""
    composer = PostComposer("x", folder=tmp_path)
    composer.type("Our winter sale")
    assert composer.result.length == len("Our winter sale")
    composer.type(" starts today!!!")
    assert "exclamation" in composer.result.rules("should fix")
    assert "exclamation marks" in composer.shown["checks"]
    assert "31 of 280 characters" in composer.shown["counter"]
    assert "Our winter sale starts today" in composer.shown["preview"]


def test_composer_platform_and_image(tmp_path):
    """Does choosing a platform and adding an image change the checks?"""
    composer = PostComposer("x", text=SALE + " harbourandpine.example/sale", folder=tmp_path)
    assert "link" in composer.result.rules("good")
    assert "link" in composer.choose_platform("instagram").rules("should fix")
    assert "Instagram feed" in composer.shown["preview"]
    assert "alt-text" in composer.set_image(True).rules("must fix")
    assert composer.alt_text_shown
    assert "alt-text" in composer.set_image(True, "A grey wool throw on a bench.").rules("good")
    assert "disclosure" in composer.set_paid(True).rules("must fix")


def test_composer_saves_drafts_as_evidence(tmp_path):
    """Is each saved draft kept, with its platform and checks, in the evidence file?"""
    composer = PostComposer("x", folder=tmp_path)
    composer.set_text(SALE)
    composer.save()
    composer.choose_platform("instagram")
    composer.set_text(SALE + " #WinterSale")
    assert composer.save()
    work = saved(composer)
    assert [d.post.platform for d in work.saved] == ["x", "instagram"]
    assert all(d.at for d in work.saved)
    assert work.post.text == SALE + " #WinterSale"
    assert "Saved to evidence/post-free.json" in composer.message


def test_composer_autosaves_what_is_typed(tmp_path):
    """Is the first change saved straight away, so typed work is not lost?"""
    composer = PostComposer("threads", folder=tmp_path)
    assert not composer.session.file.path.exists()  # nothing typed, nothing saved
    composer.type("Cosy nights in")
    assert RecordFile(PostRecord, "free", tmp_path).load().latest.work.post.text == "Cosy nights in"


def test_composer_saves_every_change_within_a_second(tmp_path):
    """Is the last thing typed saved without pressing Save, however quickly it follows?"""
    composer = PostComposer("x", task="sale-x", folder=tmp_path, mode="assessment")
    composer.type("Our winter sale")
    composer.type(" starts today")  # inside the half second: the timer writes it
    composer.set_paid(True)
    composer.session.flush()  # what the timer does within the second
    record = RecordFile(PostRecord, "sale-x", tmp_path).load()
    assert record.latest.work.post.text == "Our winter sale starts today"
    assert record.latest.work.post.paid_partnership
    assert record.latest.mode == "assessment"


def test_a_new_composer_on_the_same_folder_shows_the_latest_post(tmp_path):
    """After a kernel restart, does the composer reopen with the post, image and saved
    versions, and carry on in the same attempt?"""
    first = PostComposer(draft_id="influencer-candles", folder=tmp_path)
    first.set_text("#ad Our new candles are here.")
    first.set_image(True, "Three candles on a shelf.")
    first.save()
    first.set_text("#ad Our new candles are here. Which scent is yours?")  # not saved by hand
    first.session.close()
    again = PostComposer(draft_id="influencer-candles", folder=tmp_path)
    assert again.work == first.work
    assert again.text.endswith("Which scent is yours?")
    assert again.alt_text_shown
    assert "Mia" in again.shown["brief"]
    again.type(" Tell us!")
    again.session.flush()
    record = RecordFile(PostRecord, "influencer-candles", tmp_path).load()
    assert len(record.attempts) == 1
    assert len(record.latest.work.saved) == 1


def test_a_broken_evidence_file_does_not_stop_the_composer(tmp_path):
    """If the evidence file was damaged, does the composer open, save and say what happened?"""
    (tmp_path / "post-free.json").write_text("{broken")
    composer = PostComposer("x", folder=tmp_path)
    assert composer.text == ""
    composer.type("Cosy nights in")
    assert "could not be read" in composer.message
    assert saved(composer).post.text == "Cosy nights in"


def test_composer_starts_from_a_draft(tmp_path):
    """Does a fix-the-draft task open with the draft, its brief and its problems?"""
    composer = PostComposer(draft_id="influencer-candles", folder=tmp_path)
    assert composer.result.platform.id == "instagram"
    assert not composer.result.ready
    assert "Mia" in composer.children[0].value
    assert composer.session.file.activity == "post-influencer-candles"
    assert not composer.session.file.path.exists()  # opening saves nothing
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
    assert "search result" in preview.preview
    assert preview.save()
    assert saved(preview).keyword == "oak shelves"


def test_a_broken_snippet_or_ad_file_does_not_stop_them(tmp_path):
    """If their evidence files were damaged, do the snippet and ad open, save and say so?"""
    (tmp_path / "search-snippet.json").write_text("{broken")
    (tmp_path / "search-ad.json").write_text(json.dumps({"format": "something else"}))
    preview, ad = SnippetPreview(folder=tmp_path), SearchAdBuilder(folder=tmp_path)
    preview.fill(title="Oak shelves")
    ad.set_headline(1, "Oak Shelves")
    assert "could not be read" in preview.message
    assert "could not be read" in ad.message
    assert saved(preview).title == "Oak shelves"
    assert saved(ad).headlines[0] == "Oak Shelves"


def test_snippet_typing_is_saved_and_reopened(tmp_path):
    """Is a title typed (no Save pressed) kept, and shown by a new preview on the folder?"""
    preview = SnippetPreview("oak shelves", folder=tmp_path)
    assert not preview.session.file.path.exists()  # opening saves nothing
    preview.fill(title="Oak shelves")
    preview.fill(description="Made in Cumbria.")
    preview.session.close()
    assert preview.session.file.path.name == "search-snippet.json"
    again = SnippetPreview("oak shelves", folder=tmp_path)
    assert again.work == preview.work
    assert "Oak shelves" in again.preview
    again.fill(keyword="oak shelf")
    again.session.flush()
    record = RecordFile(SnippetRecord, "free", tmp_path).load()
    assert (len(record.attempts), record.latest.work.keyword) == (1, "oak shelf")


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
    assert ad.save()
    assert (saved(ad).path1, saved(ad).path2) == ("Shelves", "Oak")
    with pytest.raises(CourseworkError, match="headlines 1 to 6"):
        ad.set_headline(7, "Too many")


def test_search_ad_typing_is_saved_and_reopened(tmp_path):
    """Is every box typed (no Save pressed) kept in place, and shown after a restart?"""
    ad = SearchAdBuilder("oak shelves", folder=tmp_path)
    assert not ad.session.file.path.exists()  # opening saves nothing
    ad.set_headline(1, "Oak Shelves Made in Cumbria")
    ad.set_headline(3, "Harbour & Pine")  # box 2 left empty
    ad.set_description(2, "Made to last.")
    ad.session.close()
    assert ad.session.file.path.name == "search-ad.json"
    again = SearchAdBuilder("oak shelves", folder=tmp_path)
    assert again.work == ad.work
    assert again.work.headlines[:3] == ("Oak Shelves Made in Cumbria", "", "Harbour & Pine")
    again.set_path("Shelves")
    again.session.flush()
    record = RecordFile(SearchAdRecord, "free", tmp_path).load()
    assert (len(record.attempts), record.latest.work.path1) == (1, "Shelves")


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
    assert "cannot approve" in planner.shown["said"]
    assert planner.set_status(post.id, "approved", by="Grace").approver == "Grace"
    assert "fri-tiktok (approved)" in planner.post_choices
    path = planner.export()
    assert path == tmp_path / "black-friday-week.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    work = saved(planner)
    assert work.exported_csv == "black-friday-week.csv"
    assert "<table>" in calendar_html(calendar_from(work, find_calendar("black-friday-week")))
    assert any("Grace moved 'fri-tiktok' to approved" in a.did for a in work.actions)


def test_calendar_planner_buttons(tmp_path):
    """Do the Add and Change status buttons act on the form's values?"""
    planner = CalendarPlanner(folder=tmp_path)
    planner.fill_form(text="Thank you for a brilliant week, from all of us.", platform="threads")
    planner.press_add()
    assert any(p.platform == "threads" for p in planner.calendar.posts)
    planner.fill_form(post="tue-x", status="scheduled", by="Grace")
    planner.press_change_status()
    assert "not been approved by a colleague" in planner.shown["said"]
    assert planner.edit_post("tue-x", text="Changed").status == "draft"
    with pytest.raises(CourseworkError, match="not one of the choices"):
        planner.fill_form(platform="myspace")


def test_calendar_planner_edits_through_the_form(tmp_path):
    """Can a post be loaded into the form, changed and saved, fixing its problem?"""
    planner = CalendarPlanner(folder=tmp_path)
    assert planner.load_post("wed-instagram").id == "wed-instagram"
    assert "Tap the link in" in planner.form.text
    planner.fill_form(image_alt_text="Three lit candles in amber glass jars on a wooden table.")
    planner.press_save_changes()
    post = planner.calendar.post("wed-instagram")
    assert post.image_alt_text.startswith("Three lit candles")
    assert post.status == "draft"  # it was changed, so it must be approved again
    assert planner.load_post("nope") is None
    assert "There is no post" in planner.shown["said"]


def test_a_new_planner_on_the_same_folder_shows_the_learners_calendar(tmp_path):
    """After a restart, does a calendar fixed and extended come back as the learner left it
    (not the four starter posts), with the words half-typed in the form?"""
    first = CalendarPlanner(folder=tmp_path, csv_folder=tmp_path)
    first.set_status("tue-x", "draft", by="Priya")
    first.edit_post("wed-instagram", image_alt_text="Three lit candles in amber jars.")
    first.add_post(day="2026-11-27", platform="tiktok", text="Black Friday is here.", owner="Owen")
    first.fill_form(day="2026-11-28", platform="threads", text="Saturday: still 20% off")
    first.session.close()
    again = CalendarPlanner(folder=tmp_path, csv_folder=tmp_path)
    assert [p.id for p in again.calendar.posts] == [p.id for p in first.calendar.posts]
    assert len(again.calendar.posts) == 5
    assert again.calendar.post("tue-x").status == "draft"
    assert again.calendar.review().ok
    assert again.form == first.form
    assert again.shown["table"] == first.shown["table"]
    again.fill_form(text="Saturday: still 20% off throws.")
    again.session.flush()
    record = RecordFile(CalendarRecord, "black-friday-week", tmp_path).load()
    assert len(record.attempts) == 1
    assert record.latest.work.form.text == "Saturday: still 20% off throws."


def test_opening_the_planner_saves_nothing(tmp_path):
    """Is no evidence file written just by showing the planner?"""
    planner = CalendarPlanner(folder=tmp_path)
    assert not planner.session.file.path.exists()
    assert len(planner.calendar.posts) == 4


def test_a_broken_evidence_file_does_not_stop_the_planner(tmp_path):
    """If the evidence file was damaged, does the planner open with the starter calendar?"""
    (tmp_path / "calendar-black-friday-week.json").write_text("[1, 2")
    planner = CalendarPlanner(folder=tmp_path)
    assert len(planner.calendar.posts) == 4
    assert planner.set_status("tue-x", "draft", by="Priya") is not None
    assert "could not be read" in planner.message
