"""Search basics: how a page would show in search results (SEO).

``check_snippet`` checks a page title and meta description against the lengths search engines
show and where the keyword sits. Limits are data (``datasets/search/limits.yaml``, checked
November 2026), each with its source and why it matters.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from coursework_kit._english import count
from coursework_kit.errors import PostsTypeError
from coursework_kit.feedback import Finding, Severity, counts, findings_html, ordered
from coursework_kit.search._limits import search_limits
from coursework_kit.search._widths import pixel_width

__all__ = ["SnippetCheck", "check_snippet", "finding", "text_field"]

_SITE = "harbourandpine.example"
_STUFFING = 3


def text_field(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise PostsTypeError(f"{what} must be text, not {type(value).__name__}.")
    return " ".join(value.split())


def finding(severity: Severity, check: str, message: str, limit: dict[str, Any]) -> Finding:
    return Finding(severity, check, message, " ".join(limit["why"].split()), source=limit["source"])


def _cut_to_pixels(text: str, pixels: float) -> str:
    if pixel_width(text) <= pixels:
        return text
    while text and pixel_width(text + " ...") > pixels:
        text = text[:-1]
    return text.rstrip() + " ..."


@dataclass(frozen=True)
class SnippetCheck:
    """How a page's title and meta description would do in search results."""

    title: str
    description: str
    keyword: str | None
    url: str
    title_pixels: float
    findings: tuple[Finding, ...]

    @property
    def ready(self) -> bool:
        return not any(f.severity == "must fix" for f in self.findings)

    def rules(self, severity: str | None = None) -> set[str]:
        return {f.check for f in self.findings if severity in (None, f.severity)}

    @property
    def summary(self) -> str:
        n = counts(self.findings)
        return (
            f"Title {count(len(self.title), 'character')} (about {self.title_pixels:.0f} pixels), "
            f"description {count(len(self.description), 'character')}: {n['must fix']} must fix, "
            f"{n['should fix']} should fix, {n['good']} good."
        )

    def __repr__(self) -> str:
        return "\n".join([self.summary, *(f"  {f!r}" for f in self.findings)])

    def _repr_html_(self) -> str:
        limits = search_limits()["snippet"]
        title = _cut_to_pixels(self.title, limits["title_pixels"]["value"])
        most = limits["description_max"]["value"]
        description = self.description
        if len(description) > most:
            description = description[:most].rsplit(" ", 1)[0] + " ..."
        shown = html.escape(description)
        if self.keyword:
            shown = re.sub(
                f"({re.escape(html.escape(self.keyword))})", r"<b>\1</b>", shown, flags=re.I
            )
        crumbs = html.escape(self.url.replace("https://", "").replace("/", " › "))
        return (
            "<figure style='max-width:600px;font-family:Arial,sans-serif;margin:4px 0'>"
            "<figcaption style='font-size:0.85em;color:#57606a'>Preview: a search result "
            "(a sketch of how Google shows it)</figcaption>"
            f"<div style='font-size:14px;color:#202124'>Harbour &amp; Pine<br>"
            f"<span style='color:#4d5156;font-size:12px'>{crumbs}</span></div>"
            f"<div style='font-size:20px;color:#1a0dab;line-height:1.3'>{html.escape(title)}"
            f"</div><div style='font-size:14px;color:#4d5156'>{shown}</div></figure>"
            f"<div role='status'><p><strong>{html.escape(self.summary)}</strong></p>"
            f"{findings_html(self.findings)}</div>"
        )


def _keyword_findings(title: str, description: str, keyword: str) -> list[Finding]:
    limits = search_limits()["snippet"]
    within = limits["keyword_in_title_within"]
    found: list[Finding] = []
    at = title.lower().find(keyword.lower())
    if at < 0:
        found.append(
            finding("should fix", "keyword-title", f"'{keyword}' is not in the title.", within)
        )
    elif at > within["value"]:
        found.append(
            finding(
                "should fix",
                "keyword-title",
                f"'{keyword}' starts at character {at + 1} of the title; move it nearer the start.",
                within,
            )
        )
    else:
        found.append(
            finding("good", "keyword-title", f"'{keyword}' is near the start of the title.", within)
        )
    if keyword.lower() in description.lower():
        found.append(
            Finding(
                "good",
                "keyword-description",
                f"'{keyword}' is in the description.",
                "Google shows the searched words in bold, which draws the eye to your result.",
            )
        )
    else:
        found.append(
            Finding(
                "should fix",
                "keyword-description",
                f"'{keyword}' is not in the description.",
                "Google shows the searched words in bold: a description that uses them stands "
                "out and tells searchers the page is what they want.",
            )
        )
    uses = len(re.findall(re.escape(keyword.lower()), f"{title} {description}".lower()))
    if uses >= _STUFFING:
        found.append(
            Finding(
                "should fix",
                "keyword-stuffing",
                f"'{keyword}' is used {uses} times in the title and description.",
                "Repeating a keyword reads badly and is 'keyword stuffing', which Google's spam "
                "policies count against a page. Once or twice is enough.",
                source="Google Search Essentials, 'Spam policies' (keyword stuffing)",
            )
        )
    return found


def check_snippet(
    title: str, description: str, *, keyword: str | None = None, url: str = f"https://{_SITE}/"
) -> SnippetCheck:
    """Check a page title and meta description as they would show in search results.

    >>> result = check_snippet("Oak shelves made in Cumbria | Harbour & Pine",
    ...     "Solid oak shelves made in our Cumbria workshop from trees grown to be replanted. "
    ...     "Three sizes, free delivery over £50.", keyword="oak shelves")
    >>> result.ready, sorted(result.rules("should fix"))
    (True, [])
    """
    title, description = text_field(title, "The title"), text_field(description, "The description")
    limits = search_limits()["snippet"]
    pixels = pixel_width(title)
    found: list[Finding] = []
    if not title:
        found.append(
            Finding(
                "must fix", "title", "There is no title.", "The title is the link searchers click."
            )
        )
    elif pixels > limits["title_pixels"]["value"] or len(title) > limits["title_max"]["value"]:
        found.append(
            finding(
                "should fix",
                "title-length",
                f"The title is {count(len(title), 'character')} (about {pixels:.0f} pixels): "
                "Google will probably cut it off.",
                limits["title_max"],
            )
        )
    elif len(title) < limits["title_min"]["value"]:
        found.append(
            finding(
                "should fix",
                "title-length",
                f"The title is only {count(len(title), 'character')}.",
                limits["title_min"],
            )
        )
    else:
        found.append(
            finding(
                "good",
                "title-length",
                f"The title ({count(len(title), 'character')}) fits.",
                limits["title_max"],
            )
        )
    most, least = limits["description_max"], limits["description_min"]
    if len(description) > most["value"]:
        found.append(
            finding(
                "should fix",
                "description-length",
                f"The description is {count(len(description), 'character')}; Google shows about "
                f"{most['value']}.",
                most,
            )
        )
    elif len(description) < least["value"]:
        found.append(
            finding(
                "should fix",
                "description-length",
                f"The description is only {count(len(description), 'character')}.",
                least,
            )
        )
    else:
        found.append(
            finding(
                "good",
                "description-length",
                f"The description ({count(len(description), 'character')}) fits.",
                most,
            )
        )
    if keyword is not None:
        keyword = text_field(keyword, "The keyword")
        if keyword:
            found += _keyword_findings(title, description, keyword)
    return SnippetCheck(title, description, keyword or None, url, pixels, ordered(found))
