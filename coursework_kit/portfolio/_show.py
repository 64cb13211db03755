"""What the learner did, shown as it looked: posts with their platform preview, search results
and ads, the email in the inbox, the content calendar, the moderation queue and the quizzes.

Each ``show_<kind>(record, attempt)`` returns HTML for one attempt's work. The activities' own
renderers draw it wherever they exist, so the portfolio shows what the learner saw. The rest
of the kinds are in :mod:`._show_more`.
"""

from __future__ import annotations

import html
from typing import Any

from coursework_kit.records import Attempt, Record

__all__ = [
    "show_calendar",
    "show_email",
    "show_moderation",
    "show_post",
    "show_quiz",
    "show_search_ad",
    "show_snippet",
    "table",
]

e = html.escape


def table(
    rows: list[tuple[str, str]], *, caption: str = "", head: tuple[str, str] | None = None
) -> str:
    """A two-column table with a header cell for each row; values are HTML already."""
    top = f"<caption>{e(caption)}</caption>" if caption else ""
    if head:
        top += f"<tr><th scope='col'>{e(head[0])}</th><th scope='col'>{e(head[1])}</th></tr>"
    body = "".join(f"<tr><th scope='row'>{e(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f"<table>{top}{body}</table>"


def _preview(check: Any) -> str:
    """A check's own preview, without the findings under it (the portfolio lists those once,
    from the activity's assess())."""
    shown: str = check._repr_html_()
    return shown.partition("<div role='status'>")[0]


def show_post(_record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.social.posts.preview import preview_post

    post = attempt.work.post
    facts = [
        ("Platform", e(_platform(post.platform))),
        ("Image", e(post.image_alt_text or "no alt text") if post.has_image else "none"),
        ("Paid partnership", "yes" if post.paid_partnership else "no"),
    ]
    saved = len(attempt.work.saved)
    kept = f"<p>Posts saved as you worked: {saved}.</p>" if saved else ""
    return (
        preview_post(post.text, post.platform)._repr_html_()
        + f"<p><strong>The whole post:</strong></p><blockquote>{e(post.text) or '(empty)'}"
        f"</blockquote>{table(facts)}{kept}"
    )


def _platform(platform: str) -> str:
    from coursework_kit.errors import CourseworkError
    from coursework_kit.social.platforms import platform_name

    try:
        return platform_name(platform)
    except CourseworkError:
        return platform


def show_snippet(_record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.search.assess import check_snippet_work

    work = attempt.work
    return _preview(check_snippet_work(work)) + table(
        [
            ("Search words", e(work.keyword) or "none"),
            ("Page title", e(work.title) or "(empty)"),
            ("Meta description", e(work.description) or "(empty)"),
        ]
    )


def show_search_ad(_record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.search.assess import check_ad_work

    work = attempt.work
    rows = [("Search words", e(work.keyword) or "none")]
    rows += [(f"Headline {n}", e(h)) for n, h in enumerate(work.headlines, start=1) if h]
    rows += [(f"Description {n}", e(d)) for n, d in enumerate(work.descriptions, start=1) if d]
    rows += [("Display path", e("/".join(p for p in (work.path1, work.path2) if p)) or "none")]
    return _preview(check_ad_work(work)) + table(rows)


def show_email(_record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.email.assess import campaign_from_form
    from coursework_kit.email.mailing import lawful_audience, load_mailing_list
    from coursework_kit.email.preview import inbox_preview
    from coursework_kit.errors import CourseworkError

    work = attempt.work
    form = work.form
    rows = [
        ("Campaign name", e(form.name)),
        ("Subject line", e(form.subject)),
        ("Preview text", e(form.preview_text)),
        ("From", e(f"{form.sender_name} <{form.sender_email}>")),
        ("Who it goes to", e(form.segment)),
        ("Send", e(f"{form.send_day} at {form.send_time}" if form.send_day else "not set")),
        ("Unsubscribe link", e(form.unsubscribe_link) or "none"),
    ]
    try:
        campaign = campaign_from_form(form)
        audience = lawful_audience(
            load_mailing_list(),
            segment=campaign.segment,
            similar_products=campaign.similar_products,
        )
        preview = inbox_preview(campaign, audience)
    except CourseworkError as exc:
        preview = f"<p>The email could not be previewed: {e(str(exc))}</p>"
    sent = work.latest_send
    sends = (
        f"<p>Sent (simulated) to {sent.results.sent:,} people.</p>"
        if sent is not None and sent.results is not None
        else "<p>Not sent yet.</p>"
    )
    checks = len(work.checks)
    return f"{table(rows)}{preview}{sends}<p>Times you checked the email: {checks}.</p>"


def show_calendar(record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.social.calendar.assess import calendar_from, find_calendar
    from coursework_kit.social.calendar.export import calendar_html

    calendar = calendar_from(attempt.work, find_calendar(record.scenario))
    return calendar_html(calendar)


def show_moderation(record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.social.moderation.policy import load_policy
    from coursework_kit.social.moderation.session import ModerationSession, queue_for

    items = queue_for(record.scenario)
    session = ModerationSession.from_work(attempt.work, items)
    results = session.results
    policy = load_policy()
    parts = []
    for number, item in enumerate(items, start=1):
        result = results.get(item.id)
        if result is None:
            continue
        escalated = result.escalate_to or "nobody"
        rows = [
            ("Your action", e(policy.action(result.action).label)),
            ("Passed to", e(escalated.replace("_", " "))),
            ("Your reply", e(result.reply.reply) or "(no reply)"),
        ]
        parts.append(
            f"<h5>Item {number}</h5>{item._repr_html_()}{table(rows)}{result._repr_html_()}"
        )
    if not parts:
        return "<p>No item in the queue was checked yet.</p>"
    return "".join(parts)


def show_quiz(record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.quiz.assess import results
    from coursework_kit.quiz.bank import load_bank

    bank = load_bank(record.scenario)
    marked = results(attempt.work, bank)
    parts = []
    for number, question in enumerate(bank.questions, start=1):
        result = marked.get(question.id)
        if result is None:
            continue
        parts.append(f"<h5>Question {number}</h5><p>{e(question.prompt)}</p>{result._repr_html_()}")
    if not parts:
        return "<p>No answer was checked yet.</p>"
    return f"<p><strong>{e(bank.title)}</strong></p>" + "".join(parts)
