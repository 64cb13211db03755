"""The forms of a word people write: "utilise" as utilises, utilised, utilising, utilisation,
and in American spelling utilize, utilizing, utilization. A word list of words to avoid names
each word once, and a post is checked for every form of it.

English spelling rules, not a dictionary: a few forms made this way are not real words
("cheaped"), which does no harm, since nobody writes them. A phrase ("best ever", "no. 1")
and a word marked exact (``store``: "stored" is a different word) match only as written.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["forms_pattern", "word_forms"]

_VOWELS = "aeiou"
# British and American spellings of the same ending: optimise / optimize, analyse / analyze.
_SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("ising", "izing"))


def _spellings(word: str) -> set[str]:
    found = {word}
    for british, american in _SPELLINGS:
        for a, b in ((british, american), (american, british)):
            if word.endswith(a):
                found.add(word[: -len(a)] + b)
    return found


def _endings(word: str) -> set[str]:
    """``word`` with the endings English adds to nouns, verbs and adjectives."""
    found = {word}
    if word.endswith("e"):
        stem = word[:-1]
        found |= {word + "s", word + "d", stem + "ing", word + "r", word + "rs", word + "st"}
        if word.endswith(("ise", "ize", "yse", "yze")):
            found |= {stem + "ation", stem + "ations"}
        if word.endswith("le"):  # unbelievable -> unbelievably
            found.add(stem + "y")
        else:
            found.add(word + "ly")
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        stem = word[:-1]
        found |= {stem + "ies", stem + "ied", word + "ing", stem + "ier", stem + "iest"}
        found.add(stem + "ily")
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        found |= {word + "es", word + "ed", word + "ing"}
    else:
        found |= {word + "s", word + "ed", word + "ing", word + "er", word + "est", word + "ly"}
        if (
            len(word) >= 3
            and word[-1] not in _VOWELS + "wxy"
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
        ):  # ship -> shipped, shipping
            found |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return found


def word_forms(word: str, *, exact: bool = False) -> tuple[str, ...]:
    """Every form of ``word`` to look for, in both spellings, longest first.

    >>> word_forms("utilise")[:4]
    ('utilisations', 'utilizations', 'utilisation', 'utilization')
    >>> "optimising" in word_forms("optimise"), "optimizing" in word_forms("optimise")
    (True, True)
    >>> word_forms("best ever"), word_forms("store", exact=True)
    (('best ever',), ('store',))
    """
    word = word.strip()
    if exact or not re.fullmatch(r"[A-Za-z]+", word) or word.isupper():
        return (word,)
    lower = word.lower()
    found = {form for spelling in _spellings(lower) for form in _endings(spelling)}
    return tuple(sorted(found, key=lambda f: (-len(f), f)))


@cache
def forms_pattern(words: tuple[str, ...], exact: bool = False) -> re.Pattern[str]:
    """A whole-word, any-case pattern for every form of ``words`` (straight or curly
    apostrophes; not inside a hashtag)."""
    forms = dict.fromkeys(form for word in words for form in word_forms(word, exact=exact))
    bodies = [re.escape(f).replace("'", "['’]").replace(r"\ ", r"\s+") for f in forms]
    return re.compile(rf"(?<![\w#])(?:{'|'.join(bodies)})(?![\w])", re.IGNORECASE)
