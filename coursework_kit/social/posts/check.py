"""Check a social media post against the platform's rules, the law on ads and the brand voice.

``check_post`` is pure: it reads the platform rules and the brand voice guide from
``datasets/social/`` and returns a :class:`PostCheck` listing each finding as must fix, should
fix or good, with why it matters. Platform figures are as checked in November 2026; advertising
rules reflect the CAP Code and ASA/CMA guidance as at November 2026.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from coursework_kit.errors import PostsTypeError
from coursework_kit.feedback import Finding, Severity, counts, findings_html, ordered
from coursework_kit.social.platforms import Figure, PlatformRules, platform_rules
from coursework_kit.social.posts._disclosure import disclosure_findings
from coursework_kit.social.posts._text import (
    Readability,
    counted_length,
    hashtags,
    mask,
    readability,
    split_hashtag,
    urls,
)
from coursework_kit.social.posts.voice import (
    BrandVoice,
    brand_voice,
    plain_language,
    voice,
)

__all__ = ["PostCheck", "check_post"]

_SCREEN_READERS = "Screen readers read a hashtag in one case as one long made-up word"


@dataclass(frozen=True)
class PostCheck:
    """The result of checking one post: every finding, its length and how easy it is to read."""

    text: str
    platform: PlatformRules
    length: int
    findings: tuple[Finding, ...]
    readability: Readability

    def _only(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    @property
    def must_fix(self) -> list[Finding]:
        return self._only("must fix")

    @property
    def should_fix(self) -> list[Finding]:
        return self._only("should fix")

    @property
    def good(self) -> list[Finding]:
        return self._only("good")

    @property
    def ready(self) -> bool:
        """True when nothing must be fixed (there may still be things that should be)."""
        return not self.must_fix

    def rules(self, severity: str | None = None) -> set[str]:
        """The ids of the rules with findings (of one severity, if given)."""
        return {f.check for f in self.findings if severity in (None, f.severity)}

    @property
    def summary(self) -> str:
        n = counts(self.findings)
        head = "Ready to post" if self.ready else "Not ready yet"
        return (
            f"{head} on {self.platform.name}: {n['must fix']} must fix, {n['should fix']} should "
            f"fix, {n['good']} good. {self.length:,} of {self.platform.limit:,} characters."
        )

    def __repr__(self) -> str:
        return "\n".join([self.summary, *(f"  {f!r}" for f in self.findings)])

    def _repr_html_(self) -> str:
        return (
            f"<div role='status'><p><strong>{html.escape(self.summary)}</strong></p>"
            f"{findings_html(self.findings)}</div>"
        )


def _dated(figure: Figure) -> str:
    return f"{figure.source}, checked {figure.checked}"


def _length(text: str, rules: PlatformRules) -> tuple[int, list[Finding]]:
    length = counted_length(text, url_length=rules.url_length, weighted=rules.weighted_counting)
    how = (
        " (every link counts as 23 characters, and an emoji as 2)"
        if rules.weighted_counting
        else ""
    )
    source = f"{rules.character_limit.source}, checked {rules.character_limit.checked}"
    if length > rules.limit:
        found = [
            Finding(
                "must fix",
                "length",
                f"{length:,} characters{how}: {length - rules.limit:,} over {rules.name}'s "
                f"limit of {rules.limit:,}.",
                f"{rules.name} will not publish a post this long. Cut it down, keeping the "
                "main message.",
                source=source,
            )
        ]
    else:
        found = [
            Finding("good", "length", f"{length:,} of {rules.limit:,} characters{how}.", "It fits.")
        ]
    if rules.cutoff < rules.limit and length > rules.cutoff:
        found.append(
            Finding(
                "should fix",
                "cutoff",
                f"Only about the first {rules.cutoff} characters show in the feed before "
                "'... more'; this post is longer.",
                "Most people scroll past without tapping 'more'. Put the main message, and any "
                "#ad label, in the first line.",
                source=f"{rules.feed_cutoff.source}. {rules.feed_cutoff.note}".strip(),
            )
        )
    return length, found


def _hashtags(text: str, rules: PlatformRules, brand: BrandVoice) -> list[Finding]:
    tags = hashtags(text)
    if not tags:
        return []
    found: list[Finding] = []
    most, advised = int(rules.hashtags_max.value), int(rules.hashtags_recommended.value)
    listed = ", ".join(f"#{t}" for t in tags)
    if len(tags) > most:
        note = f" {rules.hashtags_max.note}" if rules.hashtags_max.note else ""
        found.append(
            Finding(
                "must fix",
                "hashtag-count",
                f"{len(tags)} hashtags ({listed}); {rules.name} allows {most}.",
                f"The post may not publish, or the extra tags will not work.{note}",
                source=f"{rules.hashtags_max.source}, checked {rules.hashtags_max.checked}",
            )
        )
    elif len(tags) > advised:
        found.append(
            Finding(
                "should fix",
                "hashtag-count",
                f"{len(tags)} hashtags; {rules.name} advises {advised} or fewer.",
                "A few relevant hashtags work better than many: a long list looks like spam "
                "and is tiring to hear on a screen reader.",
                source=_dated(rules.hashtags_recommended),
            )
        )
    for tag in tags:
        parts = split_hashtag(tag, known_words=brand.known_words)
        if parts:
            camel = "".join(p.capitalize() for p in parts)
            found.append(
                Finding(
                    "should fix",
                    "hashtag-case",
                    f"#{tag} is several words in one case: write #{camel}.",
                    f"{_SCREEN_READERS}; a capital at the start of each word (CamelCase) lets "
                    "them read the words, and everyone reads it faster.",
                )
            )
    inline = _inline_hashtags(text)
    if len(inline) > 1:
        found.append(
            Finding(
                "should fix",
                "hashtag-placement",
                f"{len(inline)} hashtags in the middle of sentences ("
                + ", ".join(f"#{t}" for t in inline)
                + ").",
                "Hashtags scattered through a sentence make it hard to read, and a screen reader "
                "says 'hashtag' before each one. Keep the sentence plain and put tags at the end.",
            )
        )
    if not found:
        found.append(
            Finding(
                "good",
                "hashtags",
                f"{len(tags)} readable hashtag{'s' if len(tags) > 1 else ''} ({listed}).",
                "Few, relevant, CamelCase hashtags help people find the post and are easy to read.",
            )
        )
    return found


def _inline_hashtags(text: str) -> list[str]:
    """Hashtags with ordinary words after them on the same line (not in an end-of-line list)."""
    inline = []
    for line in text.splitlines():
        for match in re.finditer(r"(?<![\w&#])#(\w+)", line):
            rest = mask(line[match.end() :])
            if re.search(r"[A-Za-z]{2,}", rest) and match.group(1) in hashtags(line):
                inline.append(match.group(1))
    return inline


def _links(text: str, rules: PlatformRules) -> list[Finding]:
    links = urls(text)
    if not links:
        return []
    figure = rules.links_clickable
    source = f"{figure.source}, checked {figure.checked}"
    if not figure.value:
        return [
            Finding(
                "should fix",
                "link",
                f"A link in the text ({links[0]}): links in {rules.name} captions cannot be "
                "tapped.",
                "People cannot tap it and few will type it in. Say 'link in our bio' (or use a "
                "link sticker in a story) and keep the words for the message.",
                source=source,
            )
        ]
    extra = " It counts as 23 characters however long it is." if rules.url_length else ""
    return [
        Finding("good", "link", f"The link can be tapped on {rules.name}.{extra}", source=source)
    ]


def _alt_text(alt: str | None, has_image: bool, rules: PlatformRules) -> list[Finding]:
    if not has_image or not rules.alt_text.value:
        return []
    source = f"{rules.alt_text.source}, checked {rules.alt_text.checked}"
    described = (alt or "").strip()
    if not described:
        return [
            Finding(
                "must fix",
                "alt-text",
                "The post has an image but no alt text (a written description of it).",
                "Blind and partially sighted customers using screen readers hear nothing about "
                "the picture. Say what it shows that matters for the post, in a sentence.",
                source=source,
            )
        ]
    most = rules.alt_text_max
    if most is not None and len(described) > int(most.value):
        return [
            Finding(
                "must fix",
                "alt-text",
                f"The alt text is {len(described):,} characters; {rules.name} allows "
                f"{int(most.value):,}.",
                "It will not be saved. Describe what matters in the picture, briefly.",
                source=f"{most.source}, checked {most.checked}",
            )
        ]
    if re.match(r"(an? )?(image|picture|photo|photograph|pic) (of|showing)\b", described, re.I):
        return [
            Finding(
                "should fix",
                "alt-text",
                f"The alt text starts '{described.split(' of')[0]} of'.",
                "Screen readers already say it is an image: start with what it shows.",
            )
        ]
    if len(described.split()) < 3:
        return [
            Finding(
                "should fix",
                "alt-text",
                f"The alt text '{described}' is very short.",
                "Say what the picture shows that matters for the post, such as the product, "
                "its colour and where it is.",
            )
        ]
    return [Finding("good", "alt-text", "The image has alt text.", "Everyone gets the picture.")]


def check_post(
    text: str,
    *,
    platform: str,
    image_alt_text: str | None = None,
    has_image: bool = False,
    paid_partnership: bool = False,
    brand: BrandVoice | None = None,
) -> PostCheck:
    """Check a post for ``platform`` ("x", "facebook", "instagram", "linkedin", "tiktok",
    "threads").

    ``has_image``: the post has a picture (giving ``image_alt_text`` implies one).
    ``paid_partnership``: the post is paid for, or made in return for a gift, with the brand
    having a say in it; it then needs an advertising label. ``brand``: the voice guide to check
    against (Harbour & Pine's by default).

    >>> result = check_post("Our winter sale starts today. #ad", platform="x")
    >>> result.ready, sorted(result.rules("should fix"))
    (True, [])
    >>> bad = check_post("BIG SALE!!! See harbourandpine.example/sale", platform="instagram")
    >>> sorted(bad.rules("should fix"))
    ['capitals', 'exclamation', 'link']
    """
    if not isinstance(text, str):
        raise PostsTypeError(f"The post must be text, not {type(text).__name__}.")
    if image_alt_text is not None and not isinstance(image_alt_text, str):
        raise PostsTypeError("The alt text must be text (or None when there is no image).")
    for name, flag in (("has_image", has_image), ("paid_partnership", paid_partnership)):
        if not isinstance(flag, bool):
            raise PostsTypeError(f"{name} must be True or False, not {flag!r}.")
    rules = platform_rules(platform)
    brand_guide = brand_voice() if brand is None else brand
    if not text.strip():
        empty = Finding("must fix", "empty", "The post is empty.", "Write the post first.")
        return PostCheck(text, rules, 0, (empty,), readability(""))
    length, found = _length(text, rules)
    found += _hashtags(text, rules, brand_guide)
    found += _links(text, rules)
    found += _alt_text(image_alt_text, has_image or bool(image_alt_text), rules)
    found += disclosure_findings(text, paid_partnership)
    found += voice(text, rules.id, brand_guide)
    score, plain = plain_language(text, brand_guide)
    return PostCheck(text, rules, length, ordered(found + plain), score)
