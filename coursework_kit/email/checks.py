"""Check a marketing email before it is sent: every finding says why it matters.

Legal checks (sender identity, a way to opt out, who may be emailed) reflect PECR regulations
22 and 23 and the ICO guidance on direct marketing using electronic mail, as at November 2026.
The rest are good practice for email marketing: rough guides for teaching, not rules. Tone
(blaming or insulting customers, over-promising, pressure) is read from what the words do, with
negation ("we can't guarantee it" is honest), the same way a social post's tone is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from coursework_kit.email import _content_checks as content
from coursework_kit.email import _delivery_checks as delivery
from coursework_kit.email.campaign import Campaign
from coursework_kit.email.findings import CampaignCheck, Finding

if TYPE_CHECKING:
    from coursework_kit.email.mailing import Contact

__all__ = ["CampaignCheck", "Finding", "check_campaign"]


def check_campaign(
    campaign: Campaign, *, now: datetime | None = None, audience: Sequence[Contact] = ()
) -> CampaignCheck:
    """Check every part of ``campaign``; ``audience`` lets token checks count who is affected.

    >>> check_campaign(Campaign()).ready
    False
    """
    moment = datetime.now() if now is None else now
    findings = [
        *content.check_subject(campaign.subject),
        *content.check_preview(campaign.preview_text, campaign.subject),
        *content.check_body(campaign.body),
        *content.check_personalisation(campaign, audience),
        *content.check_calls_to_action(campaign.calls_to_action),
        *content.check_tone(campaign),
        *delivery.check_sender(campaign.sender_name, campaign.sender_email),
        *delivery.check_unsubscribe(campaign.unsubscribe_link),
        *delivery.check_audience(campaign),
        *delivery.check_send_time(campaign, moment),
    ]
    return CampaignCheck(tuple(findings))
