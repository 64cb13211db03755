"""The data protection tools' logic: read what is in each box, work out the answer, assess it.

The subject access deadline calculator, the breach helper and the marketing permission checker
keep what is in each of their boxes as text, in a calculator record
(:class:`coursework_kit.metrics.record.CalculatorRecord`, scenarios ``access-deadline``,
``breach`` and ``marketing-permission``). The functions here read that text back and work out
the answer, for the widgets' live answers and for :func:`assess_access` and friends, so the
two cannot disagree; a saved answer is never trusted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any

from coursework_kit.errors import CourseworkError, EntryError, GdprInputError
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.gdpr._uktime import to_uk, uk_time_text
from coursework_kit.gdpr.deadlines import (
    REGIONS,
    RISKS,
    SOURCE_ACCESS,
    SOURCE_BREACH,
    BreachDecision,
    _add_months,
    _as_uk,
    bank_holiday,
    breach_notification,
    dsar_deadline,
)
from coursework_kit.gdpr.marketing import (
    SOURCE,
    MarketingVerdict,
    check_electronic_marketing,
    questions_needed,
)
from coursework_kit.metrics.record import CalculatorRecord, read_flag

__all__ = [
    "ACCESS",
    "BREACH",
    "MARKETING",
    "MARKETING_PROMPT",
    "MARKETING_QUESTIONS",
    "RISK_CHOICES",
    "AccessAnswer",
    "EntryError",
    "assess_access",
    "assess_breach",
    "assess_marketing",
    "breach_headline",
    "marketing_answers",
    "marketing_headline",
    "read_access",
    "read_breach",
    "read_day",
    "read_marketing",
    "read_time",
    "unanswered",
]

ACCESS, BREACH, MARKETING = "access-deadline", "breach", "marketing-permission"

# (name, question, options as (label, value)): yes/no values are True/False in the widget
# and "yes"/"no" in the record.
MARKETING_QUESTIONS: tuple[tuple[str, str, tuple[tuple[str, Any], ...]], ...] = (
    ("channel", "Is it an email or a text message?", (("Email", "email"), ("Text (SMS)", "sms"))),
    (
        "recipient",
        "Who is it going to?",
        (
            ("A person (a consumer)", "individual"),
            ("A sole trader", "sole_trader"),
            ("A partnership (not in Scotland)", "partnership"),
            ("A company, LLP, Scottish partnership or public body", "corporate"),
        ),
    ),
    ("consent", "Have they given consent to marketing from you?", (("Yes", True), ("No", False))),
    (
        "existing_customer",
        "Did you get their details while they were buying (or asking about buying) from you?",
        (("Yes", True), ("No", False)),
    ),
    (
        "similar_products",
        "Is the message about your own similar products or services?",
        (("Yes", True), ("No", False)),
    ),
    (
        "opt_out_offered",
        "Could they refuse marketing when you collected their details, and "
        "can they opt out in every message?",
        (("Yes", True), ("No", False)),
    ),
)
_FLAGS = ("consent", "existing_customer", "similar_products", "opt_out_offered")
MARKETING_PROMPT = "Answer the questions above to see whether you may send it."

# the breach helper's choices of risk, as (label, value)
RISK_CHOICES = (
    ("Unlikely to be a risk to people (for example, encrypted data)", "unlikely"),
    ("Likely to be a risk to people", "likely"),
    ("High risk to people (for example, bank details or health)", "high"),
)


def read_day(text: str) -> date | None:
    """The date a date box holds as text (2026-11-28), or None for a blank or broken one."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


# -- subject access deadline --------------------------------------------------------------------


@dataclass(frozen=True)
class AccessAnswer:
    """When a subject access request must be answered, and how that date was found."""

    received: date
    region: str
    extended: bool
    deadline: date
    corresponding: date

    @property
    def months(self) -> int:
        return 3 if self.extended else 1

    @property
    def summary(self) -> str:
        return f"Answer by {self.deadline:%A %d %B %Y}."

    @property
    def working(self) -> str:
        """Counting the months, and why the deadline moved (if it did), in words."""
        if self.corresponding == self.deadline:
            why = "That date is a working day."
        else:
            holiday = bank_holiday(self.corresponding, self.region)
            why = (
                f"{self.corresponding:%A %d %B} is not a working day"
                + (f" ({holiday})" if holiday else "")
                + ", so the deadline moves to the next working day."
            )
        plural = "s" if self.months > 1 else ""
        return (
            f"Counting {self.months} calendar month{plural} from the day the request arrived "
            f"({self.received:%d %B %Y}) gives {self.corresponding:%A %d %B %Y}. {why}"
        )


def read_access(inputs: Mapping[str, str]) -> AccessAnswer:
    """The deadline from the boxes ``received`` (2026-11-28), ``region`` and ``extended``.

    >>> read_access({"received": "2026-11-28", "region": "england", "extended": "no"}).summary
    'Answer by Tuesday 29 December 2026.'
    """
    text = inputs.get("received", "").strip()
    if not text:
        raise EntryError("received", "Choose the date the request was received.")
    try:
        received = date.fromisoformat(text)
    except ValueError:
        raise EntryError(
            "received", f"{text!r} is not a date. Choose the date the request was received."
        ) from None
    region = inputs.get("region", "england")
    if region not in REGIONS:
        raise EntryError("region", f"{region!r} is not a part of the UK these rules know.")
    extended = read_flag(inputs.get("extended", "no"))
    if extended is None:
        raise EntryError("extended", "Say whether the deadline is extended: yes or no.")
    try:
        deadline = dsar_deadline(received, extended=extended, region=region)
    except GdprInputError as exc:  # a date the rules or the calendar cannot handle
        raise EntryError("received", str(exc)) from None
    corresponding = _add_months(received, 3 if extended else 1)
    return AccessAnswer(received, region, extended, deadline, corresponding)


# -- personal data breach -----------------------------------------------------------------------


_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*[:.h]?\s*(?P<minute>\d{2}))?\s*(?:(?P<half>[ap])\.?\s*m\.?)?",
    re.IGNORECASE,
)
_WORD_TIMES = {"midnight": (0, 0), "noon": (12, 0), "midday": (12, 0)}
TIME_EXAMPLE = "Type it like 09:30 or 14:05."


def read_time(text: str) -> time:
    """The time a learner typed: 24-hour (09:30, 9.30, 0930, 14:05) or with am/pm (9.30am,
    2pm, 12am), or noon, midday or midnight. Raises :class:`EntryError` (box ``time``).

    >>> read_time("9.30"), read_time("2:15pm"), read_time("12am"), read_time("0930")
    (datetime.time(9, 30), datetime.time(14, 15), datetime.time(0, 0), datetime.time(9, 30))
    """
    typed = text.strip()
    if not typed:
        raise EntryError(
            "time",
            "Type the time you became aware of the breach, like 09:30: the 72 hours start then.",
        )
    if typed.lower() in _WORD_TIMES:
        return time(*_WORD_TIMES[typed.lower()])
    found = _TIME.fullmatch(typed)
    if found is None:
        raise EntryError("time", f"{typed!r} is not a time. {TIME_EXAMPLE}")
    hour, minute, half = int(found["hour"]), int(found["minute"] or 0), found["half"]
    if half is None and found["minute"] is None:
        raise EntryError(
            "time", f"{typed!r} has no minutes. Type the hour and the minutes, like 09:00."
        )
    if half is not None:
        if not 1 <= hour <= 12:
            raise EntryError(
                "time",
                f"{typed!r} is not a time: with am or pm the hour is 1 to 12. {TIME_EXAMPLE}",
            )
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour == 24 and minute == 0:
        raise EntryError("time", "Type midnight as 00:00, on the day that is starting.")
    if hour > 23 or minute > 59:
        raise EntryError(
            "time",
            f"{typed!r} is not a time: hours go from 00 to 23 and minutes from 00 to 59. "
            f"{TIME_EXAMPLE}",
        )
    return time(hour, minute)


def read_breach(inputs: Mapping[str, str], *, now: datetime | None = None) -> BreachDecision:
    """The decision from the boxes ``day`` (2026-03-02), ``time`` (09:30) and ``risk``.

    The date and time are UK local time. With ``now`` (the time the boxes were filled in), a
    moment after it is refused: you cannot have become aware of a breach in the future.

    >>> read_breach({"day": "2026-03-02", "time": "9.30", "risk": "likely"}).deadline_text
    'Thursday 5 March 2026, 09:30 GMT'
    """
    day_text = inputs.get("day", "").strip()
    if not day_text:
        raise EntryError("day", "Choose the date you became aware of the breach.")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise EntryError(
            "day", f"{day_text!r} is not a date. Choose the date you became aware of the breach."
        ) from None
    when = datetime.combine(day, read_time(inputs.get("time", "")))
    try:
        aware = to_uk(when)[0]
    except GdprInputError as exc:  # the hour the clocks skip in March
        raise EntryError("time", str(exc)) from None
    utc = timezone.utc
    if now is not None and aware.astimezone(utc) > _as_uk(now).astimezone(utc):
        current = _as_uk(now)
        box = "day" if aware.date() > current.astimezone(aware.tzinfo).date() else "time"
        raise EntryError(
            box,
            f"{uk_time_text(aware)} is in the future: it is now {uk_time_text(current)}. "
            "Enter the date and time you became aware of the breach.",
        )
    risk = inputs.get("risk", "")
    if risk not in RISKS:
        raise EntryError("risk", "Choose how much risk the breach poses to people.")
    return breach_notification(when, risk=risk)


def breach_headline(decision: BreachDecision) -> str:
    """Who must be told and by when, in one or two sentences."""
    if decision.ico_deadline is None:
        return "You do not have to tell the ICO. Record the breach in your own breach log."
    head = f"Tell the ICO by {decision.deadline_text}."
    if decision.notify_individuals:
        head += " Tell the people affected without undue delay."
    return head


# -- marketing permission -----------------------------------------------------------------------


def marketing_answers(inputs: Mapping[str, str]) -> dict[str, object]:
    """Each question's answer from the boxes: text for channel and recipient, True/False for
    the others, None for a question not answered."""
    answers: dict[str, object] = {}
    for name, _question, _options in MARKETING_QUESTIONS:
        text = inputs.get(name, "")
        answers[name] = read_flag(text) if name in _FLAGS else (text or None)
    return answers


def unanswered(inputs: Mapping[str, str]) -> list[str]:
    """The questions that must still be answered before there is a verdict."""
    answers = marketing_answers(inputs)
    return [name for name in questions_needed(answers) if answers[name] is None]


def read_marketing(inputs: Mapping[str, str]) -> MarketingVerdict | None:
    """The verdict once enough questions are answered, else None.

    >>> read_marketing({"channel": "email", "recipient": "corporate"}).rule
    'corporate subscriber'
    """
    if unanswered(inputs):
        return None
    answers = marketing_answers(inputs)
    return check_electronic_marketing(
        channel=str(answers["channel"]),
        recipient=str(answers["recipient"]),
        consent=answers["consent"] is True,
        existing_customer=answers["existing_customer"] is True,
        similar_products=answers["similar_products"] is True,
        opt_out_offered=answers["opt_out_offered"] is True,
    )


def marketing_headline(verdict: MarketingVerdict) -> str:
    """The verdict in one sentence, as the checker shows it."""
    head = "You may send it" if verdict.allowed else "Do not send it"
    return f"{head} (rule: {verdict.rule})."


# -- assessing a saved tool -----------------------------------------------------------------------


def _assess(
    record: CalculatorRecord,
    work_out: Callable[[Mapping[str, str]], tuple[str, Finding]],
    nothing: str,
) -> Feedback:
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary=nothing)
    inputs = latest.work.inputs
    try:
        summary, finding = work_out(inputs)
    except EntryError as exc:
        problem = Finding(
            severity="must fix",
            check="entry",
            message=str(exc),
            quote=inputs.get(exc.box, ""),
            where=exc.box,
        )
        return Feedback(
            activity=record.activity, summary="Not worked out yet.", findings=(problem,)
        )
    except CourseworkError as exc:  # a value no widget offers (an edited file)
        problem = Finding(severity="must fix", check="entry", message=str(exc))
        return Feedback(
            activity=record.activity, summary="Not worked out yet.", findings=(problem,)
        )
    return Feedback(activity=record.activity, summary=summary, findings=(finding,))


def assess_access(record: CalculatorRecord) -> Feedback:
    """The subject access deadline, worked out again from the date, place and extension saved."""

    def work_out(inputs: Mapping[str, str]) -> tuple[str, Finding]:
        answer = read_access(inputs)
        return answer.summary, Finding(
            severity="good",
            check="deadline",
            message=f"{answer.summary} {answer.working}",
            where="received",
            source=SOURCE_ACCESS,
        )

    return _assess(record, work_out, "No date chosen yet.")


def _saved_at(text: str) -> datetime | None:
    """When an attempt was saved (ISO 8601 with its zone), or None if it cannot be read."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def assess_breach(record: CalculatorRecord) -> Feedback:
    """Who must be told about the breach and by when, worked out again from the entries (a
    moment after the attempt was saved is an entry to put right)."""

    latest = record.latest
    saved = _saved_at(latest.saved) if latest is not None else None

    def work_out(inputs: Mapping[str, str]) -> tuple[str, Finding]:
        decision = read_breach(inputs, now=saved)
        return breach_headline(decision), Finding(
            severity="good",
            check="breach",
            message=decision.explanation,
            where="risk",
            source=SOURCE_BREACH,
        )

    return _assess(record, work_out, "Nothing entered yet.")


def assess_marketing(record: CalculatorRecord) -> Feedback:
    """Whether the message may be sent, worked out again from the answers saved."""
    questions = {name: question for name, question, _ in MARKETING_QUESTIONS}

    def work_out(inputs: Mapping[str, str]) -> tuple[str, Finding]:
        missing = unanswered(inputs)
        if missing:
            raise EntryError(missing[0], f"Answer this question: {questions[missing[0]]}")
        verdict = read_marketing(inputs)
        if verdict is None:  # not reached: every question it needs is answered
            raise EntryError("channel", MARKETING_PROMPT)
        return marketing_headline(verdict), Finding(
            severity="good",
            check="marketing",
            message=verdict.reason,
            where="recipient",
            source=SOURCE,
        )

    return _assess(record, work_out, "No questions answered yet.")
