"""The calendar drawn under the subject access deadline: the month the request arrived and the
month it must be answered in, with weekends and bank holidays greyed and the days marked.

Plain HTML, for :class:`coursework_kit.gdpr.calculator.AccessDeadlineCalculator`.
"""

from __future__ import annotations

import calendar
import html
from datetime import date

from coursework_kit.gdpr.deadlines import SOURCE_ACCESS, bank_holiday, is_working_day
from coursework_kit.gdpr.tools import AccessAnswer

__all__ = ["access_html", "month_html"]


def month_html(year: int, month: int, marks: dict[date, str], region: str) -> str:
    """One month as a table, ``marks`` labelling days (received, deadline...)."""
    rows = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            if day.month != month:
                cells.append("<td></td>")
                continue
            label = marks.get(day, "")
            holiday = bank_holiday(day, region)
            note = " (bank holiday)" if holiday else ""
            grey = "" if is_working_day(day, region) else "background:#eaeef2;"
            strong = ("<strong>", "</strong>") if label else ("", "")
            cells.append(
                f"<td style='{grey}padding:2px 6px;text-align:center' "
                f"title='{html.escape((holiday or '') + (' ' + label if label else ''))}'>"
                f"{strong[0]}{day.day}{strong[1]}"
                f"{'<br><small>' + html.escape(label + note) + '</small>' if label or note else ''}"
                "</td>"
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(
        f"<th scope='col'>{d}</th>" for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    )
    return (
        f"<table style='display:inline-table;margin:4px'><caption>"
        f"{calendar.month_name[month]} {year}</caption><tr>{head}</tr>{''.join(rows)}"
        "</table>"
    )


def access_html(answer: AccessAnswer) -> str:
    """The deadline, how it was worked out, and the calendar of both months."""
    day, deadline, region = answer.received, answer.deadline, answer.region
    marks = {
        day: "received",
        answer.corresponding: "one month" if answer.months == 1 else "three months",
    }
    marks[deadline] = "deadline"
    months_shown = sorted({(day.year, day.month), (deadline.year, deadline.month)})
    return (
        f"<div role='status'><p><strong>{html.escape(answer.summary)}</strong></p>"
        f"<p>{html.escape(answer.working)}</p>"
        + "".join(month_html(y, m, marks, region) for y, m in months_shown)
        + "<p><small>Grey days are weekends and bank holidays. Source: "
        f"{html.escape(SOURCE_ACCESS)}. Reflects the law as at November 2026.</small></p>"
        "</div>"
    )
