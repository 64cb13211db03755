"""The post composer, driven through its methods (no browser)."""

from __future__ import annotations

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.records import RecordFile
from coursework_kit.social import PostComposer
from coursework_kit.social.posts.record import PostRecord
from tests.conftest import saved_work

SALE = "Our winter sale starts today: 20% off throws and cushions until Sunday."


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
    work = saved_work(composer)
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
    assert saved_work(composer).post.text == "Cosy nights in"


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
