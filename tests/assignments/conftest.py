"""The demo class, built once: every assignment released, submitted, autograded."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_class(tmp_path_factory):
    from coursework_kit.tutor.demo import build_demo_class

    steps: list[str] = []
    demo = build_demo_class(
        tmp_path_factory.mktemp("demo") / "class",
        course=ROOT / "assignments",
        progress=lambda done, total, label: steps.append(label),
    )
    demo.steps = steps  # type: ignore[attr-defined]
    return demo
