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

import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coursework_kit.errors import CourseworkError, EvidenceError, UnreadableRecordError

if TYPE_CHECKING:
    from coursework_kit.chat import ChatRecord, ChatWork, Scenario
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
MAX_DEPTH = 32  # an evidence document nests about 7 deep
MAX_REPLIES = 100  # adviser messages: no real chat comes near this
MAX_REPLY_CHARS = 3_000  # characters in one adviser message
MAX_CHAT_CHARS = 20_000  # characters the adviser typed in the whole chat
_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = _FLAGS | getattr(os, "O_DIRECTORY", 0)
_UTC_NAMES = {"UTC": 0, "GMT": 0, "Z": 0, "BST": 60}  # minutes ahead of UTC


@dataclass(frozen=True)
class Problem:
    """Something that stops a saved chat counting as evidence: a short ``code`` to test and
    count, and a ``message`` for the tutor saying what was found and what to do."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


# -- reading a file from a submission --------------------------------------------------------


def _check_name(name: str) -> None:
    bad = ("/", "\\", "\0", os.sep, os.altsep or "/")
    if not name or name in (".", "..") or ".." in name or any(c in name for c in bad):
        raise EvidenceError(
            f"{name!r} is not a file name: give the file's own name, with no folders in it."
        )


def _link(what: str) -> UnreadableRecordError:
    return UnreadableRecordError(
        f"{what} is a link to somewhere else, not something the learner saved, so it was not "
        "read. Ask the learner to hand in the file itself."
    )


def read_evidence(
    folder: Path,
    name: str,
    *,
    max_bytes: int = 2_000_000,
    root: Path | None = None,
) -> bytes | None:
    """The bytes of the file ``name`` in ``folder``, read as hostile input; None if it is not there.

    ``root`` is the submission's own folder (``submitted/<id>/<assignment>``; ``folder`` itself
    when not given) and ``folder`` must be inside it. ``root`` and every folder from it down to
    the file are opened one at a time without following links, so a link anywhere below the
    submission's folder is refused, as are anything but a plain file (a folder, a device, a
    pipe), a file over ``max_bytes`` and a ``name`` with folders or ".." in it.

    Raises :class:`~coursework_kit.errors.UnreadableRecordError` saying why the file was refused
    (an :class:`~coursework_kit.errors.EvidenceError` for a ``name`` that is not a file name).
    """
    _check_name(name)
    base = Path(root if root is not None else folder)
    try:
        steps = Path(folder).relative_to(base).parts
    except ValueError:
        raise EvidenceError(f"{folder} is not inside the submission folder {base}.") from None
    if any(step in ("..", ".") for step in steps):
        raise EvidenceError(f"{folder} must not go up a folder ('..').")
    if os.open not in os.supports_dir_fd:  # no openat (Windows): check each part by its path
        return _read_by_path(base, steps, name, max_bytes)
    opened: list[int] = []
    try:
        for number, step in enumerate((None, *steps)):
            where = base if step is None else base.joinpath(*steps[:number])
            try:
                opened.append(
                    os.open(base, _DIR_FLAGS)
                    if step is None
                    else os.open(step, _DIR_FLAGS, dir_fd=opened[-1])
                )
            except FileNotFoundError:
                return None
            except OSError as exc:
                if where.is_symlink():
                    raise _link(where.name) from exc
                raise UnreadableRecordError(
                    f"{where.name} could not be opened as a folder ({exc.strerror})."
                ) from exc
        try:
            fd = os.open(name, _FLAGS | getattr(os, "O_NONBLOCK", 0), dir_fd=opened[-1])
        except FileNotFoundError:
            return None
        except OSError as exc:
            if _is_link(opened[-1], name):
                raise _link(name) from exc
            raise UnreadableRecordError(f"{name} could not be opened ({exc.strerror}).") from exc
        opened.append(fd)
        return _read_open(fd, name, max_bytes)
    finally:
        for fd in reversed(opened):
            os.close(fd)


def _is_link(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _read_open(fd: int, name: str, max_bytes: int) -> bytes:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableRecordError(f"{name} is not an ordinary file, so it was not read.")
    if info.st_size > max_bytes:
        raise UnreadableRecordError(
            f"{name} is {info.st_size:,} bytes, far larger than any real evidence file "
            f"(the limit is {max_bytes:,}), so it was not read."
        )
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:  # it grew while being read
        raise UnreadableRecordError(f"{name} is larger than the limit of {max_bytes:,} bytes.")
    return b"".join(chunks)


def _read_by_path(base: Path, steps: tuple[str, ...], name: str, max_bytes: int) -> bytes | None:
    here = base
    for step in (None, *steps, name):
        here = here if step is None else here / step
        try:
            info = here.lstat()
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(info.st_mode):
            raise _link(here.name)
    try:
        fd = os.open(here, _FLAGS)
    except OSError as exc:
        raise UnreadableRecordError(f"{name} could not be opened ({exc.strerror}).") from exc
    try:
        return _read_open(fd, name, max_bytes)
    finally:
        os.close(fd)


def _depth(value: Any) -> int:
    """How deeply ``value`` nests lists and mappings (counted without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number JSON allows")


def chat_record_from_bytes(data: bytes, *, name: str = "the chat file") -> ChatRecord:
    """The :class:`~coursework_kit.chat.ChatRecord` in ``data``, checked against its schema.

    The record's own check (``ChatRecord.from_json``, as ``RecordFile.load`` uses) decides
    what a chat record is; this adds what hostile bytes need first: UTF-8 JSON, no NaN, no
    deep nesting. Whether the record is for the right scenario is :func:`verify_chat`'s to say.
    Raises :class:`~coursework_kit.errors.UnreadableRecordError`.
    """
    from coursework_kit.chat import ChatRecord

    unreadable = (
        f"{name} is not a chat saved by the chat activity, so it cannot count as evidence. "
        "Ask the learner to hold the chat again."
    )
    try:
        document = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        raise UnreadableRecordError(f"{name} is nested far too deeply to be a chat.") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnreadableRecordError(f"{unreadable} (It is not readable JSON.)") from exc
    if _depth(document) > MAX_DEPTH:
        raise UnreadableRecordError(f"{name} is nested far too deeply to be a chat.")
    try:
        return ChatRecord.from_json(document)
    except (CourseworkError, ValueError, TypeError, KeyError, RecursionError) as exc:
        raise UnreadableRecordError(f"{unreadable} ({exc}.)") from exc


# -- when the work was handed in -------------------------------------------------------------


def submission_time(submission: Path) -> datetime | None:
    """When nbgrader says ``submission`` was handed in: its ``timestamp.txt``, in UTC.

    nbgrader's ``submit`` writes the time there ("2026-03-05 10:00:00.123456 UTC" by default,
    ``Exchange.timestamp_format``) and ``collect`` copies it into ``submitted/<id>/<assignment>/``.
    The learner's copy could have been changed, so treat it as a claim: see :func:`verify_chat`.
    None when there is no such file or its time cannot be read (an unknown time zone name).
    """
    try:
        raw = read_evidence(submission, "timestamp.txt", max_bytes=200)
    except CourseworkError:
        return None
    if raw is None:
        return None
    text = raw.decode("utf-8", "replace").strip()
    when, _, zone = text.rpartition(" ")
    if not when or zone[:1] in "+-" or zone[:1].isdigit():
        when, zone = text, ""
    try:
        found = datetime.fromisoformat(when)
    except ValueError:
        return None
    if zone:
        offset = _zone(zone, found)
        if offset is None:
            return None
        found = found.replace(tzinfo=offset)
    return _utc(found)


def _zone(name: str, when: datetime) -> timezone | None:
    if name.upper() in _UTC_NAMES:
        return timezone(timedelta(minutes=_UTC_NAMES[name.upper()]))
    try:
        from zoneinfo import ZoneInfo

        offset = when.replace(tzinfo=ZoneInfo(name)).utcoffset()
    except (ValueError, KeyError, OSError):  # not a zone name this machine knows
        return None
    return None if offset is None else timezone(offset)


def _utc(when: datetime) -> datetime:
    """``when`` in UTC; a time with no zone is taken as UTC (as nbgrader's gradebook keeps it)."""
    if when.tzinfo is None or when.utcoffset() is None:
        return when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


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
