"""An accessible choice group: one question and its choices, as a screen reader and a keyboard
expect them.

ipywidgets' ``RadioButtons`` draws radio buttons that share no ``name``, inside no fieldset,
with no question tied to them: a screen reader reads each choice but never the question, and
each choice is its own stop on the Tab key. :class:`ChoiceGroup` draws what the browser knows
how to handle instead:

- a ``<fieldset>`` whose ``<legend>`` is the question, so the question is read on entering;
- native ``<input type="radio">`` (or ``checkbox`` with ``multiple=True``) with one ``name``
  per group, so the browser gives a set of radio buttons one Tab stop and moves (and chooses)
  with the arrow keys; each checkbox is its own Tab stop, as usual for checkboxes;
- a visible focus outline in the theme's brand colour (3:1 or more against the page);
- JupyterLab's colours (``--jp-ui-font-color1`` and others), with plain ones outside it.

JupyterLab takes the keys pressed on anything in a notebook that cannot be typed in as its
own shortcuts: the arrow keys would move to the next cell, "D D" would delete it. Each input
carries Lumino's ``data-lm-suppress-shortcuts``, so the keys stay with the choices.

Every action is a method: :meth:`ChoiceGroup.select` chooses as a click does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import anywidget
import traitlets as t

from coursework_kit.errors import CourseworkError, QuizError, quoted

__all__ = ["ChoiceGroup", "Value"]

Value = str | tuple[str, ...] | None
"""A group's value: the chosen value or ``None`` (one choice), or a tuple of them (several)."""

_ESM = """
let groups = 0;

function render({ model, el }) {
  groups += 1;
  // one name per view: two views of one widget must not make one radio group between them
  const name = `ck-choice-${groups}-${Math.random().toString(36).slice(2, 8)}`;
  const fieldset = document.createElement("fieldset");
  fieldset.className = "ck-choice-group";
  const legend = document.createElement("legend");
  const list = document.createElement("div");
  list.className = "ck-choice-options";
  fieldset.append(legend, list);
  el.append(fieldset);
  let inputs = [];

  function chosen() {
    const value = model.get("value");
    if (value === null || value === undefined) return new Set();
    return new Set(Array.isArray(value) ? value : [value]);
  }

  function changed() {
    const picked = inputs.filter((input) => input.checked).map((input) => input.value);
    model.set("value", model.get("multiple") ? picked : picked.length ? picked[0] : null);
    model.save_changes();
  }

  function sync() {
    const now = chosen();
    for (const input of inputs) input.checked = now.has(input.value);
    fieldset.disabled = model.get("disabled");
    const describedby = model.get("describedby");
    for (const input of inputs) {
      if (describedby) input.setAttribute("aria-describedby", describedby);
      else input.removeAttribute("aria-describedby");
    }
  }

  function draw() {
    legend.textContent = model.get("question");
    const type = model.get("multiple") ? "checkbox" : "radio";
    const rows = model.get("options").map(([label, value], index) => {
      const input = document.createElement("input");
      input.type = type;
      input.name = name;
      input.value = value;
      input.id = `${name}-${index}`;
      input.setAttribute("data-lm-suppress-shortcuts", "true");
      input.addEventListener("change", changed);
      const text = document.createElement("span");
      text.textContent = label;
      const row = document.createElement("label");
      row.className = "ck-choice";
      row.htmlFor = input.id;
      row.append(input, text);
      return row;
    });
    list.replaceChildren(...rows);
    inputs = rows.map((row) => row.firstChild);
    sync();
  }

  draw();
  const redraw = () => draw();
  model.on("change:question", redraw);
  model.on("change:options", redraw);
  model.on("change:multiple", redraw);
  model.on("change:value", sync);
  model.on("change:disabled", sync);
  model.on("change:describedby", sync);
  return () => {
    model.off("change:question", redraw);
    model.off("change:options", redraw);
    model.off("change:multiple", redraw);
    model.off("change:value", sync);
    model.off("change:disabled", sync);
    model.off("change:describedby", sync);
  };
}

export default { render };
"""

_CSS = """
.ck-choice-group {
  border: 1px solid var(--jp-border-color1, #8c959f);
  border-radius: 4px;
  margin: 4px 2px;
  padding: 4px 12px 8px;
  min-width: 0;
  color: var(--jp-ui-font-color1, #1f2328);
  font-family: var(--jp-ui-font-family, system-ui, sans-serif);
  font-size: var(--jp-ui-font-size1, 14px);
}
.ck-choice-group legend {
  font-weight: 600;
  padding: 0 4px;
  color: var(--jp-ui-font-color0, #000);
}
.ck-choice-group .ck-choice {
  display: flex;
  align-items: flex-start;
  gap: 8px;
  padding: 3px 0;
  line-height: 1.4;
  cursor: pointer;
}
.ck-choice-group input {
  flex-shrink: 0;
  margin: 3px 0 0;
  width: 16px;
  height: 16px;
  accent-color: var(--jp-brand-color1, #1565c0);
  cursor: pointer;
}
.ck-choice-group input:focus-visible {
  outline: 3px solid var(--jp-brand-color1, #1565c0) !important;
  outline-offset: 2px;
}
.ck-choice-group:disabled {
  color: var(--jp-ui-font-color2, #57606a);
}
.ck-choice-group:disabled .ck-choice, .ck-choice-group:disabled input {
  cursor: not-allowed;
}
"""


def _pairs(options: Iterable[Any], error: Callable[[str], CourseworkError]) -> list[list[str]]:
    """``options`` as [label, value] pairs: each a (label, value) pair, or text that is both."""
    pairs: list[list[str]] = []
    for option in options:
        if isinstance(option, str):
            label, value = option, option
        elif isinstance(option, Sequence) and len(option) == 2:
            label, value = option
        else:
            raise error(f"A choice must be text or a (label, value) pair, not {quoted(option)}.")
        if not isinstance(label, str) or not isinstance(value, str):
            raise error(f"A choice's label and value must both be text: {quoted(option)}.")
        if not label.strip():
            raise error(f"A choice needs words to show: {quoted(option)} has none.")
        pairs.append([label, value])
    if not pairs:
        raise error("A question needs at least one choice.")
    values = [value for _, value in pairs]
    repeated = sorted({value for value in values if values.count(value) > 1})
    if repeated:
        raise error(f"Each choice needs its own value; these are used twice: {repeated}.")
    return pairs


class _Options(t.TraitType[list[list[str]], Any]):
    """The choices, checked as they are set (so a bad set changes nothing)."""

    def validate(self, obj: Any, value: Any) -> list[list[str]]:
        return _pairs(value, obj._error)


class _Chosen(t.TraitType[Value, Any]):
    """What is chosen, checked against the choices as it is set: a value that cannot be
    chosen (from Python or from the browser) changes nothing."""

    def validate(self, obj: Any, value: Any) -> Value:
        return obj._valid_value(value)  # type: ignore[no-any-return]


class ChoiceGroup(anywidget.AnyWidget):
    """One question with its choices: radio buttons, or checkboxes with ``multiple=True``.

    ``options`` are (label, value) pairs, or text that is both. ``value`` is the chosen value
    (or ``None``) for one choice, a tuple of the chosen values for several. ``describedby`` is
    the ``id`` of an element that says more about the question, such as the message beside it
    when an answer cannot be used (a :class:`~coursework_kit._ui.live.LiveRegion`'s
    ``element_id``). ``error`` is the kind of error a choice that cannot be used raises, so each
    activity keeps its own (``ModerationError`` in the moderation queue, and so on).
    """

    _esm = _ESM
    _css = _CSS

    question = t.Unicode("").tag(sync=True)
    options = _Options([]).tag(sync=True)
    multiple = t.Bool(False).tag(sync=True)
    value = _Chosen(None).tag(sync=True)  # None is checked too: () for several
    disabled = t.Bool(False).tag(sync=True)
    describedby = t.Unicode("").tag(sync=True)

    def __init__(
        self,
        question: str,
        options: Iterable[str | tuple[str, str]],
        *,
        multiple: bool = False,
        value: Value = None,
        disabled: bool = False,
        describedby: str = "",
        error: Callable[[str], CourseworkError] = QuizError,
    ) -> None:
        self._error = error
        if not isinstance(question, str) or not question.strip():
            raise error("A choice group needs a question to show as its heading.")
        pairs = _pairs(options, error)
        super().__init__(
            question=question,
            options=pairs,
            multiple=bool(multiple),
            disabled=disabled,
            describedby=describedby,
        )
        self.value = value  # once the choices are there to check it against

    # -- user actions ---------------------------------------------------------------------------

    def select(self, *values: str) -> None:
        """Choose as clicking would: one value for radio buttons (the others are cleared), any
        number for checkboxes (exactly those are ticked). ``select()`` clears every choice.
        A locked (``disabled``) group refuses; to put back saved work, set ``value``."""
        if self.disabled:
            raise self._error(f"The answer to {self._named} cannot be changed now.")
        self.value = tuple(values) if self.multiple else self._single(values)

    def clear(self) -> None:
        """Take every choice away."""
        self.value = None

    # -- what is chosen -------------------------------------------------------------------------

    @property
    def values(self) -> tuple[str, ...]:
        """The values that can be chosen, in order."""
        return tuple(value for _, value in self.options)

    @property
    def chosen(self) -> tuple[str, ...]:
        """What is chosen now, as a tuple whatever the kind of group."""
        value = self.value
        if value is None:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)

    def label(self, value: str) -> str:
        """The words shown for ``value``."""
        for label, known in self.options:
            if known == value:
                return label
        raise self._error(self._unknown(value))

    # -- inside ---------------------------------------------------------------------------------

    @property
    def _named(self) -> str:
        return f"“{self.question}”"

    def _single(self, values: tuple[str, ...]) -> str | None:
        if len(values) > 1:
            raise self._error(f"{self._named} takes one answer, not {len(values)}.")
        return values[0] if values else None

    def _unknown(self, value: object) -> str:
        shown = ", ".join(self.values)
        return f"{quoted(value)} is not a choice for {self._named}; choose one of: {shown}."

    def _valid_value(self, value: Any) -> Value:
        if not self.multiple:
            if value is None or (isinstance(value, str) and value in self.values):
                return value
            if isinstance(value, str):
                raise self._error(self._unknown(value))
            raise self._error(
                f"{self._named} takes one answer, as text (or None), not {quoted(value)}."
            )
        if value is None:
            return ()
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise self._error(f"{self._named} takes a list of answers, not {quoted(value)}.")
        picked = tuple(value)
        for item in picked:
            if not isinstance(item, str) or item not in self.values:
                raise self._error(self._unknown(item))
        return tuple(v for v in self.values if v in picked)  # in the order shown, once each

    @t.observe("options")
    def _drop_lost_choices(self, _change: Any) -> None:
        kept = tuple(v for v in self.chosen if v in self.values)
        if kept != self.chosen:
            self.value = kept if self.multiple else (kept[0] if kept else None)

    @t.observe("multiple")
    def _change_kind(self, change: Any) -> None:
        kept = self.chosen
        self.value = kept if change["new"] else (kept[0] if len(kept) == 1 else None)
