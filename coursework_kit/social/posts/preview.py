"""How a post would look in the feed: cut off at the platform's "... more" point, as HTML.

The preview is a teaching sketch, not a copy of any app: it shows the account name, the text
a reader sees before tapping "more", links (greyed out where they cannot be tapped), hashtags,
and any text past the platform's limit highlighted in red.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from coursework_kit.errors import PostsTypeError
from coursework_kit.social.platforms import PlatformRules, platform_rules
from coursework_kit.social.posts._text import counted_length, urls

__all__ = ["PostPreview", "preview_post"]

_ACCOUNT = ("Harbour & Pine", "@HarbourAndPine")


@dataclass(frozen=True)
class PostPreview:
    """The part of a post shown in the feed, and what is hidden behind "more" or over the limit."""

    platform: PlatformRules
    shown: str
    hidden: str
    over_limit: str
    account: tuple[str, str] = _ACCOUNT

    @property
    def truncated(self) -> bool:
        return bool(self.hidden or self.over_limit)

    def __repr__(self) -> str:
        more = f" ... more ({len(self.hidden)} characters hidden)" if self.hidden else ""
        over = f" [over the limit: {self.over_limit!r}]" if self.over_limit else ""
        return f"{self.platform.name} feed: {self.shown!r}{more}{over}"

    def _repr_html_(self) -> str:
        name, handle = (html.escape(a) for a in self.account)
        more = " <span style='color:#57606a'>... more</span>" if self.hidden else ""
        over = (
            "<span style='background:#ffebe9;color:#82071e' title='Past the limit'>"
            f"{html.escape(self.over_limit)}</span>"
            if self.over_limit
            else ""
        )
        note = (
            "<div role='alert' style='color:#82071e'>The red text is past the limit and "
            "would not be accepted.</div>"
            if self.over_limit
            else ""
        )
        return (
            "<figure style='border:1px solid #d0d7de;border-radius:8px;padding:8px 12px;"
            "max-width:500px;font-family:sans-serif;margin:4px 0'>"
            f"<figcaption style='font-size:0.85em;color:#57606a'>Preview: "
            f"{html.escape(self.platform.name)} feed (a sketch, not the real app)</figcaption>"
            f"<div><strong>{name}</strong> <span style='color:#57606a'>{handle}</span></div>"
            f"<div style='white-space:pre-wrap;overflow-wrap:anywhere'>"
            f"{_marked(self.shown, self.platform)}{more}{over}</div>{note}</figure>"
        )


def _marked(text: str, rules: PlatformRules) -> str:
    """Escape the text, colouring hashtags and links (grey when links cannot be tapped)."""
    pieces = re.split(r"(#\w+|\S+\.\S+)", text)
    links = set(urls(text))
    link_style = "color:#0969da" if rules.links_clickable.value else "color:#57606a"
    out = []
    for piece in pieces:
        escaped = html.escape(piece)
        if piece.startswith("#") and len(piece) > 1:
            out.append(f"<span style='color:#0969da'>{escaped}</span>")
        elif piece.rstrip(".,;:!?)") in links:
            out.append(f"<span style='{link_style}'>{escaped}</span>")
        else:
            out.append(escaped)
    return "".join(out)


def _cut(text: str, at: int) -> int:
    """Where to cut ``text`` so that at most ``at`` characters show, at a word break if near."""
    if len(text) <= at:
        return len(text)
    space = text.rfind(" ", 0, at + 1)
    return space if space > at * 0.6 else at


def _fits(text: str, rules: PlatformRules) -> int:
    """The longest start of ``text`` that the platform counts as within its limit."""

    def size(n: int) -> int:
        return counted_length(
            text[:n], url_length=rules.url_length, weighted=rules.weighted_counting
        )

    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if size(middle) <= rules.limit else (low, middle - 1)
    return low


def preview_post(text: str, platform: str, *, account: tuple[str, str] = _ACCOUNT) -> PostPreview:
    """How ``text`` would show in ``platform``'s feed.

    >>> p = preview_post("Our winter sale starts today. " * 6, "instagram")
    >>> p.truncated, len(p.shown) <= 125
    (True, True)
    """
    if not isinstance(text, str):
        raise PostsTypeError(f"The post must be text, not {type(text).__name__}.")
    rules = platform_rules(platform)
    text = text.strip()
    end = _fits(text, rules)
    within, over = text[:end], text[end:]
    if rules.cutoff >= rules.limit:
        return PostPreview(rules, within, "", over, account)
    cut = _cut(within, rules.cutoff)
    return PostPreview(rules, within[:cut].rstrip(), within[cut:].lstrip(), over, account)
