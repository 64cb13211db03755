"""Can every criterion in the catalogue be evidenced, and does every one appear in the
portfolio's coverage table, with the evidence for it or what would give it?"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursework_kit.portfolio import build_portfolio
from coursework_kit.portfolio._activities import (
    ANY,
    activities,
    chat_codes,
    chat_extras,
    could_give,
    decision_codes,
    elsewhere,
    find_activity,
)
from coursework_kit.records import KINDS
from coursework_kit.tutor.criteria import catalogue

ROOT = Path(__file__).resolve().parents[2]


def _cells(assignment: str) -> dict[str, list[str]]:
    """Each graded cell's id and the criteria it names, in an assignment's source notebook."""
    notebook = json.loads(
        (ROOT / "assignments" / "source" / assignment / f"{assignment}.ipynb").read_text("utf-8")
    )
    return {
        cell["metadata"]["nbgrader"]["grade_id"]: cell["metadata"]["coursework"]["criteria"]
        for cell in notebook["cells"]
        if "coursework" in cell["metadata"]
    }


def test_every_criterion_can_be_evidenced_by_an_activity_or_is_named_as_elsewhere():
    """Is each catalogue criterion given by some activity's saved record, and is every one that
    is not listed (and so said in the report) rather than faked?"""
    without = [code for code in catalogue() if not could_give(code)]
    assert without == sorted(elsewhere()), f"no activity saves evidence for: {without}"
    assert without == ["U1-AC1"]  # a written answer in the unit 1 assignment: not a record


def test_what_is_named_as_elsewhere_is_really_assessed_there():
    """Does the assignment cell named for a criterion with no activity really name it?"""
    assert "U1-AC1" in _cells("unit1")["task6-answer"]
    assert "task 6" in elsewhere()["U1-AC1"]


def test_every_code_named_is_in_the_catalogue():
    """Does every activity, chat criterion and decision criterion name real codes only?"""
    codes = set(catalogue())
    for activity in activities():
        assert set(activity.criteria) <= codes, activity
    assert set(chat_codes()) <= codes


def test_every_kind_of_record_has_an_activity():
    """Does every kind of record, for any scenario, land in a unit?"""
    for kind in KINDS:
        found = find_activity(kind, "a-scenario-nobody-made")
        assert found is not None, kind
        assert found.scenario == ANY, kind


def test_every_decision_scenario_criterion_has_codes():
    """Is each decision scenario's own criterion turned into codes (none missed or misspelt)?"""
    from coursework_kit.gdpr.scenarios import load_decisions

    for scenario in load_decisions():
        assert isinstance(decision_codes(scenario.criterion), tuple)


def test_the_chat_extras_are_the_assignment_cells_codes():
    """Are a chat's CRM record and pre-written responses given the codes the unit 3
    assignment's cells that mark them name?"""
    cells = _cells("unit3")
    assert list(chat_extras()["crm"]) == cells["task2-crm"]
    assert list(chat_extras()["templates"]) == cells["task2-templates"]


def test_chat_codes_come_from_the_chat_criteria():
    """Is every code the chat criteria map to one a chat can evidence?"""
    from coursework_kit.chat.catalogue import criteria_catalogue

    mapped = {code for info in criteria_catalogue().values() for code in info.codes}
    assert mapped <= set(chat_codes())


@pytest.fixture(scope="module")
def empty_page(tmp_path_factory, when):
    folder = tmp_path_factory.mktemp("nothing") / "evidence"
    folder.mkdir()
    return build_portfolio(folder, learner="ab123", when=when).html()


def test_every_criterion_appears_in_the_coverage_table(empty_page):
    """With nothing saved, is every criterion in the table, with no evidence yet and how to
    give it?"""
    for code, criterion in catalogue().items():
        row = empty_page[empty_page.index(f"<tr><th scope='row'>{code}</th>") :]
        row = row[: row.index("</tr>")]
        assert "No evidence yet." in row, code
        assert criterion.text.replace("'", "&#x27;") in row
        if code in elsewhere():
            assert "No activity saves evidence for it" in row
        else:
            assert "You can give it with:" in row
            assert could_give(code)[0].name.replace("'", "&#x27;") in row


def test_a_criterion_with_evidence_links_to_it(every_kind, when):
    """Does a criterion with evidence link to the piece, with what it says about it?"""
    page = build_portfolio(every_kind, learner="ab123", when=when).html()
    row = page[page.index("<tr><th scope='row'>U2-AC5</th>") :]
    row = row[: row.index("</tr>")]
    assert "Task G: the Black Friday week" in row
    assert "href='#e" in row
    assert "No evidence yet." not in row
