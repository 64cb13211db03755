"""Each learner's own customer: the personal details in a chat scenario, drawn for one learner.

A scenario lists its customer's personal details in a ``personal:`` block: each detail's kind
(name, email, order, postcode, phone, card, reference, money, date_of_birth) and the value the
scenario's text uses. :func:`personalise` draws new values for a learner, from a seed that only
the learner id and the scenario's id decide, and writes them in everywhere the scenario holds
text: the customer's lines, the facts on screen, the notes, and the patterns (account details,
remedies, forbidden promises), where each value is written as the pattern wrote the old one.

The new values are synthetic: names from a mixed pool of ordinary UK names (same gender as the
original customer), order numbers and references in the same format, postcodes with the real
outward code and a made-up inward code, emails on example domains, mobile numbers in Ofcom's
range for drama (07700 900000 to 900999), and amounts a little different but on the same side
of the adviser's refund limit (and of any ``min``/``max`` the scenario gives).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coursework_kit.chat._personal_draw import _pool, draw
from coursework_kit.chat._personal_rewrite import Rewriter
from coursework_kit.errors import CourseworkError

if TYPE_CHECKING:
    from coursework_kit.chat.scenario import Scenario

__all__ = ["KINDS", "Detail", "fill_placeholders", "personalise", "placeholders", "translate"]

KINDS = _pool("name email order postcode phone card reference money date_of_birth")
PATTERN_FIELDS = ("account_details", "cannot_promise", "resolution_keywords")


@dataclass(frozen=True)
class Detail:
    """One personal detail as the scenario's text writes it.

    ``gender`` and ``age`` ("older") choose the pool a name comes from; ``min``/``max`` bound a
    money amount; ``sum`` makes an amount the total of others (by their written values);
    ``after`` makes a reference the one after another (two payments in a row).
    """

    kind: str
    value: str
    gender: str = ""
    age: str = ""
    min: float | None = None
    max: float | None = None
    sum: tuple[str, ...] = ()
    after: str = ""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Detail:
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        values["value"] = str(values["value"])
        values["sum"] = tuple(str(s) for s in values.get("sum", ()))
        return cls(**values)


def _walk(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, tuple):
        return tuple(_walk(v, fn) for v in value)
    if isinstance(value, dict):
        return {k: _walk(v, fn) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name), fn) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _words(scenario: Scenario) -> frozenset[str]:
    texts: list[str] = []

    def keep(text: str) -> str:
        texts.append(text)
        return text

    _walk(dataclasses.replace(scenario, personal=()), keep)
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z']+", " ".join(texts)))


def personalise(scenario: Scenario, learner: str) -> Scenario:
    """``scenario`` with ``learner``'s own details written in everywhere (see the module)."""
    from coursework_kit.learner import variant_seed

    learner = learner.strip() if isinstance(learner, str) else ""
    if not learner:
        raise CourseworkError("A learner id is needed to give the chat that learner's details.")
    base = scenario.original or scenario
    seed = variant_seed(learner, "chat:" + base.id)
    new = draw(base.personal, seed, refund_limit=base.refund_limit, words=_words(base))
    rewrite = Rewriter(new)
    changes = {}
    for f in dataclasses.fields(base):
        if f.name in ("id", "kb", "personal", "learner", "original", "units", "channel"):
            continue
        how = rewrite.pattern if f.name in PATTERN_FIELDS else rewrite.text
        changes[f.name] = _walk(getattr(base, f.name), how)
    written = {d.value: _as_declared(d, new[d]) for d in base.personal}
    personal = tuple(
        dataclasses.replace(
            d,
            value=written[d.value],
            sum=tuple(written[part] for part in d.sum),
            after=written[d.after] if d.after else "",
        )
        for d in base.personal
    )
    return dataclasses.replace(base, **changes, personal=personal, learner=learner, original=base)


def translate(text: str, copy: Scenario) -> str:
    """``text`` written for the scenario as it stands (a model chat, say) with ``copy``'s
    details in place of the original ones, as :func:`personalise` writes them in."""
    base = copy.original
    if base is None:
        return text
    new = {
        old: mine.value[:-3] if old.kind == "money" and mine.value.endswith(".00") else mine.value
        for old, mine in zip(base.personal, copy.personal, strict=True)
    }
    return Rewriter(new).text(text)


def _as_declared(detail: Detail, new: str) -> str:
    """A new amount written as the scenario declared the old one ("38.00", not "38")."""
    if detail.kind == "money" and "." in detail.value and "." not in new:
        return f"{new}.00"
    return new


def placeholders(scenario: Scenario) -> dict[str, str]:
    """The scenario's details by the names a script may use: ``{first_name}``, ``{surname}``,
    ``{name}``, then ``{order}``, ``{postcode}``, ``{email}``... (the first of each kind; a
    second order is ``{order2}``). Money is written as the scenario writes it, without "£"."""
    out: dict[str, str] = {}
    counts: dict[str, int] = {}
    for d in scenario.personal:
        counts[d.kind] = counts.get(d.kind, 0) + 1
        key = d.kind if counts[d.kind] == 1 else f"{d.kind}{counts[d.kind]}"
        out[key] = d.value
        if d.kind == "name" and counts[d.kind] == 1:
            out["first_name"], _, out["surname"] = d.value.partition(" ")
    return out


def fill_placeholders(text: str, scenario: Scenario) -> str:
    """``text`` with each ``{placeholder}`` (see :func:`placeholders`) filled from ``scenario``.

    >>> from coursework_kit.chat.scenario import load_scenario
    >>> fill_placeholders("Hi {first_name}", load_scenario("late-delivery"))
    'Hi Priya'
    """
    known = placeholders(scenario)

    def fill(found: re.Match[str]) -> str:
        if found[1] not in known:
            raise CourseworkError(
                f"{{{found[1]}}} is not a detail of the scenario {scenario.id!r}; "
                f"use one of {', '.join('{' + k + '}' for k in known)}."
            )
        return known[found[1]]

    return re.sub(r"\{([a-z_0-9]+)\}", fill, text)
