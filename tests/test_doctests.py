"""Every worked example in the docstrings runs, and every metric has one."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Every module with a worked example (">>>") in its docstrings, found rather than listed, so a
# new module's examples are run without anyone remembering to add it here.
MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in (ROOT / "coursework_kit").rglob("*.py")
    if ">>> " in path.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name):
    """Do the worked examples in this module's docstrings give what they say?"""
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_every_metric_states_its_formula_with_a_worked_example():
    """Does every public metric function have a docstring with a worked example?"""
    import coursework_kit.metrics as metrics
    from coursework_kit.metrics.calculation import metric_specs

    for metric in metric_specs():
        doc = getattr(metrics, metric).__doc__
        assert doc, metric
        assert ">>>" in doc, metric
        assert "÷" in doc or "×" in doc or "z-test" in doc, metric
