"""Learners' JupyterLab (``make lab``, Binder) has none of nbgrader's tools; the tutor's
(``make tutor``) has them all, and starts where nbgrader finds its course settings."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.deploy.conftest import (
    NBGRADER_LAB_EXTENSION,
    NBGRADER_PAGES,
    NBGRADER_SERVER_EXTENSIONS,
    ROOT,
    running_lab,
)

CONFIG = ROOT / "jupyter-config"


def _server_extensions(who: str) -> dict[str, bool]:
    data = json.loads((CONFIG / who / "jupyter_server_config.json").read_text())
    return data["ServerApp"]["jpserver_extensions"]


def _lab_disabled(who: str) -> dict[str, bool]:
    data = json.loads((CONFIG / who / "labconfig" / "page_config.json").read_text())
    return data["disabledExtensions"]


def _recipe(target: str) -> str:
    """The commands of ``target`` in the Makefile, with its variables filled in."""
    text = (ROOT / "Makefile").read_text()
    variables = dict(re.findall(r"^([A-Z_]+) :?= (.*)$", text, re.MULTILINE))
    (body,) = re.findall(rf"^{target}:[^\n]*\n((?:\t[^\n]*\n)+)", text, re.MULTILINE)
    for _ in range(3):
        body = re.sub(r"\$\(([A-Z_]+)\)", lambda m: variables.get(m[1], m[0]), body)
    return body


def test_the_settings_cover_every_nbgrader_extension_installed():
    """Do the learner's and tutor's settings name every server extension nbgrader installs
    (so a new one in a later nbgrader is not missed)?"""
    installed = Path(sys.prefix, "etc", "jupyter", "jupyter_server_config.d", "nbgrader.json")
    shipped = json.loads(installed.read_text())["ServerApp"]["jpserver_extensions"]
    assert sorted(shipped) == NBGRADER_SERVER_EXTENSIONS
    for who in ("learner", "tutor"):
        assert set(_server_extensions(who)) == {*NBGRADER_SERVER_EXTENSIONS, "nbgrader"}


def test_learners_settings_turn_every_nbgrader_tool_off():
    """Are all of nbgrader's server extensions, and its JupyterLab extension, off for learners?"""
    assert not any(_server_extensions("learner").values())
    assert _lab_disabled("learner") == {NBGRADER_LAB_EXTENSION: True}


def test_tutors_settings_turn_them_on():
    """Are nbgrader's four server extensions on for tutors (and its JupyterLab extension not
    disabled), with the all-in-one module off so nothing loads twice?"""
    extensions = _server_extensions("tutor")
    assert all(extensions[name] for name in NBGRADER_SERVER_EXTENSIONS)
    assert extensions["nbgrader"] is False
    assert _lab_disabled("tutor") == {NBGRADER_LAB_EXTENSION: False}


def test_make_lab_and_make_tutor_use_them():
    """Does ``make lab`` start JupyterLab with the learner's settings first, and ``make tutor``
    with the tutor's, in the course folder?"""
    lab = _recipe("lab")
    assert 'JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config/learner' in lab
    assert "jupyter lab" in lab
    tutor = _recipe("tutor")
    assert 'JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config/tutor' in tutor
    assert '--ServerApp.root_dir="$(CURDIR)"' in tutor
    assert "cd " not in lab + tutor  # both start at the top of the repository


def test_the_tutors_nbgrader_settings_point_at_the_course():
    """Does the tutor's nbgrader_config.py send nbgrader to the course folder, assignments/?"""
    from traitlets.config.loader import PyFileConfigLoader

    loader = PyFileConfigLoader("nbgrader_config.py", path=str(CONFIG / "tutor"))
    assert loader.load_config().CourseDirectory.root == str(ROOT / "assignments")


def _course(tmp_path: Path) -> Path:
    """A copy of the repository's top level as the servers see it: the Jupyter settings, the
    course folder (with its nbgrader settings) and the workbooks folder."""
    root = tmp_path / "repo"
    (root / "assignments").mkdir(parents=True)
    shutil.copy(ROOT / "assignments" / "nbgrader_config.py", root / "assignments")
    shutil.copytree(CONFIG, root / "jupyter-config")
    (root / "workbooks").mkdir()
    return root


@pytest.mark.slow
def test_a_learners_lab_has_no_nbgrader_tools(tmp_path):
    """Started as ``make lab`` starts it, does JupyterLab offer no nbgrader page, disable
    nbgrader's JupyterLab extension, and give no nbgrader warning?"""
    root = _course(tmp_path)
    learner = {"JUPYTER_CONFIG_PATH": str(CONFIG / "learner")}
    with running_lab(
        sys.executable, root=root, cwd=root, scratch=tmp_path / "s", env=learner
    ) as lab:
        disabled = lab.page_config()["disabledExtensions"]
        pages = lab.nbgrader_pages()
        log = lab.log
    assert NBGRADER_LAB_EXTENSION in disabled
    assert pages == dict.fromkeys(NBGRADER_PAGES, False)
    assert "nbgrader" not in log.lower(), log


@pytest.mark.slow
def test_a_tutors_lab_has_them_all(tmp_path):
    """Started as ``make tutor`` starts it, even over settings that turn nbgrader off, does
    JupyterLab offer every nbgrader page, enable its JupyterLab extension, and find the
    course's nbgrader_config.py (no warning)?"""
    root = _course(tmp_path)
    # The learner's settings after the tutor's: the tutor's must still win.
    config = root / "jupyter-config"
    tutor = {"JUPYTER_CONFIG_PATH": f"{config / 'tutor'}:{config / 'learner'}"}
    scratch = tmp_path / "scratch"
    with running_lab(sys.executable, root=root, cwd=root, scratch=scratch, env=tutor) as lab:
        disabled = lab.page_config()["disabledExtensions"]
        pages = lab.nbgrader_pages()
        status, formgrader = lab.get("/formgrader")
        log = lab.log
    assert NBGRADER_LAB_EXTENSION not in disabled
    assert pages == dict.fromkeys(NBGRADER_PAGES, True)
    assert status == 200
    assert "Manage Assignments" in formgrader
    assert "No nbgrader_config.py" not in log, log
    assert "not a subdirectory" not in log, log
    assert not [line for line in log.splitlines() if "WARN" in line or "ERROR" in line], log
