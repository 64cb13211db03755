"""Writing a learner's own personal details in place of the scenario's (for :mod:`.personal`):
in text, and in patterns, where each value is written as the pattern wrote the old one."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from coursework_kit.chat._personal_draw import _alnum, _fmt_money, _money

if TYPE_CHECKING:
    from coursework_kit.chat.personal import Detail


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


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
