"""The one place that writes a learner's work beside the notebook.

Each activity keeps one file, ``evidence/<activity>.json``, next to the notebook (the kernel's
working folder), so nbgrader collects it with the assignment. The file holds every attempt::

    {"format": "coursework-kit evidence", "version": 1, "activity": "quiz-unit1",
     "attempts": [{"attempt": 1, "started": "...", "saved": "...", "saves": 3, "data": {...}}]}

Rules that protect the learner's work:

- writes are atomic: the new file is written in full to a temporary file, then renamed over the
  old one, so a crash part way leaves the previous version whole;
- every attempt is kept, each dated when started and when last saved;
- an attempt is never replaced by an empty one, nor by one with less in it: that save is kept
  as a new attempt instead, beside the earlier one;
- a file that cannot be read (edited by hand, cut short) is moved aside under a new name and
  reported, and a fresh file is started: the activity carries on.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from coursework_kit._atomic import write_text
from coursework_kit.errors import EvidenceError

__all__ = ["Attempt", "Evidence", "SaveOutcome", "content_size"]

FORMAT = "coursework-kit evidence"
VERSION = 1
_ACTIVITY = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def content_size(data: object) -> int:
    """How much the learner has put in: characters of text plus one per other answer.

    >>> content_size({"reply": "Hello", "rating": 4, "notes": "  ", "done": None})
    6
    """
    if isinstance(data, str):
        return len(data.strip())
    if isinstance(data, Mapping):
        return sum(content_size(v) for v in data.values())
    if isinstance(data, (list, tuple)):
        return sum(content_size(v) for v in data)
    return 0 if data is None else 1


@dataclass(frozen=True)
class Attempt:
    """One attempt at an activity as saved: its number, dates and the learner's data."""

    attempt: int
    started: str
    saved: str
    saves: int
    data: dict[str, Any]


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to a save: which attempt holds the data, and a message if it matters."""

    saved: bool
    attempt: int
    path: Path
    message: str = ""


@dataclass
class Evidence:
    """The evidence file of one activity, ``<folder>/<activity>.json``.

    ``folder`` defaults to ``evidence/`` in the current working folder, which is the notebook's
    folder when the notebook runs in JupyterLab, nbclient or nbgrader.
    """

    activity: str
    folder: Path = field(default_factory=lambda: Path.cwd() / "evidence")
    notices: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        if not isinstance(self.activity, str) or not _ACTIVITY.match(self.activity):
            raise EvidenceError(
                f"{self.activity!r} cannot be used as an activity name: use lower-case letters, "
                "digits and hyphens, for example 'chat-late-delivery'."
            )
        self.folder = Path(self.folder)

    @property
    def path(self) -> Path:
        return self.folder / f"{self.activity}.json"

    # -- reading ------------------------------------------------------------------------------

    def attempts(self) -> list[Attempt]:
        """Every saved attempt, oldest first. Raises :class:`EvidenceError` if unreadable."""
        return [_attempt(item) for item in self._read()["attempts"]]

    def latest(self) -> Attempt | None:
        """The most recently saved attempt, or None when nothing has been saved."""
        found = self.attempts()
        return max(found, key=lambda a: (a.saved, a.attempt)) if found else None

    def _read(self) -> dict[str, Any]:
        try:
            return self._load()
        except _UnreadableError as exc:
            raise EvidenceError(
                f"{self.path} could not be read ({exc}). It may have been edited by hand."
            ) from exc

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _empty(self.activity)
        except OSError as exc:
            raise EvidenceError(
                f"Your work could not be saved or opened in {self.folder} ({exc.strerror}). "
                "Check the folder exists and you are allowed to write to it."
            ) from exc
        try:
            document = json.loads(raw.decode("utf-8"))
            _check_document(document, self.activity)
        except (ValueError, UnicodeDecodeError) as exc:
            raise _UnreadableError(str(exc)) from exc
        return dict(document)

    # -- writing ------------------------------------------------------------------------------

    def next_attempt(self) -> int:
        """The number a new attempt should take (1 for the first)."""
        try:
            numbers = [a.attempt for a in self.attempts()]
        except EvidenceError:
            numbers = []  # the unreadable file is set aside on the next save
        return max(numbers, default=0) + 1

    def save(self, attempt: int, data: Mapping[str, Any]) -> SaveOutcome:
        """Save ``data`` as attempt number ``attempt``, keeping every earlier attempt.

        Returns where the data went. If that attempt already holds more than ``data`` does,
        the new data is saved as a further attempt and the outcome says so: the caller should
        carry on with the attempt number it returns.
        """
        if not isinstance(attempt, int) or isinstance(attempt, bool) or attempt < 1:
            raise EvidenceError(f"Attempt numbers start at 1; {attempt!r} is not one.")
        try:
            payload = json.loads(json.dumps(dict(data), ensure_ascii=False))
        except (TypeError, ValueError) as exc:
            raise EvidenceError(f"This answer cannot be saved as evidence: {exc}.") from exc
        if content_size(payload) == 0:
            return SaveOutcome(False, attempt, self.path, "Nothing to save yet.")
        document = self._read_or_set_aside()
        stamp = _now()
        records: list[dict[str, Any]] = document["attempts"]
        existing = next((r for r in records if r["attempt"] == attempt), None)
        message = ""
        if existing is not None and content_size(existing["data"]) > content_size(payload):
            new_number = max(r["attempt"] for r in records) + 1
            message = (
                f"Attempt {attempt} already holds more than this, so it is kept as it was "
                f"and this is saved as attempt {new_number}."
            )
            attempt, existing = new_number, None
        if existing is None:
            records.append(
                {"attempt": attempt, "started": stamp, "saved": stamp, "saves": 1, "data": payload}
            )
        else:
            existing.update(saved=stamp, saves=int(existing["saves"]) + 1, data=payload)
        records.sort(key=lambda r: int(r["attempt"]))
        self._write(document)
        return SaveOutcome(True, attempt, self.path, message)

    def _read_or_set_aside(self) -> dict[str, Any]:
        try:
            return self._load()
        except _UnreadableError:
            aside = self.folder / f"{self.activity}.unreadable-{datetime.now():%Y%m%d-%H%M%S}.json"
            try:
                os.replace(self.path, aside)
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
            return _empty(self.activity)

    def _write(self, document: Mapping[str, Any]) -> None:
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_text(self.path, text)
        except OSError as exc:
            raise EvidenceError(
                f"Your work could not be saved to {self.path} ({exc.strerror}). "
                "Your earlier saved work is unchanged."
            ) from exc


class _UnreadableError(ValueError):
    """The file is there but its content is not an evidence file for this activity."""


def _empty(activity: str) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "activity": activity, "attempts": []}


def _check_document(document: object, activity: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("it is not a coursework-kit evidence file")
    if document.get("activity") != activity:
        raise ValueError(f"it belongs to activity {document.get('activity')!r}")
    attempts = document.get("attempts")
    if not isinstance(attempts, list):
        raise ValueError("it has no list of attempts")
    for item in attempts:
        _attempt(item)


def _attempt(item: object) -> Attempt:
    if not isinstance(item, dict):
        raise ValueError("an attempt is not a record")
    try:
        number, data = item["attempt"], item["data"]
        if not isinstance(number, int) or not isinstance(data, dict):
            raise ValueError("an attempt has the wrong shape")
        return Attempt(number, str(item["started"]), str(item["saved"]), int(item["saves"]), data)
    except KeyError as exc:
        raise ValueError(f"an attempt has no {exc}") from exc
