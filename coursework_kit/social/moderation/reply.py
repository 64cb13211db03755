"""Check a moderator's reply to a queue item by what it does: is one wanted, does it give the
advice the item needs (and not the opposite), is it kind, and does it keep the customer's
personal details out of it?

The reply is read by the chat's move recogniser (:func:`coursework_kit.chat.understand.
understand`), grounded in the item: the customer's name and words, what the item says a reply
must tell them, and the promises it must not make. So "don't stop using the lamp" is read as the
opposite of "stop using the lamp", "apologies for the wait" as an apology, and a string of key
words is not mistaken for a reply. Where the recogniser is too unsure to call, the check says
so instead of marking the learner down. Spelling and jargon tips come from
:func:`coursework_kit.chat.assess_reply`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from coursework_kit._english import join
from coursework_kit.chat.assess import ReplyAssessment, assess_reply
from coursework_kit.chat.moves import Moves
from coursework_kit.chat.understand import Features, understand
from coursework_kit.errors import ReplyTypeError
from coursework_kit.social.moderation import _details
from coursework_kit.social.moderation._reading import (
    PRIVATE,
    clause,
    item_scenario,
    keyword_list,
    rule_met,
    said,
)
from coursework_kit.social.moderation.queue import QueueItem, threat_patterns

__all__ = [
    "MAX_REPLY_CHARS",
    "ReplyCheck",
    "check_reply",
    "item_scenario",
    "personal_details",
    "repeated_details",
]

# The longest reply checked: a reply to one post is a few sentences, and chat's longest
# adviser message is the same length. A longer one is refused with a plain message.
MAX_REPLY_CHARS = 3_000
# Each tone flag an item can ask for, as the move that shows it.
_MOVE_FOR = {
    "greeting": "greet",
    "empathy": "acknowledge_feelings",
    "apology": "apologise",
    "paraphrase": "paraphrase",
    "positive_language": "offer_remedy",
    "closing_question": "close",
}
_STRENGTHS = {
    "greeting": "greets them",
    "uses_customer_name": "uses their name",
    "empathy": "shows you understand how they feel",
    "apology": "says sorry",
    "positive_language": "says what you can do",
    "closing_question": "asks if there is anything else",
}
_MISSING = {
    "greeting": 'Start with a greeting, for example "Hi {name}".',
    "uses_customer_name": "Use their first name.",
    "empathy": 'Show you understand how they feel, for example "I can see why you\'re upset".',
    "apology": "Say sorry for what went wrong.",
    "positive_language": 'Say what you can do, for example "I\'ll look into it now".',
    "paraphrase": "Show you have understood by putting their problem in your own words.",
    "closing_question": "Ask if there is anything else you can help with.",
}
_UNSURE = {
    "greeting": "whether it greets {name}",
    "empathy": "whether it shows you understand how {name} feels",
    "apology": "whether it says sorry",
    "paraphrase": "whether it puts the problem in your own words",
    "positive_language": "whether it says what you can do",
    "closing_question": "whether it asks if there is anything else",
}


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def personal_details(text: str) -> list[str]:
    """Phone numbers (UK, in the forms people type them), email addresses and order numbers
    found in ``text``.

    >>> personal_details("Ring me on 07700 900461 about HP-20417, or dani@example.com")
    ['07700 900461', 'dani@example.com', 'HP-20417']
    >>> personal_details("Call +44 (0)7700 900461 or (0113) 496 0000 before 01.12.2026")
    ['+44 (0)7700 900461', '(0113) 496 0000']
    """
    return _details.personal_details(text)


def repeated_details(item: QueueItem, reply: str) -> list[str]:
    """The personal details from the item's text that the reply writes out again.

    Phone numbers match whatever the spacing; other details match ignoring case and spacing.
    """
    phones_in_reply = {_details.phone_key(p) for p in _details.phones(reply)}
    plain_reply = _plain(reply)
    repeated = []
    for detail in dict.fromkeys([*item.personal_data, *personal_details(item.text)]):
        if _details.is_phone(detail):
            if _details.phone_key(detail) in phones_in_reply:
                repeated.append(detail)
        elif _plain(detail) in plain_reply:
            repeated.append(detail)
    return repeated


@dataclass(frozen=True)
class ReplyCheck:
    """What is right and wrong with a reply, in plain words. ``ok`` when nothing is wrong.

    ``unsure`` holds what the check could not tell for sure; it never counts against the reply.
    ``moves`` is what the move recogniser read in it; ``tone`` is the phrase-based reading,
    used only for the jargon and spelling tips.
    """

    reply: str
    needed: bool
    problems: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    tone: ReplyAssessment | None = None
    unsure: list[str] = field(default_factory=list)
    moves: Moves | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """The tone and content of the reply, in a sentence or two."""
        if not self.reply.strip():
            return (
                "This needs a reply, and you haven't written one yet."
                if self.needed
                else "No reply written (none is needed here)."
            )
        good = "Your reply " + _join(self.strengths) + "." if self.strengths else ""
        unsure = f" Not sure: {' '.join(self.unsure)}" if self.unsure else ""
        if self.problems:
            return f"{good} To fix: {' '.join(self.problems)}{unsure}".strip()
        good = good or "Your reply does the job, though it could be warmer."
        return good + unsure + (f" Tip: {' '.join(self.tips)}" if self.tips else "")

    def __repr__(self) -> str:
        return f"ReplyCheck({'ok' if self.ok else 'needs work'}: {self.summary})"

    def _repr_html_(self) -> str:
        head = "Your reply works." if self.ok else "Your reply needs some work."
        notes = self.problems + self.unsure + self.tips
        items = "".join(f"<li>{html.escape(p)}</li>" for p in notes)
        return (
            f"<div role='status'><p><strong>{head}</strong> {html.escape(_good(self))}</p>"
            + (f"<ul>{items}</ul>" if items else "")
            + "</div>"
        )


def _good(check: ReplyCheck) -> str:
    return "It " + _join(check.strengths) + "." if check.strengths else ""


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _welcome(item: QueueItem) -> bool:
    """Whether a reply to this item is ever a good idea (even if the action doesn't need one)."""
    replying = {"reply", "private_channel"}
    others = {a.action for a in item.acceptable}
    return item.reply_needed or item.reply_welcome or bool(({item.best} | others) & replying)


def _shows(flag: str, moves: Moves, f: Features, name: str | None) -> tuple[bool, bool]:
    """Whether the reply shows ``flag`` (a tone the item asks for), and whether that is unsure."""
    if flag == "uses_customer_name":
        said = bool(name) and re.search(rf"(?<!\w){re.escape(name or '')}(?!\w)", moves.text, re.I)
        return bool(said), False
    move = _MOVE_FOR[flag]
    if move in moves:
        return True, moves.is_unsure(move)
    if flag == "empathy" and "k:feeling" in f.values:  # "how frightening", "what a worry"
        return True, False
    return False, moves.is_unsure(move)


def _harm(reply: str, moves: Moves) -> tuple[list[str], list[str]]:
    """Problems (and doubts) with a reply that threatens, blames or is rude."""
    problems: list[str] = []
    menace = said(reply, threat_patterns())
    threatens = bool(menace.plain)
    if threatens:
        problems.append(
            f'It reads as a threat ("{clause(reply, menace.features, menace.plain[0])}"). Never '
            "threaten anyone, whatever they have said."
        )
    blame = moves.get("blame_or_negative")
    if blame is not None:  # found, if only just: say how sure, but it must still be fixed
        seems = "may sound" if moves.is_unsure("blame_or_negative") else "sounds"
        problems.append(
            f'It {seems} rude, negative or as if it blames the customer ("{blame.words}"). '
            "Never post anything like this, whatever they have said. Say what you can do "
            "instead."
        )
    elif moves.is_unsure("blame_or_negative") and not threatens:
        quoted = f'"{reply.strip()}"' if len(reply.split()) <= 25 else "Part of your reply"
        return problems, [
            f"{quoted} may come across as rude or cold. Read it again as the customer would."
        ]
    return problems, []


def _missing(
    item: QueueItem, reply: str, moves: Moves, f: Features
) -> tuple[list[str], list[str], int]:
    """What the item needs a reply to say or show that this one doesn't (problems), what the
    recogniser can't tell (doubts), and how many of the item's must-says it does say."""
    name = item.name or "there"
    problems: list[str] = []
    unsure: list[str] = []
    promise = moves.get("promise_cannot_keep")
    if promise is not None and item.cannot_promise:
        problems.append(
            f'It promises what we can\'t be sure of ("{promise.words}"). Give the facts instead.'
        )
    met = 0
    for rule in item.reply_must:
        done, opposite = rule_met(reply, rule)
        met += done
        if opposite:
            problems.append(f'You wrote "{opposite}", which says the opposite. {rule.advice}')
        elif not done:
            problems.append(rule.advice)
    for flag in item.tone:
        shown, doubtful = _shows(flag, moves, f, item.name)
        if not shown and doubtful:
            unsure.append(
                f"I can't tell {_UNSURE[flag].format(name=name)}. If not, add it: "
                + _MISSING[flag].format(name=name)
            )
        elif not shown:
            problems.append(_MISSING[flag].format(name=name))
    return problems, unsure, met


def check_reply(item: QueueItem, reply: str, *, needed: bool, private_invite: bool) -> ReplyCheck:
    """Check ``reply`` to ``item``. ``needed``: the chosen action needs a reply;
    ``private_invite``: the reply must invite the customer to a private channel.

    >>> from coursework_kit.social.moderation.queue import get_item
    >>> lamp = get_item("lamp-1")
    >>> check = check_reply(lamp, "Don't stop using the lamp, it's fine. DM us.",
    ...                     needed=True, private_invite=True)
    >>> for problem in check.problems:
    ...     if problem.startswith("You wrote"):
    ...         print(problem.split(", which")[0])
    You wrote "Don't stop using the lamp"
    >>> check_reply(lamp, "Hi Priya, so sorry! Keep it unplugged and message me privately.",
    ...             needed=True, private_invite=True).ok
    True
    """
    if not isinstance(reply, str):
        raise ReplyTypeError(f"A reply must be text, not {type(reply).__name__}.")
    if not reply.strip():
        missing = ["This needs a reply: write what you would post or send."] if needed else []
        return ReplyCheck(reply, needed, problems=missing)
    if len(reply) > MAX_REPLY_CHARS:
        return ReplyCheck(
            reply,
            needed,
            problems=[
                f"Your reply is {len(reply):,} characters long, which is too long to check. "
                "A reply to one post needs only a few sentences: keep it under "
                f"{MAX_REPLY_CHARS:,} characters."
            ],
        )
    moves = understand(reply, item_scenario(item), customer_message=item.text)
    tone = assess_reply(reply, customer_message=item.text, customer_name=item.name)
    problems, unsure = _harm(reply, moves)
    if not _welcome(item):
        advice = item.feedback.get("reply", "")
        problems.append(f"No reply is needed here, so leave the reply box empty. {advice}".strip())
        return ReplyCheck(reply, needed, problems, [], [], [], tone, unsure, moves)
    repeated = repeated_details(item, reply) if item.public else []
    if repeated:
        problems.append(
            "It repeats personal details the customer posted in public "
            f"({join(repeated)}). Never write them back: anyone can see them."
        )
    private = said(reply, PRIVATE)  # "no need to DM us" does not invite them
    f, private_said = private.features, bool(private.plain)
    more, doubts, met = _missing(item, reply, moves, f)
    problems += more
    unsure += doubts
    if private_invite and not private_said:
        problems.append(
            'Invite them to a private channel, for example "Please send us a direct message".'
        )
    name = item.name or "there"
    if keyword_list(reply, f, len(moves.found) + private_said + met):
        problems.append(
            f'"{reply.strip()}" reads as a list of key words, not a reply. Write it in full '
            f"sentences, the way you would say it to {name}."
        )
    tips: list[str] = []
    if tone.jargon:
        tips.append(f"Avoid jargon the customer may not know: {', '.join(tone.jargon)}.")
    typos = [word for word in tone.spelling_errors if word[:1].islower()]
    if typos:
        tips.append(f"Check the spelling of: {', '.join(typos)}.")
    if "greet" not in moves and "greeting" not in item.tone:
        tips.append(_MISSING["greeting"].format(name=name))
    strengths = [
        text
        for flag, text in _STRENGTHS.items()
        if _shows(flag, moves, f, item.name) == (True, False)
    ]
    if private_invite and private_said:
        strengths.append("moves the conversation somewhere private")
    return ReplyCheck(reply, needed, problems, tips, strengths, repeated, tone, unsure, moves)
