"""Evening out how people write before a message is read: case, apostrophes, "sooo",
text-speak (u, ur, pls, thx, soz), "order no.", and the word groups the recogniser uses
("stressful" counts with "frustrating", misspelt members included). Used by
:mod:`coursework_kit.chat.features`; private to the chat package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "FIELD_NOISE",
    "GROUPS",
    "MODALS",
    "NEGATION",
    "QUESTION_START",
    "SCOPE",
    "SCOPE_ENDS",
    "STOP",
    "Lexicon",
    "Words",
    "content_words",
    "key",
    "normalise",
    "stem",
]


def _words(text: str) -> list[str]:
    return text.split()


_TOKEN = re.compile(
    r"(?P<money>£\s?\d[\d,]*(?:\.\d+)?)"
    r"|(?P<time>\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)(?![a-z]))"
    r"|(?P<num>\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?(?![A-Za-z0-9]))"
    r"|(?P<code>[A-Za-z]{1,4}-\d[\w-]*|(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{2,})"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<amp>&)"
    r"|(?P<punct>[?!.,;:]+|\n)",
    re.IGNORECASE,
)
# Text-speak, short words as they are often misspelt, and apostrophes left out.
_SPEAK = dict(
    item.split("=")
    for item in _words(
        "u=you ya=you yu=you ur=your yr=your r=are pls=please plz=please plse=please "
        "pleas=please plez=please thx=thanks thnx=thanks thanx=thanks thnks=thanks tnx=thanks "
        "ty=thank_you thankyou=thank_you n=and nd=and cos=because coz=because cuz=because "
        "bc=because b4=before 2day=today 2moro=tomorrow 2morrow=tomorrow tmrw=tomorrow "
        "tmr=tomorrow tomoz=tomorrow msg=message wat=what wot=what wht=what whats=what_is "
        "thats=that_is im=i_am ive=i_have youre=you_are theyre=they_are dont=do_not "
        "didnt=did_not cant=can_not cannot=can_not wont=will_not isnt=is_not wasnt=was_not "
        "doesnt=does_not havent=have_not hasnt=has_not couldnt=could_not wouldnt=would_not "
        "shouldnt=should_not arent=are_not werent=were_not aint=is_not soz=sorry sozz=sorry "
        "sry=sorry srry=sorry np=no_problem abt=about bout=about gonna=going_to wanna=want_to "
        "lemme=let_me gimme=give_me info=information asap=as_soon_as_possible "
        "atm=at_the_moment idk=i_do_not_know dunno=do_not_know k=ok kk=ok okay=ok okey=ok "
        "yep=yes yup=yes wud=would cud=could shud=should gud=good dob=date_of_birth "
        "tho=though thru=through mins=minutes hrs=hours rn=right_now ofc=of_course "
        "tbh=to_be_honest btw=by_the_way aswell=as_well alot=a_lot gr8=great l8r=later soo=so "
        "noo=no defo=definitely deffo=definitely defs=definitely rite=right tues=tuesday "
        "weds=wednesday thurs=thursday"
    )
)
_IS = frozenset(_words("it that what there here he she who where how"))
_NUMBER_AFTER = frozenset(_words("order tracking reference ref account phone mobile card"))
NEGATION = frozenset(_words("not no never nothing nobody none neither nor without unable"))
# A negation reaches to the next punctuation, "but" or new clause, and six words at most.
SCOPE = 6
SCOPE_ENDS = frozenset(
    {"\n", *_words(", . ? ! ; : but however though although because so i we they he she")}
)
QUESTION_START = frozenset(
    _words(
        "can could would will do does did is are was have has what when where which who why "
        "how shall may should"
    )
)
MODALS = frozenset(_words("can could would will do did are have may"))
STOP = frozenset(
    _words(
        "a an the and or but if so to of in on at for by with from as is are was were be been "
        "am i me my we us our you your he she it its they them their this that these those "
        "there here do does did have has had will would can could should may might must shall "
        "not no yes ok just all any some very really also then than too up out about into over "
        "what when where which who why how hi hello please thanks thank sorry let get got go "
        "going one still yet now again back need know like want make see look sure right well"
    )
)
FIELD_NOISE = frozenset(_words("on the of account address full your a or and"))


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class Lexicon:
    """Words in named groups, found also with one letter added, dropped, changed or swapped
    (in words of five letters or more)."""

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self.exact: dict[str, set[str]] = {}
        self.fuzzy: dict[str, set[str]] = {}
        for name, members in groups.items():
            for word in members:
                self.exact.setdefault(word, set()).add(name)
                for d in _deletions(word) if len(word) >= 5 else ():
                    self.fuzzy.setdefault(d, set()).add(name)
        self.lookup = lru_cache(maxsize=4096)(self._lookup)

    def _lookup(self, word: str) -> frozenset[str]:
        found = set(self.exact.get(word, ()))
        for d in _deletions(word) if len(word) >= 5 else ():
            found |= self.fuzzy.get(d, set())
        return frozenset(found)


# Word groups (our own), so that what the model learns about one word carries to the others and
# to their misspellings: "stressful" counts with "frustrating" although the corpus has little of
# it. The model learns from the data how much each group counts, and for which move.
GROUPS = Lexicon(
    {
        "feeling": _words(
            "frustrating frustrated frustration annoying annoyed annoyance stressful stressed "
            "stress worrying worried worry worries upsetting upset disappointing disappointed "
            "disappointment infuriating irritating awful horrible terrible rubbish nightmare "
            "gutted fuming angry scary frightening frightened scared concerning concerned "
            "inconvenient inconvenience hassle unfair distressing anxious panic nervous shame "
            "pain fed"
        ),
        "empathy": _words(
            "imagine understand understandable appreciate realise realize sounds must feel feeling"
        ),
        "apology": _words("sorry apologise apologize apologies apology apologising regret"),
        "greeting": _words("hi hello hey hiya morning afternoon evening welcome hallo"),
        "identity": _words("name names called speaking chatting here adviser advisor agent"),
        "company": _words("harbour pine"),
        "security": _words("security secure verify verification identity confirm details protect"),
        "secret": _words("password passcode passwords pin cvv cvc login card digits"),
        "escalate": _words(
            "leader supervisor manager specialist escalate escalated referred refer senior "
            "department colleague colleagues billing"
        ),
        "remedy": _words(
            "refund refunded replace replacement resend redeliver chase chasing collect "
            "collection credit compensation voucher goodwill unlock reset rebook arrange "
            "arranged book booked fix sort sorted investigation"
        ),
        "signpost": _words(
            "website page link helpline advice citizens ombudsman bank provider retailer shop "
            "manufacturer online dm message"
        ),
        "check": _words("right correct sense understood clear follow"),
        "suit": _words("ok alright suit suits prefer happy fine work"),
        "abuse": _words(
            "language swearing swear abuse abusive insults insulting rude tolerate accept "
            "respectful respect threatening end terminate disconnect warning"
        ),
        "blame": _words(
            "fault yourself should nothing policy calm whatever obviously clearly read terms"
        ),
        "question": _words("which when what how where why who"),
        "promise": _words(
            "definitely guarantee guaranteed promise certainly absolutely deffo defo surely"
        ),
        "close": _words("bye goodbye care anything else day weekend contacting thanks cheers"),
    }
)


@dataclass(frozen=True)
class Words:
    """A message as tokens (``spans``, ``kinds``, ``raw``) and normalised words; word i came
    from token ``at[i]``."""

    words: list[str]
    at: list[int]
    spans: list[tuple[int, int]]
    kinds: list[str]
    raw: list[str]


def key(kind: str, raw: str) -> str:
    """How a code, amount or number is compared with the scenario's facts: "£89.00" is "89"."""
    raw = raw.upper().replace("-", "").replace(" ", "").replace("£", "").replace(",", "")
    if kind in ("money", "num"):
        try:
            return f"{float(raw.rstrip('STNDRH')):g}"
        except ValueError:
            return raw
    return raw


def _expand(word: str, previous: str) -> list[str]:
    if word in _SPEAK:
        return _SPEAK[word].split("_")
    if word in ("no", "num", "nr") and previous in _NUMBER_AFTER:
        return ["number"]
    if word == "no" and previous in ("i", "we", "you", "they", "to"):  # "I no how annoying"
        return ["know"]
    if "'" in word:
        base, _, tail = word.rpartition("'")
        if tail == "t" and base.endswith("n"):
            irregular = {"ca": "can", "wo": "will", "ai": "is", "sha": "shall"}
            return [irregular.get(base[:-1], base[:-1]), "not"]
        if tail in ("m", "re", "ve", "ll", "d"):
            return [base, {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}[tail]]
        if tail == "s":
            return [base, "is"] if base in _IS else ["us"] if base == "let" else [base]
    return [word]


def normalise(text: str) -> Words:
    w = Words([], [], [], [], [])
    for t, found in enumerate(_TOKEN.finditer(text)):
        kind = found.lastgroup or "word"
        raw = found.group(0).lower().replace("’", "'")
        w.spans.append(found.span())
        w.kinds.append(kind)
        w.raw.append(found.group(0))
        if kind == "amp":
            out = ["and"]
        elif kind in ("money", "time", "num"):
            out = [f"<{kind}>"]
        elif kind == "punct":
            out = ["\n" if "\n" in raw else "?" if "?" in raw else "!" if "!" in raw else raw[0]]
        else:
            raw = re.sub(r"([a-z])\1{2,}", r"\1\1", raw)  # "sooo" -> "soo"
            if len(raw) > 2 and raw[-1] == raw[-2] and raw[-1] in "yikhauwxj":  # "heyy"
                raw = raw[:-1]
            out = _expand(raw, w.words[-1] if w.words else "")
            if kind == "code" and out == [raw]:
                out = ["<code>"]
        w.words.extend(out)
        w.at.extend([t] * len(out))
    return w


def content_words(text: str) -> set[str]:
    """The meaningful words of ``text``, normalised and roughly stemmed."""
    return {stem(w) for w in normalise(text).words if w.isalpha() and w not in STOP}
