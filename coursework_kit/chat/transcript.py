"""Assess a whole chat transcript against the live-chat criteria.

Everything is worked out again from the adviser's own words (never from a stored score): each
reply is read by :mod:`.reading`, the same step the simulated customer used during the chat,
and the criteria are judged from those readings. :func:`.assess_record.assess` turns the
result into the kit's shared :class:`~coursework_kit.feedback.Feedback`. The criteria and their
mapping to the awarding bodies' criteria are data: ``datasets/chat/criteria.yaml``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from coursework_kit.chat._criteria_flags import _criteria
from coursework_kit.chat._criteria_moves import _understood
from coursework_kit.chat._criterion import Chat, CriterionResult
from coursework_kit.chat.catalogue import criteria_catalogue, next_steps, timings
from coursework_kit.chat.reading import read_chat
from coursework_kit.chat.record import Turn, as_turns
from coursework_kit.chat.scenario import Scenario
from coursework_kit.feedback import Finding

__all__ = ["CriterionResult", "TranscriptReport", "assess_transcript", "criteria_catalogue"]


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
