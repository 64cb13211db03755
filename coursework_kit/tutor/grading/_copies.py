"""Files nbgrader copied that grading must not keep: links and odd files in a submission, and
anything in ``autograded/`` but the notebooks, the assignment's own files, nbgrader's own files
and evidence records."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path


def unsafe_files(submission: Path) -> set[Path]:
    """Paths (relative to ``submission``) nbgrader must not have copied: links (to files or
    folders), and anything that is not an ordinary file or folder."""
    found: set[Path] = set()
    for folder, dirs, files in os.walk(submission, followlinks=False):
        here = Path(folder)
        for name in [*dirs, *files]:
            info = (here / name).lstat()
            if stat.S_ISLNK(info.st_mode) or not (
                stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)
            ):
                found.add((here / name).relative_to(submission))
    return found


_NBGRADER_FILES = {"timestamp.txt", "submission_secret.txt"}
_EVIDENCE_MARK = b'"format": "coursework-kit evidence"'
_MAX_EVIDENCE = 2_000_000


def _is_evidence(path: Path) -> bool:
    """An evidence record, as the activities write them (not any file a learner put there)."""
    if path.parent.name != "evidence" or path.suffix != ".json" or path.is_symlink():
        return False
    try:
        if path.stat().st_size > _MAX_EVIDENCE:
            return False
        with path.open("rb") as handle:
            return _EVIDENCE_MARK in handle.read(200)
    except OSError:
        return False


def extra_files(autograded: Path, source: Path) -> set[Path]:
    """What nbgrader copied into ``autograded`` that grading and feedback do not need: anything
    but the notebooks, the assignment's own files from ``source``, nbgrader's own files and
    evidence records. nbgrader's ``collect`` copies what a link in a submission pointed at (a
    tutor's file, ``/etc/passwd``), so a file's name cannot be trusted; only these are kept."""
    extra: set[Path] = set()
    for folder, _dirs, files in os.walk(autograded, followlinks=False):
        for name in files:
            path = Path(folder) / name
            rel = path.relative_to(autograded)
            kept = (
                (len(rel.parts) == 1 and (rel.suffix == ".ipynb" or name in _NBGRADER_FILES))
                or ((source / rel).is_file() and not (source / rel).is_symlink())
                or (len(rel.parts) == 2 and _is_evidence(path))
            )
            if not kept or path.is_symlink():
                extra.add(rel)
    return extra


def _remove_copies(autograded: Path, unsafe: set[Path]) -> list[str]:
    removed = []
    for rel in sorted(unsafe):
        target = autograded / rel
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        else:
            continue
        removed.append(str(rel))
    return removed
