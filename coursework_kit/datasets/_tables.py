"""Reading, writing and validating the CSV tables under ``datasets/``.

Each table ``NAME.csv`` has a schema ``NAME.schema.yaml`` beside it::

    table: weekly_channels
    description: One row per channel per week.
    key: [week, channel]            # columns that together identify a row (must be unique)
    columns:
      - name: clicks
        type: int                   # int | float | str | date | bool
        unit: clicks                # shown in the README and on chart axes
        description: Times someone clicked through to the website.
        required: true              # false: the cell may be blank
        min: 0                      # optional bounds (numbers only)
        max: 1000000
        allowed: [a, b]             # optional, str only: the values it may take
        at_most: impressions        # optional: never more than this other column in the row

Rows in Python are dicts of ``int``, ``float``, ``str``, ``datetime.date``, ``bool`` or ``None``
(blank). In the CSV: dates are ISO (2026-01-05), booleans ``true``/``false``, floats as written,
blanks empty.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from coursework_kit._atomic import write_text
from coursework_kit.errors import DatasetError

Cell = int | float | str | date | bool | None
Row = dict[str, Cell]

_TYPES = ("int", "float", "str", "date", "bool")
_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text",
    "date": "a date written 2026-01-31",
    "bool": "true or false",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    unit: str = ""
    required: bool = True
    min: float | None = None
    max: float | None = None
    allowed: tuple[str, ...] = ()
    at_most: str | None = None


@dataclass(frozen=True)
class TableSchema:
    table: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def schema_from_mapping(raw: Mapping[str, Any], *, source: str) -> TableSchema:
    """Build a :class:`TableSchema` from the parsed YAML, checking its own shape."""
    try:
        columns = []
        for item in raw["columns"]:
            ctype = item["type"]
            if ctype not in _TYPES:
                raise DatasetError(
                    f"{source}: column {item['name']!r} has type {ctype!r}; "
                    f"use one of {', '.join(_TYPES)}."
                )
            columns.append(
                Column(
                    name=str(item["name"]),
                    type=ctype,
                    description=str(item["description"]),
                    unit=str(item.get("unit", "")),
                    required=bool(item.get("required", True)),
                    min=item.get("min"),
                    max=item.get("max"),
                    allowed=tuple(item.get("allowed", ())),
                    at_most=item.get("at_most"),
                )
            )
        schema = TableSchema(
            table=str(raw["table"]),
            description=str(raw["description"]),
            columns=tuple(columns),
            key=tuple(raw.get("key", ())),
        )
    except (KeyError, TypeError) as exc:
        raise DatasetError(f"{source}: the schema is missing or misnames {exc}.") from exc
    names = set(schema.names)
    for c in schema.columns:
        if c.at_most is not None and c.at_most not in names:
            raise DatasetError(f"{source}: {c.name} is 'at_most' {c.at_most!r}, not a column.")
    for k in schema.key:
        if k not in names:
            raise DatasetError(f"{source}: key column {k!r} is not a column.")
    return schema


def _format(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def _parse(text: str, column: Column, where: str) -> Cell:
    text = text.strip()
    if text == "":
        if column.required:
            raise DatasetError(f"{where}: {column.name} is blank but must have a value.")
        return None
    try:
        if column.type == "int":
            return int(text)
        if column.type == "float":
            number = float(text)
            if not math.isfinite(number):
                raise ValueError(text)
            return number
        if column.type == "date":
            return date.fromisoformat(text)
        if column.type == "bool":
            if text not in ("true", "false"):
                raise ValueError(text)
            return text == "true"
    except ValueError as exc:
        raise DatasetError(
            f"{where}: {column.name} should be {_TYPE_WORDS[column.type]} but is {text!r}."
        ) from exc
    return text


def validate_rows(rows: Sequence[Mapping[str, Cell]], schema: TableSchema, *, source: str) -> None:
    """Check typed rows against the schema; raise :class:`DatasetError` on the first problem."""
    seen: set[tuple[Cell, ...]] = set()
    for number, row in enumerate(rows, start=2):  # row 1 of the CSV is the header
        where = f"{source}, row {number}"
        missing = [n for n in schema.names if n not in row]
        if missing:
            raise DatasetError(f"{where}: no value for {', '.join(missing)}.")
        for c in schema.columns:
            value = row[c.name]
            if value is None:
                if c.required:
                    raise DatasetError(f"{where}: {c.name} is blank but must have a value.")
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if c.min is not None and value < c.min:
                    raise DatasetError(f"{where}: {c.name} is {value}, below its minimum {c.min}.")
                if c.max is not None and value > c.max:
                    raise DatasetError(f"{where}: {c.name} is {value}, above its maximum {c.max}.")
            if c.allowed and value not in c.allowed:
                raise DatasetError(
                    f"{where}: {c.name} is {value!r}; it must be one of {', '.join(c.allowed)}."
                )
            if c.at_most is not None:
                limit = row[c.at_most]
                if limit is not None and value > limit:  # type: ignore[operator]
                    raise DatasetError(
                        f"{where}: {c.name} ({value}) is more than {c.at_most} ({limit})."
                    )
        if schema.key:
            key = tuple(row[k] for k in schema.key)
            if key in seen:
                raise DatasetError(
                    f"{where}: a second row for {dict(zip(schema.key, key, strict=False))}."
                )
            seen.add(key)


def read_csv(path: Path, schema: TableSchema) -> list[Row]:
    """Read and type a CSV file, checking its header and every row against ``schema``."""
    source = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DatasetError(f"The data file {source} is missing.") from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{source} is not a readable text (UTF-8) file.") from exc
    if not text.strip():
        raise DatasetError(f"{source} is empty.")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise DatasetError(f"{source} is empty.") from exc
    except csv.Error as exc:
        raise DatasetError(f"{source} is not a readable CSV file: {exc}.") from exc
    if header != schema.names:
        raise DatasetError(
            f"{source}: the columns are {', '.join(header)} but the schema expects "
            f"{', '.join(schema.names)}."
        )
    rows: list[Row] = []
    try:
        for number, record in enumerate(reader, start=2):
            if len(record) != len(header):
                raise DatasetError(
                    f"{source}, row {number}: {len(record)} values for {len(header)} columns."
                )
            where = f"{source}, row {number}"
            rows.append(
                {
                    c.name: _parse(cell, c, where)
                    for c, cell in zip(schema.columns, record, strict=False)
                }
            )
    except csv.Error as exc:
        raise DatasetError(f"{source} is not a readable CSV file: {exc}.") from exc
    validate_rows(rows, schema, source=source)
    return rows


def to_csv_text(rows: Iterable[Mapping[str, Cell]], columns: Sequence[str]) -> str:
    """The CSV text for ``rows`` (Unix line endings, so files are byte-stable across systems)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_format(row[c]) for c in columns])
    return buffer.getvalue()


def write_csv(path: Path, rows: Iterable[Mapping[str, Cell]], columns: Sequence[str]) -> None:
    """Write ``rows`` to ``path`` atomically (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, to_csv_text(rows, columns))
