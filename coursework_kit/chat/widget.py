"""The live-chat widget: the learner is the adviser, the scenario's customer replies.

Thin by design: the customer's behaviour is :mod:`.engine`, the assessment
:mod:`.assess_record`, coaching :mod:`.coach`, the report and portfolio page :mod:`.portfolio`,
the controls and what they show :mod:`.dashboard`. Every user action is a method (``send``,
``type_reply``, ``end``, ``restart``, ``report``, ``search``, ``insert_template``,
``fill_crm``, ``save_crm``, ``export_html``), so tests drive it without a browser.

The chat is a :class:`.ChatRecord`, saved to ``evidence/chat-<scenario>.json`` within a second
of every change: each message, the reply being typed, the CRM form. A new widget on the same
folder (after a kernel restart, say) shows the latest attempt: an unfinished chat carries on,
an ended one shows its report and CRM record until the learner presses Start again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import threading
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import ipywidgets as w

from coursework_kit._atomic import write_text
from coursework_kit._english import count
from coursework_kit._ui.layout import fit_width
from coursework_kit._ui.snippets import alert, status
from coursework_kit.chat import knowledge
from coursework_kit.chat._picker_widget import ChatPicker
from coursework_kit.chat.assess_record import assess
from coursework_kit.chat.coach import hints_after
from coursework_kit.chat.crm import CRMCheck, check_crm
from coursework_kit.chat.dashboard import AdviserDashboard
from coursework_kit.chat.engine import Conversation, Turn
from coursework_kit.chat.portfolio import portfolio_html, report_html
from coursework_kit.chat.reading import warm_up
from coursework_kit.chat.record import ChatRecord, ChatWork, CRMForm
from coursework_kit.chat.scenario import Scenario, load_scenario
from coursework_kit.errors import CourseworkError
from coursework_kit.feedback import Feedback
from coursework_kit.learner import autograding
from coursework_kit.records import ActivitySession, Attempt, Record

__all__ = ["ChatPicker", "ChatWidget"]


class ChatWidget(w.VBox):  # type: ignore[misc]
    """A live chat with a simulated customer, assessed against the customer-service criteria.

    ``mode`` is "coach" (hints after each reply) or "assessment" (no hints; saved as an
    assessment attempt). ``practice=True`` turns the clock off. ``live_clock=False`` stops the
    background timer (tests, nbgrader); ``tick()`` is what the timer calls each second.
    ``resume=False`` ignores the saved chat: the first change starts a new attempt.
    In "assessment" mode the customer's details (name, order number, postcode...) are the
    learner's own (:meth:`.Scenario.for_learner`, for the learner the grader will mark), and
    each attempt is saved for that learner; "coach" mode keeps the scenario's usual details.
    ``dashboard`` holds the controls and says what each shows.
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
        learner: str | None = None
        if mode == "assessment":  # the learner's own customer: a copied chat names the wrong one
            from coursework_kit.tutor.grading import current_learner

            learner = current_learner()
            self.scenario = self.scenario.for_learner(learner)
        self.mode, self.practice = mode, practice
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None
        self._quiet = False
        self.crm: CRMCheck | None = None
        self.dashboard = self._ui = AdviserDashboard(self.scenario)
        self.session = ActivitySession(
            ChatRecord,
            self.scenario.id,
            folder=folder,
            mode="assessment" if mode == "assessment" else "practice",
            learner=learner,
            notify=self._show_saved,
        )
        self.conversation = Conversation(self.scenario, practice=practice, clock=self._clock)
        self._wire()
        super().__init__(self._ui.children())
        self.add_class("ck-chat")
        fit_width(self)
        resumed = self.session.resumed
        if resumed is not None and autograding():
            # nbgrader is running the notebook: the grader replays the saved chat itself, from
            # the evidence file, so it is left as it is (replaying it here took seconds)
            self._ui.notice.value = status(
                "Your saved chat is marked from your evidence file by your tutor's grader."
            )
        elif resumed is not None and not resume:
            self.session.start_again()
        elif resumed is not None:
            self._reopen(resumed)
        self._after_turn(save=False)
        # Nothing read yet: get ready in the background, unless nbgrader is running the notebook
        # (no one will type, and the warm-up would only slow the cells after this one).
        if len(self.conversation.turns) == 1 and not autograding():
            threading.Thread(target=warm_up, args=(self.scenario,), daemon=True).start()
        if self.session.notices:
            self._ui.saved.value = status(" ".join(self.session.notices))
        if live_clock and not practice and not autograding():
            self._timer = threading.Thread(target=self._run_clock, daemon=True)
            self._timer.start()

    # -- user actions ---------------------------------------------------------------------------

    def type_reply(self, text: str) -> None:
        """Type ``text`` into the reply box (it is saved, unsent, within a second)."""
        self._ui.box.value = text

    def send(self, text: str | None = None) -> list[Turn]:
        """Send a reply (the text given, or what is in the box); returns the customer's answer."""
        text = self.draft if text is None else text
        if not text.strip():
            self._ui.notice.value = alert("Type a reply before sending it.")
            return []
        if self.conversation.ended:
            self._ui.notice.value = alert(
                "This chat has ended. Press Start again to have another go."
            )
            return []
        before = len(self.conversation.findings)
        answer = self.conversation.reply(text)
        with self._quietly():
            self._ui.box.value = ""
        self._ui.notice.value = ""
        if self.mode == "coach":
            hints = hints_after(self.conversation, before)
            self._ui.hints.value = "".join(f"<p>{html.escape(h)}</p>" for h in hints)
        self._after_turn()
        return answer

    def end(self) -> Feedback:
        """End the chat and show the end-of-chat report."""
        self.conversation.end()
        self._after_turn()
        return self.report()

    def restart(self) -> None:
        """Start the chat again as a new attempt (earlier attempts stay saved)."""
        self.session.start_again()
        self.conversation = Conversation(self.scenario, practice=self.practice, clock=self._clock)
        self.crm = None
        with self._quietly():
            self._ui.clear()
        self._after_turn(save=False)

    def report(self) -> Feedback:
        """Assess the chat so far and show the report with its chart."""
        feedback = self.feedback
        self._ui.report.value = "<h4>End-of-chat report</h4>" + report_html(
            feedback, self.work, self.scenario.persona.patience_seconds
        )
        return feedback

    def search(self, query: str | None = None) -> list[knowledge.Article]:
        """Search the knowledge base and show the best articles."""
        found = knowledge.search(self._ui.kb_box.value if query is None else query)
        self._ui.show_articles(found)
        return found

    def insert_template(self, template_id: str | None = None) -> str:
        """Put a pre-written response in the reply box, ready to personalise."""
        template_id = template_id or self._ui.templates.value
        chosen = next((t for t in knowledge.templates() if t.id == template_id), None)
        if chosen is None:
            raise CourseworkError(f"There is no pre-written response {template_id!r}.")
        self._ui.box.value = chosen.text
        self._ui.notice.value = status("Personalise it: replace each [bracket] before you send.")
        return chosen.text

    def fill_crm(self, **fields: str) -> None:
        """Type into the CRM form (saved, unchecked, within a second), as the learner would."""
        form = self._ui.check_form(**fields)  # refuses a field or choice the form does not have
        with self._quietly():
            self._ui.form = form
        self._changed()

    def save_crm(self, **fields: str) -> CRMCheck:
        """Complete the CRM contact record (fields given, or the form); check it and save it."""
        self.fill_crm(**fields)
        self.crm = check_crm(
            dataclasses.asdict(self._ui.form), self.conversation.turns, scenario=self.scenario
        )
        self._ui.crm_result.value = self.crm._repr_html_()
        self.session.update(self.work)
        self.session.flush()
        return self.crm

    def export_html(self, path: str | Path | None = None) -> Path:
        """Write the dated portfolio page (HTML) beside the evidence file and return its path."""
        when = self._clock()
        name = f"{ChatRecord.activity_for(self.scenario.id)}-{when:%Y%m%d-%H%M%S}.html"
        target = Path(path) if path else self.session.file.folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        page = portfolio_html(
            self.feedback, self.work, self.scenario, learner=self.session.learner, when=when
        )
        write_text(target, page)
        self.session.flush()
        self._ui.notice.value = status(f"Saved your portfolio page as {target.name}.")
        return target

    def close(self) -> None:
        """Stop the clock and save anything not yet saved (the widget is going away)."""
        if hasattr(self, "_stop"):  # absent if __init__ failed part way
            self._stop.set()
        if hasattr(self, "session"):
            self.session.close()
        super().close()

    # -- what the learner has done, and what the widget shows -----------------------------------

    @property
    def work(self) -> ChatWork:
        """The chat as it stands: every message, how it ended, the CRM record and form."""
        return self.conversation.work(
            draft=self.draft,
            crm=self.crm.record if self.crm else None,
            crm_form=self._ui.form,
            coach=self.mode == "coach",
        )

    @property
    def record(self) -> Record[ChatWork]:
        """Every attempt, with the current one holding the work as it stands now."""
        s = self.session
        return s.record.with_work(self.work, number=s.number, mode=s.mode, learner=s.learner)

    @property
    def feedback(self) -> Feedback:
        """The assessment of the chat as it stands (what the report shows)."""
        record, number = self.record, self.session.number
        attempt = number if number is not None else record.next_number - 1
        return assess(record, scenario=self.scenario, attempt=attempt)

    @property
    def draft(self) -> str:
        """The reply typed but not sent yet."""
        return str(self._ui.box.value)

    @property
    def attempt(self) -> int | None:
        """The number of the attempt being worked on (None until something is saved)."""
        return self.session.number

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return self._ui.saved_html

    @property
    def crm_form(self) -> CRMForm:
        """What is in the CRM form now."""
        return self._ui.form

    @property
    def clock_running(self) -> bool:
        return self._timer is not None

    # -- inside ---------------------------------------------------------------------------------

    def _wire(self) -> None:
        ui = self._ui
        with warnings.catch_warnings():  # Enter to send: on_submit is the only way in ipywidgets 8
            warnings.simplefilter("ignore", DeprecationWarning)
            ui.box.on_submit(lambda _box: self.send())
        ui.box.observe(lambda _c: self._changed(), names="value")
        for control in ui.crm_fields.values():
            control.observe(lambda _c: self._changed(), names="value")
        ui.send.on_click(lambda _b: self.send())
        ui.end.on_click(lambda _b: self.end())
        ui.again.on_click(lambda _b: self.restart())
        ui.export.on_click(lambda _b: self.export_html())
        ui.kb_box.observe(lambda _c: self.search(), names="value")
        ui.insert.on_click(lambda _b: self.insert_template())
        ui.save_crm.on_click(lambda _b: self._press_save_crm())

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        """Change controls without each change counting as the learner's."""
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    def _changed(self) -> None:
        if not self._quiet:
            self.session.update(self.work)

    def _press_save_crm(self) -> None:
        try:
            self.save_crm()
        except CourseworkError as exc:
            self._ui.crm_result.value = alert(str(exc))

    def _reopen(self, attempt: Attempt[ChatWork]) -> None:
        """Show the latest attempt: carry on an unfinished chat, show an ended one as ended."""
        work = attempt.work
        conversation = Conversation.replay(
            self.scenario,
            work.turns,
            practice=work.practice,
            clock=self._clock,
            ended_by=work.ended_by,
        )
        if conversation is None and attempt.mode != self.session.mode:
            self.session.start_again()  # e.g. a practice chat, with the usual customer
            self._ui.notice.value = status(
                f"Your {attempt.mode} chat is still saved. This is a new {self.session.mode} "
                "chat, with its own customer."
            )
            return
        if conversation is None:  # the scenario has changed since: keep that chat, start anew
            self.session.start_again()
            self._ui.notice.value = status(
                "Your saved chat could not be carried on, because the chat has changed since it "
                "was saved. It is still saved; a new chat has started below."
            )
            return
        self.conversation = conversation
        with self._quietly():
            self._ui.box.value = work.draft
            self._ui.form = work.crm_form
        if work.crm is not None and work.replies:
            self.crm = check_crm(work.crm, work.turns, scenario=self.scenario)
            self._ui.crm_result.value = self.crm._repr_html_()
        if conversation.ended:
            self._ui.notice.value = status(
                "This chat has ended: your report and CRM record are below. "
                "Press Start again to have another go."
            )
        else:
            self._ui.notice.value = status(
                f"Carrying on your chat from where you left it (last saved {attempt.saved[11:16]})."
            )

    def _after_turn(self, *, save: bool = True) -> None:
        c = self.conversation
        self._ui.show_chat(c.turns, verified=c.verified)
        if c.ended:
            who = "You ended the chat." if c.ended_by == "agent" else "The customer left the chat."
            self._ui.clock.value = status(who + " Complete the CRM record below.")
            self._ui.crm_box.layout.display = None
            self.report()
        else:
            self._ui.crm_box.layout.display = "none"
        if save:
            self.session.update(self.work)
            self.session.flush()

    def _show_saved(self, message: str, problem: bool) -> None:
        self._ui.saved.value = alert(message) if problem else status(message)

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
        self._ui.clock.value = (
            status(f"The customer has been waiting {count(round(waited), 'second')}.")
            if waited
            else ""
        )
        return None

    def _run_clock(self) -> None:
        while not self._stop.wait(1.0):
            self.tick()
