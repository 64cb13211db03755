"""How the tone check reads a sentence: the live chat's ``normalise`` (case, apostrophes,
text-speak, repeated letters), negation reaching to the end of its clause (the chat's
``NEGATION``, ``SCOPE`` and ``SCOPE_ENDS``, with "hardly" and "barely"), and words in groups by
what they do, found by their stem or, for a word not in the dictionary, as a misspelling of a
member ("idoits", "garanteed", "hury"). Used by :mod:`coursework_kit.social.posts._tone`.
"""

from __future__ import annotations

from dataclasses import dataclass

from coursework_kit.chat._wording import NEGATION, SCOPE, SCOPE_ENDS, Lexicon, normalise, stem
from coursework_kit.social.posts._text import _dictionary

__all__ = ["LOSS_CONTEXT", "Sentence", "read_sentences"]


def _w(text: str) -> list[str]:
    return text.split()


# What words do, in groups (found with one letter wrong in words of five letters or more).
_GROUPS = Lexicon(
    {
        # people the writer might be talking down to
        "people": _w(
            "customer customers people shopper shoppers buyer buyers folk folks someone anyone "
            "everyone some who person persons punters public"
        ),
        "you": _w("you your yourself yourselves"),
        "us": _w("us we our ourselves shop harbour pine team"),
        # words that call a person stupid, lazy or worthless
        "insult": _w(
            "idiot idiots stupid thick dim dense lazy clueless moron morons muppet muppets "
            "pathetic useless hopeless dumb daft brainless incompetent imbecile imbeciles "
            "numpty numpties dimwit dimwits fool fools foolish silly ignorant"
        ),
        # someone to blame
        "fault": _w(
            "fault faults blame blamed blaming problem mistake mistakes responsible "
            "responsibility error errors"
        ),
        # what a competent person can do
        "skill": _w(
            "read measure follow tell check checked checking work understand use spell count "
            "learn think look bother bothered notice follow measured read"
        ),
        # praise used to mock
        "mock": _w("genius geniuses einstein mastermind hero heroes bright"),
        "sarcasm": _w(
            "great wow classic shocking love brilliant amazing lovely thanks thank "
            "congratulations congrats nice shout iconic bravo joy"
        ),
        # getting something wrong
        "mistake": _w("wrong mistake forgot forgotten broke ignored misread"),
        # complaining, spoken of with contempt
        "moan": _w("moan moaning moans whinge whinging whine whining crying cry complain"),
        # certainty about what has not happened yet
        "certain": _w(
            "guarantee guaranteed guarantees definitely certainly absolutely surely promise "
            "promised promises certain swear"
        ),
        "outcome": _w(
            "arrive arrives arriving arrival deliver delivered delivery fit fits fitting last "
            "lasts love back stock there doorstep time tomorrow christmas friday keep survive "
            "cover work works"
        ),
        # pushing people to act now
        "push": _w(
            "hurry rush quick quickly fast act grab snap snapping delay hang wait waiting "
            "pressure pressured rushed"
        ),
        # fear of losing out
        "loss": _w(
            "miss missing misses regret vanish vanishes disappear disappears gone behind "
            "late forever repeated"
        ),
        # stock or time said vaguely to hurry people
        "scarce": _w("few handful couple limited selling running flying soon nearly"),
        "deadline": _w("today tonight tonite hour hours weekend minutes midnight"),
    }
)
# A loss word threatens only in these company: "too late", "left behind", "it's gone".
LOSS_CONTEXT = {
    "late": {"too"},
    "behind": {"left"},
    "gone": {"is", "be", "are", "will", "they", "it"},
    "forever": {"gone", "for"},
    "repeated": {"never", "not"},
}
_NEGATORS = NEGATION | {"hardly", "barely"}


def _groups(word: str) -> frozenset[str]:
    """The groups ``word`` belongs to: as written, by its stem, or, for a word that is not in
    the dictionary, as a misspelling of a member (one letter added, dropped or changed)."""
    found = set(_GROUPS.exact.get(word, ())) | _GROUPS.exact.get(stem(word), set())
    if found or len(word) < 4 or not word.isalpha() or word in _dictionary():
        return frozenset(found)
    for d in {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}:
        found |= _GROUPS.fuzzy.get(d, set())
    return frozenset(found)


@dataclass
class Sentence:
    """One sentence's normalised words, which are negated, their groups and their tokens."""

    words: list[str]
    negated: list[bool]
    groups: list[frozenset[str]]
    tokens: list[int]
    question: bool

    def has(self, group: str, start: int = 0, end: int | None = None) -> list[int]:
        return [i for i in range(start, len(self.words) if end is None else end)
                if group in self.groups[i]]  # fmt: skip

    def near(self, i: int, group: str, before: int, after: int) -> list[int]:
        return self.has(group, max(0, i - before), min(len(self.words), i + after + 1))

    def clause_start(self, i: int) -> int:
        while i > 0 and self.words[i - 1] not in (",", ";", ":", "but", "so", "-"):
            i -= 1
        return i


def read_sentences(text: str) -> tuple[list[Sentence], list[tuple[int, int]]]:
    """The sentences of ``text`` as the tone check reads them, and where each token is."""
    w = normalise(text)
    out: list[Sentence] = []
    current: list[int] = []
    for i, word in enumerate(w.words):
        t = w.at[i]
        if word == "<num>" and w.raw[t] == "100" and text[w.spans[t][1] : w.spans[t][1] + 1] == "%":
            w.words[i] = "definitely"  # "you'll 100% love it"; "100% cotton" claims nothing
        current.append(i)
        if word in (".", "?", "!", "\n") or i == len(w.words) - 1:
            words = [w.words[k] for k in current]
            if any(x.isalpha() for x in words):
                out.append(_sentence(words, [w.at[k] for k in current]))
            current = []
    return out, w.spans


def _sentence(words: list[str], tokens: list[int]) -> Sentence:
    negated = [False] * len(words)
    scope = 0
    for i, word in enumerate(words):
        if word in SCOPE_ENDS and word not in ("we", "i", "they"):
            scope = 0
        elif scope:
            negated[i] = True
            scope -= 1
        if word in _NEGATORS:
            scope = SCOPE
    groups = [_groups(word) for word in words]
    question = "?" in words
    return Sentence(words, negated, groups, tokens, question)
