"""Find, load and validate the files under ``datasets/``, from any working folder.

In a checkout the files are read from the repository's ``datasets/`` folder; in an installed
wheel they are inside the package (``coursework_kit/_datasets``). Tables are CSV with a
``.schema.yaml`` beside them; question banks and catalogues are YAML checked against a JSON
Schema (``*.schema.json``) named by the caller.

Per-learner variants: ``load_campaigns(learner="ab123")`` builds that learner's own table from
the same seeded generator that made the shipped file, so a learner always gets the same
figures and two learners get different ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coursework_kit.datasets import _tables
from coursework_kit.errors import DatasetError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "compiled_schema",
    "data_dir",
    "data_path",
    "load_campaigns",
    "load_contacts",
    "load_email_sends",
    "load_rows",
    "load_yaml",
    "table_schema",
    "validate",
]

_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder that holds the datasets: inside the installed package, or the checkout's."""
    for candidate in (_PACKAGE / "_datasets", _PACKAGE.parent / "datasets"):
        if candidate.is_dir():
            return candidate
    raise DatasetError(
        "The coursework datasets cannot be found. Reinstall coursework-kit "
        "(see the README) and try again."
    )


def data_path(relative: str) -> Path:
    """The full path of ``relative`` (e.g. "metrics/weekly_channels.csv"); it must exist."""
    base = data_dir()
    path = (base / relative).resolve()
    if base.resolve() not in path.parents:
        raise DatasetError(f"{relative!r} is outside the datasets folder.")
    if not path.is_file():
        raise DatasetError(f"There is no data file {relative!r} in the datasets folder.")
    return path


def _yaml_text(path: Path) -> Any:
    import yaml

    from coursework_kit.datasets import _yaml

    # libyaml's safe loader when PyYAML was built with it: the same documents, read about ten
    # times faster than the pure-Python one (a chat scenario in a millisecond, not twenty);
    # a key given twice in one section is refused (plain YAML would drop the first).
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.load(text, Loader=_yaml.loader())
    except yaml.YAMLError as exc:
        line, message = _yaml.problem(exc, text)
        raise DatasetError(f"{path.name} is not valid YAML at line {line}: {message}") from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path.name} is not a readable text (UTF-8) file.") from exc
    except FileNotFoundError as exc:
        raise DatasetError(f"There is no file {path}.") from exc


def load_yaml(relative: str | Path, *, schema: str | None = None) -> Any:
    """Parse a YAML file; if ``schema`` names a JSON Schema under datasets/, validate it.

    ``relative`` may also be an absolute path (a tutor's own file); ``schema`` is always one of
    the project's schemas.
    """
    path = Path(relative) if Path(relative).is_absolute() else data_path(str(relative))
    document = _yaml_text(path)
    if schema is not None:
        validate(document, schema, source=path.name)
    return document


@cache
def _json_schema(relative: str) -> Any:
    return json.loads(data_path(relative).read_text(encoding="utf-8"))


@cache
def compiled_schema(relative: str) -> Callable[[Any], Any]:
    """The JSON Schema ``relative`` (under datasets/), compiled once per process by
    ``fastjsonschema`` (already needed by nbformat; it imports in milliseconds, where
    ``jsonschema`` takes seconds). Raises ``fastjsonschema.JsonSchemaValueException``."""
    import fastjsonschema

    check: Callable[[Any], Any] = fastjsonschema.compile(_json_schema(relative))
    return check


def validate(document: Any, schema: str, *, source: str) -> None:
    """Check ``document`` against the JSON Schema ``schema``; one plain message per problem.

    A document that fits is passed by the fast compiled check; only one that does not is read
    again by ``jsonschema``, which lists every problem (and so is only imported then).
    """
    import fastjsonschema

    try:
        compiled_schema(schema)(document)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    import jsonschema

    validator = jsonschema.Draft202012Validator(_json_schema(schema))
    problems = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if problems:  # (none: only the fast check's stricter reading of a "format" failed)
        lines = [
            f"- at {'/'.join(str(p) for p in e.absolute_path) or 'the top'}: {e.message}"
            for e in problems[:10]
        ]
        raise DatasetError(f"{source} does not match its schema:\n" + "\n".join(lines))


@cache
def table_schema(relative_csv: str) -> _tables.TableSchema:
    """The schema of a CSV table, from the ``.schema.yaml`` file beside it."""
    schema_file = relative_csv.removesuffix(".csv") + ".schema.yaml"
    raw = _yaml_text(data_path(schema_file))
    return _tables.schema_from_mapping(raw, source=schema_file)


def load_rows(relative_csv: str) -> list[_tables.Row]:
    """A shipped CSV table as typed rows, validated against its schema."""
    return _tables.read_csv(data_path(relative_csv), table_schema(relative_csv))


def _frame(rows: list[_tables.Row], relative_csv: str) -> pd.DataFrame:
    import pandas as pd

    schema = table_schema(relative_csv)
    frame = pd.DataFrame(rows, columns=schema.names)
    for column in schema.columns:
        if column.type == "int":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.type == "date":
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.type == "bool":
            frame[column.name] = frame[column.name].astype("boolean")
    frame.attrs["units"] = {c.name: c.unit for c in schema.columns}
    result: pd.DataFrame = frame
    return result


def _variant(relative_csv: str, learner: str | None, purpose: str) -> list[_tables.Row]:
    if learner is None:
        return load_rows(relative_csv)
    from coursework_kit.datasets import _synth_campaigns, _synth_contact_centre
    from coursework_kit.learner import variant_seed

    if not isinstance(learner, str) or not learner.strip():
        raise DatasetError("A learner id must be some text, for example 'ab123'.")
    seed = variant_seed(learner, purpose)
    makers = {
        "metrics/weekly_channels.csv": _synth_campaigns.weekly_channels,
        "metrics/email_sends.csv": _synth_campaigns.email_sends,
        "contact_centre/contacts.csv": _synth_contact_centre.contacts,
    }
    rows = makers[relative_csv](seed)
    _tables.validate_rows(rows, table_schema(relative_csv), source=f"{relative_csv} ({learner})")
    return rows


def load_campaigns(*, learner: str | None = None) -> pd.DataFrame:
    """Weekly campaign performance by channel: the course's table, or ``learner``'s own."""
    path = "metrics/weekly_channels.csv"
    return _frame(_variant(path, learner, "campaigns"), path)


def load_email_sends(*, learner: str | None = None) -> pd.DataFrame:
    """The weekly email sends behind the email channel (same variant as load_campaigns)."""
    path = "metrics/email_sends.csv"
    return _frame(_variant(path, learner, "campaigns"), path)


def load_contacts(*, learner: str | None = None) -> pd.DataFrame:
    """Contact-centre contacts by channel: the course's table, or ``learner``'s own."""
    path = "contact_centre/contacts.csv"
    return _frame(_variant(path, learner, "contact-centre"), path)
