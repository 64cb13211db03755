"""Reading a post's text: links, hashtags, emoji, sentences, syllables and readability.

Pure Python, no downloads: syllables are counted with spelling rules rather than a
pronouncing dictionary, which is close enough for a readability score.
"""

from __future__ import annotations

import gzip
import html
import re
from dataclasses import dataclass
from functools import cache

from coursework_kit._english import count

__all__ = [
    "Readability",
    "counted_length",
    "emoji_count",
    "hashtags",
    "mask",
    "readability",
    "sentences",
    "split_hashtag",
    "syllables",
    "urls",
    "words",
]

_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:co\.uk|org\.uk|com|org|net|uk|example|shop|io)"
    r"(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
_HASHTAG = re.compile(r"(?<![\w&#])#(?=\w*[^\W\d_])(\w+)")
_WORD = re.compile(r"[A-Za-z0-9£$€]+(?:['’.,-][A-Za-z0-9]+)*%?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")

# X counts these code points as 1 and every other as 2 (twitter-text configuration v3).
_X_SINGLE = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_EMOJI = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x2300, 0x23FF))
_JOINERS = {0x200D, 0xFE0F, 0xFE0E, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)}


def urls(text: str) -> list[str]:
    """The links in ``text``, without trailing punctuation.

    >>> urls("See harbourandpine.example/sale, or https://example.com/a?b=1.")
    ['harbourandpine.example/sale', 'https://example.com/a?b=1']
    """
    return [m.group(0).rstrip(".,;:!?)'\"") for m in _URL.finditer(text)]


def hashtags(text: str) -> list[str]:
    """The hashtags in ``text``, without the # (a # followed only by digits is not one).

    >>> hashtags("Our #BlackFriday sale: #1 for #cosy homes #HarbourAndPine")
    ['BlackFriday', 'cosy', 'HarbourAndPine']
    """
    masked = _URL.sub(lambda m: " " * len(m.group(0)), text)
    return _HASHTAG.findall(masked)


def mask(text: str) -> str:
    """``text`` with links, hashtags and emoji blanked out, for checks on ordinary words."""
    text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    text = _HASHTAG.sub(lambda m: " " * len(m.group(0)), text)
    return "".join(" " if _is_emoji(ord(c)) or ord(c) in _JOINERS else c for c in text)


def _is_emoji(code: int) -> bool:
    return any(low <= code <= high for low, high in _EMOJI)


def _emoji_clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each emoji, counting joined sequences and flags as one."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        code = ord(text[i])
        if not _is_emoji(code):
            i += 1
            continue
        start, i = i, i + 1
        flag = 0x1F1E6 <= code <= 0x1F1FF
        while i < len(text):
            nxt = ord(text[i])
            if nxt in _JOINERS:
                joined = nxt == 0x200D
                i += 1
                if joined and i < len(text):
                    i += 1
            elif flag and 0x1F1E6 <= nxt <= 0x1F1FF:
                flag = False
                i += 1
            else:
                break
        found.append((start, i))
    return found


def emoji_count(text: str) -> int:
    """How many emoji ``text`` has; a family or a flag made of several code points is one.

    >>> emoji_count("Cosy 🕯️ nights 👩‍👩‍👧 and 🇬🇧!")
    3
    """
    return len(_emoji_clusters(text))


def counted_length(text: str, *, url_length: int | None = None, weighted: bool = False) -> int:
    """The length a platform counts: links as ``url_length`` if set; with ``weighted`` (X),
    an emoji and most characters outside Latin scripts count as 2.

    >>> counted_length("Hi 👋 https://harbourandpine.example/sale", url_length=23, weighted=True)
    29
    """
    total, i = 0, 0
    spans = {m.start(): m.end() for m in _URL.finditer(text)} if url_length else {}
    emoji = dict(_emoji_clusters(text))
    while i < len(text):
        if i in spans:
            total, i = total + int(url_length or 0), spans[i]
        elif i in emoji:
            total, i = total + (2 if weighted else 1), emoji[i]
        else:
            code = ord(text[i])
            single = not weighted or any(low <= code <= high for low, high in _X_SINGLE)
            total, i = total + (1 if single else 2), i + 1
    return total


def sentences(text: str) -> list[str]:
    """The sentences in ``text`` (a line break also ends one), each with some words."""
    parts = (s.strip() for s in _SENTENCE_END.split(mask(text)))
    return [s for s in parts if words(s)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def syllables(word: str) -> int:
    """An estimate of the syllables in one word, from its spelling.

    >>> [syllables(w) for w in ("cosy", "candles", "beautiful", "sale", "the", "wanted")]
    [2, 2, 3, 1, 1, 2]
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1 if any(c.isdigit() for c in word) else 0
    if len(w) <= 3:
        return 1
    if not re.search(r"[^aeiouy]les?$", w):  # "table" and "candles" keep their last syllable
        w = re.sub(r"(?:es|(?<=[^aeiouytd])ed|e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]+", w)))


@dataclass(frozen=True)
class Readability:
    """How easy a text is to read: Flesch reading ease, Flesch-Kincaid grade, UK reading age."""

    words: int
    sentences: int
    syllables: int
    longest_sentence: int
    reading_ease: float
    grade: float

    @property
    def reading_age(self) -> int:
        """UK reading age: the US school grade plus 5, kept between 5 and 21.

        The grade formula runs far past any real age for odd text (one endless sentence, huge
        words), so 21 stands for "over 20".

        >>> Readability(300, 1, 300, 300, 0.0, 113.2).reading_age
        21
        """
        return min(21, max(5, round(self.grade + 5)))

    @property
    def reading_age_words(self) -> str:
        """The reading age as said to a learner: "about 11", or "over 20 (very hard to read)".

        >>> Readability(11, 2, 14, 6, 100.0, 4.2).reading_age_words
        'about 9'
        >>> Readability(300, 1, 300, 300, 0.0, 113.2).reading_age_words
        'over 20 (very hard to read)'
        """
        if self.reading_age >= 21:
            return "over 20 (very hard to read)"
        return f"about {self.reading_age}"

    @property
    def band(self) -> str:
        ease = self.reading_ease
        if ease >= 80:
            return "very easy"
        if ease >= 60:
            return "plain English"
        if ease >= 50:
            return "fairly hard"
        return "hard"

    def __repr__(self) -> str:
        return (
            f"Readability(reading_ease={self.reading_ease:.0f}, reading_age={self.reading_age}, "
            f"words={self.words}, sentences={self.sentences})"
        )

    def _repr_html_(self) -> str:
        return (
            f"<div role='status'>Reading ease <strong>{self.reading_ease:.0f}</strong> "
            f"({html.escape(self.band)}), reading age <strong>{self.reading_age_words}</strong>"
            f": {count(self.words, 'word')} in {count(self.sentences, 'sentence')}.</div>"
        )


def readability(text: str) -> Readability:
    """Flesch reading ease and Flesch-Kincaid grade, ignoring links, hashtags and emoji.

    Reading ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words);
    grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59. Reading ease is
    kept between 0 and 100.

    >>> r = readability("Our sale starts on Friday. Throws and cushions are 20% off.")
    >>> r.words, r.sentences, round(r.reading_ease)
    (11, 2, 100)
    """
    found = sentences(text)
    counts = [len(words(s)) for s in found]
    total = sum(counts)
    if not total:
        return Readability(0, 0, 0, 0, 100.0, 0.0)
    syl = sum(syllables(w) for s in found for w in words(s))
    per_sentence, per_word = total / len(found), syl / total
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    ease = min(100.0, max(0.0, ease))  # the formula can run past either end for odd texts
    return Readability(total, len(found), syl, max(counts), round(ease, 1), round(grade, 1))


@cache
def _dictionary() -> frozenset[str]:
    from coursework_kit.datasets import data_path

    with gzip.open(data_path("chat/words-en-gb.txt.gz"), "rt", encoding="utf-8") as handle:
        return frozenset(w.lower() for w in handle.read().split() if w.isalpha())


def split_hashtag(tag: str, *, known_words: frozenset[str] = frozenset()) -> list[str] | None:
    """The words in a hashtag written all in one case, if it is two or more words.

    Returns None for a single word, mixed case (already readable), or letters that do not
    split into dictionary words (a brand name, say).

    >>> split_hashtag("blackfriday"), split_hashtag("BlackFriday"), split_hashtag("candles")
    (['black', 'friday'], None, None)
    """
    if not tag.isalpha() or not (tag.islower() or tag.isupper()) or len(tag) < 5:
        return None
    lower, known = tag.lower(), _dictionary()
    if lower in known or lower in known_words:
        return None
    best: list[list[str] | None] = [[]] + [None] * len(lower)
    for end in range(1, len(lower) + 1):
        for start in range(max(0, end - 20), end - 1):
            before = best[start]
            piece = lower[start:end]
            if before is not None and piece in known and (len(piece) > 2 or piece == "and"):
                candidate = [*before, piece]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    result = best[len(lower)]
    return result if result and len(result) > 1 else None
