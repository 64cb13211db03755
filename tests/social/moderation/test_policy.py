"""Harbour & Pine's social media policy: valid against its schema, and readable as a document."""

from __future__ import annotations

import copy
import re

import pytest

from coursework_kit.datasets import load_yaml, validate
from coursework_kit.errors import DatasetError
from coursework_kit.social import ModerationError, load_policy

RAW = load_yaml("social/policy.yaml")


def test_policy_matches_its_schema():
    """Does the policy file match policy.schema.json and say what date its law reflects?"""
    raw = load_yaml("social/policy.yaml", schema="social/policy.schema.json")
    assert "November 2026" in raw["reflects"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["sections"][0].pop("rules"), "rules"),
        (lambda d: d["escalation_routes"][0].pop("response_target"), "response_target"),
        (lambda d: d["actions"][0].update(id="shout"), "shout"),
        (lambda d: d.update(version="latest"), "latest"),
    ],
)
def test_schema_rejects_a_broken_policy(change, problem):
    """Does the schema catch a policy with a section missing its rules, a route without a
    response target, an unknown action or a version that is not a number?"""
    broken = copy.deepcopy(RAW)
    change(broken)
    with pytest.raises(DatasetError, match=problem):
        validate(broken, "social/policy.schema.json", source="policy.yaml")


def test_escalation_matrix_covers_the_risks_with_roles_and_targets():
    """Does the matrix name a role (not a person) and a response target for legal risk, PR and
    crisis, safeguarding, complaints and data protection?"""
    policy = load_policy()
    ids = {r.id for r in policy.routes}
    assert {"legal", "pr_crisis", "safeguarding", "complaints", "data_protection"} <= ids
    for route in policy.routes:
        assert re.search(r"\d|at once|any time", route.response_target), route.id
        assert re.search(
            r"team|lead|manager|adviser|officer|leader|head", route.role, re.IGNORECASE
        )


def test_policy_cites_the_law_by_name():
    """Does the policy name the Acts and the CAP Code rule learners must know?"""
    text = " ".join(law for s in load_policy().sections for law in s.law)
    for name in (
        "Defamation Act 2013, section 1",
        "Defamation Act 2013, section 5",
        "Copyright, Designs and Patents Act 1988",
        "UK GDPR",
        "Data Protection Act 2018",
        "Digital Markets, Competition and Consumers Act 2024, Part 4 Chapter 1",
        "Online Safety Act 2023",
        "Equality Act 2010",
        "CAP Code rule 2.1",
    ):
        assert name in text, name


def test_policy_reads_as_a_document_with_headings():
    """Does the policy render in the notebook with headings, every section, the code of
    conduct and the escalation matrix with its route codes?"""
    policy = load_policy()
    page = policy._repr_html_()
    assert page.startswith("<div class='ck-policy'><h2>Harbour &amp; Pine: ")
    for section in policy.sections:
        assert f"<h4>{section.number}. {section.title}</h4>" in page
    assert "<h3>Part B: Code of conduct for all staff</h3>" in page
    assert "<h3>Part D: Escalation matrix</h3>" in page
    assert "(<code>pr_crisis</code>)" in page
    assert "Harbour & Pine" in repr(policy)


def test_unknown_action_or_route_gets_a_plain_message():
    """Is an unknown action or route answered with the list of real ones?"""
    policy = load_policy()
    with pytest.raises(ModerationError, match="Choose one of: reply, private_channel"):
        policy.action("ignore")
    with pytest.raises(ModerationError, match="or None for no escalation"):
        policy.route("police")
    assert policy.section("legal-risk").citation.startswith("Policy section 7")
