"""UK time for the 72-hour breach clock: the clocks change twice a year, the law's hours do not.

A date and time with no time zone (what a learner types, or ``datetime(2026, 10, 23, 12, 0)``)
is read as UK local time, as a clock in the UK shows it. The clock is counted in real hours
(in UTC) and the deadline shown in UK local time, with GMT or BST after it, so that a deadline
across a clock change is still 72 real hours after becoming aware.

Twice a year a local time is odd: when the clocks go forward (the last Sunday in March, at
01:00 GMT) the hour from 01:00 to 01:59 never happens, and when they go back (the last Sunday
in October, at 02:00 BST) that hour happens twice. A time that never happened is refused with
a plain message; a time that happened twice is read as the first one (British Summer Time),
which gives the earlier, safer deadline, unless a program set ``fold=1`` to mean the second.

The rules come from the IANA time zone database (``Europe/London``), through ``zoneinfo``:
the system's copy, or the ``tzdata`` package where the system has none (Windows).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache

from coursework_kit.errors import DatasetError, GdprInputError

__all__ = ["UK_ZONE", "clock_change_note", "to_uk", "uk_time_text", "uk_zone"]

UK_ZONE = "Europe/London"


@cache
def uk_zone() -> tzinfo:
    """The UK's time zone rules."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(UK_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        raise DatasetError(
            "This computer has no time zone information, so the 72-hour clock cannot allow "
            "for the clocks changing. Ask your tutor to install the tzdata package "
            "(pip install tzdata)."
        ) from None


def _day(moment: datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def uk_time_text(moment: datetime) -> str:
    """A moment as UK local time in words: "Monday 26 October 2026, 11:00 GMT"."""
    local = moment.astimezone(uk_zone()) if moment.tzinfo is not None else moment
    zone = local.tzname() if local.tzinfo is not None else ""
    return f"{_day(local)}, {local:%H:%M}" + (f" {zone}" if zone else "")


def to_uk(moment: datetime) -> tuple[datetime, str]:
    """``moment`` as a UK time (with its zone), and a note if the local time was ambiguous.

    A time with no zone is UK local time. Raises :class:`GdprInputError` for a local time that
    never happened (the hour the clocks skip in March).

    >>> to_uk(datetime(2026, 10, 23, 12, 0))[0].tzname()
    'BST'
    """
    zone = uk_zone()
    if moment.tzinfo is not None:
        return moment.astimezone(zone), ""
    local = moment.replace(tzinfo=zone)
    there_and_back = local.astimezone(timezone.utc).astimezone(zone)
    if there_and_back.replace(tzinfo=None) != moment:
        raise GdprInputError(
            f"There was no {moment:%H:%M} in the UK on {_day(moment)}: at 01:00 the clocks "
            f"went forward an hour, to 02:00. Check the time you became aware (did you mean "
            f"{there_and_back:%H:%M}?)."
        )
    first, second = moment.replace(fold=0, tzinfo=zone), moment.replace(fold=1, tzinfo=zone)
    if first.utcoffset() == second.utcoffset():
        return local, ""
    which = (
        "the second one (Greenwich Mean Time)"
        if moment.fold
        else "the first one (British Summer Time), which gives the earlier deadline"
    )
    return local, (
        f"{moment:%H:%M} happened twice on {_day(moment)}, because the clocks went back an hour "
        f"at 02:00. The clock counts from {which}."
    )


def clock_change_note(start: datetime, end: datetime) -> str:
    """A sentence about the clocks changing between two UK times, or "" if they do not; and
    one about ``end`` if that local time happens twice."""
    zone = uk_zone()
    start, end = start.astimezone(zone), end.astimezone(zone)
    notes = []
    if start.utcoffset() != end.utcoffset():
        moment = start.astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0)
        while (moment + timedelta(hours=1)).astimezone(zone).utcoffset() == start.utcoffset():
            moment += timedelta(hours=1)
        change = (moment + timedelta(hours=1)).astimezone(zone)
        later = (end.utcoffset() or timedelta()) > (start.utcoffset() or timedelta())
        notes.append(
            f"The clocks go {'forward' if later else 'back'} an hour on {_day(change)}, so the "
            f"deadline is {end:%H:%M %Z} on the clock: still 72 real hours after "
            f"{start:%H:%M %Z} on {_day(start)}."
        )
    naive = end.replace(tzinfo=None)
    if (
        naive.replace(fold=0, tzinfo=zone).utcoffset()
        != naive.replace(fold=1, tzinfo=zone).utcoffset()
    ):
        which = "second" if end.fold else "first"
        notes.append(
            f"{end:%H:%M} happens twice that night, because the clocks go back an hour at 02:00: "
            f"the deadline is the {which} {end:%H:%M} ({end:%Z})."
        )
    return " ".join(notes)
