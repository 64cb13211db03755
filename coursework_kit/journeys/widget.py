"""The customer journey mapper: pick touchpoints per stage, mark friction points and
opportunities, and see the map drawn as a chart with feedback.

Thin by design: the rules are in ``mapping.py``, the chart in ``charts.py``. The map is a
:class:`.JourneyMapRecord`, saved to ``evidence/journey-map.json`` within a second of each
change (text typed in a form but not added yet included); a new mapper on the same folder
(after a kernel restart, say) reopens it. Every action is a method, so tests drive the widget
without a browser.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._english import choices, join
from coursework_kit._ui.charts import figure_html
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError
from coursework_kit.feedback import Feedback
from coursework_kit.journeys.assess import assess, check_map
from coursework_kit.journeys.charts import journey_chart
from coursework_kit.journeys.mapping import (
    Friction,
    JourneyError,
    JourneyMap,
    MapFeedback,
    Opportunity,
    describe_map,
    load_catalogue,
    marks_html,
)
from coursework_kit.journeys.record import (
    MAX_CHECKS,
    SCENARIO,
    JourneyMapRecord,
    JourneyMapWork,
    MapCheck,
    MarkDraft,
)
from coursework_kit.records import ActivitySession, Mode, now
from coursework_kit.records._codec import MAX_TEXT

__all__ = ["JourneyMapper", "journey_chart"]

_STYLE = {"description_width": "8em"}


class _MarkForm:
    """The boxes for adding a friction point or an opportunity: stage, touchpoint, words, fix."""

    def __init__(self, mapper: JourneyMapper, words: str, hint: str, fixes: bool) -> None:
        stages = [(s.label, s.id) for s in mapper.catalogue.stages]
        self.catalogue = mapper.catalogue
        self.stage = w.Dropdown(options=stages, description="Stage", style=_STYLE)
        self.touchpoint = w.Dropdown(description="Touchpoint", style=_STYLE)
        self.text = w.Text(description=words, style=_STYLE, layout=wide(), placeholder=hint)
        self.fixes = w.Dropdown(description="It fixes", style=_STYLE) if fixes else None
        self.words = words
        self.problem = w.HTML()  # a problem with what is in the form, shown under its text box
        self.stage.observe(lambda _c: self.offer(), names="value")
        self.offer()

    @property
    def controls(self) -> list[w.ValueWidget]:
        found = [self.stage, self.touchpoint, self.text]
        return found + ([self.fixes] if self.fixes is not None else [])

    @property
    def shown(self) -> list[w.Widget]:
        """The controls in order, with the line for a problem directly under the text box."""
        return [self.stage, self.touchpoint, self.text, self.problem, *self.controls[3:]]

    def offer(self) -> None:
        """Offer the touchpoints of the stage chosen, keeping the one chosen if it is there."""
        chosen = self.touchpoint.value
        offered = [(t.label, t.id) for t in self.catalogue.offered(str(self.stage.value))]
        self.touchpoint.options = offered
        ids = [i for _, i in offered]
        if ids:
            self.touchpoint.value = chosen if chosen in ids else ids[0]

    def offer_fixes(self, frictions: list[Friction]) -> None:
        """Offer each friction point to fix, keeping the one chosen if it is still there."""
        if self.fixes is None:
            return
        chosen = self.fixes.value
        self.fixes.options = [("Nothing (a new idea)", None)] + [
            (f"F{n}: {textwrap.shorten(f.problem, 40)}", n) for n, f in enumerate(frictions, 1)
        ]
        self.fixes.value = chosen if chosen in range(1, len(frictions) + 1) else None

    @property
    def draft(self) -> MarkDraft:
        fixes = None if self.fixes is None else self.fixes.value
        text = str(self.text.value)[:MAX_TEXT]
        touchpoint = str(self.touchpoint.value or "")
        return MarkDraft(str(self.stage.value), touchpoint, text, fixes)

    def fill(self, draft: MarkDraft) -> None:
        """Show ``draft``; a stage or touchpoint that is not offered becomes the first that is."""
        stages = [s.id for s in self.catalogue.stages]
        self.stage.value = draft.stage if draft.stage in stages else stages[0]
        offered = [v for _, v in self.touchpoint.options]
        self.touchpoint.value = draft.touchpoint if draft.touchpoint in offered else offered[0]
        self.text.value = draft.text
        if self.fixes is not None and draft.fixes in [v for _, v in self.fixes.options]:
            self.fixes.value = draft.fixes


class JourneyMapper(w.VBox):  # type: ignore[misc]
    """Map a Harbour & Pine customer's journey from awareness to loyalty.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment); it is saved with the
    map so a tutor can tell them apart.
    """

    def __init__(self, *, folder: str | Path | None = None, mode: Mode = "practice") -> None:
        self.catalogue = load_catalogue()
        self._saved = w.HTML()
        self.session = ActivitySession(
            JourneyMapRecord, SCENARIO, folder=folder, mode=mode, notify=self._show_saved
        )
        self._restoring = True
        self.frictions: list[Friction] = []
        self.opportunities: list[Opportunity] = []
        self.feedback: MapFeedback | None = None
        self._checks: tuple[MapCheck, ...] = ()
        self._boxes: dict[str, dict[str, w.Checkbox]] = {}
        rows: list[Any] = [
            w.HTML("<p><strong>1. Choose the touchpoints at each stage</strong></p>")
        ]
        for stage in self.catalogue.stages:
            boxes = {
                t.id: w.Checkbox(value=False, description=t.label, indent=False)
                for t in self.catalogue.offered(stage.id)
            }
            for box in boxes.values():
                box.observe(lambda _c: self._changed(), names="value")
            self._boxes[stage.id] = boxes
            rows += [
                w.HTML(
                    f"<p><strong>{html.escape(stage.label)}</strong>: "
                    f"{html.escape(stage.question)}</p>"
                ),
                w.Box(list(boxes.values()), layout=w.Layout(flex_flow="row wrap")),
            ]
        self._friction_form = _MarkForm(
            self, "What goes wrong",
            "e.g. the returns form asks for an order number shop buyers do not have", False,
        )  # fmt: skip
        self._opportunity_form = _MarkForm(
            self, "Your idea", "e.g. keep shop receipts in the customer's online account", True
        )
        for control in (*self._friction_form.controls, *self._opportunity_form.controls):
            control.observe(lambda _c: self._typed(), names="value")
        add_f = w.Button(description="Add friction point")
        add_f.on_click(lambda _b: self.add_friction_from_form())
        add_o = w.Button(description="Add opportunity")
        add_o.on_click(lambda _b: self.add_opportunity_from_form())
        draw = w.Button(description="Check and draw my map", button_style="primary")
        draw.on_click(lambda _b: self.check())
        again = w.Button(description="Start again", tooltip="Clear your map and start again")
        again.on_click(lambda _b: self.start_again())
        self._marks, self._message, self._feedback, self._chart = (w.HTML() for _ in "four")
        super().__init__(
            [
                *rows,
                w.HTML("<p><strong>2. Mark friction points</strong> (where people get stuck)</p>"),
                *self._friction_form.shown, add_f,
                w.HTML("<p><strong>3. Add opportunities</strong> (changes that would help)</p>"),
                *self._opportunity_form.shown, add_o,
                self._marks, self._message, w.HBox([draw, again]), self._feedback,
                self._chart, self._saved,
            ]
        )  # fmt: skip
        self.add_class("ck-journey-mapper")
        fit_width(self)
        try:
            self._refresh()
            if self.session.resumed is not None:
                self._restore(self.session.resumed.work)
        finally:
            self._restoring = False
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    # -- the learner's actions ----------------------------------------------------------------

    def choose_touchpoints(self, stage: str, touchpoints: list[str]) -> None:
        """Tick exactly these touchpoints at ``stage`` (ids, e.g. ["social-ad", "search-ad"])."""
        self.catalogue.stage(stage)
        boxes = self._boxes[stage]
        unknown = [t for t in touchpoints if t not in boxes]
        if unknown:
            raise JourneyError(
                f"{join(map(repr, unknown))} cannot be placed at "
                f"{self.catalogue.stage(stage).label}; choose from {choices(boxes)}."
            )
        for touchpoint, box in boxes.items():
            box.value = touchpoint in touchpoints

    def add_friction(self, stage: str, touchpoint: str, problem: str) -> int:
        """Mark a friction point; returns its number (1 for F1)."""
        self._known(stage, touchpoint)
        self.frictions.append(Friction(stage, touchpoint, problem.strip()))
        self._changed()
        return len(self.frictions)

    def add_opportunity(
        self, stage: str, touchpoint: str, idea: str, *, fixes: int | None = None
    ) -> int:
        """Add an opportunity, optionally saying which friction point number it fixes."""
        self._known(stage, touchpoint)
        if fixes is not None and not 1 <= fixes <= len(self.frictions):
            raise JourneyError(f"There is no friction point F{fixes} to fix.")
        self.opportunities.append(Opportunity(stage, touchpoint, idea.strip(), fixes))
        self._changed()
        return len(self.opportunities)

    def remove_friction(self, number: int) -> None:
        """Remove F``number``; later ones move up and opportunities follow their friction."""
        if not 1 <= number <= len(self.frictions):
            raise JourneyError(f"There is no friction point F{number}.")
        typed = self._opportunity_form.fixes  # the fix being typed follows its friction too
        follows = None if typed is None else _renumber(typed.value, number)
        del self.frictions[number - 1]
        self.opportunities = [
            Opportunity(o.stage, o.touchpoint, o.idea, _renumber(o.fixes, number))
            for o in self.opportunities
        ]
        self._changed()
        if typed is not None:
            typed.value = follows

    def remove_opportunity(self, number: int) -> None:
        if not 1 <= number <= len(self.opportunities):
            raise JourneyError(f"There is no opportunity O{number}.")
        del self.opportunities[number - 1]
        self._changed()

    def type_friction(self, **parts: Any) -> None:
        """Fill in the friction point form as choosing and typing would (stage=, touchpoint=,
        text=); parts not given stay as they are."""
        self._friction_form.fill(replace(self._friction_form.draft, **parts))

    def type_opportunity(self, **parts: Any) -> None:
        """Fill in the opportunity form (stage=, touchpoint=, text=, fixes=) in the same way."""
        self._opportunity_form.fill(replace(self._opportunity_form.draft, **parts))

    def add_friction_from_form(self) -> None:
        """Press "Add friction point": add what the form says, then clear its text."""
        form = self._friction_form
        draft = form.draft
        self._from_form(lambda: self.add_friction(draft.stage, draft.touchpoint, draft.text), form)

    def add_opportunity_from_form(self) -> None:
        """Press "Add opportunity": add what the form says, then clear its text."""
        form = self._opportunity_form
        d = form.draft
        self._from_form(
            lambda: self.add_opportunity(d.stage, d.touchpoint, d.text, fixes=d.fixes), form
        )

    def check(self) -> MapFeedback:
        """Press "Check and draw my map": feedback and the chart; the check is saved at once."""
        self.feedback = check_map(self.journey_map, self.catalogue)
        self._feedback.value = self.feedback._repr_html_()
        self._chart.value = self.chart_html()
        done = MapCheck(now(), self.feedback.complete, tuple(self.feedback.messages("must fix")))
        self._checks = (*self._checks, done)[-MAX_CHECKS:]
        self.session.update(self.work)
        self.session.flush()
        return self.feedback

    def start_again(self) -> None:
        """Press "Start again": clear the map and begin a new attempt (earlier ones stay saved)."""
        self.session.start_again()
        self._restoring = True
        try:
            self._restore(JourneyMapWork())
        finally:
            self._restoring = False
        for shown in (self._message, self._feedback, self._chart, self._saved):
            shown.value = ""
        for form in (self._friction_form, self._opportunity_form):
            form.problem.value = ""

    reset = start_again

    # -- what the mapper shows and works out ----------------------------------------------------

    @property
    def journey_map(self) -> JourneyMap:
        return JourneyMap(
            touchpoints={
                stage: tuple(t for t, box in boxes.items() if box.value)
                for stage, boxes in self._boxes.items()
            },
            frictions=tuple(self.frictions),
            opportunities=tuple(self.opportunities),
        )

    @property
    def work(self) -> JourneyMapWork:
        """The learner's work as it stands: the map, both forms as typed, and every check."""
        journey = self.journey_map
        return JourneyMapWork(
            touchpoints=dict(journey.touchpoints),
            frictions=journey.frictions,
            opportunities=journey.opportunities,
            friction_draft=self._friction_form.draft,
            opportunity_draft=self._opportunity_form.draft,
            checks=self._checks,
        )

    @property
    def assessment(self) -> Feedback:
        """The map assessed as it stands, as a report or a grader sees it."""
        return assess(self.session.record, catalogue=self.catalogue)

    def chart_html(self) -> str:
        """The map as a chart, with the whole map in words as its alt text."""
        journey = self.journey_map
        return figure_html(
            journey_chart(journey, self.catalogue), describe_map(journey, self.catalogue)
        )

    @property
    def fix_choices(self) -> list[tuple[str, int | None]]:
        """The choices offered for "It fixes" (a label and a friction point number)."""
        fixes = self._opportunity_form.fixes
        return [] if fixes is None else list(fixes.options)

    @property
    def marks_html(self) -> str:
        """The list of friction points and opportunities shown (HTML)."""
        return str(self._marks.value)

    @property
    def form_message(self) -> str:
        """What the mapper last said about a form (HTML), e.g. asking for a few words: the
        problems shown under each form's text box, then any other message."""
        forms = (self._friction_form, self._opportunity_form)
        return "".join([*(str(form.problem.value) for form in forms), str(self._message.value)])

    @property
    def feedback_html(self) -> str:
        return str(self._feedback.value)

    @property
    def drawn_chart(self) -> str:
        """The chart drawn by the latest check (HTML, with its alt text), or empty."""
        return str(self._chart.value)

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    # -- inside -------------------------------------------------------------------------------

    def _known(self, stage: str, touchpoint: str) -> None:
        offered = [t.id for t in self.catalogue.offered(stage)]
        if touchpoint not in offered:
            raise JourneyError(
                f"{touchpoint!r} is not a touchpoint at {self.catalogue.stage(stage).label}; "
                f"choose from {choices(offered)}."
            )

    def _from_form(self, action: Any, form: _MarkForm) -> None:
        if not form.text.value.strip():
            form.problem.value = alert(f'Type a few words first in the "{form.words}" box.')
            return
        try:
            action()
        except CourseworkError as exc:
            form.problem.value = alert(str(exc))
            return
        form.text.value = ""
        form.problem.value = self._message.value = ""

    def _changed(self) -> None:
        self.feedback = None  # the map changed: earlier feedback no longer applies
        self._refresh()
        self._typed()

    def _typed(self) -> None:
        if not self._restoring:
            self.session.update(self.work)

    def _restore(self, work: JourneyMapWork) -> None:
        """Show ``work``: ticks, marks, and both forms as they were typed."""
        for stage, boxes in self._boxes.items():
            chosen = work.touchpoints.get(stage, ())
            for touchpoint, box in boxes.items():
                box.value = touchpoint in chosen
        self.frictions = list(work.frictions)
        self.opportunities = list(work.opportunities)
        self._checks = work.checks
        self.feedback = None
        self._refresh()
        self._friction_form.fill(work.friction_draft)
        self._opportunity_form.fill(work.opportunity_draft)

    def _refresh(self) -> None:
        self._opportunity_form.offer_fixes(self.frictions)
        self._marks.value = marks_html(self.journey_map, self.catalogue)

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)


def _renumber(fixes: int | None, removed: int) -> int | None:
    if fixes is None or fixes == removed:
        return None
    return fixes - 1 if fixes > removed else fixes
