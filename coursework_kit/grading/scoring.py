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

__all__ = ["score_choice", "score_numeric", "score_transcript"]


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
        from coursework_kit.chat import assess_transcript, load_scenario
        from coursework_kit.errors import CourseworkError
        from coursework_kit.evidence import Evidence

        chat = load_scenario(scenario)
        store = Evidence(f"chat-{scenario}", folder=Path(folder))
        try:
            attempts = store.attempts()
        except CourseworkError:
            print(f"0 / {points:g}: the saved chat could not be read. Ask your tutor.")
            return 0.0
        if not attempts:
            print(f"0 / {points:g}: no saved chat was found for '{chat.title}'.")
            return 0.0
        best = 0.0
        for attempt in attempts:
            turns = [(t["speaker"], t["text"], t.get("at")) for t in attempt.data.get("turns", [])]
            if not any(speaker == "agent" for speaker, _, _ in turns):
                continue
            report = assess_transcript(turns, scenario=chat)
            wanted = [report.criteria[k] for k in (criteria or report.criteria)]
            applicable = [c for c in wanted if c.met is not None]
            share = sum(bool(c.met) for c in applicable) / len(applicable) if applicable else 0
            if any(f.kind == "data_protection" for f in report.findings):
                share = min(share, 0.5)
            best = max(best, share * points)
        print(f"{best:g} / {points:g} for the chat '{chat.title}', from your own words.")
        return best

    return _safely(points, work)
