"""Paid search (PPC): check the text of a Google responsive search ad.

Headlines, descriptions and the display path are checked against Google's limits
(``datasets/search/limits.yaml``, checked November 2026) and against Google's Editorial and
Misrepresentation policies as they stood in 2025 (punctuation, emoji and symbols, capitals,
gimmicky spelling or repetition, and claims nobody can check such as "#1"), each with why it
matters and its source.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from coursework_kit._english import count
from coursework_kit.errors import PostsTypeError
from coursework_kit.feedback import Finding, counts, findings_html, ordered
from coursework_kit.search._editorial import claims, editorial
from coursework_kit.search._limits import search_limits
from coursework_kit.search.snippet import finding, text_field

__all__ = ["AdCheck", "check_search_ad"]

_SITE = "harbourandpine.example"


@dataclass(frozen=True)
class AdCheck:
    """How a responsive search ad's text measures up to Google's limits and policies."""

    headlines: tuple[str, ...]
    descriptions: tuple[str, ...]
    path: tuple[str, str]
    findings: tuple[Finding, ...]

    @property
    def ready(self) -> bool:
        return not any(f.severity == "must fix" for f in self.findings)

    def rules(self, severity: str | None = None) -> set[str]:
        return {f.check for f in self.findings if severity in (None, f.severity)}

    @property
    def summary(self) -> str:
        n = counts(self.findings)
        head = (
            "Google would accept this ad" if self.ready else "Google would not accept this ad yet"
        )
        return (
            f"{head}: {count(len(self.headlines), 'headline')}, "
            f"{count(len(self.descriptions), 'description')}; "
            f"{n['must fix']} must fix, {n['should fix']} should fix, {n['good']} good."
        )

    def __repr__(self) -> str:
        return "\n".join([self.summary, *(f"  {f!r}" for f in self.findings)])

    def _repr_html_(self) -> str:
        e = html.escape
        shown = "/".join([_SITE, *(p for p in self.path if p)])
        return (
            "<figure style='max-width:600px;font-family:Arial,sans-serif;margin:4px 0'>"
            "<figcaption style='font-size:0.85em;color:#57606a'>Preview: one way Google might "
            "combine your headlines and descriptions</figcaption>"
            f"<div style='font-size:14px'><strong>Sponsored</strong><br>"
            f"<span style='color:#202124'>{e(shown)}</span></div>"
            f"<div style='font-size:20px;color:#1a0dab'>{e(' | '.join(self.headlines[:3]))}</div>"
            f"<div style='font-size:14px;color:#4d5156'>{e(' '.join(self.descriptions[:2]))}</div>"
            f"</figure><div role='status'><p><strong>{e(self.summary)}</strong></p>"
            f"{findings_html(self.findings)}</div>"
        )


def _count(
    items: list[str], what: str, least: dict[str, Any], most: dict[str, Any]
) -> list[Finding]:
    if len(items) < least["value"]:
        return [
            finding(
                "must fix",
                f"{what}-count",
                f"{count(len(items), what)}; at least {least['value']} are needed.",
                least,
            )
        ]
    if len(items) > most["value"]:
        return [
            finding(
                "must fix",
                f"{what}-count",
                f"{count(len(items), what)}; at most {most['value']} are allowed.",
                most,
            )
        ]
    return []


def _lengths(items: list[str], what: str, limit: dict[str, Any]) -> list[Finding]:
    too_long = [t for t in items if len(t) > limit["value"]]
    found = [
        finding(
            "must fix",
            f"{what}-length",
            f"{what.capitalize()} '{t}' is {count(len(t), 'character')}; the limit is "
            f"{limit['value']}.",
            limit,
        )
        for t in too_long
    ]
    if items and not too_long:
        found.append(
            finding(
                "good",
                f"{what}-length",
                f"Every {what} is within {limit['value']} characters.",
                limit,
            )
        )
    return found


def check_search_ad(
    headlines: Sequence[str],
    descriptions: Sequence[str],
    *,
    path1: str = "",
    path2: str = "",
    keyword: str | None = None,
) -> AdCheck:
    """Check a Google responsive search ad: 3 to 15 headlines of up to 30 characters, 2 to 4
    descriptions of up to 90, and two display path fields of up to 15 each. Blank entries are
    left out.

    >>> ad = check_search_ad(["Oak Shelves Made in Cumbria", "Free Delivery Over £50",
    ...     "Harbour & Pine"], ["Solid oak, three sizes.", "Made to last. Order online."],
    ...     path1="Shelves", path2="Oak", keyword="oak shelves")
    >>> ad.ready
    True
    """
    if isinstance(headlines, str) or isinstance(descriptions, str):
        raise PostsTypeError("Give the headlines and descriptions as lists of text.")
    heads = [h for h in (text_field(h, "Each headline") for h in headlines) if h]
    texts = [d for d in (text_field(d, "Each description") for d in descriptions) if d]
    paths = (text_field(path1, "Path 1"), text_field(path2, "Path 2"))
    limits = search_limits()["search_ad"]
    found = _count(heads, "headline", limits["headlines_min"], limits["headlines_max"])
    found += _count(texts, "description", limits["descriptions_min"], limits["descriptions_max"])
    found += _lengths(heads, "headline", limits["headline_max"])
    found += _lengths(texts, "description", limits["description_max"])
    for number, path in enumerate(paths, start=1):
        if len(path) > limits["path_max"]["value"]:
            found.append(
                finding(
                    "must fix",
                    "path-length",
                    f"Path {number} '{path}' is {count(len(path), 'character')}; the limit is "
                    f"{limits['path_max']['value']}.",
                    limits["path_max"],
                )
            )
    if paths[1] and not paths[0]:
        found.append(
            Finding(
                "must fix",
                "path-order",
                "Path 2 is filled in but path 1 is empty.",
                "Google shows path 2 only after path 1: fill in path 1 first.",
            )
        )
    repeated = sorted({h for h in heads if [x.lower() for x in heads].count(h.lower()) > 1})
    if repeated:
        found.append(
            Finding(
                "should fix",
                "headline-repeated",
                f"Repeated headline: {', '.join(repeated)}.",
                "Google mixes and matches headlines; a repeat wastes a slot it could test.",
            )
        )
    found += editorial(heads, texts)
    found += claims(heads, texts)
    if keyword is not None and text_field(keyword, "The keyword"):
        if any(keyword.lower() in h.lower() for h in heads):
            found.append(
                Finding(
                    "good",
                    "keyword-headline",
                    f"A headline uses '{keyword}'.",
                    "Searchers see the words they typed, so the ad looks relevant.",
                )
            )
        else:
            found.append(
                Finding(
                    "should fix",
                    "keyword-headline",
                    f"No headline uses '{keyword}'.",
                    "Ads whose headlines match the search look more relevant, get "
                    "more clicks and often cost less per click.",
                )
            )
    return AdCheck(tuple(heads), tuple(texts), paths, ordered(found))
