"""Is every hostile or broken learner submission handled when nbgrader grades the class?

The whole corpus runs once (a module-scoped fixture: one autograde per unit for all its
learners); each case is then its own test. Grading works out every mark outside the
learner's kernel (``coursework_kit.tutor.grading.grader``) and runs the notebook in a sandbox,
so every case must be handled.
"""

from __future__ import annotations

import collections

import pytest

from tests.assignments.hostile.cases import CASES, CHOICE, NUMERIC, Case
from tests.assignments.hostile.harness import ROOT, Verdict, answer_keys, run_corpus

KINDS = {
    "builtins",
    "grading-patch",
    "output-hiding",
    "answer-object",
    "odd-format",
    "setup-overwrite",
    "identity",
    "evidence",
    "gradebook",
    "tutor-files",
    "tutor-side",
    "other-learners",
    "structure",
    "planted-file",
    "kernel-death",
    "sandbox",
}


def _param(case: Case) -> object:
    return pytest.param(case, id=case.id)


@pytest.fixture(scope="module")
def verdicts(request: pytest.FixtureRequest) -> dict[str, Verdict]:
    """The corpus run once: only the selected cases when some are deselected (``-k``)."""
    chosen = {
        item.callspec.params["case"].id
        for item in request.session.items
        if hasattr(item, "callspec") and "case" in item.callspec.params
    }
    return {v.case.id: v for v in run_corpus([c for c in CASES if c.id in chosen]).verdicts}


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case_is_handled(verdicts: dict[str, Verdict], case: Case) -> None:
    """Does this submission earn no more than its ceiling, leave the controls' marks, the
    tutor's files and other learners' work alone, leak no canary or key, and let the batch
    finish?"""
    verdict = verdicts[case.id]
    assert verdict.handled, f"{case.id} ({case.what}): {verdict.got}"


def test_corpus_is_big_enough_and_covers_every_kind() -> None:
    """Are there at least 55 cases over units 1, 3 and 4, each id unique, every kind covered?"""
    per_unit = collections.Counter(c.unit for c in CASES)
    assert len(CASES) >= 55
    assert {"unit1", "unit3", "unit4"} <= set(per_unit)
    assert min(per_unit.values()) >= 15
    assert len({c.id for c in CASES}) == len(CASES)
    assert {c.kind for c in CASES} == KINDS


def test_learner_code_is_valid_python() -> None:
    """Does every case's learner code compile, so a case measures grading, not a typo?"""
    for case in CASES:
        for text in (case.code, *case.answers.values()):
            filled = text.replace("<<setup>>", "pass").replace("<<numeric>>", "pass")
            compile(
                filled.replace("<<unit>>", case.unit).replace("<<id>>", case.id), case.id, "exec"
            )


def test_cases_name_real_cells_and_ceilings() -> None:
    """Does every replaced answer cell exist in its unit, and every ceiling make sense?"""
    for case in CASES:
        cells = set(NUMERIC[case.unit]) | set(CHOICE[case.unit])
        assert set(case.answers) <= cells, case.id
        assert case.base in ("honest", "untouched"), case.id
        assert isinstance(case.ceiling, float) or case.ceiling in ("honest", "evidence"), case.id
        assert not case.floor or case.base == "honest", case.id


def test_answer_keys_are_found_in_every_source() -> None:
    """Are there keys to look for: expected letters, solutions and mark schemes?"""
    for unit in ("unit1", "unit3", "unit4"):
        keys = answer_keys(ROOT / "assignments" / "source" / unit / f"{unit}.ipynb")
        assert any("score_choice(" in k or "expected:" in k for k in keys), unit
        assert any("mark scheme" in k for k in keys), unit
        assert any(k.startswith(("ctr_answer =", "aht_answer =", "wait_answer =")) for k in keys)
