"""coursework_kit: widgets and checks for Jupyter coursework in online customer service and
digital marketing.

Importing the package is cheap: sub-packages (and the heavy libraries behind widgets and
charts) load only when first used, e.g. ``from coursework_kit.metrics import ctr``.
"""

from __future__ import annotations

from coursework_kit.errors import (
    CourseworkError,
    DatasetError,
    EvidenceError,
    MetricInputError,
    MetricTypeError,
    QuizError,
)

__version__ = "0.1.0"

__all__ = [
    "CourseworkError",
    "DatasetError",
    "EvidenceError",
    "MetricInputError",
    "MetricTypeError",
    "QuizError",
    "__version__",
]
