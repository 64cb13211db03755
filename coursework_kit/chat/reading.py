"""Read each adviser reply once: what it does, and the rules it breaks, given the chat so far.

This is the only place a reply is assessed. The simulated customer (:mod:`.engine`) reads a
reply here as it is sent, and the whole-chat assessment (:mod:`.transcript`) reads every
reply here again from the saved turns; both pass the same turns, so the coach's hints during
the chat and the grade afterwards cannot disagree.

What a reply *does* (its moves: greets, asks for the security details, paraphrases, offers
a remedy...) comes from :func:`.understand.understand`, grounded in the scenario; the reply's
flags (``greeting``, ``identity_check``...) are set from those moves, with the recogniser's own
words as evidence. Spelling, grammar, jargon and the customer's name are read word by word.
A reply sent again word for word does nothing the second time: it earns nothing and the
customer hears nothing new.

The chat state a reply is read against comes from the turns before it. A chat held with the
simulated customer records what each customer line was (its ``kind``), so "the customer has
passed security" means the customer actually gave their details. A transcript typed by hand
has no kinds; there a customer message after a security question counts as passing it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from coursework_kit.chat._phrases import phrases
from coursework_kit.chat.assess import FLAGS, ReplyAssessment, assess_reply
from coursework_kit.chat.moves import Moves
from coursework_kit.chat.record import Turn
from coursework_kit.chat.rules import broken, check_reply
from coursework_kit.chat.scenario import Scenario
from coursework_kit.feedback import Finding

__all__ = ["Reading", "closing_findings", "mentions_private", "read_chat", "read_reply", "warm_up"]


@dataclass(frozen=True)
class Reading:
    """One adviser reply, read: its place in the chat, what it shows, the rules it breaks.

    ``moves`` is what the reply does (None without a scenario to ground it); ``repeat`` is the
    index of the earlier reply it repeats word for word, if it does.
    """

    turn: int
    assessment: ReplyAssessment
    findings: tuple[Finding, ...]
    moves: Moves | None = None
    repeat: int | None = None

    def does(self, *names: str) -> bool:
        """Whether the reply makes any of the moves ``names``."""
        return self.moves is not None and any(n in self.moves for n in names)


# The moves behind each of the reply's flags. Positive language: saying what the adviser can
# do (an action, a finding, a next step), never blaming.
_FLAG_MOVES: dict[str, tuple[str, ...]] = {
    "greeting": ("greet",),
    "empathy": ("acknowledge_feelings",),
    "apology": ("apologise",),
    "paraphrase": ("paraphrase",),
    "positive_language": (
        "offer_remedy", "explain_findings", "escalate", "signpost", "check_plan_suits",
    ),
    "blame_or_negative": ("blame_or_negative",),
    "closing_question": ("close",),
    "identity_check": ("ask_security",),
    "escalation": ("escalate",),
}  # fmt: skip


def _from_moves(assessment: ReplyAssessment, moves: Moves) -> ReplyAssessment:
    """The reply's flags as its moves say, with the recogniser's words as the evidence."""
    evidence = {
        k: v for k, v in assessment.evidence.items() if k not in _FLAG_MOVES
    }  # uses_customer_name is read word by word
    values: dict[str, Any] = {}
    for flag, names in _FLAG_MOVES.items():
        found = next((m for n in names if (m := moves.get(n)) is not None), None)
        if flag == "positive_language" and "blame_or_negative" in moves:
            found = None
        values[flag] = found is not None
        if found is not None:
            evidence[flag] = found.words or moves.text
    assert set(values) | {"uses_customer_name"} == set(FLAGS)
    return replace(assessment, evidence=evidence, **values)


_PRIVATE = re.compile(
    r"\b(dm|direct message|private(ly)?|inbox|message (me|us)|pm)\b", re.IGNORECASE
)


def mentions_private(text: str) -> bool:
    """Does ``text`` name a private channel ("DM us", "message me privately")? With a
    signposting move, that moves a public complaint to a private message."""
    return _PRIVATE.search(text) is not None


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _simulated(turns: Sequence[Turn]) -> bool:
    return any(t.kind for t in turns if t.speaker == "customer")


def _context(turns: Sequence[Turn], index: int) -> str:
    """What a paraphrase may reflect: the opening problem and the customer's latest message."""
    opening = next((t.text for t in turns if t.speaker == "customer"), "")
    last = next((t.text for t in reversed(turns[:index]) if t.speaker == "customer"), "")
    return opening if last == opening else f"{opening} {last}"


def _verified(turns: Sequence[Turn], index: int, before: Mapping[int, Reading]) -> bool:
    """Had the customer passed security before turn ``index``?"""
    if _simulated(turns):
        return any(t.kind == "verification" for t in turns[:index])
    asked = False
    for i, turn in enumerate(turns[:index]):
        if turn.speaker == "agent" and i in before and before[i].assessment.identity_check:
            asked = True
        elif turn.speaker == "customer" and asked:
            return True
    return False


def _in_public(turns: Sequence[Turn], index: int) -> bool:
    """Is the chat still in a public post (not yet moved to a private message)?"""
    if _simulated(turns):
        return not any(t.kind == "moved_private" for t in turns[:index])
    return not any(
        t.speaker == "agent" and phrases().find("private_channel", t.text) is not None
        for t in turns[:index]
    )


def read_reply(
    turns: Sequence[Turn],
    index: int,
    scenario: Scenario | None,
    *,
    customer_name: str | None = None,
    before: Mapping[int, Reading] | None = None,
) -> Reading:
    """Read the adviser reply ``turns[index]`` against the chat before it.

    ``before`` holds the readings of the earlier replies (needed for transcripts typed by hand,
    to see which asked security questions).
    """
    text = turns[index].text
    name = customer_name or (scenario.persona.name if scenario else None)
    verified = _verified(turns, index, before or {})
    assessment = assess_reply(text, customer_message=_context(turns, index), customer_name=name)
    moves = None
    if scenario is not None:
        from coursework_kit.chat.understand import understand

        last = next((t.text for t in reversed(turns[:index]) if t.speaker == "customer"), "")
        moves = understand(text, scenario, customer_message=last, verified=verified)
    repeat = next(
        (i for i in range(index) if turns[i].speaker == "agent" and _same(turns[i].text, text)),
        None,
    )
    if repeat is not None and moves is not None:  # credited once, the first time
        moves = Moves(text=text)
    if moves is not None:
        assessment = _from_moves(assessment, moves)
    findings = check_reply(
        text,
        scenario,
        verified=verified,
        where=_reply_number(turns, index),
        escalating=assessment.escalation,
        in_public=_in_public(turns, index),
        moves=moves,
    )
    return Reading(index, assessment, tuple(findings), moves, repeat)


def _reply_number(turns: Sequence[Turn], index: int) -> str:
    """Which reply ``turns[index]`` is ("reply 2"), or "" when it is not the adviser's."""
    if turns[index].speaker != "agent":
        return ""
    return f"reply {sum(t.speaker == 'agent' for t in turns[: index + 1])}"


def read_chat(
    turns: Sequence[Turn], scenario: Scenario | None, *, customer_name: str | None = None
) -> dict[int, Reading]:
    """Every adviser reply in ``turns``, read, by its index in the chat."""
    readings: dict[int, Reading] = {}
    for i, turn in enumerate(turns):
        if turn.speaker == "agent":
            readings[i] = read_reply(
                turns, i, scenario, customer_name=customer_name, before=readings
            )
    return readings


def closing_findings(
    turns: Sequence[Turn], scenario: Scenario, ended_by: str | None
) -> tuple[Finding, ...]:
    """The rule broken by how the adviser ended the chat, if one was (simulated chats only)."""
    if ended_by != "agent" or not turns:
        return ()
    kinds = {t.kind for t in turns if t.speaker == "customer"}
    where = _reply_number(turns, len(turns) - 1) or "the end of the chat"
    if scenario.needs.warning_then_end and "warned" not in kinds:
        message = "The chat was ended without first warning the customer about their language."
    elif not scenario.needs.warning_then_end and not kinds & {"resolved", "escalated"}:
        message = "The chat was ended before the customer's problem was dealt with."
    else:
        return ()
    return (broken("policy", message, where=where),)


def warm_up(scenario: Scenario) -> None:
    """Load what reading a reply needs (the recogniser's model, the scenario's grounding, the
    spelling word list) by reading one reply, so the learner's first reply is answered as fast
    as the rest. The chat widget runs it in the background while the learner reads."""
    turns = [Turn("customer", scenario.opening), Turn("agent", "Hello, how can I help?")]
    read_reply(turns, 1, scenario)
