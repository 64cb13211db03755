"""The labelled chat corpus: its files fit their schemas, and the splits stay apart."""

from __future__ import annotations

import pytest

from coursework_kit.chat.scenario import list_scenarios
from coursework_kit.datasets import load_yaml

FILES = [
    ("messages-tuning.yaml", "messages.schema.json"),
    ("messages-heldout.yaml", "messages.schema.json"),
    ("chats-tuning.yaml", "chats.schema.json"),
    ("chats-heldout.yaml", "chats.schema.json"),
]


@pytest.mark.parametrize(("name", "schema"), FILES)
def test_each_file_fits_its_schema_and_names_real_scenarios(name, schema):
    """Does every entry fit the schema, have a unique id and name a scenario the kit has?"""
    entries = load_yaml(f"chat/corpus/{name}", schema=f"chat/corpus/{schema}")
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    assert {e["scenario"] for e in entries} <= set(list_scenarios())


def test_the_held_out_split_shares_no_message_with_the_tuning_split():
    """Is no held-out message (or chat reply) also in the tuning data?"""
    tuning = {e["text"].strip().lower() for e in load_yaml("chat/corpus/messages-tuning.yaml")}
    tuning |= {
        r.strip().lower() for c in load_yaml("chat/corpus/chats-tuning.yaml") for r in c["replies"]
    }
    held = {e["text"].strip().lower() for e in load_yaml("chat/corpus/messages-heldout.yaml")}
    assert not held & tuning


def test_the_corpus_is_big_enough_to_measure_with():
    """Are there at least 1,500 messages and 40 whole chats, each split with every kind?"""
    messages = sum(len(load_yaml(f"chat/corpus/messages-{s}.yaml")) for s in ("tuning", "heldout"))
    chats = [c for s in ("tuning", "heldout") for c in load_yaml(f"chat/corpus/chats-{s}.yaml")]
    assert messages >= 1500
    assert len(chats) >= 40
    assert {c["kind"] for c in chats} == {"good", "poor", "gamed"}
