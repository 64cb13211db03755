"""Summative answer keys never reach learners: not in the released notebooks, not in the
installed package, not in datasets/ as shipped."""

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


def secrets(path: Path) -> dict[str, set[str]]:
    """What must stay with the tutor: solution and hidden-test lines, mark schemes, and the
    options of the autograded choice questions (a bank that shipped them would give the key)."""
    code, keys, schemes, options = set(), set(), set(), set()
    cells = nbformat.read(path, as_version=4).cells
    for i, cell in enumerate(cells):
        info = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code":
            for kind, block in _BLOCK.findall(cell.source):
                lines = {line.strip() for line in block.splitlines() if _telling(line.strip())}
                code |= lines
                # the keys themselves: worked solutions and the expected choices
                keys |= lines if kind == "SOLUTION" else {x for x in lines if "score_choice(" in x}
            if "score_choice(" in cell.source:
                stem = next(c for c in reversed(cells[:i]) if c.cell_type == "markdown")
                options |= {m.strip() for m in _OPTION.findall(stem.source)}
        elif info.get("solution"):
            schemes |= {s.strip() for s in re.split(r"(?<=\.)\s+", cell.source) if len(s) > 30}
    return {"code": code, "keys": keys, "schemes": schemes, "options": options}


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
