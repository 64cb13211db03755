"""Check evidence documents against the JSON Schemas shipped in ``datasets/records/``.

The schemas are generated from the record classes by ``datasets/records/generate.py`` (a test
checks the shipped files are up to date), so a tutor or another tool can validate evidence
without this package. Checking uses ``fastjsonschema`` (already needed by nbformat), which
compiles each schema once per process and imports in milliseconds; ``jsonschema`` costs
seconds to import and stays off the learner's and the grader's path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coursework_kit.records._codec import RecordShapeError

if TYPE_CHECKING:
    from coursework_kit.records._base import Record

__all__ = ["check", "schema_file"]


def schema_file(kind: str) -> str:
    """The schema's path under ``datasets/``."""
    return f"records/{kind}.schema.json"


def _validator(kind: str) -> Callable[[Any], Any]:
    from coursework_kit.datasets import compiled_schema

    return compiled_schema(schema_file(kind))


def check(record_type: type[Record[Any]], document: Any) -> None:
    """Raise :class:`RecordShapeError` unless ``document`` fits the kind's schema."""
    import fastjsonschema

    try:
        _validator(record_type.KIND)(document)
    except fastjsonschema.JsonSchemaValueException as exc:
        message = str(exc.message)
        for start in ("data.", "data "):
            message = message.removeprefix(start)
        raise RecordShapeError(message) from None
