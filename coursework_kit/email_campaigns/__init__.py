"""Build, check, schedule and (pretend to) send a marketing email for Harbour & Pine.

The mailing list is synthetic; who may be emailed follows PECR regulations 22 and 23 as at
November 2026; results are simulated from the synthetic email history. The rules are plain
functions; the builder widget loads ipywidgets only when first asked for. The learner's email
is an :class:`EmailRecord` (``evidence/email-campaign.json``), judged by :func:`assess`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursework_kit.email_campaigns.assess import assess
from coursework_kit.email_campaigns.campaign import Campaign, CampaignError, personalise
from coursework_kit.email_campaigns.checks import CampaignCheck, Finding, check_campaign
from coursework_kit.email_campaigns.mailing import (
    Audience,
    Contact,
    lawful_audience,
    load_mailing_list,
)
from coursework_kit.email_campaigns.record import EmailCheck, EmailForm, EmailRecord, EmailWork
from coursework_kit.email_campaigns.simulate import SimulatedResults, simulate_results

if TYPE_CHECKING:
    from coursework_kit.email_campaigns.widget import CampaignBuilder

__all__ = [
    "Audience",
    "Campaign",
    "CampaignBuilder",
    "CampaignCheck",
    "CampaignError",
    "Contact",
    "EmailCheck",
    "EmailForm",
    "EmailRecord",
    "EmailWork",
    "Finding",
    "SimulatedResults",
    "assess",
    "check_campaign",
    "lawful_audience",
    "load_mailing_list",
    "personalise",
    "simulate_results",
]


def __getattr__(name: str) -> Any:
    if name == "CampaignBuilder":
        from coursework_kit.email_campaigns import widget

        return widget.CampaignBuilder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
