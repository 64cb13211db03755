"""The quiz widget: every question with its choices, a Check button, feedback and a score.

Marking lives in :mod:`.bank`; answers are saved through :mod:`coursework_kit.evidence` to
``evidence/quiz-<bank>.json`` each time the learner checks one.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._display import CHOICE_STYLE, alert, fit_width, save_evidence, status
from coursework_kit.errors import QuizError
from coursework_kit.evidence import Evidence
from coursework_kit.quiz.bank import Question, QuestionResult, QuizBank, load_bank

__all__ = ["Quiz"]


class _QuestionView:
    def __init__(self, number: int, question: Question, on_check: Any) -> None:
        self.question = question
        choices = [(o.text, o.id) for o in question.options]
        prompt = f"{number}. {question.prompt}"
        if question.kind == "multiple":
            prompt += " (Choose all that apply.)"
            self.boxes = [
                w.Checkbox(
                    value=False, description=text, indent=False, layout=w.Layout(width="auto")
                )
                for text, _ in choices
            ]
            self.picker: w.Widget = w.VBox(self.boxes)
        else:
            self.boxes = []
            self.picker = w.RadioButtons(options=choices, value=None, layout=w.Layout(width="auto"))
        self.button = w.Button(
            description="Check answer", tooltip=f"Check your answer to question {number}"
        )
        self.button.on_click(lambda _b: on_check(question.id))
        self.feedback = w.HTML()
        self.picker.add_class("ck-choices")
        self.box = w.VBox(
            [
                w.HTML(f"<p><strong>{html.escape(prompt)}</strong></p>"),
                self.picker,
                self.button,
                self.feedback,
            ]
        )

    def chosen(self) -> list[str]:
        if self.boxes:
            return [
                o.id for o, box in zip(self.question.options, self.boxes, strict=False) if box.value
            ]
        return [] if self.picker.value is None else [str(self.picker.value)]

    def clear(self) -> None:
        for box in self.boxes:
            box.value = False
        if not self.boxes:
            self.picker.value = None
        self.feedback.value = ""

    def choose(self, option_ids: tuple[str, ...]) -> None:
        for option_id in option_ids:
            self.question.option(option_id)  # unknown ids fail before anything changes
        if self.boxes:
            for option, box in zip(self.question.options, self.boxes, strict=False):
                box.value = option.id in option_ids
        elif len(option_ids) != 1:
            raise QuizError(f"Question {self.question.id!r} takes exactly one answer.")
        else:
            self.picker.value = option_ids[0]


class Quiz(w.VBox):  # type: ignore[misc]
    """A quiz from a YAML bank; answers are saved as evidence beside the notebook."""

    def __init__(self, bank: str | Path | QuizBank, *, folder: str | Path | None = None) -> None:
        self.bank = bank if isinstance(bank, QuizBank) else load_bank(bank)
        self.evidence = (
            Evidence(f"quiz-{self.bank.id}")
            if folder is None
            else Evidence(f"quiz-{self.bank.id}", folder=Path(folder))
        )
        self._attempt = self.evidence.next_attempt()
        self._checks: list[dict[str, Any]] = []
        self.results: dict[str, QuestionResult] = {}
        self._views = {
            q.id: _QuestionView(i, q, self.check)
            for i, q in enumerate(self.bank.questions, start=1)
        }
        self._score = w.HTML()
        self._saved = w.HTML()
        self._reset = w.Button(
            description="Start again", tooltip="Clear your answers and start again"
        )
        self._reset.on_click(lambda _b: self.reset())
        intro = f"<h3>{html.escape(self.bank.title)}</h3>"
        if self.bank.introduction:
            intro += f"<p>{html.escape(self.bank.introduction)}</p>"
        super().__init__(
            [
                w.HTML(CHOICE_STYLE + intro),
                *(v.box for v in self._views.values()),
                self._score,
                self._saved,
                self._reset,
            ]
        )
        self.add_class("ck-quiz")
        fit_width(self)
        self._show_score()

    def select(self, question_id: str, *option_ids: str) -> None:
        """Choose option(s) for a question, as clicking them would."""
        self._view(question_id).choose(option_ids)

    def check(self, question_id: str) -> QuestionResult | None:
        """Press "Check answer" for a question: show feedback, update the score, save evidence."""
        view = self._view(question_id)
        try:
            result = view.question.mark(view.chosen())
        except QuizError as exc:
            view.feedback.value = alert(str(exc))
            return None
        view.feedback.value = result._repr_html_()
        self.results[question_id] = result
        self._checks.append(
            {
                "question": question_id,
                "chosen": list(result.chosen),
                "correct": result.correct,
                "at": datetime.now().astimezone().isoformat(timespec="seconds"),
            }
        )
        self._save()
        self._show_score()
        return result

    @property
    def score(self) -> tuple[int, int]:
        """(questions right at their latest check, questions in the quiz)."""
        return sum(r.correct for r in self.results.values()), len(self.bank.questions)

    def reset(self) -> None:
        """Clear every answer and start a new attempt (earlier attempts stay saved)."""
        for view in self._views.values():
            view.clear()
        self.results, self._checks = {}, []
        self._attempt = self.evidence.next_attempt()
        self._show_score()
        self._saved.value = ""

    def _view(self, question_id: str) -> _QuestionView:
        if question_id not in self._views:
            raise QuizError(
                f"There is no question {question_id!r} in this quiz; its questions "
                f"are {', '.join(self._views)}."
            )
        return self._views[question_id]

    def _save(self) -> None:
        right, total = self.score
        data = {"quiz": self.bank.id, "score": right, "out_of": total, "checks": self._checks}
        outcome, self._saved.value = save_evidence(self.evidence, self._attempt, data)
        if outcome:
            self._attempt = outcome.attempt

    def _show_score(self) -> None:
        right, total = self.score
        self._score.value = status(f"Score: {right} out of {total}.")
