"""The synthetic mailing list, and who on it may lawfully be emailed (PECR regulation 22)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from coursework_kit.datasets import data_path
from coursework_kit.datasets._tables import to_csv_text
from coursework_kit.email import (
    CampaignError,
    Contact,
    lawful_audience,
    load_mailing_list,
)
from coursework_kit.email._synth_mailing import COLUMNS, MASTER_SEED, mailing_list
from coursework_kit.email.mailing import UNSUBSCRIBED

ROOT = Path(__file__).resolve().parents[2]

PERSON = Contact(
    contact_id="T1",
    first_name="Test",
    last_name="Person",
    email="test.person@example.com",
    segment="past_purchaser",
    subscriber_type="individual",
    organisation=None,
    consent=False,
    consent_date=None,
    consent_method=None,
    existing_customer=True,
    opt_out_offered=True,
    unsubscribed=False,
    last_purchase_date=date(2026, 1, 10),
)


def test_generator_is_deterministic():
    """Does the same seed always give the same list, and another seed a different one?"""
    assert mailing_list(MASTER_SEED) == mailing_list(MASTER_SEED)
    assert mailing_list(MASTER_SEED) != mailing_list(MASTER_SEED + 1)


def test_shipped_csv_is_what_the_generator_makes():
    """Is mailing_list.csv exactly the master seed's output, byte for byte?"""
    shipped = data_path("email/mailing_list.csv").read_text(encoding="utf-8")
    assert shipped == to_csv_text(mailing_list(MASTER_SEED), COLUMNS)


def test_generate_script_writes_the_same_file(tmp_path):
    """Does generate.py, run from another folder, write the shipped file again?"""
    script = ROOT / "datasets" / "email" / "generate.py"
    subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)], check=True, cwd=tmp_path,
        capture_output=True,
    )  # fmt: skip
    made = (tmp_path / "mailing_list.csv").read_text(encoding="utf-8")
    assert made == data_path("email/mailing_list.csv").read_text(encoding="utf-8")


def test_list_is_synthetic_and_covers_every_case():
    """Are all 400 addresses at example domains, and does every PECR case turn up?"""
    contacts = load_mailing_list()
    assert len(contacts) == 400
    assert len({c.email for c in contacts}) == 400
    for c in contacts:
        domain = c.email.rsplit("@", 1)[1]
        assert domain in ("example.com", "example.net", "example.org") or domain.endswith(
            ".example"
        )
        assert (c.consent_date is None) == (not c.consent)
        assert (c.consent_method is None) == (not c.consent)
    kinds = {c.subscriber_type for c in contacts}
    assert kinds == {"individual", "sole_trader", "partnership", "corporate"}
    assert any(c.unsubscribed for c in contacts)
    assert any(not c.first_name for c in contacts)
    assert any(not c.consent and c.existing_customer and c.opt_out_offered for c in contacts)
    assert any(not c.consent and not c.opt_out_offered for c in contacts)
    assert any(not c.consent and not c.existing_customer for c in contacts)


@pytest.mark.parametrize(
    ("changes", "similar", "included", "reason_part"),
    [
        ({"consent": True}, True, True, None),
        ({}, True, True, None),  # the soft opt-in
        ({}, False, False, "not about our own similar products"),
        ({"existing_customer": False}, True, False, "during a sale"),
        ({"opt_out_offered": False}, True, False, "not offered a way to refuse"),
        ({"subscriber_type": "sole_trader", "existing_customer": False}, True, False, "sale"),
        ({"subscriber_type": "corporate", "existing_customer": False}, True, True, None),
        ({"consent": True, "unsubscribed": True}, True, False, "unsubscribed"),
        ({"subscriber_type": "corporate", "unsubscribed": True}, True, False, "unsubscribed"),
    ],
)
def test_lawful_audience_per_pecr_case(changes, similar, included, reason_part):
    """Is each PECR case included or left out, with the reason that applies?"""
    contact = replace(PERSON, **changes)
    audience = lawful_audience([contact], similar_products=similar)
    assert (audience.size == 1) is included
    if not included:
        (reason,) = audience.left_out
        assert reason_part in reason.lower()


def test_left_out_contacts_are_counted_and_grouped_by_reason():
    """Over the real list, does everyone end up included or in exactly one reason group?"""
    contacts = load_mailing_list()
    audience = lawful_audience(contacts)
    assert audience.considered == 400
    assert audience.size + audience.left_out_count == 400
    assert UNSUBSCRIBED in audience.left_out
    assert sum(audience.rules.values()) == audience.size
    assert set(audience.rules) == {"consent", "soft opt-in", "corporate subscriber"}
    html = audience._repr_html_()
    assert "Left out, and why" in html
    assert "as at November 2026" in html


def test_a_segment_is_only_that_segment():
    """Does choosing lapsed customers consider only them?"""
    audience = lawful_audience(load_mailing_list(), segment="lapsed_customer")
    assert audience.considered == 80
    assert {c.segment for c in audience.included} == {"lapsed_customer"}


def test_unknown_segment_is_refused_plainly():
    """Is a misspelt segment refused with the segments to choose from?"""
    with pytest.raises(CampaignError, match="choose one of all, past_purchaser"):
        lawful_audience(load_mailing_list(), segment="lapsed")
