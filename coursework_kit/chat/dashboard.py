"""The adviser's dashboard: every control of the chat widget, laid out, and what each shows.

No behaviour lives here: :mod:`.widget` wires the controls to the chat. The read-only
properties say what the learner sees (HTML), as a screen reader would be given it; tests read
the widget through them.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from coursework_kit._ui.layout import wide
from coursework_kit._ui.snippets import status
from coursework_kit.chat import knowledge
from coursework_kit.chat.crm import OUTCOMES, REASONS
from coursework_kit.chat.record import CRMForm, Turn
from coursework_kit.chat.scenario import Scenario
from coursework_kit.errors import CourseworkError

__all__ = ["AdviserDashboard"]

_LABEL = {"description_width": "initial"}


def _bubble(turn: Turn, name: str) -> str:
    mine = turn.speaker == "agent"
    who = "You" if mine else html.escape(name)
    colour = "#ddf4ff" if mine else "#f6f8fa"
    side = "margin-left:15%" if mine else "margin-right:15%"
    when = turn.time
    return (
        f"<div style='{side};background:{colour};border:1px solid #8c959f;border-radius:8px;"
        f"padding:6px 10px;margin:6px 0'><strong>{who}</strong> "
        f"<small>{when.strftime('%H:%M:%S') if when else ''}</small><br>"
        f"{html.escape(turn.text)}</div>"
    )


def _choices(names: dict[str, str]) -> list[tuple[str, str]]:
    return [("Choose…", "")] + [(v, k) for k, v in names.items()]


class AdviserDashboard:
    """The controls of one chat: the conversation, reply box, tools, report and CRM form."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.log = w.HTML()  # grows with the chat, so the newest reply is always shown
        self.log.add_class("ck-chat-log")
        self.clock, self.notice, self.saved = w.HTML(), w.HTML(), w.HTML()
        self.hints, self.report, self.facts = w.HTML(), w.HTML(), w.HTML()
        self.box = w.Text(
            placeholder="Type your reply, then press Enter or Send",
            description="Your reply",
            style=_LABEL,
            layout=wide(),
            continuous_update=True,
        )
        self.send = w.Button(description="Send", button_style="primary", tooltip="Send your reply")
        self.end = w.Button(description="End chat", tooltip="End the chat and see your report")
        self.again = w.Button(description="Start again", tooltip="Start this chat again")
        self.export = w.Button(description="Save portfolio page", tooltip="Save a dated HTML page")
        self.kb_box = w.Text(
            placeholder="for example: refund", description="Search", continuous_update=False
        )
        self.kb_results = w.HTML()
        self.templates = w.Dropdown(
            options=[(t.title, t.id) for t in knowledge.templates()],
            description="Response",
            layout=wide(),
        )
        self.insert = w.Button(description="Insert", tooltip="Put this response in your reply box")
        self.crm_fields: dict[str, Any] = {
            "reason": w.Dropdown(
                options=_choices(REASONS), description="Reason for contact", style=_LABEL
            ),
            "outcome": w.Dropdown(options=_choices(OUTCOMES), description="Outcome", style=_LABEL),
            "actions_taken": w.Textarea(description="Actions taken", layout=wide(), style=_LABEL),
            "follow_up": w.Text(description="Follow-up", layout=wide(), style=_LABEL),
            "owner": w.Text(description="Follow-up owner", layout=wide(), style=_LABEL),
            "notes": w.Textarea(description="Notes", layout=wide(), style=_LABEL),
        }
        self.save_crm = w.Button(description="Save record", tooltip="Check and save the CRM record")
        self.crm_result = w.HTML()
        self.crm_box = w.VBox(
            [
                w.HTML("<h4>CRM contact record</h4>"),
                *self.crm_fields.values(),
                self.save_crm,
                self.crm_result,
            ]
        )

    def children(self) -> list[Any]:
        """The controls in the order the learner meets them."""
        s = self.scenario
        head = (
            f"<h3>{html.escape(s.title)}</h3><p><strong>Channel:</strong> "
            f"{html.escape(s.channel_label)}. <strong>Customer:</strong> "
            f"{html.escape(s.persona.name)}.</p><p>{html.escape(s.brief)}</p>"
        )
        tools = w.Accordion(
            children=[
                self.facts,
                w.VBox([self.kb_box, self.kb_results]),
                w.VBox([self.templates, self.insert]),
            ]
        )
        for i, title in enumerate(["What you can see", "Knowledge base", "Pre-written responses"]):
            tools.set_title(i, title)
        buttons = w.HBox([self.send, self.end, self.again, self.export])
        return [w.HTML(head), self.log, self.clock, self.box, buttons, self.notice, self.saved,
                self.hints, tools, self.report, self.crm_box]  # fmt: skip

    # -- showing things ---------------------------------------------------------------------------

    def show_chat(self, turns: Sequence[Turn], *, verified: bool) -> None:
        """Show the conversation, and the facts on the adviser's screen so far."""
        name = self.scenario.persona.first_name
        self.log.value = (
            "<div role='log' aria-live='polite' aria-label='Conversation with the customer'>"
            + "".join(_bubble(t, name) for t in turns)
            + "</div>"
        )
        facts = self.scenario.facts
        visible = [f for f in facts if verified or not f.after_verification]
        shown = "".join(
            f"<p><strong>{html.escape(f.label)}:</strong> {html.escape(f.value)}</p>"
            for f in visible
        )
        if len(facts) > len(visible):
            hidden = len(facts) - len(visible)
            shown += (
                f"<p><em>{hidden} more item(s) appear once the customer passes security.</em></p>"
            )
        self.facts.value = shown

    def show_articles(self, found: Sequence[knowledge.Article]) -> None:
        self.kb_results.value = "".join(
            f"<details><summary>{html.escape(a.title)}</summary><p>{html.escape(a.body)}</p>"
            + (f"<p><small>Source: {html.escape(a.source)}</small></p>" if a.source else "")
            + "</details>"
            for a in found
        ) or status("Nothing found. Try other words, such as 'refund' or 'delivery'.")

    def clear(self) -> None:
        """Empty the reply box, the CRM form, the hints and the report (Start again)."""
        self.box.value = ""
        self.form = CRMForm()
        for shown in (self.hints, self.report, self.notice, self.saved, self.crm_result):
            shown.value = ""

    def check_form(self, **fields: str) -> CRMForm:
        """The form with ``fields`` filled in; a field or choice it does not have is refused."""
        unknown = sorted(set(fields) - set(CRMForm.FIELDS))
        if unknown:
            raise CourseworkError(
                f"The CRM form has no field {unknown[0]!r}; its fields are "
                f"{', '.join(CRMForm.FIELDS)}."
            )
        for name, value in fields.items():
            control = self.crm_fields[name]
            if isinstance(control, w.Dropdown) and value not in [v for _, v in control.options]:
                choices = ", ".join(repr(v) for _, v in control.options if v)
                raise CourseworkError(f"{value!r} is not a choice for {name}: use {choices}.")
        return dataclasses.replace(self.form, **fields)

    @property
    def form(self) -> CRMForm:
        """What is in the CRM form now."""
        return CRMForm(**{name: str(self.crm_fields[name].value or "") for name in CRMForm.FIELDS})

    @form.setter
    def form(self, form: CRMForm) -> None:
        for name in CRMForm.FIELDS:
            self.crm_fields[name].value = getattr(form, name)

    # -- what the learner sees (read-only) --------------------------------------------------------

    @property
    def conversation_html(self) -> str:
        return str(self.log.value)

    @property
    def notice_html(self) -> str:
        """The latest notice ("Type a reply before sending it", "Carrying on your chat"...)."""
        return str(self.notice.value)

    @property
    def saved_html(self) -> str:
        """The latest message about saving, or a problem with the evidence file."""
        return str(self.saved.value)

    @property
    def hints_html(self) -> str:
        return str(self.hints.value)

    @property
    def report_html(self) -> str:
        return str(self.report.value)

    @property
    def clock_html(self) -> str:
        return str(self.clock.value)

    @property
    def facts_html(self) -> str:
        return str(self.facts.value)

    @property
    def articles_html(self) -> str:
        return str(self.kb_results.value)

    @property
    def crm_html(self) -> str:
        return str(self.crm_result.value)

    @property
    def crm_form_shown(self) -> bool:
        return bool(self.crm_box.layout.display != "none")
