"""Matching and sorting activities, and case studies, loaded from ``datasets/planning/``.

A matching activity is a list of items (a campaign, a business, a customer interaction, a
digital factor) and a list of choices to match each one to (an objective, a revenue model,
a customer expectation, a PESTLE heading). Each item carries its right answer, a hint for a
wrong answer that does not give the answer away, and feedback that explains it. The files are
YAML, checked against ``activity.schema.json``; case studies against ``case_study.schema.json``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from coursework_kit.errors import DatasetError

__all__ = [
    "Activity",
    "ActivityItem",
    "ActivityResult",
    "CaseStudy",
    "ItemResult",
    "activity_ids",
    "load_activity",
    "load_case_studies",
]

_FOLDER = "planning/activities"


@dataclass(frozen=True)
class ActivityItem:
    """One thing to match: its text, the right choice, a hint and an explanation."""

    id: str
    text: str
    answer: str
    hint: str
    feedback: str


@dataclass(frozen=True)
class ItemResult:
    """How one item went: right or not yet, and what to tell the learner."""

    item: ActivityItem
    chosen: str | None
    correct: bool
    message: str


@dataclass(frozen=True)
class ActivityResult:
    """The marking of a whole activity: one result per item, in order."""

    activity: Activity
    items: tuple[ItemResult, ...]

    @property
    def score(self) -> tuple[int, int]:
        """(items right, items in the activity)."""
        return sum(r.correct for r in self.items), len(self.items)

    def __repr__(self) -> str:
        right, total = self.score
        return f"ActivityResult({self.activity.id!r}: {right} of {total} right)"

    def _repr_html_(self) -> str:
        right, total = self.score
        rows = "".join(
            f"<li><strong>{'✔' if r.correct else '✘ Not yet:'}</strong> "
            f"{html.escape(r.item.text)}<br>{html.escape(r.message)}</li>"
            for r in self.items
        )
        return f"<div role='status'><p>{right} of {total} right.</p><ul>{rows}</ul></div>"


@dataclass(frozen=True)
class Activity:
    """A matching or sorting activity: items, the choices for each, and the marking."""

    id: str
    title: str
    introduction: str
    source: str
    choices: tuple[tuple[str, str], ...]  # (id, label)
    items: tuple[ActivityItem, ...]

    def label(self, choice: str) -> str:
        """The words shown for a choice id."""
        return dict(self.choices)[choice]

    def item(self, item_id: str) -> ActivityItem:
        """The item with id ``item_id``."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise DatasetError(
            f"Activity {self.id!r} has no item {item_id!r}; its items are "
            f"{', '.join(i.id for i in self.items)}."
        )

    def mark_item(self, item_id: str, chosen: str | None) -> ItemResult:
        """Mark one answer (a choice id, or None if nothing was chosen)."""
        item = self.item(item_id)
        if chosen is None or chosen == "":
            return ItemResult(item, None, False, "Choose an answer for this one.")
        if chosen not in dict(self.choices):
            raise DatasetError(
                f"{chosen!r} is not a choice in {self.id!r}; the choices are "
                f"{', '.join(c for c, _ in self.choices)}."
            )
        if chosen == item.answer:
            return ItemResult(item, chosen, True, item.feedback)
        return ItemResult(item, chosen, False, f'You chose "{self.label(chosen)}". {item.hint}')

    def mark(self, answers: Mapping[str, str | None]) -> ActivityResult:
        """Mark every item; items missing from ``answers`` count as not answered."""
        unknown = sorted(set(answers) - {i.id for i in self.items})
        if unknown:
            raise DatasetError(f"Activity {self.id!r} has no item(s) {', '.join(unknown)}.")
        return ActivityResult(
            self, tuple(self.mark_item(i.id, answers.get(i.id)) for i in self.items)
        )

    def __repr__(self) -> str:
        return f"Activity({self.id!r}: {len(self.items)} items, {len(self.choices)} choices)"


def activity_ids() -> list[str]:
    """The ids of every activity shipped under ``datasets/planning/activities/``."""
    from coursework_kit.datasets import data_dir

    return sorted(p.stem for p in (data_dir() / _FOLDER).glob("*.yaml"))


def load_activity(activity_id: str) -> Activity:
    """Load and check an activity by id (for example "revenue-models")."""
    from coursework_kit.datasets._shipped import load_shipped

    if activity_id not in activity_ids():
        raise DatasetError(
            f"There is no activity {activity_id!r}; choose one of: {', '.join(activity_ids())}."
        )
    raw = load_shipped(f"{_FOLDER}/{activity_id}.yaml", schema="planning/activity.schema.json")
    choices = tuple((c["id"], c["label"]) for c in raw["choices"])
    items = tuple(ActivityItem(**item) for item in raw["items"])
    choice_ids = [c for c, _ in choices]
    item_ids = [i.id for i in items]
    if raw["id"] != activity_id:
        raise DatasetError(f"{activity_id}.yaml says its id is {raw['id']!r}; they must match.")
    for ids, what in ((choice_ids, "choice"), (item_ids, "item")):
        if len(set(ids)) != len(ids):
            raise DatasetError(f"{activity_id}.yaml has two {what}s with the same id.")
    for item in items:
        if item.answer not in choice_ids:
            raise DatasetError(
                f"{activity_id}.yaml: the answer {item.answer!r} of item {item.id!r} is not "
                "one of the choices."
            )
    return Activity(raw["id"], raw["title"], raw["introduction"], raw["source"], choices, items)


@dataclass(frozen=True)
class CaseStudy:
    """A short story of digital innovation at a fictional business, with questions to answer."""

    id: str
    title: str
    business: str
    technology: str
    story: tuple[str, ...]
    questions: tuple[str, ...]

    def __repr__(self) -> str:
        return f"CaseStudy({self.id!r}: {self.title})"

    def _repr_html_(self) -> str:
        story = "".join(f"<p>{html.escape(p)}</p>" for p in self.story)
        questions = "".join(f"<li>{html.escape(q)}</li>" for q in self.questions)
        return (
            f"<div><h4>{html.escape(self.title)}</h4><p><em>{html.escape(self.business)} "
            f"(a made-up business). Innovation: {html.escape(self.technology)}.</em></p>"
            f"{story}<p><strong>Questions to answer:</strong></p><ol>{questions}</ol></div>"
        )


def load_case_studies() -> tuple[CaseStudy, ...]:
    """Every case study in ``datasets/planning/case_studies.yaml``, checked on load."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("planning/case_studies.yaml", schema="planning/case_study.schema.json")
    studies = tuple(
        CaseStudy(
            c["id"],
            c["title"],
            c["business"],
            c["technology"],
            tuple(c["story"]),
            tuple(c["questions"]),
        )
        for c in raw["case_studies"]
    )
    ids = [s.id for s in studies]
    if len(set(ids)) != len(ids):
        raise DatasetError("case_studies.yaml has two case studies with the same id.")
    return studies
