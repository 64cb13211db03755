"""``coursework autograde``: nbgrader autograde for a whole class, several learners at a time,
on this computer or a Dask cluster, grading again only what has changed."""

from __future__ import annotations

from coursework_kit.tutor.autograde.run import AutogradeRun, Plan, plan_autograde, run_autograde
from coursework_kit.tutor.autograde.work import Outcome

__all__ = ["AutogradeRun", "Outcome", "Plan", "plan_autograde", "run_autograde"]
