"""Reading the tone of a post or email: does it insult or blame customers, promise what nobody
can be sure of, or push people to buy in a hurry?

Tone is read from what the words do, not from a list of banned phrases. The text is read the
way the live chat's move recogniser reads an adviser's message (:mod:`coursework_kit.chat`):
case, apostrophes, text-speak and repeated letters are evened out by its ``normalise``, words
are found in groups (misspelt members too: "idoits", "garanteed", "hury"), and a negation
reaches to the end of its clause. So "we never blame our customers" is kind while "don't blame
us, you ordered the wrong size" blames; "we can't guarantee it" is honest while "guaranteed to
fit" over-promises; "no rush" is calm while "don't miss out" pushes. The chat's own model
(``understand``, with a scenario built for the brand) is asked too, and its
``blame_or_negative`` move counts when the sentence is about customers.

Pure logic, standard library only (the chat's model is a JSON file, read once).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from coursework_kit.chat._wording import stem
from coursework_kit.chat.scenario import Needs, Persona, Scenario
from coursework_kit.social.posts._tone_words import LOSS_CONTEXT, Sentence, read_sentences

__all__ = ["BLAMES", "KINDS", "OVER_PROMISES", "PRESSURE", "ToneHit", "ToneReading", "read_tone"]

BLAMES, OVER_PROMISES, PRESSURE = "blames", "over_promises", "pressure"
KINDS = (BLAMES, OVER_PROMISES, PRESSURE)


@dataclass(frozen=True)
class ToneHit:
    """One thing the tone check found: its kind, the writer's words, and the sentence."""

    kind: str  # "blames", "over_promises" or "pressure"
    words: str
    sentence: str

    def __repr__(self) -> str:
        return f"ToneHit({self.kind}, {self.words!r})"


@dataclass(frozen=True)
class ToneReading:
    """What the tone check found in a text: each hit, in the order of the text."""

    text: str
    hits: tuple[ToneHit, ...] = ()

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(h.kind for h in self.hits)

    def of(self, kind: str) -> list[ToneHit]:
        return [h for h in self.hits if h.kind == kind]

    def __repr__(self) -> str:
        found = ", ".join(f"{h.kind}: {h.words!r}" for h in self.hits) or "friendly"
        return f"ToneReading({found})"


# --- insulting or blaming customers ----------------------------------------------------------


def _insults(s: Sentence) -> list[int]:
    """An insult, not negated, in a sentence about people ("our customers are idiots")."""
    people = s.has("people") + s.has("you")
    hits = [i for i in s.has("insult") if not s.negated[i]]
    return hits + people[:1] if hits and people else []


def _fault(s: Sentence) -> list[int]:
    """Fault put on the customer ("your own fault", "the problem is you", "that's on you"), or
    pushed away from the shop ("not our fault", "we're not responsible", "don't blame us",
    "sure, blame the shop"). Owning up ("our mistake") and kindness ("not your fault", "we
    never blame our customers") are neither."""
    found: list[int] = []
    for i in s.has("fault"):
        before, after = s.words[max(0, i - 2) : i], s.words[i + 1 : i + 3]
        if s.words[i].startswith("blam"):
            us = [k for k in s.near(i, "us", 0, 2) if s.words[k] != "our"]
            people = s.near(i, "people", 0, 3) + s.near(i, "you", 0, 2)
            if us or (people and not s.negated[i]):
                found += [i, *(us or people)]
            continue
        yours = [i - 2 + k for k, x in enumerate(before) if x in ("you", "your")]
        if after in (["is", "you"], ["was", "you"]):
            yours.append(i + 2)
        ours = [i - 2 + k for k, x in enumerate(before) if x == "our"]
        if s.words[i].startswith("responsib"):
            ours += [k for k in range(max(0, i - 4), i) if s.words[k] in ("we", "us")]
        hypothetical = "if" in s.words[max(0, s.clause_start(i) - 1) : i]
        if yours and not s.negated[i] and not hypothetical:
            found += [i, *yours]
        elif ours and s.negated[i]:
            found += [i, *ours]
    for i, word in enumerate(s.words[:-1]):  # "that's on you"
        if word == "on" and s.words[i + 1] == "you" and i and s.words[i - 1] in ("is", "was"):
            found += [i, i + 1]
    return found


def _incompetent(s: Sentence) -> list[int]:
    """Customers said to be unable to do simple things: "who cannot read a size chart", "you
    just can't measure", "you should have checked", "if you'd bothered to read"."""
    found: list[int] = []
    for i in s.has("skill"):
        before = s.words[max(0, i - 4) : i]
        start = s.clause_start(i)
        who = s.has("people", max(0, start - 3), i) + s.has("you", max(0, start - 3), i)
        if not who:
            continue
        habit = ("can", "could", "did", "does", "do", "never")  # "you never read our emails"
        unable = s.negated[i] and any(x in before for x in habit)
        hindsight = "should" in before and "have" in before and s.words[i].endswith("ed")
        hindsight = hindsight or (
            any(x in before for x in ("would", "had")) and "if" in s.words[start:i]
        )
        conditional = "if" in s.words[start:i] and not hindsight
        if (unable and not conditional and not s.question) or hindsight:
            found += [who[-1], i]
    return found


def _contempt(s: Sentence) -> list[int]:
    """People in general told what they should not do or be allowed ("some people just
    shouldn't shop online"), or mocked with praise ("another genius who ...")."""
    found: list[int] = []
    for i, word in enumerate(s.words[:-1]):
        kind = s.words[i + 2 : i + 4] == ["have", "to"]  # "nobody should have to guess"
        if word == "should" and s.words[i + 1] == "not" and not kind:
            who = s.has("people", max(0, s.clause_start(i) - 4), i)
            if who:
                found += [who[0], i, i + 1]
    for i in s.has("mock"):
        if s.words[i + 1 : i + 2] == ["who"] or (i and s.words[i - 1] in ("another", "the")):
            found.append(i)
    praise = s.has("sarcasm")
    for i, word in enumerate(s.words):  # "thanks to everyone who ordered the wrong size"
        if word == "who" and praise and praise[0] < i:
            slip = s.has("mistake", i + 1, min(len(s.words), i + 5))
            if slip and s.has("people", max(0, i - 3), i + 1):
                found += [praise[0], *slip]
    moan = [i for i in s.has("moan") if not s.negated[i]]
    if moan and (s.words[0] == "stop" or ((s.has("people") or s.has("you")) and s.has("sarcasm"))):
        found += moan
    return found


# --- promising what nobody can be sure of ------------------------------------------------


def _over_promises(s: Sentence) -> list[int]:
    """Certainty about delivery, fit or how long things last: "guaranteed to fit", "it will
    definitely arrive tomorrow", "will never fade". Honest hedges ("we can't guarantee it",
    "nothing is guaranteed") are negated; a guarantee the shop offers ("a two-year
    guarantee", "money-back guarantee") is a promise it can keep."""
    found: list[int] = []
    for i in s.has("certain"):
        word = s.words[i]
        if s.negated[i]:
            continue
        before = s.words[max(0, i - 3) : i]
        if word == "guarantee" and any(x in before for x in ("a", "an", "our", "its", "the")):
            continue  # a guarantee the shop gives, as a policy
        if word in ("certain", "sure") and not any(x in before for x in ("is", "are", "be")):
            continue
        if word.startswith("promis") and s.words[i + 1 : i + 2] == ["to"]:
            continue  # "we promise to reply within a day": the shop's own undertaking
        strong = word.startswith(("guarant", "promis", "swear"))
        if strong or s.near(i, "outcome", 1, 3):
            found.append(i)
    for i, word in enumerate(s.words[:-2]):
        if word == "will" and s.words[i + 1] in ("never", "always"):
            subject = s.groups[i - 1] if i else frozenset()
            if "us" not in subject and not s.question:  # "our team will always answer": ours
                found += [i, i + 1, i + 2]
    for i, word in enumerate(s.words[:-1]):
        if word in ("no", "without") and s.words[i + 1] in ("question", "doubt", "fail"):
            found += [i, i + 1]
    return found


# --- pushing people to buy now -----------------------------------------------------------


def _pressure(s: Sentence) -> list[int]:
    """Hurrying ("hurry", "be quick", "act now"), fear of losing out ("don't miss out", "before
    it's too late", "gone forever") and vague scarcity ("only a few left", "selling fast").
    Calm words in a negation ("no rush", "no need to hurry", "we won't pressure you") are
    the opposite; a real end date or stock figure is information, not pressure."""
    found: list[int] = []
    for i in s.has("push"):
        word = s.words[i]
        if stem(word) in ("wait", "delay", "hang"):
            eager = s.words[i + 1 : i + 2] == ["to"]  # "we can't wait to show you": excitement
            if s.negated[i] and not eager:
                found.append(i)  # "don't wait", "don't delay", "don't hang about"
            continue
        if s.negated[i]:
            continue
        if word in ("fast", "quick", "quickly") and not (
            s.near(i, "scarce", 2, 1) or (i and s.words[i - 1] in ("be", "act", "so"))
        ):
            continue
        if word in ("pressure", "pressured", "rushed"):
            continue
        found.append(i)
    for i in s.has("loss"):
        word, context = s.words[i], s.words[max(0, i - 3) : i]
        needs = LOSS_CONTEXT.get(word)
        if needs and not needs & set(context):
            continue
        if word.startswith("miss") and s.negated[i] and ("no" in context or "never" in context):
            continue  # "no need to miss", "never miss an offer": a reminder, not a threat
        found.append(i)
    for i in s.has("scarce"):
        word, after = s.words[i], s.words[i + 1 : i + 3]
        vague = word in ("few", "handful", "couple") and "left" in s.words[i + 1 : i + 4]
        moving = after[:1] in (["fast"], ["out"], ["off"])
        vague = vague or (word in ("selling", "running", "flying") and moving)
        vague = vague or (word == "limited" and after[:1] == ["time"])
        vague = vague or (word == "soon" and "end" in " ".join(s.words[max(0, i - 3) : i]))
        vague = vague or (word == "nearly" and after[:1] == ["sold"])
        if vague:
            found.append(i)
    for i, word in enumerate(s.words[:-1]):  # a countdown: "in the next hour"
        if word == "next" and {"hour", "hours", "minutes"} & set(s.words[i + 1 : i + 3]):
            found += [i, i + 1]
    for i, word in enumerate(s.words):
        before, after = s.words[max(0, i - 2) : i], s.words[i + 1 : i + 3]
        if word == "only" and i and "deadline" in s.groups[i - 1]:
            found += [i - 1, i]  # "today only", "for the next hour only"
        elif word in ("last", "final") and any(x in after for x in ("chance", "few", "hours")):
            found += [i, i + 1]  # "last chance", "final hours"
        elif word == "last" and (s.negated[i] or "while" in s.words[max(0, i - 3) : i]):
            found.append(i)  # "these won't last", "while stocks last"
        elif word == "now" and before[-1:] == ["right"]:
            found += [i - 1, i]
    return found


# --- the chat's own reading -----------------------------------------------------------------


@cache
def _brand_scene() -> Scenario:
    """A scenario for the brand's own posts and emails: no customer, no facts, no remit."""
    return Scenario(
        id="brand-voice",
        title="Harbour & Pine posts and emails",
        units=(1, 2),
        channel="social_public",
        summary="The shop writing to all its customers at once.",
        brief="A post or marketing email from Harbour & Pine.",
        persona=Persona("Sam Okafor", "calm", 600),
        opening="",
        problem_keywords=(),
        needs=Needs(False, False, False, False, False),
        facts=(),
        refund_limit=1e9,
        cannot_promise=(),
        resolution_keywords=(),
        resolution_note="",
        kb=(),
        crm_reason="",
        crm_outcomes=(),
        replies={"default": ("Thanks.",)},
    )


def _chat_blames(sentence: str) -> bool:
    from coursework_kit.chat.understand import understand

    return "blame_or_negative" in understand(sentence, _brand_scene())


def _judging(s: Sentence) -> bool:
    """Whether a sentence passes judgement on someone at all (the chat's model reads any
    negative word as blame, so it is asked only about these)."""
    groups = ("insult", "fault", "moan", "skill", "mock")
    return any(s.has(g) for g in groups) or any(
        w in s.words for w in ("just", "should", "honestly")
    )


def _kind_negation(s: Sentence) -> bool:
    """A kind negation about customers: "we never blame our customers", "not your fault"."""
    return any(s.negated[i] for i in s.has("fault") + s.has("insult"))


# --- putting it together ---------------------------------------------------------------


def _quote(text: str, spans: list[tuple[int, int]], s: Sentence, hits: Iterable[int]) -> str:
    """The writer's own words for ``hits``: the whole sentence if short, else around them."""
    tokens = [t for t in s.tokens if spans[t][1] > spans[t][0]]
    words = [t for t in tokens if text[slice(*spans[t])][0].isalnum()]
    if len(words) <= 14:
        first, last = words[0], words[-1]
    else:
        marked = sorted(s.tokens[i] for i in hits)
        at = [words.index(t) for t in marked if t in words] or [0]
        first = words[max(0, min(at) - 3)]
        last = words[min(len(words) - 1, max(at) + 3)]
    return " ".join(text[spans[first][0] : spans[last][1]].split())


def read_tone(text: str, *, use_model: bool = True) -> ToneReading:
    """What ``text`` does to its reader, sentence by sentence.

    >>> read_tone("Our customers are idiots who cannot read a size chart.").kinds == {"blames"}
    True
    >>> read_tone("We never blame our customers.").hits
    ()
    >>> [h.kind for h in read_tone("We can't guarantee it, but it's guaranteed to fit.").hits]
    ['over_promises']
    """
    if not isinstance(text, str):
        raise TypeError(f"The text to check must be words, not {type(text).__name__}.")
    sentences, spans = read_sentences(text)
    hits: list[ToneHit] = []
    for s in sentences:
        quoted = " ".join(text[spans[s.tokens[0]][0] : spans[s.tokens[-1]][1]].split())
        blame = _insults(s) + _fault(s) + _incompetent(s) + _contempt(s)
        pushed = _pressure(s)
        if (
            not blame
            and not pushed
            and use_model
            and s.has("people")
            and not s.question
            and not _kind_negation(s)
            and _judging(s)
            and _chat_blames(quoted)
        ):
            blame = s.has("people")
        for kind, found in ((BLAMES, blame), (OVER_PROMISES, _over_promises(s)),
                            (PRESSURE, pushed)):  # fmt: skip
            if found:
                hits.append(ToneHit(kind, _quote(text, spans, s, found), quoted))
    return ToneReading(text, tuple(hits))
