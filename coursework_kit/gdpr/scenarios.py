"""The bank of data protection, ePrivacy and consumer-law decision scenarios.

Files under ``datasets/gdpr/scenarios/`` (one per topic) are checked against
``datasets/gdpr/scenario.schema.json`` and for sense: ids are unique across the bank, each
scenario's choice ids are unique, and the best answer is one of its choices. A scenario whose
answer is a date names its nation (bank holidays differ) and each deadline in its best answer;
:func:`coursework_kit.gdpr._dated.date_problems` works those out again with the kit's own
deadline functions (the tests run it over the whole bank).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache

from coursework_kit.errors import DatasetError, GdprInputError

__all__ = ["Choice", "DecisionResult", "DecisionScenario", "ScenarioDeadline", "load_decisions"]


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class ScenarioDeadline:
    """A deadline the best answer gives: the rule ("subject-access" or "breach-72-hours"),
    when the clock starts (an ISO date, or date and time in UK local time), and the due date
    (or date and time) the data says."""

    rule: str
    start: str
    due: str
    extended: bool = False


@dataclass(frozen=True)
class DecisionResult:
    """How one decision went: right or not, the feedback, the rule and its source."""

    scenario: DecisionScenario
    chosen: str
    correct: bool
    reasoning: str

    @property
    def feedback(self) -> str:
        return self.scenario.choice(self.chosen).feedback

    def _repr_html_(self) -> str:
        s = self.scenario
        head = (
            "You chose the best answer."
            if self.correct
            else (f"Not the best choice. The best answer is: {html.escape(s.choice(s.best).text)}")
        )
        note = (
            f"<p><em>What changed in 2025:</em> {html.escape(s.duaa_note)}</p>"
            if (s.duaa_note)
            else ""
        )
        return (
            f"<div role='status'><p><strong>{head}</strong></p>"
            f"<p>{html.escape(self.feedback)}</p><p><strong>The rule:</strong> "
            f"{html.escape(s.why)}</p>{note}<p><small>Source: {html.escape(s.source)}. "
            f"Reflects {html.escape(s.reflects)}.</small></p></div>"
        )


@dataclass(frozen=True)
class DecisionScenario:
    id: str
    topic: str
    units: tuple[int, ...]
    criterion: str
    situation: str
    question: str
    choices: tuple[Choice, ...]
    best: str
    why: str
    source: str
    reflects: str
    duaa_note: str = ""
    nation: str = ""  # where a dated scenario happens: england, wales, scotland...
    deadlines: tuple[ScenarioDeadline, ...] = ()

    def choice(self, choice_id: str) -> Choice:
        for c in self.choices:
            if c.id == choice_id:
                return c
        raise GdprInputError(
            f"{choice_id!r} is not one of the choices; choose one of: "
            f"{', '.join(c.id for c in self.choices)}."
        )

    def decide(self, choice_id: str, reasoning: str = "") -> DecisionResult:
        """Mark a decision (and keep the learner's reasoning with it)."""
        self.choice(choice_id)
        return DecisionResult(self, choice_id, choice_id == self.best, reasoning.strip())


def _squash(text: str) -> str:
    return " ".join(text.split())


@cache
def _bank() -> tuple[DecisionScenario, ...]:
    from coursework_kit.datasets import data_dir
    from coursework_kit.datasets._shipped import load_shipped

    scenarios: list[DecisionScenario] = []
    for path in sorted((data_dir() / "gdpr" / "scenarios").glob("*.yaml")):
        raw = load_shipped(f"gdpr/scenarios/{path.name}", schema="gdpr/scenario.schema.json")
        for s in raw["scenarios"]:
            ids = [c["id"] for c in s["choices"]]
            if len(set(ids)) != len(ids):
                raise DatasetError(f"{path.name}: scenario {s['id']!r} repeats a choice id.")
            if s["best"] not in ids:
                raise DatasetError(
                    f"{path.name}: scenario {s['id']!r} has best answer "
                    f"{s['best']!r}, which is not one of its choices."
                )
            scenarios.append(
                DecisionScenario(
                    id=s["id"],
                    topic=raw["topic"],
                    units=tuple(s["units"]),
                    criterion=_squash(s["criterion"]),
                    situation=_squash(s["situation"]),
                    question=_squash(s["question"]),
                    choices=tuple(
                        Choice(c["id"], _squash(c["text"]), _squash(c["feedback"]))
                        for c in s["choices"]
                    ),
                    best=s["best"],
                    why=_squash(s["why"]),
                    source=_squash(s["source"]),
                    reflects=raw["reflects"],
                    duaa_note=_squash(s.get("duaa_note", "")),
                    nation=s.get("dates", {}).get("nation", ""),
                    deadlines=tuple(
                        ScenarioDeadline(
                            d["rule"], d["from"], d["due"], bool(d.get("extended", False))
                        )
                        for d in s.get("dates", {}).get("deadlines", [])
                    ),
                )
            )
    ids = [s.id for s in scenarios]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise DatasetError(f"Scenario ids used more than once: {', '.join(repeated)}.")
    return tuple(scenarios)


def load_decisions(
    *, topics: list[str] | None = None, unit: int | None = None
) -> list[DecisionScenario]:
    """The scenarios, optionally only some topics (file names) or those serving one unit."""
    bank = _bank()
    known = sorted({s.topic for s in bank})
    for topic in topics or []:
        if topic not in known:
            raise GdprInputError(
                f"There is no topic {topic!r}; the topics are: {', '.join(known)}."
            )
    return [
        s for s in bank if (not topics or s.topic in topics) and (unit is None or unit in s.units)
    ]
