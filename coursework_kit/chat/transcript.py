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
from coursework_kit.chat.reading import read_chat
from coursework_kit.chat.record import Turn, as_turns
from coursework_kit.chat.rules import Finding
from coursework_kit.chat.scenario import Scenario

__all__ = ["CriterionResult", "TranscriptReport", "assess_transcript", "criteria_catalogue"]

Chat = list[tuple[str, str, datetime | None]]  # (speaker, text, time), as reports hold them


@dataclass(frozen=True)
class CriterionResult:
    """One criterion: met (True), not yet met (False) or not applicable (None), and why."""

    key: str
    met: bool | None
    evidence: str

    @property
    def label(self) -> str:
        return criteria_catalogue()[self.key].label

    @property
    def status(self) -> str:
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
            [(f.kind, f.message) for f in self.findings],
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

    breaches = [f for f in findings if f.kind == "data_protection"]
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
    over = [f for f in findings if f.kind == "remit"]
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
    return {key: results[key] for key in criteria_catalogue()}
