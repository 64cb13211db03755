"""The learner's answers, read out of their kernel as plain data (or, when the kernel did not get
that far, from the answers typed as plain values in the notebook)."""

from __future__ import annotations

import ast
import json
import math
from typing import Any

from nbformat.notebooknode import NotebookNode

_MAX_TEXT = 200  # characters of a typed answer the grader reads


def harvest_code(names: tuple[str, ...], token: str) -> str:
    """Code run in the learner's kernel after their notebook: prints ``token`` and the answers
    as JSON. It runs in the learner's kernel, so what it prints is only ever data to check."""
    return (
        "def _coursework_answers(names, token):\n"
        "    import json, numbers, sys\n"
        "    space = get_ipython().user_ns\n"
        "    found = {}\n"
        "    for name in names:\n"
        "        if name not in space:\n"
        "            continue\n"
        "        value = space[name]\n"
        "        try:\n"
        "            if value is None or isinstance(value, bool):\n"
        "                found[name] = value\n"
        "            elif isinstance(value, str):\n"
        f"                found[name] = str.__str__(value)[:{_MAX_TEXT}]\n"
        "            elif isinstance(value, numbers.Real):\n"
        "                found[name] = float(value)\n"
        "            else:\n"
        "                found[name] = {'unreadable': type(value).__name__}\n"
        "        except Exception:\n"
        "            found[name] = {'unreadable': 'error'}\n"
        "    sys.stdout.write(token + json.dumps(found) + '\\n')\n"
        f"_coursework_answers({list(names)!r}, {token!r})\n"
        "del _coursework_answers\n"
    )


class Unreadable:
    """An answer the grader could not read as a number or text (it is marked 0)."""

    def __init__(self, why: str) -> None:
        self.why = why

    def __repr__(self) -> str:
        return f"Unreadable({self.why!r})"


def _plain(value: Any) -> Any:
    """Only plain data, of a bounded size, gets through."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        number = float(value)
        return number if math.isfinite(number) else Unreadable("not a finite number")
    if isinstance(value, str):
        return value[:_MAX_TEXT]
    return Unreadable("not a number or text")


def read_harvest(outputs: list[Any], token: str, names: tuple[str, ...]) -> dict[str, Any] | None:
    """The answers from the harvest cell's outputs, or None if they are not there."""
    for output in outputs:
        if output.get("output_type") != "stream" or output.get("name") != "stdout":
            continue
        text = output.get("text", "")
        text = "".join(text) if isinstance(text, list) else str(text)
        for line in text.splitlines():
            if not line.startswith(token) or len(line) > 100_000:
                continue
            try:
                raw = json.loads(line[len(token) :])
            except ValueError:
                return None
            if not isinstance(raw, dict):
                return None
            return {n: _plain(raw[n]) for n in names if n in raw}
    return None


def typed_answers(nb: NotebookNode, names: tuple[str, ...]) -> dict[str, Any]:
    """Answers typed as plain values in the answer cells (``x = 2.5``), read without running
    anything: used when the kernel did not get as far as handing its answers over."""
    found: dict[str, Any] = {}
    for cell in nb.cells:
        info = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or not info.get("solution"):
            continue
        try:
            tree = ast.parse(cell.source)
        except (SyntaxError, ValueError):
            continue
        for node in tree.body:
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in names:
                    try:
                        found[target.id] = _plain(ast.literal_eval(node.value))
                    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                        found[target.id] = Unreadable("worked out by code that did not run")
    return found
