"""What one adviser message does (its moves), grounded in the scenario on the adviser's screen.

A message is read the way a person would take it: case, apostrophes, "sooo", text-speak (u, ur,
pls, thx, soz), "order no." and "I no how" are evened out first. The model then reads

- words, word pairs and letter groups inside words (letter groups survive misspellings);
- word groups: "stressful" counts with "frustrating", and misspelt members are found too;
- negation: words after "don't", "no need", "unable to" are kept apart, so "don't worry about
  the postcode" is not a request for the postcode;
- questions: words in a question are marked;
- grounding in the scenario: its security fields (``verification.asks_for``), the facts on
  screen, the remedies (``resolution``) and forbidden promises (``remit.cannot_promise``), the
  account details that must not be given out, the refund limit, the customer's name and own
  words, and the knowledge-base articles the scenario names.

One logistic model per move, trained on the labelled corpus by ``datasets/chat/model/train.py``
(thresholds chosen by cross-validation), scores them; a forbidden promise the scenario names is
decided by rule. Pure logic, standard library only: the model is a JSON file read once.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from coursework_kit.chat.features import Features, Grounding, content_words, featurise, grounding
from coursework_kit.chat.moves import MOVES, Move, Moves
from coursework_kit.chat.scenario import Scenario

__all__ = ["Features", "Grounding", "content_words", "featurise", "grounding", "understand"]

MODEL = "chat/model/moves.json"


@dataclass(frozen=True)
class _Model:
    outputs: tuple[str, ...]
    bias: tuple[float, ...]
    threshold: tuple[float, ...]
    unsure: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    chars: tuple[int, int]
    char_weight: float
    common: frozenset[str]
    kb_words: dict[str, tuple[str, ...]]
    rules: dict[str, str]
    requires: dict[str, tuple[str, ...]]


@cache
def _model() -> _Model:
    from coursework_kit.datasets import data_path

    raw = json.loads(data_path(MODEL).read_text(encoding="utf-8"))
    weights = {
        name: tuple((int(pairs[i]), float(pairs[i + 1])) for i in range(0, len(pairs), 2))
        for name, pairs in raw["weights"].items()
    }
    low, high = raw["features"]["chars"]
    return _Model(
        outputs=tuple(raw["outputs"]),
        bias=tuple(raw["bias"]),
        threshold=tuple(raw["threshold"]),
        unsure=tuple(raw["unsure"]),
        weights=weights,
        chars=(int(low), int(high)),
        char_weight=float(raw["features"]["char_weight"]),
        common=frozenset(raw["common"]),
        kb_words={k: tuple(v) for k, v in raw["kb_words"].items()},
        rules=dict(raw["rules"]),
        requires={k: tuple(v) for k, v in raw["requires"].items()},
    )


_GROUNDS: dict[tuple[Any, ...], Grounding] = {}


def _grounding_for(scenario: Scenario, model: _Model) -> Grounding:
    key = (
        scenario.id, scenario.verification_asks_for, scenario.facts, scenario.account_details,
        scenario.opening, scenario.problem_keywords, scenario.resolution_keywords,
        scenario.cannot_promise, scenario.kb, scenario.persona.name, scenario.refund_limit,
    )  # fmt: skip
    found = _GROUNDS.get(key)
    if found is None:
        if len(_GROUNDS) >= 64:
            _GROUNDS.clear()
        found = _GROUNDS[key] = grounding(scenario, common=model.common, kb_words=model.kb_words)
    return found


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _shares(f: Features, model: _Model, outputs: set[int]) -> dict[int, list[float]]:
    """How much each token of the message counts towards each of ``outputs``."""
    shares = {k: [0.0] * len(f.spans) for k in outputs}
    for name, value in f.values.items():
        tokens = f.where[name]
        for out, weight in model.weights.get(name, ()) if tokens else ():
            if out in shares:
                each = weight * value / len(tokens)
                for t in tokens:
                    shares[out][t] += each
    return shares


def _quote(
    text: str, f: Features, share: list[float], *, avoid: tuple[int, ...] = ()
) -> tuple[str, tuple[int, ...]]:
    """The words that count most (by ``share``) and the clause they are in: the clause that
    scores highest (other than ``avoid`` if another scores too), and in a long clause
    (unpunctuated writing) its best-scoring run of words."""
    scored = [(sum(share[t] for t in c), tuple(c)) for c in f.clauses if c and tuple(c) != avoid]
    best, chosen = max(scored, default=(0.0, ()), key=lambda pair: pair[0])
    if best <= 0:
        return ("", ()) if not avoid else _quote(text, f, share)
    cost = 0.1 * max(share[t] for t in chosen) if len(chosen) > 20 else 0.0
    run = (0.0, chosen[0], chosen[0])
    total, start = 0.0, chosen[0]
    for t in chosen:
        if total <= 0:
            total, start = 0.0, t
        total += share[t] - cost
        if total > run[0]:
            run = (total, start, t)
    kept = [t for t in chosen if run[1] <= t <= run[2] and share[t] > 0] or list(chosen)
    return text[f.spans[kept[0]][0] : f.spans[kept[-1]][1]], chosen


# Moves the model can miss inside a long message that does many things (the words for the
# other moves outweigh them), so each sentence of a message of three or more is also read.
_BURIED = ("escalate",)
_STRONG = 0.6  # ...when a word in it counts strongly towards the move (else no sentence can)


def _sentence_margin(
    text: str,
    f: Features,
    model: _Model,
    k: int,
    ground: Grounding,
    near: set[int],
    **context: Any,
) -> tuple[float, float]:
    """The best margin and score for output ``k`` of any one sentence of ``text`` read alone,
    of the sentences holding one of the tokens ``near``."""
    best = (-math.inf, 0.0)
    for sentence in (s for s in f.sentences if near.intersection(s)):
        part = text[f.spans[sentence[0]][0] : f.spans[sentence[-1]][1]]
        g = featurise(part, ground, chars=model.chars, char_weight=model.char_weight, **context)
        prior = evidence = 0.0
        for name, value in g.values.items():
            for out, weight in model.weights.get(name, ()):
                if out == k:
                    if name.startswith("x:"):
                        prior += weight * value
                    else:
                        evidence += weight * value
        z = model.bias[k] + prior + evidence
        if evidence > 0 and z - _logit(model.threshold[k]) > best[0]:
            best = (z - _logit(model.threshold[k]), z)
    return best


def understand(
    text: str, scenario: Scenario, *, customer_message: str = "", verified: bool = False
) -> Moves:
    """The moves ``text`` makes as an adviser's message in ``scenario``.

    ``customer_message`` is the customer's last message; ``verified`` says whether the customer
    has passed security.

    >>> from coursework_kit.chat.scenario import load_scenario
    >>> late = load_scenario("late-delivery")
    >>> moves = understand("hiya priya, can u pop ur order number n postcode in pls", late)
    >>> moves.names
    ('greet', 'ask_security')
    >>> "order number n postcode" in moves.get("ask_security").words
    True
    >>> "ask_security" in understand("don't worry about the postcode, I'll find it", late)
    False
    """
    if not isinstance(text, str):
        raise TypeError(f"A message must be text, not {type(text).__name__}.")
    model = _model()
    ground = _grounding_for(scenario, model)
    f = featurise(
        text,
        ground,
        customer_message=customer_message,
        verified=verified,
        chars=model.chars,
        char_weight=model.char_weight,
    )
    # Each output's score, z, is its prior (the bias and the context features) plus the evidence
    # (everything found in the words). No move without evidence pointing to it, as in training.
    prior = list(model.bias)
    evidence = [0.0] * len(prior)
    for name, value in f.values.items():
        into = prior if name.startswith("x:") else evidence
        for out, weight in model.weights.get(name, ()):
            into[out] += weight * value
    z = [a + b for a, b in zip(prior, evidence, strict=True)]
    margin = {
        name: z[k] - _logit(model.threshold[k]) if evidence[k] > 0 else -math.inf
        for k, name in enumerate(model.outputs)
    }
    for name in _BURIED:  # a move buried in a long message: read its sentences on their own
        k = model.outputs.index(name)
        strong = {  # where in the message the words that count strongly towards it are
            t
            for n in f.values
            if any(o == k and w >= _STRONG for o, w in model.weights.get(n, ()))
            for t in f.where[n]
        }
        if margin[name] <= 0 and len(f.sentences) >= 3 and strong:
            alone, score = _sentence_margin(
                text, f, model, k, ground, strong, customer_message=customer_message,
                verified=verified,
            )  # fmt: skip
            if alone > 0:
                margin[name], z[k] = alone, score
    for name, needed in model.requires.items():  # e.g. a paraphrase holds the customer's story
        if not any(n in f.values for n in needed):
            margin[name] = -math.inf
    if margin["paraphrase"] > 0 and margin["generic_paraphrase"] > 0:  # one or the other
        margin[min(("paraphrase", "generic_paraphrase"), key=margin.__getitem__)] = -1e-9
    ruled = {name for name, rule in model.rules.items() if rule in f.values}
    near = {name for k, name in enumerate(model.outputs) if abs(margin[name]) < model.unsure[k]}
    wanted = {
        k
        for k, name in enumerate(model.outputs)
        if name in MOVES and name not in ruled and (margin[name] > 0 or name in near)
    }
    check = model.outputs.index("check_understanding")
    restating = {model.outputs.index(n) for n in ("paraphrase", "generic_paraphrase")}
    shares = _shares(f, model, wanted | ({check} if wanted & restating else set()))
    found: list[Move] = []
    unsure: list[Move] = []
    for k, name in enumerate(model.outputs):
        if name in ruled:
            words = " ".join(text[slice(*f.spans[t])] for t in f.where[model.rules[name]])
            found.append(Move(name, words, 1.0, model.threshold[k]))
        elif k in wanted:
            avoid: tuple[int, ...] = ()
            if name in ("paraphrase", "generic_paraphrase"):  # the restating, not "is that right?"
                avoid = _quote(text, f, shares[check])[1]
            p = round(1 / (1 + math.exp(-z[k])), 3)
            move = Move(name, _quote(text, f, shares[k], avoid=avoid)[0], p, model.threshold[k])
            if margin[name] > 0:
                found.append(move)
            if name in near:
                unsure.append(move)
    specific = margin["specific"] > 0
    tokens = list(f.grounded)
    remedy = f.where.get("g:rem", ()) if "g:rem" in f.values else ()
    by_remedy = False
    if remedy and any(m.name in ("offer_remedy", "escalate") for m in found):
        by_remedy = not specific
        specific = True  # a remedy the scenario's resolution names is this customer's
        tokens += remedy
    grounded = tuple(dict.fromkeys(text[slice(*f.spans[t])] for t in sorted(set(tokens))))
    return Moves(
        text=text,
        found=tuple(found),
        specific=specific,
        specific_words=grounded if specific else (),
        unsure=tuple(unsure),
        remedy_words=tuple(text[slice(*f.spans[t])] for t in remedy),
        specific_by_remedy=by_remedy,
    )
