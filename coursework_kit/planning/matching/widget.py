"""A matching or sorting activity: a dropdown per item, Check, and feedback beside each item.

Marking lives in :mod:`..activities` and :mod:`.assess`; the answers are a
:class:`.MatchingRecord`, saved to ``evidence/activity-<id>.json`` within a second of each
choice. A new widget on the same folder (after a kernel restart, say) reopens the learner's
answers and the feedback of their latest check.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import alert, status
from coursework_kit.planning.activities import Activity, ActivityResult, load_activity
from coursework_kit.planning.matching.assess import assess, result
from coursework_kit.planning.matching.record import MatchingCheck, MatchingRecord, MatchingWork
from coursework_kit.records import ActivitySession, Mode, now

if TYPE_CHECKING:
    from coursework_kit.feedback import Feedback

__all__ = ["MatchingActivity"]


class MatchingActivity(w.VBox):  # type: ignore[misc]
    """A matching or sorting activity: a dropdown per item, Check, feedback per item.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment); it is saved with the
    answers.
    """

    def __init__(
        self,
        activity: str | Activity,
        *,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        self.activity = activity if isinstance(activity, Activity) else load_activity(activity)
        self._saved = w.HTML()
        self.session = ActivitySession(
            MatchingRecord, self.activity.id, folder=folder, mode=mode, notify=self._show_saved
        )
        self.result: ActivityResult | None = None
        self._checks: tuple[MatchingCheck, ...] = ()
        self._quiet = False
        options = [("Choose…", "")] + [(label, cid) for cid, label in self.activity.choices]
        self._pickers: dict[str, w.Dropdown] = {}
        self._feedback: dict[str, w.HTML] = {}
        rows = []
        for number, item in enumerate(self.activity.items, start=1):
            picker = w.Dropdown(options=options, value="", layout=wide("36em"))
            picker.description = f"Item {number}"
            picker.observe(lambda _c: self._changed(), names="value")
            self._pickers[item.id], self._feedback[item.id] = picker, w.HTML()
            rows.append(
                w.VBox(
                    [
                        w.HTML(f"<p>{number}. {html.escape(item.text)}</p>"),
                        picker,
                        self._feedback[item.id],
                    ]
                )
            )
        check = w.Button(description="Check", tooltip="Check all your answers")
        check.on_click(lambda _b: self.check())
        again = w.Button(description="Start again", tooltip="Clear your answers and start again")
        again.on_click(lambda _b: self.reset())
        self._score = w.HTML()
        intro = (
            f"<h4>{html.escape(self.activity.title)}</h4>"
            f"<p>{html.escape(self.activity.introduction)}</p>"
            f"<p><small>Source: {html.escape(self.activity.source)}</small></p>"
        )
        super().__init__([w.HTML(intro), *rows, w.HBox([check, again]), self._score, self._saved])
        self.add_class("ck-matching-activity")
        fit_width(self)
        if self.session.resumed is not None:
            self._restore(self.session.resumed.work)
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    # -- user actions ---------------------------------------------------------------------------

    def choose(self, item_id: str, choice_id: str) -> None:
        """Choose ``choice_id`` for an item, as picking it from the dropdown would."""
        self.activity.item(item_id)
        if choice_id not in dict(self.activity.choices):
            self.activity.mark_item(item_id, choice_id)  # raises the plain-English error
        self._pickers[item_id].value = choice_id

    def check(self) -> ActivityResult:
        """Mark every item, show feedback beside each, and save the answers as evidence."""
        marked = result(self.answers, self.activity)
        self._show(marked)
        self._checks = (*self._checks, MatchingCheck(self.work.answers, now()))
        self.session.update(self.work)
        self.session.flush()  # a check is a moment the learner will want kept at once
        return marked

    def reset(self) -> None:
        """Press "Start again": clear every answer and start a new attempt (earlier attempts
        stay saved)."""
        self.session.start_again()
        self._quiet = True
        try:
            for picker in self._pickers.values():
                picker.value = ""
        finally:
            self._quiet = False
        for shown in self._feedback.values():
            shown.value = ""
        self._score.value = ""
        self.result, self._checks = None, ()
        self.session.update(self.work)

    # -- what the learner has done --------------------------------------------------------------

    @property
    def answers(self) -> dict[str, str | None]:
        """The choice made for each item (None where nothing is chosen yet)."""
        return {i: (str(p.value) or None) for i, p in self._pickers.items()}

    @property
    def work(self) -> MatchingWork:
        """The answers as they stand, and every check made."""
        chosen = {i: c for i, c in self.answers.items() if c is not None}
        return MatchingWork(answers=chosen, checks=self._checks)

    @property
    def assessment(self) -> Feedback:
        """The assessment of the answers as they stand (what the report and grading read)."""
        return assess(self.session.record, activity=self.activity)

    def feedback(self, item_id: str) -> str:
        """The feedback shown beside an item (HTML), as a screen reader would be given it."""
        self.activity.item(item_id)  # an unknown id fails plainly
        return str(self._feedback[item_id].value)

    @property
    def score_text(self) -> str:
        """The score shown after a check (HTML; empty before the first)."""
        return str(self._score.value)

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    # -- inside ---------------------------------------------------------------------------------

    def _changed(self) -> None:
        if not self._quiet:
            self.session.update(self.work)

    def _show(self, marked: ActivityResult) -> None:
        for item in marked.items:
            shown = "✔" if item.correct else "✘ Not yet."
            self._feedback[
                item.item.id
            ].value = (
                f"<div role='status'><strong>{shown}</strong> {html.escape(item.message)}</div>"
            )
        right, total = marked.score
        self._score.value = status(f"{right} of {total} right.")
        self.result = marked

    def _restore(self, work: MatchingWork) -> None:
        self._checks = work.checks
        self._quiet = True
        try:
            for item_id, choice_id in work.answers.items():
                picker = self._pickers.get(item_id)
                if picker is not None and choice_id in dict(self.activity.choices):
                    picker.value = choice_id  # anything else: the activity has changed since
        finally:
            self._quiet = False
        if work.checks:
            self._show(result(work.checks[-1].answers, self.activity))

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)
