"""The course folder as ``coursework autograde`` sees it: settings, hand-ins, what is graded.

Settings come from ``nbgrader_config.py`` exactly as nbgrader reads them (Jupyter's config
folders, then the course folder), so the gradebook, course id and preprocessors are the ones
plain ``nbgrader autograde`` would use. What has been graded is kept in ``.coursework/`` in the
course folder: one small file per learner and assignment, holding a fingerprint of everything
that decides their marks (their hand-in, the assignment's source, its answer key and the
course settings). A learner is graded again only when that fingerprint changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from coursework_kit.errors import CourseworkError

__all__ = ["Course", "fast_imports", "fast_metadata_checks", "open_course"]

STATE = ".coursework"


def fast_imports() -> None:
    """Skip the one slow optional import on the grader's path.

    nbgrader imports nbformat, which imports jsonschema, which imports ``rfc3987_syntax`` if it
    is installed (for checking "iri" formats) and compiles a grammar: about two seconds in every
    grading process. Nothing nbgrader does while grading checks that format, so the module is
    marked as absent before jsonschema looks for it. Without this, grading is only slower.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def fast_metadata_checks() -> None:
    """Check each cell's nbgrader metadata with a schema validator built once per process.

    nbgrader checks every cell with ``jsonschema.validate``, which first checks the schema itself
    against its meta-schema, every time: about 2 ms a cell, 0.2 s a learner. This gives nbgrader
    the same check with the validator built once per schema: the same validator class and the
    same error (jsonschema's ``best_match``), so the same verdicts and messages.
    """
    from nbgrader.nbgraderformat import common

    if isinstance(common.jsonschema, _OnceValidated):
        return
    common.jsonschema = _OnceValidated()


class _OnceValidated:
    """Stands in for the ``jsonschema`` module inside nbgrader's metadata checks."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def validate(self, instance: Any, schema: dict[str, Any]) -> None:
        import jsonschema

        key = json.dumps(schema, sort_keys=True)
        validator = self._built.get(key)
        if validator is None:
            kind = jsonschema.validators.validator_for(schema)
            kind.check_schema(schema)
            validator = self._built[key] = kind(schema)
        error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error


def _config(root: Path) -> Any:
    fast_imports()
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    config = Config()
    for folder in [*reversed(jupyter_config_path()), str(root)]:
        try:
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
        except ConfigFileNotFound:
            continue
    return config


@dataclass(frozen=True)
class Course:
    """An nbgrader course folder and its settings."""

    root: Path
    db_url: str
    course_id: str
    config: Any  # traitlets Config, as nbgrader reads it

    @property
    def state(self) -> Path:
        return self.root / STATE

    def handed_in(self, assignment: str) -> list[str]:
        """Every learner with a folder for ``assignment`` in submitted/, sorted."""
        submitted = self.root / "submitted"
        if not submitted.is_dir():
            return []
        return sorted(
            entry.name
            for entry in os.scandir(submitted)
            if entry.is_dir(follow_symlinks=False)
            and (submitted / entry.name / assignment).is_dir()
        )

    def fingerprint(self, assignment: str, learner: str) -> str:
        """A hash of everything that decides this learner's marks for ``assignment``."""
        digest = hashlib.sha256()
        for label, folder in (
            ("hand-in", self.root / "submitted" / learner / assignment),
            ("source", self.root / "source" / assignment),
        ):
            digest.update(f"\0{label}\0".encode())
            _hash_folder(digest, folder)
        for path in (self.root / "keys" / f"{assignment}.yaml", self.root / "nbgrader_config.py"):
            digest.update(f"\0{path.name}\0".encode())
            _hash_file(digest, path)
        return digest.hexdigest()

    def _stamp(self, assignment: str, learner: str) -> Path:
        return self.state / "autograde" / assignment / f"{learner}.json"

    def log_path(self, assignment: str, learner: str) -> Path:
        return self.state / "autograde" / assignment / f"{learner}.log"

    def is_current(self, assignment: str, learner: str, fingerprint: str) -> bool:
        """Was this hand-in graded, as it is now, and are the results still there?"""
        try:
            stamp = json.loads(self._stamp(assignment, learner).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        graded = self.root / "autograded" / learner / assignment
        return (
            isinstance(stamp, dict)
            and stamp.get("fingerprint") == fingerprint
            and any(graded.glob("*.ipynb"))
        )

    def record(self, assignment: str, learner: str, fingerprint: str | None) -> None:
        """Note that this learner was graded (or, with None, that they must be again)."""
        stamp = self._stamp(assignment, learner)
        if fingerprint is None:
            stamp.unlink(missing_ok=True)
            return
        stamp.parent.mkdir(parents=True, exist_ok=True)
        when = datetime.now(timezone.utc).isoformat(timespec="seconds")
        temporary = stamp.with_suffix(".tmp")
        temporary.write_text(json.dumps({"fingerprint": fingerprint, "graded": when}))
        temporary.replace(stamp)

    def gradebook_assignments(self) -> list[str]:
        from nbgrader.api import Gradebook

        with Gradebook(self.db_url, self.course_id) as gradebook:
            return sorted(a.name for a in gradebook.assignments)

    def graded_learners(self, assignment: str) -> set[str]:
        """Learners the gradebook has a submission of ``assignment`` for."""
        from nbgrader.api import Gradebook

        with Gradebook(self.db_url, self.course_id) as gradebook:
            return {s.student.id for s in gradebook.assignment_submissions(assignment)}


def _hash_file(digest: Any, path: Path) -> None:
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        digest.update(b"\0missing\0")


def _hash_folder(digest: Any, folder: Path) -> None:
    """Names and contents, without following links (a link is hashed as where it points)."""
    if not folder.is_dir():
        digest.update(b"\0missing\0")
        return
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        base = Path(dirpath)
        for name in sorted(filenames) + [d for d in dirnames if (base / d).is_symlink()]:
            path = base / name
            digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                digest.update(f"link:{os.readlink(path)}".encode())
            elif stat.S_ISREG(info.st_mode):
                _hash_file(digest, path)
            else:  # a pipe or a device is never opened (reading one could wait for ever)
                digest.update(f"special:{stat.S_IFMT(info.st_mode)}".encode())


def open_course(folder: str | Path) -> Course:
    """Read an nbgrader course folder's settings, or explain why it is not one."""
    root = Path(folder).resolve()
    if not (root / "nbgrader_config.py").is_file():
        raise CourseworkError(
            f"{root} is not an nbgrader course folder: it has no nbgrader_config.py. Run this "
            "in the course folder (the one with source/ and submitted/ in it), or name it "
            "with --course."
        )
    try:
        config = _config(root)
    except Exception as exc:  # the tutor's own settings file: say which line, and stop
        raise CourseworkError(
            f"nbgrader_config.py in {root} could not be read: {type(exc).__name__}: {exc}"
        ) from exc
    from nbgrader.coursedir import CourseDirectory

    settings = config.get("CourseDirectory", {})
    if "root" in settings:
        root = Path(settings["root"]).resolve()
    coursedir = CourseDirectory(config=config, root=str(root))
    return Course(root=root, db_url=coursedir.db_url, course_id=coursedir.course_id, config=config)
