"""The features of one adviser message: words, word pairs, letter groups, negation and
questions, and its grounding in the scenario on the adviser's screen (security fields, facts,
remedies, forbidden promises, account details, the refund limit, the customer's name and words,
the knowledge-base articles). :mod:`coursework_kit.chat.understand` scores them; the training
script (``datasets/chat/model/train.py``) fits on them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from coursework_kit.chat._wording import (
    FIELD_NOISE,
    GROUPS,
    MODALS,
    NEGATION,
    QUESTION_START,
    SCOPE,
    SCOPE_ENDS,
    STOP,
    Lexicon,
    Words,
    content_words,
    key,
    normalise,
    stem,
)
from coursework_kit.chat.scenario import Scenario

__all__ = ["Features", "Grounding", "content_words", "featurise", "grounding"]


@dataclass(frozen=True)
class Grounding:
    """What the scenario on the adviser's screen gives the recogniser to go on."""

    fields: tuple[tuple[str, ...], ...]  # each security field's key words
    names: frozenset[str]  # the customer's names, in lower case
    fact_words: frozenset[str]  # words in the facts on screen, not in the customer's story
    customer_words: frozenset[str]  # the customer's own words (opening, problem keywords)
    kb_words: frozenset[str]  # words of the knowledge-base articles the scenario names
    codes: frozenset[str]  # order numbers, amounts, references in the facts
    remedies: tuple[re.Pattern[str], ...]
    forbidden: tuple[re.Pattern[str], ...]
    details: tuple[re.Pattern[str], ...]
    refund_limit: float
    common: frozenset[str]  # words too common across scenarios to ground anything
    keys: Lexicon = field(default_factory=lambda: Lexicon({}), compare=False)


def _patterns(items: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


def grounding(
    scenario: Scenario, *, common: frozenset[str], kb_words: Mapping[str, Iterable[str]]
) -> Grounding:
    """What ``scenario`` gives to go on; ``kb_words`` holds each article's words."""
    fields: list[tuple[str, ...]] = []
    for part in re.split(r",|\band\b|\bor\b", scenario.verification_asks_for.lower()):
        keys = tuple(w for w in normalise(part).words if w.isalpha() and w not in FIELD_NOISE)
        if keys and keys not in fields:
            fields.append(keys)
    facts = " ".join([f.value for f in scenario.facts] + list(scenario.account_details))
    fact_words = content_words(facts) - common
    customer = content_words(scenario.opening) - common
    customer |= {stem(k.lower()) for k in scenario.problem_keywords} - common - STOP
    kb = {w for article in scenario.kb for w in kb_words.get(article, ())}
    shown = normalise(facts)
    codes = {
        key(kind, raw)
        for kind, raw in zip(shown.kinds, shown.raw, strict=True)
        if kind in ("code", "money") or (kind == "num" and len(raw) > 1)
    }
    return Grounding(
        fields=tuple(fields),
        names=frozenset(n.lower() for n in scenario.persona.name.split() if len(n) > 1),
        fact_words=frozenset(fact_words - customer),
        customer_words=frozenset(customer),
        kb_words=frozenset(kb - fact_words - customer - common),
        codes=frozenset(codes),
        remedies=_patterns(scenario.resolution_keywords),
        forbidden=_patterns(scenario.cannot_promise),
        details=_patterns(scenario.account_details),
        refund_limit=scenario.refund_limit,
        common=common,
        keys=Lexicon({key: [key] for keys in fields for key in keys}),
    )


@dataclass
class Features:
    """A message's features (name -> value), the tokens behind each (for quoting), and where
    its sentences and clauses are."""

    values: dict[str, float] = field(default_factory=dict)
    where: dict[str, tuple[int, ...]] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    clauses: list[list[int]] = field(default_factory=list)
    grounded: list[int] = field(default_factory=list)

    def add(self, name: str, tokens: tuple[int, ...], value: float = 1.0) -> None:
        if name not in self.values:
            self.values[name] = value
            self.where[name] = tokens


def _sentences(words: list[str]) -> list[list[int]]:
    out: list[list[int]] = [[]]
    for i, word in enumerate(words):
        out[-1].append(i)
        if word in (".", "?", "!", "\n"):
            out.append([])
    return [s for s in out if s]


def _marks(words: list[str], sentences: list[list[int]]) -> tuple[list[bool], list[bool]]:
    """Which words are inside a negation, and which inside a question."""
    negated = [False] * len(words)
    questions = [False] * len(words)
    for s in sentences:
        asks = words[s[-1]] == "?" or words[s[0]] in QUESTION_START
        asks = asks or any(words[a] in MODALS and words[b] == "you" for a, b in pairwise(s))
        scope = 0
        for i in s:
            questions[i] = asks
            if words[i] in SCOPE_ENDS:
                scope = 0
            elif scope:
                negated[i] = True
                scope -= 1
            if words[i] in NEGATION:
                scope = SCOPE
    return negated, questions


def featurise(
    text: str,
    ground: Grounding,
    *,
    customer_message: str = "",
    verified: bool = False,
    chars: tuple[int, int] = (3, 4),
    char_weight: float = 0.5,
) -> Features:
    """The features of one adviser message, as the model reads them."""
    w = normalise(text)
    words = ["<name>" if word in ground.names else word for word in w.words]
    sentences = _sentences(words)
    negated, questions = _marks(words, sentences)
    f = Features(
        spans=w.spans, sentences=[list(dict.fromkeys(w.at[i] for i in s)) for s in sentences]
    )
    f.clauses = [[]]
    for t, kind in enumerate(w.kinds):
        if kind != "punct":
            f.clauses[-1].append(t)
        elif f.clauses[-1]:
            f.clauses.append([])
    previous = "<m>"
    for i, word in enumerate(words):
        here = (w.at[i],)
        if word in (".", ",", ";", ":", "\n"):
            previous = "<s>"
            continue
        f.add(("n:" if negated[i] else "w:") + word, here)
        for group in GROUPS.lookup(word):
            f.add(("kn:" if negated[i] else "kq:" if questions[i] else "k:") + group, here)
        if questions[i]:
            f.add("q:" + word, here)
        f.add(f"b:{previous} {word}", here if previous[0] == "<" else (w.at[i - 1], w.at[i]))
        previous = word
        if word.isalpha() and len(word) > 1:
            padded, prefix = f" {word} ", "~" if negated[i] else "c"
            for n in range(chars[0], chars[1] + 1):
                for k in range(len(padded) - n + 1):
                    f.add(f"{prefix}:{padded[k : k + n]}", here, char_weight)
    customer = ground.customer_words | (content_words(customer_message) - ground.common)
    _ground(f, w, text, words, negated, questions, ground, customer)
    for name in ("g:sec", "g:detail"):  # asking again, or giving out details, before security?
        if name in f.values:
            f.add(f"{name}_{'v' if verified else 'nv'}", f.where[name])
    # Context, not evidence: where the chat is and how long the message is ("x:" features).
    if verified:
        f.add("x:verified", ())
    f.add(f"x:sentences{min(4, len(f.sentences))}", ())
    return f


def _security(
    f: Features, words: list[str], at: list[int], negated: list[bool], questions: list[bool],
    ground: Grounding,
) -> None:  # fmt: skip
    """Mentions of the scenario's security fields: asked for, in a question, or waved away."""
    joined = [a + b for a, b in pairwise(words)] + [""]  # "post code" -> "postcode"
    found = [
        ground.keys.lookup(word) | ground.keys.lookup(joined[i]) for i, word in enumerate(words)
    ]
    asked: list[int] = []
    refused: list[int] = []
    fields_asked = 0
    in_question = False
    for keys in ground.fields:
        hits = [i for i, matched in enumerate(found) if any(k in keys for k in matched)]
        if not hits or len({k for i in hits for k in found[i]}) < min(len(keys), 2):
            continue
        if all(negated[i] for i in hits):
            refused.extend(at[i] for i in hits)
        else:
            asked.extend(at[i] for i in hits)
            fields_asked += 1
            in_question = in_question or any(questions[i] for i in hits)
    if asked:
        share = fields_asked / len(ground.fields)
        f.add("g:sec", tuple(asked), share)
        f.add("g:sec_all" if share == 1 else "g:sec_some", tuple(asked))
        if in_question:
            f.add("g:sec_q", tuple(asked))
    if refused:
        f.add("g:sec_neg", tuple(refused))


def _matches(
    w: Words, text: str, patterns: tuple[re.Pattern[str], ...], negated: list[bool]
) -> tuple[list[int], list[int]]:
    """Tokens inside matches of ``patterns`` (in the normalised words or in the text as
    written), as (outside a negation, inside one)."""
    joined = " ".join(w.words)
    starts = [0]  # where each word starts in ``joined``, in order
    for word in w.words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    # Tokens are found in order and never overlap, so their starts and ends both rise, and
    # ``w.at`` never falls: the words or tokens a match covers are one run, found by halving.
    token_starts = [a for a, _ in w.spans]
    token_ends = [b for _, b in w.spans]
    plain: list[int] = []
    neg: list[int] = []
    for pattern in patterns:
        for found in pattern.finditer(joined):
            first, last = bisect_left(starts, found.start()), bisect_left(starts, found.end())
            hit = range(first, last)
            (neg if any(negated[i] for i in hit) else plain).extend(w.at[i] for i in hit)
        for found in pattern.finditer(text):
            first = bisect_right(token_ends, found.start())
            last = bisect_left(token_starts, found.end())
            if first >= last:
                continue
            covered = range(bisect_left(w.at, first), bisect_left(w.at, last))
            if not any(negated[i] for i in covered):
                plain.extend(range(first, last))
    return plain, neg


def _sentence_openings(
    f: Features, words: list[str], at: list[int], cust: list[int], fact: list[int]
) -> None:
    """How each sentence starts, with how much of the customer's story (tokens ``cust``) and
    of the facts on screen (``fact``) it holds: "so ... your table ... Tuesday" restates;
    "so ... a problem" does not. Each sentence's words are found through its own tokens, so
    a long message costs no more than its length."""
    cust_tokens, fact_tokens = set(cust), set(fact)
    words_of: dict[int, list[str]] = {}  # each token's words, in order
    for i, word in enumerate(words):
        words_of.setdefault(at[i], []).append(word)
    for sentence in f.sentences:  # its tokens, in order, each once
        inside = set(sentence)
        c, d = min(2, len(inside & cust_tokens)), min(2, len(inside & fact_tokens))
        mine = [word for t in sentence for word in words_of.get(t, ())]
        you = int("you" in mine or "your" in mine)
        f.add(f"sg:{mine[0] if mine else ''}|c{c}", tuple(sentence))
        f.add(f"sy:{you}|c{c}|f{d}", tuple(sentence))


def _bins(f: Features, name: str, tokens: list[int], cuts: tuple[int, ...]) -> None:
    distinct = tuple(sorted(set(tokens)))
    for cut in cuts:
        if len(distinct) >= cut:
            f.add(f"g:{name}{cut}", distinct)


def _ground(
    f: Features, w: Words, text: str, words: list[str], negated: list[bool],
    questions: list[bool], ground: Grounding, customer: frozenset[str],
) -> None:  # fmt: skip
    """The features that tie the message to its scenario."""
    at = w.at
    if ground.fields:
        _security(f, words, at, negated, questions, ground)
    stems = [stem(word) for word in words]
    fact = [at[i] for i, s in enumerate(stems) if s in ground.fact_words]
    fact += [
        t
        for t, kind in enumerate(w.kinds)
        if kind in ("code", "money", "num") and key(kind, w.raw[t]) in ground.codes
    ]
    over = [
        t
        for t, kind in enumerate(w.kinds)
        if kind == "money" and float(key(kind, w.raw[t]) or 0) > ground.refund_limit
    ]
    if over:
        f.add("g:over_limit", tuple(over))
    cust = [at[i] for i, s in enumerate(stems) if s in customer]
    kb = [at[i] for i, s in enumerate(stems) if s in ground.kb_words]
    names = [at[i] for i, word in enumerate(words) if word == "<name>"]
    _bins(f, "fact", fact, (1, 2, 4))
    _bins(f, "cust", cust, (1, 2, 4))
    _bins(f, "kb", kb, (1, 3))
    if names:
        f.add("g:name", tuple(sorted(set(names))))
    f.grounded = sorted(set(fact + cust + names))
    _sentence_openings(f, words, at, cust, fact)
    lowered = text.lower().replace("’", "'")
    for name, patterns in (
        ("rem", ground.remedies),
        ("cannot", ground.forbidden),
        ("detail", ground.details),
    ):
        plain, neg = _matches(w, lowered, patterns, negated)
        if plain:
            f.add(f"g:{name}", tuple(sorted(set(plain))))
        if neg:
            f.add(f"g:{name}_neg", tuple(sorted(set(neg))))
