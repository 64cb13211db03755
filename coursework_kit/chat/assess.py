"""Assess one adviser reply in a live chat: what it does well and what it gets wrong.

Rules built for customer service, from the phrase lists in ``datasets/chat/phrases.yaml``,
not a general sentiment score (those read "I'm so sorry to hear your order arrived damaged" as
negative). Pure logic: no widgets.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, fields

from coursework_kit.chat._phrases import phrases
from coursework_kit.chat.spelling import grammar_issues, misspelt
from coursework_kit.errors import ReplyTypeError

__all__ = ["FLAGS", "ReplyAssessment", "assess_reply"]

FLAGS = (
    "greeting", "uses_customer_name", "empathy", "apology", "paraphrase", "positive_language",
    "blame_or_negative", "closing_question", "identity_check", "escalation",
)  # fmt: skip

_WORD = re.compile(r"[a-z][a-z']+")


@dataclass(frozen=True)
class ReplyAssessment:
    """What one reply shows. ``evidence`` holds the words behind each flag that is True."""

    reply: str
    greeting: bool = False
    uses_customer_name: bool = False
    empathy: bool = False
    apology: bool = False
    paraphrase: bool = False
    positive_language: bool = False
    blame_or_negative: bool = False
    closing_question: bool = False
    identity_check: bool = False
    escalation: bool = False
    jargon: list[str] = field(default_factory=list)
    spelling_errors: list[str] = field(default_factory=list)
    grammar: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def flags(self) -> dict[str, bool]:
        return {name: bool(getattr(self, name)) for name in FLAGS}

    def __repr__(self) -> str:
        shown = [name for name, on in self.flags.items() if on]
        extra = []
        if self.jargon:
            extra.append(f"jargon={self.jargon}")
        if self.spelling_errors:
            extra.append(f"spelling_errors={self.spelling_errors}")
        return f"ReplyAssessment({', '.join(shown + extra) or 'nothing found'})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th scope='row'>{name.replace('_', ' ')}</th><td>{'yes' if on else 'no'}</td>"
            f"<td>{html.escape(self.evidence.get(name, ''))}</td></tr>"
            for name, on in self.flags.items()
        )
        for name in ("jargon", "spelling_errors", "grammar"):
            found = getattr(self, name)
            rows += (
                f"<tr><th scope='row'>{name.replace('_', ' ')}</th><td>{len(found)}</td>"
                f"<td>{html.escape(', '.join(found))}</td></tr>"
            )
        return f"<table><caption>{html.escape(self.reply)}</caption>{rows}</table>"


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    """The meaningful words of ``text``, roughly stemmed, without small common words."""
    stop = phrases().stopwords
    return {_stem(w) for w in _WORD.findall(text.lower().replace("’", "'")) if w not in stop}


def _paraphrase(reply: str, customer_message: str) -> str | None:
    p = phrases()
    explicit = p.find("understanding_checks", reply)
    shared = content_stems(reply) & content_stems(customer_message) if customer_message else set()
    needed = 1 if len(content_stems(customer_message)) <= 3 else 2
    if explicit and shared:
        return explicit
    frame = p.find("paraphrase_frames", reply)
    if frame and len(shared) >= needed:
        return f"{frame} … ({', '.join(sorted(shared))})"
    # Restating the problem without a frame: the first sentence reflects it back ("Your order
    # was due on Tuesday and still hasn't arrived").
    first = re.split(r"(?<=[.!?])\s", reply.strip(), maxsplit=1)[0]
    first_shared = content_stems(first) & content_stems(customer_message)
    if re.search(r"\byou(r|'ve|'re)?\b", first, re.I) and len(first_shared) >= 3:
        return first
    return None


def _name_used(reply: str, customer_name: str | None) -> str | None:
    if not customer_name or not customer_name.strip():
        return None
    parts = customer_name.split()
    candidates = [customer_name, parts[0]] + [
        f"{t} {parts[-1]}" for t in ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr")
    ]
    for name in candidates:
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", reply, re.IGNORECASE)
        if found:
            return found.group(0)
    return None


def assess_reply(
    reply: str, *, customer_message: str = "", customer_name: str | None = None
) -> ReplyAssessment:
    """Assess one adviser reply against the customer-service criteria.

    >>> a = assess_reply("Hi Priya, I'm so sorry to hear your table arrived damaged. "
    ...                  "I can send a replacement today.", customer_name="Priya Shah")
    >>> a.greeting, a.uses_customer_name, a.empathy, a.apology, a.positive_language
    (True, True, True, True, True)
    >>> b = assess_reply("Not my problem, read the T&Cs")
    >>> b.blame_or_negative, b.jargon
    (True, ['T&Cs'])
    """
    if not isinstance(reply, str):
        raise ReplyTypeError(f"A reply must be text, not {type(reply).__name__}.")
    text = reply.replace("’", "'").replace("‘", "'")
    p = phrases()
    evidence: dict[str, str] = {}
    for name in (
        "greeting",
        "empathy",
        "apology",
        "positive_language",
        "blame_or_negative",
        "closing_question",
        "identity_check",
        "escalation",
    ):
        found = p.find(name, text)
        if found:
            evidence[name] = found
    paraphrase = _paraphrase(text, customer_message.replace("’", "'"))
    if paraphrase:
        evidence["paraphrase"] = paraphrase
    name_used = _name_used(text, customer_name)
    if name_used:
        evidence["uses_customer_name"] = name_used
    jargon = [m.group(1) for m in p.jargon_abbreviations.finditer(text)]
    jargon += [m.group(0).strip() for m in p.patterns["jargon_terms"].finditer(text)]
    jargon += [m.group(1) for m in p.text_speak.finditer(text)]
    allowed = (customer_name.split() if customer_name else []) + jargon
    values = {f.name: f.name in evidence for f in fields(ReplyAssessment) if f.name in FLAGS}
    return ReplyAssessment(
        reply=reply,
        jargon=list(dict.fromkeys(jargon)),
        spelling_errors=misspelt(text, allowed=allowed),
        grammar=grammar_issues(text),
        evidence=evidence,
        **values,
    )
