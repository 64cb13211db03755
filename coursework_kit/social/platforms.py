"""The one list of social media platforms the kit knows, with each platform's rules for posts.

Posts (:mod:`coursework_kit.social.posts`), the content calendar
(:mod:`coursework_kit.social.calendar`) and the moderation queue
(:mod:`coursework_kit.social.moderation`) all name platforms from ``datasets/social/
platforms.yaml``: its ids ("x", "instagram"...) and its names ("X", "Instagram"...). Every
figure is dated and sourced; the file also says how a paid or gifted post must be labelled as
an advert on any of them. The file is validated against its JSON Schema the first time it is
needed (never at import time), then kept in memory.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from typing import Any

from coursework_kit.errors import PostsInputError, PostsTypeError

__all__ = [
    "Disclosure",
    "Figure",
    "PlatformRules",
    "disclosure",
    "platform_ids",
    "platform_name",
    "platform_rules",
]


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
class Disclosure:
    """How a paid or gifted post must be labelled as advertising."""

    reflects: str
    source: str
    labels: tuple[str, ...]
    unclear_labels: tuple[str, ...]
    upfront_characters: int


def _figure(raw: dict[str, Any] | None) -> Figure | None:
    if raw is None:
        return None
    return Figure(raw["value"], raw["checked"], _flat(raw["source"]), _flat(raw.get("note", "")))


@cache
def _platforms_file() -> dict[str, Any]:
    from coursework_kit.datasets._shipped import load_shipped

    raw: dict[str, Any] = load_shipped(
        "social/platforms.yaml", schema="social/platforms.schema.json"
    )
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
    if not isinstance(platform, str):
        raise PostsTypeError(f"The platform must be text, not {type(platform).__name__}.")
    key = platform.strip().lower()
    key = {"twitter": "x", "x (formerly twitter)": "x"}.get(key, key)
    if key not in _platforms():
        raise PostsInputError(
            f"{platform!r} is not a platform these checks know; use one of: "
            f"{', '.join(platform_ids())}."
        )
    return _platforms()[key]


def platform_name(platform: str) -> str:
    """The name learners see for a platform id ("x" -> "X", "instagram" -> "Instagram")."""
    return platform_rules(platform).name


@cache
def disclosure() -> Disclosure:
    """How a paid or gifted post must be labelled as an advert (the ASA and CMA's labels)."""
    raw = _platforms_file()["disclosure"]
    return Disclosure(
        raw["reflects"],
        _flat(raw["source"]),
        tuple(raw["labels"]),
        tuple(raw["unclear_labels"]),
        raw["upfront_characters"],
    )
