"""The writing checks' findings, and how they become the kit's shared findings."""

from __future__ import annotations

from coursework_kit.findings import Finding, ordered, shared


def test_shared_keeps_every_part_of_a_finding():
    """Does a posts finding become a shared finding with its rule, words, why and source?"""
    (found,) = shared([Finding("must fix", "alt-text", "No alt text.", "Why.", "WCAG")])
    assert (found.severity, found.check, found.message, found.why, found.source) == (
        "must fix",
        "alt-text",
        "No alt text.",
        "Why.",
        "WCAG",
    )


def test_ordered_puts_must_fix_first():
    """Are findings ordered must fix, should fix, good, and otherwise as found?"""
    good, fix, should = (
        Finding("good", "a", "A.", "Why."),
        Finding("must fix", "b", "B.", "Why."),
        Finding("should fix", "c", "C.", "Why."),
    )
    assert ordered([good, fix, should]) == (fix, should, good)
