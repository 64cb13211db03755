"""The bubblewrap command line a learner's kernel runs under: what this machine lends the
sandbox (read-only), the folders made inside it, the limits, and the kernel's whole environment."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursework_kit.tutor.grading.sandbox import Limits

HOME = Path("/home/learner")  # the kernel's home folder, a small tmpfs
WORK = HOME / "submission"  # the scratch copy, as the kernel sees it
_NOBODY = 65534  # who a kernel started by root runs as
_TMPFS = {"/tmp": 512 * 2**20, str(HOME): 128 * 2**20, "/dev/shm": 128 * 2**20}
_ETC = ("/etc/ld.so.cache", "/etc/localtime", "/etc/fonts", "/etc/mime.types")
_TOP = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
_OUTER_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


@dataclass(frozen=True)
class _Host:
    """What this machine gives a sandbox: the programs, and the folders bound read-only."""

    bwrap: str
    setpriv: str
    prlimit: str
    as_root: bool
    read_only: tuple[Path, ...]  # each bound at the same path inside
    links: tuple[tuple[str, str], ...]  # (target, path) for /lib and friends

    @property
    def ids(self) -> tuple[int, int]:
        return (_NOBODY, _NOBODY) if self.as_root else (os.getuid(), os.getgid())


def _host() -> _Host:
    import coursework_kit

    package = Path(coursework_kit.__file__).parent.absolute()
    prefixes = [Path(p).absolute() for p in (sys.base_prefix, sys.base_exec_prefix, sys.prefix)]
    read_only = [Path("/usr"), *prefixes, package]
    if not any(package.is_relative_to(p) for p in prefixes):  # an editable install
        read_only.append(package.parent / "datasets")
    read_only += [Path(p) for p in _ETC]
    links = [(os.readlink(top), top) for top in _TOP if os.path.islink(top)]
    read_only += [Path(top) for top in _TOP if not os.path.islink(top)]
    kept: list[Path] = []
    for path in sorted({p for p in read_only if p.exists()}, key=lambda p: len(p.parts)):
        if not any(path.is_relative_to(outer) for outer in kept):
            kept.append(path)
    return _Host(
        bwrap=shutil.which("bwrap") or "",
        setpriv=shutil.which("setpriv", path="/usr/bin:/bin") or "",
        prlimit=shutil.which("prlimit", path="/usr/bin:/bin") or "",
        as_root=os.geteuid() == 0,
        read_only=tuple(kept),
        links=tuple(links),
    )


class _Argv:
    """A bwrap command line, making every folder a destination needs (mode 0755: bwrap as
    root would make them 0700, which the kernel could not enter)."""

    def __init__(self) -> None:
        self.args: list[str] = []
        self.fds: list[int] = []
        self.made = {Path("/"), Path("/proc"), Path("/dev")}

    def _folders_for(self, dest: Path) -> None:
        for parent in reversed(dest.parents):
            if parent not in self.made and not parent.is_relative_to("/usr"):
                self.args += ["--perms", "0755", "--dir", str(parent)]
                self.made.add(parent)
        self.made.add(dest)

    def bind(self, option: str, source: Path, dest: Path) -> None:
        self._folders_for(dest)
        self.args += [option, str(source), str(dest)]

    def tmpfs(self, dest: str) -> None:
        self._folders_for(Path(dest))
        self.args += ["--perms", "1777", "--size", str(_TMPFS[dest]), "--tmpfs", dest]

    def data(self, text: str, dest: str) -> None:
        self._folders_for(Path(dest))
        read, write = os.pipe()
        with os.fdopen(write, "w", encoding="utf-8") as pipe:  # small: it fits the buffer
            pipe.write(text)
        self.fds.append(read)
        self.args += ["--perms", "0444", "--ro-bind-data", str(read), dest]


def _sandbox_argv(
    host: _Host,
    command: list[str],
    *,
    limits: Limits,
    env: dict[str, str],
    work: Path | None = None,
    run: Path | None = None,
    info_fd: int | None = None,
) -> tuple[list[str], list[int]]:
    """The bwrap command that runs ``command`` sandboxed, and the fds to pass to it."""
    argv = _Argv()
    if host.as_root:  # every namespace but the user one (its root would be the host's root)
        argv.args += ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
        argv.args += ["--unshare-cgroup-try", "--cap-drop", "ALL"]
        argv.args += [
            a for cap in ("CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP") for a in ("--cap-add", cap)
        ]
    else:
        argv.args += ["--unshare-all", "--unshare-user", "--disable-userns"]
    # --new-session: signals to bwrap's group (and a terminal's input) never reach the kernel
    argv.args += ["--die-with-parent", "--new-session", "--hostname", "sandbox"]
    if info_fd is not None:
        argv.args += ["--info-fd", str(info_fd)]
    # the empty folders first, so a read-only folder inside one (a course cloned into /tmp)
    # is bound on top of it rather than hidden by it
    for place in _TMPFS:
        if not place.startswith("/dev/"):
            argv.tmpfs(place)
    for folder in host.read_only:
        argv.bind("--ro-bind", folder, folder)
    for target, path in host.links:
        argv.args += ["--symlink", target, path]
    argv.args += ["--proc", "/proc", "--dev", "/dev"]
    for place in _TMPFS:
        if place.startswith("/dev/"):
            argv.tmpfs(place)
    uid, gid = host.ids
    argv.data(f"learner:x:{uid}:{gid}:Learner:{HOME}:/usr/sbin/nologin\n", "/etc/passwd")
    argv.data(f"learner:x:{gid}:\n", "/etc/group")
    if work is not None:
        argv.bind("--bind", work, WORK)
    if run is not None:
        argv.bind("--bind", run, run)
    argv.args += ["--chdir", str(WORK if work is not None else HOME), "--clearenv"]
    for name, value in env.items():
        argv.args += ["--setenv", name, value]
    inner = [host.prlimit, *limits.prlimit_args(), "--", *command]
    if host.as_root:
        drop = [f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "--inh-caps=-all"]
        drop += ["--bounding-set=-all", "--no-new-privs", "--pdeathsig=SIGKILL", "--"]
        inner = [host.setpriv, *drop, *inner]
    return [host.bwrap, *argv.args, "--", *inner], argv.fds


def _kernel_env(learner: str) -> dict[str, str]:
    """The kernel's whole environment: nothing is passed on from the grader's."""
    env = {
        "HOME": str(HOME),
        "USER": "learner",
        "LOGNAME": "learner",
        "JUPYTERHUB_USER": learner,
        "NBGRADER_EXECUTION": "autograde",
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "MPLCONFIGDIR": str(HOME / ".config" / "matplotlib"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONNOUSERSITE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    threads = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_MAX_THREADS")
    return env | dict.fromkeys(threads, "1")
