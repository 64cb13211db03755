"""A widget's session on its record: reopening, saving within a second, two writers."""

from __future__ import annotations

import multiprocessing
import time

from coursework_kit.quiz.record import QuizCheck, QuizRecord, QuizWork
from coursework_kit.records import ActivitySession, RecordFile


def _work(n: int) -> QuizWork:
    return QuizWork(chosen={"q1": (str(n),)})


def test_changes_are_saved_within_a_second_without_a_write_per_change(tmp_path):
    """Do fast changes land on disk within a second, the last one included?"""
    session = ActivitySession(QuizRecord, "demo", folder=tmp_path, learner="ab123", delay=0.3)
    for n in range(50):
        session.update(_work(n))
    deadline = time.monotonic() + 1.0
    store = RecordFile(QuizRecord, "demo", tmp_path)
    while time.monotonic() < deadline:
        found = store.load()
        if found is not None and found.latest.work == _work(49):
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the last change was not saved within a second")
    (attempt,) = found.attempts
    assert attempt.saves == 50  # every change counted
    assert session.writes < 10  # but not one write per change
    assert attempt.learner == "ab123"


def test_editing_is_one_attempt_and_start_again_is_another(tmp_path):
    """Is an attempt a sitting the learner chose to start, not a side effect of editing?"""
    session = ActivitySession(QuizRecord, "demo", folder=tmp_path, delay=0)
    session.update(_work(1))
    session.update(QuizWork())  # the learner cleared their answer: same attempt
    session.update(_work(2))
    session.start_again()
    session.update(_work(3))
    record = RecordFile(QuizRecord, "demo", tmp_path).load()
    assert [(a.number, a.work) for a in record.attempts] == [(1, _work(2)), (2, _work(3))]


def test_a_new_session_reopens_the_latest_attempt(tmp_path):
    """After a restart, does the session hand back the latest work and carry on in it?"""
    first = ActivitySession(QuizRecord, "demo", folder=tmp_path, delay=0)
    first.update(_work(1))
    first.start_again()
    first.update(_work(2))
    again = ActivitySession(QuizRecord, "demo", folder=tmp_path, delay=0)
    assert again.resumed.work == _work(2)
    again.update(_work(5))
    record = RecordFile(QuizRecord, "demo", tmp_path).load()
    assert [a.work for a in record.attempts] == [_work(1), _work(5)]


def _save_many(folder: str, worker: int, count: int) -> None:
    for n in range(count):
        session = ActivitySession(QuizRecord, "demo", folder=folder, delay=0)
        session.start_again()
        session.update(
            QuizWork(chosen={"w": (str(worker),)}, checks=(QuizCheck("w", (str(n),), "t"),))
        )


def test_two_kernels_saving_at_once_lose_no_attempt(tmp_path):
    """Do two processes saving 60 attempts each to one file keep all 120?"""
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_save_many, args=(str(tmp_path), worker, 60)) for worker in (1, 2)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    record = RecordFile(QuizRecord, "demo", tmp_path).load()
    kept = {(a.work.chosen["w"][0], a.work.checks[0].chosen[0]) for a in record.attempts}
    assert len(kept) == 120
