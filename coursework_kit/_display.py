"""Small display helpers shared by the widget modules (HTML snippets, nbgrader detection)."""

from __future__ import annotations

import html
import os

__all__ = ["alert", "autograding", "status"]


def autograding() -> bool:
    """True while nbgrader runs the notebook (autograde or validate): widgets must not wait."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def alert(message: str) -> str:
    """A problem the learner should fix, announced to screen readers."""
    if not message:
        return ""
    return (
        "<div role='alert' style='color:#82071e;background:#ffebe9;padding:2px 6px;"
        f"border-radius:3px'>{html.escape(message)}</div>"
    )


def status(message: str) -> str:
    """Neutral information, announced politely to screen readers."""
    return f"<div role='status'>{html.escape(message)}</div>" if message else ""
