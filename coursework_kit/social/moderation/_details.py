"""Personal details in what customers and moderators write: UK phone numbers in the forms
people type them, email addresses and Harbour & Pine order numbers. Private to
:mod:`coursework_kit.social.moderation.reply`.

A UK number is 0 and 9 or 10 more digits (07700 900461, 0113 496 0000, 020 7946 0000,
0800 123 4567), or the same after +44 or 0044 without its 0, sometimes with the 0 kept in
brackets: +44 (0)7700 900461. People group the digits with spaces, dots or dashes and put the
area code in brackets: (0113) 496 0000. Dates (01.12.2026), prices (£1,299.00), times and
order numbers (HP-20417, or a number just after "order") are not phone numbers.
"""

from __future__ import annotations

import re

__all__ = ["PHONE", "is_phone", "personal_details", "phone_key", "phones"]

# One separator between digit groups: a space, dot or dash, with a closing bracket before it
# when the area code is in brackets.
_GAP = r"(?:\)?[ \t\u00a0.\-]?)"
_INTERNATIONAL = r"(?:\+[ \t]?|00[ \t]?)44[ \t.\-]?(?:\(0\)[ \t.\-]?|0[ \t.\-]?)?\(?"
PHONE = re.compile(
    r"(?<![\w+/\-])(?<!\d[ .])"  # not the middle of a longer number, a code or a date
    rf"(?:{_INTERNATIONAL}|\(?0)"
    rf"[1-9](?:{_GAP}\d){{8,9}}"
    r"(?![ \t.\-]?\d)(?![\w/])"
)
_ORDER = re.compile(r"\bHP-\d{4,6}\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# A number just after one of these words is an order, account or parcel number.
_LABELLED = re.compile(
    r"\b(?:order|ref|reference|invoice|tracking|account|parcel|item|product|sku|receipt)"
    r"(?:\s*(?:no\.?|number|num|id))?\s*[:#.]?\s*\(?$",
    re.IGNORECASE,
)


def phone_key(text: str) -> str:
    """A phone number as its national digits (0 and the rest), however it was typed.

    >>> phone_key("+44 (0)7700 900461"), phone_key("0044 113 496 0000")
    ('07700900461', '01134960000')
    """
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and text.lstrip().startswith("+"):
        digits = digits[2:]
    return "0" + digits.lstrip("0")


def phones(text: str) -> list[str]:
    """The UK phone numbers in ``text``, as written.

    >>> phones("Ring +44 (0)7700 900461 or (0113) 496 0000, not order 01234567890 on 01.12.2026")
    ['+44 (0)7700 900461', '(0113) 496 0000']
    """
    found = []
    for match in PHONE.finditer(text):
        if _LABELLED.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        number = match.group(0)
        if number.startswith("(") and ")" not in number:
            number = number[1:]  # a number in brackets: "(07700 900461)"
        found.append(number)
    return found


def is_phone(text: str) -> bool:
    """Whether ``text`` is one UK phone number and nothing else (brackets round it allowed)."""
    text = text.strip()
    return bool(PHONE.fullmatch(text) or PHONE.fullmatch(text.strip("()")))


def personal_details(text: str) -> list[str]:
    """Phone numbers, email addresses and order numbers found in ``text``, each once."""
    found = phones(text)
    found += [m.group(0) for m in _EMAIL.finditer(text)]
    found += [m.group(0) for m in _ORDER.finditer(text)]
    return list(dict.fromkeys(found))
