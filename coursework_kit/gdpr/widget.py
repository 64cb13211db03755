"""Widgets for data protection and ePrivacy: the decision scenarios, one at a time.

The three tools an adviser or marketer would use (marketing permission, subject-access
deadline, breach decision) are in :mod:`.calculator` and can be imported from here too.

Thin by design: marking is in :mod:`.scenarios` and :mod:`.assess`; the learner's decisions
are a :class:`.DecisionRecord`, saved to ``evidence/gdpr-decisions-unit<n>.json`` within a
second of each change. A new ``ScenarioQuiz`` on the same folder (after a kernel restart, say)
reopens on the same scenario with every choice and all the reasoning typed, checked or not.
Each user action is a method, so tests drive the widget without a browser.
"""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

import ipywidgets as w

from coursework_kit._english import count
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import CHOICE_STYLE, alert, status
from coursework_kit.errors import CourseworkError
from coursework_kit.gdpr.assess import REASONING_TIP, results
from coursework_kit.gdpr.calculator import (
    AccessDeadlineCalculator,
    BreachHelper,
    MarketingPermissionChecker,
)
from coursework_kit.gdpr.record import (
    KEEP_CHECKS,
    Decision,
    DecisionCheck,
    DecisionRecord,
    DecisionWork,
)
from coursework_kit.gdpr.scenarios import DecisionResult, DecisionScenario, load_decisions
from coursework_kit.records import ActivitySession, Mode, now

__all__ = ["AccessDeadlineCalculator", "BreachHelper", "MarketingPermissionChecker", "ScenarioQuiz"]

_STYLE = {"description_width": "initial"}


class ScenarioQuiz(w.VBox):  # type: ignore[misc]
    """Decision scenarios one at a time: choose, say why, get feedback citing the rule.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment); it is saved with the
    decisions. ``folder`` is where the evidence is kept (``evidence/`` beside the notebook).
    """

    def __init__(
        self,
        *,
        topics: list[str] | None = None,
        unit: int | None = None,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        self.scenarios = load_decisions(topics=topics, unit=unit)
        if not self.scenarios:
            raise CourseworkError("No scenarios match those topics and unit.")
        self._saved = w.HTML()
        self.session = ActivitySession(
            DecisionRecord,
            f"unit{unit}" if unit else "all",
            folder=folder,
            mode=mode,
            notify=self._show_saved,
        )
        self._decisions: dict[str, Decision] = {}
        self._restoring = False
        self.index = 0
        self._progress, self._body, self._feedback, self._score = (
            w.HTML(),
            w.HTML(),
            w.HTML(),
            w.HTML(),
        )
        self._choices = w.RadioButtons(options=[], value=None, layout=w.Layout(width="auto"))
        self._choices.add_class("ck-choices")
        self._reasoning = w.Textarea(
            placeholder="Why? Say which rule makes this the right thing to do.",
            description="Your reasoning",
            style=_STYLE,
            layout=wide(),
        )
        self._choices.observe(lambda _c: self._changed(), names="value")
        self._reasoning.observe(lambda _c: self._changed(), names="value")
        check = w.Button(
            description="Check my answer",
            button_style="primary",
            tooltip="Check your answer and see the rule",
        )
        check.on_click(lambda _b: self.check())
        back = w.Button(description="Previous", tooltip="Go to the previous scenario")
        back.on_click(lambda _b: self.previous())
        forward = w.Button(description="Next", tooltip="Go to the next scenario")
        forward.on_click(lambda _b: self.next())
        start_again = w.Button(
            description="Start again", tooltip="Clear your answers and start again"
        )
        start_again.on_click(lambda _b: self.reset())
        super().__init__(
            [
                w.HTML(CHOICE_STYLE),
                self._progress,
                self._body,
                self._choices,
                self._reasoning,
                w.HBox([check, back, forward]),
                self._feedback,
                self._score,
                self._saved,
                start_again,
            ]
        )
        self.add_class("ck-gdpr-scenarios")
        fit_width(self)
        if self.session.resumed is not None:
            work = self.session.resumed.work
            self._decisions = dict(work.decisions)
            ids = [s.id for s in self.scenarios]
            self.index = ids.index(work.current) if work.current in ids else 0
        self._show()
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    # -- user actions ---------------------------------------------------------------------------

    def choose(self, choice_id: str) -> None:
        """Pick a choice, as clicking it would."""
        self.current.choice(choice_id)
        self._choices.value = choice_id

    def reason(self, text: str) -> None:
        """Type the reasoning box."""
        self._reasoning.value = text

    def check(self) -> DecisionResult | None:
        """Press "Check my answer": feedback with the rule and its source; saved as evidence."""
        if self._choices.value is None:
            self._feedback.value = alert("Choose an answer first.")
            return None
        chosen, reasoning = str(self._choices.value), str(self._reasoning.value)
        result = self.current.decide(chosen, reasoning)
        earlier = self._decisions.get(self.current.id, Decision())
        made = DecisionCheck(chosen=chosen, reasoning=result.reasoning, at=now())
        self._decisions[self.current.id] = Decision(
            chosen=chosen, reasoning=reasoning, checks=(*earlier.checks, made)[-KEEP_CHECKS:]
        )
        prompt = "" if result.reasoning else status(REASONING_TIP)
        self._feedback.value = result._repr_html_() + prompt
        self._save()
        self.session.flush()  # a check is a moment the learner will want kept at once
        self._show_score()
        return result

    def next(self) -> None:
        self.go_to(self.scenarios[(self.index + 1) % len(self.scenarios)].id)

    def previous(self) -> None:
        self.go_to(self.scenarios[(self.index - 1) % len(self.scenarios)].id)

    def go_to(self, scenario_id: str) -> None:
        """Show a scenario by its id."""
        ids = [s.id for s in self.scenarios]
        if scenario_id not in ids:
            raise CourseworkError(f"There is no scenario {scenario_id!r} here.")
        self.index = ids.index(scenario_id)
        self._show()
        self._save()

    def reset(self) -> None:
        """Press "Start again": clear every answer and start a new attempt (earlier attempts
        stay saved)."""
        self.session.start_again()
        self._decisions, self.index = {}, 0
        self._show()
        self._saved.value = ""

    # -- what the learner sees and has done -----------------------------------------------------

    @property
    def current(self) -> DecisionScenario:
        return self.scenarios[self.index]

    @property
    def work(self) -> DecisionWork:
        """Every scenario's choice, reasoning and checks, and the scenario on screen."""
        return DecisionWork(decisions=dict(self._decisions), current=self.current.id)

    @property
    def results(self) -> dict[str, DecisionResult]:
        """The result of each scenario's latest check."""
        return results(self.work, self.scenarios)

    @property
    def score(self) -> tuple[int, int]:
        """(right, answered) for the latest answer to each scenario."""
        marked = self.results
        return sum(r.correct for r in marked.values()), len(marked)

    @property
    def chosen(self) -> str | None:
        """The choice picked in the scenario on screen (None when none is)."""
        return None if self._choices.value is None else str(self._choices.value)

    @property
    def reasoning(self) -> str:
        """What is typed in the reasoning box."""
        return str(self._reasoning.value)

    @property
    def feedback(self) -> str:
        """The feedback shown under the scenario (HTML)."""
        return str(self._feedback.value)

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    # -- inside ---------------------------------------------------------------------------------

    def _changed(self) -> None:
        if self._restoring:
            return
        scenario_id = self.current.id
        earlier = self._decisions.get(scenario_id, Decision())
        now_ = dataclasses.replace(earlier, chosen=self.chosen, reasoning=self.reasoning)
        if now_ == Decision():
            self._decisions.pop(scenario_id, None)
        else:
            self._decisions[scenario_id] = now_
        self._save()

    def _save(self) -> None:
        if not self._restoring:
            self.session.update(self.work)

    def _show(self) -> None:
        s = self.current
        decision = self._decisions.get(s.id, Decision())
        self._restoring = True
        try:
            self._progress.value = status(f"Scenario {self.index + 1} of {len(self.scenarios)}.")
            self._body.value = (
                f"<p>{html.escape(s.situation)}</p>"
                f"<p><strong>{html.escape(s.question)}</strong></p>"
            )
            self._choices.options = [(c.text, c.id) for c in s.choices]
            known = {c.id for c in s.choices}
            self._choices.value = decision.chosen if decision.chosen in known else None
            self._reasoning.value = decision.reasoning
        finally:
            self._restoring = False
        earlier = self.results.get(s.id)
        shown = earlier is not None and earlier.chosen == decision.chosen
        self._feedback.value = earlier._repr_html_() if earlier and shown else ""
        self._show_score()

    def _show_score(self) -> None:
        right, answered = self.score
        self._score.value = status(
            f"Score: {right} right out of {answered} answered "
            f"({count(len(self.scenarios), 'scenario')} in all)."
        )

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)
