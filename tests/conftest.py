"""Fixtures shared across the test folders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from what the code makes now",
    )


@pytest.fixture
def golden(request):
    """Compare text with ``tests/golden/<name>``; ``pytest --update-goldens`` rewrites it."""

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-goldens"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.is_file(), f"no golden file {name}: run pytest --update-goldens"
        assert text == path.read_text(encoding="utf-8"), (
            f"{name} differs from its golden file; if the change is intended, "
            "run pytest --update-goldens and review the diff"
        )

    return compare


@pytest.fixture(scope="session")
def demo_class(tmp_path_factory):
    """The demo class, built once: every assignment released, submitted, autograded."""
    from coursework_kit.tutor.demo import build_demo_class

    steps: list[str] = []
    demo = build_demo_class(
        tmp_path_factory.mktemp("demo") / "class",
        course=ROOT / "assignments",
        progress=lambda done, total, label: steps.append(label),
    )
    demo.steps = steps  # type: ignore[attr-defined]
    return demo


def saved_work(widget):
    """The latest work in a widget's evidence file, read back from disk (after saving)."""
    from coursework_kit.records import RecordFile

    widget.session.flush()
    file = widget.session.file
    (attempt,) = RecordFile(file.kind, file.scenario, file.folder).load().attempts
    return attempt.work


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory) -> Path:
    """The project's wheel, built once per test run."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("coursework_kit-*.whl")
    return wheel
