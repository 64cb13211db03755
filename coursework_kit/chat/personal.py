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
import random
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coursework_kit.errors import CourseworkError

if TYPE_CHECKING:
    from coursework_kit.chat.scenario import Scenario

__all__ = ["KINDS", "Detail", "fill_placeholders", "personalise", "placeholders", "translate"]


def _pool(names: str) -> tuple[str, ...]:
    return tuple(names.split())


KINDS = _pool("name email order postcode phone card reference money date_of_birth")
PATTERN_FIELDS = ("account_details", "cannot_promise", "resolution_keywords")


_FIRST = {
    "female": _pool(
        """Amelia Olivia Emily Hannah Jessica Laura Rebecca Megan Zara Aisha Priya Fatima Amara
        Leah Ellie Rhiannon Siobhan Kirsty Catriona Nadia Yasmin Shanice Abigail Charlotte Lucy
        Natalie Gemma Nikita Ifeoma Agnieszka Sana Bethan Eilidh Anita Kemi Chloe Sophie Niamh
        Grace Mei Jasmine Roisin Tamsin Safiya"""
    ),
    "male": _pool(
        """James Oliver Thomas Daniel Callum Ryan Gary Mohammed Imran Arjun Ravi Kwame Tunde
        Chinedu Marcus Jamal Liam Connor Sean Rhys Owen Dylan Ewan Fraser Lewis Adam Nathan
        Kieran Jake Aaron Wei Tomasz Piotr Hassan Yusuf Sanjay Craig Darren Stuart Gareth Harjit
        Andrew Kofi Malik"""
    ),
}
_FIRST_OLDER = {  # for a customer the scenario writes as older (a grandson, a late husband)
    "female": _pool(
        """Margaret Patricia Barbara Jean Sheila Maureen Brenda Pauline Valerie Gwen Irene Doreen
        Sylvia Rita Kathleen Agnes Shirley Veronica Dorothy Parveen Gurdeep Mavis Bernadette
        Kamala Elaine Joan Marjorie Beryl Lorna Hyacinth Olive Philomena Nasreen Wendy Carol"""
    ),
    "male": _pool(
        """Kenneth Brian Derek Colin Malcolm Trevor Raymond Gordon Keith Dennis Clifford Winston
        Mohinder Desmond Alan Roy Geoffrey Leonard Harold Stanley Cyril Norman Vernon Ernest"""
    ),
}
# No surname that is an everyday word ("Hall", "Green") or a product's name ("Marlow").
_SURNAMES = _pool(
    """Smith Jones Taylor Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker
    Roberts Jackson Clarke Patel Khan Ahmed Hussain Begum Singh Kaur Sharma Chowdhury Ali Okafor
    Mensah Adeyemi Owusu Boateng Campbell Stewart MacDonald Murray Fraser Kelly Murphy Byrne
    Quinn Gallagher Lloyd Morgan Hughes Griffiths Chen Wong Nowak Kowalski Nguyen Francis
    Baptiste Edwards Foster Harris Lewis Chapman Mitchell Barker Shah Bennett Doyle Dhillon
    Rahman Mahmood Osei Okonkwo Sandhu Gill McKenzie Jenkins Pritchard O'Brien Kaminski Lin Rowe
    Fletcher Sutherland Henderson Nolan"""
)
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters a postcode's inward code may use
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


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


def _alnum(value: str) -> str:
    return "".join(c for c in value if c.isalnum()).upper()


def _money(value: str) -> float:
    return float(value.replace("£", "").replace(",", ""))


def _fmt_money(amount: float, whole: bool) -> str:
    return f"{amount:,.0f}" if whole else f"{amount:,.2f}"


# -- drawing new values ---------------------------------------------------------------------


def _code(value: str, rng: random.Random) -> str:
    """Same letters and layout; every digit redrawn (a run of digits never starts with 0)."""
    out, previous = [], ""
    for c in value:
        out.append(str(rng.randint(1 if not previous.isdigit() else 0, 9)) if c.isdigit() else c)
        previous = c
    return "".join(out)


def _name(detail: Detail, rng: random.Random, words: frozenset[str]) -> str:
    first, _, surname = detail.value.partition(" ")
    gender = detail.gender or "female"
    pool = (_FIRST_OLDER if detail.age == "older" else _FIRST)[gender]
    firsts = [n for n in pool if n != first and n.lower() not in words]
    surnames = [n for n in _SURNAMES if n != surname and n.lower() not in words]
    return f"{rng.choice(firsts)} {rng.choice(surnames)}"


def _email(original: str, old_name: str, new_name: str, rng: random.Random) -> str:
    """An email built like ``original`` but from the new name ("d.evans.writes@...")."""
    local = original.split("@")[0].lower()
    old_first, _, old_surname = old_name.lower().partition(" ")
    first, _, surname = (re.sub(r"[^a-z ]", "", n) for n in new_name.lower().partition(" "))
    made = re.sub(
        r"\d+", lambda m: str(rng.randint(10 ** (len(m[0]) - 1), 10 ** len(m[0]) - 1)), local
    )
    for old, new in ((re.sub(r"[^a-z]", "", old_surname), surname), (old_first, first)):
        made = made.replace(old, new) if old else made
    if made == local:  # the name was not in it: build one from the new name
        made = f"{first}.{surname}{rng.randint(10, 99)}"
    elif made.startswith(f"{old_first[:1]}.") and not made.startswith(f"{first}."):
        made = f"{first[:1]}.{made[2:]}"
    return f"{made}@{rng.choice(_EMAIL_DOMAINS)}"


def _amount(detail: Detail, rng: random.Random, refund_limit: float) -> str:
    old = _money(detail.value)
    whole = old == int(old)
    over = old > refund_limit
    for _ in range(500):
        new = old * rng.uniform(0.72, 1.28)
        new = float(round(new)) if whole else round(new, 2)
        if whole and int(old) % 10 == 9 and new >= 10:
            new = float(int(new) // 10 * 10 + 9)
        if (
            new > 0
            and new != old
            and abs(new - old) <= 0.3 * old
            and (new > refund_limit) == over
            and (detail.min is None or new >= detail.min)
            and (detail.max is None or new <= detail.max)
        ):
            return _fmt_money(new, whole)
    raise CourseworkError(f"No amount near {detail.value} fits the scenario's limits.")


def _draw_one(detail: Detail, rng: random.Random, refund_limit: float) -> str:
    v = detail.value
    if detail.kind == "order":
        prefix = re.match(r"\D*", v)
        return f"{prefix[0] if prefix else ''}{rng.randint(10000, 99999)}"
    if detail.kind == "phone":
        return v[:-3] + f"{rng.randint(0, 999):03d}"
    if detail.kind == "postcode":
        outward, _ = v.split() if " " in v else (v[:-3], v[-3:])
        new = f"{rng.randint(0, 9)}{rng.choice(_INWARD_LETTERS)}{rng.choice(_INWARD_LETTERS)}"
        return f"{outward} {new}" if " " in v else f"{outward}{new}"
    if detail.kind == "card":
        return f"{rng.randint(0, 9999):04d}"
    if detail.kind == "date_of_birth":
        return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1955, 2003)}"
    if detail.kind == "money":
        return _amount(detail, rng, refund_limit)
    return _code(v, rng)  # a reference: same format, new digits


def draw(
    details: Iterable[Detail], seed: int, *, refund_limit: float, words: frozenset[str]
) -> dict[Detail, str]:
    """New values for ``details`` from ``seed``: every new value differs from every old one.

    ``words`` are the scenario's words: a drawn name must not be one of them ("Hall").
    """
    details = tuple(details)
    rng = random.Random(seed)
    old_codes = {_alnum(d.value) for d in details}
    new: dict[Detail, str] = {}
    by_value = {d.value: d for d in details}
    names = [d for d in details if d.kind == "name"]
    for d in names:
        new[d] = _name(d, rng, words)
    for d in details:
        if d.kind in ("name", "email") or d.sum or d.after:
            continue
        for _ in range(100):
            value = _draw_one(d, rng, refund_limit)
            if d.kind == "money" or _alnum(value) not in old_codes | {
                _alnum(x) for x in new.values()
            }:
                break
        new[d] = value
    for d in details:
        if d.kind == "email":
            old_name = names[0].value if names else ""
            new[d] = _email(d.value, old_name, new[names[0]] if names else "", rng)
        elif d.sum:
            parts = [by_value[s] for s in d.sum]
            for _ in range(100):  # a total that comes out as the old one would give it away
                total = sum(_money(new[p]) for p in parts)
                if total != _money(d.value):
                    break
                for p in parts:
                    new[p] = _draw_one(p, rng, refund_limit)
            new[d] = _fmt_money(total, all(_money(new[p]).is_integer() for p in parts))
        elif d.after:
            base = new[by_value[d.after]]
            digits = re.search(r"\d+$", base)
            if digits is None:
                raise CourseworkError(f"The reference {d.after} does not end in a number.")
            bumped = str(int(digits[0]) + 1).zfill(len(digits[0]))
            new[d] = base[: digits.start()] + bumped
    return new


# -- writing them in --------------------------------------------------------------------------


def _styled(new: str, found: str) -> str:
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and all(c.islower() for c in letters):
        return new.lower()
    return new


def _name_re(name: str) -> str:
    return re.escape(name).replace("'", "['’]")


def _separators(found: str, separator: str) -> list[str]:
    """What comes after each letter or digit of ``found`` (a code): its separators, by place."""
    out: list[str] = []
    for piece in re.findall(rf"[A-Za-z0-9](?:{separator})?", found):
        out.append(piece[1:])
    return out


_TEXT_SEP = r"[ -]"
_PATTERN_SEP = r"\\s[?*+]?|\[ -\]\?|\\?-\??| \??"


def _code_forms(old: str, new: str, separator: str) -> tuple[str, Callable[[str], str]]:
    chars = _alnum(old)
    source = f"(?:{separator})?".join(re.escape(c) for c in chars)
    matcher = rf"(?<![A-Za-z0-9]){source}(?![A-Za-z0-9])"
    fresh = _alnum(new)

    def replace(found: str) -> str:
        seps = _separators(found, separator)
        body = "".join(c + (seps[i] if i < len(seps) else "") for i, c in enumerate(fresh))
        return _styled(body, found) if any(c.isalpha() for c in fresh) else body

    return matcher, replace


def _forms(detail: Detail, new: str, *, pattern: bool) -> list[tuple[str, Callable[[str], str]]]:
    """(regular expression finding the old value as written, what to write instead) pairs."""
    old, kind = detail.value, detail.kind
    esc: Callable[[str], str] = re.escape if pattern else (lambda s: s)
    if kind == "name":
        first, _, surname = old.partition(" ")
        new_first, _, new_surname = new.partition(" ")
        f, s = _name_re(first), _name_re(surname)
        initial = rf"\b(?-i:{re.escape(first[0])})\.?\s+{s}\b"
        return [
            (rf"\b{f}\s+{s}\b", lambda m: _styled(esc(new), m)),
            (
                initial,
                lambda m: _styled(esc(f"{new_first[0]}{m[1 : -len(surname)]}{new_surname}"), m),
            ),
            (rf"\b{s}\b", lambda m: _styled(esc(new_surname), m)),
            (rf"\b{f}\b", lambda m: _styled(esc(new_first), m)),
        ]
    if kind == "email":
        source = (
            "".join(r"\\?\." if c == "." else re.escape(c) for c in old)
            if pattern
            else re.escape(old)
        )
        return [(rf"(?<![\w.]){source}(?![\w])", lambda _m: esc(new))]
    if kind == "money":
        whole = _money(old).is_integer()
        amount = re.escape(_fmt_money(_money(old), whole)).replace(",", ",?")
        pence = (r"(?:\\\.00|\.00)?" if pattern else r"(?:\.00)?") if whole else ""
        space = r"(?: \?|\\s\?| )?" if pattern else r"\s?"
        matcher = rf"£({space}){amount}{pence}(?!\d|\.\d|,\d)"

        def money(found: str) -> str:
            gap = re.match(rf"£({space})", found)
            tail = ".00" if found.endswith("00") and "." in found[1:] else ""
            tail = tail.replace(".", r"\.") if pattern else tail
            return f"£{gap[1] if gap else ''}{new}{tail}"

        return [(matcher, money)]
    if kind == "date_of_birth":
        d, m, y = old.split("/")
        nd, nm, ny = new.split("/")
        loose = f"{d}(/| )({m}|{_MONTHS[int(m) - 1]})(/| ){y}"
        fresh = f"{nd}(/| )({nm}|{_MONTHS[int(nm) - 1]})(/| ){ny}"
        forms: list[tuple[str, Callable[[str], str]]] = [
            (rf"(?<!\d){re.escape(old)}(?!\d)", lambda _f: new)
        ]
        if pattern:
            forms.insert(0, (re.escape(loose), lambda _f: fresh))
        return forms
    return [_code_forms(old, new, _PATTERN_SEP if pattern else _TEXT_SEP)]


class Rewriter:
    """Writes a learner's details in place of the old ones, in text and in patterns."""

    def __init__(self, new: Mapping[Detail, str]) -> None:
        self.new = dict(new)
        self._text = self._compile(pattern=False)
        self._pattern = self._compile(pattern=True)

    def _compile(self, *, pattern: bool) -> tuple[re.Pattern[str], list[Callable[[str], str]]]:
        forms = [
            (len(d.value), i, source, fn)
            for i, (d, value) in enumerate(self.new.items())
            for source, fn in _forms(d, value, pattern=pattern)
        ]
        forms.sort(key=lambda item: -item[0])  # the longest first: an email before a surname
        if not forms:
            return re.compile(r"(?!)"), []
        joined = "|".join(f"(?P<g{n}>{source})" for n, (_, _, source, _) in enumerate(forms))
        return re.compile(joined, re.IGNORECASE), [fn for *_, fn in forms]

    def text(self, value: str) -> str:
        found, fns = self._text
        return found.sub(lambda m: fns[int(str(m.lastgroup)[1:])](m[0]), value)

    def pattern(self, value: str) -> str:
        found, fns = self._pattern
        return found.sub(lambda m: fns[int(str(m.lastgroup)[1:])](m[0]), value)


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
