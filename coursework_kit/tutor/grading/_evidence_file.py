"""An evidence file read from a submission as hostile input, and the chat record in its bytes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coursework_kit.errors import CourseworkError, EvidenceError, UnreadableRecordError

if TYPE_CHECKING:
    from coursework_kit.chat import ChatRecord

MAX_DEPTH = 32  # an evidence document nests about 7 deep
_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = _FLAGS | getattr(os, "O_DIRECTORY", 0)


def _check_name(name: str) -> None:
    bad = ("/", "\\", "\0", os.sep, os.altsep or "/")
    if not name or name in (".", "..") or ".." in name or any(c in name for c in bad):
        raise EvidenceError(
            f"{name!r} is not a file name: give the file's own name, with no folders in it."
        )


def _link(what: str) -> UnreadableRecordError:
    return UnreadableRecordError(
        f"{what} is a link to somewhere else, not something the learner saved, so it was not "
        "read. Ask the learner to hand in the file itself."
    )


def read_evidence(
    folder: Path,
    name: str,
    *,
    max_bytes: int = 2_000_000,
    root: Path | None = None,
) -> bytes | None:
    """The bytes of the file ``name`` in ``folder``, read as hostile input; None if it is not there.

    ``root`` is the submission's own folder (``submitted/<id>/<assignment>``; ``folder`` itself
    when not given) and ``folder`` must be inside it. ``root`` and every folder from it down to
    the file are opened one at a time without following links, so a link anywhere below the
    submission's folder is refused, as are anything but a plain file (a folder, a device, a
    pipe), a file over ``max_bytes`` and a ``name`` with folders or ".." in it.

    Raises :class:`~coursework_kit.errors.UnreadableRecordError` saying why the file was refused
    (an :class:`~coursework_kit.errors.EvidenceError` for a ``name`` that is not a file name).
    """
    _check_name(name)
    base = Path(root if root is not None else folder)
    try:
        steps = Path(folder).relative_to(base).parts
    except ValueError:
        raise EvidenceError(f"{folder} is not inside the submission folder {base}.") from None
    if any(step in ("..", ".") for step in steps):
        raise EvidenceError(f"{folder} must not go up a folder ('..').")
    if os.open not in os.supports_dir_fd:  # no openat (Windows): check each part by its path
        return _read_by_path(base, steps, name, max_bytes)
    opened: list[int] = []
    try:
        for number, step in enumerate((None, *steps)):
            where = base if step is None else base.joinpath(*steps[:number])
            try:
                opened.append(
                    os.open(base, _DIR_FLAGS)
                    if step is None
                    else os.open(step, _DIR_FLAGS, dir_fd=opened[-1])
                )
            except FileNotFoundError:
                return None
            except OSError as exc:
                if where.is_symlink():
                    raise _link(where.name) from exc
                raise UnreadableRecordError(
                    f"{where.name} could not be opened as a folder ({exc.strerror})."
                ) from exc
        try:
            fd = os.open(name, _FLAGS | getattr(os, "O_NONBLOCK", 0), dir_fd=opened[-1])
        except FileNotFoundError:
            return None
        except OSError as exc:
            if _is_link(opened[-1], name):
                raise _link(name) from exc
            raise UnreadableRecordError(f"{name} could not be opened ({exc.strerror}).") from exc
        opened.append(fd)
        return _read_open(fd, name, max_bytes)
    finally:
        for fd in reversed(opened):
            os.close(fd)


def _is_link(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _read_open(fd: int, name: str, max_bytes: int) -> bytes:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableRecordError(f"{name} is not an ordinary file, so it was not read.")
    if info.st_size > max_bytes:
        raise UnreadableRecordError(
            f"{name} is {info.st_size:,} bytes, far larger than any real evidence file "
            f"(the limit is {max_bytes:,}), so it was not read."
        )
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:  # it grew while being read
        raise UnreadableRecordError(f"{name} is larger than the limit of {max_bytes:,} bytes.")
    return b"".join(chunks)


def _read_by_path(base: Path, steps: tuple[str, ...], name: str, max_bytes: int) -> bytes | None:
    here = base
    for step in (None, *steps, name):
        here = here if step is None else here / step
        try:
            info = here.lstat()
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(info.st_mode):
            raise _link(here.name)
    try:
        fd = os.open(here, _FLAGS)
    except OSError as exc:
        raise UnreadableRecordError(f"{name} could not be opened ({exc.strerror}).") from exc
    try:
        return _read_open(fd, name, max_bytes)
    finally:
        os.close(fd)


def _depth(value: Any) -> int:
    """How deeply ``value`` nests lists and mappings (counted without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number JSON allows")


def chat_record_from_bytes(data: bytes, *, name: str = "the chat file") -> ChatRecord:
    """The :class:`~coursework_kit.chat.ChatRecord` in ``data``, checked against its schema.

    The record's own check (``ChatRecord.from_json``, as ``RecordFile.load`` uses) decides
    what a chat record is; this adds what hostile bytes need first: UTF-8 JSON, no NaN, no
    deep nesting. Whether the record is for the right scenario is :func:`verify_chat`'s to say.
    Raises :class:`~coursework_kit.errors.UnreadableRecordError`.
    """
    from coursework_kit.chat import ChatRecord

    unreadable = (
        f"{name} is not a chat saved by the chat activity, so it cannot count as evidence. "
        "Ask the learner to hold the chat again."
    )
    try:
        document = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        raise UnreadableRecordError(f"{name} is nested far too deeply to be a chat.") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnreadableRecordError(f"{unreadable} (It is not readable JSON.)") from exc
    if _depth(document) > MAX_DEPTH:
        raise UnreadableRecordError(f"{name} is nested far too deeply to be a chat.")
    try:
        return ChatRecord.from_json(document)
    except (CourseworkError, ValueError, TypeError, KeyError, RecursionError) as exc:
        raise UnreadableRecordError(f"{unreadable} ({exc}.)") from exc
