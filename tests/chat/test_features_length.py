"""Reading a long reply: the features and the spelling check read each reply in time that grows
with its length, not its square, and find exactly what the simpler word-by-word reading found.

The references below are that simpler reading, as it was written before (it looked through
every token for each match, and through the whole text before each word). Every labelled
message of the chat corpus, and long made-up replies, must read the same both ways.
"""

from __future__ import annotations

import dataclasses
import re
from contextlib import contextmanager
from functools import cache
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coursework_kit.chat import features, spelling
from coursework_kit.chat.features import Features, featurise
from coursework_kit.chat.scenario import Scenario, list_scenarios, load_scenario
from coursework_kit.chat.spelling import misspelt
from coursework_kit.chat.understand import _grounding_for, _model
from coursework_kit.datasets import load_yaml


def _old_matches(w, text, patterns, negated):
    joined = " ".join(w.words)
    starts = [0]
    for word in w.words:
        starts.append(starts[-1] + len(word) + 1)
    plain: list[int] = []
    neg: list[int] = []
    for pattern in patterns:
        for found in pattern.finditer(joined):
            hit = [i for i, at in enumerate(starts[:-1]) if found.start() <= at < found.end()]
            (neg if any(negated[i] for i in hit) else plain).extend(w.at[i] for i in hit)
        for found in pattern.finditer(text):
            hit = [t for t, (a, b) in enumerate(w.spans) if a < found.end() and b > found.start()]
            if hit and not any(negated[i] for i, t in enumerate(w.at) if t in hit):
                plain.extend(hit)
    return plain, neg


def _old_sentence_openings(f, words, at, cust, fact):
    for sentence in f.sentences:
        inside = set(sentence)
        c, d = min(2, len(inside & set(cust))), min(2, len(inside & set(fact)))
        mine = [word for i, word in enumerate(words) if at[i] in inside]
        you = int("you" in mine or "your" in mine)
        f.add(f"sg:{mine[0] if mine else ''}|c{c}", tuple(sentence))
        f.add(f"sy:{you}|c{c}|f{d}", tuple(sentence))


def _old_misspelt(text, *, allowed=()):
    text = spelling._ADDRESS.sub(lambda m: " " * len(m.group(0)), text.replace("’", "'"))
    ok = {a.lower() for a in allowed}
    found: list[str] = []
    for match in spelling._TOKEN.finditer(text):
        raw = match.group(0)
        if any(ch.isdigit() for ch in text[max(0, match.start() - 1) : match.end() + 1]):
            continue
        for word in raw.strip("'-").split("-"):
            if not word or word.lower() in ok or (word.isupper() and len(word) > 1):
                continue
            at_start = bool(spelling._SENTENCE_START.search(text[: match.start()]))
            if word[0].isupper() and not at_start:
                continue
            if not spelling._known(word) and word not in found:
                found.append(word)
    return found


@contextmanager
def _as_before():
    with (
        mock.patch.object(features, "_matches", _old_matches),
        mock.patch.object(features, "_sentence_openings", _old_sentence_openings),
    ):
        yield


def _read(text: str, scenario: Scenario, *, after: str = "", verified: bool = False):
    model = _model()
    return featurise(
        text,
        _grounding_for(scenario, model),
        customer_message=after,
        verified=verified,
        chars=model.chars,
        char_weight=model.char_weight,
    )


def _same(new: Features, old: Features) -> None:
    assert list(new.values.items()) == list(old.values.items())  # in the same order too
    assert new.where == old.where
    assert new == old


@cache
def _scenarios() -> dict[str, Scenario]:
    return {name: load_scenario(name) for name in list_scenarios()}


@cache
def _corpus() -> tuple[tuple[str, str, str, bool], ...]:
    """(text, scenario id, customer's last message, verified) for every labelled adviser
    message: both corpus splits, the whole chats and the hand-labelled replies."""
    out: list[tuple[str, str, str, bool]] = []
    for split in ("tuning", "heldout"):
        for e in load_yaml(f"chat/corpus/messages-{split}.yaml"):
            verified = e["stage"] in ("after_security", "resolving", "closing")
            out.append((e["text"], e["scenario"], e.get("after", ""), verified))
        for chat in load_yaml(f"chat/corpus/chats-{split}.yaml"):
            out.extend((reply, chat["scenario"], "", False) for reply in chat["replies"])
    for e in load_yaml("chat/labelled_replies.yaml")["replies"]:
        out.append((e["reply"], "late-delivery", e.get("customer_message", ""), False))
    return tuple(out)


def _long(length: int, offset: int) -> tuple[str, str]:
    """A long reply made of corpus messages of one scenario, and that scenario's id."""
    corpus = [c for c in _corpus() if c[1] == _corpus()[offset % len(_corpus())][1]]
    parts: list[str] = []
    i = offset
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(corpus[i % len(corpus)][0])
        i += 7
    return " ".join(parts)[:length], corpus[0][1]


@pytest.mark.slow
def test_every_corpus_message_reads_as_before():
    """Does every labelled adviser message in the corpus get exactly the features it got
    before, in the same order, with the same tokens behind each?"""
    assert len(_corpus()) > 2000
    for text, scenario, after, verified in _corpus():
        new = _read(text, _scenarios()[scenario], after=after, verified=verified)
        with _as_before():
            old = _read(text, _scenarios()[scenario], after=after, verified=verified)
        _same(new, old)


def test_every_corpus_message_has_the_same_misspellings():
    """Does the spelling check find the same words, in the same order, in every message?"""
    for text, *_ in _corpus():
        assert misspelt(text) == _old_misspelt(text)


@pytest.mark.parametrize("length", [1000, 3000, 8000])
def test_long_replies_read_as_before(length):
    """Do long replies, many messages run together, read the same as before, features and
    misspellings alike?"""
    for offset in range(0, 60, 20):
        text, scenario = _long(length, offset)
        new = _read(text, _scenarios()[scenario])
        with _as_before():
            old = _read(text, _scenarios()[scenario])
        _same(new, old)
        assert misspelt(text) == _old_misspelt(text)


# Made-up replies built to catch the edge cases: runs of spaces and quotes before a capital,
# hyphens, apostrophes, codes, money, negation, new lines and words that expand ("can't",
# "u", "pls").
_PIECES = st.sampled_from(
    [
        "Sorry", "I", "can't", "won't", "don't", "not", "no", "never", "chase", "the",
        "courier", "Evri", "refund", "you", "u", "pls", "order", "HP-10482", "LS6 2QT",
        "£54.99", "5pm", "3rd", "well-known", "re-send", "Priya", "it's", "'", '"', "(",
        ")", ".", "?", "!", ",", "\n", "  ", "     \n  ", " - ", "’", "Thx", "DPD", "so",
        "we'll", "definitely", "promise", "Tuesday", "recieve", "Teh", "isnt",
        "post code", "e-mail", "a@b.example", "www.x.example/a",
    ]
)  # fmt: skip
_REPLIES = st.lists(_PIECES, max_size=120).map(" ".join) | st.lists(_PIECES, max_size=60).map(
    "".join
)
_PATTERNS = (
    r"chase", r"\bcourier\b", r"n't \w+", r"(?:)", r"\s+", r"re-?send", r"o", r"\. ",
    r"pls|please", r"£\d+",
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_REPLIES, scenario=st.sampled_from(["late-delivery", "late-refund", "damaged-item"]))
def test_made_up_replies_read_as_before(text, scenario):
    """Do made-up replies full of edge cases read the same as before, with the scenario's own
    patterns and with patterns that match inside words, across words and nothing at all?"""
    new = _read(text, _scenarios()[scenario])
    with _as_before():
        old = _read(text, _scenarios()[scenario])
    _same(new, old)
    ground = dataclasses.replace(
        _grounding_for(_scenarios()[scenario], _model()),
        remedies=tuple(re.compile(p, re.I) for p in _PATTERNS),
    )
    new = featurise(text, ground)
    with _as_before():
        old = featurise(text, ground)
    _same(new, old)
    assert misspelt(text) == _old_misspelt(text)
    assert misspelt(text, allowed=["teh"]) == _old_misspelt(text, allowed=["teh"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sorry.      Teh parcel", ["Teh"]),  # a long gap after a full stop
        ('Sorry.\n\n   "(Teh parcel', ["Teh"]),  # new lines, quotes and a bracket
        ("       Teh parcel", ["Teh"]),  # spaces at the very start
        ("Sorry,      Teh parcel", []),  # mid-sentence: a name, left alone
        ("see x.  ’Teh’ parcel", ["Teh"]),
    ],
)
def test_capitals_after_a_long_gap(text, expected):
    """Is a capitalised word after a sentence end (however many spaces, new lines or quotes
    come between) still checked, and one in mid-sentence still left alone?"""
    assert misspelt(text) == expected == _old_misspelt(text)
