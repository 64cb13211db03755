"""Build, check, schedule and (pretend to) send a marketing email for Harbour & Pine.

The mailing list is synthetic; who may be emailed follows PECR regulations 22 and 23 as at
November 2026; results are simulated from the synthetic email history. The rules are plain
functions; the builder widget loads ipywidgets only when first asked for. The learner's email
is an :class:`EmailRecord` (``evidence/email-campaign.json``), judged by :func:`assess`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.email.assess import assess
from coursework_kit.email.campaign import Campaign, CampaignError, personalise
from coursework_kit.email.checks import CampaignCheck, check_campaign
from coursework_kit.email.mailing import (
    Audience,
    Contact,
    lawful_audience,
    load_mailing_list,
)
from coursework_kit.email.record import EmailCheck, EmailForm, EmailRecord, EmailWork
from coursework_kit.email.simulate import SimulatedResults, simulate_results

if TYPE_CHECKING:
    from coursework_kit.email.widget import CampaignBuilder

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
    "SimulatedResults",
    "assess",
    "check_campaign",
    "lawful_audience",
    "load_mailing_list",
    "personalise",
    "simulate_results",
]


_WIDGETS = {
    "CampaignBuilder": "coursework_kit.email.widget",
}

__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
