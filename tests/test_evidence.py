"""The evidence store: atomic, dated, every attempt kept, never shrunk, corruption set aside."""

from __future__ import annotations

import json
import os

import pytest

from coursework_kit.errors import EvidenceError
from coursework_kit.evidence import Evidence, content_size


@pytest.fixture
def store(tmp_path):
    return Evidence("chat-late-delivery", folder=tmp_path / "evidence")


def test_first_save_creates_a_dated_file(store):
    """Does the first save create evidence/<activity>.json with a dated attempt 1?"""
    outcome = store.save(1, {"turns": ["Hello"]})
    assert outcome.saved
    assert outcome.attempt == 1
    document = json.loads(store.path.read_text())
    assert document["activity"] == "chat-late-delivery"
    (attempt,) = document["attempts"]
    assert attempt["attempt"] == 1
    assert attempt["saves"] == 1
    assert attempt["started"][:4].isdigit()
    assert "T" in attempt["saved"]


def test_a_growing_attempt_is_updated_in_place(store):
    """Does saving more to the same attempt update it, keeping when it started?"""
    store.save(1, {"turns": ["Hello"]})
    started = store.attempts()[0].started
    store.save(1, {"turns": ["Hello", "How can I help?"]})
    (attempt,) = store.attempts()
    assert attempt.data == {"turns": ["Hello", "How can I help?"]}
    assert attempt.saves == 2
    assert attempt.started == started


def test_every_attempt_is_kept(store):
    """Are attempts 1 and 2 both kept, and the latest one found?"""
    store.save(1, {"answer": "first go"})
    store.save(store.next_attempt(), {"answer": "second go"})
    assert [a.attempt for a in store.attempts()] == [1, 2]
    assert store.latest().data == {"answer": "second go"}


def test_a_shorter_save_never_overwrites_a_longer_attempt(store):
    """Is a shorter save kept as a new attempt, leaving the longer one untouched?"""
    store.save(1, {"turns": ["Hello", "How can I help you today?"]})
    outcome = store.save(1, {"turns": ["Hi"]})
    assert outcome.saved
    assert outcome.attempt == 2
    assert "kept as it was" in outcome.message
    first, second = store.attempts()
    assert first.data == {"turns": ["Hello", "How can I help you today?"]}
    assert second.data == {"turns": ["Hi"]}


@pytest.mark.parametrize("empty", [{}, {"turns": []}, {"reply": "   "}, {"answer": None}])
def test_an_empty_save_writes_nothing(store, empty):
    """Does an empty save leave an earlier attempt alone and write nothing?"""
    store.save(1, {"reply": "My order is late"})
    before = store.path.read_bytes()
    outcome = store.save(1, empty)
    assert not outcome.saved
    assert store.path.read_bytes() == before


def test_an_interrupted_write_leaves_the_old_file_whole(store, monkeypatch):
    """If the write fails part way (disk full), is the earlier file intact and no temp left?"""
    store.save(1, {"turns": ["Hello"]})
    before = store.path.read_bytes()
    real_fsync = os.fsync

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(EvidenceError, match="earlier saved work is unchanged"):
        store.save(1, {"turns": ["Hello", "More words here"]})
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.folder.iterdir()) == [store.path.name]


def test_a_crash_between_write_and_rename_keeps_the_old_file(store, monkeypatch):
    """If the process dies before the rename, is the earlier file still the one read?"""
    store.save(1, {"turns": ["Hello"]})

    def killed(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        store.save(1, {"turns": ["Hello", "again"]})
    monkeypatch.undo()
    assert store.attempts()[0].data == {"turns": ["Hello"]}
    assert list(store.folder.glob("*.tmp")) == []


@pytest.mark.parametrize(
    "garbage",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00",
        b'{"format": "something else"}',
        b"[1, 2]",
        b'{"format": "coursework-kit evidence", "version": 1, "activity": "chat-late-delivery",'
        b' "attempts": [{"attempt": "one"}]}',
    ],
)
def test_a_corrupt_file_is_set_aside_not_lost(store, garbage):
    """Is an unreadable file moved aside, reported, and a fresh file started?"""
    store.folder.mkdir(parents=True)
    store.path.write_bytes(garbage)
    with pytest.raises(EvidenceError, match="could not be read"):
        store.attempts()
    assert store.next_attempt() == 1
    outcome = store.save(1, {"answer": "new work"})
    assert outcome.saved
    (aside,) = store.folder.glob("chat-late-delivery.unreadable-*.json")
    assert aside.read_bytes() == garbage
    assert "moved to" in store.notices[0]
    assert "nothing was deleted" in store.notices[0]
    assert store.attempts()[0].data == {"answer": "new work"}


def test_a_file_for_another_activity_is_not_mixed_in(store):
    """Is a file that names a different activity treated as unreadable, not merged?"""
    other = Evidence("quiz-unit1", folder=store.folder)
    other.save(1, {"answer": "x"})
    store.path.write_text(other.path.read_text())
    with pytest.raises(EvidenceError, match="belongs to activity"):
        store.attempts()


@pytest.mark.parametrize("name", ["Chat", "../escape", "chat late", "", "a/b", "é"])
def test_bad_activity_names(tmp_path, name):
    """Are activity names that could escape the folder or confuse the file system refused?"""
    with pytest.raises(EvidenceError, match="cannot be used as an activity name"):
        Evidence(name, folder=tmp_path)


def test_an_unwritable_folder_gives_a_plain_message(tmp_path):
    """Is a folder that cannot be created reported in plain English?"""
    blocker = tmp_path / "evidence"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(EvidenceError, match="could not be saved"):
        Evidence("quiz-unit1", folder=blocker).save(1, {"a": "b"})


def test_things_json_cannot_hold_are_refused(store):
    """Is data that cannot be written as JSON refused with a message?"""
    with pytest.raises(EvidenceError, match="cannot be saved as evidence"):
        store.save(1, {"when": object()})
    with pytest.raises(EvidenceError, match="start at 1"):
        store.save(0, {"a": "b"})


def test_default_folder_is_beside_the_notebook(tmp_path, monkeypatch):
    """Does the evidence folder default to evidence/ in the working (notebook) folder?"""
    monkeypatch.chdir(tmp_path)
    Evidence("quiz-unit1").save(1, {"a": "b"})
    assert (tmp_path / "evidence" / "quiz-unit1.json").is_file()


def test_content_size_counts_what_the_learner_put_in():
    """Does the size count characters of text and one per other answer, ignoring blanks?"""
    assert content_size({"a": " ab ", "b": [1, None, True], "c": {"d": ""}}) == 4


def test_saved_files_are_readable_by_the_tutor(store):
    """Does the evidence file get ordinary permissions, not a temporary file's owner-only ones?"""
    previous = os.umask(0o022)
    try:
        store.save(1, {"answer": "x"})
    finally:
        os.umask(previous)
    assert store.path.stat().st_mode & 0o777 == 0o644
