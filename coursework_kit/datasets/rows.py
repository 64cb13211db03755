"""The course's tables as plain Python rows, for notebooks that must start fast.

``load_campaigns()`` and friends give pandas tables, which the dashboards and planners need;
pandas takes about half a second to import in every kernel. The assignments' set-up cells only
pick out a few rows and add up a few columns, so they use these instead: the same figures, from
the same seeded generator, with nothing heavier than the standard library.

>>> search = campaign_rows(learner="ab123").where(channel="paid_search")
>>> len(search)
12
>>> week5 = search.one(week=5)
>>> week5.clicks == week5["clicks"]
True
>>> search.total("clicks") == sum(row.clicks for row in search)
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import overload

from coursework_kit._english import count
from coursework_kit.datasets import _variant, table_schema
from coursework_kit.datasets._tables import Cell
from coursework_kit.errors import DatasetError

__all__ = ["Row", "Rows", "campaign_rows", "contact_rows", "email_send_rows"]


class Row(Mapping[str, Cell]):
    """One row of a table: read a value as ``row.clicks`` or ``row["clicks"]``."""

    __slots__ = ("_values",)
    _values: dict[str, Cell]

    def __init__(self, values: Mapping[str, Cell]) -> None:
        object.__setattr__(self, "_values", dict(values))

    def __getitem__(self, column: str) -> Cell:
        try:
            return self._values[column]
        except KeyError:
            raise KeyError(_no_column(column, self._values)) from None

    def __getattr__(self, column: str) -> Cell:
        if column.startswith("_"):
            raise AttributeError(column)
        try:
            return self._values[column]
        except KeyError:
            raise AttributeError(_no_column(column, self._values)) from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("A row of a course table cannot be changed.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        inside = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"Row({inside})"


class Rows(Sequence[Row]):
    """Rows of a table, in order, with the few things a set-up cell needs: pick rows out with
    :meth:`where` or :meth:`one`, add up a column with :meth:`total`."""

    def __init__(self, rows: Sequence[Mapping[str, Cell]], *, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        self._rows = tuple(r if isinstance(r, Row) else Row(r) for r in rows)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> Rows: ...

    def __getitem__(self, index: int | slice) -> Row | Rows:
        if isinstance(index, slice):
            return Rows(self._rows[index], columns=self.columns)
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def _check(self, column: str) -> None:
        if column not in self.columns:
            raise DatasetError(_no_column(column, self.columns))

    def where(self, **equal: Cell) -> Rows:
        """The rows whose columns have these values, e.g. ``where(channel="email", week=3)``."""
        for column in equal:
            self._check(column)
        chosen = [r for r in self._rows if all(r[c] == v for c, v in equal.items())]
        return Rows(chosen, columns=self.columns)

    def one(self, **equal: Cell) -> Row:
        """The single row with these values; an error if there is none, or more than one."""
        chosen = self.where(**equal)
        wanted = ", ".join(f"{c} {v!r}" for c, v in equal.items())
        if len(chosen) != 1:
            found = "is no row" if not chosen else f"are {count(len(chosen), 'row')}"
            raise DatasetError(f"There {found} with {wanted}; expected exactly one.")
        return chosen[0]

    def values(self, column: str) -> list[Cell]:
        """The column's values, in order, leaving out blanks."""
        self._check(column)
        return [r[column] for r in self._rows if r[column] is not None]

    def total(self, column: str) -> int | float:
        """The column added up, leaving out blanks: a whole number for a column of whole numbers
        (or of true/false, which counts the trues), else a float added up without rounding
        drift."""
        whole: list[int] = []
        numbers: list[float] = []
        for value in self.values(column):
            if isinstance(value, int):  # bool is an int: True counts as 1
                whole.append(int(value))
            elif isinstance(value, float):
                numbers.append(value)
            else:
                raise DatasetError(
                    f"The column {column!r} is not numbers, so it cannot be added up."
                )
        if not numbers:
            return sum(whole)
        return math.fsum([*whole, *numbers])

    def __repr__(self) -> str:
        return f"<Rows: {len(self)} rows of {', '.join(self.columns)}>"

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(_shown(r[c]))}</td>" for c in self.columns)
            + "</tr>"
            for r in self._rows
        )
        return f"<table><tr>{head}</tr>{body}</table>"


def _shown(value: Cell) -> str:
    return "" if value is None else str(value)


def _no_column(column: str, columns: Mapping[str, Cell] | Sequence[str]) -> str:
    return f"There is no column {column!r}. The columns are: {', '.join(columns)}."


def _rows(relative_csv: str, learner: str | None, purpose: str) -> Rows:
    records = _variant(relative_csv, learner, purpose)
    return Rows(records, columns=table_schema(relative_csv).names)


def campaign_rows(*, learner: str | None = None) -> Rows:
    """Weekly campaign performance by channel, as ``load_campaigns`` gives it, as rows."""
    return _rows("metrics/weekly_channels.csv", learner, "campaigns")


def email_send_rows(*, learner: str | None = None) -> Rows:
    """The weekly email sends, as ``load_email_sends`` gives them, as rows."""
    return _rows("metrics/email_sends.csv", learner, "campaigns")


def contact_rows(*, learner: str | None = None) -> Rows:
    """Contact-centre contacts by channel, as ``load_contacts`` gives them, as rows."""
    return _rows("contact_centre/contacts.csv", learner, "contact-centre")
