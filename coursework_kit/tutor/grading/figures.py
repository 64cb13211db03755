"""Each learner's right answers, worked out in the grader from their own figures.

The assignments' set-up cells show a learner the figures drawn for their learner id; the
functions here work out, from the same datasets, what each numeric answer should be. They run
in the grader's process with the learner id nbgrader gives, never in the learner's kernel, so
nothing a learner types or redefines changes them. An answer key (``assignments/keys/``) names
a figure by its key here, for example ``unit1.ctr``.

The formulas are the course's own (``coursework_kit.metrics``): knowing them is what the tasks
assess, so they are not secret. The choice answers and mark schemes are, and live only in the
tutor's key files.

Each numeric figure also has the form its answer takes (:data:`FORMS`: its unit, and the
decimal places the notebook tells the learner to round to). :func:`figure_matches` judges a
learner's answer against a figure by the rule every self-check uses
(:func:`coursework_kit.metrics.answers.close_enough`), reading it with the same reader
(:func:`coursework_kit.metrics.parsing.read_answer`), so a self-check and the grader give the
same verdict for the same answer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

__all__ = ["FIGURES", "FORMS", "AnswerForm", "answer_form", "figure_matches", "figures_for"]

Figures = dict[str, float | str]


@dataclass(frozen=True)
class AnswerForm:
    """How a numeric answer is written: its unit (one of
    :data:`coursework_kit.metrics.answers.UNITS`) and the decimal places the learner is told to
    round to (None for whole numbers worked step by step, and where nothing is said)."""

    unit: str
    places: int | None = None


_RATE = AnswerForm("percent", 2)
_MONEY = AnswerForm("pounds", 2)
_SECONDS = AnswerForm("seconds", 2)

# figure set -> figure -> the form of its answer, as each assignment's notebook asks for it
FORMS: dict[str, dict[str, AnswerForm]] = {
    "unit1": {"ctr": _RATE, "conversion": _RATE, "open_rate": _RATE, "roi": _RATE},
    "unit2": {"conversion": _RATE, "aov": _MONEY, "cac": _MONEY},
    "unit3": {"aht": _SECONDS, "fcr": _RATE},
    "unit4": {"wait": _SECONDS, "csat": _RATE},
    "unit5": {
        "clicks": AnswerForm("count"),
        "orders": AnswerForm("count"),
        "roas": AnswerForm("ratio", 2),
        "rate_a": _RATE,
        "rate_b": _RATE,
    },
}


def _unit1(learner: str) -> Figures:
    from coursework_kit.datasets import load_campaigns, load_email_sends
    from coursework_kit.metrics import conversion_rate, ctr, open_rate, roi

    campaigns = load_campaigns(learner=learner)
    emails = load_email_sends(learner=learner)
    a = campaigns[(campaigns["channel"] == "paid_search") & (campaigns["week"] == 5)].iloc[0]
    e = emails[emails["week"] == 6].iloc[0]
    social = campaigns[campaigns["channel"] == "paid_social"]
    spend = round(float(social["spend"].sum()), 2)
    revenue = round(float(social["revenue"].sum()), 2)
    return {
        "ctr": ctr(int(a.clicks), int(a.impressions)),
        "conversion": conversion_rate(int(a.conversions), int(a.sessions)),
        "open_rate": open_rate(int(e.opens), int(e.delivered)),
        "roi": roi(revenue, spend),
    }


def _unit2(learner: str) -> Figures:
    from coursework_kit.datasets import load_campaigns
    from coursework_kit.metrics import aov, cac, conversion_rate

    campaigns = load_campaigns(learner=learner)
    social = campaigns[campaigns["channel"] == "paid_social"]
    totals = {
        name: round(float(social[name].sum()), 2)
        for name in ("sessions", "conversions", "orders", "revenue", "spend", "new_customers")
    }
    return {
        "conversion": conversion_rate(totals["conversions"], totals["sessions"]),
        "aov": aov(totals["revenue"], totals["orders"]),
        "cac": cac(totals["spend"], totals["new_customers"]),
    }


def _unit3(learner: str) -> Figures:
    from coursework_kit.datasets import load_contacts
    from coursework_kit.metrics import aht, fcr

    contacts = load_contacts(learner=learner)
    chats = contacts[(contacts["channel"] == "live_chat") & (contacts["week"] == 3)]
    handle_total, chat_count = int(chats["handle_seconds"].sum()), len(chats)
    resolved = int(chats["resolved_first_contact"].sum())
    return {"aht": aht(handle_total, chat_count), "fcr": fcr(resolved, chat_count)}


def _unit4(learner: str) -> Figures:
    from coursework_kit.datasets import load_contacts
    from coursework_kit.metrics import csat

    contacts = load_contacts(learner=learner)
    chats = contacts[(contacts["channel"] == "live_chat") & (contacts["week"] == 2)]
    wait_total, chat_count = int(chats["wait_seconds"].sum()), len(chats)
    ratings = [int(r) for r in chats["csat_rating"].dropna()]
    return {"wait": wait_total / chat_count, "csat": csat(ratings)}


def _unit5(learner: str) -> Figures:
    from coursework_kit.datasets import load_campaigns
    from coursework_kit.learner import variant_seed
    from coursework_kit.metrics import ab_test
    from coursework_kit.planning import CampaignPlan, Channel, project

    history = load_campaigns(learner=learner)
    search = history[history["channel"] == "paid_search"]
    cpc = round(float(search["spend"].sum() / search["clicks"].sum()), 2)
    conversion = round(float(search["orders"].sum() / search["clicks"].sum() * 100), 2)
    order_value = round(float(search["revenue"].sum() / search["orders"].sum()), 2)
    budget = 8000
    plan = CampaignPlan(
        name="Marked plan",
        objective="acquisition",
        audience="New customers",
        budget=budget,
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
        channels=(Channel("paid_search", 100, "cpc", cpc, 5, conversion, order_value),),
    )
    expected = project(plan)

    test = random.Random(variant_seed(learner, "unit5-ab-test"))
    visitors = test.randrange(2000, 4001, 100)
    base_rate = test.uniform(2.5, 4.0)
    orders_a = round(visitors * base_rate / 100)
    orders_b = round(visitors * base_rate * (1 + test.choice([0.03, 0.6])) / 100)
    result = ab_test(orders_a, visitors, orders_b, visitors)
    return {
        "clicks": expected.clicks,
        "orders": expected.conversions,
        "roas": expected.revenue / budget,
        "rate_a": result.rate_a,
        "rate_b": result.rate_b,
        "significant": "a" if result.significant else "b",
    }


FIGURES: dict[str, Callable[[str], Figures]] = {
    "unit1": _unit1,
    "unit2": _unit2,
    "unit3": _unit3,
    "unit4": _unit4,
    "unit5": _unit5,
}


def figures_for(name: str, learner: str) -> Figures:
    """The right answers for ``learner`` in the figure set ``name`` (e.g. "unit1")."""
    from coursework_kit.errors import CourseworkError

    if name not in FIGURES:
        known = ", ".join(sorted(FIGURES))
        raise CourseworkError(f"There are no figures called {name!r}. Known: {known}.")
    return FIGURES[name](learner)


def answer_form(name: str, figure: str) -> AnswerForm:
    """The form of the answer to ``figure`` in the figure set ``name``."""
    from coursework_kit.errors import CourseworkError

    forms = FORMS.get(name, {})
    if figure not in forms:
        raise CourseworkError(
            f"The figure set {name!r} has no numeric figure called {figure!r}; "
            f"its numeric figures are {', '.join(forms) or 'none'}."
        )
    return forms[figure]


def figure_matches(name: str, figure: str, answer: object, expected: float) -> bool:
    """Whether ``answer`` (as the learner gave it: a number, or text such as "£4,920") is right
    for ``figure`` of the set ``name``, whose right value is ``expected``. An answer that is not
    a number is not right."""
    from coursework_kit.errors import MetricInputError
    from coursework_kit.metrics.answers import close_enough
    from coursework_kit.metrics.parsing import read_answer

    form = answer_form(name, figure)
    try:
        reading = read_answer(answer)
    except MetricInputError:
        return False
    return close_enough(reading.value, float(expected), form.unit, places=form.places)
