"""Simulated results for a campaign: nothing is really sent.

How the figures are made, step by step (all deterministic):

1. **Base rates** come from the learner's own copy of Harbour & Pine's synthetic email history
   (``load_email_sends(learner=...)``), worked out from totals: delivered ÷ sent, open rate,
   click-to-open rate and unsubscribe rate over the 12 weekly sends.
2. **Effects of the learner's choices** multiply those rates. They are simple, fixed teaching
   figures in the spirit of published email benchmark advice, not measurements:

   ================================  ==================  =========================================
   Choice                            Measure             Factor
   ================================  ==================  =========================================
   Subject under 20 characters       open rate           × 0.95 (vague)
   Subject over 60 characters        open rate           × 0.92 (cut off on phones)
   Capitals or "!!" in the subject   open rate           × 0.95
   No preview text                   open rate           × 0.97
   Name token in the subject         open rate           × 1.06
   Name token in the body            click-to-open rate  × 1.05
   Send hour                         open rate           06-08 × 0.97, 09-11 × 1.05, 12-16 × 1,
                                                         17-19 × 1.03, 20-21 × 0.96
   Business buyers at the weekend    open rate           × 0.85
   Segment                           all three           see :data:`SEGMENT_EFFECTS`
   Two calls to action               click-to-open rate  × 0.95; three or more × 0.88
   A vague call to action            click-to-open rate  × 0.93
   ================================  ==================  =========================================

3. **The learner's variation**: a seed from the learner's id (``variant_seed(learner,
   "email-campaign")``) nudges each rate by up to 5% either way, the same every time.
4. Counts for the lawful audience (delivered, opens, clicks, unsubscribes) are rounded, and
   the rates are worked out from them with the metric functions in ``coursework_kit.metrics``.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coursework_kit.email._content_checks import shown_length
from coursework_kit.email.campaign import Campaign, CampaignError, find_tokens
from coursework_kit.learner import variant_seed
from coursework_kit.metrics.marketing import click_to_open_rate, open_rate, unsubscribe_rate

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SEGMENT_EFFECTS", "BaseRates", "Effect", "SimulatedResults", "simulate_results"]

MEASURES = ("open rate", "click-to-open rate", "unsubscribe rate")
# segment -> (open rate, click-to-open rate, unsubscribe rate) factors
SEGMENT_EFFECTS = {
    "all": (1.0, 1.0, 1.0),
    "past_purchaser": (1.12, 1.10, 0.8),
    "newsletter_signup": (1.05, 0.95, 1.0),
    "lapsed_customer": (0.65, 0.85, 1.8),
    "business_buyer": (0.95, 1.10, 1.0),
}
_SEGMENT_NAMES = {
    "past_purchaser": "past purchasers",
    "newsletter_signup": "newsletter sign-ups",
    "lapsed_customer": "lapsed customers",
    "business_buyer": "business buyers",
}
_HOURS = ((6, 9, 0.97), (9, 12, 1.05), (12, 17, 1.0), (17, 20, 1.03), (20, 22, 0.96))
_VAGUE = {"click here", "click", "here", "more", "read more", "submit", "go", "link", "this"}
NOTE = (
    "These results are simulated, not from a real send. They are worked out from Harbour & "
    "Pine's made-up email history, with simple fixed effects for your choices and a small "
    "variation for you. Real results vary much more."
)


@dataclass(frozen=True)
class BaseRates:
    """Rates from the email history, worked out from totals (fractions from 0 to 1)."""

    delivery: float
    open: float
    click_to_open: float
    unsubscribe: float

    @classmethod
    def from_history(cls, sends: pd.DataFrame) -> BaseRates:
        """From a table of sends with sent, delivered, opens, clicks and unsubscribes."""
        total = {c: int(sends[c].sum()) for c in ("sent", "delivered", "opens", "clicks")}
        unsubscribes = int(sends["unsubscribes"].sum())
        if total["sent"] <= 0:
            raise CampaignError("The email history has no sends to work from.")
        return cls(
            delivery=total["delivered"] / total["sent"],
            open=open_rate(total["opens"], total["delivered"]) / 100,
            click_to_open=click_to_open_rate(total["clicks"], total["opens"]) / 100,
            unsubscribe=unsubscribe_rate(unsubscribes, total["delivered"]) / 100,
        )


@dataclass(frozen=True)
class Effect:
    """How one choice changes one measure, and what to do about it if it lowers results."""

    choice: str
    measure: str
    factor: float
    why: str
    advice: str = ""

    @property
    def helps(self) -> bool:
        return self.factor < 1 if self.measure == "unsubscribe rate" else self.factor > 1


@dataclass(frozen=True)
class SimulatedResults:
    """What the campaign might have achieved: counts, rates (%), the effects and advice."""

    sent: int
    delivered: int
    opens: int
    clicks: int
    unsubscribes: int
    open_rate: float
    click_to_open_rate: float | None  # None when nobody opened
    unsubscribe_rate: float
    base: BaseRates
    effects: tuple[Effect, ...]
    suggestions: tuple[str, ...]

    def __repr__(self) -> str:
        ctor = "n/a" if self.click_to_open_rate is None else f"{self.click_to_open_rate:.1f}%"
        return (
            f"SimulatedResults(sent={self.sent}, open rate {self.open_rate:.1f}%, "
            f"click-to-open rate {ctor}, unsubscribe rate {self.unsubscribe_rate:.2f}%)"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "simulated": True,
            "sent": self.sent,
            "delivered": self.delivered,
            "opens": self.opens,
            "clicks": self.clicks,
            "unsubscribes": self.unsubscribes,
            "open_rate": round(self.open_rate, 2),
            "click_to_open_rate": (
                None if self.click_to_open_rate is None else round(self.click_to_open_rate, 2)
            ),
            "unsubscribe_rate": round(self.unsubscribe_rate, 3),
            "suggestions": list(self.suggestions),
        }

    def _repr_html_(self) -> str:
        def pct(value: float | None, places: int = 1) -> str:
            return "n/a" if value is None else f"{value:.{places}f}%"

        rows = [
            ("Open rate", self.open_rate, self.base.open * 100, 1),
            ("Click-to-open rate", self.click_to_open_rate, self.base.click_to_open * 100, 1),
            ("Unsubscribe rate", self.unsubscribe_rate, self.base.unsubscribe * 100, 2),
        ]
        table = "".join(
            f"<tr><th scope='row'>{name}</th><td>{pct(mine, dp)}</td><td>{pct(usual, dp)}</td></tr>"
            for name, mine, usual, dp in rows
        )
        effects = "".join(
            f"<li>{'▲ helps' if e.helps else '▼ holds back'}: {html.escape(e.choice)} "
            f"({html.escape(e.measure)} × {e.factor:.2f}). {html.escape(e.why)}</li>"
            for e in self.effects
        )
        advice = "".join(f"<li>{html.escape(s)}</li>" for s in self.suggestions)
        return (
            "<div role='status'><p><strong>Simulated results (not a real send)</strong></p>"
            f"<p>Sent to {self.sent:,}; delivered {self.delivered:,}; opened by "
            f"{self.opens:,}; clicked by {self.clicks:,}; unsubscribes {self.unsubscribes:,}."
            "</p><table><tr><th scope='col'>Measure</th><th scope='col'>Your email</th>"
            f"<th scope='col'>Harbour &amp; Pine's usual</th></tr>{table}</table>"
            + (f"<p>What made the difference:</p><ul>{effects}</ul>" if effects else "")
            + f"<p>What to improve next time:</p><ul>{advice}</ul>"
            f"<p><small>{html.escape(NOTE)}</small></p></div>"
        )


def _effects(campaign: Campaign) -> list[Effect]:
    found = []
    subject = campaign.subject
    length = shown_length(subject)
    if length < 20:
        found.append(
            Effect(
                "a very short subject line",
                "open rate",
                0.95,
                "It may not say enough to make people open.",
                "Say what the email offers in the subject line (about 40-60 characters).",
            )
        )
    elif length > 60:
        found.append(
            Effect(
                f"a {length}-character subject line",
                "open rate",
                0.92,
                "Phones cut it off.",
                "Shorten the subject line to 60 characters or fewer, key words first.",
            )
        )
    if any(w.isupper() and len(w) >= 4 for w in subject.split()) or "!!" in subject:
        found.append(
            Effect(
                "capitals or '!!' in the subject",
                "open rate",
                0.95,
                "It reads as shouting and looks like spam.",
                "Write the subject line in sentence case without repeated exclamation marks.",
            )
        )
    if not campaign.preview_text.strip():
        found.append(
            Effect(
                "no preview text",
                "open rate",
                0.97,
                "The inbox shows the email's first words instead.",
                "Add preview text that backs up the subject line.",
            )
        )
    if any(t.known for t in find_tokens(subject)):
        found.append(
            Effect("a personalised subject line", "open rate", 1.06, "It feels meant for them.")
        )
    if any(t.known for t in find_tokens(campaign.body)):
        found.append(
            Effect(
                "a personalised email", "click-to-open rate", 1.05, "It reads like a conversation."
            )
        )
    elif not find_tokens(subject):
        found.append(
            Effect(
                "no personalisation",
                "open rate",
                1.0,
                "No gain from personal touches.",
                "Personalise it, e.g. 'Hi {first_name|there},' in the greeting.",
            )
        )
    return found + _timing_and_audience(campaign)


def _timing_and_audience(campaign: Campaign) -> list[Effect]:
    found = []
    if campaign.send_at is not None:
        hour = campaign.send_at.hour
        factor = next((f for start, end, f in _HOURS if start <= hour < end), 1.0)
        if factor != 1.0:
            found.append(
                Effect(
                    f"sending at {campaign.send_at:%H:%M}",
                    "open rate",
                    factor,
                    "People read email more at some times of day than others.",
                    "Try sending mid-morning (09:00 to 11:59), when more people read email.",
                )
            )
        if campaign.segment == "business_buyer" and campaign.send_at.weekday() >= 5:
            found.append(
                Effect(
                    "emailing business buyers at the weekend",
                    "open rate",
                    0.85,
                    "Few of them are at work.",
                    "Send business emails on a weekday.",
                )
            )
    for measure, factor in zip(MEASURES, SEGMENT_EFFECTS[campaign.segment], strict=True):
        if factor != 1.0:
            found.append(
                Effect(
                    f"sending to {_SEGMENT_NAMES[campaign.segment]}",
                    measure,
                    factor,
                    "Different groups respond differently.",
                    "Lapsed customers need a reason to come back: try a win-back offer and "
                    "expect lower figures."
                    if campaign.segment == "lapsed_customer"
                    else "Match the offer to what this group buys.",
                )
            )
    actions = [a.strip() for a in campaign.calls_to_action if a.strip()]
    if len(actions) >= 2:
        found.append(
            Effect(
                f"{len(actions)} calls to action",
                "click-to-open rate",
                0.95 if len(actions) == 2 else 0.88,
                "They compete for attention.",
                "Keep one main call to action.",
            )
        )
    if any(a.lower().strip(" .!>") in _VAGUE for a in actions):
        found.append(
            Effect(
                "a vague call to action",
                "click-to-open rate",
                0.93,
                "It does not say what happens next.",
                "Make the button say what they get, e.g. 'Shop the spring sale'.",
            )
        )
    return found


def _nudges(learner: str) -> tuple[float, float, float]:
    rng = random.Random(variant_seed(learner, "email-campaign"))
    return (0.95 + 0.1 * rng.random(), 0.95 + 0.1 * rng.random(), 0.95 + 0.1 * rng.random())


def simulate_results(
    campaign: Campaign,
    audience_size: int,
    *,
    learner: str,
    history: pd.DataFrame | None = None,
) -> SimulatedResults:
    """Simulate sending ``campaign`` to ``audience_size`` people (the lawful audience).

    ``history`` is the table of past sends; by default ``learner``'s own copy of it.
    """
    if isinstance(audience_size, bool) or not isinstance(audience_size, int):
        raise CampaignError("The audience size must be a whole number of contacts.")
    if audience_size < 1:
        raise CampaignError(
            "Nobody in this audience may lawfully be emailed, so there is nothing to send. "
            "Choose another segment."
        )
    if history is None:
        from coursework_kit.datasets import load_email_sends

        history = load_email_sends(learner=learner)
    base = BaseRates.from_history(history)
    effects = _effects(campaign)
    rates = dict(zip(MEASURES, _nudges(learner), strict=True))
    for effect in effects:
        rates[effect.measure] *= effect.factor
    delivered = round(audience_size * base.delivery)
    opens = min(delivered, round(delivered * min(0.85, base.open * rates["open rate"])))
    ctor = min(0.6, base.click_to_open * rates["click-to-open rate"])
    clicks = min(opens, round(opens * ctor))
    unsubscribes = min(delivered, round(delivered * base.unsubscribe * rates["unsubscribe rate"]))
    if delivered == 0:
        raise CampaignError("None of the emails would be delivered to so small an audience.")
    suggestions = [e.advice for e in effects if e.advice and not e.helps]
    if not suggestions:
        suggestions.append(
            "Your choices all help. Next, test one change at a time with an A/B test."
        )
    return SimulatedResults(
        sent=audience_size,
        delivered=delivered,
        opens=opens,
        clicks=clicks,
        unsubscribes=unsubscribes,
        open_rate=open_rate(opens, delivered),
        click_to_open_rate=click_to_open_rate(clicks, opens) if opens else None,
        unsubscribe_rate=unsubscribe_rate(unsubscribes, delivered),
        base=base,
        effects=tuple(effects),
        suggestions=tuple(dict.fromkeys(suggestions)),
    )
