"""Every worked example in the docstrings runs, and every metric has one."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "coursework_kit.metrics.marketing",
    "coursework_kit.metrics.service",
    "coursework_kit.metrics.abtest",
    "coursework_kit.metrics.parsing",
    "coursework_kit.metrics.formatting",
    "coursework_kit.metrics.calculation",
    "coursework_kit.metrics.selfcheck",
    "coursework_kit.learner",
    "coursework_kit.evidence",
    "coursework_kit.gdpr.marketing",
]


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
