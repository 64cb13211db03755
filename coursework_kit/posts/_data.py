"""The posts package's data: platform rules, the brand voice guide, search limits, drafts.

Every file lives under ``datasets/posts/`` and is validated against its JSON Schema the first
time it is needed (never at import time), then kept in memory.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from typing import Any

from coursework_kit.errors import CourseworkError

__all__ = [
    "BrandVoice",
    "Disclosure",
    "Draft",
    "Figure",
    "PlatformRules",
    "PostsInputError",
    "PostsTypeError",
    "brand_voice",
    "disclosure",
    "draft",
    "platform_ids",
    "platform_rules",
    "search_limits",
]


class PostsInputError(CourseworkError, ValueError):
    """Something given to the post, search or calendar checks cannot be used."""


class PostsTypeError(PostsInputError, TypeError):
    """A value of the wrong kind (a number where text is needed, and so on)."""


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise PostsTypeError(f"{what} must be text, not {type(value).__name__}.")
    return value


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Figure:
    """One published figure, with the date it was checked and where it comes from."""

    value: int | bool
    checked: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class PlatformRules:
    """What one platform allows in a post, each figure dated and sourced."""

    id: str
    name: str
    character_limit: Figure
    feed_cutoff: Figure
    hashtags_recommended: Figure
    hashtags_max: Figure
    links_clickable: Figure
    alt_text: Figure
    alt_text_max: Figure | None
    url_length: int | None
    weighted_counting: bool

    @property
    def limit(self) -> int:
        return int(self.character_limit.value)

    @property
    def cutoff(self) -> int:
        return int(self.feed_cutoff.value)

    def __repr__(self) -> str:
        return (
            f"PlatformRules({self.id!r}, limit={self.limit}, cutoff={self.cutoff}, "
            f"links_clickable={self.links_clickable.value})"
        )

    def _repr_html_(self) -> str:
        rows = [
            ("Character limit", f"{self.limit:,}", self.character_limit),
            ("Cut off in the feed after about", f"{self.cutoff:,}", self.feed_cutoff),
            (
                "Hashtags recommended",
                str(self.hashtags_recommended.value),
                self.hashtags_recommended,
            ),
            (
                "Links can be tapped in the post",
                _yes(self.links_clickable.value),
                self.links_clickable,
            ),
            ("Image alt text", _yes(self.alt_text.value), self.alt_text),
        ]
        body = "".join(
            f"<tr><th scope='row'>{label}</th><td>{value}</td><td><small>"
            f"{html.escape(f.source)}{'. ' + html.escape(f.note) if f.note else ''} "
            f"(checked {f.checked})</small></td></tr>"
            for label, value, f in rows
        )
        return (
            f"<table><caption>{html.escape(self.name)}</caption>"
            f"<tr><th>Rule</th><th>Figure</th><th>Source</th></tr>{body}</table>"
        )


def _yes(value: object) -> str:
    return "yes" if value else "no"


@dataclass(frozen=True)
class AvoidRule:
    words: tuple[str, ...]
    instead: str
    why: str


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
            f"<p><strong>Emoji:</strong> {e(self.emoji_policy)}</p>"
            f"<p><strong>Exclamation marks:</strong> at most {self.exclamation_marks_max} "
            "in a post. <strong>Capitals:</strong> never whole words in capitals, except "
            "short forms such as UK and VAT.</p>"
            f"<p><strong>Plain language:</strong> sentences of {self.sentence_words_max} words "
            f"or fewer; reading age {self.reading_age_max} or under (Flesch reading ease "
            f"{self.reading_ease_min:g} or more).</p>"
            f"<p><small>Source: {e(self.plain_language_source)}</small></p></div>"
        )


@dataclass(frozen=True)
class Disclosure:
    """How a paid or gifted post must be labelled as advertising."""

    reflects: str
    source: str
    labels: tuple[str, ...]
    unclear_labels: tuple[str, ...]
    upfront_characters: int


@dataclass(frozen=True)
class Draft:
    """A draft post for a fix-the-draft task, and the problems it is known to have."""

    id: str
    platform: str
    brief: str
    text: str
    has_image: bool
    image_alt_text: str | None
    paid_partnership: bool
    problems: tuple[str, ...]


def _figure(raw: dict[str, Any] | None) -> Figure | None:
    if raw is None:
        return None
    return Figure(raw["value"], raw["checked"], _flat(raw["source"]), _flat(raw.get("note", "")))


@cache
def _platforms_file() -> dict[str, Any]:
    from coursework_kit.datasets import load_yaml

    raw: dict[str, Any] = load_yaml("posts/platforms.yaml", schema="posts/platforms.schema.json")
    return raw


@cache
def _platforms() -> dict[str, PlatformRules]:
    found: dict[str, PlatformRules] = {}
    for p in _platforms_file()["platforms"]:
        figures = {
            key: _figure(p[key])
            for key in (
                "character_limit",
                "feed_cutoff",
                "hashtags_recommended",
                "hashtags_max",
                "links_clickable",
                "alt_text",
            )
        }
        found[p["id"]] = PlatformRules(
            id=p["id"],
            name=p["name"],
            alt_text_max=_figure(p.get("alt_text_max")),
            url_length=p["url_length"],
            weighted_counting=p["weighted_counting"],
            **figures,  # type: ignore[arg-type]
        )
    return found


def platform_ids() -> tuple[str, ...]:
    """The platforms the checks know: "x", "facebook", "instagram", "linkedin", ..."""
    return tuple(_platforms())


def platform_rules(platform: str) -> PlatformRules:
    """The rules for one platform, by id ("x", "instagram"...) or name ("Instagram")."""
    _text(platform, "The platform")
    key = platform.strip().lower()
    key = {"twitter": "x", "x (formerly twitter)": "x"}.get(key, key)
    if key not in _platforms():
        raise PostsInputError(
            f"{platform!r} is not a platform these checks know; use one of: "
            f"{', '.join(platform_ids())}."
        )
    return _platforms()[key]


@cache
def disclosure() -> Disclosure:
    raw = _platforms_file()["disclosure"]
    return Disclosure(
        raw["reflects"],
        _flat(raw["source"]),
        tuple(raw["labels"]),
        tuple(raw["unclear_labels"]),
        raw["upfront_characters"],
    )


@cache
def brand_voice(name: str = "brand_voice") -> BrandVoice:
    """A brand voice guide from ``datasets/posts/<name>.yaml`` (Harbour & Pine's by default)."""
    from coursework_kit.datasets import load_yaml

    raw = load_yaml(f"posts/{name}.yaml", schema="posts/brand_voice.schema.json")
    plain = raw["plain_language"]
    return BrandVoice(
        brand=raw["brand"],
        summary=_flat(raw["summary"]),
        tone_words=tuple(raw["tone_words"]),
        examples=tuple((x["not_this"], x["but_this"]) for x in raw["we_sound"]),
        avoid=tuple(
            AvoidRule(tuple(a["words"]), _flat(a["instead"]), _flat(a["why"])) for a in raw["avoid"]
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
    )


@cache
def search_limits() -> dict[str, dict[str, dict[str, Any]]]:
    """The snippet and search ad limits, each with its value, source and why it matters."""
    from coursework_kit.datasets import load_yaml

    raw: dict[str, dict[str, dict[str, Any]]] = load_yaml(
        "posts/search.yaml", schema="posts/search.schema.json"
    )
    return raw


@cache
def _drafts() -> dict[str, Draft]:
    from coursework_kit.datasets import load_yaml

    raw = load_yaml("posts/drafts.yaml", schema="posts/drafts.schema.json")
    return {
        d["id"]: Draft(
            d["id"],
            platform_rules(d["platform"]).id,
            _flat(d["brief"]),
            d["text"].strip(),
            d["has_image"],
            d.get("image_alt_text"),
            d["paid_partnership"],
            tuple(d["problems"]),
        )
        for d in raw["drafts"]
    }


def draft(draft_id: str) -> Draft:
    """A draft post for a fix-the-draft task, by its id."""
    if _text(draft_id, "The draft") not in _drafts():
        raise PostsInputError(
            f"There is no draft {draft_id!r}; the drafts are {', '.join(_drafts())}."
        )
    return _drafts()[draft_id]
