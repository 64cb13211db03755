"""Cells the grader writes: notebook nodes made from plain data, a check cell's score, and
outputs cut to a size nbgrader can keep."""

from __future__ import annotations

from typing import Any

from nbformat.notebooknode import NotebookNode
from nbformat.notebooknode import from_dict as _from_dict

from coursework_kit.tutor.grading.scoring import Score


def from_dict(data: dict[str, Any]) -> NotebookNode:
    node: NotebookNode = _from_dict(data)  # type: ignore[no-untyped-call]
    return node


def _result(nb_cell: NotebookNode, scores: list[Score], note: str | None) -> None:
    earned = round(sum(s.earned for s in scores), 2)
    lines = [s.why for s in scores if s.why]
    if note:
        lines.append(note)
    nb_cell.outputs = [
        from_dict({"output_type": "stream", "name": "stdout", "text": "\n".join(lines) + "\n"}),
        from_dict(
            {
                "output_type": "execute_result",
                "execution_count": nb_cell.get("execution_count"),
                "data": {"text/plain": f"{earned:g}"},
                "metadata": {},
            }
        ),
    ]


_MAX_OUTPUT = 100_000  # characters of output kept for each cell


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(_size(v) for v in value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    return 0


def bound_outputs(nb: NotebookNode, limit: int = _MAX_OUTPUT) -> int:
    """Cut each cell's outputs to ``limit`` characters (nbgrader's own limit counts lines, so
    one enormous line would go into the gradebook and the feedback). Returns how many cells
    were cut."""
    cut = 0
    for cell in nb.cells:
        outputs = cell.get("outputs") or []
        if _size(outputs) <= limit:
            continue
        kept, room = [], limit
        for output in outputs:
            size = _size(output)
            if size <= room:
                kept.append(output)
                room -= size
            elif output.get("output_type") == "stream" and room > 0:
                text = output.get("text", "")
                text = "".join(text) if isinstance(text, list) else str(text)
                kept.append(from_dict({**output, "text": text[:room]}))
                room = 0
        note = f"\n[The rest of this output was cut: over {limit:,} characters.]\n"
        kept.append(from_dict({"output_type": "stream", "name": "stdout", "text": note}))
        cell.outputs = kept
        cut += 1
    return cut
