"""Importing coursework_kit stays light: widgets, charts and tables load only when used."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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
    import coursework_kit

    root = Path(coursework_kit.__file__).parent
    # Widget modules (widget.py, or a part of a widget in <name>_widget.py) wherever they are,
    # and the private UI package's drawing modules (layout helpers, charts, what the writing
    # activities' widgets share). Its HTML snippets (_ui/snippets.py) are used by logic modules
    # too, so they are checked like any other.
    display_modules = {"calculator.py", "dashboard.py", "widget.py", "charts.py", "portfolio.py"}
    display_ui = {f"_ui/{name}.py" for name in ("layout", "charts", "activity", "choice", "live")}
    display_libraries = ("ipywidgets", "anywidget", "IPython", "matplotlib")
    for path in root.rglob("*.py"):
        widget = path.name in display_modules or path.name.endswith("_widget.py")
        if widget or path.relative_to(root).as_posix() in display_ui:
            continue
        imports = re.findall(r"^\s*(?:import|from)\s+([\w.]+)", path.read_text(), re.MULTILINE)
        banned = [m for m in imports if m.split(".")[0] in display_libraries]
        assert not banned, f"{path.relative_to(root)} imports {banned}"


# --- notebooks: what a learner's or the grader's kernel loads ----------------------------------

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = sorted((ROOT / "workbooks").glob("*.ipynb"))
ASSIGNMENTS = sorted((ROOT / "assignments" / "source").glob("unit*/*.ipynb"))
# Never on the learner's path: jsonschema (and the grammar it compiles) is only for telling a
# tutor what is wrong with a file that failed the fast check.
NEVER = ["jsonschema", "rfc3987_syntax", "lark"]
# Not in an assignment either: the set-up cells add up a few figures, with no tables or charts.
NOT_IN_ASSIGNMENTS = [*NEVER, "pandas", "numpy", "matplotlib", "scipy"]

# Run in a fresh Python: the code, then which of the watched modules are loaded and how many
# schemas were compiled (a shipped file read with its schema check compiles one).
_REPORT = """
import json, sys
from coursework_kit.datasets import compiled_schema
print(json.dumps({
    "loaded": sorted(m for m in WATCHED if m in sys.modules),
    "schemas": compiled_schema.cache_info().currsize,
}))
"""


def _code(notebook: Path, *, setup_only: bool) -> str:
    """The notebook's code cells as one script (IPython's ``display`` works outside a kernel)."""
    import nbformat

    cells = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
    if setup_only:
        cells = cells[:1]  # every notebook's first code cell is its set-up cell
    return "\n\n".join(c.source for c in cells)


def _run(code: str, tmp_path: Path, *, autograde: bool, watched: list[str]) -> dict:
    import json
    import os

    folder = tmp_path / "autograded" / "learner-one" / "unit"  # where nbgrader runs a submission
    folder.mkdir(parents=True)
    env = dict(os.environ, JUPYTERHUB_USER="learner-one")
    env.pop("NBGRADER_EXECUTION", None)
    if autograde:
        env["NBGRADER_EXECUTION"] = "autograde"
    script = f"WATCHED = {watched!r}\n{code}\n{_REPORT}"
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=folder,
        env=env,
    )
    assert out.stderr == "", out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _set_up_cell(path: Path) -> str:
    import nbformat

    cell = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    return cell.source


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_workbook_set_up_cell_loads_no_jsonschema(path, tmp_path):
    """Does a workbook's set-up cell run without loading jsonschema or checking a shipped file
    against its schema again?"""
    report = _run(_set_up_cell(path), tmp_path, autograde=False, watched=NEVER)
    assert report == {"loaded": [], "schemas": 0}


@pytest.mark.parametrize("path", ASSIGNMENTS, ids=lambda p: p.parent.name)
def test_assignment_set_up_cell_loads_no_tables_or_charts(path, tmp_path):
    """Does an assignment's set-up cell, run as the grader runs it, leave jsonschema, pandas,
    numpy and matplotlib unloaded and check no shipped file again?"""
    report = _run(_set_up_cell(path), tmp_path, autograde=True, watched=NOT_IN_ASSIGNMENTS)
    assert report == {"loaded": [], "schemas": 0}


@pytest.mark.slow
@pytest.mark.parametrize("path", ASSIGNMENTS, ids=lambda p: p.parent.name)
def test_whole_assignment_loads_no_tables_or_charts(path, tmp_path):
    """Run top to bottom with its solutions, as the grader runs it, does an assignment still
    load none of them?"""
    report = _run(
        _code(path, setup_only=False), tmp_path, autograde=True, watched=NOT_IN_ASSIGNMENTS
    )
    assert report == {"loaded": [], "schemas": 0}


@pytest.mark.slow
@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_whole_workbook_loads_no_jsonschema(path, tmp_path):
    """Run top to bottom, does a workbook never load jsonschema nor check a shipped file
    against its schema again?"""
    report = _run(_code(path, setup_only=False), tmp_path, autograde=False, watched=NEVER)
    assert report == {"loaded": [], "schemas": 0}


def test_set_up_cells_import_only_what_they_use():
    """Is every name a notebook's set-up cells import used somewhere in the notebook?"""
    import ast

    import nbformat

    for path in [*WORKBOOKS, *ASSIGNMENTS]:
        cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        imported = {
            (alias.asname or alias.name).split(".")[0]
            for cell in cells
            for node in ast.parse(cell.source).body
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        used = {
            node.id
            for cell in cells
            for node in ast.walk(ast.parse(cell.source))
            if isinstance(node, ast.Name)
        }
        assert imported <= used, (path.name, sorted(imported - used))


# --- the course's own data files: checked by these tests, not again in every kernel -----------


def test_every_shipped_file_fits_its_schema():
    """Does each course file that kernels read without a schema check fit its schema?"""
    from coursework_kit.datasets import data_dir, load_yaml, validate
    from coursework_kit.datasets._shipped import SHIPPED

    for relative, schema in SHIPPED.items():
        assert (data_dir() / schema).is_file(), schema
        validate(load_yaml(relative), schema, source=relative)


def test_every_shipped_data_file_is_listed():
    """Is every YAML file the course reads as it runs in the list checked here (so a new file
    is checked by the tests, not skipped by nobody)? Files only the tests and benchmarks read
    (labelled examples) are checked when read, and are not listed."""
    from coursework_kit.datasets import data_dir
    from coursework_kit.datasets._shipped import SHIPPED

    base = data_dir()
    labelled = ("chat/corpus/", "social/tone/", "social/moderation-replies/")
    on_disk = {
        p.relative_to(base).as_posix()
        for p in base.rglob("*.yaml")
        if not p.name.endswith(".schema.yaml")
    }
    read_as_runs = {
        p for p in on_disk if not p.startswith(labelled) and p != "chat/labelled_replies.yaml"
    }
    assert read_as_runs == set(SHIPPED)


def test_a_tutors_own_copy_is_still_checked(tmp_path):
    """Is a file outside the course's data folder (a tutor's own scenario, say) still checked
    against its schema, even when it has a listed course file's name?"""
    import shutil

    from coursework_kit.datasets import data_path
    from coursework_kit.datasets._shipped import load_shipped
    from coursework_kit.errors import DatasetError

    own = tmp_path / "late-delivery.yaml"
    shutil.copy(data_path("chat/scenarios/late-delivery.yaml"), own)
    own.write_text(own.read_text(encoding="utf-8") + "\nnot_in_the_schema: 1\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="does not match its schema"):
        load_shipped(own, schema="chat/scenario.schema.json")


def test_a_listed_file_read_with_another_schema_is_checked():
    """Is a course file read against a schema other than its own checked, and refused?"""
    from coursework_kit.datasets._shipped import load_shipped
    from coursework_kit.errors import DatasetError

    with pytest.raises(DatasetError, match="does not match its schema"):
        load_shipped("social/policy.yaml", schema="social/queue.schema.json")


# --- rows: the assignments' tables without pandas ----------------------------------------------


def test_rows_give_the_same_figures_as_the_tables():
    """Do the plain rows hold exactly what the pandas tables hold, for a learner's variant?"""
    from coursework_kit.datasets import load_campaigns, load_contacts, load_email_sends
    from coursework_kit.datasets.rows import campaign_rows, contact_rows, email_send_rows

    for rows, frame in [
        (campaign_rows(learner="ab123"), load_campaigns(learner="ab123")),
        (email_send_rows(learner="ab123"), load_email_sends(learner="ab123")),
        (contact_rows(learner="cd456"), load_contacts(learner="cd456")),
    ]:
        assert list(rows.columns) == list(frame.columns)
        assert len(rows) == len(frame)
        for column in frame.columns:
            if str(frame[column].dtype) in ("Int64", "Float64", "float64", "boolean"):
                assert rows.total(column) == pytest.approx(float(frame[column].sum()))
        assert [r.week for r in rows] == [int(w) for w in frame["week"]]


def test_rows_pick_out_and_add_up():
    """Do where, one, values and total pick out the right rows and add them up?"""
    from coursework_kit.datasets.rows import Rows

    rows = Rows(
        [
            {"channel": "email", "week": 1, "clicks": 3, "spend": 0.1, "rating": None},
            {"channel": "email", "week": 2, "clicks": 4, "spend": 0.2, "rating": 5},
            {"channel": "social", "week": 1, "clicks": 10, "spend": 1.5, "rating": 2},
        ],
        columns=["channel", "week", "clicks", "spend", "rating"],
    )
    email = rows.where(channel="email")
    assert len(email) == 2
    assert email.total("clicks") == 7
    assert isinstance(email.total("clicks"), int)
    assert email.total("spend") == pytest.approx(0.3)
    assert rows.values("rating") == [5, 2]
    assert rows.one(channel="social", week=1).clicks == 10
    assert rows.one(channel="social", week=1)["clicks"] == 10
    assert rows[1:].where(week=1).one().channel == "social"


def test_rows_say_plainly_what_is_wrong():
    """Does asking for a missing column, or a row that is not there once, say so plainly?"""
    from coursework_kit.datasets.rows import Rows
    from coursework_kit.errors import DatasetError

    rows = Rows([{"week": 1}, {"week": 1}], columns=["week"])
    with pytest.raises(DatasetError, match="no column 'clicks'"):
        rows.where(clicks=3)
    with pytest.raises(DatasetError, match="2 rows with week 1"):
        rows.one(week=1)
    with pytest.raises(DatasetError, match="no row with week 9"):
        rows.one(week=9)
    with pytest.raises(DatasetError, match="not numbers"):
        Rows([{"channel": "email"}], columns=["channel"]).total("channel")
    with pytest.raises(AttributeError, match="no column 'clicks'"):
        _ = rows[0].clicks
    with pytest.raises(AttributeError, match="cannot be changed"):
        rows[0].week = 2  # type: ignore[misc]
