"""Whether a paid or gifted social media post is labelled as an ad: clearly, at the start, and
not denied ("This isn't an ad" is no label). Reflects the CAP Code and the ASA and CMA's
guidance as the platform rules file says. Private to :mod:`coursework_kit.social.posts.check`.
"""

from __future__ import annotations

import re

from coursework_kit.feedback import Finding
from coursework_kit.social.platforms import disclosure
from coursework_kit.social.posts.voice import phrase_pattern

__all__ = ["disclosure_findings"]

# A label word that says the post is NOT an ad ("This isn't an ad", "not sponsored", "no ad
# here"): a negation, then at most a few small words, right before the label.
_DENIED = re.compile(
    r"(?:\b(?:not|no|never|nor|without|nothing)|n['’]t)\s+"
    r"(?:(?:a|an|any|the|this|that|really|actually|even|just|one|paid|sponsored|gifted|"
    r"official|or|nor|kind\s+of|sort\s+of)\s+)*$",
    re.IGNORECASE,
)
# "ad" in "ad-free", "ad hoc" or "ad blocker" is not a label.
_NOT_A_LABEL = re.compile(
    r"\s*-?\s*(?:free|hoc|block|blocks|blocker|blockers|blocking|breaks?|nauseam|infinitum)\b",
    re.IGNORECASE,
)


def _uses(text: str, label: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """Where ``text`` uses ``label`` as a label, and where it says the post is *not* one."""
    used: list[re.Match[str]] = []
    denied: list[re.Match[str]] = []
    for match in phrase_pattern(label).finditer(text):
        if _NOT_A_LABEL.match(text, match.end()):
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        (denied if _DENIED.search(before) else used).append(match)
    return used, denied


def disclosure_findings(text: str, paid: bool) -> list[Finding]:
    """Whether a paid or gifted post is labelled as an ad, clearly and at the start. A label
    the post denies ("This isn't an ad", "not sponsored") is no label, and neither is the
    "ad" in "ad-free"."""
    if not paid:
        return []
    rules = disclosure()
    source = f"{rules.source} (as at {rules.reflects.split(' as at ')[-1]})"
    start = len(text) - len(text.lstrip())
    upfront = start + rules.upfront_characters
    labels = [m for label in rules.labels for m in _uses(text, label)[0]]
    if any(m.end() <= upfront for m in labels):
        return [
            Finding(
                "good",
                "disclosure",
                "The post is labelled as an ad at the start.",
                "People can see straight away that it is advertising.",
                source=source,
            )
        ]
    unclear = [u for u in rules.unclear_labels if _uses(text, u)[0]]
    denials = [m for label in (*rules.labels, *rules.unclear_labels) for m in _uses(text, label)[1]]
    if labels:
        found = "There is an ad label, but not at the start of the post."
    elif denials:
        first = min(denials, key=lambda m: m.start())
        begin = max(0, first.start() - 60)
        said = _DENIED.search(text[begin : first.start()])
        begin += said.start() if said else first.start() - begin
        while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in "'’"):
            begin -= 1  # the whole word: "isn't", not "n't"
        words = " ".join(text[begin : first.end()].split())
        found = (
            f"The post says it is not an ad ('{words}'), but it is paid for or gifted, so it "
            "is one."
        )
    elif unclear:
        found = f"The post uses {', '.join(unclear)}, which is not a clear enough label."
    else:
        found = "This post is paid for or gifted, but it is not labelled as an ad."
    return [
        Finding(
            "must fix",
            "disclosure",
            found + " Put '#ad' (or 'Ad') at the very start.",
            "Advertising must be obviously identifiable as advertising. The ASA and CMA say "
            "a paid or gifted post needs a clear label such as #ad, up front where people see "
            "it before they engage; labels such as #sp, #spon, 'sponsored' or #gifted are not "
            "clear enough.",
            source=source,
        )
    ]
