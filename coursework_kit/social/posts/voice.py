"""Harbour & Pine's brand voice guide, and checking a post's words against it, its tone and how
plain its language is.

Pure: the guide is data (``datasets/social/brand_voice.yaml``, validated against its schema the
first time it is needed). Plain-language limits follow the GOV.UK content design guidance; the
reading-ease score is computed in pure Python. Search ads use the guide too (the short forms
it allows in capitals). Tone (insulting or blaming customers, over-promising, pressure) is read
from what the words do by :func:`coursework_kit.social.posts._tone.read_tone`, the live chat's
reading of language; the guide says what to tell the writer.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from coursework_kit.feedback import Finding, Severity
from coursework_kit.social.posts._forms import forms_pattern
from coursework_kit.social.posts._text import Readability, emoji_count, mask, readability
from coursework_kit.social.posts._tone import BLAMES, OVER_PROMISES, PRESSURE, read_tone

__all__ = [
    "AvoidRule",
    "BrandVoice",
    "ToneRule",
    "brand_voice",
    "phrase_pattern",
    "plain_language",
    "tone",
    "voice",
]

# The rule id each kind of tone is reported under.
TONE_RULES = {BLAMES: "blames-customers", OVER_PROMISES: "over-promise", PRESSURE: "pressure"}


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class AvoidRule:
    """Words the brand avoids, what to say instead, and why. Each word is looked for in every
    form ("utilise": utilising, utilised, utilisation, utilize...) unless ``exact``."""

    words: tuple[str, ...]
    instead: str
    why: str
    exact: bool = False

    def found(self, text: str) -> list[tuple[str, str]]:
        """The words of this rule in ``text``: each as written there (once) and the word on
        the list it is a form of.

        >>> AvoidRule(("optimise",), "use", "Jargon.").found("Optimising and optimise rooms")
        [('Optimising', 'optimise'), ('optimise', 'optimise')]
        """
        hits = forms_pattern(self.words, self.exact).finditer(text)
        written = dict.fromkeys(" ".join(m.group(0).split()) for m in hits)
        return [(w, self._headword(w)) for w in written]

    def _headword(self, written: str) -> str:
        for word in self.words:
            if forms_pattern((word,), self.exact).fullmatch(written):
                return word
        return written


@dataclass(frozen=True)
class ToneRule:
    """What to tell the writer when a post's words do one thing the brand never does."""

    kind: str  # "blames", "over_promises" or "pressure"
    severity: Severity  # "must fix" or "should fix"
    finding: str  # "insults or blames customers", after the writer's words
    instead: str
    why: str


# What the checks say when a guide has no tone section of its own (a tutor's older file).
_TONE_DEFAULTS = (
    ToneRule(
        BLAMES,
        "must fix",
        "insults or blames customers",
        "say what we can do to help, and never call customers names or say a problem is "
        "their fault",
        "Everyone can read a public post. Putting customers down, even as a joke, tells every "
        "customer how we would treat them.",
    ),
    ToneRule(
        OVER_PROMISES,
        "should fix",
        "promises something nobody can be sure of",
        "say what usually happens, or what we will do",
        "We must be able to prove every claim before we publish it (CAP Code rule 3.7).",
    ),
    ToneRule(
        PRESSURE,
        "should fix",
        "pushes people to buy in a hurry",
        "say the real end date or stock level",
        "Pressure selling puts customers off, and false urgency is a banned practice.",
    ),
)


@dataclass(frozen=True)
class BrandVoice:
    """A brand voice guide: tone, words to avoid, emoji, capitals and plain language."""

    brand: str
    summary: str
    tone_words: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]
    avoid: tuple[AvoidRule, ...]
    emoji_max: int
    emoji_per_platform: dict[str, int]
    emoji_policy: str
    exclamation_marks_max: int
    allowed_capitals: frozenset[str]
    known_words: frozenset[str]
    reading_age_max: int
    reading_ease_min: float
    sentence_words_max: int
    plain_language_source: str
    tone: tuple[ToneRule, ...] = _TONE_DEFAULTS

    def tone_rule(self, kind: str) -> ToneRule:
        """What to say about ``kind`` of tone ("blames", "over_promises" or "pressure")."""
        return next(r for r in (*self.tone, *_TONE_DEFAULTS) if r.kind == kind)

    def emoji_limit(self, platform: str) -> int:
        return self.emoji_per_platform.get(platform, self.emoji_max)

    def __repr__(self) -> str:
        return f"BrandVoice({self.brand!r}, tone={', '.join(self.tone_words)})"

    def _repr_html_(self) -> str:
        e = html.escape
        examples = "".join(
            f"<tr><td>{e(bad)}</td><td>{e(good)}</td></tr>" for bad, good in self.examples
        )
        avoid = "".join(
            f"<tr><td>{e(', '.join(r.words))}</td><td>{e(r.instead)}</td><td>{e(r.why)}</td></tr>"
            for r in self.avoid
        )
        return (
            f"<div><h4>{e(self.brand)}: our voice</h4><p>{e(self.summary)}</p>"
            f"<p><strong>Our tone:</strong> {e(', '.join(self.tone_words))}.</p>"
            "<table><tr><th>Not this</th><th>But this</th></tr>"
            f"{examples}</table><h4>Words we avoid</h4><table><tr><th>Words</th>"
            f"<th>Say instead</th><th>Why</th></tr>{avoid}</table>"
            "<h4>We never</h4><ul>"
            + "".join(f"<li>{e(r.finding.capitalize())}: {e(r.why)}</li>" for r in self.tone)
            + "</ul>"
            f"<p><strong>Emoji:</strong> {e(self.emoji_policy)}</p>"
            f"<p><strong>Exclamation marks:</strong> at most {self.exclamation_marks_max} "
            "in a post. <strong>Capitals:</strong> never whole words in capitals, except "
            "short forms such as UK and VAT.</p>"
            f"<p><strong>Plain language:</strong> sentences of {self.sentence_words_max} words "
            f"or fewer; reading age {self.reading_age_max} or under (Flesch reading ease "
            f"{self.reading_ease_min:g} or more).</p>"
            f"<p><small>Source: {e(self.plain_language_source)}</small></p></div>"
        )


@cache
def brand_voice(name: str = "brand_voice") -> BrandVoice:
    """A brand voice guide from ``datasets/social/<name>.yaml`` (Harbour & Pine's by default)."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped(f"social/{name}.yaml", schema="social/brand_voice.schema.json")
    plain = raw["plain_language"]
    return BrandVoice(
        brand=raw["brand"],
        summary=_flat(raw["summary"]),
        tone_words=tuple(raw["tone_words"]),
        examples=tuple((x["not_this"], x["but_this"]) for x in raw["we_sound"]),
        avoid=tuple(
            AvoidRule(
                tuple(a["words"]), _flat(a["instead"]), _flat(a["why"]), a.get("exact", False)
            )
            for a in raw["avoid"]
        ),
        emoji_max=raw["emoji"]["max_per_post"],
        emoji_per_platform=dict(raw["emoji"]["per_platform"]),
        emoji_policy=_flat(raw["emoji"]["policy"]),
        exclamation_marks_max=raw["exclamation_marks_max"],
        allowed_capitals=frozenset(raw["allowed_capitals"]),
        known_words=frozenset(raw["known_words"]),
        reading_age_max=plain["reading_age_max"],
        reading_ease_min=float(plain["reading_ease_min"]),
        sentence_words_max=plain["sentence_words_max"],
        plain_language_source=_flat(plain["source"]),
        tone=tuple(
            ToneRule(kind, r["severity"], _flat(r["finding"]), _flat(r["instead"]), _flat(r["why"]))
            for kind, r in raw["tone"].items()
        ),
    )


_MIN_WORDS_TO_SCORE = 12


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A whole-word, any-case pattern for a word or phrase (straight or curly apostrophes)."""
    body = re.escape(phrase).replace("'", "['’]").replace(r"\ ", r"\s+")
    return re.compile(rf"(?<![\w#]){body}(?![\w])", re.IGNORECASE)


def tone(text: str, brand: BrandVoice) -> list[Finding]:
    """What the words do that ``brand`` never does: insult or blame customers (must fix),
    promise what nobody can be sure of, or push people to buy in a hurry (should fix). Each
    finding quotes the writer's own words.

    >>> [f.check for f in tone("Don't blame us, you ordered the wrong size.", brand_voice())]
    ['blames-customers']
    >>> tone("We never blame our customers, and we can't guarantee dates.", brand_voice())
    []
    """
    found: list[Finding] = []
    for hit in read_tone(mask(text)).hits:
        rule = brand.tone_rule(hit.kind)
        found.append(
            Finding(
                rule.severity,
                TONE_RULES[hit.kind],
                f"'{hit.words}' {rule.finding}. Try: {rule.instead}.",
                rule.why,
            )
        )
    return found


def voice(text: str, platform: str, brand: BrandVoice) -> list[Finding]:
    """Words to avoid, tone (blaming customers, over-promising, pressure), shouting in
    capitals, exclamation marks and emoji, against ``brand``."""
    plain = mask(text)
    found: list[Finding] = tone(text, brand)
    for rule in brand.avoid:
        hits = rule.found(plain)
        if hits:
            said = [
                f"'{w}'" if w.lower() == word.lower() else f"'{w}' (a form of '{word}')"
                for w, word in hits
            ]
            words = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
            found.append(
                Finding(
                    "should fix",
                    "avoid-words",
                    f"{words} {'is' if len(hits) == 1 else 'are'} on {brand.brand}'s list of "
                    f"words to avoid. Try: {rule.instead}.",
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
                "should fix",
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
                "should fix",
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
                "should fix",
                "emoji",
                f"{emoji} emoji; {brand.brand}'s guide allows {most} on this platform.",
                brand.emoji_policy,
            )
        )
    if not found:
        found.append(
            Finding(
                "good",
                "brand-voice",
                f"Sounds like {brand.brand}: friendly, no words to avoid, no shouting.",
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
                "should fix",
                "sentence-length",
                f"The longest sentence has {score.longest_sentence} words; keep each to "
                f"{brand.sentence_words_max} or fewer.",
                "Long sentences are hard to follow on a small screen, especially for people "
                "who find reading difficult. Split it in two.",
                source=source,
            )
        )
    if score.words >= _MIN_WORDS_TO_SCORE:
        measured = (
            f"Reading ease {score.reading_ease:.0f} ({score.band}), reading age "
            f"{score.reading_age_words}."
        )
        if score.reading_ease < brand.reading_ease_min or score.reading_age > brand.reading_age_max:
            found.append(
                Finding(
                    "should fix",
                    "reading-ease",
                    f"{measured} {brand.brand} aims for {brand.reading_ease_min:g} or more "
                    f"(reading age {brand.reading_age_max} or under).",
                    "Shorter words and sentences reach more customers: many adults read most "
                    "comfortably at a reading age of about 9 to 12.",
                    source=source,
                )
            )
        else:
            found.append(
                Finding("good", "reading-ease", f"{measured} Plain enough.", source=source)
            )
    return score, found
