"""Binder's start-up path, as far as it can be run without BinderHub or conda.

A fresh environment stands in for the one Binder builds from environment.yml: a new virtual
environment whose dependencies are this one's (added as a plain path, so the checkout's own
editable install is not seen), with the files those packages install into an environment's
``etc/jupyter`` and ``share/jupyter`` (nbgrader's settings that turn its extensions on,
JupyterLab's application files, the lab extensions) put in place, and an administrator's own
``overrides.json``. Then ``postBuild`` runs in a copy of the repository exactly as Binder runs
it, and a real JupyterLab and real kernels are started there with Binder's environment
variables, a new hub user name for each launch.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

import pytest

from tests.deploy.conftest import (
    NBGRADER_LAB_EXTENSION,
    NBGRADER_PAGES,
    ROOT,
    running_lab,
)

pytestmark = pytest.mark.slow

BINDER = {
    "BINDER_REQUEST": "v2/gh/example/coursework-kit/main",
    "BINDER_PERSISTENT_REQUEST": "v2/gh/example/coursework-kit/0123456789abcdef",
    "BINDER_REPO_URL": "https://github.com/example/coursework-kit",
    "BINDER_REF_URL": "https://github.com/example/coursework-kit/tree/main",
    "BINDER_LAUNCH_HOST": "https://mybinder.org/",
}
ADMIN_OVERRIDES = {"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}
NOTIFICATION = "@jupyterlab/apputils-extension:notification"


def launch(number: int) -> dict[str, str]:
    """The environment of one Binder launch: BinderHub's variables and a new user name."""
    return {**BINDER, "JUPYTERHUB_USER": f"example-coursework-kit-{number:08x}"}


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    """(the environment's python, the repository copy, postBuild's output)."""
    base = tmp_path_factory.mktemp("binder")
    repo = base / "repo"
    skip = shutil.ignore_patterns("__pycache__", "evidence", ".ipynb_checkpoints")
    for folder in ("coursework_kit", "datasets", "jupyter-config", "workbooks"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md", "LICENSE", "postBuild", "environment.yml"):
        shutil.copy2(ROOT / name, repo / name)

    prefix = base / "env"
    venv.create(prefix, with_pip=False, symlinks=True)
    python = prefix / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "_binder_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # What the dependencies' packages install into an environment besides their code.
    here = Path(sys.prefix)
    shutil.copytree(here / "etc" / "jupyter", prefix / "etc" / "jupyter")
    lab = prefix / "share" / "jupyter" / "lab"
    (lab / "settings").mkdir(parents=True)
    for name in ("static", "schemas", "themes"):
        (lab / name).symlink_to(here / "share" / "jupyter" / "lab" / name)
    labextensions = here / "share" / "jupyter" / "labextensions"
    (prefix / "share" / "jupyter" / "labextensions").symlink_to(labextensions)
    # An administrator's own settings, which installing the kit must leave alone.
    (lab / "settings" / "overrides.json").write_text(json.dumps(ADMIN_OVERRIDES))

    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("JUPYTER", "PIP_", "PYTHON", "VIRTUAL_ENV", "BINDER"))
    }
    env |= {
        "PATH": f"{prefix / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        "HOME": str(base / "home"),
        # Nothing downloaded: the build backend comes from the environment.
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    built = subprocess.run(
        ["bash", "postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return python, repo, built.stdout


def test_postbuild_installs_the_kit_into_the_environment(binder):
    """Does postBuild install coursework_kit itself (not the checkout) into the environment?"""
    python, repo, _ = binder
    where = subprocess.run(
        [str(python), "-c", "import coursework_kit; print(coursework_kit.__file__)"],
        cwd=repo / "workbooks",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(python.parent.parent)
    assert "site-packages" in where


def test_postbuild_turns_nbgraders_tools_off_in_the_environments_settings(binder):
    """Does postBuild write the learner's settings into the environment's own Jupyter settings,
    leaving the files nbgrader installed where they were?"""
    python, _, output = binder
    etc = python.parent.parent / "etc" / "jupyter"
    server = json.loads((etc / "jupyter_server_config.json").read_text())
    extensions = server["ServerApp"]["jpserver_extensions"]
    assert extensions
    assert not any(extensions.values())
    page = json.loads((etc / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"] == {NBGRADER_LAB_EXTENSION: True}
    nbgrader = json.loads((etc / "jupyter_server_config.d" / "nbgrader.json").read_text())
    assert all(nbgrader["ServerApp"]["jpserver_extensions"].values())  # as installed
    assert "learner settings merged" in output


def test_postbuild_can_run_again(binder):
    """Run a second time (a rebuild), does postBuild keep one copy of each setting?"""
    python, repo, _ = binder
    etc = python.parent.parent / "etc" / "jupyter"
    before = (etc / "jupyter_server_config.json").read_text()
    script = (repo / "postBuild").read_text()
    settings_step = script[script.index("python - <<'PY'") :]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "PYTHON"))}
    env["PATH"] = f"{python.parent}{os.pathsep}{env.get('PATH', '')}"
    subprocess.run(["bash", "-c", settings_step], cwd=repo, env=env, check=True, timeout=120)
    assert json.loads((etc / "jupyter_server_config.json").read_text()) == json.loads(before)


def test_the_kits_lab_settings_sit_beside_the_administrators(binder):
    """Is the kit's settings file in overrides.d/, and the administrator's overrides.json
    exactly as it was?"""
    python, _, _ = binder
    settings = python.parent.parent / "share" / "jupyter" / "lab" / "settings"
    assert json.loads((settings / "overrides.json").read_text()) == ADMIN_OVERRIDES
    ours = json.loads((settings / "overrides.d" / "coursework-kit.json").read_text())
    assert ours[NOTIFICATION]["checkForUpdates"] is False


def test_binders_jupyterlab_offers_learners_no_nbgrader_tools(binder, tmp_path):
    """In JupyterLab started as Binder starts it, are nbgrader's pages gone and its JupyterLab
    extension disabled, with the kit's and the administrator's settings both in force?"""
    python, repo, _ = binder
    with running_lab(python, root=repo, cwd=repo, scratch=tmp_path, env=launch(1)) as lab:
        disabled = lab.page_config()["disabledExtensions"]
        pages = lab.nbgrader_pages()
        notification = lab.setting(NOTIFICATION)
        theme = lab.setting("@jupyterlab/apputils-extension:themes")
        log = lab.log
    assert NBGRADER_LAB_EXTENSION in disabled
    assert pages == dict.fromkeys(NBGRADER_PAGES, False)
    assert "nbgrader" not in log.lower(), log
    assert notification["checkForUpdates"] is False
    assert notification["fetchNews"] == "false"
    assert theme["theme"] == "JupyterLab Dark"


_RUN_START_PAGE = textwrap.dedent(
    """
    import json
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read("index.ipynb", as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": "."}}
    ).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    print(json.dumps(outputs))
    """
)


def _start_page(python: Path, repo: Path, env: dict[str, str]) -> list[dict]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "BINDER", "PYTHON"))
    }
    environment |= env | {"PATH": f"{python.parent}{os.pathsep}{environment.get('PATH', '')}"}
    done = subprocess.run(
        [str(python), "-c", _RUN_START_PAGE],
        cwd=repo / "workbooks",
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_start_page_shows_one_id_on_every_launch(binder):
    """Opened on two Binder launches (two hub user names), does the start page show the same
    learner id, kept in evidence/, with what it is for, and write nothing to stderr?"""
    python, repo, _ = binder
    ids = []
    for number in (1, 2):
        outputs = _start_page(python, repo, launch(number))
        assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
        text = "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)
        found = re.search(r"Your learner id is (learner-[a-z0-9]{6})\.", text)
        assert found, text
        assert "Keep this id with your downloaded work" in text
        ids.append(found[1])
    assert ids[0] == ids[1]
    saved = (repo / "workbooks" / "evidence" / "learner-id.txt").read_text()
    assert saved == ids[0] + "\n"
