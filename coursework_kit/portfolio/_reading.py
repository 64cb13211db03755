"""Read every evidence file in a folder through the records' own checks, keeping the ones that
fail: a file that cannot be read is reported with why, never left out without a word.

A learner's own folder is read as the records read it
(:func:`~coursework_kit.records.read_document`: no links, nothing huge). A hand-in is read as
the grader reads it
(:func:`~coursework_kit.tutor.grading.evidence.read_evidence`: no link anywhere below the
submission's folder), since everything in it is the learner's to change.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from coursework_kit.errors import CourseworkError
from coursework_kit.records import Record

__all__ = ["MAX_FILES", "Found", "Source", "read_source"]

MAX_FILES = 500  # evidence files read from one folder: a learner makes a few dozen at most


@dataclass(frozen=True)
class Source:
    """Where evidence is read from. ``root`` is the hand-in's own folder when it is one
    (``submitted/<learner>/<assignment>``; None for a learner's own folder), ``unit`` the unit
    its assignment is for, and ``submitted_at`` when nbgrader says it was handed in."""

    folder: Path
    root: Path | None = None
    unit: int | None = None
    label: str = ""
    submitted_at: datetime | None = None


@dataclass(frozen=True)
class Found:
    """One evidence file: its record, or why it could not be read."""

    source: Source
    name: str
    record: Record[Any] | None
    problem: str = ""


def _names(folder: Path) -> tuple[list[str], str]:
    """The ``.json`` files directly in ``folder`` (not links, not folders), and a note when
    there were more than :data:`MAX_FILES`."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return [], ""
    except OSError as exc:
        raise CourseworkError(
            f"The evidence folder {folder} could not be opened ({exc.strerror})."
        ) from exc
    names = [
        e.name
        for e in entries
        if e.name.endswith(".json")
        and not e.name.startswith(".")
        and not stat.S_ISDIR(e.stat(follow_symlinks=False).st_mode)
    ]
    if len(names) > MAX_FILES:
        return names[:MAX_FILES], (
            f"The folder holds {len(names):,} evidence files, far more than anyone makes; "
            f"only the first {MAX_FILES} (by name) were read."
        )
    return names, ""


def _document(source: Source, name: str) -> Any:
    from coursework_kit.records import read_document

    if source.root is None:
        return read_document(source.folder / name)
    from coursework_kit.tutor.grading.evidence import read_evidence

    data = read_evidence(source.folder, name, root=source.root)
    if data is None:
        return None
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise CourseworkError(f"{name} is not a readable evidence file.") from exc


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number JSON allows")


def _read_one(source: Source, name: str) -> Found:
    from coursework_kit.records import load_any

    try:
        document = _document(source, name)
        if document is None:  # gone since the folder was listed
            return Found(source, name, None, f"{name} was removed while it was being read.")
        record = load_any(document)
    except (CourseworkError, ValueError, TypeError, KeyError, RecursionError) as exc:
        return Found(source, name, None, _plain(exc, name))
    if f"{record.activity}.json" != name:
        return Found(
            source,
            name,
            record,
            f"{name} holds the activity {record.activity!r}, so it was renamed or copied "
            f"from another file (the activity saves it as {record.activity}.json).",
        )
    return Found(source, name, record)


def _plain(exc: Exception, name: str) -> str:
    text = str(exc).strip() or type(exc).__name__
    if name in text:
        return text if text.endswith(".") else f"{text}."
    return f"{name} could not be read: {text.rstrip('.')}."


def read_source(source: Source) -> tuple[list[Found], list[str]]:
    """Every evidence file in ``source``, each with its record or why it could not be read,
    and notes about the folder itself."""
    names, note = _names(source.folder)
    return [_read_one(source, name) for name in names], [note] if note else []
