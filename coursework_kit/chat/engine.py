"""The simulated customer: reacts to what the adviser does, turn by turn.

What the adviser does is the reply's moves, as :mod:`.reading` reads them (the recogniser,
grounded in the scenario), so ordinary wording works: "could you pop your order number and
postcode in?" asks for the security details. Security details asked for -> the customer gives
them. Account details before that -> a data protection breach is recorded. Empathy or an
apology -> calmer. Blame, jargon or slow replies -> more frustrated, then asks for a
manager, then leaves. A paraphrase of this customer's problem -> the customer confirms it; a
generic one ("so you're saying there's a problem") -> they correct it. A remedy from the
scenario's resolution, once security is passed -> the problem is dealt with; a close before
that -> "you haven't sorted it". A reply sent again word for word -> the customer repeats
themselves. An offer beyond the adviser's remit -> a policy breach is recorded.

Time comes from ``clock`` (``datetime.now`` by default), so tests can drive it; in practice
mode the clock is off: no chasing and no penalty for slow replies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from coursework_kit.chat._phrases import phrases
from coursework_kit.chat.assess import ReplyAssessment
from coursework_kit.chat.reading import Reading, closing_findings, mentions_private, read_reply
from coursework_kit.chat.record import ChatWork, CRMForm, CRMRecord, EndedBy, Turn, as_turns
from coursework_kit.chat.scenario import Scenario
from coursework_kit.errors import CourseworkError
from coursework_kit.feedback import Finding

__all__ = ["MOODS", "Conversation", "Turn"]

MOODS = ("calm", "worried", "annoyed", "angry", "asking for a manager", "leaving")
_MANAGER, _LEAVING = 4, 5
MAX_CHASES = 2


def _at(turn: Turn) -> datetime:
    when = turn.time
    if when is None:  # every turn the engine makes is timed
        raise CourseworkError("A turn in this chat has no time.")
    return when


@dataclass
class Conversation:
    """One chat between the learner (the adviser) and a scenario's simulated customer."""

    scenario: Scenario
    practice: bool = False
    clock: Callable[[], datetime] = field(default=lambda: datetime.now().astimezone())
    turns: list[Turn] = field(default_factory=list, init=False)
    findings: list[Finding] = field(default_factory=list, init=False)
    assessments: list[ReplyAssessment] = field(default_factory=list, init=False)
    readings: dict[int, Reading] = field(default_factory=dict, init=False)
    ended_by: EndedBy | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.mood = MOODS.index(self.scenario.persona.mood)
        self.verified = self.resolved = self.escalated = False
        self.moved_private = self.warned = self.manager_asked = False
        self._asked_identity = False
        self._chases = 0
        self._used: Counter[str] = Counter()
        opening = Turn("customer", self.scenario.opening, self.clock().isoformat(), "opening")
        self.turns.append(opening)

    # -- what the learner does -----------------------------------------------------------------

    def reply(self, text: str, *, at: datetime | None = None) -> list[Turn]:
        """The adviser sends ``text``; returns what the customer says back (maybe nothing)."""
        if self.ended_by:
            raise CourseworkError("This chat has ended. Start it again to have another go.")
        if not isinstance(text, str) or not text.strip():
            raise CourseworkError("Type a reply before sending it.")
        at = at or self.clock()
        slow = (
            not self.practice and self.waiting_seconds(at) > self.scenario.persona.patience_seconds
        )
        index = len(self.turns)
        self.turns.append(Turn("agent", text, at.isoformat()))
        reading = read_reply(self.turns, index, self.scenario, before=self.readings)
        self.readings[index] = reading
        assessment = reading.assessment
        self.assessments.append(assessment)
        self.findings += reading.findings
        negative = assessment.blame_or_negative or bool(assessment.jargon) or slow
        if negative:
            self.mood = min(self.mood + 1, _LEAVING)
        elif assessment.empathy or assessment.apology:
            self.mood = max(self.mood - 1, 0)
        if phrases().find("ending_chat", text):
            self._adviser_ends()
            return []
        kind = self._respond(reading, text, negative)
        return self._say(kind, at)

    def end(self) -> None:
        """The adviser closes the chat."""
        if not self.ended_by:
            self._adviser_ends()

    def tick(self, now: datetime | None = None) -> Turn | None:
        """Let time pass: a customer kept waiting too long chases (or, in the end, leaves)."""
        if self.practice or self.ended_by or self.turns[-1].speaker != "customer":
            return None
        now = now or self.clock()
        waited = (now - _at(self.turns[-1])).total_seconds()
        if waited <= self.scenario.persona.patience_seconds:
            return None
        self._chases += 1
        self.mood = min(self.mood + 1, _LEAVING)
        kind = "leave" if self._chases > MAX_CHASES else "chase"
        (turn,) = self._say(kind, now)
        return turn

    @classmethod
    def replay(
        cls,
        scenario: Scenario,
        turns: Iterable[Turn | Any],
        *,
        practice: bool = False,
        clock: Callable[[], datetime] | None = None,
        ended_by: EndedBy | None = None,
    ) -> Conversation | None:
        """Rebuild a saved chat by sending its adviser turns again at their saved times.

        The customer is deterministic, so the same replies give the same chat. ``ended_by``
        "agent" ends it as the End chat button did. Returns None if the saved turns cannot be
        replayed exactly (the scenario has changed since, or the file was edited).
        """
        try:
            saved = as_turns(turns)
            when = [_at(t) for t in saved]
            conversation = cls(scenario, practice=practice, clock=lambda: when[0])
            for turn, at in zip(saved[1:], when[1:], strict=True):
                if turn.speaker == "agent":
                    conversation.reply(turn.text, at=at)
                elif conversation.turns[-1].speaker == "customer":
                    conversation.tick(at)  # a chase while the adviser was silent
            if ended_by == "agent":
                conversation.end()
            again = [(t.speaker, t.text, _at(t), t.kind) for t in conversation.turns]
            if again != [(t.speaker, t.text, _at(t), t.kind) for t in saved]:
                return None
            if ended_by is not None and conversation.ended_by != ended_by:
                return None
        except (ValueError, TypeError, CourseworkError):
            return None
        conversation.clock = clock or (lambda: datetime.now().astimezone())
        return conversation

    # -- state --------------------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self.ended_by is not None

    @property
    def mood_label(self) -> str:
        return MOODS[self.mood]

    def waiting_seconds(self, now: datetime | None = None) -> float:
        """How long the customer has been waiting for the adviser (0 if it is their turn)."""
        if self.turns[-1].speaker != "customer":
            return 0.0
        first = self._first_unanswered()
        return max(0.0, ((now or self.clock()) - _at(first)).total_seconds())

    def transcript(self) -> list[tuple[str, str, datetime]]:
        """The turns as ``(speaker, text, timestamp)`` tuples (``turns`` holds them as turns)."""
        return [(t.speaker, t.text, _at(t)) for t in self.turns]

    def work(
        self,
        *,
        draft: str = "",
        crm: CRMRecord | None = None,
        crm_form: CRMForm | None = None,
        coach: bool = True,
    ) -> ChatWork:
        """The chat as evidence: its turns and how it ended, with what the adviser has typed."""
        return ChatWork(
            turns=tuple(self.turns),
            ended_by=self.ended_by,
            crm=crm,
            draft=draft,
            crm_form=crm_form if crm_form is not None else CRMForm.of(crm),
            coach=coach,
            practice=self.practice,
        )

    # -- the customer's side ------------------------------------------------------------------

    def _respond(self, reading: Reading, text: str, negative: bool) -> str:
        s, does = self.scenario, reading.does
        if reading.repeat is not None and not negative:
            return "frustrated"  # the same words again: the customer repeats themselves
        if s.needs.warning_then_end and does("warn_abuse") and not self.warned:
            self.warned = True
            return "warned"
        if self.mood >= _LEAVING:
            return "leave"
        if self.mood >= _MANAGER and not self.manager_asked:
            self.manager_asked = True
            return "manager"
        if does("ask_security") and s.needs.verification and not self.verified:
            self._asked_identity = True
            return "verification"
        if negative:
            return "frustrated"
        secure = self.verified or not s.needs.verification
        specific = reading.moves is not None and reading.moves.specific
        # Passed on to the team the scenario's resolution names, not "the relevant team".
        right_team = reading.moves is not None and bool(reading.moves.remedy_words)
        if s.needs.escalation and does("escalate") and right_team and not self.escalated and secure:
            self.escalated = self.resolved = True
            return "escalated"
        if s.needs.private_channel and not self.moved_private and _private(reading, text):
            self.moved_private = True
            return "moved_private"
        ready = secure and (self.moved_private or not s.needs.private_channel)
        remedy = does("offer_remedy") or (s.needs.signposting and does("signpost"))
        if not self.resolved and ready and not s.needs.escalation and remedy and specific:
            self.resolved = True
            return "resolved"
        if does("close"):
            return "goodbye" if self.resolved else "not_resolved"
        if does("paraphrase"):
            return "confirm"
        if does("generic_paraphrase"):
            return "correct"
        if does("acknowledge_feelings", "apologise") or (
            self.resolved and does("check_understanding", "check_plan_suits", "explain_findings")
        ):
            return "calmer"
        return "default"

    def _say(self, kind: str, at: datetime) -> list[Turn]:
        if kind == "verification":
            text = self.scenario.verification_reply
            self.verified = True
        else:
            options = self.scenario.lines(kind)
            text = options[self._used[kind] % len(options)]
            self._used[kind] += 1
        turn = Turn("customer", text, at.isoformat(), kind)
        self.turns.append(turn)
        if kind in ("goodbye", "leave"):
            self.ended_by = "customer"
        return [turn]

    def _adviser_ends(self) -> None:
        self.ended_by = "agent"
        self.findings += closing_findings(self.turns, self.scenario, self.ended_by)

    def _first_unanswered(self) -> Turn:
        first = self.turns[-1]
        for turn in reversed(self.turns):
            if turn.speaker != "customer":
                break
            first = turn
        return first


def _private(reading: Reading, text: str) -> bool:
    """Does the reply move the conversation to a private message?"""
    return phrases().find("private_channel", text) is not None or (
        reading.does("signpost") and mentions_private(text)
    )
