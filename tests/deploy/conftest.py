"""Start a real JupyterLab the way ``make lab``, ``make tutor`` or Binder does, and ask it what
it offers.

Each server runs on loopback with its own token, and its own user settings, workspaces, data
and runtime folders, so nothing from this machine's own Jupyter set-up (``~/.jupyter``) can
change what a test sees.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "coursework-kit-deploy-test"
NBGRADER_SERVER_EXTENSIONS = [
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
]
# One address each nbgrader server extension answers (405: there, but wants a POST).
NBGRADER_PAGES = {
    "formgrader": "/formgrader",
    "course_list": "/formgraders",
    "assignment_list": "/assignments",
    "validate_assignment": "/assignments/validate",
}
NBGRADER_LAB_EXTENSION = "@jupyter/nbgrader"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Lab:
    """A running JupyterLab: ask it for pages and read its log."""

    base: str
    log_path: Path

    def get(self, path: str) -> tuple[int, str]:
        """The status and text of ``path`` on the server (the token goes in a header, so it
        is kept when the server redirects)."""
        request = urllib.request.Request(
            f"{self.base}{path}", headers={"Authorization": f"token {TOKEN}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                return reply.status, reply.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")

    def page_config(self) -> dict:
        """The settings JupyterLab's page hands the browser (disabledExtensions among them)."""
        status, page = self.get("/lab")
        assert status == 200, page[:500]
        found = re.search(
            r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
            page,
            re.DOTALL,
        )
        assert found, "no page config in /lab"
        return json.loads(found.group(1))

    def nbgrader_pages(self) -> dict[str, bool]:
        """Which nbgrader server extensions answer (True) and which are not there (False)."""
        return {name: self.get(path)[0] != 404 for name, path in NBGRADER_PAGES.items()}

    def setting(self, plugin: str) -> dict:
        """The settings of ``plugin`` as the learner gets them: the defaults, with the
        server's overrides applied to them, under the learner's own (none here)."""
        status, text = self.get(f"/lab/api/settings/{plugin}")
        assert status == 200, text[:500]
        data = json.loads(text)
        defaults = {
            name: spec["default"]
            for name, spec in data["schema"].get("properties", {}).items()
            if "default" in spec
        }
        return defaults | data["settings"]

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def running_lab(
    python: Path | str,
    *,
    root: Path,
    cwd: Path,
    scratch: Path,
    env: dict[str, str] | None = None,
) -> Iterator[Lab]:
    """Start ``python -m jupyterlab`` in ``cwd`` serving ``root``; stop it afterwards.

    ``env`` is added to a copy of this process's environment, less any Jupyter settings it
    carries; ``scratch`` holds the server's own user folders and its log.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "BINDER", "NBGRADER"))
    }
    environment |= {
        "JUPYTER_CONFIG_DIR": str(scratch / "user-config"),
        "JUPYTER_DATA_DIR": str(scratch / "user-data"),
        "JUPYTER_RUNTIME_DIR": str(scratch / "runtime"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONNOUSERSITE": "1",
    }
    environment |= env or {}
    port = _free_port()
    command = [
        str(python),
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.token={TOKEN}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={scratch / 'workspaces'}",
        f"--LabApp.user_settings_dir={scratch / 'user-settings'}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log_path = scratch / "lab.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            command, cwd=cwd, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
        lab = Lab(f"http://127.0.0.1:{port}", log_path)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    with urllib.request.urlopen(f"{lab.base}/api/status?token={TOKEN}", timeout=2):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"JupyterLab did not start:\n{lab.log[-3000:]}")
                    time.sleep(0.5)
            yield lab
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)
