"""Answer keys: what each check cell marks, kept in tutor-only files outside the notebooks.

An assignment's key is ``<course>/keys/<assignment>.yaml``. nbgrader releases only what is in
``source/``, and generated feedback shows only the notebook, so neither a release nor feedback
contains a key. A check cell in the notebook is just a declaration (its grade id, points and
criteria); the key says, for that grade id, which parts make up its points::

    figures: unit6                 # the figure set in coursework_kit.tutor.grading.figures
    checks:
      task3-check:
        - numeric: bounce_answer   # the learner's variable
          figure: bounce_rate      # the right answer, from the learner's own figures
          points: 3
          tolerance: 0.05          # optional: by default, the rule every self-check uses
          label: bounce rate
      task5-check:
        - {choice: refund_choice, expected: a, points: 1, label: refund decision}
      task6-tone:
        - {chat: late-refund, criteria: [empathy, positive_language], points: 3}
      task6-crm:
        - {crm: late-refund, points: 1}
      task6-templates:
        - {templates: late-refund, points: 1}

A choice's right letter is ``expected`` or, when it depends on the learner's figures, a
``figure``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from coursework_kit.errors import CourseworkError

__all__ = ["AnswerKey", "Part", "key_path", "load_key"]

Kind = Literal["numeric", "choice", "chat", "crm", "templates"]
_KINDS: tuple[Kind, ...] = ("numeric", "choice", "chat", "crm", "templates")
_FIELDS = {"points", "label", "figure", "expected", "tolerance", "criteria"}


@dataclass(frozen=True)
class Part:
    """One marked part of a check: ``subject`` is the learner's variable (numeric, choice) or
    the chat's scenario (chat, crm, templates)."""

    kind: Kind
    subject: str
    points: float
    label: str = "answer"
    figure: str | None = None
    expected: str | None = None
    tolerance: float | None = None
    criteria: tuple[str, ...] | None = None


@dataclass(frozen=True)
class AnswerKey:
    """Every check cell's parts for one assignment."""

    assignment: str
    figures: str | None
    checks: Mapping[str, tuple[Part, ...]]

    @property
    def answers(self) -> tuple[str, ...]:
        """The learner's variables the key reads, in the order they are first used."""
        return tuple(
            dict.fromkeys(
                p.subject
                for parts in self.checks.values()
                for p in parts
                if p.kind in ("numeric", "choice")
            )
        )

    def points(self, grade_id: str) -> float:
        return sum(p.points for p in self.checks.get(grade_id, ()))


def key_path(course: str | Path, assignment: str) -> Path:
    return Path(course) / "keys" / f"{assignment}.yaml"


def _part(where: str, raw: Any) -> Part:
    if not isinstance(raw, Mapping):
        raise CourseworkError(f"{where}: each part should be a mapping, not {raw!r}.")
    kinds = [k for k in _KINDS if k in raw]
    if len(kinds) != 1:
        raise CourseworkError(f"{where}: say exactly one of {', '.join(_KINDS)}.")
    kind = kinds[0]
    unknown = set(raw) - _FIELDS - {kind}
    if unknown:
        raise CourseworkError(f"{where}: {sorted(unknown)[0]!r} is not a field of an answer key.")
    points = raw.get("points")
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
        raise CourseworkError(f"{where}: points should be a number above 0.")
    subject = raw[kind]
    if not isinstance(subject, str) or not subject.strip():
        raise CourseworkError(f"{where}: {kind} should name a variable or a scenario.")
    if kind == "numeric" and not raw.get("figure"):
        raise CourseworkError(f"{where}: a numeric part needs the figure it is marked against.")
    if kind == "choice" and not (raw.get("figure") or raw.get("expected")):
        raise CourseworkError(f"{where}: a choice part needs its right letter (expected).")
    criteria = raw.get("criteria")
    if criteria is not None and (
        not isinstance(criteria, list) or not all(isinstance(c, str) for c in criteria)
    ):
        raise CourseworkError(f"{where}: criteria should be a list of chat criteria.")
    return Part(
        kind=kind,
        subject=subject,
        points=float(points),
        label=str(raw.get("label") or "answer"),
        figure=raw.get("figure"),
        expected=None if raw.get("expected") is None else str(raw["expected"]),
        tolerance=float(raw["tolerance"]) if "tolerance" in raw else None,
        criteria=None if criteria is None else tuple(criteria),
    )


def load_key(course: str | Path, assignment: str) -> AnswerKey:
    """The answer key for ``assignment`` in the course folder ``course``."""
    from coursework_kit.datasets import load_yaml

    path = key_path(course, assignment)
    if not path.is_file():
        raise CourseworkError(
            f"There is no answer key for {assignment!r}: {path} is missing. Every assessed "
            "assignment needs one in the course folder's keys/ folder."
        )
    try:
        raw = load_yaml(path.resolve())
    except CourseworkError as exc:
        raise CourseworkError(f"The answer key {path} could not be read: {exc}") from exc
    if not isinstance(raw, Mapping) or not isinstance(raw.get("checks"), Mapping):
        raise CourseworkError(f"The answer key {path} should have a 'checks' mapping.")
    checks: dict[str, tuple[Part, ...]] = {}
    for grade_id, parts in raw["checks"].items():
        if not isinstance(parts, list) or not parts:
            raise CourseworkError(f"{path}, {grade_id}: list the parts that make up its points.")
        checks[str(grade_id)] = tuple(
            _part(f"{path}, {grade_id}, part {n}", p) for n, p in enumerate(parts, 1)
        )
    figures = raw.get("figures")
    return AnswerKey(assignment, None if figures is None else str(figures), checks)
