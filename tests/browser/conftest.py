"""A real JupyterLab on loopback, and headless Chromium driven by Playwright.

Chromium comes from Debian (``apt-get install chromium chromium-driver``); Playwright cannot
download browsers here. Without Chromium these tests are skipped with that advice, except
under ``CI=true``, where a missing browser fails the run. Screenshots of each step go to the
folder named by ``BROWSER_SCREENSHOTS`` (default ``browser-screenshots/`` at the top of the
repository), one sub-folder per test.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "coursework-kit-browser-test"


def _need_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    advice = (
        "Chromium is not installed, so the browser tests cannot run. On Debian or "
        "Ubuntu: sudo apt-get install chromium chromium-driver (or set CHROMIUM_PATH)."
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(advice)
    pytest.skip(advice)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the workbooks; yields its base URL."""
    _need_chromium()
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(
        ROOT / "workbooks",
        root / "workbooks",
        ignore=shutil.ignore_patterns("evidence", ".ipynb_checkpoints"),
    )
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.token={TOKEN}",
        f"--ServerApp.root_dir={root}",
        # its own settings and workspace folders: nothing carried over from other runs
        f"--LabApp.workspaces_dir={root / '.workspaces'}",
        f"--LabApp.user_settings_dir={root / '.settings'}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = dict(os.environ, JUPYTERHUB_USER="browser-learner")
    log = (root / "lab.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.terminate()
                pytest.fail(f"JupyterLab did not start; see {root / 'lab.log'}")
            time.sleep(0.5)
    yield base
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(request):
    """Save numbered screenshots for this test; the folder is printed in the test's output."""
    base = Path(os.environ.get("BROWSER_SCREENSHOTS", ROOT / "browser-screenshots"))
    folder = base / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    count = [0]

    def take(page, name: str) -> Path:
        count[0] += 1
        path = folder / f"{count[0]:02d}-{name}.png"
        page.screenshot(path=str(path))
        return path

    take.folder = folder  # type: ignore[attr-defined]
    print(f"\nScreenshots for {request.node.name}: {folder}")  # noqa: T201 (shown with -rP)
    return take


class Learner:
    """What a learner does in JupyterLab, as Playwright steps."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        self.path = ""

    def open(self, path: str) -> None:
        self.path = path
        self.page.goto(f"{self.base}/lab/tree/{path}?token={TOKEN}&reset")
        self.page.wait_for_selector(
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell", timeout=60_000
        )

    def menu(self, top: str, item: str) -> None:
        """Choose a menu item, waiting until it is enabled (it is greyed out while JupyterLab
        is still making the notebook its current document)."""
        for _ in range(30):
            self.page.locator(".lm-MenuBar-itemLabel", has_text=top).first.click()
            enabled = self.page.locator(".lm-Menu-item:not(.lm-mod-disabled)", has_text=item)
            if enabled.count():
                enabled.first.click()
                return
            self.page.keyboard.press("Escape")
            self.page.wait_for_timeout(1000)
        raise AssertionError(f"{top} ▸ {item} stayed greyed out")

    def run_all(self, wait_for: str) -> None:
        """Run ▸ Run All Cells once the kernel is ready, then wait for ``wait_for`` (CSS)."""
        self.wait_for_idle_kernel()
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        for attempt in (1, 2):
            self.visible(".jp-Cell").click()  # the notebook, not the file list, has focus
            self.page.keyboard.press("Escape")
            self.menu("Run", "Run All Cells")
            try:
                self.page.wait_for_selector(wait_for, state="visible", timeout=60_000)
                return
            except PlaywrightTimeout:
                if attempt == 2:
                    raise

    def wait_for_idle_kernel(self, timeout: float = 120) -> None:
        """Wait until the kernel of the notebook last opened has started and is idle.

        This asks the server rather than looking for the toolbar's busy/idle indicator:
        in a narrow window JupyterLab moves that indicator into the toolbar's "more"
        menu, where it is not on the page at all.
        """
        deadline = time.monotonic() + timeout
        states: list[str] = []
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"{self.base}/api/sessions?token={TOKEN}") as reply:
                sessions = json.load(reply)
            states = [
                (session.get("kernel") or {}).get("execution_state", "")
                for session in sessions
                if session.get("path") == self.path
            ]
            if states and all(state == "idle" for state in states):
                return
            time.sleep(0.5)
        raise AssertionError(f"the notebook's kernel was not idle after {timeout} s: {states}")

    def activity(self, path: str, selector: str):
        """Open the notebook at ``path``, run it all and scroll to its first ``selector``
        (CSS) activity, which is returned."""
        self.open(path)
        self.run_all(selector)
        found = self.visible(selector)
        found.scroll_into_view_if_needed()
        return found

    def visible(self, selector: str):
        """The first matching element in the notebook that is currently on screen."""
        return self.page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}").first


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.browser_failed = report.failed


@pytest.fixture
def make_learner(request, lab, browser):
    """A learner in a fresh browser window: make_learner(width=..., zoom=...)."""
    contexts = []

    def make(width: int = 1280, zoom: float = 1) -> Learner:
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            device_scale_factor=zoom,
            locale="en-GB",
            timezone_id="Europe/London",
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        return Learner(page, lab)

    yield make
    for context in contexts:
        if getattr(request.node, "browser_failed", False):  # what the page showed at the end
            base = Path(os.environ.get("BROWSER_SCREENSHOTS", ROOT / "browser-screenshots"))
            for i, page in enumerate(context.pages):
                page.screenshot(path=str(base / request.node.name / f"failure-{i}.png"))
        context.close()


@pytest.fixture
def learner(make_learner):
    return make_learner()
