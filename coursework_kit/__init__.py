"""coursework_kit: widgets and checks for Jupyter coursework in online customer service and
digital marketing.

Importing the package is cheap: sub-packages (and the heavy libraries behind widgets and
charts) load only when first used, e.g. ``from coursework_kit.metrics import ctr``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit.errors import (
    CourseworkError,
    DatasetError,
    EvidenceError,
    MetricInputError,
    MetricTypeError,
    QuizError,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from coursework_kit.learner import LearnerCard

__version__ = "0.1.0"

__all__ = [
    "CourseworkError",
    "DatasetError",
    "EvidenceError",
    "MetricInputError",
    "MetricTypeError",
    "QuizError",
    "__version__",
    "set_learner_id",
]


def set_learner_id(
    new_id: str, *, folder: Path | None = None, environ: Mapping[str, str] | None = None
) -> LearnerCard:
    """On Binder, use ``new_id`` as your learner id from now on, so your figures match the
    work you downloaded before: ``coursework_kit.set_learner_id("learner-7f3k2q")``.

    See :func:`coursework_kit.learner.set_learner_id`.
    """
    from coursework_kit.learner import set_learner_id as set_id

    return set_id(new_id, folder=folder, environ=environ)
