"""Quizzes every unit can use: single choice, multiple choice and true/false, from YAML.

``Quiz`` (the widget) loads ipywidgets only when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
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


_WIDGETS = {
    "Quiz": "coursework_kit.quiz.widget",
}

__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
