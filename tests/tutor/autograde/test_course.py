"""Does the grader's once-built metadata check give nbgrader's own verdicts?"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

CHECK = textwrap.dedent(
    """
    import json, sys
    import nbformat
    from nbgrader.nbgraderformat import MetadataValidator, ValidationError
    if sys.argv[1] == "fast":
        from coursework_kit.tutor.autograde.course import fast_metadata_checks
        fast_metadata_checks()
        fast_metadata_checks()  # twice is the same as once
    good = {"grade": True, "grade_id": "q1", "locked": False, "points": 2,
            "schema_version": 3, "solution": True, "task": False}
    cases = [good, {**good, "points": "two"}, {**good, "grade_id": 7},
             {**good, "points": -1}, {**good, "locked": "yes", "grade": None}]
    verdicts = []
    for meta in cases:
        cell = nbformat.v4.new_code_cell("x = 1", metadata={"nbgrader": meta})
        try:
            MetadataValidator().validate_cell(cell)
            verdicts.append("ok")
        except ValidationError as error:
            verdicts.append(type(error).__name__ + ": " + error.message)
    print(json.dumps(verdicts))
    """
)


def _verdicts(mode: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", CHECK, mode], capture_output=True, text=True, check=True
    )
    return list(json.loads(out.stdout))


def test_metadata_checks_built_once_agree_with_nbgraders():
    """Are good and damaged nbgrader cell metadata judged, with the same messages, as nbgrader
    judges them without the once-built validator?"""
    plain, fast = _verdicts("plain"), _verdicts("fast")
    assert plain == fast
    assert plain[0] == "ok"
    assert all(verdict.startswith("ValidationError") for verdict in plain[1:])
