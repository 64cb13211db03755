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
        "from coursework_kit.metrics import ctr, ab_test, channel_metrics, channel_roi",
        "import coursework_kit.learner, coursework_kit.quiz, coursework_kit._ui.snippets",
        "from coursework_kit.chat import assess_reply, assess_transcript, Conversation",
        "from coursework_kit.chat.understand import understand",
        "from coursework_kit.gdpr import dsar_deadline, check_electronic_marketing",
        "from coursework_kit.tutor.grading import score_numeric, score_transcript",
        "from coursework_kit.social import judge, check_choice, ModerationSession",
        "from coursework_kit.social import check_post, load_calendar, assess",
        "from coursework_kit.search import check_snippet, check_search_ad, assess",
        "from coursework_kit.email import check_campaign, lawful_audience, simulate_results",
        "from coursework_kit.journeys import validate_map, compare_journeys, check_journey",
        "from coursework_kit.planning import project, sample_size, check_projection",
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
    # Widget modules, by name wherever they are, and the private UI package's drawing modules
    # (layout helpers, charts, what the writing activities' widgets share). Its HTML snippets
    # (_ui/snippets.py) are used by logic modules too, so they are checked like any other.
    display_modules = {"calculator.py", "dashboard.py", "widget.py", "charts.py", "portfolio.py"}
    display_ui = {"_ui/layout.py", "_ui/charts.py", "_ui/activity.py"}
    for path in root.rglob("*.py"):
        if path.name in display_modules or path.relative_to(root).as_posix() in display_ui:
            continue
        imports = re.findall(r"^\s*(?:import|from)\s+([\w.]+)", path.read_text(), re.MULTILINE)
        banned = [m for m in imports if m.split(".")[0] in ("ipywidgets", "IPython", "matplotlib")]
        assert not banned, f"{path.relative_to(root)} imports {banned}"
