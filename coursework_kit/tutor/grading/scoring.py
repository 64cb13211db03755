"""Scores for nbgrader test cells: each returns the points earned (the cell's last expression,
so nbgrader takes partial credit from it) and explains itself on stdout.

Nothing here writes to stderr (nbgrader gives a cell that does 0) and nothing raises: missing
or damaged evidence scores 0 with a message, and the rest of the batch carries on. Saved work
is always re-assessed from the learner's own words; a stored score is never trusted. A saved
chat is a :class:`~coursework_kit.chat.ChatRecord`, judged by the same
:func:`coursework_kit.chat.assess` as the learner's end-of-chat report.
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursework_kit.chat import ChatWork, Scenario
    from coursework_kit.feedback import Feedback
    from coursework_kit.records import Attempt, Record

__all__ = ["score_choice", "score_crm", "score_numeric", "score_templates", "score_transcript"]


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep warnings and anything a library prints to stderr out of nbgrader's way."""
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def _safely(points: float, work: Callable[[], float]) -> float:
    try:
        with _quiet():
            earned = work()
    except Exception as exc:  # grading must never stop the batch
        print(f"0 / {points:g}: this answer could not be marked ({exc}).")
        return 0.0
    return round(max(0.0, min(points, earned)), 2)


def _number(answer: object) -> float | None:
    if isinstance(answer, bool) or answer is None:
        return None
    if isinstance(answer, (int, float)):
        return float(answer) if math.isfinite(float(answer)) else None
    if isinstance(answer, str):
        cleaned = answer.strip().replace("£", "").replace(",", "").rstrip("%").strip()
        try:
            return float(cleaned)
        except ValueError:
            return None
    return None


def score_numeric(
    answer: object,
    expected: float,
    *,
    points: float = 1,
    tolerance: float = 0.05,
    label: str = "answer",
) -> float:
    """Full points when ``answer`` is within ``tolerance`` of ``expected``, else 0.

    ``expected`` must come from the learner's own figures (see ``current_learner``), so a
    friend's correct numbers do not match.
    """

    def work() -> float:
        value = _number(answer)
        if value is None:
            print(f"0 / {points:g}: no number was given for the {label}.")
            return 0.0
        if abs(value - expected) <= tolerance:
            print(f"{points:g} / {points:g}: the {label} is right.")
            return points
        print(f"0 / {points:g}: the {label} {value:g} is not right for your figures.")
        return 0.0

    return _safely(points, work)


def score_choice(
    answer: object, expected: str, *, points: float = 1, label: str = "decision"
) -> float:
    """Full points when the chosen option's letter matches ``expected`` (case and spaces
    ignored), else 0."""

    def work() -> float:
        chosen = str(answer).strip().lower() if isinstance(answer, str) else ""
        if not chosen:
            print(f"0 / {points:g}: no choice was given for the {label}.")
            return 0.0
        if chosen == expected.strip().lower():
            print(f"{points:g} / {points:g}: the {label} is right.")
            return points
        print(f"0 / {points:g}: the {label} is not the best choice.")
        return 0.0

    return _safely(points, work)


class _Chats:
    """One learner's saved chat in a scenario: the attempts worth marking, each assessed."""

    def __init__(self, scenario: str | Path, points: float, folder: str | Path) -> None:
        """``scenario`` is a scenario id or a tutor's own scenario file; the evidence file is
        named from the scenario's id, as the chat widget names it. No ``attempts`` means there
        is nothing to mark; why has already been printed."""
        from coursework_kit.chat import ChatRecord, load_scenario
        from coursework_kit.errors import CourseworkError
        from coursework_kit.records import RecordFile

        self.scenario: Scenario = load_scenario(scenario)
        self.record: Record[ChatWork] | None = None
        self.attempts: list[Attempt[ChatWork]] = []
        try:
            self.record = RecordFile(ChatRecord, self.scenario.id, Path(folder)).load()
        except CourseworkError:
            print(f"0 / {points:g}: the saved chat could not be read. Ask your tutor.")
            return
        if self.record is not None:
            self.attempts = [a for a in self.record.attempts if a.work.replies]
        if not self.attempts:
            print(f"0 / {points:g}: no saved chat was found for '{self.scenario.title}'.")

    @property
    def title(self) -> str:
        return self.scenario.title

    def assess(self, attempt: Attempt[ChatWork]) -> Feedback:
        from coursework_kit.chat import assess

        assert self.record is not None  # there are attempts only when there is a record
        return assess(self.record, scenario=self.scenario, attempt=attempt.number)


def score_transcript(
    scenario: str | Path,
    *,
    points: float,
    folder: str | Path = "evidence",
    criteria: list[str] | None = None,
) -> float:
    """Points for a saved live chat, re-assessed from the learner's words.

    ``scenario`` is the scenario's id ("late-delivery") or the path of a tutor's own scenario
    file. Every saved attempt is assessed again; the best counts. The chat's mark
    (:func:`coursework_kit.chat.assess_record.mark`: the share of ``criteria`` met, all that
    apply when None) gives the share of ``points``. It is capped at half after any data
    protection breach, and at 40% when the customer's problem was never dealt with.
    """

    def work() -> float:
        from coursework_kit.chat.assess_record import mark, unsure_of
        from coursework_kit.chat.transcript import criteria_catalogue
        from coursework_kit.errors import CourseworkError

        chat = _Chats(scenario, points, folder)
        if not chat.attempts:
            return 0.0
        keys = list(criteria or criteria_catalogue())
        unknown = [k for k in keys if k not in criteria_catalogue()]
        if unknown:
            raise CourseworkError(f"there is no chat criterion {unknown[0]!r}")
        best, why, unsure = -1.0, "", []
        for attempt in chat.attempts:
            feedback = chat.assess(attempt)
            given = mark(feedback, keys)
            if given.share * points > best:
                best, why = given.share * points, given.why
                unsure = [f for f in unsure_of(feedback) if f.check in keys]
        capped = f" It is capped because {why}." if why else ""
        print(f"{best:g} / {points:g} for the chat '{chat.title}', from your own words.{capped}")
        for finding in unsure:  # the tutor sees these turns flagged in the feedback
            print(f"For your tutor to check ({finding.where or 'the chat'}): {finding.message}")
        return best

    return _safely(points, work)


def score_crm(scenario: str | Path, *, points: float, folder: str | Path = "evidence") -> float:
    """Points for the CRM record saved with a live chat, checked again against that chat.

    Full points for a complete record that agrees with the transcript; half for a record with
    one thing missing or wrong; otherwise 0. The best saved attempt counts.
    """

    def work() -> float:
        chat = _Chats(scenario, points, folder)
        recorded = [a for a in chat.attempts if a.work.crm is not None]
        if chat.attempts and not recorded:
            print(f"0 / {points:g}: the chat was saved without a CRM record.")
        best, problems = 0.0, ["no CRM record was saved"]
        for attempt in recorded:
            feedback = chat.assess(attempt)
            issues = [
                f.message for f in feedback.findings if f.check == "crm" and f.severity != "good"
            ]
            earned = points if not issues else points / 2 if len(issues) == 1 else 0.0
            if earned >= best:
                best, problems = earned, issues
        if recorded:
            why = "complete and agrees with the chat" if not problems else "; ".join(problems)
            print(f"{best:g} / {points:g} for the CRM record: {why}")
        return best

    return _safely(points, work)


def score_templates(
    scenario: str | Path, *, points: float, folder: str | Path = "evidence"
) -> float:
    """Points for using pre-written responses and making them the customer's own.

    Full points when at least one reply in a saved chat was built from a pre-written response
    and every such reply was personalised; half when one was sent with a placeholder left in or
    word for word; 0 when none was used. The best saved attempt counts.
    """

    def work() -> float:
        from coursework_kit.chat.knowledge import template_behind

        chat = _Chats(scenario, points, folder)
        best, why = 0.0, "no pre-written response was used"
        for attempt in chat.attempts:
            uses = [
                use
                for turn in attempt.work.replies
                if (use := template_behind(turn.text)) is not None
            ]
            if not uses:
                continue
            slips = [f"'{u.template.title}': {u.why_not}" for u in uses if not u.personalised]
            earned = points if not slips else points / 2
            if earned > best or (earned == best and why.startswith("no ")):
                best = earned
                why = (
                    f"{len(uses)} pre-written response(s), all personalised"
                    if not slips
                    else "not personalised: " + "; ".join(slips)
                )
        if chat.attempts:
            print(f"{best:g} / {points:g} for pre-written responses: {why}.")
        return best

    return _safely(points, work)
