"""Google's editorial and advertising policies for the words of a search ad: punctuation and
symbols (no "!" in a headline, nothing repeated like "!!!", no emoji), capitals, gimmicky
spacing, letters or repetition, and claims nobody can check ("#1", "Guaranteed Best Price").

The policy names, and the date the text reflects, are data (``ad_policy`` in
``datasets/search/limits.yaml``). Private to :mod:`coursework_kit.search.ads`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from coursework_kit.feedback import Finding
from coursework_kit.search._limits import ad_policy
from coursework_kit.social.posts._text import emoji_count
from coursework_kit.social.posts.voice import brand_voice, phrase_pattern

__all__ = ["claims", "editorial"]

# The same punctuation twice or more in a row ("!!", "??", "...", "**"), or "!?" together.
_REPEATED = re.compile(r"([^\w\s'’\"“”()])\1+|[!?]{2,}|…")
# Symbols allowed for their real purpose: trade marks, degrees, sizes, currencies and the
# usual shop symbols.
_ALLOWED_SYMBOLS = set("™®©°×+=%&/|#*@-–—'’\"“”()[]:;,.!?")
_BULLETS = set("•·▪◦‣⁃●○■□►▶◆◇")
# Letters spaced or dotted out ("S A L E", "F.R.E.E"), a symbol or number in place of a
# letter ("fl@wers", "f1owers", "$ave"), numbers or letters in place of words ("4 U", "2day").
_GIMMICKS = (
    re.compile(r"(?<![\w.])(?:[A-Za-z][ .]){3,}[A-Za-z]\b\.?"),
    re.compile(r"\b[A-Za-z]{1,}[@$€£0-9][A-Za-z]{2,}\b|\b[A-Za-z]{2,}[@$€£0-9][A-Za-z]+\b"),
    re.compile(r"(?<!\w)\$[A-Za-z]{2,}\b"),
    re.compile(r"\b(?:4\s?u|2day|2nite|2morrow|gr8|l8r|b4|4ever)\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])u(?![\w.'’\-])", re.IGNORECASE),
    re.compile(r"(?<!\w)\*[A-Za-z](?:[^*]*[A-Za-z])?\*(?!\w)"),
)
_WORD = re.compile(r"[\w£$€%]+(?:['’][\w]+)*")
# "not the cheapest", "we aren't the biggest": the ad does not make the claim.
_DENIED = re.compile(
    r"(?:\b(?:not|never|no)|n['’]t)\s+(?:(?:the|always|quite|really|even|necessarily)\s+)*$",
    re.IGNORECASE,
)


def _listed(items: Iterable[str]) -> str:
    quoted = [f"'{i}'" for i in dict.fromkeys(items)]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _symbols(text: str) -> list[str]:
    """Emoji and symbols Google does not allow in ad text, as written."""
    found = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _ALLOWED_SYMBOLS or ch.isalnum() or ch.isspace() or category == "Sc":
            continue
        if ch in _BULLETS or category[0] == "S" or category in ("Co", "Cn", "Cs"):
            found.append(ch)
    return found


def _repeated_words(text: str) -> list[str]:
    """Words or short phrases said twice or more in a row ("Buy buy buy", "50% off 50% off"),
    quoted as written."""
    tokens = list(_WORD.finditer(text))
    words = [t.group(0).lower() for t in tokens]
    spans: list[tuple[int, int]] = []
    for size in (1, 2, 3):
        i = 0
        while i + 2 * size <= len(words):
            end = i + size
            while end + size <= len(words) and words[end : end + size] == words[i : i + size]:
                end += size
            if end > i + size:
                spans.append((tokens[i].start(), tokens[end - 1].end()))
                i = end
            else:
                i += 1
    return [text[a:b] for a, b in _outermost(spans)]


def _outermost(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not inside another one, in order."""
    found = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def editorial(headlines: list[str], descriptions: list[str]) -> list[Finding]:
    """What Google's Editorial policy refuses in the headlines and descriptions."""
    sources = ad_policy()["sources"]
    punctuation, texts = " ".join(sources["punctuation"].split()), headlines + descriptions
    found = [
        Finding(
            "must fix",
            "headline-punctuation",
            f"Headline '{h}' has an exclamation mark.",
            "Google does not allow exclamation marks in headlines.",
            source=punctuation,
        )
        for h in headlines
        if "!" in h
    ]
    repeated = [m.group(0) for t in texts for m in _REPEATED.finditer(t)]
    if repeated:
        found.append(
            Finding(
                "must fix",
                "punctuation",
                f"Punctuation repeated: {_listed(repeated)}. Use one mark, or none.",
                "Google does not allow the same punctuation or symbol again and again, such "
                "as 'Buy now!!!'. It makes an ad look like spam.",
                source=punctuation,
            )
        )
    symbols = [ch for t in texts for ch in _symbols(t)]
    if symbols:
        emoji = any(emoji_count(t) for t in texts)
        found.append(
            Finding(
                "must fix",
                "symbols",
                f"{'Emoji and symbols' if emoji else 'Symbols'} Google does not allow: "
                f"{' '.join(dict.fromkeys(symbols))}. Say it in words instead.",
                "Google does not allow emoji in ads, or symbols such as bullets, stars and "
                "arrows used to catch the eye.",
                source=punctuation,
            )
        )
    gimmicks = [
        t[a:b].strip()
        for t in texts
        for a, b in _outermost(m.span() for p in _GIMMICKS for m in p.finditer(t))
    ]
    if gimmicks:
        found.append(
            Finding(
                "must fix",
                "gimmicky",
                f"Gimmicky spelling or spacing: {_listed(gimmicks)}. Write the words in full, "
                "spelt normally.",
                "Google does not allow letters spaced out, symbols or numbers in place of "
                "letters or words (such as 'fl@wers' or '4 U'), or stars around a word.",
                source=f"{punctuation}; {' '.join(sources['spacing'].split())}",
            )
        )
    allowed = brand_voice().allowed_capitals
    shouting = [w for t in texts for w in re.findall(r"\b[A-Z]{2,}\b", t) if w not in allowed]
    if shouting:
        found.append(
            Finding(
                "must fix",
                "capitals",
                f"Words in capitals: {', '.join(dict.fromkeys(shouting))}.",
                "Google does not allow capitals used for effect, such as 'FREE'; only short "
                "forms (UK, VAT) and brand names may be in capitals.",
                source=" ".join(sources["capitals"].split()),
            )
        )
    again = [w for t in texts for w in _repeated_words(t)]
    if again:
        found.append(
            Finding(
                "must fix",
                "repetition",
                f"Repeated: {_listed(again)}. Say it once.",
                "Google does not allow words repeated as a gimmick, such as 'Buy buy buy' or "
                "'Sale sale'. Use the space to give a reason to click.",
                source=" ".join(sources["repetition"].split()),
            )
        )
    return found


def _claimed(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``text`` makes one of the claims in ``phrases`` (not where it denies it)."""
    spans = []
    for phrase in phrases:
        for m in phrase_pattern(phrase).finditer(text):
            if not _DENIED.search(text[max(0, m.start() - 40) : m.start()]):
                spans.append((m.start(), m.end()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def claims(headlines: list[str], descriptions: list[str]) -> list[Finding]:
    """Claims nobody can check from the ad: rankings ("#1"), price claims ("Guaranteed Best
    Price") and being the best, quoted as written."""
    policy = ad_policy()
    source = " ".join(policy["sources"]["claims"].split())
    strong: list[str] = []
    weak: list[str] = []
    for text in headlines + descriptions:
        spans = _claimed(text, policy["claims_must_fix"])
        strong += [text[a:b] for a, b in spans]
        for a, b in _claimed(text, policy["claims_should_fix"]):
            if not any(a < end and start < b for start, end in spans):
                weak.append(text[a:b])
    found = []
    if strong:
        found.append(
            Finding(
                "must fix",
                "claims",
                f"{_listed(strong)}: a claim you would have to prove. Say a fact instead, "
                "such as 'Made in Cumbria' or 'Free delivery over £50'.",
                "Google does not allow ads that mislead people about a product or a business, "
                "and UK advertising rules say you must hold proof of a claim before the ad "
                "runs. Nobody can check '#1' or 'best price' from the ad.",
                source=source,
            )
        )
    if weak:
        found.append(
            Finding(
                "should fix",
                "claims",
                f"{_listed(weak)}: can you prove it? A fact people can check works better.",
                "Words like 'best' and 'perfect' claim more than an ad can show. A fact, such "
                "as 'Solid oak, made in Cumbria', is more believable.",
                source=source,
            )
        )
    return found
