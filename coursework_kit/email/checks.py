"""Check a marketing email before it is sent: every finding says why it matters.

Legal checks (sender identity, a way to opt out, who may be emailed) reflect PECR regulations
22 and 23 and the ICO guidance on direct marketing using electronic mail, as at November 2026.
The rest are good practice for email marketing: rough guides for teaching, not rules. Tone
(blaming or insulting customers, over-promising, pressure) is read from what the words do, with
negation ("we can't guarantee it" is honest), the same way a social post's tone is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from coursework_kit._english import count
from coursework_kit.email import _content_checks as content
from coursework_kit.email import _delivery_checks as delivery
from coursework_kit.email.campaign import Campaign
from coursework_kit.feedback import Finding, findings_html, ordered

if TYPE_CHECKING:
    from coursework_kit.email.mailing import Contact

__all__ = ["CampaignCheck", "check_campaign"]


@dataclass(frozen=True)
class CampaignCheck:
    """All the findings for a campaign; it is ready to send when nothing must be fixed."""

    findings: tuple[Finding, ...]

    @property
    def problems(self) -> list[Finding]:
        """The findings that must be fixed before sending."""
        return [f for f in self.findings if f.severity == "must fix"]

    @property
    def should_fix(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "should fix"]

    @property
    def ready(self) -> bool:
        return not self.problems

    def __repr__(self) -> str:
        problems = count(len(self.problems), "problem")
        head = "Ready to send." if self.ready else f"{problems} to fix."
        return "\n".join([head, *(f"- {f!r}" for f in self.findings)])

    def _repr_html_(self) -> str:
        head = (
            "Ready to send: nothing must be fixed."
            if self.ready
            else f"Not ready: {count(len(self.problems), 'thing')} must be fixed before sending."
        )
        return (
            f"<div role='status'><p><strong>{html.escape(head)}</strong></p>"
            f"{findings_html(ordered(self.findings))}</div>"
        )


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
