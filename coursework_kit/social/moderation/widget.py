"""The moderation queue widget: one item at a time, an action, an escalation route, a reply,
a Check button with feedback, and next/previous.

Thin by design: judging is in ``decision.py``, progress in ``session.py`` and the evidence is a
:class:`~coursework_kit.social.moderation.record.ModerationRecord`. Every user action is a method
(``choose``, ``escalate``, ``write``, ``check``, ``next``, ``previous``, ``go_to``, ``reset``),
so tests drive it without a browser. Every choice and every key typed is saved to
``evidence/social-moderation.json`` within a second, and a new queue on the same folder (a
re-run notebook, a restarted kernel) carries on where the learner left off.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import CHOICE_STYLE, alert, status
from coursework_kit.records import ActivitySession, Attempt, Mode
from coursework_kit.social.moderation.decision import Judgement
from coursework_kit.social.moderation.policy import ModerationError, load_policy
from coursework_kit.social.moderation.queue import QueueItem, load_queue
from coursework_kit.social.moderation.record import (
    ModerationDraft,
    ModerationRecord,
    ModerationWork,
)
from coursework_kit.social.moderation.session import ModerationSession, QueueSummary, scenario_for

__all__ = ["ModerationQueue"]

_NO_ROUTE = "none"
_MARKS = {"handled well": "✔", "partly right": "◐", "not right": "✘", "not checked": "·"}


class ModerationQueue(w.VBox):  # type: ignore[misc]
    """Harbour & Pine's moderation queue, one item at a time, saved as evidence.

    ``topics`` keeps only items on those topics (for example ``["crisis"]``), saved as their
    own activity; ``resume=False`` shows an empty queue, and the first change starts a new
    attempt instead of carrying on from the evidence file (earlier attempts are kept).
    ``mode`` is "practice" (a workbook) or "assessment" (an assignment), saved with the work.
    ``evidence`` is the :class:`~coursework_kit.records.ActivitySession` holding the record.
    """

    def __init__(
        self,
        *,
        topics: list[str] | None = None,
        folder: str | Path | None = None,
        resume: bool = True,
        mode: Mode = "practice",
    ) -> None:
        items = [i for i in load_queue() if not topics or i.topic in topics]
        if not items:
            known = sorted({i.topic for i in load_queue()})
            raise ModerationError(f"No items match those topics. The topics are: {known}.")
        self._items = items
        self.session = ModerationSession(items)
        self.index = 0
        self._loading = False
        self._build()
        self.evidence = ActivitySession(
            ModerationRecord,
            scenario_for(topics),
            folder=folder,
            mode=mode,
            notify=self._show_saved,
        )
        if not resume:
            self.evidence.start_again()
        elif self.evidence.resumed is not None:
            self._resume(self.evidence.resumed)
        if self.evidence.notices:
            self._saved.value = status(" ".join(self.evidence.notices))
        self._show()

    # -- user actions ---------------------------------------------------------------------------

    @property
    def current(self) -> QueueItem:
        return self.session.items[self.index]

    @property
    def summary(self) -> QueueSummary:
        return self.session.summary()

    def choose(self, action: str) -> None:
        """Pick an action, as clicking it would (reply, private_channel, hide, delete...)."""
        load_policy().action(action)
        self._actions.value = action

    def escalate(self, route: str | None) -> None:
        """Pick who to escalate to (a route code from the matrix), or None for nobody."""
        if route not in (None, "", _NO_ROUTE):
            load_policy().route(str(route))
        self._route.value = route or _NO_ROUTE

    def write(self, reply: str) -> None:
        """Type the reply box."""
        if not isinstance(reply, str):
            raise ModerationError("A reply must be text.")
        self._reply.value = reply

    def check(self) -> Judgement | None:
        """Press "Check": judge the action, escalation and reply; show why; save it."""
        self._sync()
        if self.session.draft(self.current.id).action is None:
            self._feedback.value = alert("Choose an action first.")
            return None
        result = self.session.decide(self.current.id)
        self._feedback.value = result._repr_html_()
        self._save()
        self.evidence.flush()  # a check is a moment the learner will want kept at once
        self._show_progress()
        return result

    def next(self) -> None:
        """Go to the next item (after the last, back to the first)."""
        self.go_to(self.session.items[(self.index + 1) % len(self.session.items)].id)

    def previous(self) -> None:
        self.go_to(self.session.items[(self.index - 1) % len(self.session.items)].id)

    def go_to(self, item_id: str) -> None:
        """Show an item by its id, keeping what was chosen and typed on this one."""
        index = self.session.index(item_id)
        self._sync()
        self.index = index
        self._show()
        self._save()

    def reset(self) -> None:
        """Press "Start again": an empty queue; the next change starts a new attempt (earlier
        attempts stay saved)."""
        self._sync()
        self.evidence.start_again()
        self.session = ModerationSession(self._items)
        self.index = 0
        self._show()
        self._saved.value = ""

    # -- what the learner has done --------------------------------------------------------------

    @property
    def work(self) -> ModerationWork:
        """The learner's work as it stands: the item shown, every draft and every check."""
        return self.session.work(position=self.index + 1)

    @property
    def draft(self) -> ModerationDraft:
        """What is chosen and typed for the item shown."""
        route = self._route.value
        return ModerationDraft(
            self._actions.value, None if route == _NO_ROUTE else route, self._reply.value
        )

    @property
    def choices(self) -> list[tuple[str, str]]:
        """The actions to choose from, as (what the learner reads, code)."""
        return [(str(label), str(code)) for label, code in self._actions.options]

    @property
    def item_html(self) -> str:
        """The item shown (HTML)."""
        return str(self._item.value)

    @property
    def progress_html(self) -> str:
        """Which item of how many is shown (HTML)."""
        return str(self._progress.value)

    @property
    def feedback(self) -> str:
        """The feedback shown under the item (HTML), as a screen reader would be given it."""
        return str(self._feedback.value)

    @property
    def score_html(self) -> str:
        """The progress and score line (HTML)."""
        return str(self._score.value)

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    # -- saving ---------------------------------------------------------------------------------

    def _sync(self) -> None:
        if self._loading:
            return
        d = self.session.draft(self.current.id)
        d.action = self._actions.value
        d.escalate_to = None if self._route.value == _NO_ROUTE else self._route.value
        d.reply = self._reply.value

    def _changed(self) -> None:
        if not self._loading:
            self._sync()
            self._save()

    def _save(self) -> None:
        work = self.work
        if not work.drafts and not work.checks and self.evidence.current is None:
            return  # nothing chosen or typed yet: no file just for looking
        self.evidence.update(work)

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)

    def _resume(self, latest: Attempt[ModerationWork]) -> None:
        self.session = ModerationSession.from_work(latest.work, self._items)
        if 1 <= latest.work.position <= len(self.session.items):
            self.index = latest.work.position - 1
        done = self.summary.answered
        self._saved.value = status(
            f"Carrying on from where you left off: {done} item{'s' if done != 1 else ''} "
            f"checked so far (last saved {latest.saved[11:16]})."
        )

    # -- display --------------------------------------------------------------------------------

    def _build(self) -> None:
        policy = load_policy()
        self._progress, self._item, self._feedback = w.HTML(), w.HTML(), w.HTML()
        self._score, self._saved, self._overview = w.HTML(), w.HTML(), w.HTML()
        self._actions = w.RadioButtons(
            options=[(f"{a.label}: {a.meaning}", a.id) for a in policy.actions],
            value=None,
            layout=w.Layout(width="auto"),
        )
        self._actions.add_class("ck-choices")
        self._route = w.Dropdown(
            options=[("No escalation needed", _NO_ROUTE)]
            + [(f"{r.role} (code '{r.id}')", r.id) for r in policy.routes],
            value=_NO_ROUTE,
            description="Escalate to",
            style={"description_width": "initial"},
            layout=wide("40em"),
        )
        self._reply = w.Textarea(
            placeholder="Write the reply you would post or send (leave empty if none is needed).",
            description="Your reply",
            style={"description_width": "initial"},
            layout=wide(),
            rows=4,
        )
        for control in (self._actions, self._route, self._reply):
            control.observe(lambda _c: self._changed(), names="value")
        check = w.Button(
            description="Check", button_style="primary", tooltip="Check your decision and reply"
        )
        check.on_click(lambda _b: self.check())
        back = w.Button(description="Previous", tooltip="Go to the previous item")
        back.on_click(lambda _b: self.previous())
        forward = w.Button(description="Next", tooltip="Go to the next item")
        forward.on_click(lambda _b: self.next())
        again = w.Button(
            description="Start again", tooltip="Clear your decisions and start the queue again"
        )
        again.on_click(lambda _b: self.reset())
        super().__init__(
            [
                w.HTML(CHOICE_STYLE),
                self._progress,
                self._item,
                w.HTML("<p><strong>1. What will you do?</strong></p>"),
                self._actions,
                w.HTML("<p><strong>2. Does anyone need to know?</strong></p>"),
                self._route,
                w.HTML("<p><strong>3. Your reply</strong> (if one is needed)</p>"),
                self._reply,
                w.HBox([check, back, forward]),
                self._feedback,
                self._score,
                self._saved,
                self._overview,
                again,
            ]
        )
        self.add_class("ck-moderation-queue")
        fit_width(self)

    def _show(self) -> None:
        item = self.current
        d = self.session.draft(item.id)
        self._loading = True
        try:
            self._actions.value = d.action
            self._route.value = d.escalate_to or _NO_ROUTE
            self._reply.value = d.reply
        finally:
            self._loading = False
        self._item.value = item._repr_html_()
        earlier = self.session.result(item.id)  # only the item shown is judged again
        self._feedback.value = earlier._repr_html_() if earlier else ""
        self._show_progress()

    def _show_progress(self) -> None:
        total = len(self.session.items)
        self._progress.value = status(f"Item {self.index + 1} of {total}.")
        self._score.value = status(self.summary.text)
        self._overview.value = self.overview_html()

    def overview_html(self) -> str:
        """The whole queue as a table: when, where, who, the start of the text, and progress."""
        rows = []
        for n, item in enumerate(self.session.items, start=1):
            state = self.session.status(item.id)
            here = " style='background:#ddf4ff'" if n - 1 == self.index else ""
            start = item.text if len(item.text) <= 60 else item.text[:57].rstrip() + "…"
            rows.append(
                f"<tr{here}><td>{n}</td><td>{item.time:%H:%M}</td>"
                f"<td>{html.escape(item.platform_label)}</td><td>{html.escape(item.author)}</td>"
                f"<td>{html.escape(start)}</td><td>{_MARKS[state]} {state}</td></tr>"
            )
        return (
            "<details><summary>See the whole queue</summary><table><caption>The moderation "
            "queue (go to an item with Next and Previous)</caption><tr><th scope='col'>#</th>"
            "<th scope='col'>Time</th><th scope='col'>Platform</th><th scope='col'>From</th>"
            "<th scope='col'>Post</th><th scope='col'>Progress</th></tr>"
            + "".join(rows)
            + "</table></details>"
        )

    def __repr__(self) -> str:
        return f"ModerationQueue({self.summary.text})"
