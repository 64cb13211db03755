"""Every notebook in workbooks/ (and assignments/source/) runs headless without an error.

Notebooks are copied to a temporary folder first, so the evidence they write stays out of the
checkout. Nothing may be written to stderr: nbgrader scores a cell that does so as 0.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("workbooks/*.ipynb"), *ROOT.glob("assignments/source/*/*.ipynb")])


def run(path: Path, folder: Path) -> nbformat.NotebookNode:
    shutil.copytree(
        path.parent,
        folder,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("evidence", ".ipynb_checkpoints"),
    )
    notebook = nbformat.read(folder / path.name, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def text_of(notebook: nbformat.NotebookNode) -> str:
    """What the notebook printed and the plain-text form of what it displayed."""
    parts = []
    for output in outputs(notebook):
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_runs_cleanly(path, tmp_path, monkeypatch):
    """Does the notebook run top to bottom with no error and nothing on stderr?"""
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-one")
    notebook = run(path, tmp_path / "nb")
    assert not [o for o in outputs(notebook) if o.output_type == "error"]
    stderr = [o.text for o in outputs(notebook) if o.get("name") == "stderr"]
    assert stderr == []


def test_workbooks_are_committed_without_outputs():
    """Are the shipped workbooks clean (no outputs), so learners start fresh?"""
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], path.name
                assert cell.execution_count is None, path.name


def test_set_up_code_is_hidden_from_learners():
    """Is every code cell a learner does not type in folded away?"""
    for path in ROOT.glob("workbooks/*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code" and "learner-answer" not in cell.metadata.get("tags", []):
                assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, (
                    path.name,
                    cell.source[:60],
                )


def test_index_links_to_every_workbook():
    """Does the start page link to every unit workbook, and every link lead somewhere?"""
    import re

    index = nbformat.read(ROOT / "workbooks" / "index.ipynb", as_version=4)
    text = "\n".join(c.source for c in index.cells if c.cell_type == "markdown")
    links = set(re.findall(r"\]\(([^)]+\.ipynb)\)", text))
    workbooks = {p.name for p in ROOT.glob("workbooks/*.ipynb")} - {"index.ipynb"}
    assert links == workbooks
    for link in links:
        assert (ROOT / "workbooks" / link).is_file()


# Each answer worked out independently of coursework_kit, from the figures the notebook shows.
RIGHT_ANSWERS = {
    "unit1-online-interaction.ipynb": {
        "my_ctr = None": "my_ctr = a.clicks / a.impressions * 100",
        "my_conversion_rate = None": "my_conversion_rate = a.conversions / a.sessions * 100",
        "my_engagement_rate = None": "my_engagement_rate = c.engagements / c.reach * 100",
        "my_open_rate = None": "my_open_rate = e.opens / e.delivered * 100",
        "my_click_to_open_rate = None": "my_click_to_open_rate = e.clicks / e.opens * 100",
        "my_roi = None": "my_roi = (revenue - spend) / spend * 100",
    },
    "unit2-moderation.ipynb": {
        "my_route = None": 'my_route = "legal"',
        "my_action = None": 'my_action = "hide"',
        "my_crisis_route = None": 'my_crisis_route = "pr_crisis"',
    },
    "unit2-email-and-journeys.ipynb": {
        "my_cac = None": "my_cac = social_spend / social_new_customers",
        "my_aov = None": "my_aov = email_revenue / email_orders",
    },
    "unit5-integrated-campaigns.ipynb": {
        "my_social_impressions = None": "my_social_impressions = budget * 60 / 100 / social_cpm * 1000",  # noqa: E501
        "my_social_clicks = None": "my_social_clicks = my_social_impressions * social_ctr / 100",
        "my_social_orders = None": "my_social_orders = my_social_clicks * social_cr / 100",
        "my_search_clicks = None": "my_search_clicks = budget * 40 / 100 / search_cpc",
        "my_search_orders = None": "my_search_orders = my_search_clicks * search_cr / 100",
        "my_revenue = None": "my_revenue = my_social_orders * social_aov + my_search_orders * search_aov",  # noqa: E501
        "my_roi = None": "my_roi = (my_revenue - budget) / budget * 100",
        "my_roas = None": "my_roas = my_revenue / budget",
    },
    "unit3-contact-centre.ipynb": {
        "my_aht = None": "my_aht = total_seconds / chats",
        "my_fcr = None": "my_fcr = phone_resolved / phone_contacts * 100",
        "my_csat = None": "my_csat = sum(r >= 4 for r in ratings) / len(ratings) * 100",
    },
}


@pytest.mark.slow
@pytest.mark.parametrize("name", RIGHT_ANSWERS)
def test_right_answers_are_marked_right(name, tmp_path, monkeypatch):
    """With every answer worked out correctly, does every self-check say Right?"""
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-two")
    notebook = nbformat.read(ROOT / "workbooks" / name, as_version=4)
    for cell in notebook.cells:
        for blank, answer in RIGHT_ANSWERS[name].items():
            cell.source = cell.source.replace(blank, answer)
    folder = tmp_path / "nb"
    folder.mkdir()
    nbformat.write(notebook, folder / name)
    text = text_of(run(folder / name, tmp_path / "run"))
    assert text.count("Right!") == len(RIGHT_ANSWERS[name])
    assert "Not yet" not in text


@pytest.mark.slow
@pytest.mark.parametrize("name", RIGHT_ANSWERS)
def test_blank_answers_are_not_marked_wrong(name, tmp_path, monkeypatch):
    """Run as released (answers still None), does each check ask for an answer instead?"""
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-three")
    done = run(ROOT / "workbooks" / name, tmp_path / "nb")
    expected = len(RIGHT_ANSWERS[name])
    assert text_of(done).count("Type your answer in place of None") == expected


def test_every_answer_cell_is_covered():
    """Does every 'my_... = None' in the workbooks have a right answer in these tests?"""
    import re

    for path in ROOT.glob("workbooks/*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        blanks = set(
            re.findall(
                r"^(my_\w+ = None)$", "\n".join(c.source for c in notebook.cells), re.MULTILINE
            )
        )
        assert blanks == set(RIGHT_ANSWERS.get(path.name, {})), path.name
