"""Checks on who sends a marketing email, to whom and when: sender identity and opting out
(PECR regulation 23, with regulation 22 for the soft opt-in), audience and send time. Reflects
the ICO guidance on direct marketing using electronic mail, as at November 2026."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from coursework_kit.email.campaign import Campaign, segment_label
from coursework_kit.feedback import Finding

COMPANY = "harbour & pine"
COMPANY_DOMAIN = "harbourandpine.example"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_LINK = re.compile(r"^(https://[^\s/]+\.[^\s]+|mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}\S*)$", re.I)
SOURCE = (
    "PECR regulations 22 and 23; ICO guidance on direct marketing using electronic mail, "
    "as at November 2026"
)


def check_sender(name: str, address: str) -> list[Finding]:
    disguise = (
        "The sender's identity must not be disguised or concealed (PECR regulation 23(a)): "
        "people must be able to tell who is emailing them."
    )
    found = []
    if COMPANY not in name.lower().replace(" and ", " & "):
        found.append(
            Finding(
                "must fix",
                "sender",
                "The sender name must show the email is from Harbour & Pine, for example "
                "'Harbour & Pine' or 'Sam at Harbour & Pine'.",
                disguise,
                source=SOURCE,
            )
        )
    if not _EMAIL.match(address.strip()):
        found.append(
            Finding(
                "must fix",
                "sender",
                "Give a sender address, for example hello@harbourandpine.example.",
                disguise,
                source=SOURCE,
            )
        )
    elif not address.strip().lower().endswith("@" + COMPANY_DOMAIN):
        found.append(
            Finding(
                "should fix",
                "sender",
                f"Send from Harbour & Pine's own domain ({COMPANY_DOMAIN}).",
                "An address on another domain looks like a scam and is more likely to be "
                "filtered as spam.",
            )
        )
    elif "no-reply" in address.lower() or "noreply" in address.lower():
        found.append(
            Finding(
                "should fix",
                "sender",
                "Use an address people can reply to, not a 'no-reply' one.",
                "Replies are customers talking to you: a no-reply address turns them away.",
            )
        )
    if not found:
        found.append(Finding("good", "sender", "The sender is clearly Harbour & Pine.", disguise))
    return found


def check_unsubscribe(link: str) -> list[Finding]:
    why = (
        "Every marketing email must give a valid address for opting out (PECR regulation "
        "23(b)), and the soft opt-in needs a simple, free way to refuse in every message "
        "(regulation 22(3)(c))."
    )
    if not link.strip():
        return [Finding("must fix", "unsubscribe", "Add an unsubscribe link.", why, source=SOURCE)]
    if not _LINK.match(link.strip()):
        return [
            Finding(
                "must fix",
                "unsubscribe",
                f"'{link}' is not a working link. Start it with https:// (or mailto:).",
                why,
                source=SOURCE,
            )
        ]
    return [Finding("good", "unsubscribe", "Every email has a working unsubscribe link.", why)]


def check_audience(campaign: Campaign) -> list[Finding]:
    found = []
    if not campaign.similar_products:
        found.append(
            Finding(
                "should fix",
                "audience",
                "This email is not about Harbour & Pine's own similar products, so only "
                "people who gave consent can get it.",
                "The soft opt-in covers only marketing of your own similar products or "
                "services (PECR regulation 22(3)(b)).",
                source=SOURCE,
            )
        )
    found.append(
        Finding(
            "good",
            "audience",
            f"Sending to {segment_label(campaign.segment)}; only contacts who may lawfully be "
            "emailed are included.",
            "Emailing people without consent or a soft opt-in breaks PECR regulation 22.",
            source=SOURCE,
        )
    )
    return found


def check_send_time(campaign: Campaign, now: datetime) -> list[Finding]:
    when = campaign.send_at
    if when is None:
        return [
            Finding(
                "must fix",
                "send time",
                "Choose a date and time to send it.",
                "Scheduling lets the email go out when the audience is most likely to read it.",
            )
        ]
    if when <= now:
        return [
            Finding(
                "must fix",
                "send time",
                f"{when:%A %d %B %Y at %H:%M} is in the past. Choose a time from now on.",
                "An email cannot be scheduled for a time that has gone.",
            )
        ]
    if when.hour < 6 or when.hour >= 22:
        return [
            Finding(
                "must fix",
                "send time",
                f"{when:%H:%M} is the middle of the night. Choose a time between 06:00 and 21:59.",
                "A night-time email can wake people whose phones buzz, and by morning it is "
                "buried under newer mail.",
            )
        ]
    found = []
    if when - now > timedelta(days=366):
        found.append(
            Finding(
                "should fix",
                "send time",
                "That is more than a year away. Is the year right?",
                "Offers and stock change; plan sends weeks ahead, not years.",
            )
        )
    if campaign.segment == "business_buyer" and when.weekday() >= 5:
        found.append(
            Finding(
                "should fix",
                "send time",
                "Business buyers mostly read email on working days: try a weekday.",
                "An email that arrives when nobody is at work is buried by Monday.",
            )
        )
    found.append(
        Finding(
            "good",
            "send time",
            f"Scheduled for {when:%A %d %B %Y at %H:%M}.",
            "Sending when people read email gives it the best chance of being opened.",
        )
    )
    return found
