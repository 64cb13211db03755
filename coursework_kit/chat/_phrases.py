"""The assessor's phrase lists (datasets/chat/phrases.yaml), compiled once and cached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coursework_kit.errors import DatasetError

PATTERN_LISTS = (
    "greeting", "empathy", "apology", "paraphrase_frames", "understanding_checks",
    "positive_language", "blame_or_negative", "closing_question", "identity_check", "escalation",
    "signposting", "confirm_understanding", "farewell", "warning", "ending_chat",
    "private_channel", "jargon_terms",
)  # fmt: skip


@dataclass(frozen=True)
class Phrases:
    patterns: dict[str, re.Pattern[str]]
    jargon_abbreviations: re.Pattern[str]
    text_speak: re.Pattern[str]
    extra_words: frozenset[str]
    stopwords: frozenset[str]

    def find(self, name: str, text: str) -> str | None:
        """The first words in ``text`` that match list ``name``, or None."""
        found = self.patterns[name].search(text)
        return found.group(0).strip() if found else None


def _combine(name: str, items: list[str]) -> re.Pattern[str]:
    for item in items:
        try:
            re.compile(item)
        except re.error as exc:
            raise DatasetError(
                f"phrases.yaml, {name}: {item!r} is not a valid pattern: {exc}."
            ) from exc
    return re.compile("|".join(f"(?:{item})" for item in items), re.IGNORECASE | re.MULTILINE)


@cache
def phrases() -> Phrases:
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("chat/phrases.yaml", schema="chat/phrases.schema.json")
    abbreviations = sorted(map(str, raw["jargon_abbreviations"]), key=len, reverse=True)
    speak = sorted(map(str, raw["text_speak"]), key=len, reverse=True)
    return Phrases(
        patterns={name: _combine(name, raw[name]) for name in PATTERN_LISTS},
        # Capitals as written; not when explained straight after: "RMA (returns number)".
        jargon_abbreviations=re.compile(
            r"(?<![\w&])(" + "|".join(map(re.escape, abbreviations)) + r")(?![\w&])"
            r"(?!\s*(\(|-|–|, which means|, meaning| which means| means| stands for))"
        ),
        text_speak=re.compile(
            r"(?<![\w'])(" + "|".join(map(re.escape, speak)) + r")(?![\w'])", re.IGNORECASE
        ),
        extra_words=frozenset(w.lower() for w in map(str, raw["extra_words"])),
        stopwords=frozenset(w.lower() for w in map(str, raw["stopwords"])),
    )
