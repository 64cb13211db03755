"""nbgrader configuration for the coursework-kit course.

Run nbgrader commands from this folder (assignments/), e.g. `nbgrader generate_assignment ...`.
Source notebooks live in source/<assignment>/; nbgrader writes release/, submitted/,
autograded/, feedback/ and gradebook.db beside them (all ignored by git).
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

c.CourseDirectory.course_id = "coursework-kit"

# The gradebook beside this file, as nbgrader's default, but waiting up to a minute for a lock
# (the Formgrader saving a mark, say) instead of stopping the whole class's autograde. For a
# PostgreSQL gradebook, set db_url to its address instead.
_gradebook = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gradebook.db")
c.CourseDirectory.db_url = f"sqlite:///{_gradebook}?timeout=60"

# Learners' activities save their work in evidence/ beside each notebook; nbgrader collects the
# whole assignment folder, so the evidence travels with the submission. Keep it, but not the
# caches a kernel may leave.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# What a learner sees in place of a removed solution. Each answer cell already says
# `answer = None  # type your answer in place of None` above its solution, so the code stub is
# empty: no "raise NotImplementedError()" to frighten a learner who is not a programmer.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = "Type your answer here."

# A notebook should finish well inside this; a widget never waits for input while
# NBGRADER_EXECUTION is set.
c.ExecutePreprocessor.timeout = 120

# Marks are worked out by the grader, not by the learner's kernel (the kernel runs the
# learner's code, so anything it reports could be forged). SafeSubmission drops anything a
# submission links to outside itself and repairs a notebook a learner broke; GraderExecute runs
# the notebook in a sandbox and reads the answers out as plain data; GraderScores marks every
# check cell from the answer keys in keys/ (tutor-only: never released). See the README's
# tutor section for what this protects and what it does not.
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

from coursework_kit.tutor.grading.grader import (  # noqa: E402
    GraderExecute,
    GraderScores,
    SafeSubmission,
)

c.Autograde.sanitize_preprocessors = [
    SafeSubmission,
    ClearOutput,
    DeduplicateIds,
    OverwriteKernelspec,
    OverwriteCells,
    CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    GraderExecute,
    GraderScores,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
