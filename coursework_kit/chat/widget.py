"""The live-chat widget: the learner is the adviser, the scenario's customer replies.

Thin by design: the customer's behaviour is :mod:`.engine`, the assessment :mod:`.transcript`,
coaching :mod:`.coach`, the portfolio page :mod:`.portfolio`. Every user action is a method
(``send``, ``end``, ``restart``, ``report``, ``search``, ``insert_template``, ``save_crm``,
``export_html``), so tests drive it without a browser.

After every turn the transcript is saved through :mod:`coursework_kit.evidence` to
``evidence/chat-<scenario>.json``: a crash or kernel restart loses at most the reply being typed.
"""

from __future__ import annotations

import html
import threading
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._atomic import write_text
from coursework_kit._display import alert, autograding, fit_width, status, wide
from coursework_kit.chat import knowledge
from coursework_kit.chat.coach import coach_hints
from coursework_kit.chat.crm import OUTCOMES, REASONS, CRMCheck, check_crm
from coursework_kit.chat.engine import Conversation, Turn
from coursework_kit.chat.portfolio import portfolio_html, response_chart_html
from coursework_kit.chat.scenario import Scenario, load_scenario
from coursework_kit.chat.transcript import TranscriptReport, assess_transcript
from coursework_kit.errors import CourseworkError
from coursework_kit.evidence import Evidence
from coursework_kit.learner import learner_id

__all__ = ["ChatPicker", "ChatWidget"]


def _bubble(turn: Turn, name: str) -> str:
    mine = turn.speaker == "agent"
    who = "You" if mine else html.escape(name)
    colour = "#ddf4ff" if mine else "#f6f8fa"
    side = "margin-left:15%" if mine else "margin-right:15%"
    return (
        f"<div style='{side};background:{colour};border:1px solid #8c959f;border-radius:8px;"
        f"padding:6px 10px;margin:6px 0'><strong>{who}</strong> "
        f"<small>{turn.at.strftime('%H:%M:%S')}</small><br>{html.escape(turn.text)}</div>"
    )


class ChatWidget(w.VBox):  # type: ignore[misc]
    """A live chat with a simulated customer, assessed against the customer-service criteria.

    ``mode`` is "coach" (hints after each reply) or "assessment" (no hints). ``practice=True``
    turns the clock off. ``live_clock=False`` stops the background timer (tests, nbgrader);
    ``tick()`` is what the timer calls each second. ``resume=True`` carries on an unfinished
    chat saved earlier, so a kernel restart loses at most the reply being typed.
    """

    def __init__(
        self,
        scenario: str | Path | Scenario = "late-delivery",
        *,
        mode: str = "coach",
        practice: bool = False,
        folder: str | Path | None = None,
        clock: Callable[[], datetime] | None = None,
        live_clock: bool = True,
        resume: bool = True,
    ) -> None:
        if mode not in ("coach", "assessment"):
            raise CourseworkError(
                "mode must be 'coach' (hints after each reply) or 'assessment' (no hints)."
            )
        self.scenario = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
        self.mode, self.practice = mode, practice
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.evidence = (
            Evidence(f"chat-{self.scenario.id}")
            if folder is None
            else Evidence(f"chat-{self.scenario.id}", folder=Path(folder))
        )
        self.crm: CRMCheck | None = None
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None
        self._build()
        if not (resume and self._resume()):
            self.restart()
        if live_clock and not practice and not autograding():
            self._timer = threading.Thread(target=self._run_clock, daemon=True)
            self._timer.start()

    # -- user actions ---------------------------------------------------------------------------

    def send(self, text: str | None = None) -> list[Turn]:
        """Send a reply (the text given, or what is in the box); returns the customer's answer."""
        text = self._box.value if text is None else text
        if not text.strip():
            self._notice.value = alert("Type a reply before sending it.")
            return []
        if self.conversation.ended:
            self._notice.value = alert("This chat has ended. Press Start again to have another go.")
            return []
        before = len(self.conversation.findings)
        answer = self.conversation.reply(text)
        self._box.value = ""
        self._notice.value = ""
        if self.mode == "coach":
            c = self.conversation
            hints = coach_hints(
                c.assessments[-1],
                c.findings[before:],
                first_reply=len(c.assessments) == 1,
                verification_needed=self.scenario.needs.verification,
                verified=c.verified,
            )
            self._hints.value = "".join(f"<p>{html.escape(h)}</p>" for h in hints)
        self._after_turn()
        return answer

    def end(self) -> TranscriptReport:
        """End the chat and show the end-of-chat report."""
        self.conversation.end()
        self._after_turn()
        return self.report()

    def restart(self) -> None:
        """Start the chat again as a new attempt (earlier attempts stay saved)."""
        self.conversation = Conversation(self.scenario, practice=self.practice, clock=self._clock)
        self._attempt = self.evidence.next_attempt()
        self._hints.value = self._report.value = self._notice.value = ""
        self.crm = None
        self._crm_result.value = ""
        self._crm_box.layout.display = "none"
        self._after_turn(save=False)

    def report(self) -> TranscriptReport:
        """Assess the chat so far and show the report with its chart."""
        result = assess_transcript(self.conversation.transcript(), scenario=self.scenario)
        self._report.value = (
            "<h4>End-of-chat report</h4>"
            + result._repr_html_()
            + response_chart_html(result, self.scenario.persona.patience_seconds)
        )
        return result

    def search(self, query: str | None = None) -> list[knowledge.Article]:
        """Search the knowledge base and show the best articles."""
        query = self._kb_box.value if query is None else query
        found = knowledge.search(query)
        self._kb_results.value = "".join(
            f"<details><summary>{html.escape(a.title)}</summary><p>{html.escape(a.body)}</p>"
            + (f"<p><small>Source: {html.escape(a.source)}</small></p>" if a.source else "")
            + "</details>"
            for a in found
        ) or status("Nothing found. Try other words, such as 'refund' or 'delivery'.")
        return found

    def insert_template(self, template_id: str | None = None) -> str:
        """Put a pre-written response in the reply box, ready to personalise."""
        template_id = template_id or self._templates.value
        chosen = next((t for t in knowledge.templates() if t.id == template_id), None)
        if chosen is None:
            raise CourseworkError(f"There is no pre-written response {template_id!r}.")
        self._box.value = chosen.text
        self._notice.value = status("Personalise it: replace each [bracket] before you send.")
        return chosen.text

    def save_crm(self, **fields: str) -> CRMCheck:
        """Complete the CRM contact record (fields given, or the form); check it and save it."""
        values = {name: widget.value for name, widget in self._crm_fields.items()} | fields
        self.crm = check_crm(values, self.conversation.transcript(), scenario=self.scenario)
        self._crm_result.value = self.crm._repr_html_()
        self._save()
        return self.crm

    def export_html(self, path: str | Path | None = None) -> Path:
        """Write the dated portfolio page (HTML) beside the evidence file and return its path."""
        result = assess_transcript(self.conversation.transcript(), scenario=self.scenario)
        when = self._clock()
        target = (
            Path(path)
            if path
            else (self.evidence.folder / f"chat-{self.scenario.id}-{when:%Y%m%d-%H%M%S}.html")
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        crm = self.crm.record.as_dict() if self.crm else None
        write_text(
            target, portfolio_html(result, self.scenario, learner=learner_id(), crm=crm, when=when)
        )
        self._notice.value = status(f"Saved your portfolio page as {target.name}.")
        return target

    def close(self) -> None:
        stop = getattr(self, "_stop", None)  # absent if __init__ failed part way
        if stop is not None:
            stop.set()
        super().close()

    def _resume(self) -> bool:
        """Carry on an unfinished chat saved earlier (after a kernel restart, say)."""
        try:
            latest = self.evidence.latest()
        except CourseworkError:
            return False  # an unreadable file is set aside on the next save
        if latest is None or latest.data.get("ended_by") or len(latest.data.get("turns", [])) < 2:
            return False
        conversation = Conversation.replay(
            self.scenario, latest.data["turns"], practice=self.practice, clock=self._clock
        )
        if conversation is None:
            return False
        self.conversation, self._attempt = conversation, latest.attempt
        self._after_turn(save=False)
        self._notice.value = status(
            f"Carrying on your chat from where you left it (last saved {latest.saved[11:16]})."
        )
        return True

    # -- display -------------------------------------------------------------------------------

    def _build(self) -> None:
        s = self.scenario
        head = (
            f"<h3>{html.escape(s.title)}</h3><p><strong>Channel:</strong> "
            f"{html.escape(s.channel_label)}. <strong>Customer:</strong> "
            f"{html.escape(s.persona.name)}.</p><p>{html.escape(s.brief)}</p>"
        )
        self._conversation = w.HTML()  # grows with the chat, so the newest reply is always shown
        self._conversation.add_class("ck-chat-log")
        self._clock_label = w.HTML()
        self._box = w.Text(
            placeholder="Type your reply, then press Enter or Send",
            description="Your reply",
            style={"description_width": "initial"},
            layout=wide(),
            continuous_update=True,
        )
        with warnings.catch_warnings():  # Enter to send: on_submit is the only way in ipywidgets 8
            warnings.simplefilter("ignore", DeprecationWarning)
            self._box.on_submit(lambda _box: self.send())
        send = w.Button(description="Send", button_style="primary", tooltip="Send your reply")
        send.on_click(lambda _b: self.send())
        end = w.Button(description="End chat", tooltip="End the chat and see your report")
        end.on_click(lambda _b: self.end())
        again = w.Button(description="Start again", tooltip="Start this chat again")
        again.on_click(lambda _b: self.restart())
        export = w.Button(description="Save portfolio page", tooltip="Save a dated HTML page")
        export.on_click(lambda _b: self.export_html())
        self._notice, self._hints, self._report, self._facts = (
            w.HTML(),
            w.HTML(),
            w.HTML(),
            w.HTML(),
        )
        self._kb_box = w.Text(
            placeholder="for example: refund", description="Search", continuous_update=False
        )
        self._kb_box.observe(lambda _c: self.search(), names="value")
        self._kb_results = w.HTML()
        self._templates = w.Dropdown(
            options=[(t.title, t.id) for t in knowledge.templates()],
            description="Response",
            layout=wide(),
        )
        insert = w.Button(description="Insert", tooltip="Put this response in your reply box")
        insert.on_click(lambda _b: self.insert_template())
        tools = w.Accordion(
            children=[
                self._facts,
                w.VBox([self._kb_box, self._kb_results]),
                w.VBox([self._templates, insert]),
            ]
        )
        for i, title in enumerate(["What you can see", "Knowledge base", "Pre-written responses"]):
            tools.set_title(i, title)
        self._crm_fields: dict[str, Any] = {
            "reason": w.Dropdown(
                options=[("Choose…", "")] + [(v, k) for k, v in REASONS.items()],
                description="Reason for contact",
                style={"description_width": "initial"},
            ),
            "outcome": w.Dropdown(
                options=[("Choose…", "")] + [(v, k) for k, v in OUTCOMES.items()],
                description="Outcome",
                style={"description_width": "initial"},
            ),
            "actions_taken": w.Textarea(
                description="Actions taken", layout=wide(), style={"description_width": "initial"}
            ),
            "follow_up": w.Text(
                description="Follow-up", layout=wide(), style={"description_width": "initial"}
            ),
            "owner": w.Text(
                description="Follow-up owner", layout=wide(), style={"description_width": "initial"}
            ),
            "notes": w.Textarea(
                description="Notes", layout=wide(), style={"description_width": "initial"}
            ),
        }
        save_crm = w.Button(description="Save record", tooltip="Check and save the CRM record")
        save_crm.on_click(lambda _b: self.save_crm())
        self._crm_result = w.HTML()
        self._crm_box = w.VBox(
            [
                w.HTML("<h4>CRM contact record</h4>"),
                *self._crm_fields.values(),
                save_crm,
                self._crm_result,
            ]
        )
        super().__init__(
            [
                w.HTML(head),
                self._conversation,
                self._clock_label,
                self._box,
                w.HBox([send, end, again, export]),
                self._notice,
                self._hints,
                tools,
                self._report,
                self._crm_box,
            ]
        )
        self.add_class("ck-chat")
        fit_width(self)

    def _after_turn(self, *, save: bool = True) -> None:
        c = self.conversation
        self._conversation.value = (
            "<div role='log' aria-live='polite' aria-label='Conversation with the customer'>"
            + "".join(_bubble(t, self.scenario.persona.first_name) for t in c.turns)
            + "</div>"
        )
        visible = [f for f in self.scenario.facts if c.verified or not f.after_verification]
        hidden = len(self.scenario.facts) - len(visible)
        self._facts.value = "".join(
            f"<p><strong>{html.escape(f.label)}:</strong> {html.escape(f.value)}</p>"
            for f in visible
        ) + (
            f"<p><em>{hidden} more item(s) appear once the customer passes security.</em></p>"
            if hidden
            else ""
        )
        if c.ended:
            who = "You ended the chat." if c.ended_by == "agent" else "The customer left the chat."
            self._clock_label.value = status(who + " Complete the CRM record below.")
            self._crm_box.layout.display = None
            self.report()
        if save:
            self._save()

    def _save(self) -> None:
        c = self.conversation
        data = {
            "scenario": self.scenario.id,
            "mode": self.mode,
            "practice": self.practice,
            "learner": learner_id(),
            "turns": [t.as_record() for t in c.turns],
            "ended_by": c.ended_by,
            "crm": self.crm.record.as_dict() if self.crm else None,
        }
        try:
            outcome = self.evidence.save(self._attempt, data)
        except CourseworkError as exc:
            self._notice.value = alert(str(exc))
            return
        self._attempt = outcome.attempt
        notes = [*self.evidence.notices, outcome.message]
        self.evidence.notices.clear()
        if any(notes):
            self._notice.value = status(" ".join(n for n in notes if n))

    def tick(self) -> Turn | None:
        """One beat of the clock: show how long the customer has waited; they may chase."""
        c = self.conversation
        if c.ended:
            return None
        chased = c.tick()
        if chased is not None:
            self._after_turn()
            return chased
        waited = c.waiting_seconds()
        self._clock_label.value = (
            status(f"The customer has been waiting {waited:.0f} seconds.") if waited else ""
        )
        return None

    def _run_clock(self) -> None:
        while not self._stop.wait(1.0):
            self.tick()


class ChatPicker(w.VBox):  # type: ignore[misc]
    """Choose any of the course's scenarios from a list and start that chat below."""

    def __init__(
        self, *, mode: str = "coach", folder: str | Path | None = None, live_clock: bool = True
    ) -> None:
        from coursework_kit.chat.scenario import list_scenarios

        self._options = {name: load_scenario(name) for name in list_scenarios()}
        self._choice = w.Dropdown(
            options=[(f"{s.title} ({s.channel_label})", name) for name, s in self._options.items()],
            description="Choose a chat",
            style={"description_width": "initial"},
            layout=wide(),
        )
        start = w.Button(
            description="Start this chat",
            button_style="primary",
            tooltip="Start the chosen chat below",
        )
        start.on_click(lambda _b: self.choose(str(self._choice.value)))
        self._kwargs: dict[str, Any] = {"mode": mode, "folder": folder, "live_clock": live_clock}
        self.chat: ChatWidget | None = None
        self._slot = w.VBox()
        super().__init__([self._choice, start, self._slot])
        self.add_class("ck-chat-picker")
        fit_width(self)

    def choose(self, scenario: str) -> ChatWidget:
        """Start the chat for ``scenario`` (its id, e.g. "public-complaint")."""
        if scenario not in self._options:
            raise CourseworkError(
                f"There is no chat called {scenario!r}; choose one of {', '.join(self._options)}."
            )
        if self.chat is not None:
            self.chat.close()
        self._choice.value = scenario
        self.chat = ChatWidget(self._options[scenario], **self._kwargs)
        self._slot.children = [self.chat]
        return self.chat
