"""Small display helpers shared by the widget modules (HTML snippets, nbgrader detection)."""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from coursework_kit.evidence import Evidence, SaveOutcome

__all__ = [
    "CHOICE_STYLE",
    "alert",
    "autograding",
    "fit_width",
    "save_evidence",
    "status",
    "verdict",
    "wide",
]

# ipywidgets gives each radio button and checkbox label a fixed one-line height, so long
# choices overlap one another. Inside our ".ck-choices" boxes, labels wrap and grow instead.
CHOICE_STYLE = """<style>
.ck-choices .widget-radio-box label, .ck-choices .widget-checkbox label {
  display: flex !important; align-items: flex-start !important; gap: 6px;
  height: auto !important; line-height: 1.4 !important; white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; margin-bottom: 6px;
}
.ck-choices .widget-radio-box, .ck-choices .widget-checkbox { height: auto !important; }
.ck-choices .widget-radio-box input, .ck-choices .widget-checkbox input {
  order: -1; flex-shrink: 0; margin-top: 4px;
}
</style>"""


def wide(max_width: str | None = None) -> Any:
    """A layout that fills the available width (less ipywidgets' 2px margins each side, so
    nothing spills over at 200% zoom), up to ``max_width`` if given."""
    import ipywidgets as w

    return w.Layout(width="calc(100% - 4px)", max_width=max_width)


def fit_width(widget: Any) -> Any:
    """Keep every control in ``widget`` inside the notebook's width, even at 200% zoom:
    rows of controls wrap onto the next line, and no control is wider than its space
    (ipywidgets otherwise gives each one a fixed 300 pixels). Returns ``widget``."""
    import ipywidgets as w

    if isinstance(widget, w.Box):
        if isinstance(widget, w.HBox) and widget.layout.flex_flow is None:
            widget.layout.flex_flow = "row wrap"
        for child in widget.children:
            fit_width(child)
    elif isinstance(widget, w.DOMWidget) and widget.layout.max_width is None:
        widget.layout.max_width = "calc(100% - 4px)"
    return widget


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


def verdict(correct: bool, message: str, *, label: str = "", answered: bool = True) -> str:
    """A self-check's result: "Right!", "Not yet." or "No answer yet.", then what to do."""
    colour, mark = ("#1a7f37", "✔ Right!") if correct else ("#9a6700", "✘ Not yet.")
    if not answered:
        colour, mark = "#57606a", "… No answer yet."
    name = f"{html.escape(label)}: " if label else ""
    return (
        f"<div role='status' style='border-left:4px solid {colour};padding:4px 8px'>"
        f"{name}<strong>{mark}</strong> {html.escape(message)}</div>"
    )


def save_evidence(
    evidence: Evidence, attempt: int, data: Mapping[str, Any]
) -> tuple[SaveOutcome | None, str]:
    """Save ``data`` as ``attempt``; return the outcome (None if it failed) and the message to
    show: where it was saved and any notices, or the problem in plain words."""
    from coursework_kit.errors import CourseworkError

    try:
        outcome = evidence.save(attempt, data)
    except CourseworkError as exc:
        return None, alert(str(exc))
    notes = " ".join([*evidence.notices, outcome.message]).strip()
    evidence.notices.clear()
    return outcome, status(f"Saved to evidence/{outcome.path.name}. {notes}".strip())
