"""Read YAML the way the course needs it: fast, refusing repeated keys, explained plainly.

``loader()`` is PyYAML's libyaml-backed safe loader (``CSafeLoader``, about ten times faster
than the pure-Python one) when PyYAML was built with it, with one change: a key that appears
twice in the same section is an error naming both lines. Plain YAML keeps the second and drops
the first without a word, so a tutor's first ``replies:`` block would vanish.

``problem(error, text)`` turns a PyYAML error into (line, message) in plain English, at the
line where the problem starts: an unclosed quote is reported on the line the quote opens, not
at the later line where the parser gave up.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["loader", "problem"]

_MERGE = "tag:yaml.org,2002:merge"


@cache
def loader() -> Any:
    """The YAML loader class the kit reads every file with."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode):
                seen: dict[Any, Any] = {}
                for key_node, _ in node.value:
                    if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
                        continue
                    key = self.construct_object(key_node)
                    if key in seen:
                        raise yaml.constructor.ConstructorError(
                            "while reading a section",
                            seen[key],
                            f"found the key {key!r} twice",
                            key_node.start_mark,
                        )
                    seen[key] = key_node.start_mark
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def _line(mark: Any) -> int | None:
    return None if mark is None else int(mark.line) + 1


def _quote_left_open(text: str, before: int) -> tuple[int, int, str] | None:
    """(line it opens, line it closes, the quote) of a quoted text that runs over lines and
    closes on line ``before`` or the line above: a quote left open swallows the lines after it
    until the next quote, and the parser only notices there."""
    import yaml

    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                start, end = token.start_mark.line + 1, token.end_mark.line + 1
                if start < end and end in (before, before - 1):
                    found = (start, end, token.style)
            if token.start_mark.line + 1 > before:
                break
    except yaml.YAMLError:
        pass
    return found


def _text_after_quote(text: str, line: int) -> bool:
    lines = text.splitlines()
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    return re.match(r"""^[^#"']*?(?::\s+|-\s+)(["'])[^"']*\1[ \t]*[^\s#]""", shown) is not None


def problem(error: Any, text: str) -> tuple[int, str]:
    """The line (from 1) where ``error`` starts, and what is wrong there in plain words."""
    context = str(getattr(error, "context", None) or "")
    said = str(getattr(error, "problem", None) or error)
    at = _line(getattr(error, "problem_mark", None)) or 1
    opened = _line(getattr(error, "context_mark", None))
    if said.startswith("found the key"):
        key = said.removeprefix("found the key ").removesuffix(" twice")
        return at, (
            f"{key} appears twice in the same section: on line {opened} and again on line "
            f"{at}. Only one would be used; keep one of them, or merge the two."
        )
    if "quoted scalar" in context and "end of stream" in said:
        return opened or at, (
            "a quote opens on this line but is never closed. Add the closing quote mark at "
            "the end of the text."
        )
    left_open = _quote_left_open(text, at)
    if left_open is not None:
        start, end, mark = left_open
        return start, (
            f"the quote ({mark}) that opens on this line is not closed on it, so everything up "
            f"to line {end} is read as one piece of text. Add the closing {mark} at the end of "
            "the text on this line."
        )
    if "block" in context and _text_after_quote(text, at):
        return at, (
            "there is text after the closing quote on this line. Put all of the text inside "
            "the quotes."
        )
    if "mapping values are not allowed" in said:
        return at, (
            "there is a colon and a space inside a value. Put the whole text in quotes "
            '("..."), or check that this line is indented like the lines around it.'
        )
    if "tab" in said or "'\\t'" in said:
        return at, "this line is indented with a tab. Use spaces to indent, never tabs."
    if "expected ':'" in said:
        return opened or at, "this line has no colon after its name. Write it as name: value."
    if "escape character" in said:
        return at, (
            "a backslash (\\) inside double quotes must start a known code such as \\n. Put "
            "text with a backslash in single quotes ('...') instead."
        )
    if "undefined alias" in said:
        return at, "a value here starts with *, which YAML reads as a link. Put it in quotes."
    if "flow sequence" in context or "flow mapping" in context:
        return opened or at, (
            "a list in [ ] or a section in { } opens on this line but is not closed. Add the "
            "closing ] or }, or put text with a comma in quotes."
        )
    if "block collection" in context:
        return at, (
            "this line is inside a list (lines starting with -) but does not start with - "
            "itself. Start it with '- ', or indent it less if it starts a new field."
        )
    if "block mapping" in context or "expected key" in said or "block end" in said:
        return at, (
            "this line does not line up with the lines above it. Check that it is indented "
            "with the same number of spaces as the other fields at its level, has the form "
            "name: value, and has nothing after a closing quote."
        )
    if "cannot start any token" in said:
        return at, "a value here starts with a character YAML keeps for itself. Put it in quotes."
    return at, f"this is not valid YAML ({said}). Check the indentation and the quote marks."
