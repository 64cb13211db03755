"""The search snippet and search ad widgets, driven through their methods (no browser)."""

from __future__ import annotations

import json

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.records import RecordFile
from coursework_kit.search import SearchAdBuilder, SnippetPreview
from coursework_kit.search.record import SearchAdRecord, SnippetRecord
from tests.conftest import saved_work


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
    assert saved_work(preview).keyword == "oak shelves"


def test_a_broken_snippet_or_ad_file_does_not_stop_them(tmp_path):
    """If their evidence files were damaged, do the snippet and ad open, save and say so?"""
    (tmp_path / "search-snippet.json").write_text("{broken")
    (tmp_path / "search-ad.json").write_text(json.dumps({"format": "something else"}))
    preview, ad = SnippetPreview(folder=tmp_path), SearchAdBuilder(folder=tmp_path)
    preview.fill(title="Oak shelves")
    ad.set_headline(1, "Oak Shelves")
    assert "could not be read" in preview.message
    assert "could not be read" in ad.message
    assert saved_work(preview).title == "Oak shelves"
    assert saved_work(ad).headlines[0] == "Oak Shelves"


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
    assert (saved_work(ad).path1, saved_work(ad).path2) == ("Shelves", "Oak")
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
