"""HTML snippets the widgets and self-checks share: a problem to fix, neutral information, a
self-check's verdict, and the style that lets long choices wrap.

Plain strings, no display library: logic modules (the self-checks) use them too.
"""

from __future__ import annotations

import html

from coursework_kit._english import after_verdict

__all__ = ["CHOICE_STYLE", "alert", "status", "verdict"]

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
    said = after_verdict(mark.lstrip("✔✘… "), message)
    return (
        f"<div role='status' style='border-left:4px solid {colour};padding:4px 8px'>"
        f"{name}<strong>{mark}</strong> {html.escape(said)}</div>"
    )
