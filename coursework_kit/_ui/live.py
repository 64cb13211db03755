"""One live region per activity: where its feedback appears, and what a screen reader reads
out when the feedback changes.

Screen readers often say nothing about a ``role="status"`` element that has just been put on
the page, and an ``ipywidgets.HTML`` whose value holds one puts a new one there at every
change (it replaces everything inside itself). A :class:`LiveRegion` makes its element once,
when it is first drawn, and from then on only replaces the words inside it, which is what
screen readers follow. Saying the same thing twice in a row clears the region first, so the
repeat is read out too.

Any ``role="status"``, ``role="alert"`` or ``aria-live`` inside what is announced is taken off
in the browser: only the region itself speaks, so nothing is read twice.
"""

from __future__ import annotations

import html
import secrets
from typing import Protocol, runtime_checkable

import anywidget
import traitlets as t

__all__ = ["LiveRegion"]

_ESM = """
const NESTED = "[role=status],[role=alert],[role=log],[aria-live]";

function render({ model, el }) {
  const region = document.createElement("div");
  const assertive = model.get("assertive");
  region.className = "ck-live";
  region.setAttribute("role", assertive ? "alert" : "status");
  region.setAttribute("aria-live", assertive ? "assertive" : "polite");
  region.setAttribute("aria-atomic", "true");
  el.append(region);
  let shown = null;
  let pending = null;

  function fill(markup) {
    const template = document.createElement("template");
    template.innerHTML = markup;
    for (const node of template.content.querySelectorAll(NESTED)) {
      if (["status", "alert", "log"].includes(node.getAttribute("role"))) {
        node.removeAttribute("role");
      }
      node.removeAttribute("aria-live");
    }
    region.replaceChildren(template.content);
    region.classList.toggle("ck-live-empty", !markup);
    shown = markup;
  }

  function name() {
    region.id = model.get("element_id");
  }

  function update() {
    const markup = model.get("html");
    if (pending !== null) clearTimeout(pending);
    pending = null;
    if (markup === shown && markup) {
      // the same words again: empty the region, then fill it, so they are read out again
      region.replaceChildren();
      pending = setTimeout(() => { pending = null; fill(markup); }, 150);
    } else {
      fill(markup);
    }
  }

  name();
  update();
  model.on("change:_said", update);
  model.on("change:element_id", name);
  return () => {
    if (pending !== null) clearTimeout(pending);
    model.off("change:_said", update);
    model.off("change:element_id", name);
  };
}

export default { render };
"""

_CSS = """
.ck-live {
  color: var(--jp-ui-font-color1, #1f2328);
  font-family: var(--jp-ui-font-family, system-ui, sans-serif);
  font-size: var(--jp-ui-font-size1, 14px);
  margin: 4px 2px;
}
.ck-live[role="alert"]:not(.ck-live-empty) {
  color: #82071e;
  background: #ffebe9;
  border-radius: 3px;
  padding: 2px 6px;
}
"""


@runtime_checkable
class _HasHtml(Protocol):
    def _repr_html_(self) -> str: ...


class LiveRegion(anywidget.AnyWidget):
    """Where an activity's feedback goes: one element, made once, whose words are replaced.

    ``assertive=True`` makes a region for problems that need saying at once (``role="alert"``,
    shown in dark red on pink as the kit's other problems are); the usual kind is polite
    (``role="status"``) and waits for the screen reader to finish.
    ``element_id`` is the element's ``id``, for a control's ``describedby``.
    """

    _esm = _ESM
    _css = _CSS

    html = t.Unicode("").tag(sync=True)
    assertive = t.Bool(False).tag(sync=True)
    element_id = t.Unicode("").tag(sync=True)
    _said = t.Int(0).tag(sync=True)  # one more at each announcement, repeats included

    def __init__(self, *, assertive: bool = False, element_id: str = "") -> None:
        super().__init__(
            assertive=assertive,
            element_id=element_id or f"ck-live-{secrets.token_hex(6)}",
        )

    def announce(self, message: str | _HasHtml) -> None:
        """Show ``message`` in place of what was there, and have it read out. Text is shown
        as it is written; an object with ``_repr_html_`` (a check's result) as its HTML."""
        if isinstance(message, _HasHtml) and not isinstance(message, str):
            shown = str(message._repr_html_())
        else:
            shown = html.escape(str(message))
        with self.hold_sync():
            self.html = shown
            self._said += 1

    def clear(self) -> None:
        """Empty the region (nothing is read out)."""
        with self.hold_sync():
            self.html = ""
            self._said += 1

    @property
    def said(self) -> int:
        """How many times something has been announced (or the region cleared)."""
        return int(self._said)
