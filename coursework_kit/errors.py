"""The one error family every part of coursework_kit raises.

Messages are written for learners: they say what was wrong and what to do, in plain British
English. Subclasses also derive from the built-in exception they really are (``ValueError`` or
``TypeError``), so ordinary ``except ValueError`` code keeps working.
"""

from __future__ import annotations

__all__ = [
    "CourseworkError",
    "DatasetError",
    "EvidenceError",
    "MetricInputError",
    "MetricTypeError",
    "QuizError",
    "RecordShapeError",
]


class CourseworkError(Exception):
    """Base class for every error coursework_kit raises on purpose."""


class MetricInputError(CourseworkError, ValueError):
    """A figure given to a metric cannot be used (negative, zero where it divides, too big...)."""


class MetricTypeError(MetricInputError, TypeError):
    """A figure given to a metric is not a number at all (text, True/False, a list...)."""


class DatasetError(CourseworkError, ValueError):
    """A data file is missing, cannot be read, or does not match its schema."""


class EvidenceError(CourseworkError, ValueError):
    """Evidence cannot be saved: a bad activity name or a folder that cannot be written to."""


class QuizError(CourseworkError, ValueError):
    """A quiz question file is wrong, or an answer does not fit the question."""


class RecordShapeError(EvidenceError):
    """An evidence file does not have the shape of the activity record it claims to be."""
