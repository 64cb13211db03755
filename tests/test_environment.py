"""environment.yml (what Binder builds) and pyproject.toml agree on runtime dependencies."""

from __future__ import annotations

from pathlib import Path

import tomllib
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict[str, SpecifierSet]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requirements = [Requirement(r) for r in data["project"]["dependencies"]]
    return {r.name.lower(): r.specifier for r in requirements}


def _environment() -> dict[str, SpecifierSet]:
    data = yaml.safe_load((ROOT / "environment.yml").read_text())
    found = {}
    for item in data["dependencies"]:
        if not isinstance(item, str):
            continue
        if item.split("=")[0] in ("python", "pip"):
            continue
        requirement = Requirement(item.replace(" ", ""))
        found[requirement.name.lower()] = requirement.specifier
    return found


def test_binder_and_pyproject_list_the_same_runtime_dependencies():
    """Do environment.yml and pyproject.toml name the same packages with the same ranges?"""
    assert _environment() == _pyproject()


def test_binder_python_is_one_the_package_supports():
    """Is Binder's Python one that pyproject's requires-python allows?"""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    (python,) = [d for d in environment["dependencies"] if str(d).startswith("python=")]
    assert SpecifierSet(data["project"]["requires-python"]).contains(python.split("=")[1])
