"""Every kind of activity record: its shipped schema, its golden file, its round trip."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest

from coursework_kit.records import KINDS, kind, load_any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "datasets" / "records"))
from generate import schema_text  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "records"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_shipped_schema_is_up_to_date(name):
    """Is datasets/records/<kind>.schema.json what the record class makes now?"""
    shipped = (ROOT / "datasets" / "records" / f"{name}.schema.json").read_text("utf-8")
    assert shipped == schema_text(name), "run: .venv/bin/python datasets/records/generate.py"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_schema_is_a_valid_json_schema(name):
    """Would any JSON Schema tool accept the shipped schema?"""
    jsonschema.Draft202012Validator.check_schema(kind(name).schema())


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_golden_record_round_trips(name):
    """Does the golden record load, pass an independent validator, and save back unchanged?"""
    path = GOLDEN / f"{name}.json"
    assert path.is_file(), f"each kind needs a golden record: tests/golden/records/{name}.json"
    document = json.loads(path.read_text("utf-8"))
    jsonschema.Draft202012Validator(kind(name).schema()).validate(document)
    record = load_any(document)
    assert type(record) is kind(name)
    assert record.to_json() == document
    assert record.attempts, "a golden record should hold at least one attempt"


def test_every_kind_named_in_the_registry_imports():
    """Does every entry in KINDS name a real record class with that kind?"""
    for name in KINDS:
        assert name == kind(name).KIND
