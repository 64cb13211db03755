"""Is a saved live chat real evidence? Read it safely from a submission, then check it was held.

Everything in a submission is the learner's to change, so an evidence file is read as hostile
input (:func:`read_evidence`: no links anywhere below the submission's folder, nothing but a
plain file of a sensible size, opened without following links) and built only through the
record's own schema check (:func:`chat_record_from_bytes`). :func:`verify_chat` then checks that
the chat was held, in assessment mode, in the task's scenario, between release and submission,
at a speed a person types: replaying the adviser's replies through the simulated customer must
give back every customer reply exactly, so a transcript written or edited by hand fails.

Refusals raise :class:`~coursework_kit.errors.UnreadableRecordError` (a ``CourseworkError`` and
a ``ValueError``) with a message a tutor can act on; a file that is simply not there gives None.
Problems found by :func:`verify_chat` are returned, never raised, so one learner's forged chat
does not stop the class's marking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from coursework_kit.tutor.grading._evidence_file import chat_record_from_bytes, read_evidence
from coursework_kit.tutor.grading._handed_in import _utc, submission_time

if TYPE_CHECKING:
    from coursework_kit.chat import ChatWork, Scenario
    from coursework_kit.records import Attempt, Record

__all__ = [
    "CLOCK_SKEW",
    "MAX_CHARS_PER_SECOND",
    "Problem",
    "chat_record_from_bytes",
    "read_evidence",
    "submission_time",
    "typed_characters",
    "verify_chat",
]

CLOCK_SKEW = timedelta(minutes=5)  # the learner's server clock and the tutor's may differ a little
MAX_CHARS_PER_SECOND = 15.0  # about 180 words a minute: faster than anyone types for long
OVERALL_CHARS_PER_SECOND = 8.0  # across a whole chat, with the customer's messages to read
SHORT_REPLY = 25  # characters: "OK, thank you Daniel." may be sent in a second or two
MAX_REPLIES = 100  # adviser messages: no real chat comes near this
MAX_REPLY_CHARS = 3_000  # characters in one adviser message
MAX_CHAT_CHARS = 20_000  # characters the adviser typed in the whole chat


@dataclass(frozen=True)
class Problem:
    """Something that stops a saved chat counting as evidence: a short ``code`` to test and
    count, and a ``message`` for the tutor saying what was found and what to do."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


# -- was the chat held? ----------------------------------------------------------------------


def verify_chat(
    record: Record[ChatWork],
    scenario: Scenario,
    *,
    attempt: int,
    released_at: datetime | None,
    submitted_at: datetime | None,
    learner: str | None = None,
) -> list[Problem]:
    """What stops attempt ``attempt`` of ``record`` counting as a chat held for this task.

    An empty list means the chat was held in assessment mode, in ``scenario``, through the
    simulated customer (its adviser replies, replayed, give back every customer reply with its
    time and kind), with every message timed, in order, between ``released_at`` and
    ``submitted_at`` (each may be None; :data:`CLOCK_SKEW` either side), and typed no faster
    than a person types (text from a pre-written response, and short replies, may be quick).
    ``learner``, when given, must match the learner the chat widget saved the attempt for (a
    file saved outside the widget names nobody and passes). A time with no zone is taken as
    UTC. Nothing is raised: every problem found is returned, each with what the tutor can do.
    """
    from coursework_kit.chat import ChatRecord

    found: Attempt[ChatWork] | None = record.attempt(attempt)
    if found is None:
        return [Problem("no-attempt", f"The saved chat has no attempt {attempt}.")]
    work = found.work
    problems = _mode_problems(found)
    wrong = record.scenario != scenario.id or record.activity != ChatRecord.activity_for(
        scenario.id
    )
    if wrong:
        problems.append(
            Problem(
                "wrong-scenario",
                f"The saved chat is from the scenario {record.scenario!r}, not "
                f"'{scenario.title}' ({scenario.id}): the file was renamed or changed. It does "
                f"not count for this task. Ask the learner to hold the '{scenario.title}' chat.",
            )
        )
    if learner is not None and found.learner and found.learner != learner:
        problems.append(
            Problem(
                "other-learner",
                f"The chat was saved for the learner {found.learner!r}, not {learner!r}: it may "
                "be someone else's chat. Check with the learner before it counts.",
            )
        )
    times = _times(work)
    if not work.turns or None in times:
        problems.append(
            Problem(
                "missing-times",
                "Some messages in the saved chat have no time, so it was not held in the chat "
                "activity (which times every message). Ask the learner to hold the chat again.",
            )
        )
        return problems
    stamps = [_utc(t) for t in times if t is not None]
    too_long = _too_long(work)
    if too_long:
        problems.append(Problem("too-long", too_long))
    elif not wrong:
        problems += _replay_problems(work, scenario)
    problems += _time_problems(stamps, released_at, submitted_at)
    if not too_long:
        problems += _typing_problems(work, stamps)
    return problems


def _mode_problems(found: Attempt[ChatWork]) -> list[Problem]:
    problems = []
    why = []
    if found.mode != "assessment":
        why.append("it was saved as practice, not from the assignment's chat")
    if found.work.coach:
        why.append("hints were shown after each reply (coach mode)")
    if why:
        problems.append(
            Problem(
                "not-assessment",
                f"This chat was not held as the assessment: {' and '.join(why)}. It does not "
                "count. Ask the learner to hold the chat in the assignment notebook, whose chat "
                "is in assessment mode.",
            )
        )
    if found.work.practice:
        problems.append(
            Problem(
                "clock-off",
                "This chat was held with the customer's clock turned off (practice), so slow "
                "replies were never chased. It does not count. Ask the learner to hold the chat "
                "again in the assignment notebook.",
            )
        )
    return problems


def _times(work: ChatWork) -> list[datetime | None]:
    found: list[datetime | None] = []
    for turn in work.turns:
        try:
            found.append(turn.time)
        except ValueError:  # a record built in code; a loaded one has checked its times
            found.append(None)
    return found


def _too_long(work: ChatWork) -> str:
    replies = work.replies
    longest = max((len(t.text) for t in replies), default=0)
    total = sum(len(t.text) for t in replies)
    if len(replies) <= MAX_REPLIES and longest <= MAX_REPLY_CHARS and total <= MAX_CHAT_CHARS:
        return ""
    return (
        f"The saved chat is far longer than any real chat ({len(replies)} replies, "
        f"{total:,} characters, the longest {longest:,}), so it was not replayed and does "
        "not count. Look at the file, and ask the learner to hold the chat again."
    )


def _replay_problems(work: ChatWork, scenario: Scenario) -> list[Problem]:
    from coursework_kit.chat import Conversation

    try:
        again = Conversation.replay(
            scenario, work.turns, practice=work.practice, ended_by=work.ended_by
        )
    except Exception as exc:  # a hostile file must not stop the class's marking
        return [
            Problem(
                "not-replayed",
                f"The saved chat could not be replayed ({type(exc).__name__}), so it does not "
                "count yet. Keep the file and report it to whoever looks after the course kit.",
            )
        ]
    if again is not None:
        return []
    return [
        Problem(
            "edited",
            "The saved chat was edited after it was held, or never held: replaying the "
            "adviser's replies does not give the customer's replies as saved. It does not "
            "count. Ask the learner to hold the chat again.",
        )
    ]


def _time_problems(
    stamps: list[datetime], released_at: datetime | None, submitted_at: datetime | None
) -> list[Problem]:
    problems = []
    backwards = [n for n in range(1, len(stamps)) if stamps[n] < stamps[n - 1] - _SECOND]
    if backwards:
        problems.append(
            Problem(
                "out-of-order",
                f"Message {backwards[0] + 1} of the saved chat is timed before the message "
                "above it, which the chat activity never does: the times were changed. Ask the "
                "learner to hold the chat again.",
            )
        )
    first, last = min(stamps), max(stamps)
    if released_at is not None and first < _utc(released_at) - CLOCK_SKEW:
        problems.append(
            Problem(
                "before-release",
                f"The chat is dated {first:%d %B %Y at %H:%M} UTC, before the assignment was "
                f"released ({_utc(released_at):%d %B %Y at %H:%M} UTC), so it was not held "
                "for this assignment. Ask the learner to hold the chat again.",
            )
        )
    if submitted_at is not None and last > _utc(submitted_at) + CLOCK_SKEW:
        problems.append(
            Problem(
                "after-submission",
                f"The chat is dated {last:%d %B %Y at %H:%M} UTC, after the work was handed in "
                f"({_utc(submitted_at):%d %B %Y at %H:%M} UTC), so its times were changed. "
                "Ask the learner to hold the chat again.",
            )
        )
    return problems


_SECOND = timedelta(seconds=1)


def typed_characters(reply: str) -> int:
    """How many characters of ``reply`` the adviser typed: a pre-written response's own text,
    inserted with the Insert button, is not counted (what replaced its [brackets] is)."""
    from coursework_kit.chat.knowledge import template_behind

    flat = " ".join(reply.split())
    use = template_behind(flat)
    if use is None:
        return len(flat)
    fixed = " ".join(use.template.text.split())
    blocks = SequenceMatcher(None, fixed, flat, autojunk=False).get_matching_blocks()
    return max(0, len(flat) - sum(block.size for block in blocks))


def _typing_problems(work: ChatWork, stamps: list[datetime]) -> list[Problem]:
    fast, total_typed = [], 0
    since, number = stamps[0], 0
    for turn, at in zip(work.turns, stamps, strict=True):
        if turn.speaker != "agent":
            continue
        number += 1
        typed = typed_characters(turn.text)
        total_typed += typed
        seconds = max((at - since).total_seconds(), 0.001)
        if typed > SHORT_REPLY and typed / seconds > MAX_CHARS_PER_SECOND:
            fast.append(f"reply {number} ({typed} characters in {seconds:.0f} seconds)")
        since = at
    if fast:
        shown = "; ".join(fast[:3]) + ("; and more" if len(fast) > 3 else "")
        return [
            Problem(
                "typed-too-fast",
                f"Replies were sent faster than anyone can type them: {shown}. No one types "
                f"more than about {MAX_CHARS_PER_SECOND:g} characters a second for long, so "
                "the chat's times were changed or it was made by a program. Ask the learner to "
                "hold the chat again, typing their replies.",
            )
        ]
    span = (max(stamps) - stamps[0]).total_seconds()
    if total_typed > 150 and total_typed > OVERALL_CHARS_PER_SECOND * max(span, 1):
        return [
            Problem(
                "too-quick-overall",
                f"The whole chat took {span:.0f} seconds for {total_typed:,} typed characters, "
                "too quick to read the customer's messages and type the replies. Its times were "
                "probably changed. Ask the learner to hold the chat again.",
            )
        ]
    return []
