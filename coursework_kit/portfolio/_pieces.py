"""Each saved record as a piece of evidence: what was done, when, the feedback its activity's own
``assess()`` gives (the same judge as the end-of-activity report and grading), the criteria it
evidences, the learner's reflection, and anything that stops it counting.

Nothing here trusts a stored score or verdict: feedback is worked out again from the learner's
own work. A piece made for another learner id, or a chat that fails grading's checks, is kept
and shown with why it does not count.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coursework_kit.portfolio._activities import (
    Activity,
    chat_extras,
    decision_codes,
    find_activity,
)
from coursework_kit.portfolio._reading import Found
from coursework_kit.portfolio._show_more import uk_time

if TYPE_CHECKING:
    from coursework_kit.chat import Scenario
    from coursework_kit.feedback import Feedback
    from coursework_kit.records import Attempt, Record

__all__ = ["JUDGE", "MET", "NOT_COUNTED", "NOT_MET", "Piece", "pieces_of"]

MET, NOT_MET, JUDGE, NOT_COUNTED = "met", "not yet met", "for your assessor to judge", "not counted"

# kind -> its activity's assess(record) ("module:function"), as each activity's report uses it
ASSESSORS = {
    "quiz": "coursework_kit.quiz.assess:assess",
    "moderation": "coursework_kit.social.moderation.assess:assess",
    "post": "coursework_kit.social.posts.assess:assess",
    "snippet": "coursework_kit.search.assess:assess",
    "search-ad": "coursework_kit.search.assess:assess",
    "calendar": "coursework_kit.social.calendar.assess:assess",
    "plan": "coursework_kit.planning.planner.assess:assess",
    "matching": "coursework_kit.planning.matching.assess:assess",
    "automation": "coursework_kit.journeys.automation.assess:assess",
    "email": "coursework_kit.email.assess:assess",
    "journey-map": "coursework_kit.journeys.assess:assess",
    "decision": "coursework_kit.gdpr.assess:assess",
    "calculator": "coursework_kit.metrics.assess:assess",
    "chat": "coursework_kit.chat.assess_record:assess",
}
_SHOW = {
    "quiz": "_show:show_quiz",
    "moderation": "_show:show_moderation",
    "post": "_show:show_post",
    "snippet": "_show:show_snippet",
    "search-ad": "_show:show_search_ad",
    "calendar": "_show:show_calendar",
    "email": "_show:show_email",
    "plan": "_show_more:show_plan",
    "matching": "_show_more:show_matching",
    "automation": "_show_more:show_automation",
    "journey-map": "_show_more:show_journey_map",
    "decision": "_show_more:show_decision",
    "calculator": "_show_more:show_calculator",
}
_PRACTICE_CHAT = (
    "A practice chat: it was not held as an assessment, so it is not replayed to check it the "
    "way an assessed chat is. It still shows what you can do."
)


@dataclass(frozen=True)
class Piece:
    """One piece of evidence (one attempt; for a file that could not be read, the file)."""

    anchor: str  # its id in the page
    file: str
    source: str  # where the file was read from, for a tutor ("unit3/evidence")
    activity: Activity | None
    record: Record[Any] | None = None
    attempt: Attempt[Any] | None = None
    feedback: Feedback | None = None
    shown: str = ""  # HTML: what was done, as it looked
    criteria: dict[str, str] = field(default_factory=dict)  # code -> MET, NOT_MET or JUDGE
    problems: tuple[str, ...] = ()  # why it does not count
    notes: tuple[str, ...] = ()

    @property
    def counted(self) -> bool:
        return self.record is not None and self.attempt is not None and not self.problems

    @property
    def unit(self) -> int | None:
        return self.activity.unit if self.activity else None

    @property
    def title(self) -> str:
        if self.activity is not None:
            return self.activity.name
        return self.record.activity if self.record is not None else self.file

    @property
    def reflection(self) -> str:
        """The learner's reflection on this attempt, if the record keeps one."""
        for holder in (self.attempt, getattr(self.attempt, "work", None)):
            text = getattr(holder, "reflection", None)
            if isinstance(text, str) and text.strip():
                return text.strip()
        return ""

    def status(self, code: str) -> str:
        """What this piece says about ``code``: met, not yet met, for the assessor to judge, or
        not counted."""
        return NOT_COUNTED if not self.counted else self.criteria.get(code, "")

    @property
    def dates(self) -> str:
        if self.attempt is None:
            return ""
        started, saved = uk_time(self.attempt.started), uk_time(self.attempt.saved)
        return f"Started {started}." + ("" if saved == started else f" Last saved {saved}.")


def _call(target: str, *args: Any, **kwargs: Any) -> Any:
    module, _, name = target.partition(":")
    if module.startswith("_"):
        module = f"coursework_kit.portfolio.{module}"
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function(*args, **kwargs)


def _safely(what: str, work: Callable[[], Any]) -> tuple[Any, str]:
    """``work()``, or None and a sentence saying what could not be done (a damaged or edited
    file must not stop the rest of the portfolio)."""
    try:
        return work(), ""
    except Exception as exc:
        return None, f"The {what} could not be worked out ({exc})."


def _scenario(record: Record[Any], attempt: Attempt[Any], learner: str, strict: bool) -> Any:
    from coursework_kit.chat import load_scenario

    scenario = load_scenario(record.scenario)
    owner = learner if strict else attempt.learner
    return scenario.for_learner(owner) if attempt.mode == "assessment" and owner else scenario


def _chat_codes(feedback: Feedback, attempt: Attempt[Any]) -> dict[str, str]:
    """The chat's codes as its assess() says, then the CRM record's and the pre-written
    responses', judged as grading's mark_crm and mark_templates judge them (met at half marks
    or more: one slip in the CRM record, or a response not made the customer's own)."""
    from coursework_kit.chat.knowledge import template_behind

    codes = {code: MET if met else NOT_MET for code, met in feedback.criteria.items()}
    extras = chat_extras()
    if attempt.work.crm is not None:
        slips = [f for f in feedback.findings if f.check == "crm" and f.severity != "good"]
        for code in extras.get("crm", ()):
            codes[code] = MET if len(slips) <= 1 else NOT_MET
    if any(template_behind(t.text) is not None for t in attempt.work.replies):
        for code in extras.get("templates", ()):
            codes[code] = MET
    return codes


def _decision_codes(record: Record[Any], attempt: Attempt[Any]) -> dict[str, str]:
    from coursework_kit.gdpr.assess import results, scenarios_for

    codes: dict[str, str] = {}
    for result in results(attempt.work, scenarios_for(record.scenario)).values():
        for code in decision_codes(result.scenario.criterion):
            if codes.get(code) != MET:
                codes[code] = MET if result.correct else NOT_MET
    return codes


def _attempts(record: Record[Any]) -> list[Attempt[Any]]:
    """The attempts to show: every chat held (each is its own evidence), else the latest."""
    if record.KIND == "chat":
        held = [a for a in record.attempts if a.work.replies]
        if held:
            return held
    return [record.latest] if record.latest is not None else []


def pieces_of(found: Found, *, learner: str, number: int) -> list[Piece]:
    """The pieces of evidence in one file: one per attempt shown, or one saying why none can be."""
    where = found.source.label
    anchor = f"e{number}"
    if found.record is None:
        return [Piece(anchor, found.name, where, None, problems=(found.problem,))]
    record = found.record
    activity = find_activity(record.KIND, record.scenario, unit=found.source.unit)
    attempts = _attempts(record)
    if not attempts:
        return [
            Piece(
                anchor,
                found.name,
                where,
                activity,
                record,
                problems=("Nothing is saved in it yet.",),
            )
        ]
    strict = found.source.root is not None
    return [
        _piece(found, record, attempt, activity, learner, strict, f"{anchor}-{attempt.number}")
        for attempt in attempts
    ]


def _piece(
    found: Found,
    record: Record[Any],
    attempt: Attempt[Any],
    activity: Activity | None,
    learner: str,
    strict: bool,
    anchor: str,
) -> Piece:
    problems = [found.problem] if found.problem else []
    notes: list[str] = []
    if attempt.learner and attempt.learner != learner:
        problems.append(
            f"Made for another learner id ({attempt.learner!r}, not {learner!r}): not counted."
        )
    scenario: Scenario | None = None
    if record.KIND == "chat":
        scenario, said = _safely(
            "chat's scenario", lambda: _scenario(record, attempt, learner, strict)
        )
        problems += [said] if said else []
        if scenario is not None:
            checked = _verified(record, attempt, scenario, learner, found, strict)
            problems += checked
            if not checked and (attempt.mode != "assessment" or attempt.work.coach):
                notes.append(_PRACTICE_CHAT)
    feedback, said = _safely("feedback", lambda: _feedback(record, attempt, scenario))
    problems += [said] if said else []
    shown, said = _safely("view of this work", lambda: _shown(record, attempt, scenario))
    if said:
        shown = f"<p>{_escape(said)}</p>"
    criteria: dict[str, str] = {}
    if feedback is not None:
        criteria, said = _safely("criteria", lambda: _criteria(record, attempt, feedback, activity))
        problems += [said] if said else []
    return Piece(
        anchor,
        found.name,
        found.source.label,
        activity,
        record,
        attempt,
        feedback,
        shown,
        criteria or {},
        tuple(problems),
        tuple(notes),
    )


def _verified(
    record: Record[Any],
    attempt: Attempt[Any],
    scenario: Scenario,
    learner: str,
    found: Found,
    strict: bool,
) -> list[str]:
    """Grading's checks on a saved chat (``verify_chat`` in :mod:`.tutor.grading.evidence`):
    every attempt in a hand-in, and assessed attempts in a learner's own folder."""
    if not strict and attempt.mode != "assessment":
        return []
    from coursework_kit.tutor.grading.evidence import verify_chat

    problems = verify_chat(
        record,
        scenario,
        attempt=attempt.number,
        released_at=None,
        submitted_at=found.source.submitted_at,
        learner=learner,
    )
    return [p.message for p in problems if p.code != "other-learner"]  # said once, above


def _feedback(record: Record[Any], attempt: Attempt[Any], scenario: Scenario | None) -> Feedback:
    target = ASSESSORS[record.KIND]
    if record.KIND == "chat":
        found: Feedback = _call(target, record, scenario=scenario, attempt=attempt.number)
    else:
        found = _call(target, record)
    return found


def _shown(record: Record[Any], attempt: Attempt[Any], scenario: Scenario | None) -> str:
    if record.KIND == "chat":
        shown: str = _call("_show_more:show_chat", record, attempt, scenario)
    else:
        shown = _call(_SHOW[record.KIND], record, attempt)
    return shown


def _criteria(
    record: Record[Any], attempt: Attempt[Any], feedback: Feedback, activity: Activity | None
) -> dict[str, str]:
    if record.KIND == "chat":
        return _chat_codes(feedback, attempt)
    if record.KIND == "decision":
        return _decision_codes(record, attempt)
    return dict.fromkeys(activity.criteria if activity else (), JUDGE)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
