"""Importing coursework_kit stays light: widgets, charts and tables load only when used."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

HEAVY = ["ipywidgets", "matplotlib", "pandas", "IPython", "yaml", "jsonschema", "numpy"]


@pytest.mark.parametrize(
    "statement",
    [
        "import coursework_kit",
        "from coursework_kit.metrics import ctr, ab_test",
        "import coursework_kit.evidence, coursework_kit.learner, coursework_kit.quiz",
        "from coursework_kit.chat import assess_reply, assess_transcript, Conversation",
        "from coursework_kit.gdpr import dsar_deadline, check_electronic_marketing",
        "from coursework_kit.grading import score_numeric, score_transcript",
        "from coursework_kit.social import judge, check_choice, ModerationSession",
        "from coursework_kit.posts import check_post, check_snippet, load_calendar",
        "from coursework_kit.email_campaigns import check_campaign, lawful_audience, simulate_results",  # noqa: E501
        "from coursework_kit.journeys import validate_map, compare_journeys, channel_metrics",
        "from coursework_kit.campaigns import project, sample_size, check_journey",
        "from coursework_kit.records import ActivitySession, RecordFile, load_any",
        "from coursework_kit.quiz import QuizRecord, assess",
    ],
)
def test_importing_loads_nothing_heavy(statement):
    """Does this import leave ipywidgets, matplotlib, pandas and friends unloaded?"""
    code = f"{statement}; import sys; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_logic_modules_do_not_import_display_libraries():
    """Do the pure logic modules avoid ipywidgets, IPython and matplotlib entirely?"""
    from pathlib import Path

    import coursework_kit

    root = Path(coursework_kit.__file__).parent
    display_modules = {
        "calculator.py",
        "dashboard.py",
        "widget.py",
        "charts.py",
        "_display.py",
        "portfolio.py",
    }
    for path in root.rglob("*.py"):
        if path.name in display_modules:
            continue
        imports = re.findall(r"^\s*(?:import|from)\s+([\w.]+)", path.read_text(), re.MULTILINE)
        banned = [m for m in imports if m.split(".")[0] in ("ipywidgets", "IPython", "matplotlib")]
        assert not banned, f"{path.relative_to(root)} imports {banned}"
