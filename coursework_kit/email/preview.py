"""How a marketing email looks in the inbox, personalised for the people it goes to (HTML)."""

from __future__ import annotations

import html

from coursework_kit._ui.snippets import status
from coursework_kit.email.campaign import Campaign, personalise
from coursework_kit.email.mailing import Audience, Contact

__all__ = ["inbox_preview"]


def inbox_preview(campaign: Campaign, audience: Audience) -> str:
    """How the email looks to two people: one who gave a first name and one who did not."""
    people = list(audience.included)
    named = next((c for c in people if c.first_name), None)
    unnamed = next((c for c in people if not c.first_name), None)
    cards = [_card(campaign, c) for c in (named, unnamed) if c is not None]
    if not cards:
        return status("Nobody in this audience may be emailed, so there is nothing to preview.")
    return "<p><strong>Inbox preview</strong></p>" + "".join(cards)


def _card(campaign: Campaign, contact: Contact) -> str:
    def show(text: str) -> str:
        return html.escape(personalise(text, contact))

    buttons = "".join(
        "<span style='display:inline-block;border:2px solid #0072B2;border-radius:4px;"
        f"padding:4px 10px;margin:4px 4px 0 0'>{html.escape(a)}</span>"
        for a in campaign.calls_to_action
    )
    who = contact.first_name or "(no first name given)"
    return (
        "<div style='border:1px solid #8c959f;border-radius:6px;padding:8px;margin:6px 0;"
        "max-width:40em'>"
        f"<p><small>To {html.escape(who)} &lt;{html.escape(contact.email)}&gt; from "
        f"{html.escape(campaign.sender_name)} &lt;{html.escape(campaign.sender_email)}&gt;"
        f"</small></p><p><strong>{show(campaign.subject)}</strong><br>"
        f"<span style='color:#57606a'>{show(campaign.preview_text)}</span></p>"
        f"<div style='white-space:pre-wrap'>{show(campaign.body)}</div>{buttons}"
        f"<p><small>Unsubscribe: {html.escape(campaign.unsubscribe_link or '(none)')}"
        "</small></p></div>"
    )
