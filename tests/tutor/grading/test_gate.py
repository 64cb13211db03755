"""The gradebook gate: one learner at a time in the gradebook, kernels side by side."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from pathlib import Path

import pytest

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


def test_the_lock_is_held_only_while_a_gradebook_is_open_and_nested_ones_count_once():
    lock = Recording()
    with gate.using(lock):
        lock.events.append("sanitise")
        gate.enter()
        gate.enter()  # a gradebook opened inside another
        gate.leave()
        lock.events.append("still open")
        gate.leave()
        lock.events.append("kernel runs")
    assert lock.events == ["sanitise", "acquire", "still open", "release", "kernel runs"]


def test_a_gradebook_left_open_is_let_go_at_the_end_and_no_lock_means_no_waiting():
    lock = Recording()
    try:
        with gate.using(lock):
            gate.enter()
            raise RuntimeError("nbgrader stopped with the gradebook open")
    except RuntimeError:
        pass
    assert lock.events == ["acquire", "release"]
    gate.enter()  # plain `nbgrader autograde`: no lock, nothing happens
    gate.leave()
    assert lock.events == ["acquire", "release"]


def test_every_nbgrader_gradebook_passes_through_the_gate(tmp_path, monkeypatch):
    """Opening and closing nbgrader's own Gradebook takes and gives back the lock."""
    from nbgrader.api import Gradebook

    # a new gradebook runs nbgrader's helper program (alembic) from its environment
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")

    gate.guard_gradebook()
    gate.guard_gradebook()  # twice is the same as once
    lock = Recording()
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with gate.using(lock):
        with Gradebook(url) as gradebook:
            gradebook.add_student("ann")
            assert lock.events == ["acquire"]
        assert lock.events == ["acquire", "release"]
        with pytest.raises(Exception, match="unable to open"):  # cannot be opened: let go
            Gradebook("sqlite:////no/such/folder/gradebook.db")
    assert lock.events == ["acquire", "release", "acquire", "release"]
