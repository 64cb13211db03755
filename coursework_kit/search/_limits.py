"""The search snippet and search ad limits (``datasets/search/limits.yaml``, checked November
2026), each with its value, source and why it matters, and what Google's advertising policies
say about an ad's words (as at 2025). Validated against its JSON Schema the
first time it is needed, then kept in memory."""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["ad_policy", "search_limits"]


@cache
def search_limits() -> dict[str, dict[str, dict[str, Any]]]:
    """The snippet and search ad limits, each with its value, source and why it matters."""
    from coursework_kit.datasets._shipped import load_shipped

    raw: dict[str, dict[str, dict[str, Any]]] = load_shipped(
        "search/limits.yaml", schema="search/limits.schema.json"
    )
    return raw


def ad_policy() -> dict[str, Any]:
    """What Google's advertising policies say about an ad's words: the sources (each with the
    date it reflects) and the claims an ad cannot make without proof."""
    policy: dict[str, Any] = search_limits()["ad_policy"]
    return policy
