"""Writing output files so that a failure never leaves a half-written or clobbered file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from drafter.errors import OutputError, display_path


def check_writable(path: Path, *, force: bool) -> None:
    """Refuse to replace an existing file unless forced; refuse a directory always."""
    if path.is_dir():
        raise OutputError(f"{display_path(path)}: is a directory, expected an output file")
    if path.exists() and not force:
        raise OutputError(f"{display_path(path)}: already exists (use --force to overwrite)")


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it."""
    check_writable(path, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{display_path(path)}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # a full disk, say: the user's to fix, not a bug
            raise OutputError(f"{display_path(path)}: cannot write: {exc.strerror}") from None
        raise


def _file_mode(path: Path) -> int:
    """The mode the output should have: the replaced file's, else what the umask gives a new file.

    `mkstemp` creates files readable by their owner only; a draft is an ordinary file.
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return mode_for_new(0o666)


def mode_for_new(requested: int) -> int:
    """The mode the umask gives a new file (`0o666`) or folder (`0o777`): what `open`/`mkdir` would."""
    umask = os.umask(0)
    os.umask(umask)
    return requested & ~umask
