"""Scores for nbgrader test cells: each returns the points earned (the cell's last expression,
so nbgrader takes partial credit from it) and explains itself on stdout.

Nothing here writes to stderr (nbgrader gives a cell that does 0) and nothing raises: missing
or damaged evidence scores 0 with a message, and the rest of the batch carries on. Saved work
is always re-assessed from the learner's own words; a stored score is never trusted.
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def _saved_chats(scenario: str, points: float, folder: str | Path) -> tuple[Any, list[Any]]:
    """The scenario and the saved attempts at it that hold at least one adviser reply.

    An empty list means there is nothing to mark; why has already been printed.
    """
    from coursework_kit.chat import load_scenario
    from coursework_kit.errors import CourseworkError
    from coursework_kit.evidence import Evidence

    chat = load_scenario(scenario)
    store = Evidence(f"chat-{scenario}", folder=Path(folder))
    try:
        attempts = store.attempts()
    except CourseworkError:
        print(f"0 / {points:g}: the saved chat could not be read. Ask your tutor.")
        return chat, []
    held = [
        a for a in attempts if any(t.get("speaker") == "agent" for t in a.data.get("turns", []))
    ]
    if not held:
        print(f"0 / {points:g}: no saved chat was found for '{chat.title}'.")
    return chat, held


def _turns(attempt: Any) -> list[tuple[str, str, str | None]]:
    return [(t["speaker"], t["text"], t.get("at")) for t in attempt.data.get("turns", [])]


def score_transcript(
    scenario: str,
    *,
    points: float,
    folder: str | Path = "evidence",
    criteria: list[str] | None = None,
) -> float:
    """Points for a saved live chat, re-assessed from the learner's words.

    Every saved attempt at ``chat-<scenario>`` is assessed again; the best counts. The share of
    ``criteria`` met (all that apply when None) gives the share of ``points``; any data
    protection breach caps the score at half.
    """

    def work() -> float:
        from coursework_kit.chat import assess_transcript

        chat, attempts = _saved_chats(scenario, points, folder)
        if not attempts:
            return 0.0
        best = 0.0
        for attempt in attempts:
            report = assess_transcript(_turns(attempt), scenario=chat)
            wanted = [report.criteria[k] for k in (criteria or report.criteria)]
            applicable = [c for c in wanted if c.met is not None]
            share = sum(bool(c.met) for c in applicable) / len(applicable) if applicable else 0
            if any(f.kind == "data_protection" for f in report.findings):
                share = min(share, 0.5)
            best = max(best, share * points)
        print(f"{best:g} / {points:g} for the chat '{chat.title}', from your own words.")
        return best

    return _safely(points, work)


def score_crm(scenario: str, *, points: float, folder: str | Path = "evidence") -> float:
    """Points for the CRM record saved with a live chat, checked again against that chat.

    Full points for a complete record that agrees with the transcript; half for a record with
    one thing missing or wrong; otherwise 0. The best saved attempt counts.
    """

    def work() -> float:
        from coursework_kit.chat.crm import check_crm

        chat, attempts = _saved_chats(scenario, points, folder)
        recorded = [a for a in attempts if a.data.get("crm")]
        if attempts and not recorded:
            print(f"0 / {points:g}: the chat was saved without a CRM record.")
        best, problems = 0.0, ["no CRM record was saved"]
        for attempt in recorded:
            check = check_crm(attempt.data["crm"], _turns(attempt), scenario=chat)
            issues = check.missing + check.disagreements
            earned = points if not issues else points / 2 if len(issues) == 1 else 0.0
            if earned >= best:
                best, problems = earned, issues
        if recorded:
            why = "complete and agrees with the chat" if not problems else "; ".join(problems)
            print(f"{best:g} / {points:g} for the CRM record: {why}")
        return best

    return _safely(points, work)


def score_templates(scenario: str, *, points: float, folder: str | Path = "evidence") -> float:
    """Points for using pre-written responses and making them the customer's own.

    Full points when at least one reply in a saved chat was built from a pre-written response
    and every such reply was personalised; half when one was sent with a placeholder left in or
    word for word; 0 when none was used. The best saved attempt counts.
    """

    def work() -> float:
        from coursework_kit.chat.knowledge import template_behind

        _, attempts = _saved_chats(scenario, points, folder)
        best, why = 0.0, "no pre-written response was used"
        for attempt in attempts:
            uses = [
                use
                for speaker, text, _ in _turns(attempt)
                if speaker == "agent" and (use := template_behind(text)) is not None
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
        if attempts:
            print(f"{best:g} / {points:g} for pre-written responses: {why}.")
        return best

    return _safely(points, work)
