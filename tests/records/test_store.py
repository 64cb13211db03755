"""One activity's evidence file: dated, written whole or not at all, and never lost.

These are the guarantees the first release's evidence store gave (its tests were in
tests/test_evidence.py), checked on the record file every activity now saves through.
"""

from __future__ import annotations

import json
import os

import pytest

from coursework_kit.errors import EvidenceError
from coursework_kit.quiz.record import QuizCheck, QuizRecord, QuizWork
from coursework_kit.records import ActivitySession, RecordFile, UnreadableRecordError

WORK = QuizWork(chosen={"q1": ("a",)})
MORE = QuizWork(chosen={"q1": ("a",), "q2": ("b",)}, checks=(QuizCheck("q1", ("a",), "t"),))


@pytest.fixture
def store(tmp_path):
    return RecordFile(QuizRecord, "demo", tmp_path / "evidence")


def _save(store, work, **options):
    store.save(QuizRecord.new(store.scenario).with_work(work, **options))


def test_first_save_creates_a_dated_file(store):
    """Does the first save create evidence/<activity>.json with a dated attempt 1?"""
    session = ActivitySession(QuizRecord, "demo", folder=store.folder, delay=0)
    session.update(WORK)
    document = json.loads(store.path.read_text())
    assert store.path.name == "quiz-demo.json"
    assert (document["kind"], document["activity"]) == ("quiz", "quiz-demo")
    (attempt,) = document["attempts"]
    assert (attempt["number"], attempt["saves"]) == (1, 1)
    assert attempt["started"][:4].isdigit()
    assert "T" in attempt["saved"]


def test_opening_an_activity_writes_nothing(store):
    """Is no file written until the learner changes something?"""
    session = ActivitySession(QuizRecord, "demo", folder=store.folder, delay=0)
    session.flush()
    session.close()
    assert not store.path.exists()


def test_an_interrupted_write_leaves_the_old_file_whole(store, monkeypatch):
    """If the write fails part way (disk full), is the earlier file intact and no temp left?"""
    _save(store, WORK)
    before = store.path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(EvidenceError, match="earlier saved work is unchanged"):
        _save(store, MORE)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert list(store.folder.glob("*.tmp")) == []


def test_a_crash_between_write_and_rename_keeps_the_old_file(store, monkeypatch):
    """If the process dies before the rename, is the earlier file still the one read?"""
    _save(store, WORK)

    def killed(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        _save(store, MORE)
    monkeypatch.undo()
    assert store.load().latest.work == WORK
    assert list(store.folder.glob("*.tmp")) == []


@pytest.mark.parametrize(
    "garbage",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00",
        b'{"format": "something else"}',
        b"[1, 2]",
        b'{"format": "coursework-kit evidence", "version": 1, "activity": "quiz-demo",'
        b' "attempts": [{"attempt": "one"}]}',
    ],
)
def test_a_corrupt_file_is_set_aside_not_lost(store, garbage):
    """Is an unreadable file moved aside, reported, and a fresh record started?"""
    store.folder.mkdir(parents=True)
    store.path.write_bytes(garbage)
    with pytest.raises(UnreadableRecordError):
        store.load()
    session = ActivitySession(QuizRecord, "demo", folder=store.folder, delay=0)
    assert session.resumed is None
    (notice,) = session.notices
    assert "moved to" in notice
    assert "nothing was deleted" in notice
    session.update(WORK)
    (aside,) = store.folder.glob("quiz-demo.unreadable-*.json")
    assert aside.read_bytes() == garbage
    assert store.load().latest.work == WORK


def test_a_file_for_another_activity_is_not_mixed_in(store):
    """Is a file that names a different activity treated as unreadable, not merged?"""
    other = RecordFile(QuizRecord, "unit1", store.folder)
    _save(other, WORK)
    store.path.write_text(other.path.read_text())
    with pytest.raises(UnreadableRecordError, match="belongs to the activity 'quiz-unit1'"):
        store.load()


@pytest.mark.parametrize("name", ["Demo", "../escape", "demo quiz", "a/b", "é"])
def test_bad_activity_names(tmp_path, name):
    """Are names that could escape the folder or confuse the file system refused?"""
    with pytest.raises(EvidenceError, match="cannot be used as an activity name"):
        RecordFile(QuizRecord, name, tmp_path)


def test_an_unwritable_folder_gives_a_plain_message(tmp_path):
    """Is a folder that cannot be created reported in plain English?"""
    blocker = tmp_path / "evidence"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(EvidenceError, match="could not be saved"):
        _save(RecordFile(QuizRecord, "demo", blocker), WORK)


def test_default_folder_is_beside_the_notebook(tmp_path, monkeypatch):
    """Does the evidence folder default to evidence/ in the working (notebook) folder?"""
    monkeypatch.chdir(tmp_path)
    _save(RecordFile(QuizRecord, "demo"), WORK)
    assert (tmp_path / "evidence" / "quiz-demo.json").is_file()


def test_saved_files_are_readable_by_the_tutor(store):
    """Does the evidence file get ordinary permissions, not a temporary file's owner-only ones?"""
    previous = os.umask(0o022)
    try:
        _save(store, WORK)
    finally:
        os.umask(previous)
    assert store.path.stat().st_mode & 0o777 == 0o644
