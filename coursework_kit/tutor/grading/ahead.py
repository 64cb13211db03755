"""Kernels started ahead: the next learner's sandboxed kernel starts while this one is graded.

Starting a kernel (a new Python, importing ipykernel) is most of a second, and most of it is
waiting. ``coursework autograde`` knows which learner each worker grades next, so it starts
that learner's kernel early with :func:`start`, in a sandbox of their own with an empty
submission folder. When their notebook comes to run, ``GraderExecute`` calls :func:`take`,
which copies their submission in and hands the kernel over, or makes a new sandbox as usual.
The kernel is the learner's own (their id, their limits, nothing of anyone else's), and it has
run none of their code before their notebook starts.
"""

from __future__ import annotations

import atexit
import logging
from pathlib import Path

from coursework_kit.tutor.grading.sandbox import Sandbox

__all__ = ["discard", "start", "take"]

_log = logging.getLogger(__name__)
_ready: dict[str, Sandbox] = {}


def start(learner: str) -> bool:
    """Start ``learner``'s kernel now, without waiting for it to be ready; whether it started."""
    if learner in _ready:
        return True
    try:
        box = Sandbox(None, learner=learner)
    except Exception as exc:  # no sandbox here: the notebook will say so when it runs
        _log.debug("no kernel started ahead for %s: %s", learner, exc)
        return False
    try:
        from jupyter_core.utils import run_sync

        run_sync(box.kernel_manager().start_kernel)()
    except Exception as exc:
        box.close()
        _log.debug("no kernel started ahead for %s: %s", learner, exc)
        return False
    _ready[learner] = box
    return True


def take(submission: Path, *, learner: str) -> Sandbox:
    """A sandbox for ``learner``'s ``submission``: the one started ahead if there is one."""
    box = _ready.pop(learner, None)
    if box is None:
        return Sandbox(submission, learner=learner)
    try:
        box.fill(submission)
    except BaseException:
        box.close()
        raise
    return box


def discard(learner: str | None = None) -> None:
    """End a kernel started ahead and not used (everyone's, without ``learner``)."""
    for name in [learner] if learner is not None else list(_ready):
        box = _ready.pop(name, None)
        if box is not None:
            box.close()


atexit.register(discard)
