"""Checking a post's words against a brand voice guide, and how plain its language is.

Pure: the guide is data (``datasets/posts/brand_voice.yaml``). Plain-language limits follow the
GOV.UK content design guidance; the reading-ease score is computed in pure Python.
"""

from __future__ import annotations

import re

from coursework_kit.posts._data import BrandVoice
from coursework_kit.posts._text import Readability, emoji_count, mask, readability
from coursework_kit.posts.findings import GOOD, SHOULD_FIX, Finding

__all__ = ["phrase_pattern", "plain_language", "voice"]

_MIN_WORDS_TO_SCORE = 12


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A whole-word, any-case pattern for a word or phrase (straight or curly apostrophes)."""
    body = re.escape(phrase).replace("'", "['’]").replace(r"\ ", r"\s+")
    return re.compile(rf"(?<![\w#]){body}(?![\w])", re.IGNORECASE)


def voice(text: str, platform: str, brand: BrandVoice) -> list[Finding]:
    """Words to avoid, shouting in capitals, exclamation marks and emoji, against ``brand``."""
    plain = mask(text)
    found: list[Finding] = []
    for rule in brand.avoid:
        hits = [w for w in rule.words if phrase_pattern(w).search(plain)]
        if hits:
            found.append(
                Finding(
                    SHOULD_FIX,
                    "avoid-words",
                    f"'{', '.join(hits)}' is on {brand.brand}'s list of words to avoid. "
                    f"Try: {rule.instead}.",
                    rule.why,
                )
            )
    shouting = [
        w
        for w in re.findall(r"\b[A-Z][A-Z'’]*[A-Z]\b", plain)
        if w.replace("’", "'").split("'")[0] not in brand.allowed_capitals
    ]
    if shouting:
        found.append(
            Finding(
                SHOULD_FIX,
                "capitals",
                f"Words in capitals: {', '.join(dict.fromkeys(shouting))}.",
                "Capitals read as SHOUTING, are harder to read, and some screen readers spell "
                "them out letter by letter. Use ordinary capitals and let the words do the work.",
            )
        )
    bangs = text.count("!")
    if bangs > brand.exclamation_marks_max:
        found.append(
            Finding(
                SHOULD_FIX,
                "exclamation",
                f"{bangs} exclamation marks; {brand.brand} uses at most "
                f"{brand.exclamation_marks_max} in a post.",
                "Too many make a post sound like shouting or a hard sell, not a calm, helpful "
                "shop.",
            )
        )
    emoji, most = emoji_count(text), brand.emoji_limit(platform)
    if emoji > most:
        found.append(
            Finding(
                SHOULD_FIX,
                "emoji",
                f"{emoji} emoji; {brand.brand}'s guide allows {most} on this platform.",
                brand.emoji_policy,
            )
        )
    if not found:
        found.append(
            Finding(
                GOOD,
                "brand-voice",
                f"Sounds like {brand.brand}: no words to avoid, no shouting.",
                f"A steady voice ({', '.join(brand.tone_words[:3])}) builds trust across every "
                "platform.",
            )
        )
    return found


def plain_language(text: str, brand: BrandVoice) -> tuple[Readability, list[Finding]]:
    """Sentence length and reading ease against ``brand``'s targets (short posts get no
    score: a formula needs a dozen words or more to mean anything)."""
    score = readability(text)
    found: list[Finding] = []
    source = brand.plain_language_source
    if score.longest_sentence > brand.sentence_words_max:
        found.append(
            Finding(
                SHOULD_FIX,
                "sentence-length",
                f"The longest sentence has {score.longest_sentence} words; keep each to "
                f"{brand.sentence_words_max} or fewer.",
                "Long sentences are hard to follow on a small screen, especially for people "
                "who find reading difficult. Split it in two.",
                source,
            )
        )
    if score.words >= _MIN_WORDS_TO_SCORE:
        measured = (
            f"Reading ease {score.reading_ease:.0f} ({score.band}), reading age about "
            f"{score.reading_age}."
        )
        if score.reading_ease < brand.reading_ease_min or score.reading_age > brand.reading_age_max:
            found.append(
                Finding(
                    SHOULD_FIX,
                    "reading-ease",
                    f"{measured} {brand.brand} aims for {brand.reading_ease_min:g} or more "
                    f"(reading age {brand.reading_age_max} or under).",
                    "Shorter words and sentences reach more customers: many adults read most "
                    "comfortably at a reading age of about 9 to 12.",
                    source,
                )
            )
        else:
            found.append(Finding(GOOD, "reading-ease", f"{measured} Plain enough.", "", source))
    return score, found
