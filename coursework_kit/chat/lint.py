"""Check a tutor's own scenario file and explain each problem with its line number.

Used by ``coursework scenarios lint PATH``. Problems come from three places: YAML that cannot be
read (explained in plain words at the line where the problem starts; a key given twice in one
section is refused, naming both lines), the schema (a missing or misspelt field, a value that
is not allowed) and the sense checks in :func:`coursework_kit.chat.scenario.sense_problems`.
A folder with no scenario files in it is a problem too, so an empty check never passes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["LintProblem", "lint_file", "lint_paths"]

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a section of fields",
}


@dataclass(frozen=True)
class LintProblem:
    path: Path
    line: int  # from 1; 0 for a problem with a whole folder
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


def _line_of(node: Any, where: tuple[Any, ...]) -> int:
    """The line (from 1) of the YAML node at ``where``, or of the nearest parent found."""
    line = node.start_mark.line + 1 if node is not None else 1
    for key in where:
        child = None
        key_line = None
        if node is not None and node.id == "mapping":
            pair = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if pair is not None:
                key_line, child = pair[0].start_mark.line + 1, pair[1]
        elif node is not None and node.id == "sequence" and isinstance(key, int):
            child = node.value[key] if key < len(node.value) else None
        if child is None:
            break
        # a section is reported at its name ("persona:"), a value where it stands
        node, line = child, key_line or child.start_mark.line + 1
    return line


def _explain(error: Any) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "the top level"
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"{where}: '{missing}' is missing; every scenario needs it."
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [p.split("'")[0] for p in error.message.split("('")[1:]]
        hints = []
        for extra in extras:
            close = difflib.get_close_matches(extra, allowed, n=1)
            hints.append(
                f"'{extra}' is not a field here"
                + (f"; did you mean '{close[0]}'?" if close else ".")
            )
        return f"{where}: " + " ".join(hints)
    if error.validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"{where}: {error.instance!r} is not allowed; use one of: {options}."
    if error.validator == "type":
        return (
            f"{where}: should be {_TYPE_WORDS.get(error.validator_value, error.validator_value)}."
        )
    if error.validator in ("minimum", "maximum"):
        size = "small" if error.validator == "minimum" else "big"
        return f"{where}: {error.instance} is too {size}; {error.message}."
    return f"{where}: {error.message}."


def lint_file(path: Path) -> list[LintProblem]:
    """Every problem found in one scenario file (an empty list when it is fine)."""
    import jsonschema
    import yaml

    from coursework_kit.chat.scenario import SCHEMA, sense_problems
    from coursework_kit.datasets import _json_schema, _yaml

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [LintProblem(path, 1, "cannot be read: it is not a text file saved as UTF-8.")]
    except OSError as exc:
        return [LintProblem(path, 1, f"cannot be read: {(exc.strerror or str(exc)).lower()}.")]
    try:
        node = yaml.compose(text, Loader=_yaml.loader())
        raw = yaml.load(text, Loader=_yaml.loader())
    except yaml.YAMLError as exc:
        return [LintProblem(path, *_yaml.problem(exc, text))]
    if raw is None:
        return [
            LintProblem(path, 1, "the file is empty: a scenario needs its fields (id, title, ...).")
        ]
    if not isinstance(raw, dict):
        return [LintProblem(path, 1, "a scenario file must be a set of fields (id, title, ...).")]
    validator = jsonschema.Draft202012Validator(_json_schema(SCHEMA))
    problems = [
        LintProblem(path, _line_of(node, tuple(e.absolute_path)), _explain(e))
        for e in validator.iter_errors(raw)
    ]
    if not problems:
        from coursework_kit.chat.knowledge import knowledge_base

        kb_ids = {a.id for a in knowledge_base()}
        problems = [
            LintProblem(path, _line_of(node, where), f"{'/'.join(map(str, where))}: {message}")
            for where, message in sense_problems(raw, kb_ids=kb_ids)
        ]
    if raw.get("id") and path.suffix == ".yaml" and raw["id"] != path.stem:
        problems.append(
            LintProblem(
                path,
                _line_of(node, ("id",)),
                f"id: '{raw['id']}' should match the file name '{path.stem}'.",
            )
        )
    return sorted(problems, key=lambda p: p.line)


def lint_paths(paths: list[Path]) -> list[LintProblem]:
    """Lint files, and every .yaml file inside any folder given (a folder with none is a
    problem: nothing was checked)."""
    problems: list[LintProblem] = []
    for path in paths:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        if path.is_dir() and not files:
            problems.append(LintProblem(path, 0, _nothing_to_check(path)))
        for file in files:
            problems += lint_file(file)
    return problems


def _nothing_to_check(folder: Path) -> str:
    misnamed = sorted(p.name for p in folder.glob("*.yml"))
    if misnamed:
        return (
            f"there are no scenario files in this folder to check. Scenario files end in "
            f".yaml: rename {misnamed[0]} to {misnamed[0].removesuffix('.yml')}.yaml"
            + (f" (and {len(misnamed) - 1} more)." if len(misnamed) > 1 else ".")
        )
    return (
        "there are no scenario files in this folder to check (files ending in .yaml). "
        "Name the scenario files themselves, or the folder they are in."
    )
