"""Writing output files so that a failure never leaves a half-written or clobbered file.

A file is written to a temporary file in its own folder, then moved into place: with `force` by
`os.replace`, without it by `os.link`, which fails when the name exists, so that of two commands
writing the same new output exactly one succeeds and the other says the file exists.

Temporary names carry the writer's process id (`.NAME.drafter-PID-XXXX.tmp`); a command killed
half-way leaves its temporary file behind, and the next write into that folder removes the ones
whose process is gone (`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path

from drafter.errors import OutputError, display_path

_OURS = re.compile(r"^\..*\.drafter-(\d+)-[^/]*$")


def temporary_prefix(name: str) -> str:
    """The prefix of a temporary file or folder of ours staged for `name` (names this process)."""
    return f".{name}.drafter-{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files and folders of ours in `folder` whose process has ended."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _OURS.match(name)
        if match is None or _alive(int(match.group(1))):
            continue
        stale = folder / name
        with contextlib.suppress(OSError):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale)
            else:
                stale.unlink()
            removed.append(stale)
    return removed


def check_writable(path: Path, *, force: bool) -> None:
    """Refuse to replace an existing file unless forced; refuse a directory always."""
    if path.is_dir():
        raise OutputError(f"{display_path(path)}: is a directory, expected an output file")
    if path.exists() and not force:
        raise OutputError(already_exists(path))


def already_exists(path: Path) -> str:
    """The message for an output that exists when --force was not given."""
    return f"{display_path(path)}: already exists (use --force to overwrite)"


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then move it into place.

    Without `force` the file is created exclusively: if it exists (made by another command since
    the caller checked, say), nothing is written and `OutputError` says so.
    """
    check_writable(path, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(folder)
        fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(path.name), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{display_path(path)}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, _file_mode(path))
        if force:
            os.replace(tmp, path)
        else:
            _create_exclusively(tmp, path)
    except FileExistsError:
        raise OutputError(already_exists(path)) from None
    except BaseException as exc:
        if isinstance(exc, OSError):  # a full disk, say: the user's to fix, not a bug
            raise OutputError(f"{display_path(path)}: cannot write: {exc.strerror}") from None
        raise
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _create_exclusively(tmp: str, path: Path) -> None:
    """Give the written temporary file the name `path`, failing with FileExistsError when it is taken."""
    try:
        os.link(tmp, path)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # a file system without hard links: claim the name, then move the content over it
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.replace(tmp, path)


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
