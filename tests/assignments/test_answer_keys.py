"""Summative answer keys never reach learners: not in the released notebooks or feedback, not
in the installed package, not in datasets/ as shipped."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(ROOT.glob("assignments/source/*/*.ipynb"))
_BLOCK = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.DOTALL)
_OPTION = re.compile(r"^- \*\*[a-d]\*\* (.+)$", re.MULTILINE)


def _telling(line: str) -> bool:
    """A line that gives something away: a worked answer or a key, not an import or a bracket."""
    if len(line) <= 12 or line.startswith(("from ", "import ", "#")):
        return False
    return bool(re.search(r"[0-9\"'=/*+]", line))


def normal(text: str) -> str:
    return " ".join(text.replace("\\n", " ").split()).lower()


def key_lines(path: Path) -> set[str]:
    """The answer key's lines that give a right answer away (the expected choices)."""
    key = ROOT / "assignments" / "keys" / f"{path.parent.name}.yaml"
    return {line.strip() for line in key.read_text().splitlines() if "expected:" in line}


def secrets(path: Path) -> dict[str, set[str]]:
    """What must stay with the tutor: solution lines, the answer key, mark schemes, and the
    options of the autograded choice questions (a bank that shipped them would give the key)."""
    from coursework_kit.tutor.grading.keys import load_key

    key = load_key(ROOT / "assignments", path.parent.name)
    code, schemes, options = set(), set(), set()
    cells = nbformat.read(path, as_version=4).cells
    for i, cell in enumerate(cells):
        info = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code":
            for _, block in _BLOCK.findall(cell.source):
                code |= {line.strip() for line in block.splitlines() if _telling(line.strip())}
            parts = key.checks.get(info.get("grade_id", ""), ())
            if any(p.kind == "choice" for p in parts):
                stem = next(c for c in reversed(cells[:i]) if c.cell_type == "markdown")
                options |= {m.strip() for m in _OPTION.findall(stem.source)}
        elif info.get("solution"):
            schemes |= {s.strip() for s in re.split(r"(?<=\.)\s+", cell.source) if len(s) > 30}
    keys = code | key_lines(path)
    return {"code": code, "keys": keys, "schemes": schemes, "options": options}


def test_check_cells_only_declare_what_is_marked():
    """No check cell holds code (the grader marks it from the key, outside the learner's
    kernel), and every check cell has a key whose parts add up to the cell's points."""
    import ast

    from coursework_kit.tutor.grading.keys import load_key

    for path in SOURCES:
        key = load_key(ROOT / "assignments", path.parent.name)
        checks = [
            c
            for c in nbformat.read(path, as_version=4).cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
        ]
        assert checks, path.name
        for check in checks:
            info = check.metadata.nbgrader
            assert not ast.parse(check.source).body, (path.name, info.grade_id)
            assert key.points(info.grade_id) == info.points, (path.name, info.grade_id)
        assert set(key.checks) == {c.metadata.nbgrader.grade_id for c in checks}, path.name


def shipped_texts(wheel: Path) -> dict[str, str]:
    texts = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.endswith((".py", ".yaml", ".yml", ".json", ".csv", ".txt", ".md", ".html")):
                texts[f"wheel:{name}"] = normal(archive.read(name).decode("utf-8", "replace"))
    for path in (ROOT / "datasets").rglob("*"):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json", ".csv", ".md", ".txt"):
            texts[f"datasets/{path.relative_to(ROOT / 'datasets')}"] = normal(path.read_text())
    return texts


def test_every_assignment_has_keys_to_protect():
    """Does each source notebook have solutions, hidden tests and a mark scheme to check?"""
    for path in SOURCES:
        found = secrets(path)
        assert found["code"], path.name
        assert found["schemes"], path.name
        assert found["options"], path.name


@pytest.mark.slow
def test_released_notebooks_hold_no_keys(demo_class):
    """Is nothing from the solutions, hidden tests or mark schemes in what learners fetch?"""
    for path in SOURCES:
        released = demo_class.course / "release" / path.parent.name / path.name
        text = normal("\n".join(c.source for c in nbformat.read(released, as_version=4).cells))
        found = secrets(path)
        for secret in found["code"] | found["schemes"]:
            assert normal(secret) not in text, (path.name, secret)
        assert "begin hidden tests" not in text


@pytest.mark.slow
def test_feedback_holds_no_keys(demo_class):
    """Is nothing from the solutions, the answer key or the mark schemes in the feedback a
    learner who submitted nothing gets back?"""
    for path in SOURCES:
        feedback = demo_class.course / "feedback" / "demo-untouched" / path.parent.name
        text = normal((feedback / f"{path.stem}.html").read_text())
        found = secrets(path)
        for secret in found["keys"] | found["schemes"]:
            assert normal(secret) not in text, (path.name, secret)


@pytest.mark.slow
def test_the_package_and_datasets_hold_no_keys(built_wheel):
    """Is no worked solution, expected choice, mark scheme or summative choice option in the
    wheel or in datasets/? (Other lines of the hidden checks, such as building a plan to mark
    against, may look like the package's own code.)"""
    texts = shipped_texts(built_wheel)
    assert any(name.startswith("wheel:coursework_kit/_datasets/") for name in texts)
    for path in SOURCES:
        found = secrets(path)
        for secret in found["keys"] | found["schemes"] | found["options"]:
            wanted = normal(secret)
            leaks = [name for name, text in texts.items() if wanted in text]
            assert not leaks, (path.name, secret, leaks)
