"""Dates in the decision scenarios, worked out again with the kit's own deadline functions.

A scenario whose situation names a date is a dated scenario. It must say in its situation
which nation it happens in (bank holidays differ: 30 November is St Andrew's Day in Scotland
only), and carry a ``dates`` block naming that nation and each deadline its best answer gives.
:func:`date_problems` recomputes each deadline with :func:`.deadlines.dsar_deadline` or
:func:`.deadlines.breach_notification`, checks the best answer names it and no wrong answer
that is just a date does, and checks every weekday written beside a date is that date's.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from coursework_kit.gdpr.deadlines import breach_notification, dsar_deadline
from coursework_kit.gdpr.scenarios import DecisionScenario, ScenarioDeadline

__all__ = ["NATIONS", "date_problems", "named_dates", "worked_out"]

NATIONS = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}
_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DATE = re.compile(
    rf"\b(?:(?P<weekday>{'|'.join(_WEEKDAYS)}) )?(?P<day>[0-3]?\d) "
    rf"(?P<month>{'|'.join(_MONTHS)})\b(?: (?P<year>\d{{4}})\b)?"
)


def named_dates(text: str, year: int | None = None) -> list[tuple[date, str | None, str]]:
    """Each date written in ``text`` ("Monday 30 November 2026", "31 August"): the date (a
    date with no year takes ``year``, or the last year written before it), the weekday written
    beside it (or None), and the words as written. Dates with no year to take are left out."""
    found = []
    for match in _DATE.finditer(text):
        written_year = match["year"]
        if written_year:
            year = int(written_year)
        if year is None:
            continue
        try:
            day = date(year, _MONTHS.index(match["month"]) + 1, int(match["day"]))
        except ValueError:
            day = date.min  # "31 November": no such date, reported by the weekday check
        found.append((day, match["weekday"], match.group(0)))
    return found


def worked_out(deadline: ScenarioDeadline, nation: str) -> str:
    """The due date (or date and time) the kit's own functions give, in the data's format."""
    if deadline.rule == "subject-access":
        start = date.fromisoformat(deadline.start)
        return dsar_deadline(start, extended=deadline.extended, region=nation).isoformat()
    aware = datetime.fromisoformat(deadline.start)
    decision = breach_notification(aware, risk="likely")
    assert decision.ico_deadline is not None  # a likely risk always has one
    return decision.ico_deadline.strftime("%Y-%m-%dT%H:%M")


def _says(due: str) -> list[str]:
    """The ways a choice may say a due date (and time): "Monday 30 November 2026", "4pm"."""
    moment = datetime.fromisoformat(due)
    said = [f"{moment:%A} {moment.day} {moment:%B %Y}"]
    if "T" in due:
        hour = moment.hour % 12 or 12
        half = "am" if moment.hour < 12 else "pm"
        clock = f"{hour}{half}" if moment.minute == 0 else f"{hour}.{moment:%M}{half}"
        said.append(f"({clock}|{moment:%H:%M})")
    return said


def date_problems(scenario: DecisionScenario) -> list[str]:
    """What is wrong with a scenario's dates ([] when nothing is), each in a sentence."""
    problems: list[str] = []
    where = f"Scenario {scenario.id!r}"
    choice_texts = [c.text for c in scenario.choices]
    if named_dates(scenario.situation, 2000) and not scenario.deadlines:
        problems.append(f"{where} names a date but has no dates block (nation and deadlines).")
    if scenario.deadlines:
        name = NATIONS.get(scenario.nation, "")
        if not name or name not in scenario.situation:
            problems.append(
                f"{where} must say in its situation which nation it is in "
                f"({name or scenario.nation or 'none given'})."
            )
    best = scenario.choice(scenario.best).text
    for deadline in scenario.deadlines if scenario.nation in NATIONS else ():
        kit = worked_out(deadline, scenario.nation)
        if kit != deadline.due:
            problems.append(
                f"{where}: the data says {deadline.due} but the kit works out {kit} "
                f"({deadline.rule} from {deadline.start} in {NATIONS[scenario.nation]})."
            )
        for said in _says(kit):
            if not re.search(said, best):
                problems.append(f"{where}: the best answer does not say {said!r}.")
        for choice in scenario.choices:
            first = named_dates(choice.text)
            leads = bool(first) and choice.text.startswith(first[0][2])
            if choice.id != scenario.best and leads and first[0][0].isoformat() == kit:
                problems.append(
                    f"{where}: choice {choice.id} gives the right date, {kit}, but is marked wrong."
                )
    years = re.findall(r"\b(\d{4})\b", scenario.situation)
    year = int(years[0]) if years else None  # for a date written with no year
    for text in [scenario.situation, *choice_texts, *(c.feedback for c in scenario.choices)]:
        for day, weekday, words in named_dates(text, year):
            if weekday is None:
                continue  # "there's no 31 November" is fine; "Monday 31 November" is not
            if day == date.min:
                problems.append(f"{where}: {words!r} is not a date.")
            elif _WEEKDAYS[day.weekday()] != weekday:
                problems.append(f"{where}: {words!r} is wrong; {day:%d %B %Y} is a {day:%A}.")
    return problems
