"""The knowledge base an adviser searches in a chat, and the pre-written responses.

Pre-written responses carry placeholders in square brackets ("[customer name]"); one sent with
a placeholder still in it, or word for word, has not been personalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

__all__ = [
    "Article",
    "Template",
    "TemplateUse",
    "knowledge_base",
    "search",
    "template_behind",
    "templates",
    "unpersonalised",
]

_PLACEHOLDER = re.compile(r"\[[^\]\n]{2,40}\]")
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    keywords: tuple[str, ...]
    body: str
    source: str = ""


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    text: str

    @property
    def placeholders(self) -> list[str]:
        return _PLACEHOLDER.findall(self.text)


@cache
def knowledge_base() -> tuple[Article, ...]:
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("chat/knowledge_base.yaml", schema="chat/knowledge_base.schema.json")
    return tuple(
        Article(a["id"], a["title"], tuple(a["keywords"]), a["body"], a.get("source", ""))
        for a in raw["articles"]
    )


@cache
def templates() -> tuple[Template, ...]:
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("chat/templates.yaml", schema="chat/templates.schema.json")
    return tuple(Template(t["id"], t["title"], t["text"]) for t in raw["templates"])


def search(query: str, *, limit: int = 3) -> list[Article]:
    """Articles that best match ``query``: keywords count three times, title twice, body once.

    >>> [a.id for a in search("parcel late")][:1]
    ['delivery-times']
    """
    words = set(_WORD.findall(query.lower()))
    if not words:
        return []
    scored = []
    for article in knowledge_base():
        keywords = {w for k in article.keywords for w in _WORD.findall(k.lower())}
        title = set(_WORD.findall(article.title.lower()))
        body = set(_WORD.findall(article.body.lower()))
        score = 3 * len(words & keywords) + 2 * len(words & title) + len(words & body)
        if score:
            scored.append((-score, article.id, article))
    return [article for *_, article in sorted(scored)[:limit]]


def unpersonalised(reply: str) -> str | None:
    """Why ``reply`` is a pre-written response sent without personalising it, or None.

    >>> unpersonalised("Hi [customer name], thanks for contacting Harbour & Pine.")
    'the placeholder [customer name] is still in it'
    """
    left = _PLACEHOLDER.findall(reply)
    return f"the placeholder {left[0]} is still in it" if left else None


@dataclass(frozen=True)
class TemplateUse:
    """A reply built from a pre-written response, and whether it was made the customer's own."""

    template: Template
    reply: str
    personalised: bool
    why_not: str | None = None


# A reply counts as built from a template when this share of the template's fixed words (its
# words outside the [brackets]) appear in the reply, in order.
_TEMPLATE_SHARE = 0.6


def template_behind(reply: str) -> TemplateUse | None:
    """The pre-written response ``reply`` was built from, if any, and whether it was personalised.

    Personalised means every [placeholder] was replaced and the text was not sent word for word.

    >>> use = template_behind("Just to check I've understood: your rug came without its "
    ...                       "underlay. Have I got that right?")
    >>> use.template.id, use.personalised
    ('check-understanding', True)
    >>> template_behind("Just to check I've understood: [sum up the problem in your own "
    ...                 "words]. Have I got that right?").why_not
    'the placeholder [sum up the problem in your own words] is still in it'
    >>> template_behind("Thanks, I'll look into that now.") is None
    True
    """
    words = _WORD.findall(reply.lower().replace("’", "'"))
    best: tuple[float, Template] | None = None
    for template in templates():
        fixed = _WORD.findall(_PLACEHOLDER.sub(" ", template.text).lower())
        if not fixed:
            continue
        blocks = SequenceMatcher(None, fixed, words, autojunk=False).get_matching_blocks()
        share = sum(block.size for block in blocks) / len(fixed)
        if share >= _TEMPLATE_SHARE and (best is None or share > best[0]):
            best = (share, template)
    if best is None:
        return None
    template = best[1]
    why_not = unpersonalised(reply)
    if why_not is None and " ".join(reply.split()) == " ".join(template.text.split()):
        why_not = "it was sent word for word"
    return TemplateUse(template, reply, why_not is None, why_not)
