"""The post record: its golden file, the first format, and assess()."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coursework_kit.records import RecordFile
from coursework_kit.social.posts.assess import assess, check_draft
from coursework_kit.social.posts.record import PostDraft, PostRecord, PostWork, SavedPost

AT = "2026-11-20T14:30:00+00:00"
V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1"
SALE = "Our winter sale starts today: 20% off throws and cushions until Sunday."


def _post() -> PostRecord:
    first = PostDraft("x", SALE)
    now = PostDraft("instagram", SALE + " #WinterSale", True, "A grey wool throw on a bench.")
    work = PostWork(post=now, saved=(SavedPost(first, AT),))
    return PostRecord.new("sale-x").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is the record saved exactly as tests/golden/records/post.json shows?"""
    golden("records/post.json", json.dumps(_post().to_json(), indent=1) + "\n")


def test_the_file_names_are_todays():
    """Are the files named as the last release named them (a task gets its own file)?"""
    assert PostRecord.activity_for("sale-x") == "post-sale-x"


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


def test_assess_checks_the_latest_post():
    """Does assess() run the post checks on the post as it stands, in the shared vocabulary?"""
    feedback = assess(_post())
    assert feedback.activity == "post-sale-x"
    assert feedback.ready
    assert feedback.summary == check_draft(_post().latest.work.post).summary
    assert {f.severity for f in feedback.findings} <= {"must fix", "should fix", "good"}
    assert "Ready to post on Instagram" in repr(feedback)


def test_assess_a_post_for_a_platform_it_does_not_know():
    """Is a hand-edited platform reported as something a tutor should look at, not a crash?"""
    record = PostRecord.new("free").with_work(PostWork(PostDraft("myspace", "Hi")), at=AT)
    (finding,) = assess(record).findings
    assert finding.severity == "unsure"
