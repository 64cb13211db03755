"""For tutors and assessors: what nbgrader's check cells call (:mod:`.grading`), the criteria
catalogue (:mod:`.criteria`), which criteria each learner has evidenced (:mod:`.reports`, with
its pages in :mod:`.report_pages`), the demo class (:mod:`.demo`) and the ``coursework``
command line (:mod:`.cli`).

Nothing is imported here: a learner's notebook importing ``coursework_kit.tutor.grading`` at
autograde time loads only what it needs.
"""

from __future__ import annotations

__all__: list[str] = []
