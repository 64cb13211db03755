"""environment.yml (what Binder builds) and pyproject.toml agree on runtime dependencies."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
import tomllib
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]

# conda-forge name -> PyPI name, where the two differ. matplotlib-base is matplotlib without
# Qt (conda-forge's "matplotlib" adds the Qt libraries); python-tzdata is PyPI's tzdata
# (conda-forge's "tzdata" is the C library's time zone files, which Python cannot import).
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib", "python-tzdata": "tzdata"}

# The lowest version conda-forge's builds of our other dependencies need, where that is above
# what PyPI's need: conda-forge's nbgrader 0.9.6 requires JupyterLab 4.5.
CONDA_FORGE_FLOORS = {"jupyterlab": Version("4.5")}


def _pyproject() -> dict[str, SpecifierSet]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requirements = [Requirement(r) for r in data["project"]["dependencies"]]
    return {r.name.lower(): r.specifier for r in requirements}


def _environment_names() -> list[str]:
    data = yaml.safe_load((ROOT / "environment.yml").read_text())
    names = []
    for item in data["dependencies"]:
        if isinstance(item, str) and item.split("=")[0] not in ("python", "pip"):
            names.append(Requirement(item.replace(" ", "")).name.lower())
    return names


def _environment() -> dict[str, SpecifierSet]:
    """environment.yml's runtime dependencies, under their PyPI names."""
    data = yaml.safe_load((ROOT / "environment.yml").read_text())
    found = {}
    for item in data["dependencies"]:
        if not isinstance(item, str):
            continue
        if item.split("=")[0] in ("python", "pip"):
            continue
        requirement = Requirement(item.replace(" ", ""))
        name = requirement.name.lower()
        found[CONDA_TO_PYPI.get(name, name)] = requirement.specifier
    return found


def test_binder_and_pyproject_list_the_same_runtime_dependencies():
    """Do environment.yml and pyproject.toml name the same packages with the same ranges?"""
    assert _environment() == _pyproject()


def test_binder_uses_the_conda_forge_names():
    """Does environment.yml ask for matplotlib-base (no Qt) and python-tzdata, never the PyPI
    names that mean something else on conda-forge?"""
    names = _environment_names()
    assert not set(names) & set(CONDA_TO_PYPI.values())
    assert set(CONDA_TO_PYPI) <= set(names)


def test_each_name_appears_once():
    """Is no package listed twice in environment.yml (under either of its names)?"""
    names = [CONDA_TO_PYPI.get(n, n) for n in _environment_names()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("name", "floor"), CONDA_FORGE_FLOORS.items())
def test_floors_are_ones_conda_forge_can_meet(name, floor):
    """Does each range start no lower than conda-forge's other packages need, so Binder's
    environment can be solved?"""
    specifier = _pyproject()[name]
    below = Version(f"{floor.major}.{floor.minor - 1}.99") if floor.minor else None
    assert below is None or not specifier.contains(below)
    assert specifier.contains(floor)


def test_the_installed_versions_fit_the_ranges():
    """Does what is installed here fit every range, so reinstalling downloads nothing new?"""
    outside = {}
    for name, specifier in _pyproject().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            outside[name] = "not installed"
            continue
        if not specifier.contains(installed):
            outside[name] = installed
    assert outside == {}


def test_binder_python_is_one_the_package_supports():
    """Is Binder's Python one that pyproject's requires-python allows?"""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    (python,) = [d for d in environment["dependencies"] if str(d).startswith("python=")]
    assert SpecifierSet(data["project"]["requires-python"]).contains(python.split("=")[1])
