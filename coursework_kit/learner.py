"""Who the learner is, the seed that gives them their own figures, and whether nbgrader is
running the notebook.

In a learner's session the id is the name nbgrader files their hand-in under: their login name,
or ``JUPYTERHUB_USER`` (set by JupyterHub) when the server runs as an account everyone shares,
such as "jovyan" in containers. The seed is a hash of
the id, so the same learner always gets the same figures and different learners get different
ones; nothing the learner types can change it. While nbgrader autogrades or validates a
notebook it sets ``NBGRADER_EXECUTION``; widgets then must not wait for anyone.

Binder is different: BinderHub gives every launch a new user name with a random suffix, so
``JUPYTERHUB_USER`` (and every figure made from it) would change each session. On Binder the id
is made once, at random, and kept in ``evidence/learner-id.txt`` beside the notebook, so it
travels with the work the learner downloads; :func:`set_learner_id` puts it back in a new
session. The file is read as carefully as an evidence record: a plain file (not a link), a few
bytes, safe characters. One that cannot be read is moved aside, never deleted, and a new id is
made. While nbgrader autogrades, none of this applies: the grader gives the learner's id.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import html
import os
import re
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from coursework_kit._atomic import write_text
from coursework_kit.errors import EvidenceError

__all__ = [
    "BINDER_VARIABLES",
    "ID_FILE",
    "LearnerCard",
    "autograding",
    "learner_card",
    "learner_id",
    "on_binder",
    "set_learner_id",
    "variant_seed",
]

# What BinderHub's spawner sets in every Binder session (BinderSpawnerMixin.get_env); any one
# of them, not empty, means the session is on Binder.
BINDER_VARIABLES = (
    "BINDER_REQUEST",
    "BINDER_PERSISTENT_REQUEST",
    "BINDER_REF_URL",
    "BINDER_REPO_URL",
    "BINDER_LAUNCH_HOST",
)
ID_FILE = "learner-id.txt"
MAX_ID_BYTES = 200  # an id is at most 64 characters; anything far bigger is not an id file
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# Letters and digits that cannot be mistaken for each other when copied out by hand
# (no 0/o, 1/l/i).
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

Source = Literal["binder", "hub", "login", "unknown"]
# What a learner types to carry on with an id from before (works in any notebook).
_SET_LINE = 'import coursework_kit; coursework_kit.set_learner_id("{}")'


def on_binder(environ: Mapping[str, str] | None = None) -> bool:
    """True in a Binder session (BinderHub sets ``BINDER_REQUEST`` and friends).

    >>> on_binder({"BINDER_REQUEST": "v2/gh/owner/repo/main"}), on_binder({})
    (True, False)
    """
    env = os.environ if environ is None else environ
    return any(env.get(name, "").strip() for name in BINDER_VARIABLES)


# Accounts a hub runs everyone's server as. nbgrader names a hand-in after the learner's own
# account, or after JUPYTERHUB_USER when the account is "jovyan" (nbgrader.utils.get_username);
# a hub that runs everyone as root must set nbgrader's student id to the hub name itself.
# While autograding, the grader's sandbox sets JUPYTERHUB_USER to the learner being graded and
# runs as an account of its own, so there JUPYTERHUB_USER always wins.
_SHARED_ACCOUNTS = frozenset({"jovyan", "root"})


def learner_id(environ: Mapping[str, str] | None = None, *, folder: Path | None = None) -> str:
    """The current learner's id.

    On Binder: the id kept in ``evidence/learner-id.txt`` (made the first time). Elsewhere: the
    name nbgrader files the learner's hand-in under, so the figures they see are the ones they
    are marked against: their own login name (on The Littlest JupyterHub, ``jupyter-<name>``),
    or ``JUPYTERHUB_USER`` when the server runs as an account everyone shares ("jovyan" in
    containers), else "learner". ``folder`` is the evidence folder
    (default ``evidence/`` in the current working folder, the notebook's own).
    """
    return learner_card(environ, folder=folder).id


def learner_card(
    environ: Mapping[str, str] | None = None, *, folder: Path | None = None
) -> LearnerCard:
    """The learner's id with where it comes from, to show on the start page."""
    env = os.environ if environ is None else environ
    if on_binder(env) and env.get("NBGRADER_EXECUTION") != "autograde":
        return _binder_card(_evidence(folder), env)
    hub_user = env.get("JUPYTERHUB_USER", "").strip()
    try:
        login = getpass.getuser().strip()
    except (OSError, KeyError):  # no login name in some containers
        login = ""
    graded = env.get("NBGRADER_EXECUTION") == "autograde"  # the grader sets JUPYTERHUB_USER
    if hub_user and (graded or login in _SHARED_ACCOUNTS | {"", hub_user}):
        return LearnerCard(hub_user, "hub")
    return LearnerCard(login, "login") if login else LearnerCard("learner", "unknown")


def set_learner_id(
    new_id: str, *, folder: Path | None = None, environ: Mapping[str, str] | None = None
) -> LearnerCard:
    """Use ``new_id`` as this learner's id on Binder from now on (to carry on earlier work).

    The id is saved in ``evidence/learner-id.txt``; an id already saved there is moved aside
    (``learner-id.replaced-<date>.txt``), not deleted. Raises :class:`EvidenceError` for an id
    with unsafe characters, or outside Binder, where the id comes from the login instead.
    """
    env = os.environ if environ is None else environ
    wanted = new_id.strip() if isinstance(new_id, str) else ""
    if not _ID.fullmatch(wanted):
        raise EvidenceError(
            f"{new_id!r} cannot be used as a learner id. Use the id exactly as it was shown to "
            'you, for example set_learner_id("learner-7f3k2q"). An id has only letters, '
            "numbers, dots, dashes (-) and underscores (_), and is at most 64 long."
        )
    if not on_binder(env):
        current = learner_card(env)
        raise EvidenceError(
            f"You do not need to set a learner id here: your figures come from your login "
            f"({current.id}), so they stay the same every time. Setting an id is only for Binder."
        )
    evidence = _evidence(folder)
    notices: list[str] = []
    old = _read_id(evidence / ID_FILE)
    try:
        evidence.mkdir(parents=True, exist_ok=True)
        if old is False:  # not a usable id: keep it, under another name
            _set_aside(evidence, "unreadable")
        elif isinstance(old, str) and old != wanted:
            aside = _set_aside(evidence, "replaced")
            notices.append(
                f"Your old id, {old}, is kept in evidence/{aside}. To go back to it, "
                f"run {_SET_LINE.format(old)}"
            )
        write_text(evidence / ID_FILE, wanted + "\n")
    except OSError as exc:
        raise EvidenceError(
            f"Your learner id could not be saved in {evidence} ({exc.strerror}). "
            "Check that the evidence folder is there and you are allowed to change it."
        ) from exc
    notices.append(
        "Your figures now come from this id. In each workbook you have open, click "
        "Kernel ▸ Restart Kernel and Run All Cells so it uses the id."
    )
    return LearnerCard(wanted, "binder", evidence / ID_FILE, tuple(notices), changed=True)


@dataclass(frozen=True)
class LearnerCard:
    """A learner id, where it came from, and anything the learner should know about it."""

    id: str
    source: Source
    file: Path | None = None
    notices: tuple[str, ...] = field(default=())
    changed: bool = False

    @property
    def lines(self) -> list[str]:
        """What the card says, in plain English, one line each."""
        if self.changed:
            lines = [f"Your learner id is now {self.id}."]
        else:
            lines = [f"Your learner id is {self.id}."]
        if self.source == "binder":
            lines.append(
                "Your figures are made from this id. Keep this id with your downloaded work."
            )
            if not self.changed:
                lines += [
                    "Binder does not keep your files after you close it. Before you finish, "
                    "download the files in the evidence folder (right-click a file, then "
                    "Download). The file learner-id.txt holds your id.",
                    "Next time, upload those files into the evidence folder before you run a "
                    "workbook, and your figures will be the same. If you only have the id, type "
                    f"{_SET_LINE.format(self.id)} in a new cell and press Shift + Enter.",
                ]
        elif self.source in ("hub", "login"):
            lines.append(
                "It comes from your login, so your figures stay the same every time you come back."
            )
        else:
            lines.append(
                "This computer did not give a login name, so everyone who uses it has the "
                "same figures."
            )
        return [*lines, *self.notices]

    def __repr__(self) -> str:
        return "\n".join(self.lines)

    def _repr_html_(self) -> str:
        first, *rest = self.lines
        head = html.escape(first).replace(
            html.escape(self.id), f"<code>{html.escape(self.id)}</code>", 1
        )
        body = "".join(f"<p>{html.escape(line)}</p>" for line in rest)
        return f'<div class="coursework-learner-id"><p><strong>{head}</strong></p>{body}</div>'


def variant_seed(learner: str, purpose: str) -> int:
    """A stable seed for ``learner``'s variant of ``purpose`` (e.g. "campaigns").

    >>> variant_seed("ab123", "campaigns") == variant_seed("ab123", "campaigns")
    True
    >>> variant_seed("ab123", "campaigns") != variant_seed("cd456", "campaigns")
    True
    """
    digest = hashlib.sha256(f"coursework-kit|{purpose}|{learner.strip()}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def autograding(environ: Mapping[str, str] | None = None) -> bool:
    """True while nbgrader runs the notebook (autograde or validate): widgets must not wait.

    >>> autograding({"NBGRADER_EXECUTION": "autograde"}), autograding({})
    (True, False)
    """
    env = os.environ if environ is None else environ
    return bool(env.get("NBGRADER_EXECUTION"))


# --- the id file on Binder ------------------------------------------------------------------


def _evidence(folder: Path | None) -> Path:
    return Path.cwd() / "evidence" if folder is None else Path(folder)


def _binder_card(evidence: Path, env: Mapping[str, str]) -> LearnerCard:
    path = evidence / ID_FILE
    notices: list[str] = []
    found = _read_id(path)
    if isinstance(found, str):
        return LearnerCard(found, "binder", path, _old_unreadable(evidence))
    try:
        if found is not None:  # there, but not an id: keep it, under another name
            _set_aside(evidence, "unreadable")
        made = _make_id(path)
    except OSError as exc:
        # Nowhere to keep an id: this session's Binder name at least keeps the figures
        # steady until the kernel stops.
        fallback = env.get("JUPYTERHUB_USER", "").strip() or "learner"
        notices.append(
            f"Your learner id could not be saved in the evidence folder ({exc.strerror}), so "
            "your figures may change next time. Ask for help if this keeps happening."
        )
        return LearnerCard(fallback, "binder", None, tuple(notices))
    return LearnerCard(made, "binder", path, _old_unreadable(evidence))


def _read_id(path: Path) -> str | bool | None:
    """The id saved in ``path``; None if there is no file; False if it is not a usable id."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ID_BYTES:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            text = handle.read(MAX_ID_BYTES + 1).decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return text if _ID.fullmatch(text) else False


def _make_id(path: Path) -> str:
    """Make a new id and save it in ``path``, unless another kernel saved one first (then
    that one is used, so two workbooks opened at once agree)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    made = "learner-" + "".join(secrets.choice(_ALPHABET) for _ in range(6))
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    write_text(tmp, made + "\n")
    try:
        os.link(tmp, path)  # fails if the file is there: the first id saved wins
    except FileExistsError:
        theirs = _read_id(path)
        if isinstance(theirs, str):
            return theirs
        _set_aside(path.parent, "unreadable")
        write_text(path, made + "\n")
    except OSError:  # a file system without hard links
        write_text(path, made + "\n")
    finally:
        tmp.unlink(missing_ok=True)
    return made


def _set_aside(evidence: Path, why: str) -> str:
    """Move the id file to ``learner-id.<why>-<date>.txt``; return the new name."""
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    aside = evidence / f"learner-id.{why}-{stamp}.txt"
    number = 1
    while aside.exists() or aside.is_symlink():
        number += 1
        aside = evidence / f"learner-id.{why}-{stamp}-{number}.txt"
    with contextlib.suppress(FileNotFoundError):  # another kernel moved it first
        os.replace(evidence / ID_FILE, aside)
    return aside.name


def _old_unreadable(evidence: Path) -> tuple[str, ...]:
    """A notice for each id file that could not be read and was moved aside."""
    try:
        names = sorted(p.name for p in evidence.glob("learner-id.unreadable-*.txt"))
    except OSError:
        return ()
    return tuple(
        f"An old id file could not be read, so it was moved to evidence/{name} (nothing was "
        "deleted) and you were given a new id. If you had an id before, type "
        f"{_SET_LINE.format('your old id')} in a new cell to use it again. You can delete "
        "the old file after that."
        for name in names
    )
