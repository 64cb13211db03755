"""The content calendar as evidence of working with colleagues: a CSV file and an HTML table.

The CSV is written atomically (a whole new file, then renamed over the old one) beside the
notebook, so a crash never leaves half a file.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coursework_kit._atomic import write_text
from coursework_kit.errors import PostsInputError
from coursework_kit.feedback import Finding, counts, findings_html
from coursework_kit.social.platforms import platform_rules

if TYPE_CHECKING:
    from coursework_kit.social.calendar.rules import ContentCalendar

__all__ = ["COLUMNS", "CalendarReview", "calendar_csv", "calendar_html", "write_calendar_csv"]

COLUMNS = (
    "id",
    "date",
    "day",
    "platform",
    "owner",
    "approver",
    "status",
    "has_image",
    "image_alt_text",
    "paid_partnership",
    "must_fix",
    "should_fix",
    "text",
)


@dataclass(frozen=True)
class CalendarReview:
    """Every problem in a content calendar, and what it does well."""

    calendar: ContentCalendar
    findings: tuple[Finding, ...]

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "must fix"]

    @property
    def ok(self) -> bool:
        return not self.problems

    def rules(self) -> set[str]:
        return {f.check for f in self.problems}

    @property
    def summary(self) -> str:
        n = counts(self.findings)
        head = "The calendar follows the team's rules" if self.ok else "The calendar needs work"
        return f"{head}: {n['must fix']} must fix, {n['good']} good."

    def __repr__(self) -> str:
        return "\n".join([self.summary, *(f"  {f!r}" for f in self.findings)])

    def _repr_html_(self) -> str:
        return (
            f"<div role='status'><p><strong>{html.escape(self.summary)}</strong></p>"
            f"{findings_html(self.findings)}</div>"
        )


def _rows(calendar: ContentCalendar) -> list[dict[str, str]]:
    rows = []
    for post in calendar.posts:
        found = counts(post.check().findings)
        rows.append(
            {
                "id": post.id,
                "date": post.day.isoformat(),
                "day": f"{post.day:%A}",
                "platform": platform_rules(post.platform).name,
                "owner": post.owner,
                "approver": post.approver or "",
                "status": post.status,
                "has_image": "yes" if post.has_image else "no",
                "image_alt_text": post.image_alt_text or "",
                "paid_partnership": "yes" if post.paid_partnership else "no",
                "must_fix": str(found["must fix"]),
                "should_fix": str(found["should fix"]),
                "text": post.text,
            }
        )
    return rows


def calendar_csv(calendar: ContentCalendar) -> str:
    """The calendar as CSV text, one row per post in date order, with a header row.

    The ``must_fix`` and ``should_fix`` columns count ``check_post``'s findings for each post.
    """
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_rows(calendar))
    return out.getvalue()


def write_calendar_csv(calendar: ContentCalendar, path: str | Path | None = None) -> Path:
    """Write the calendar's CSV atomically; by default ``<calendar id>.csv`` in the current
    folder (the notebook's folder). Returns the path written."""
    target = Path(path) if path is not None else Path.cwd() / f"{calendar.id}.csv"
    try:
        write_text(target, calendar_csv(calendar))
    except OSError as exc:
        raise PostsInputError(
            f"The calendar could not be saved to {target} ({exc.strerror}). Check the folder "
            "exists and you may write to it; the earlier file, if any, is unchanged."
        ) from exc
    return target


_STATUS_COLOURS = {
    "draft": "#eaeef2",
    "awaiting approval": "#fff8c5",
    "approved": "#dafbe1",
    "scheduled": "#ddf4ff",
    "published": "#fbefff",
}


def calendar_html(calendar: ContentCalendar) -> str:
    """The calendar as an accessible HTML table (caption, header cells, row headers)."""
    e = html.escape
    team = ", ".join(e(str(m)) for m in calendar.team.values())
    body = []
    for row in _rows(calendar):
        colour = _STATUS_COLOURS[row["status"]]
        checks = (
            f"{row['must_fix']} must fix, {row['should_fix']} should fix"
            if row["must_fix"] != "0" or row["should_fix"] != "0"
            else "all good"
        )
        image = (
            f"<br><small>Image: {e(row['image_alt_text'] or 'no alt text')}</small>"
            if row["has_image"] == "yes"
            else ""
        )
        body.append(
            f"<tr><th scope='row'>{e(row['day'])}<br><small>{e(row['date'])}</small></th>"
            f"<td>{e(row['platform'])}</td><td style='max-width:420px'>{e(row['text'])}{image}"
            f"</td><td>{e(row['owner'])}</td><td>{e(row['approver']) or '—'}</td>"
            f"<td style='background:{colour}'>{e(row['status'])}</td><td>{checks}</td></tr>"
        )
    rows = "".join(body) or "<tr><td colspan='7'>No posts planned yet.</td></tr>"
    return (
        f"<table><caption><strong>{e(calendar.title)}</strong><br><small>Team: {team}"
        "</small></caption><thead><tr><th scope='col'>Day</th><th scope='col'>Platform</th>"
        "<th scope='col'>Post</th><th scope='col'>Owner</th><th scope='col'>Approver</th>"
        "<th scope='col'>Status</th><th scope='col'>Checks</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
