"""The gradebook gate: one learner at a time in the gradebook, kernels side by side."""

from __future__ import annotations

import multiprocessing
import threading
import time

from coursework_kit.tutor.grading import gate


def _hold(path: str, entered, leave) -> None:
    lock = gate.FileLock(path)
    lock.acquire()
    entered.set()
    leave.wait(20)
    lock.release()


def test_a_file_lock_keeps_out_another_process_until_it_is_released(tmp_path):
    """Does a second process wait for the gradebook while the first holds it?"""
    path = str(tmp_path / "state" / "gradebook.lock")
    context = multiprocessing.get_context("spawn")
    entered, leave = context.Event(), context.Event()
    holder = context.Process(target=_hold, args=(path, entered, leave))
    holder.start()
    try:
        assert entered.wait(20)
        got = []
        waiter = threading.Thread(target=lambda: (gate.FileLock(path).acquire(), got.append(1)))
        waiter.start()
        time.sleep(0.5)
        assert got == []  # still kept out
        leave.set()
        waiter.join(20)
        assert got == [1]
    finally:
        leave.set()
        holder.join(20)


def test_a_lock_held_by_a_process_that_dies_is_free_again(tmp_path):
    """A worker killed mid-grading must not leave the class's gradebook locked for ever."""
    path = str(tmp_path / "gradebook.lock")
    context = multiprocessing.get_context("spawn")
    entered, leave = context.Event(), context.Event()
    holder = context.Process(target=_hold, args=(path, entered, leave))
    holder.start()
    assert entered.wait(20)
    holder.kill()
    holder.join(20)
    lock = gate.FileLock(path)
    lock.acquire()
    lock.release()


class Recording:
    def __init__(self) -> None:
        self.events: list[str] = []

    def acquire(self) -> None:
        self.events.append("acquire")

    def release(self) -> None:
        self.events.append("release")


def test_opened_lets_others_in_only_while_a_notebook_runs_and_takes_the_lock_back():
    lock = Recording()
    with gate.holding(lock):
        lock.events.append("sanitise")
        with gate.opened():
            lock.events.append("kernel runs")
        lock.events.append("save grades")
    assert lock.events == [
        "acquire",
        "sanitise",
        "release",
        "kernel runs",
        "acquire",
        "save grades",
        "release",
    ]


def test_opened_does_nothing_under_plain_nbgrader_and_the_lock_is_released_after_an_error():
    with gate.opened():  # no gate held: plain `nbgrader autograde`
        pass
    lock = Recording()
    try:
        with gate.holding(lock), gate.opened():
            raise RuntimeError("kernel died")
    except RuntimeError:
        pass
    assert lock.events == ["acquire", "release", "acquire", "release"]
