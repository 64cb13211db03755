"""Drawing a learner's own personal details for a chat scenario (for :mod:`.personal`): names
from pools of ordinary UK names, codes in the same format, postcodes, emails, phone numbers and
amounts, every new value different from every old one."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from coursework_kit.errors import CourseworkError

if TYPE_CHECKING:
    from coursework_kit.chat.personal import Detail


def _pool(names: str) -> tuple[str, ...]:
    return tuple(names.split())


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


def _alnum(value: str) -> str:
    return "".join(c for c in value if c.isalnum()).upper()


def _money(value: str) -> float:
    return float(value.replace("£", "").replace(",", ""))


def _fmt_money(amount: float, whole: bool) -> str:
    return f"{amount:,.0f}" if whole else f"{amount:,.2f}"


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
