"""Layout helpers for the widgets: fill the width, and keep every control inside the notebook's
width even at 200% zoom. ipywidgets is imported only when a helper is called."""

from __future__ import annotations

from typing import Any

__all__ = ["fit_width", "wide"]


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
