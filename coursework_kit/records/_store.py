"""Read and write one activity's record as ``evidence/<activity>.json``, safely.

Rules that protect the learner's work:

- writes are atomic (a temporary file renamed over the old one), so a crash part way leaves
  the previous version whole;
- a save re-reads the file under a lock and replaces only the attempt it holds, so two
  browser tabs (two kernels) saving the same activity lose nothing of each other's;
- a file that cannot be read (edited by hand, cut short, from another activity) is moved aside
  under a new name and reported, and a fresh record is started: nothing is deleted;
- a file is read only if it is a plain file (not a link) of a sensible size.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from coursework_kit._atomic import write_text
from coursework_kit.errors import EvidenceError, UnreadableRecordError, quoted
from coursework_kit.records._base import Record, RecordShapeError, valid_activity

__all__ = ["MAX_BYTES", "RecordFile", "UnreadableRecordError"]

MAX_BYTES = 5_000_000  # no honest evidence file comes near this
R = TypeVar("R", bound=Record[Any])


@dataclass
class RecordFile(Generic[R]):
    """The evidence file of one activity: ``<folder>/<activity>.json``.

    ``folder`` defaults to ``evidence/`` in the current working folder, which is the
    notebook's folder when the notebook runs in JupyterLab, nbclient or nbgrader.
    """

    kind: type[R]
    scenario: str
    folder: Path = field(default_factory=lambda: Path.cwd() / "evidence")
    notices: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)
        name = self.activity  # the kind names it, refusing a scenario that is not safe
        if not valid_activity(name):  # a kind whose own activity_for slipped
            raise EvidenceError(
                f"{quoted(name)} cannot be used as an activity name: use lower-case letters, "
                "digits and hyphens, for example 'chat-late-delivery'."
            )

    @property
    def activity(self) -> str:
        return self.kind.activity_for(self.scenario)

    @property
    def path(self) -> Path:
        return self.folder / f"{self.activity}.json"

    def load(self) -> R | None:
        """The saved record, or None if there is none. Raises :class:`UnreadableRecordError`."""
        document = read_document(self.path)
        if document is None:
            return None
        try:
            record = self.kind.from_json(document)
        except RecordShapeError as exc:
            raise UnreadableRecordError(
                f"{self.path.name} could not be read ({exc}). It may have been edited by hand."
            ) from exc
        if record.activity != self.activity:
            raise UnreadableRecordError(
                f"{self.path.name} belongs to the activity {record.activity!r}, not this one."
            )
        return record  # type: ignore[return-value]

    def load_or_new(self) -> R:
        """The saved record; a new one if there is none or it could not be read (set aside)."""
        try:
            found = self.load()
        except UnreadableRecordError:
            self._set_aside()
            found = None
        return found if found is not None else self.kind.new(self.scenario)  # type: ignore[return-value]

    def save(self, record: R) -> None:
        """Write the whole of ``record`` (a tutor's tool, the demo class, a migration)."""
        self._write(lambda: record)

    def save_attempt(self, record: R, number: int, *, new: bool) -> tuple[R, int]:
        """Save attempt ``number`` of ``record``, keeping every other attempt on disk.

        The file is read again under a lock, so another kernel's attempts saved meanwhile are
        kept. A ``new`` attempt takes the next number free on disk. Returns what the file now
        holds and the number the attempt was saved as.
        """
        saved: list[tuple[R, int]] = []

        def merge() -> R:
            mine = record.attempt(number)
            try:
                on_disk = self.load()
            except UnreadableRecordError:
                self._set_aside()
                on_disk = None
            if mine is None or on_disk is None:
                saved.append((record, number))
                return record
            if new and on_disk.attempt(number) is not None:  # another kernel took it
                mine = replace(mine, number=on_disk.next_number)
            others = [a for a in on_disk.attempts if a.number != mine.number]
            merged = replace(
                record, attempts=tuple(sorted([*others, mine], key=lambda a: a.number))
            )
            saved.append((merged, mine.number))
            return merged

        self._write(merge)
        return saved[0]

    def _write(self, make: Callable[[], R]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with _locked(self.folder / f".{self.activity}.lock"):
                record = make()
                text = json.dumps(record.to_json(), ensure_ascii=False, indent=1) + "\n"
                write_text(self.path, text)
        except OSError as exc:
            raise EvidenceError(
                f"Your work could not be saved to {self.path} ({exc.strerror}). "
                "Your earlier saved work is unchanged."
            ) from exc

    def _set_aside(self) -> None:
        aside = self.folder / f"{self.activity}.unreadable-{datetime.now():%Y%m%d-%H%M%S}.json"
        try:
            os.replace(self.path, aside)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise EvidenceError(
                f"{self.path} cannot be read and could not be moved aside "
                f"({exc.strerror}). Ask your tutor to look at it."
            ) from exc
        self.notices.append(
            f"Your earlier saved work for this activity could not be read, so it was moved "
            f"to {aside.name} (nothing was deleted) and a new file was started. "
            "Tell your tutor if you did not expect this."
        )


def read_document(path: Path) -> Any:
    """The parsed JSON in ``path``, or None if there is no file.

    Raises :class:`UnreadableRecordError` for a link, a huge file, or text that is not JSON.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise EvidenceError(
            f"Your work could not be opened in {path.parent} ({exc.strerror}). "
            "Check the folder exists and you are allowed to read it."
        ) from exc
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableRecordError(f"{path.name} is not an ordinary file (it may be a link).")
    if info.st_size > MAX_BYTES:
        raise UnreadableRecordError(f"{path.name} is far too large to be an evidence file.")
    try:
        with open(path, "rb", opener=_no_follow) as handle:
            raw = handle.read(MAX_BYTES + 1)
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise UnreadableRecordError(f"{path.name} is not a readable evidence file.") from exc
    except OSError as exc:
        raise UnreadableRecordError(f"{path.name} could not be opened ({exc.strerror}).") from exc


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (every process saving this activity takes it)."""
    try:
        import fcntl
    except ImportError:  # Windows: one kernel at a time is the learner's own affair there
        yield
        return
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
