"""Plain English for messages: counts with the right plural, "a" or "an", lists, and names.

Every learner- and tutor-facing message that holds a number, a list or an id is built with these,
so "1 learners", "a 80% chance" and "for paid_social" cannot happen. :func:`slips` finds those
mistakes in finished text; the tests run it over the kit's messages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

__all__ = ["a_or_an", "after_verdict", "choices", "count", "join", "plural", "readable", "slips"]

# Nouns whose plural is not the noun with "s" added (only those the kit's messages use).
_PLURALS: Mapping[str, str] = {
    "person": "people",
    "child": "children",
    "reply": "replies",
    "query": "queries",
    "entry": "entries",
    "category": "categories",
    "company": "companies",
    "day": "days",
    "address": "addresses",
    "match": "matches",
    "search": "searches",
    "box": "boxes",
    "analysis": "analyses",
    "criterion": "criteria",
}


def plural(singular: str, number: float = 2) -> str:
    """``singular`` in the plural unless ``number`` is exactly one.

    >>> plural("learner", 1), plural("learner", 0), plural("reply", 3), plural("criterion", 2)
    ('learner', 'learners', 'replies', 'criteria')
    """
    if number == 1:
        return singular
    if singular in _PLURALS:
        return _PLURALS[singular]
    if re.search(r"[^aeiou]y$", singular):
        return singular[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", singular):
        return singular + "es"
    return singular + "s"


def count(number: float, singular: str, *, many: str | None = None) -> str:
    """A number and its noun: "1 learner", "0 learners", "2.5 hours".

    ``many`` gives the plural where :func:`plural` cannot guess it.

    >>> count(1, "learner"), count(0, "learner"), count(12, "character"), count(1.5, "hour")
    ('1 learner', '0 learners', '12 characters', '1.5 hours')
    >>> count(2, "sheep", many="sheep")
    '2 sheep'
    """
    noun = singular if number == 1 else (many or plural(singular, number))
    shown = f"{number:,}" if isinstance(number, int) else f"{number:,g}"
    return f"{shown} {noun}"


def a_or_an(word: str) -> str:
    """``word`` with "a" or "an" in front, by how it is said.

    >>> a_or_an("80% chance"), a_or_an("8-week plan"), a_or_an("11% rise"), a_or_an("1% rise")
    ('an 80% chance', 'an 8-week plan', 'an 11% rise', 'a 1% rise')
    >>> a_or_an("email"), a_or_an("unsubscribe link"), a_or_an("user"), a_or_an("hour")
    ('an email', 'an unsubscribe link', 'a user', 'an hour')
    >>> a_or_an("SMS"), a_or_an("URL"), a_or_an("110-day wait"), a_or_an("18-month plan")
    ('an SMS', 'a URL', 'a 110-day wait', 'an 18-month plan')
    """
    first = re.split(r"[\s-]", word.strip(), maxsplit=1)[0]
    return f"{'an' if _vowel_sound(first) else 'a'} {word.strip()}"


def _vowel_sound(first: str) -> bool:
    if not first:
        return False
    if first[0].isdigit():
        digits = re.match(r"[\d,]+", first)
        whole = digits.group(0).replace(",", "") if digits else ""
        if whole.startswith("8"):
            return True
        # 11 and 18, and 11,000 or 18 million, but not 110 or 1,100 (one hundred and ten).
        return len(whole) in (2, 5, 8) and whole[:2] in ("11", "18")
    lower = first.lower()
    if first.isupper() and len(first) > 1:  # an initialism said letter by letter: an SMS, a URL
        return first[0] in "AEFHILMNORSX"
    if lower.startswith(("uni", "use", "usu", "ura", "eu", "one", "once")):
        return False
    if lower.startswith(("hour", "honest", "honour", "heir")):
        return True
    return lower[0] in "aeiou"


def join(items: Iterable[str], *, last: str = "and") -> str:
    """A list the way people write it: "email", "email and SMS", "email, SMS and post".

    >>> join([]), join(["email"]), join(["email", "SMS"]), join(["email", "SMS", "post"], last="or")
    ('', 'email', 'email and SMS', 'email, SMS or post')
    """
    words = [item for item in items if item]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def choices(codes: Iterable[str]) -> str:
    """Codes a person may type, each in quotes as they would type it: "'cpm' or 'cpc'".

    >>> choices(["cpm", "cpc"]), choices(["hide", "reply", "escalate"]), choices([])
    ("'cpm' or 'cpc'", "'hide', 'reply' or 'escalate'", 'none')
    """
    return join((repr(str(code)) for code in codes), last="or") or "none"


def readable(identifier: str, names: Mapping[str, str] | None = None) -> str:
    """An id as words for a message: ``names[identifier]`` if given, else "paid_social" as
    "paid social".

    >>> readable("paid_social"), readable("cac", {"cac": "cost per acquisition (CAC)"})
    ('paid social', 'cost per acquisition (CAC)')
    """
    if names and identifier in names:
        return names[identifier]
    return re.sub(r"[_-]+", " ", identifier).strip()


def after_verdict(verdict: str, message: str) -> str:
    """``message`` without an opening that says ``verdict`` again, to follow the verdict.

    A verdict shown before a message ("Right!") must not be said twice when the message opens
    with it too ("Right. CTR is clicks ÷ impressions" would read "Right! Right. CTR is ...").

    >>> after_verdict("Right!", "Right: the social desk can deal with it.")
    'The social desk can deal with it.'
    >>> after_verdict("✔ Not yet.", "Not yet: check it."), after_verdict("Right.", "Right.")
    ('Check it.', '')
    >>> after_verdict("Not yet.", "Not so: a 3 is low."), after_verdict("Right.", "Rightly")
    ('Not so: a 3 is low.', 'Rightly')
    """
    words = re.findall(r"[^\W\d_][\w'-]*", verdict)
    if not words:
        return message
    opening = r"\s*" + r"\s+".join(map(re.escape, words)) + r"(?:[.!,:;]+\s*|\s*$)"
    match = re.match(opening, message, re.IGNORECASE)
    if not match:
        return message
    rest = message[match.end() :]
    return rest[:1].upper() + rest[1:]


_ONE_PLURAL = re.compile(r"(?<![\d.,£$])\b1 ([a-z]{3,}s)\b")
# "session 1 notes", "week 1 figures": the 1 names which one, it does not count the noun after it.
_NAMING = re.compile(
    r"\b(?:session|unit|week|level|page|step|part|chapter|question|item|number|no\.|version|"
    r"day|stage|year|module|turn|reply|attempt|line|row|column|task|scenario|channel|test|"
    r"option|figure|table|section|article|regulation|rule|variant|group|area|zone|tier|phase)"
    r"\s+$",
    re.IGNORECASE,
)
_NOT_PLURAL = {"pass", "class", "address", "business", "process", "analysis", "bus", "campus"}
_A_VOWEL = re.compile(r"\b([Aa]) ((?:8|11|18)[\d,.]*%?|[aeiou][a-z]+)(?!\w)")
_AN_CONSONANT = re.compile(r"\b([Aa]n) ([b-df-hj-np-tv-z][a-z]+|[1-79][\d,.]*%?)(?!\w)")
# An id in prose; not a file, path, e-mail address, call or keyword argument ("per_variant=3").
_SNAKE = re.compile(r"(?<![./@\w])[a-z]+_[a-z_]+(?!\w|@|=|[./(]\w)")
# A label with nothing after it: at the end, or before a blank line (the end of an HTML item);
# a label on its own line above its text is a heading, and one before a list introduces it.
_EMPTY_LABEL = re.compile(r"\b([A-Z][a-z]+(?: [a-z]+){0,3}):[ \t]*(?:\Z|\n[ \t]*(?:\n|\Z))")
# Code shown as code is not prose: <code>team_leader</code>, `first_name`, {first_name|there},
# and a code in quotes for the learner to type ('team_leader').
_CODE_HTML = re.compile(r"<code\b[^>]*>.*?</code>", re.DOTALL | re.IGNORECASE)
_CODE_TEXT = re.compile(r"`[^`\n]*`|\{[^{}\n]*\}|(['\"\u2018\u201c])[\w.-]+['\"\u2019\u201d]")
_END_ITEM = re.compile(r"</(?:li|tr|div|section|details|table|ul|ol)>")
_CELL = re.compile(r"</t[dh]>")
_BLOCK = re.compile(r"</p>|<br\b[^>]*>|</?(?:div|li|ul|ol|tr|h[1-6]|table|section|summary)\b[^>]*>")
_LIST = re.compile(r"<(?:ul|ol|dl|table)\b[^>]*>")  # a label may introduce a list or a table
_TAG = re.compile(r"<[^>]*>")
_REPEAT = re.compile(r"\b([A-Z][^.!?]{0,40}[.!?])\s+\1")
# A label followed by itself: "No jargon: No jargon."
_LABEL_TWICE = re.compile(r"\b([A-Z][^.!?:\n]{2,40}):\s+\1(?:[.!?]|$)", re.MULTILINE)
# A verdict said twice: "Right. Right, 2.5% is ...", "Not quite! Not quite: ...".
_VERDICT_TWICE = re.compile(r"(?:^|(?<=[.!?:]\s))([A-Z][a-z]+(?: [a-z]+){0,2})[.!]\s+\1\b(?![.!?])")


def slips(text: str) -> list[str]:
    """The slips of English in ``text`` a reader would notice, as short descriptions.

    >>> slips("Criteria report for 1 learners. To have a 80% chance. Right. Right.")
    ['"1 learners": use the singular after 1', '"a 80%": use "an"', '"Right. Right.": said twice']
    >>> slips("for paid_social. Why it matters:")
    ['"paid_social": an id, not words', '"Why it matters:": a label with nothing after it']
    >>> slips("1 learner, 2 learners, an 80% chance, a user, an hour, a one-off")
    []
    """
    text = _LIST.sub(" • ", _CODE_HTML.sub(" ", text))
    text = _BLOCK.sub("\n", _END_ITEM.sub("\n\n", _CELL.sub(" | ", text)))
    text = html.unescape(_TAG.sub(" ", text))
    text = _CODE_TEXT.sub(" ", text)
    found: list[str] = []
    for match in _ONE_PLURAL.finditer(text):
        word = match.group(1)
        if _NAMING.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        if word not in _NOT_PLURAL and not word.endswith("ss"):
            found.append(f'"{match.group(0)}": use the singular after 1')
    for match in _A_VOWEL.finditer(text):
        if _vowel_sound(match.group(2)):
            found.append(f'"{match.group(0)}": use "an"')
    for match in _AN_CONSONANT.finditer(text):
        if not _vowel_sound(match.group(2)):
            found.append(f'"{match.group(0)}": use "a"')
    for match in _REPEAT.finditer(text):
        found.append(f'"{match.group(0)}": said twice')
    for match in _VERDICT_TWICE.finditer(text):
        found.append(f'"{match.group(0)}": said twice')
    for match in _LABEL_TWICE.finditer(text):
        found.append(f'"{match.group(0)}": said twice')
    found += [f'"{m.group(0)}": an id, not words' for m in _SNAKE.finditer(text)]
    found += [
        f'"{m.group(0).strip()}": a label with nothing after it'
        for m in _EMPTY_LABEL.finditer(text)
    ]
    return found
