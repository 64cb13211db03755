"""Quizzes every unit can use: single choice, multiple choice and true/false, from YAML.

``Quiz`` (the widget) loads ipywidgets only when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursework_kit.quiz.assess import assess
from coursework_kit.quiz.bank import Option, Question, QuestionResult, QuizBank, load_bank
from coursework_kit.quiz.record import QuizCheck, QuizRecord, QuizWork

if TYPE_CHECKING:
    from coursework_kit.quiz.widget import Quiz

__all__ = [
    "Option",
    "Question",
    "QuestionResult",
    "Quiz",
    "QuizBank",
    "QuizCheck",
    "QuizRecord",
    "QuizWork",
    "assess",
    "load_bank",
]


def __getattr__(name: str) -> Any:
    if name == "Quiz":
        from coursework_kit.quiz.widget import Quiz

        return Quiz
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
