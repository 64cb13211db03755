"""A learner's portfolio: all their evidence across the workbooks and assignments, in unit
order, each piece shown as it looked with its date, the feedback its activity gives, the
learner's reflection and the criteria it evidences; and a table per unit of each criterion
with the evidence for it, or what would give it.

Logic and HTML only (no widgets, no charts), so it runs the same in a notebook, on the command
line (:mod:`.command`) and for a whole class::

    from coursework_kit.portfolio import build_portfolio
    build_portfolio("evidence").write("portfolio.html")
"""

from __future__ import annotations

from coursework_kit.portfolio.build import (
    ClassPortfolios,
    Portfolio,
    build_class_portfolios,
    build_portfolio,
    build_submission_portfolio,
)

__all__ = [
    "ClassPortfolios",
    "Portfolio",
    "build_class_portfolios",
    "build_portfolio",
    "build_submission_portfolio",
]
