"""A sandbox for one learner's kernel while nbgrader autogrades their notebook.

:class:`Sandbox` copies the learner's submission to a private scratch folder and starts their
kernel under bubblewrap (``bwrap``). Inside, the kernel sees the scratch copy (its working
folder), Python, the virtual environment and coursework_kit with its data (read-only), what a
kernel needs from ``/usr``, ``/lib*`` and ``/etc``, and nothing else: not the gradebook, the
source notebooks, answer keys, other learners' work, the tutor's home folder or the network.
Everything it starts lives in its own process namespace and ends with it; memory, processor
time, processes, file size and open files are limited.

As root, bwrap builds the sandbox as root (so it can bind folders only root may enter, such
as a Python installed in root's home folder) and the kernel then becomes ``nobody`` with
``setpriv``: it is not root, and the process limit applies to it. As an ordinary user, bwrap
runs as that user in a new user namespace.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, fields
from pathlib import Path
from types import TracebackType

from jupyter_client.manager import AsyncKernelManager

from coursework_kit.errors import SandboxUnavailableError
from coursework_kit.tutor.grading._bwrap import _OUTER_ENV, _host, _sandbox_argv
from coursework_kit.tutor.grading._sandbox_kernel import _OneKernel, _SandboxedKernelManager

__all__ = ["Limits", "Sandbox", "SandboxUnavailableError", "isolation_problem"]

_COPY_TOTAL = 1024 * 2**20  # files past this much of a submission are not copied
_OPT_OUT = (
    "If you cannot fix this, you can grade without a sandbox by setting COURSEWORK_SANDBOX=none. "
    "Only do that if you trust every learner: their code then runs as you, so it can read and "
    "change the gradebook, the answer keys and other learners' work, and use the network."
)


@dataclass(frozen=True)
class Limits:
    """How much a learner's kernel may use. Each limit holds for every process it starts."""

    memory_bytes: int = 3 * 2**30
    """Memory each process may reserve; asking for more gives ``MemoryError``."""
    cpu_seconds: int = 300
    """Processor time each process may use before it is stopped."""
    processes: int = 128
    """Processes and threads the kernel may have at once (this stops a fork bomb)."""
    file_bytes: int = 64 * 2**20
    """The biggest file the kernel may write. Bigger submitted files are not copied in."""
    open_files: int = 256
    """Files and connections each process may have open at once."""

    def __post_init__(self) -> None:
        for limit in fields(self):
            value = getattr(self, limit.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"The {limit.name} limit must be a whole number above 0.")

    def prlimit_args(self) -> list[str]:
        """These limits as ``prlimit`` options (soft and hard alike), and no core dumps."""
        values = {"as": self.memory_bytes, "cpu": self.cpu_seconds, "nproc": self.processes}
        values |= {"fsize": self.file_bytes, "nofile": self.open_files, "core": 0}
        return [f"--{name}={value}" for name, value in values.items()]


@functools.lru_cache(maxsize=1)
def isolation_problem() -> str | None:
    """Why a sandbox cannot be made on this machine, in plain English with what to do; None
    when it can. Worked out once per process, by starting Python in a sandbox."""
    host = _host()
    if not host.bwrap:
        return (
            "Learners' notebooks cannot be graded safely on this computer: bubblewrap (the "
            "bwrap program) is not installed. Install it with `sudo apt install bubblewrap`, "
            "then grade again. " + _OPT_OUT
        )
    if not host.prlimit or (host.as_root and not host.setpriv):
        return (
            "Learners' notebooks cannot be graded safely on this computer: the prlimit and "
            "setpriv programs are missing. Install them with `sudo apt install util-linux`, "
            "then grade again. " + _OPT_OUT
        )
    command = [sys.executable, "-I", "-c", "print('sandbox works')"]
    argv, fds = _sandbox_argv(host, command, limits=Limits(), env={})
    try:
        done = subprocess.run(
            argv, pass_fds=fds, env=_OUTER_ENV, capture_output=True, text=True, timeout=30
        )
        if done.returncode == 0 and done.stdout.strip() == "sandbox works":
            return None
        said = (done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}")[-400:]
    except (OSError, subprocess.TimeoutExpired) as error:
        said = str(error)
    finally:
        for fd in fds:
            os.close(fd)
    return (
        "Learners' notebooks cannot be graded safely on this computer: bubblewrap is installed "
        f"but could not make a sandbox (it said: {said}). Usually this means the computer does "
        "not let programs make user namespaces. Ask whoever looks after it to allow them (for "
        "example `sudo sysctl -w kernel.unprivileged_userns_clone=1`, or on Ubuntu 24.04 an "
        "AppArmor profile for bwrap), or grade in a container that allows them. " + _OPT_OUT
    )


def _copy_submission(source: Path, target: Path, *, cap: int) -> list[str]:
    """Copy the regular files under ``source`` into ``target`` in the same layout, never
    following a link; return what was left out (links, devices, pipes, hard links, files
    over ``cap`` bytes, or past the total)."""
    skipped: list[str] = []
    total = 0

    def copy(entry: os.DirEntry[str], dest: Path, relative: str) -> None:
        nonlocal total
        try:
            fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            skipped.append(relative)
            return
        with os.fdopen(fd, "rb") as src:
            info = os.fstat(fd)
            too_big = info.st_size > cap or total + info.st_size > _COPY_TOTAL
            if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or too_big:
                skipped.append(relative)
                return
            data = src.read(cap + 1)
        if len(data) > cap:  # it grew after fstat
            skipped.append(relative)
            return
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        with os.fdopen(os.open(dest, flags, 0o600), "wb") as out:
            out.write(data)
        total += len(data)

    def walk(folder: Path, dest: Path, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                relative = prefix + entry.name
                if entry.is_dir(follow_symlinks=False) and prefix.count("/") < 32:
                    (dest / entry.name).mkdir(mode=0o700)
                    walk(Path(entry.path), dest / entry.name, relative + "/")
                elif entry.is_file(follow_symlinks=False):
                    copy(entry, dest / entry.name, relative)
                else:
                    skipped.append(relative)

    walk(source, target, "")
    return skipped


class Sandbox:
    """A scratch copy of one learner's submission, and a kernel that can see only it.

    ``work`` is the scratch copy on this computer (the kernel's working folder, seen inside
    as ``/home/learner/submission``); ``skipped`` names what was left out of it (links,
    devices, pipes, hard links, files too big), relative to the submission. Use it as a
    context manager, or call :meth:`close`.
    """

    def __init__(self, submission: Path | None, *, learner: str, limits: Limits = Limits()) -> None:
        problem = isolation_problem()
        if problem is not None:
            raise SandboxUnavailableError(problem)
        if not learner or "\0" in learner:
            raise ValueError("The learner's id must be some text with no NUL characters in it.")
        self._host = _host()
        if submission is not None:
            self._check(Path(submission))
        self.learner = learner
        self.limits = limits
        self.skipped: tuple[str, ...] = ()
        self._filled = False
        self._closed = False
        self._km: _SandboxedKernelManager | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._pidfd: int | None = None  # the process heading the kernel's pid namespace
        self._base = Path(tempfile.mkdtemp(prefix="coursework-sandbox-"))  # 0700, ours
        self.work = self._base / "submission"
        self._run = self._base / "run"  # the connection file and the kernel's sockets
        try:
            self.work.mkdir(mode=0o700)
            self._run.mkdir(mode=0o700)
            if self._host.as_root:
                os.chown(self.work, *self._host.ids)
                os.chown(self._run, *self._host.ids)
                self.work.chmod(0o711)  # bwrap enters it as root without its powers
            if submission is not None:
                self.fill(submission)
        except BaseException:
            shutil.rmtree(self._base, ignore_errors=True)
            raise

    def _check(self, submission: Path) -> None:
        if not submission.is_dir():
            raise NotADirectoryError(f"There is no submission folder at {submission}.")
        inside = [p for p in self._host.read_only if submission.resolve().is_relative_to(p)]
        if inside:
            raise SandboxUnavailableError(
                f"The submission {submission} is inside {inside[0]}, which every learner's "
                "kernel can read. Keep the course folder somewhere else."
            )

    def fill(self, submission: Path) -> None:
        """Copy the learner's submission into the scratch folder (once). A kernel started
        before this sees it from its first cell: it has run nothing in between."""
        if self._filled or self._closed:
            raise RuntimeError("This sandbox already has a submission in it.")
        submission = Path(submission)
        self._check(submission)
        self._filled = True
        self.skipped = tuple(_copy_submission(submission, self.work, cap=self.limits.file_bytes))
        if self._host.as_root:
            for root, dirs, files in os.walk(self.work):
                for name in [*dirs, *files]:
                    os.chown(Path(root, name), *self._host.ids, follow_symlinks=False)

    def kernel_manager(self) -> AsyncKernelManager:
        """The manager of this sandbox's python3 kernel (the same one each time)."""
        if self._closed:
            raise RuntimeError("This sandbox has been closed.")
        if self._km is None:
            self._km = _SandboxedKernelManager(
                self,
                kernel_name="python3",
                kernel_spec_manager=_OneKernel(),
                transport="ipc",  # the kernel has no network, not even the host's loopback
                connection_file=str(self._run / "kernel.json"),
                ip=str(self._run / "kernel"),
            )
        return self._km

    @property
    def kernel_log(self) -> str:
        """What the kernel process wrote outside any cell (such as why it could not start),
        at most the last 4,000 characters."""
        with contextlib.suppress(OSError):
            return (self._base / "kernel.log").read_text(errors="replace")[-4000:]
        return ""

    def _watch(self, process: subprocess.Popen[bytes] | None, info: int | None) -> None:
        """Hold on to a kernel just launched: bwrap, and the head of its pid namespace (from
        bwrap's ``--info-fd``), so that :meth:`close` can end it all."""
        self._end()
        self._process = process
        text, deadline = b"", time.monotonic() + 10
        while info is not None:  # bwrap writes it in parts, then closes it
            if not select.select([info], [], [], max(0, deadline - time.monotonic()))[0]:
                break
            chunk = os.read(info, 4096)
            if not chunk:
                break
            text += chunk
        with contextlib.suppress(ValueError, OSError):
            pid = int(json.loads(text or b"{}").get("child-pid", 0))
            self._pidfd = os.pidfd_open(pid) if pid > 0 else None

    def _end(self) -> bool:
        """End the kernel's whole pid namespace and wait for it to go; whether it has."""
        ended = self._process is None
        if self._pidfd is not None:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)
            ended = bool(select.select([self._pidfd], [], [], 10)[0])  # once all have ended
            os.close(self._pidfd)
            self._pidfd = None
        process, self._process = self._process, None
        if process is not None:
            try:  # bwrap reaps the namespace's head, then ends
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        return ended

    def close(self) -> None:
        """End the kernel and everything it started, and remove the scratch and run folders.
        Closing again does nothing."""
        if self._closed:
            return
        self._closed = True
        ended = False
        try:
            ended = self._end()
            if self._km is not None:
                self._km._close_control_socket()
                if getattr(self._km, "_created_context", False):  # its own, ours to end
                    self._km.context.destroy(linger=0)
        finally:
            # The kernel may have locked its own folders. Only once it has surely gone (so it
            # cannot swap a folder for a link meanwhile) are they opened up to be removed.
            for root, dirs, _ in os.walk(self._base) if ended else ():
                for path in (Path(root, name) for name in dirs):
                    if not path.is_symlink():
                        path.chmod(0o700)
            shutil.rmtree(self._base, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
