"""Spelling and simple grammar checks, in British English.

Words are looked up in SCOWL's British English list (datasets/chat/words-en-gb.txt.gz), so
"apologise", "colour", "organisation" and "authorised" are correct. American spellings are in
the list's variants too only where SCOWL's British list has them; they are never reported as
misspelt by this check (brand tone is a separate matter).

Left alone: numbers and codes (HP-10482, LS6 2QT), words in capitals (abbreviations are the
jargon check's business), capitalised words in mid-sentence (names of people, places, brands),
and the project's extra words (couriers, "postcode", "email").
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import cache

from coursework_kit.chat._phrases import phrases

__all__ = ["grammar_issues", "misspelt"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_ADDRESS = re.compile(r"\S+@\S+|\b(https?://|www\.)\S+|\b[\w-]+(\.[\w-]+)+/\S*", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n)\s*[\"'(]*$")
# American -ize/-yze/-or spellings are not errors here; SCOWL's British list lacks many of them.
_US_FORMS = (("ize", "ise"), ("izes", "ises"), ("ized", "ised"), ("izing", "ising"),
             ("ization", "isation"), ("yze", "yse"), ("yzed", "ysed"), ("or", "our"),
             ("ors", "ours"), ("er", "re"), ("eled", "elled"), ("eling", "elling"),
             ("og", "ogue"))  # fmt: skip


@cache
def _words() -> frozenset[str]:
    from coursework_kit.datasets import data_path

    with gzip.open(data_path("chat/words-en-gb.txt.gz"), "rt", encoding="utf-8") as handle:
        return frozenset(handle.read().split())


def _known(word: str) -> bool:
    words = _words()
    lower = word.lower()
    if word in words or lower in words or lower in phrases().extra_words:
        return True
    if lower.endswith(("'s", "s'")) and _known(word[:-2]):
        return True
    for american, british in _US_FORMS:
        if lower.endswith(american) and lower[: -len(american)] + british in words:
            return True
    return False


def misspelt(text: str, *, allowed: Iterable[str] = ()) -> list[str]:
    """The misspelt words in ``text``, as written, in order (each once).

    >>> misspelt("I apologise, we'll recieve the colour sample definately by Friday.")
    ['recieve', 'definately']
    """
    text = _ADDRESS.sub(lambda m: " " * len(m.group(0)), text.replace("’", "'"))
    ok = {a.lower() for a in allowed}
    found: dict[str, None] = {}  # in order, each once
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if any(ch.isdigit() for ch in text[max(0, match.start() - 1) : match.end() + 1]):
            continue  # part of a code such as HP-10482 or LS6
        at_start: bool | None = None
        for word in raw.strip("'-").split("-"):
            if not word or word.lower() in ok or (word.isupper() and len(word) > 1):
                continue
            if word[0].isupper():
                if at_start is None:
                    at_start = _starts_sentence(text, match.start())
                if not at_start:
                    continue  # a name in mid-sentence
            if word not in found and not _known(word):
                found[word] = None
    return list(found)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``text[start]`` starts a sentence: the text, a new line or a sentence end comes
    before it, with only spaces and opening quotes or brackets between.

    Only the gap before the word is read (a sentence end is at most one letter before it), so
    checking every word of a long reply costs no more than its length."""
    gap = start
    while gap > 0 and (text[gap - 1].isspace() or text[gap - 1] in "\"'("):
        gap -= 1
    return _SENTENCE_START.search(text, max(0, gap - 1), start) is not None


_GRAMMAR = (
    (
        re.compile(r"(?<![\w'])i(?![\w'])|(?<![\w'])i'(m|ve|ll|d)\b"),
        'write "I" as a capital letter',
    ),
    (re.compile(r"\b(should|could|would|must) of\b", re.I), 'use "have", not "of" ("should have")'),
    (re.compile(r"\b(\w+) \1\b", re.I), "the same word twice in a row"),
    (re.compile(r"[!?]{2,}"), "more than one ! or ? together"),
    (re.compile(r"\s[,.](?!\d)"), "a space before a comma or full stop"),
)


def grammar_issues(text: str) -> list[str]:
    """Simple, reliable grammar and punctuation slips, each described in plain English.

    >>> grammar_issues("i will check that that for you!!")[:2]
    ['write "I" as a capital letter', 'the same word twice in a row']
    """
    stripped = text.strip()
    issues = [message for pattern, message in _GRAMMAR if pattern.search(stripped)]
    if stripped and stripped[0].isalpha() and stripped[0].islower():
        issues.append("start with a capital letter")
    return issues
