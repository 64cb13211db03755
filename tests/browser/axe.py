"""axe-core, the accessibility checker, run inside a Playwright page.

axe-core comes from npm (``npm install -g axe-core``); Playwright injects its ``axe.min.js``
into the page and runs it there. The script is found at ``AXE_CORE`` (the file, or the
``axe-core`` folder holding it), or else in npm's global folder (``npm root -g``). Without it
the test is skipped with that advice, except under ``CI=true``, where it fails (as a missing
Chromium does).

    from tests.browser.axe import axe_violations, describe

    found = axe_violations(page, ".ck-quiz")
    assert found == [], describe(found)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import Any

import pytest

__all__ = ["SERIOUS", "axe_script", "axe_violations", "describe"]

SERIOUS = ("serious", "critical")
"""The impacts a page must not have: axe's two highest of four."""

ADVICE = (
    "axe-core is not installed, so the accessibility checks cannot run. Install it with "
    "npm (npm install -g axe-core), or set AXE_CORE to its axe.min.js."
)

_RUN = """async ([selector, impacts]) => {
  const context = selector === null ? document : { include: [selector] };
  if (selector !== null && !document.querySelector(selector)) {
    throw new Error(`axe: nothing on the page matches ${selector}`);
  }
  const result = await window.axe.run(context, { resultTypes: ["violations"] });
  return result.violations
    .filter((v) => impacts === null || impacts.includes(v.impact))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    }));
}"""


def _missing(why: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(why + ADVICE)
    pytest.skip(why + ADVICE)


@cache
def _npm_root() -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        return None
    try:
        found = subprocess.run(
            [npm, "root", "-g"], capture_output=True, text=True, timeout=30, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found.stdout.strip()) if found.stdout.strip() else None


def axe_script() -> Path:
    """Where axe.min.js is: ``AXE_CORE`` (a file or the package folder), or npm's global
    folder. Skips the test (fails it under ``CI=true``) when there is none."""
    given = os.environ.get("AXE_CORE", "")
    if given:
        path = Path(given)
        candidates = [path / "axe.min.js" if path.is_dir() else path]
    else:
        root = _npm_root()
        candidates = [] if root is None else [root / "axe-core" / "axe.min.js"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    _missing(f"AXE_CORE is {given!r}, but there is no axe.min.js there. " if given else "")
    raise AssertionError("unreachable")  # pytest.skip and pytest.fail raise


def axe_violations(
    page: Any, selector: str | None = None, *, impacts: Collection[str] | None = SERIOUS
) -> list[dict[str, Any]]:
    """Run axe-core on the page (or only on what ``selector`` matches) and return its
    violations with one of ``impacts`` (``None``: every violation), each a dict with ``id``,
    ``impact``, ``help``, ``helpUrl`` and ``nodes`` (each ``target``, ``html``, ``summary``).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script()))
    wanted = None if impacts is None else list(impacts)
    return list(page.evaluate(_RUN, [selector, wanted]))


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations as lines a person can act on (for an assertion's message)."""
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']}: {v['help']} ({v['helpUrl']})")
        lines.extend(f"    {' '.join(map(str, n['target']))}: {n['summary']}" for n in v["nodes"])
    return "\n".join(lines) or "no violations"
