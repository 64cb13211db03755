"""The labelled tone sentences: they fit their schema, the splits stay apart, and the check
reads the tuning split as labelled."""

from __future__ import annotations

import pytest

from coursework_kit.chat.features import content_words
from coursework_kit.datasets import load_yaml
from coursework_kit.social.posts._tone import read_tone


def split(name):
    return load_yaml(f"social/tone/{name}.yaml", schema="social/tone/tone.schema.json")["sentences"]


@pytest.mark.parametrize("name", ["tuning", "heldout"])
def test_each_split_fits_its_schema_and_has_every_label(name):
    """Does each split fit the schema, and hold enough of every label to measure it?"""
    rows = split(name)
    labels = [label for row in rows for label in row["labels"]]
    for label in ("blames", "over_promises", "pressure", "friendly"):
        assert labels.count(label) >= 8, f"{name} has too few {label} sentences"
    assert all(row["labels"] == ["friendly"] for row in rows if "friendly" in row["labels"])


def test_the_held_out_split_is_big_enough_and_apart_from_tuning():
    """Has the held-out split 60 or more sentences, none the same as (or near) a tuning one?"""
    held, tuning = split("heldout"), split("tuning")
    assert len(held) >= 60
    tuned = [content_words(row["text"]) for row in tuning]
    for row in held:
        words = content_words(row["text"])
        for other in tuned:
            shared = len(words & other) / max(1, len(words | other))
            assert shared < 0.8, f"{row['text']!r} is too close to a tuning sentence"


def test_the_check_reads_the_tuning_split_as_labelled():
    """Does the tone check agree with nine in ten of the tuning labels (every label right)?"""
    rows = split("tuning")
    right = sum(
        1 for row in rows if set(read_tone(row["text"]).kinds) == set(row["labels"]) - {"friendly"}
    )
    assert right / len(rows) >= 0.9
