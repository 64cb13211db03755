"""Quiz questions as data: load a YAML bank, check it makes sense, and mark answers.

A bank is a YAML file checked against ``datasets/quizzes/quiz.schema.json``. Beyond the schema,
each question must be answerable: a single-choice or true/false question has exactly one
correct option, a multiple-choice question at least one, and option ids are unique.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coursework_kit._english import after_verdict, count
from coursework_kit.errors import DatasetError, QuizError, find_by_id

__all__ = ["Option", "Question", "QuestionResult", "QuizBank", "load_bank"]


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "single", "multiple" or "true_false"
    prompt: str
    options: tuple[Option, ...]
    explanation: str = ""

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)

    def option(self, option_id: str) -> Option:
        missing = f"Question {self.id!r} has no option {{wanted}}; its options are {{ids}}."
        return find_by_id(self.options, option_id, QuizError, missing)

    def mark(self, chosen: Iterable[str]) -> QuestionResult:
        """Mark the chosen option ids, with the feedback for each one chosen."""
        picked = tuple(dict.fromkeys(chosen))
        options = [self.option(c) for c in picked]
        if not picked:
            raise QuizError("Choose an answer before checking it.")
        if self.kind != "multiple" and len(picked) > 1:
            raise QuizError(f"Question {self.id!r} takes one answer; {len(picked)} were chosen.")
        right = frozenset(picked) == self.correct_ids
        found = len(frozenset(picked) & self.correct_ids)
        return QuestionResult(self, picked, right, tuple(o.feedback for o in options), found)


@dataclass(frozen=True)
class QuestionResult:
    """How one answer went: right or not, and the feedback on each option chosen."""

    question: Question
    chosen: tuple[str, ...]
    correct: bool
    feedback: tuple[str, ...]
    found: int

    @property
    def summary(self) -> str:
        if self.correct:
            return "Right."
        total = len(self.question.correct_ids)
        if self.question.kind == "multiple":
            wrong = len(self.chosen) - self.found
            extra = f" and {wrong} that {'is' if wrong == 1 else 'are'} not right" if wrong else ""
            return f"Not yet: you found {self.found} of the {count(total, 'right answer')}{extra}."
        return "Not yet."

    def __repr__(self) -> str:
        said = (after_verdict(self.summary, f) for f in self.feedback)
        return " ".join([f"{self.question.id}: {self.summary}", *filter(None, said)])

    def _repr_html_(self) -> str:
        items = "".join(
            f"<li><em>{html.escape(self.question.option(c).text)}</em>: "
            f"{html.escape(after_verdict(self.summary, f) or f)}</li>"
            for c, f in zip(self.chosen, self.feedback, strict=False)
        )
        extra = (
            f"<p>{html.escape(self.question.explanation)}</p>"
            if self.correct and self.question.explanation
            else ""
        )
        return f"<div role='status'><strong>{self.summary}</strong><ul>{items}</ul>{extra}</div>"


@dataclass(frozen=True)
class QuizBank:
    id: str
    title: str
    unit: int
    questions: tuple[Question, ...]
    introduction: str = ""

    def question(self, question_id: str) -> Question:
        missing = "There is no question {wanted}; its questions are {ids}."
        return find_by_id(self.questions, question_id, QuizError, missing)


def _check_sense(bank: QuizBank, source: str) -> None:
    ids = [q.id for q in bank.questions]
    if len(set(ids)) != len(ids):
        raise DatasetError(f"{source}: two questions share an id.")
    for q in bank.questions:
        option_ids = [o.id for o in q.options]
        if len(set(option_ids)) != len(option_ids):
            raise DatasetError(f"{source}: question {q.id!r} has two options with the same id.")
        right = len(q.correct_ids)
        if q.kind in ("single", "true_false") and right != 1:
            raise DatasetError(
                f"{source}: question {q.id!r} is {q.kind} but has {right} correct options; "
                "it needs exactly one."
            )
        if q.kind == "multiple" and right < 1:
            raise DatasetError(f"{source}: question {q.id!r} has no correct option.")
        if q.kind == "true_false" and sorted(option_ids) != ["false", "true"]:
            raise DatasetError(
                f"{source}: true/false question {q.id!r} needs two options, ids 'true' and 'false'."
            )


def load_bank(name_or_path: str | Path) -> QuizBank:
    """Load a quiz: a bank name under ``datasets/quizzes/`` (e.g. "unit1-measuring") or a path."""
    from coursework_kit.datasets._shipped import load_shipped

    path = Path(name_or_path)
    relative: str | Path = path if path.suffix else f"quizzes/{name_or_path}.yaml"
    if isinstance(relative, Path) and not path.is_absolute():
        relative = path.resolve()
    raw = load_shipped(relative, schema="quizzes/quiz.schema.json")
    questions = tuple(
        Question(
            id=q["id"],
            kind=q["kind"],
            prompt=q["prompt"],
            explanation=q.get("explanation", ""),
            options=tuple(Option(**o) for o in q["options"]),
        )
        for q in raw["questions"]
    )
    bank = QuizBank(raw["id"], raw["title"], raw["unit"], questions, raw.get("introduction", ""))
    _check_sense(bank, str(name_or_path))
    return bank
