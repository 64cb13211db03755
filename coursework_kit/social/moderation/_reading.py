"""Reading a moderator's reply with the chat's move recogniser, grounded in a queue item: the
item as a chat scenario, patterns found inside or outside a negation ("don't stop using it"),
the required advice, and replies that are lists of key words rather than sentences. Private to
:mod:`coursework_kit.social.moderation.reply`.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from coursework_kit.chat.scenario import Fact, Needs, Persona, Scenario
from coursework_kit.chat.understand import Features, Grounding, content_words, featurise
from coursework_kit.social.moderation.queue import QueueItem, ReplyRule

__all__ = ["PRIVATE", "Said", "clause", "item_scenario", "keyword_list", "rule_met", "said"]

# Moving the conversation somewhere private: read with the recogniser's negation handling, so
# "no need to DM us" does not count.
PRIVATE = (
    r"\b(dms?|pm|inbox|privately|private (message|chat|msg)|direct (message|msg)|message (us|me)"
    r"|(send|drop|pop|shoot) (us|me) an? (line|message|msg|note|email)|write to us"
    r"|in private|messag(e|ed|ing) (us|me|you)|(sent|send|sending) you an? (private |direct )?"
    r"(message|msg)|check your (direct )?messages|email us)\b",
)
# The recogniser's negation words (coursework_kit.chat._wording.NEGATION, and "n't"), and the
# words that end a negation before what follows: "don't forget to unplug it".
_NEGATION_CUE = re.compile(
    r"\b(not|no|never|nothing|nobody|none|neither|nor|without|unable)\b|n['’]t\b", re.I
)
_RELEASES = re.compile(r"\b(forget|hesitate|wait|delay|fail|just|instead|simply|rather)\b", re.I)
# Words that join one thought to the next: a reply with none, no punctuation and many moves
# reads as a list of key words.
_JOINING = ("and", "then", "so", "but", "because", "or", "if", "when", "until", "while")


def item_scenario(item: QueueItem) -> Scenario:
    """The queue item as a chat scenario, so the move recogniser reads a reply in its light:
    the customer's name and post, what a reply must tell them (as remedies), the promises it
    must not make and the personal details it must not repeat."""
    name = item.name or item.author.lstrip("@")
    advice = " ".join(rule.advice for rule in item.reply_must)
    return Scenario(
        id=f"moderation-{item.id}",
        title=f"Moderation queue: {item.kind_label} from {item.author}",
        units=(2,),
        channel="social_public" if item.public else "social_dm",
        summary=item.reason,
        brief=item.context or item.reason,
        persona=Persona(name=name, mood="annoyed", patience_seconds=120),
        opening=item.text,
        problem_keywords=(),
        needs=Needs(
            verification=False,
            escalation=item.escalate_to is not None,
            private_channel=item.best == "private_channel",
            never_disclose=bool(item.personal_data),
            warning_then_end=False,
        ),
        facts=(Fact("What you know", item.context),) if item.context else (),
        refund_limit=50.0,
        cannot_promise=item.cannot_promise,
        resolution_keywords=tuple(rule.pattern for rule in item.reply_must),
        resolution_note=advice or item.reason,
        kb=(),
        crm_reason="",
        crm_outcomes=(),
        replies={"default": ("OK.",)},
        account_details=tuple(re.escape(d) for d in item.personal_data),
    )


@lru_cache(maxsize=256)
def _said_in(patterns: tuple[str, ...]) -> Grounding:
    """A grounding that holds only ``patterns`` (as remedies), to find them with negation."""
    return dataclasses.replace(_NOTHING, remedies=tuple(re.compile(p, re.I) for p in patterns))


@dataclass(frozen=True)
class Said:
    """Where a reply says one of some patterns: the tokens outside a negation (``plain``) and
    inside one (``negated``), and the reply's ``features`` as the recogniser reads them."""

    features: Features
    plain: tuple[int, ...]
    negated: tuple[int, ...]


def said(reply: str, patterns: tuple[str, ...]) -> Said:
    """Where ``reply`` says one of ``patterns``, outside or inside a negation ("don't", "no
    need to", "never"), with the recogniser's negation scope. A negation is taken to stop at
    "forget", "hesitate", "just", "instead" and the like: "don't forget to unplug it" and
    "don't scrub it just blot it" tell the customer to do it."""
    f = featurise(reply, _said_in(patterns))
    plain = set(f.where.get("g:rem", ()))
    negated: set[int] = set()
    found = f.where.get("g:rem_neg", ())
    if found:
        released = _Releases(reply, f)
        for token in found:
            (plain if released(token) else negated).add(token)
    return Said(f, tuple(sorted(plain)), tuple(sorted(negated - plain)))


class _Releases:
    """Whether the negation before a token (in its clause) is cancelled before it. The
    reply's negation cues, release words and clause starts are found once, then each token is
    looked up, so a long reply costs no more than its length."""

    def __init__(self, reply: str, f: Features) -> None:
        self.spans = f.spans
        self.clause_start = {t: f.spans[c[0]][0] for c in f.clauses for t in c}
        cues = [(m.start(), m.end()) for m in _NEGATION_CUE.finditer(reply)]
        self.cue_starts, self.cue_ends = [a for a, _ in cues], [b for _, b in cues]
        found = [(m.start(), m.end()) for m in _RELEASES.finditer(reply)]
        self.release_starts, self.release_ends = [a for a, _ in found], [b for _, b in found]

    def __call__(self, token: int) -> bool:
        end = self.spans[token][0]
        start = self.clause_start.get(token, end)
        last = bisect_right(self.cue_ends, end) - 1  # the last negation ending before it
        if last < 0 or self.cue_starts[last] < start:
            return False
        first = bisect_left(self.release_starts, self.cue_ends[last])
        return first < len(self.release_starts) and self.release_ends[first] <= end


def clause(reply: str, f: Features, token: int) -> str:
    """The clause of the reply (as written) that holds ``token``."""
    clause = next((c for c in f.clauses if token in c), [token])
    return reply[f.spans[clause[0]][0] : f.spans[clause[-1]][1]]


def rule_met(reply: str, rule: ReplyRule) -> tuple[bool, str]:
    """Whether the reply does what ``rule`` asks, and, if it says the opposite, the words."""
    found = said(reply, (rule.pattern,))
    if found.plain:
        return True, ""
    if found.negated:  # "don't stop using it", "no need to measure"
        return False, clause(reply, found.features, found.negated[0])
    if rule.or_not:  # "don't use it" tells them to stop
        return bool(said(reply, (rule.or_not,)).negated), ""
    return False, ""


@lru_cache(maxsize=4096)
def _small(word: str) -> bool:
    """Whether ``word`` is a small word ("the", "it", "you"), not a content word."""
    return not content_words(word)


def keyword_list(reply: str, f: Features, done: int) -> bool:
    """Whether the reply is a list of key words rather than sentences: six words or more with
    almost no small words ("the", "it", "you"), or doing two things or more (``done``) so, or
    three or more in six words or more with no punctuation and no joining word ("and", "so",
    "then")."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", reply)
    if len(words) < 4:
        return False
    small = sum(1 for word in words if _small(word.lower())) / len(words)
    if small < 0.25 and len(words) >= 6:
        return True
    if done < 2:
        return False
    clauses = [c for c in f.clauses if c]
    joined = any(f"w:{w}" in f.values or f"n:{w}" in f.values for w in _JOINING)
    return small < 0.25 or (done >= 3 and len(clauses) == 1 and not joined and len(words) >= 6)


_NOTHING = Grounding(
    fields=(),
    names=frozenset(),
    fact_words=frozenset(),
    customer_words=frozenset(),
    kb_words=frozenset(),
    codes=frozenset(),
    remedies=(),
    forbidden=(),
    details=(),
    refund_limit=0.0,
    common=frozenset(),
)
