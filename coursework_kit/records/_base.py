"""The record every activity keeps: its evidence, typed, versioned and dated.

A record is one activity (a chat scenario, a quiz bank, a post task...) for one learner. It
holds every attempt, oldest first; an attempt is a sitting the learner chose to start, and
keeps the learner's latest work in it. Its JSON form is the evidence file::

    {"format": "coursework-kit evidence", "schema_version": 2, "kind": "quiz",
     "activity": "quiz-unit1-measuring", "scenario": "unit1-measuring",
     "attempts": [{"number": 1, "started": "...", "saved": "...", "saves": 3,
                   "mode": "practice", "learner": "ab123", "work": {...}}]}

Each kind subclasses :class:`Record`, naming its ``KIND`` and its ``WORK`` dataclass. Its
evidence file is named here, once, from two more class attributes: ``PREFIX`` (the kind's
name when not set) and ``DEFAULT_SCENARIO``. A scenario's file is ``<PREFIX>-<scenario>.json``,
and the default scenario's is the bare ``<PREFIX>.json``; a kind sets no more than these two.
``from_json`` checks a document against the kind's JSON Schema
(``datasets/records/<kind>.schema.json``) before building anything from it, and reads files
saved in the first evidence format (schema 1) through the kind's ``work_from_v1``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Generic, Literal, TypeVar

from coursework_kit._english import a_or_an
from coursework_kit.errors import EvidenceError, quoted
from coursework_kit.records._codec import (
    MAX_ITEMS,
    MAX_TEXT,
    RecordShapeError,
    from_plain,
    schema_for,
    to_plain,
)

__all__ = ["FORMAT", "SCHEMA_VERSION", "Attempt", "Mode", "Record", "RecordShapeError", "now"]

FORMAT = "coursework-kit evidence"
SCHEMA_VERSION = 2
Mode = Literal["practice", "assessment"]
W = TypeVar("W")
MAX_NAME = 80  # characters in an activity name, and so in an evidence file name before .json
_NAME = rf"[a-z0-9][a-z0-9-]{{0,{MAX_NAME - 1}}}"
_ACTIVITY = f"^{_NAME}$"  # as JSON Schema writes it; Python checks with fullmatch (no newline)


def now() -> str:
    """The time now, as a record stores it (ISO 8601 with the UTC offset, to the second)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Attempt(Generic[W]):
    """One sitting at an activity: when it started and was last saved, and the work in it."""

    number: int
    started: str
    saved: str
    mode: Mode
    learner: str
    work: W
    saves: int = 1


@dataclass(frozen=True)
class Record(Generic[W]):
    """Every attempt one learner made at one activity. Subclass once per kind of activity."""

    KIND: ClassVar[str] = ""
    WORK: ClassVar[type[Any]]
    PREFIX: ClassVar[str] = ""  # how the kind's evidence file names start (KIND when empty)
    DEFAULT_SCENARIO: ClassVar[str | None] = None  # the scenario saved as the bare PREFIX

    activity: str
    scenario: str
    attempts: tuple[Attempt[W], ...] = ()
    schema_version: int = SCHEMA_VERSION

    # -- naming -------------------------------------------------------------------------------

    @classmethod
    def activity_for(cls, scenario: str) -> str:
        """The activity name, and so the evidence file name, for ``scenario``.

        ``<PREFIX>-<scenario>``, or the bare ``PREFIX`` for ``DEFAULT_SCENARIO``. Raises
        :class:`EvidenceError` (a ``ValueError``) for a scenario that would not make a safe
        file name: one with a ``/``, ``..``, a capital letter or a space, or one too long.
        """
        if not isinstance(scenario, str):
            raise EvidenceError(
                f"The activity must be named by text, not {type(scenario).__name__} "
                f"{quoted(scenario)}."
            )
        prefix = cls.PREFIX or cls.KIND
        name = prefix if scenario == cls.DEFAULT_SCENARIO else f"{prefix}-{scenario}"
        if not valid_activity(name):
            raise EvidenceError(
                f"{quoted(scenario)} cannot be used as an activity name: use lower-case "
                f"letters, digits and hyphens ({MAX_NAME - len(prefix) - 1} at most), "
                "for example 'late-delivery'."
            )
        return name

    @classmethod
    def new(cls, scenario: str) -> Record[W]:
        """A record with no attempts yet."""
        return cls(activity=cls.activity_for(scenario), scenario=scenario)

    @property
    def file_name(self) -> str:
        return f"{self.activity}.json"

    # -- reading ------------------------------------------------------------------------------

    @property
    def latest(self) -> Attempt[W] | None:
        """The attempt saved most recently (the highest number when two share a time)."""
        if not self.attempts:
            return None
        return max(self.attempts, key=lambda a: (a.saved, a.number))

    def attempt(self, number: int) -> Attempt[W] | None:
        return next((a for a in self.attempts if a.number == number), None)

    @property
    def next_number(self) -> int:
        return max((a.number for a in self.attempts), default=0) + 1

    # -- changing (records are frozen: each change gives a new record) -------------------------

    def with_work(
        self,
        work: W,
        *,
        number: int | None = None,
        mode: Mode = "practice",
        learner: str = "",
        at: str | None = None,
    ) -> Record[W]:
        """This record with ``work`` saved in attempt ``number`` (a new attempt when None)."""
        stamp = at or now()
        old = None if number is None else self.attempt(number)
        if old is None:
            new = Attempt(
                number=number or self.next_number,
                started=stamp,
                saved=stamp,
                mode=mode,
                learner=learner,
                work=work,
            )
        else:
            new = dataclasses.replace(
                old, saved=stamp, saves=old.saves + 1, mode=mode, learner=learner, work=work
            )
        kept = [a for a in self.attempts if a.number != new.number]
        return dataclasses.replace(
            self, attempts=tuple(sorted([*kept, new], key=lambda a: a.number))
        )

    # -- JSON ---------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The evidence document, checked against the kind's schema."""
        document = {
            "format": FORMAT,
            "schema_version": self.schema_version,
            "kind": self.KIND,
            "activity": self.activity,
            "scenario": self.scenario,
            "attempts": [to_plain(a) for a in self.attempts],
        }
        from coursework_kit.records._schemas import check

        check(type(self), document)
        return document

    @classmethod
    def from_json(cls, document: Any) -> Record[W]:
        """Build the record from an evidence document, checking every part of it.

        Raises :class:`RecordShapeError` (a ``ValueError``) saying what is wrong.
        """
        if isinstance(document, dict) and document.get("version") == 1:
            document = cls._upgrade_v1(document)
        from coursework_kit.records._schemas import check

        check(cls, document)
        if document["kind"] != cls.KIND:
            raise RecordShapeError(
                f"it is {a_or_an(str(document['kind']))} record, not {a_or_an(cls.KIND)} record"
            )
        if document["schema_version"] > SCHEMA_VERSION:
            raise RecordShapeError(
                "it was saved by a newer version of coursework-kit: update the kit to read it"
            )
        attempts = tuple(
            cls._attempt_from_plain(item, f"attempt {i + 1}")
            for i, item in enumerate(document["attempts"])
        )
        if len({a.number for a in attempts}) != len(attempts):
            raise RecordShapeError("two attempts have the same number")
        return cls(
            activity=document["activity"],
            scenario=document["scenario"],
            attempts=attempts,
            schema_version=SCHEMA_VERSION,
        )

    @classmethod
    def _attempt_from_plain(cls, item: dict[str, Any], where: str) -> Attempt[W]:
        for stamp in ("started", "saved"):
            try:
                datetime.fromisoformat(item[stamp])
            except ValueError as exc:
                raise RecordShapeError(f"{where} has a {stamp} time that is not a date") from exc
        return Attempt(
            number=item["number"],
            started=item["started"],
            saved=item["saved"],
            saves=item["saves"],
            mode=item["mode"],
            learner=item["learner"],
            work=from_plain(cls.WORK, item["work"], f"{where} work"),
        )

    @classmethod
    def schema(cls) -> dict[str, Any]:
        """The JSON Schema of this kind's evidence documents."""
        stamp = {"type": "string", "maxLength": 40}
        attempt = {
            "type": "object",
            "properties": {
                "number": {"type": "integer", "minimum": 1, "maximum": MAX_ITEMS},
                "started": stamp,
                "saved": stamp,
                "saves": {"type": "integer", "minimum": 1},
                "mode": {"enum": ["practice", "assessment"]},
                "learner": {"type": "string", "maxLength": 200},
                "work": schema_for(cls.WORK),
            },
            "required": ["number", "started", "saved", "saves", "mode", "learner", "work"],
            "additionalProperties": False,
        }
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"coursework-kit evidence: {cls.KIND}",
            "description": " ".join((cls.__doc__ or "").split()),
            "type": "object",
            "properties": {
                "format": {"const": FORMAT},
                "schema_version": {"type": "integer", "minimum": 2},
                "kind": {"type": "string", "maxLength": 40},
                "activity": {"type": "string", "pattern": _ACTIVITY},
                "scenario": {"type": "string", "maxLength": 200},
                "attempts": {"type": "array", "items": attempt, "maxItems": MAX_ITEMS},
            },
            "required": ["format", "schema_version", "kind", "activity", "scenario", "attempts"],
            "additionalProperties": False,
        }

    # -- the first evidence format --------------------------------------------------------------

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[W, Mode]:  # noqa: ARG003
        """Read one attempt's ``data`` from a schema-1 file: the work and the mode it was in."""
        raise RecordShapeError(f"{cls.KIND} evidence has no earlier format")

    @classmethod
    def scenario_from_v1(cls, activity: str) -> str:
        """The scenario id a schema-1 file was for, from its activity name (``activity_for``
        undone: the bare ``PREFIX`` is ``DEFAULT_SCENARIO``)."""
        prefix = cls.PREFIX or cls.KIND
        if activity == prefix and cls.DEFAULT_SCENARIO is not None:
            return cls.DEFAULT_SCENARIO
        return activity.removeprefix(f"{prefix}-")

    @classmethod
    def _upgrade_v1(cls, document: dict[str, Any]) -> dict[str, Any]:
        """A schema-1 document in today's form (checked like any other afterwards)."""
        activity = document.get("activity")
        items = document.get("attempts")
        if document.get("format") != FORMAT or not isinstance(activity, str):
            raise RecordShapeError("it is not a coursework-kit evidence file")
        if not isinstance(items, list) or len(items) > MAX_ITEMS:
            raise RecordShapeError("it has no list of attempts")
        attempts = []
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("data"), dict):
                raise RecordShapeError(f"attempt {i + 1} has the wrong shape")
            data = item["data"]
            work, mode = cls.work_from_v1(data)
            learner = data.get("learner")
            attempts.append(
                {
                    "number": item.get("attempt"),
                    "started": item.get("started"),
                    "saved": item.get("saved"),
                    "saves": item.get("saves"),
                    "mode": mode,
                    "learner": learner if isinstance(learner, str) else "",
                    "work": to_plain(work),
                }
            )
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "kind": cls.KIND,
            "activity": activity,
            "scenario": cls.scenario_from_v1(activity),
            "attempts": attempts,
        }


def text(value: Any, default: str = "") -> str:
    """A string from schema-1 data, bounded; anything else gives ``default``."""
    return value[:MAX_TEXT] if isinstance(value, str) else default


def valid_activity(name: object) -> bool:
    """Whether ``name`` is safe as an evidence file name (all of it: no newline at the end)."""
    return isinstance(name, str) and re.fullmatch(_NAME, name) is not None
