"""The quiz widget: every question with its choices, a Check button, feedback and a score.

Marking lives in :mod:`.bank` and :mod:`.assess`; the answers are a :class:`.QuizRecord`,
saved to ``evidence/quiz-<bank>.json`` within a second of each change. A new ``Quiz`` on the
same folder (after a kernel restart, say) reopens the learner's latest answers.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._ui.layout import fit_width
from coursework_kit._ui.snippets import CHOICE_STYLE, alert, status
from coursework_kit.errors import QuizError
from coursework_kit.quiz.assess import results
from coursework_kit.quiz.bank import Question, QuestionResult, QuizBank, load_bank
from coursework_kit.quiz.record import QuizCheck, QuizRecord, QuizWork
from coursework_kit.records import ActivitySession, Mode, now

__all__ = ["Quiz"]


class _QuestionView:
    def __init__(self, number: int, question: Question, on_check: Any, on_change: Any) -> None:
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
            for box in self.boxes:
                box.observe(lambda _c: on_change(), names="value")
        else:
            self.boxes = []
            self.picker = w.RadioButtons(options=choices, value=None, layout=w.Layout(width="auto"))
            self.picker.observe(lambda _c: on_change(), names="value")
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
    """A quiz from a YAML bank; answers are saved as evidence beside the notebook.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment); it is saved with the
    answers so a tutor can tell them apart.
    """

    def __init__(
        self,
        bank: str | Path | QuizBank,
        *,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        self.bank = bank if isinstance(bank, QuizBank) else load_bank(bank)
        self._saved = w.HTML()
        self.session = ActivitySession(
            QuizRecord, self.bank.id, folder=folder, mode=mode, notify=self._show_saved
        )
        self._checks: tuple[QuizCheck, ...] = ()
        self._restoring = False
        self.results: dict[str, QuestionResult] = {}
        self._views = {
            q.id: _QuestionView(i, q, self.check, self._changed)
            for i, q in enumerate(self.bank.questions, start=1)
        }
        self._score = w.HTML()
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
        if self.session.resumed is not None:
            self._restore(self.session.resumed.work)
        self._show_score()
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    # -- user actions ---------------------------------------------------------------------------

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
        self._checks = (*self._checks, QuizCheck(question_id, result.chosen, now()))
        self.session.update(self.work)
        self.session.flush()  # a check is a moment the learner will want kept at once
        self._show_score()
        return result

    def reset(self) -> None:
        """Clear every answer and start a new attempt (earlier attempts stay saved)."""
        self.session.start_again()
        self._restoring = True
        try:
            for view in self._views.values():
                view.clear()
        finally:
            self._restoring = False
        self.results, self._checks = {}, ()
        self._show_score()
        self._saved.value = ""

    # -- what the learner has done --------------------------------------------------------------

    @property
    def work(self) -> QuizWork:
        """The answers as they stand: what is chosen now and every check made."""
        chosen = {qid: tuple(v.chosen()) for qid, v in self._views.items() if v.chosen()}
        return QuizWork(chosen=chosen, checks=self._checks)

    @property
    def score(self) -> tuple[int, int]:
        """(questions right at their latest check, questions in the quiz)."""
        return sum(r.correct for r in self.results.values()), len(self.bank.questions)

    def feedback(self, question_id: str) -> str:
        """The feedback shown under a question (HTML), as a screen reader would be given it."""
        return str(self._view(question_id).feedback.value)

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    # -- inside ---------------------------------------------------------------------------------

    def _view(self, question_id: str) -> _QuestionView:
        if question_id not in self._views:
            raise QuizError(
                f"There is no question {question_id!r} in this quiz; its questions "
                f"are {', '.join(self._views)}."
            )
        return self._views[question_id]

    def _changed(self) -> None:
        if not self._restoring:
            self.session.update(self.work)

    def _restore(self, work: QuizWork) -> None:
        self._checks = work.checks
        self._restoring = True
        try:
            for question_id, chosen in work.chosen.items():
                view = self._views.get(question_id)
                if view is not None:
                    try:
                        view.choose(chosen)
                    except QuizError:
                        continue  # the bank has changed since: leave that question blank
        finally:
            self._restoring = False
        self.results = results(work, self.bank)
        for question_id, result in self.results.items():
            self._views[question_id].feedback.value = result._repr_html_()

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)

    def _show_score(self) -> None:
        right, total = self.score
        self._score.value = status(f"Score: {right} out of {total}.")
