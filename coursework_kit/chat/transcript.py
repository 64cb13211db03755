"""Assess a whole chat transcript against the live-chat criteria.

Everything is worked out again from the adviser's own words (never from a stored score): each
reply is read by :mod:`.reading`, the same step the simulated customer used during the chat,
and the criteria are judged from those readings. :func:`.assess_record.assess` turns the
result into the kit's shared :class:`~coursework_kit.feedback.Feedback`. The criteria and their
mapping to the awarding bodies' criteria are data: ``datasets/chat/criteria.yaml``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from coursework_kit.chat._phrases import phrases
from coursework_kit.chat.assess import ReplyAssessment
from coursework_kit.chat.catalogue import criteria_catalogue, next_steps, timings
from coursework_kit.chat.moves import DESCRIPTIONS
from coursework_kit.chat.reading import Reading, mentions_private, read_chat
from coursework_kit.chat.record import Turn, as_turns
from coursework_kit.chat.scenario import Scenario
from coursework_kit.feedback import Finding

__all__ = ["CriterionResult", "TranscriptReport", "assess_transcript", "criteria_catalogue"]

Chat = list[tuple[str, str, datetime | None]]  # (speaker, text, time), as reports hold them


@dataclass(frozen=True)
class CriterionResult:
    """One criterion: met (True), not yet met (False) or not applicable (None), and why."""

    key: str
    met: bool | None
    evidence: str
    unsure: bool = False  # not met as far as the assessor can tell, but it is not sure
    turn: int | None = None  # the reply the assessor is unsure about, if it is

    @property
    def label(self) -> str:
        return criteria_catalogue()[self.key].label

    @property
    def status(self) -> str:
        if self.unsure:
            return "not sure"
        return {True: "met", False: "not yet met", None: "not applicable"}[self.met]


@dataclass(frozen=True)
class TranscriptReport:
    criteria: dict[str, CriterionResult]
    findings: list[Finding]
    turns: list[tuple[str, str, datetime | None]]
    response_times: list[float] = field(default_factory=list)
    first_response_seconds: float | None = None
    average_response_seconds: float | None = None
    handling_seconds: float | None = None

    @property
    def score(self) -> int:
        """Criteria met as a percentage of those that apply (0-100)."""
        applicable = [c for c in self.criteria.values() if c.met is not None]
        if not applicable:
            return 0
        return round(100 * sum(bool(c.met) for c in applicable) / len(applicable))

    @property
    def improvements(self) -> list[str]:
        """Two or three concrete things to do better next time, the most serious first."""
        return next_steps(
            [(f.check, f.message) for f in self.findings],
            {k for k, c in self.criteria.items() if c.met is False},
        )

    def __repr__(self) -> str:
        met = [k for k, c in self.criteria.items() if c.met]
        missed = [k for k, c in self.criteria.items() if c.met is False]
        return f"TranscriptReport(score={self.score}, met={met}, not_yet_met={missed})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th scope='row'>{html.escape(c.label)}</th><td>{c.status}</td>"
            f"<td>{html.escape(c.evidence)}</td></tr>"
            for c in self.criteria.values()
        )
        findings = "".join(f"<li>{html.escape(str(f))}</li>" for f in self.findings)
        tips = "".join(f"<li>{html.escape(t)}</li>" for t in self.improvements)
        timing = ""
        if self.first_response_seconds is not None:
            timing = (
                f"<p>First response: {self.first_response_seconds:.0f} s. Average response: "
                f"{self.average_response_seconds or 0:.0f} s. Handling time: "
                f"{self.handling_seconds or 0:.0f} s.</p>"
            )
        return (
            f"<div><p><strong>Score: {self.score}%</strong> of the criteria that apply.</p>"
            "<table><tr><th scope='col'>Criterion</th><th scope='col'>Result</th>"
            f"<th scope='col'>Evidence</th></tr>{rows}</table>{timing}"
            + (f"<p><strong>Rules broken</strong></p><ul>{findings}</ul>" if findings else "")
            + (f"<p><strong>Next time</strong></p><ol>{tips}</ol>" if tips else "")
            + "</div>"
        )


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sentence(reply: str, fragment: str) -> str:
    """The sentence of ``reply`` that holds ``fragment`` (the words a phrase matched), quoted."""
    for sentence in re.split(r"(?<=[.!?])\s+", reply.replace("’", "'")):
        if fragment and fragment.split(" … ")[0].lower() in sentence.lower():
            return f"“{_quote(sentence)}”"
    return f"“{_quote(reply)}”"


def _shows(a: ReplyAssessment, flag: str) -> str:
    return _sentence(a.reply, a.evidence.get(flag, ""))


def assess_transcript(
    turns: Iterable[Turn | Sequence[Any]],
    *,
    customer_name: str | None = None,
    scenario: Scenario | None = None,
) -> TranscriptReport:
    """Assess a chat: ``turns`` are :class:`.Turn` objects (as a :class:`.ChatRecord` holds
    them), or ``(speaker, text)`` or ``(speaker, text, time)`` tuples."""
    typed = as_turns(turns)
    readings = read_chat(typed, scenario, customer_name=customer_name)
    assessments = {i: r.assessment for i, r in readings.items()}
    findings = [f for r in readings.values() for f in r.findings]
    chat: Chat = [(t.speaker, t.text, t.time) for t in typed]
    criteria = _criteria(chat, assessments, findings, scenario)
    if scenario is not None and readings:
        criteria.update(_understood(typed, readings, findings, scenario))
        criteria = {key: criteria[key] for key in criteria_catalogue()}
    timed = timings(typed)
    return TranscriptReport(
        criteria,
        findings,
        list(chat),
        response_times=list(timed.response_times),
        first_response_seconds=timed.first_response_seconds,
        average_response_seconds=timed.average_response_seconds,
        handling_seconds=timed.handling_seconds,
    )


def _first(assessments: dict[int, ReplyAssessment], flag: str) -> ReplyAssessment | None:
    return next((a for a in assessments.values() if getattr(a, flag)), None)


def _pattern(chat: Chat, name: str) -> str | None:
    for speaker, text, _ in chat:
        found = phrases().find(name, text) if speaker == "agent" else None
        if found:
            return _sentence(text, found)
    return None


# What shows the adviser has engaged with this customer's problem, said in words specific to
# it: put it back to them, told them what they found, or asked about it. A remedy alone does
# not: a script can list every remedy there is.
_ENGAGING = ("paraphrase", "explain_findings", "ask_question")
_NEXT_STEP = ("offer_remedy", "escalate", "signpost")


def _words(reading: Reading, move: str) -> str:
    """The sentence of the reply that makes ``move``, quoted (empty if it does not)."""
    found = reading.moves.get(move) if reading.moves is not None else None
    return _sentence(reading.assessment.reply, found.words) if found else ""


def _dealt_with(turns: Sequence[Turn], readings: dict[int, Reading], scenario: Scenario) -> int:
    """The index of the reply that dealt with the customer's problem (len(turns) if none did).

    In a chat with the simulated customer, the reply the customer took as dealing with it
    (they said it was sorted, or accepted the escalation, or were warned about their language
    in a chat that needed ending). In a transcript typed by hand, the first reply offering a
    remedy from the scenario (or passing the case on, where it needs escalating).
    """
    done = {"resolved", "escalated"}
    if any(t.kind for t in turns if t.speaker == "customer"):
        for i, turn in enumerate(turns):
            if turn.speaker == "customer" and turn.kind in done:
                return max((r for r in readings if r < i), default=len(turns))
        return len(turns)
    needed: tuple[str, ...] = ("escalate",) if scenario.needs.escalation else ("offer_remedy",)
    if scenario.needs.signposting:
        needed = ("offer_remedy", "signpost")
    return next((i for i, r in readings.items() if r.does(*needed)), len(turns))


def _understood(
    turns: Sequence[Turn],
    readings: dict[int, Reading],
    findings: list[Finding],
    scenario: Scenario,
) -> dict[str, CriterionResult]:
    """The criteria judged from what the replies do (their moves), given the scenario, and
    whether the customer's problem was dealt with, and when."""
    needs = scenario.needs
    results: dict[str, CriterionResult] = {}

    def put(key: str, met: bool | None, evidence: str) -> None:
        results[key] = CriterionResult(key, met, evidence)

    def first(*moves: str, after: int = -1, specific: bool = False) -> Reading | None:
        return next(
            (
                r
                for i, r in readings.items()
                if i >= after
                and r.does(*moves)
                and (not specific or (r.moves is not None and r.moves.specific))
            ),
            None,
        )

    dealt = _dealt_with(turns, readings, scenario)
    engaged = any(r.does(*_ENGAGING) and _about_this_customer(r) for r in readings.values())
    broken = {f.check for f in findings}
    # The greeting and the identity check are judged in _criteria: a reply's flags are its
    # moves, so the two readings agree there.
    listened = first("paraphrase")
    generic = first("generic_paraphrase")
    put(
        "active_listening",
        listened is not None,
        _words(listened, "paraphrase")
        if listened
        else f"{_words(generic, 'generic_paraphrase')} would fit any customer: put this "
        "customer's own problem back to them."
        if generic
        else "The customer's problem was never put back to them in the adviser's own words.",
    )
    feeling = first("acknowledge_feelings")
    put(
        "empathy",
        feeling is not None and engaged,
        _words(feeling, "acknowledge_feelings")
        if feeling and engaged
        else f"{_words(feeling, 'acknowledge_feelings')} was said, but nothing in the chat dealt "
        "with this customer's own problem."
        if feeling
        else "The customer's feelings were not acknowledged.",
    )
    negative = first("blame_or_negative")
    positive = next((r for r in readings.values() if r.assessment.positive_language), None)
    if negative:
        put(
            "positive_language",
            False,
            f"Negative or blaming: {_words(negative, 'blame_or_negative')}",
        )
    else:
        put(
            "positive_language",
            positive is not None,
            _sentence(
                positive.assessment.reply, positive.assessment.evidence.get("positive_language", "")
            )
            if positive
            else "No reply said what the adviser could do.",
        )

    moved = first("signpost") if needs.private_channel else None
    step = first(*_NEXT_STEP, specific=True)
    if (
        needs.private_channel
        and not any(t.kind == "moved_private" for t in turns)
        and not (moved and mentions_private(moved.assessment.reply))
    ):
        put("signposting", False, "The public complaint was not moved to a private message.")
    elif step is not None:
        move = next(m for m in _NEXT_STEP if step.does(m))
        put("signposting", True, _words(step, move))
    else:
        put(
            "signposting",
            False,
            "The customer was not told what would happen next for their problem.",
        )

    escalated = first("escalate")
    passed_on = next(
        (r for r in readings.values() if r.does("escalate") and r.moves and r.moves.remedy_words),
        None,
    )
    over = [f for f in findings if f.check == "remit"]
    if over:
        put("escalation", False, str(over[0]))
    elif needs.escalation:
        put(
            "escalation",
            passed_on is not None,
            _words(passed_on, "escalate")
            if passed_on
            else f"{_words(escalated, 'escalate')} does not say which team this customer's case "
            "is being passed to."
            if escalated
            else "This case needed passing to a team leader or specialist team, and was not.",
        )
    elif escalated is not None:
        put(
            "escalation",
            False,
            f"{_words(escalated, 'escalate')}: this case did not need passing on. The adviser "
            "could have dealt with it themselves.",
        )
    else:
        put("escalation", None, "Not needed in this chat.")

    abusive = needs.warning_then_end
    check = first("check_understanding", "check_plan_suits", after=dealt)
    if check is not None:
        move = "check_understanding" if check.does("check_understanding") else "check_plan_suits"
        put("confirm_understanding", True, _words(check, move))
    else:
        early = first("check_understanding", "check_plan_suits")
        put(
            "confirm_understanding",
            False,
            "The adviser checked before the problem had been dealt with, not after."
            if early is not None
            else "The adviser did not check the customer was happy with the plan.",
        )
    if abusive:
        warned = first("warn_abuse")
        put(
            "closing",
            warned is not None,
            _words(warned, "warn_abuse")
            if warned
            else "The customer was not warned before the chat was ended.",
        )
    else:
        closed = first("close", after=dealt)
        early = first("close")
        put(
            "closing",
            closed is not None,
            _words(closed, "close")
            if closed
            else "The chat was closed before the customer's problem was dealt with."
            if early is not None
            else "The adviser did not ask if there was anything else they could help with.",
        )

    remedy = readings.get(dealt)
    wrong = broken & {"remit", "promise", "fact"}
    if remedy is None:
        put("resolves_query", False, "The customer's problem was not dealt with.")
    elif wrong:
        why = next(f for f in findings if f.check in wrong)
        put("resolves_query", False, f"Dealt with, but not accurately: {why}")
    elif not engaged:
        put(
            "resolves_query",
            False,
            f"“{_quote(remedy.assessment.reply)}” was offered, but nothing in the chat showed "
            "this customer's own problem had been understood or looked into.",
        )
    elif not (remedy.moves is not None and remedy.moves.specific):
        put(
            "resolves_query",
            False,
            f"“{_quote(remedy.assessment.reply)}” says nothing specific to this customer's "
            "problem.",
        )
    else:
        put("resolves_query", True, f"“{_quote(remedy.assessment.reply)}”")
    return _unsure(results, readings, dealt)


# The move behind each criterion, for saying "not sure" instead of "not met".
_CRITERION_MOVES = {
    "greeting": ("greet",),
    "identity_verification": ("ask_security",),
    "active_listening": ("paraphrase",),
    "empathy": ("acknowledge_feelings",),
    "escalation": ("escalate",),
    "confirm_understanding": ("check_understanding", "check_plan_suits"),
    "closing": ("close",),
}


def _unsure(
    results: dict[str, CriterionResult], readings: dict[int, Reading], dealt: int
) -> dict[str, CriterionResult]:
    """A criterion not met where a reply may well make its move (the recogniser cannot call
    it) is marked unsure, quoting the reply, instead of held against the adviser."""
    first = min(readings)
    for key, moves in _CRITERION_MOVES.items():
        result = results.get(key)
        if result is None or result.met is not False or "breach" in result.evidence:
            continue
        later = {"confirm_understanding", "closing"}
        for i, reading in readings.items():
            if reading.moves is None or (key == "greeting" and i != first):
                continue
            if key in later and i < dealt:
                continue
            maybe = [m for m in moves if reading.moves.is_unsure(m) and m not in reading.moves]
            if maybe:
                results[key] = CriterionResult(
                    key,
                    False,
                    f"Not sure whether “{_quote(reading.assessment.reply)}” "
                    f"{DESCRIPTIONS[maybe[0]]}: the assessor cannot tell. It is not counted "
                    "against you; your tutor will check it.",
                    unsure=True,
                    turn=i,
                )
                break
    return results


def _about_this_customer(reading: Reading) -> bool:
    """Does the reply hold something of this customer's own story or of the facts on screen,
    not just the names of remedies (which a script can list)? A paraphrase restates the
    customer's story, so one word of it will do; anything else needs two."""
    moves = reading.moves
    if moves is None or not moves.specific or moves.specific_by_remedy:
        return False
    remedies = {w.lower() for w in moves.remedy_words}
    own = {w.lower() for w in moves.specific_words if len(w) > 2} - remedies
    return len(own) >= (1 if "paraphrase" in moves else 2)


def _criteria(
    chat: Chat,
    assessments: dict[int, ReplyAssessment],
    findings: list[Finding],
    scenario: Scenario | None,
) -> dict[str, CriterionResult]:
    needs = scenario.needs if scenario else None
    replies = list(assessments.values())
    results: dict[str, CriterionResult] = {}

    def put(key: str, met: bool | None, evidence: str) -> None:
        results[key] = CriterionResult(key, met, evidence)

    if not replies:
        for key in criteria_catalogue():
            put(key, False, "The adviser did not reply.")
        return results
    first = replies[0]
    put(
        "greeting",
        first.greeting,
        _shows(first, "greeting")
        if first.greeting
        else "The first reply did not greet the customer.",
    )

    breaches = [f for f in findings if f.check == "data_protection"]
    asked = _first(assessments, "identity_check")
    if needs and (needs.verification or needs.never_disclose):
        if breaches:
            put("identity_verification", False, str(breaches[0]))
        elif needs.verification and asked is None and needs.warning_then_end:
            put(
                "identity_verification",
                None,
                "The chat was ended for abuse before any account details were needed.",
            )
        elif needs.verification and asked is None:
            put("identity_verification", False, "The customer was never asked to pass security.")
        else:
            put(
                "identity_verification",
                True,
                _shows(asked, "identity_check")
                if asked
                else "No personal data was given out in the chat.",
            )
    else:
        put(
            "identity_verification",
            True if asked else None,
            _shows(asked, "identity_check") if asked else "Not needed in this chat.",
        )

    for key, flag, missing in (
        (
            "active_listening",
            "paraphrase",
            "The customer's problem was never put back to them in the adviser's own words.",
        ),
        ("empathy", "empathy", "The customer's feelings were not acknowledged."),
    ):
        found = _first(assessments, flag)
        put(key, found is not None, _shows(found, flag) if found else missing)

    negative = _first(assessments, "blame_or_negative")
    positive = _first(assessments, "positive_language")
    if negative:
        put(
            "positive_language",
            False,
            f"Negative or blaming: {_shows(negative, 'blame_or_negative')}",
        )
    else:
        put(
            "positive_language",
            positive is not None,
            _shows(positive, "positive_language")
            if positive
            else "No reply said what the adviser could do.",
        )

    jargon = sorted({j for a in replies for j in a.jargon})
    put(
        "no_jargon",
        not jargon,
        "No jargon or text-speak." if not jargon else "Jargon or text-speak: " + ", ".join(jargon),
    )
    spelling = list(dict.fromkeys(w for a in replies for w in a.spelling_errors))
    grammar = list(dict.fromkeys(g for a in replies for g in a.grammar))
    slips = ([f"misspelt: {', '.join(spelling)}"] if spelling else []) + grammar
    put(
        "spelling_grammar",
        not slips,
        "No spelling or grammar slips found." if not slips else "; ".join(slips),
    )

    signpost = _pattern(chat, "signposting")
    private = _pattern(chat, "private_channel")
    if needs and needs.private_channel and not private:
        put("signposting", False, "The public complaint was not moved to a private message.")
    else:
        put(
            "signposting",
            signpost is not None,
            signpost or "The customer was not told what would happen next.",
        )

    escalated = _first(assessments, "escalation")
    over = [f for f in findings if f.check == "remit"]
    if over:
        put("escalation", False, str(over[0]))
    elif needs and needs.escalation:
        put(
            "escalation",
            escalated is not None,
            _shows(escalated, "escalation")
            if escalated
            else "This case needed passing to a team leader or specialist team, and was not.",
        )
    else:
        put(
            "escalation",
            True if escalated else None,
            _shows(escalated, "escalation") if escalated else "Not needed in this chat.",
        )

    abusive = bool(needs and needs.warning_then_end)
    check = _pattern(chat, "confirm_understanding") or _pattern(chat, "understanding_checks")
    put(
        "confirm_understanding",
        None if abusive else check is not None,
        "Not expected when a chat is ended for abuse."
        if abusive
        else check or "The adviser did not check the customer was happy with the plan.",
    )
    closing = _first(assessments, "closing_question")
    if abusive:
        warned = _pattern(chat, "warning")
        put(
            "closing",
            warned is not None,
            warned or "The customer was not warned before the chat was ended.",
        )
    else:
        put(
            "closing",
            closing is not None,
            _shows(closing, "closing_question")
            if closing
            else "The adviser did not ask if there was anything else they could help with.",
        )
    put("resolves_query", None, "Judged only against a scenario: its remedies and facts.")
    return {key: results[key] for key in criteria_catalogue()}
