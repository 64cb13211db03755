"""A small quiz bank for the quiz tests."""

from __future__ import annotations

import textwrap

import pytest

SAMPLE_BANK = """
id: demo
title: Demo quiz
unit: 1
questions:
  - id: pick-one
    kind: single
    prompt: Which is a rate?
    options:
      - {id: a, text: CTR, correct: true, feedback: "Yes: clicks per 100 impressions."}
      - {id: b, text: Clicks, correct: false, feedback: "Clicks is a count, not a rate."}
  - id: pick-many
    kind: multiple
    prompt: Which are email metrics?
    options:
      - {id: a, text: Open rate, correct: true, feedback: "Yes, opens per email delivered."}
      - {id: b, text: Click-to-open rate, correct: true, feedback: "Yes, clicks per open."}
      - {id: c, text: CPM, correct: false, feedback: "CPM is the cost of 1,000 ad views."}
  - id: yes-no
    kind: true_false
    prompt: SEO is done once.
    options:
      - {id: "true", text: "True", correct: false, feedback: "No: search engines change."}
      - {id: "false", text: "False", correct: true, feedback: "Right: SEO never ends."}
"""


@pytest.fixture
def write_bank(tmp_path):
    """Write a bank (the sample, or a changed copy) to a file and return its path."""

    def write(text: str = SAMPLE_BANK):
        path = tmp_path / "bank.yaml"
        path.write_text(textwrap.dedent(text))
        return path

    return write


@pytest.fixture
def sample_bank():
    return SAMPLE_BANK
