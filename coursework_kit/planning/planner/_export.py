"""What to tell the learner when the planner's one-page summary cannot be written."""

from __future__ import annotations

from pathlib import Path

__all__ = ["not_written"]


def not_written(folder: Path, exc: OSError) -> str:
    """Why the summary could not be written, and what to do, in plain words."""
    import errno

    reasons = {
        errno.ENOENT: "there is no such folder",
        errno.ENOTDIR: "part of that folder's name is a file, not a folder",
        errno.EACCES: "you do not have permission to save files there",
        errno.EPERM: "you do not have permission to save files there",
        errno.EROFS: "that folder can only be read, not written to",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "you have used all the space you are allowed",
        errno.EISDIR: "a folder has the name the summary needs",
    }
    reason = reasons.get(exc.errno or 0, (exc.strerror or "it could not be written").lower())
    return (
        f"The summary could not be saved in {folder}: {reason}. Your plan is still saved in "
        "the evidence folder. Choose a folder you can save in, then press Export plan again."
    )
