"""A live chat's evidence: every message, how it ended, the CRM record and what is half-typed.

:class:`Turn` is the one shape a chat message has anywhere in the kit: the engine makes them,
the record saves them, and the assessment, the CRM check, the portfolio page and grading read
them. :func:`as_turns` turns the older shapes (``(speaker, text[, time])`` tuples, saved
mappings) into turns, so notebooks that pass tuples keep working.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Literal, cast

from coursework_kit.errors import CourseworkError
from coursework_kit.records import Mode, Record, RecordShapeError

__all__ = [
    "CRMForm",
    "CRMRecord",
    "ChatRecord",
    "ChatWork",
    "EndedBy",
    "Speaker",
    "Turn",
    "as_turns",
]

Speaker = Literal["agent", "customer"]
EndedBy = Literal["agent", "customer"]


@dataclass(frozen=True)
class Turn:
    """One message in the chat: who sent it, what it said and when (ISO 8601).

    ``kind`` says which kind of line a customer message was ("opening", "verification",
    "chase"...), as the simulated customer chose it; it is empty for the adviser's messages
    and for transcripts typed by hand.
    """

    speaker: Speaker
    text: str
    at: str | None = None
    kind: str = ""

    @property
    def time(self) -> datetime | None:
        """When the message was sent, or None if the transcript has no times."""
        return None if self.at is None else datetime.fromisoformat(self.at)


def _time(value: Any, number: int) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            datetime.fromisoformat(value)
        except ValueError as exc:
            raise CourseworkError(
                f"Turn {number}: {value!r} is not a date and time (use ISO format)."
            ) from exc
        return value
    raise CourseworkError(f"A turn's time must be a datetime or ISO text, not {value!r}.")


def _turn(item: Any, number: int) -> Turn:
    if isinstance(item, Turn):
        return item
    if isinstance(item, Mapping):
        speaker, text = item.get("speaker"), item.get("text")
        at, kind = item.get("at"), item.get("kind", "")
    elif isinstance(item, (tuple, list)) and len(item) in (2, 3):
        speaker, text = item[0], item[1]
        at, kind = (item[2] if len(item) == 3 else None), ""
    else:
        raise CourseworkError(f"Turn {number} should be (speaker, text) or (speaker, text, time).")
    if speaker not in ("agent", "customer"):
        raise CourseworkError(
            f"Turn {number}: the speaker must be 'agent' or 'customer', not {speaker!r}."
        )
    if not isinstance(text, str):
        raise CourseworkError(f"Turn {number}: the text must be words, not {text!r}.")
    return Turn(cast(Speaker, speaker), text, _time(at, number), str(kind or ""))


def as_turns(turns: Iterable[Any]) -> tuple[Turn, ...]:
    """Turns from :class:`Turn` objects, ``(speaker, text[, time])`` tuples or saved mappings.

    Raises :class:`~coursework_kit.errors.CourseworkError` saying which turn is wrong.
    """
    return tuple(_turn(item, number) for number, item in enumerate(turns, start=1))


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class CRMRecord:
    """The CRM contact record as the adviser saved it, dated."""

    reason: str
    outcome: str
    actions_taken: str
    notes: str
    follow_up: str = ""
    owner: str = ""
    recorded_at: str = field(default_factory=_now)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> CRMRecord:
        known = {k: str(data.get(k, "") or "") for k in CRMForm.FIELDS}
        if data.get("recorded_at"):
            return cls(**known, recorded_at=str(data["recorded_at"]))
        return cls(**known)

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class CRMForm:
    """What is typed in the CRM form, whether or not it has been saved yet."""

    reason: str = ""
    outcome: str = ""
    actions_taken: str = ""
    follow_up: str = ""
    owner: str = ""
    notes: str = ""

    FIELDS = ("reason", "outcome", "actions_taken", "notes", "follow_up", "owner")

    @classmethod
    def of(cls, record: CRMRecord | None) -> CRMForm:
        """The form filled in as ``record`` (empty for None)."""
        if record is None:
            return cls()
        return cls(**{name: getattr(record, name) for name in cls.FIELDS})


@dataclass(frozen=True)
class ChatWork:
    """One live chat as the learner left it.

    ``turns`` are the messages, oldest first; ``ended_by`` says who ended the chat (empty while
    it goes on); ``crm`` is the CRM contact record as last saved and checked; ``draft`` is the
    reply typed but not sent and ``crm_form`` what is in the CRM form; ``coach`` is true when
    hints were shown after each reply and ``practice`` when the customer's clock was off.
    """

    turns: tuple[Turn, ...] = ()
    ended_by: EndedBy | None = None
    crm: CRMRecord | None = None
    draft: str = ""
    crm_form: CRMForm = CRMForm()
    coach: bool = True
    practice: bool = False

    @property
    def replies(self) -> tuple[Turn, ...]:
        """The adviser's messages."""
        return tuple(t for t in self.turns if t.speaker == "agent")


class ChatRecord(Record[ChatWork]):
    """Every attempt at one live-chat scenario (its scenario is the scenario's id)."""

    KIND = "chat"  # and so the evidence file: chat-<scenario id>.json
    WORK = ChatWork

    @classmethod
    def holding(
        cls,
        scenario: str,
        work: ChatWork,
        *,
        mode: Mode = "practice",
        learner: str = "",
        at: str | None = None,
    ) -> ChatRecord:
        """A record whose one attempt holds ``work`` (how a chat held outside the widget, such
        as the demo class's, is saved)."""
        made = cls.new(scenario).with_work(work, mode=mode, learner=learner, at=at)
        return cast(ChatRecord, made)

    @classmethod
    def from_json(cls, document: Any) -> ChatRecord:
        record = cast(ChatRecord, super().from_json(document))
        for attempt in record.attempts:
            for number, turn in enumerate(attempt.work.turns, start=1):
                try:
                    turn.time  # noqa: B018 (read to check it)
                except ValueError:
                    raise RecordShapeError(
                        f"attempt {attempt.number} turn {number} has a time that is not a date"
                    ) from None
        return record

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[ChatWork, Mode]:
        """A chat saved by the first evidence format (``turns``, ``ended_by``, ``crm``...)."""
        turns = data.get("turns")
        if not isinstance(turns, list):
            raise RecordShapeError("a chat attempt has no list of turns")
        try:
            found = as_turns(turns)
        except CourseworkError as exc:
            raise RecordShapeError(str(exc)) from None
        ended_by = data.get("ended_by")
        if ended_by not in (None, "agent", "customer"):
            raise RecordShapeError(f"a chat attempt was ended by {ended_by!r}")
        crm = data.get("crm")
        if crm is not None and not isinstance(crm, dict):
            raise RecordShapeError("a chat attempt's CRM record has the wrong shape")
        saved = None if crm is None else CRMRecord.from_mapping(crm)
        assessed = data.get("mode") == "assessment"
        work = ChatWork(
            turns=found,
            ended_by=ended_by,
            crm=saved,
            crm_form=CRMForm.of(saved),
            coach=not assessed,
            practice=data.get("practice") is True,
        )
        return work, "assessment" if assessed else "practice"
