"""Are the synthetic Harbour & Pine datasets reproducible, valid and plausible for every seed?"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coursework_kit.datasets import _synth_campaigns as campaigns
from coursework_kit.datasets import _synth_contact_centre as centre
from coursework_kit.datasets._tables import (
    Cell,
    TableSchema,
    read_csv,
    schema_from_mapping,
    to_csv_text,
    validate_rows,
)

DATA = Path(__file__).resolve().parents[2] / "datasets"
Rows = list[dict[str, Cell]]
TABLES: dict[str, Callable[[int], Rows]] = {
    "metrics/weekly_channels.csv": campaigns.weekly_channels,
    "metrics/email_sends.csv": campaigns.email_sends,
    "contact_centre/contacts.csv": centre.contacts,
}
# Learner seeds come from a 48-bit hash of the learner id (coursework_kit.learner.variant_seed).
SEEDS = st.integers(min_value=0, max_value=2**48 - 1)
MASTER = campaigns.MASTER_SEED
PY_TYPES: dict[str, type] = {"int": int, "float": float, "str": str, "date": date, "bool": bool}


@cache
def schema(relative_csv: str) -> TableSchema:
    path = DATA / relative_csv.replace(".csv", ".schema.yaml")
    return schema_from_mapping(yaml.safe_load(path.read_text(encoding="utf-8")), source=path.name)


def check_table(relative_csv: str, rows: Rows) -> None:
    """Validate against the schema, and check each cell's Python type (validate_rows does not)."""
    table = schema(relative_csv)
    validate_rows(rows, table, source=relative_csv)
    for row in rows:
        assert list(row) == table.names
        for column in table.columns:
            value = row[column.name]
            if value is None:
                assert not column.required, column.name
            else:
                assert type(value) is PY_TYPES[column.type], (column.name, value)


def num(value: Cell) -> float:
    assert isinstance(value, (int, float))
    assert not isinstance(value, bool)
    return float(value)


def day(value: Cell) -> date:
    assert isinstance(value, date)
    return value


def ratio(top: float, bottom: float) -> float:
    assert bottom > 0
    return top / bottom


def totals(rows: Rows) -> dict[str, dict[str, float]]:
    """Each channel's figures added up over the whole table."""
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        for name, value in row.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sums[str(row["channel"])][name] += value
    return sums


def within(value: float, low: float, high: float) -> bool:
    return low <= value <= high


# --- (a) the shipped files ---------------------------------------------------------------


@pytest.mark.parametrize("relative_csv", sorted(TABLES))
def test_shipped_csv_is_the_master_seed_output(relative_csv: str) -> None:
    """Is each shipped CSV, byte for byte, what the generator makes from the master seed?"""
    rows = TABLES[relative_csv](MASTER)
    expected = to_csv_text(rows, schema(relative_csv).names).encode("utf-8")
    assert (DATA / relative_csv).read_bytes() == expected
    assert read_csv(DATA / relative_csv, schema(relative_csv)) == rows


def test_master_seeds_agree() -> None:
    """Do both generators use the same master seed, 2026?"""
    assert campaigns.MASTER_SEED == centre.MASTER_SEED == 2026


@pytest.mark.parametrize("folder", ["metrics", "contact_centre"])
def test_generate_script_runs_from_any_folder(folder: str, tmp_path: Path) -> None:
    """Does generate.py, run from another folder, write the shipped files (and others if seeded)?"""
    script = DATA / folder / "generate.py"
    for seed, same in ((None, True), (7, False)):
        out = tmp_path / f"seed-{seed}"
        args = [sys.executable, str(script), "--out", str(out)]
        args += [] if seed is None else ["--seed", str(seed)]
        subprocess.run(args, cwd=tmp_path, check=True, capture_output=True)
        written = sorted(out.glob("*.csv"))
        assert [p.name for p in written] == sorted(
            Path(t).name for t in TABLES if t.startswith(folder)
        )
        for path in written:
            assert (path.read_bytes() == (DATA / folder / path.name).read_bytes()) is same


# --- (b) every seed's tables match the schemas -------------------------------------------


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
@example(seed=MASTER)
def test_every_seed_matches_the_schemas(seed: int) -> None:
    """Does every seed give tables that pass their schemas, with the right Python types?"""
    for relative_csv, make in TABLES.items():
        check_table(relative_csv, make(seed))


# --- (c) the figures stay inside the ranges in the READMEs ---------------------------------


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
@example(seed=MASTER)
def test_campaign_rates_stay_in_range(seed: int) -> None:
    """Are each channel's CTR, costs, conversion, bounce rate and AOV plausible for every seed?"""
    rows = campaigns.weekly_channels(seed)
    t = totals(rows)
    assert set(t) == set(campaigns.CHANNELS)
    ps, so, org, disp, aff = (
        t[c] for c in ("paid_search", "paid_social", "organic_social", "display", "affiliate")
    )
    assert within(ratio(ps["clicks"], ps["impressions"]), 0.03, 0.07)
    assert within(ratio(ps["spend"], ps["clicks"]), 0.40, 1.50)  # CPC, £
    assert within(ratio(so["clicks"], so["impressions"]), 0.008, 0.018)
    assert within(ratio(so["spend"], so["impressions"]) * 1000, 4.0, 9.0)  # CPM, £
    assert within(ratio(org["engagements"], org["reach"]), 0.01, 0.05)
    assert ratio(org["clicks"], org["impressions"]) < 0.01
    assert all(r["spend"] == 0.0 for r in rows if r["channel"] == "organic_social")
    assert within(ratio(disp["clicks"], disp["impressions"]), 0.0008, 0.004)
    assert within(ratio(disp["spend"], disp["impressions"]) * 1000, 1.5, 4.0)
    assert within(ratio(aff["spend"], aff["revenue"]), 0.06, 0.10)  # commission
    assert t["email"]["spend"] < min(ps["spend"], so["spend"], disp["spend"])  # a small cost
    conversion = {c: ratio(s["conversions"], s["sessions"]) for c, s in t.items()}
    for channel, figures in t.items():
        assert within(conversion[channel], 0.01, 0.04), channel
        assert within(ratio(figures["bounced_sessions"], figures["sessions"]), 0.30, 0.65)
        assert within(ratio(figures["revenue"], figures["orders"]), 45.0, 95.0), channel  # AOV
    assert conversion["display"] < min(conversion["email"], conversion["paid_search"])


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
@example(seed=MASTER)
def test_email_rates_stay_in_range(seed: int) -> None:
    """Are delivery, open, click-to-open and unsubscribe rates plausible for every seed?"""
    sends = campaigns.email_sends(seed)

    def total(name: str) -> float:
        return sum(num(row[name]) for row in sends)

    assert within(ratio(total("delivered"), total("sent")), 0.97, 0.995)
    assert within(ratio(total("opens"), total("delivered")), 0.25, 0.45)
    assert within(ratio(total("clicks"), total("opens")), 0.08, 0.18)
    assert within(ratio(total("unsubscribes"), total("delivered")), 0.0005, 0.004)
    assert within(ratio(total("spend"), total("sent")) * 1000, 1.0, 5.0)  # £ per 1,000 emails
    assert len({row["campaign"] for row in sends}) == campaigns.WEEKS


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
@example(seed=MASTER)
def test_campaign_calendar_and_shape(seed: int) -> None:
    """Are rows in week-then-channel order, and is there a January sale and a half-term dip?"""
    rows = campaigns.weekly_channels(seed)
    expected = [(w, c) for w in range(1, 13) for c in campaigns.CHANNELS]
    assert [(r["week"], r["channel"]) for r in rows] == expected
    for row in rows:
        start = campaigns.FIRST_WEEK + timedelta(weeks=num(row["week"]) - 1)
        assert row["week_start"] == start
        assert start.weekday() == 0  # Monday
    for send in campaigns.email_sends(seed):
        assert day(send["send_date"]).weekday() == 1  # Tuesday
    sessions: dict[Cell, float] = defaultdict(float)
    revenue: dict[Cell, float] = defaultdict(float)
    for row in rows:
        sessions[row["week"]] += num(row["sessions"])
        revenue[row["week"]] += num(row["revenue"])
    sale = sum(revenue[w] for w in (1, 2, 3)) / 3
    rest = sum(revenue[w] for w in range(4, 13)) / 9
    assert sale > 1.1 * rest
    assert sessions[7] < min(sessions[6], sessions[8])


def by_channel(rows: Rows) -> dict[str, Rows]:
    groups: dict[str, Rows] = defaultdict(list)
    for row in rows:
        groups[str(row["channel"])].append(row)
    return groups


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return (ordered[middle] + ordered[~middle]) / 2


def column(rows: Rows, name: str) -> list[float]:
    return [num(r[name]) for r in rows if r[name] is not None]


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
@example(seed=MASTER)
def test_contact_centre_figures_stay_in_range(seed: int) -> None:
    """Are volumes, handling and waiting times, FCR, CSAT and NPS plausible for every seed?"""
    rows = centre.contacts(seed)
    n = len(rows)
    assert 1200 <= n <= 1600
    assert [r["contact_id"] for r in rows] == [f"C{i:05d}" for i in range(1, n + 1)]
    dates = [day(r["date"]) for r in rows]
    assert dates == sorted(dates)
    for row in rows:
        offset = (day(row["date"]) - centre.FIRST_DAY).days
        assert 0 <= offset < 28
        assert row["week"] == offset // 7 + 1
    groups = by_channel(rows)
    assert set(groups) == set(centre.CHANNELS)
    aht_bands = {"phone": (360, 540), "live_chat": (480, 720), "email": (300, 600)}
    aht_bands["social"] = (240, 420)
    for channel, (low, high) in aht_bands.items():
        handle = column(groups[channel], "handle_seconds")
        assert within(mean(handle), low, high), channel
        assert mean(handle) > median(handle)  # skewed: a few long contacts pull the mean up
    wait = {c: median(column(g, "wait_seconds")) for c, g in groups.items()}
    # Phone and chat: a minute or two. Social: tens of minutes. Email: hours.
    assert max(wait["phone"], wait["live_chat"]) < 300 < wait["social"] < wait["email"]
    assert wait["email"] > 3600

    resolved = [r for r in rows if r["resolved_first_contact"]]
    assert within(len(resolved) / n, 0.68, 0.76)
    fcr = {c: sum(bool(r["resolved_first_contact"]) for r in g) / len(g) for c, g in groups.items()}
    assert fcr["phone"] > fcr["email"]

    answered = [r for r in rows if r["csat_rating"] is not None]
    assert within(len(answered) / n, 0.25, 0.35)
    satisfied = [r for r in answered if num(r["csat_rating"]) >= 4]
    assert within(len(satisfied) / len(answered), 0.75, 0.88)
    # Customers whose problem was not sorted first time are less often satisfied.
    share = {}
    for flag in (True, False):
        group = [r for r in answered if r["resolved_first_contact"] is flag]
        share[flag] = len([r for r in group if num(r["csat_rating"]) >= 4]) / len(group)
    assert share[False] < share[True]

    scores = column(rows, "nps_score")
    assert within(len(scores) / n, 0.15, 0.25)
    nps = 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)
    assert within(nps, 15, 45)


# --- (d) the same seed, the same figures; another seed, other figures ----------------------


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS, other=SEEDS)
def test_seeds_are_reproducible_and_distinct(seed: int, other: int) -> None:
    """Does a seed always give the same rows, and a different seed clearly different figures?"""
    for make in TABLES.values():
        assert make(seed) == make(seed)
    if seed == other:
        return
    first, second = campaigns.weekly_channels(seed), campaigns.weekly_channels(other)
    changed = sum(a["sessions"] != b["sessions"] for a, b in zip(first, second, strict=True))
    assert changed >= 0.9 * len(first)
    sends = zip(campaigns.email_sends(seed), campaigns.email_sends(other), strict=True)
    assert sum(a["opens"] != b["opens"] for a, b in sends) >= 10
    calls, others = centre.contacts(seed), centre.contacts(other)
    assert column(calls, "handle_seconds") != column(others, "handle_seconds")
    assert [r["channel"] for r in calls] != [r["channel"] for r in others]


# --- (e) the two campaign tables agree ------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
@example(seed=MASTER)
def test_email_rows_agree_between_tables(seed: int) -> None:
    """Do the email rows of weekly_channels match email_sends for the same seed and week?"""
    email_rows = [r for r in campaigns.weekly_channels(seed) if r["channel"] == "email"]
    sends = campaigns.email_sends(seed)
    assert len(email_rows) == len(sends) == campaigns.WEEKS
    for row, send in zip(email_rows, sends, strict=True):
        assert row["week"] == send["week"]
        assert row["impressions"] == send["delivered"]
        assert row["reach"] == send["opens"]
        assert row["clicks"] == send["clicks"]
        assert row["spend"] == send["spend"]
        assert day(row["week_start"]) + timedelta(days=1) == send["send_date"]
