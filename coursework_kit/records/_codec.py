"""Turn record dataclasses into plain JSON data and back, and describe them as JSON Schema.

One codec for every activity record, driven by the dataclasses' own type hints, so a record's
Python type, its JSON and its schema cannot drift apart. Supported field types: ``str``,
``int``, ``float``, ``bool``, ``None``, ``Literal[...]``, ``X | None``, ``tuple[X, ...]``,
``dict[str, X]`` and nested frozen dataclasses. Reading is strict: a value of the wrong type,
an unknown key or a missing required key is an error, never silently dropped or guessed.

Every string and list in a schema has an upper bound (``MAX_TEXT``, ``MAX_ITEMS``): evidence
files come from the learner's folder and are treated as hostile input.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from coursework_kit.errors import RecordShapeError

__all__ = ["MAX_ITEMS", "MAX_TEXT", "RecordShapeError", "from_plain", "schema_for", "to_plain"]

MAX_TEXT = 20_000  # characters in one string: far more than any real reply or post
MAX_ITEMS = 2_000  # entries in one list or mapping


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.init)


def _is_optional(tp: Any) -> bool:
    return _is_union(tp) and type(None) in get_args(tp)


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def to_plain(value: Any) -> Any:
    """The JSON-ready form of a record, its parts, or a plain value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in _fields(type(value))}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def from_plain(tp: Any, value: Any, where: str = "record") -> Any:
    """Build a value of type ``tp`` from plain JSON data, checking every part of it."""
    if tp is Any:
        return value
    if _is_union(tp):
        options = get_args(tp)
        if value is None and type(None) in options:
            return None
        errors = []
        for option in (o for o in options if o is not type(None)):
            try:
                return from_plain(option, value, where)
            except RecordShapeError as exc:
                errors.append(str(exc))
        raise RecordShapeError(errors[0] if len(errors) == 1 else f"{where} has the wrong type")
    origin = get_origin(tp)
    if origin is Literal:
        if value not in get_args(tp):
            raise RecordShapeError(f"{where} must be one of {list(get_args(tp))}, not {value!r}")
        return value
    if origin is tuple:
        item_type = get_args(tp)[0]
        if not isinstance(value, list):
            raise RecordShapeError(f"{where} must be a list")
        return tuple(from_plain(item_type, v, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        value_type = get_args(tp)[1]
        if not isinstance(value, dict):
            raise RecordShapeError(f"{where} must be a mapping")
        return {str(k): from_plain(value_type, v, f"{where}.{k}") for k, v in value.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_from_plain(tp, value, where)
    return _scalar(tp, value, where)


def _scalar(tp: Any, value: Any, where: str) -> Any:
    if tp is type(None):
        if value is not None:
            raise RecordShapeError(f"{where} must be empty (null)")
        return None
    if tp is bool:
        if not isinstance(value, bool):
            raise RecordShapeError(f"{where} must be true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise RecordShapeError(f"{where} must be a whole number")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RecordShapeError(f"{where} must be a number")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise RecordShapeError(f"{where} must be text")
        return value
    raise TypeError(f"records cannot hold a field of type {tp!r}")  # a bug in a record class


def _dataclass_from_plain(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise RecordShapeError(f"{where} must be a mapping")
    fields = _fields(cls)
    known = {f.name for f in fields}
    unknown = sorted(set(value) - known)
    if unknown:
        raise RecordShapeError(f"{where} has an unexpected entry {unknown[0]!r}")
    hints = _hints(cls)
    kwargs = {}
    for f in fields:
        if f.name in value:
            kwargs[f.name] = from_plain(hints[f.name], value[f.name], f"{where}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise RecordShapeError(f"{where} has no {f.name!r}")
    return cls(**kwargs)


def schema_for(tp: Any) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the plain form of ``tp``."""
    if tp is Any:
        return {}
    if _is_optional(tp):
        rest = [o for o in get_args(tp) if o is not type(None)]
        inner = schema_for(rest[0]) if len(rest) == 1 else {"anyOf": [schema_for(o) for o in rest]}
        return {"anyOf": [inner, {"type": "null"}]}
    if _is_union(tp):
        return {"anyOf": [schema_for(o) for o in get_args(tp)]}
    origin = get_origin(tp)
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": schema_for(get_args(tp)[0]), "maxItems": MAX_ITEMS}
    if origin is dict:
        return {
            "type": "object",
            "additionalProperties": schema_for(get_args(tp)[1]),
            "propertyNames": {"maxLength": 200},
            "maxProperties": MAX_ITEMS,
        }
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        fields = _fields(tp)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {f.name: schema_for(hints[f.name]) for f in fields},
            "required": [
                f.name
                for f in fields
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            ],
            "additionalProperties": False,
        }
        if tp.__doc__ and not tp.__doc__.startswith(f"{tp.__name__}("):
            schema = {"description": " ".join(tp.__doc__.split()), **schema}
        return schema
    simple = {bool: "boolean", int: "integer", float: "number", str: "string"}
    if tp is type(None):
        return {"type": "null"}
    if tp in simple:
        found: dict[str, Any] = {"type": simple[tp]}
        if tp is str:
            found["maxLength"] = MAX_TEXT
        return found
    raise TypeError(f"records cannot hold a field of type {tp!r}")
