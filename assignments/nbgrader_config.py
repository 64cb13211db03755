"""nbgrader configuration for the coursework-kit course.

Run nbgrader commands from this folder (assignments/), e.g. `nbgrader generate_assignment ...`.
Source notebooks live in source/<assignment>/; nbgrader writes release/, submitted/,
autograded/, feedback/ and gradebook.db beside them (all ignored by git).
"""

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

c.CourseDirectory.course_id = "coursework-kit"

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
