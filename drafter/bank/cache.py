"""A cache of parsed bank files, keyed by their content, so that a repeat load skips YAML parsing.

One file per bank file under `$DRAFTER_CACHE_DIR`, else `$XDG_CACHE_HOME/drafter`, else
`~/.cache/drafter`, named by the sha256 of the file's bytes, the drafter version and the cache
format. Values are plain Python data written with `marshal` (fast, and unable to run code);
bytes kept as they are (`write_bytes`, a `.bytes` file beside) are mapped into memory when read
(`mapped`), so that what is not used is never read. A missing, broken or unwritable cache is
ignored: the file is parsed again.

Compiled speech templates (`drafter.compose.template_cache`) are kept the same way in a folder of their
own; they are code, so each is signed with a secret key of the user's and run only when the
signature checks.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import os
import tempfile
from pathlib import Path
from typing import Any

from drafter import __version__
from drafter.atomic import remove_stale_temporaries, temporary_prefix

FORMAT = "bank-4"  # bump when the meaning of cached data changes; its shape is in the caller's salt


def cache_dir() -> Path:
    """Where drafter keeps its caches."""
    if explicit := os.environ.get("DRAFTER_CACHE_DIR"):
        return Path(explicit)
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "drafter"
    return Path.home() / ".cache" / "drafter"


def content_key(data: bytes, salt: str = "") -> str:
    """The cache key of a file's bytes; `salt` names the shape of what is cached for it."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{salt}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def _path_for(key: str, folder: str, suffix: str = ".marshal") -> str:
    # a string, not a Path: a warm load asks for two of these per bank file
    return os.path.join(cache_dir(), folder, key[:2], key + suffix)


def is_cached(key: str, folder: str = "bank") -> bool:
    """Whether a value is stored under `key` (it may still turn out unreadable)."""
    return os.path.isfile(_path_for(key, folder))


def read(key: str, folder: str = "bank") -> Any | None:
    """The cached value for `key`, or None when absent or unreadable."""
    try:
        with open(_path_for(key, folder), "rb") as handle:
            blob = handle.read()
        return marshal.loads(blob)
    except Exception:  # a cache is only ever a shortcut: any failure means "not cached"
        return None


def mapped(key: str, size: int, folder: str = "bank") -> mmap.mmap | bytes | None:
    """The bytes stored under `key` by `write_bytes`, mapped into memory (read only as far as they
    are used), or None when absent or not `size` bytes long."""
    try:
        with open(_path_for(key, folder, ".bytes"), "rb") as handle:
            if os.fstat(handle.fileno()).st_size != size:
                return None
            if not size:
                return b""
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None


def write(key: str, value: Any, folder: str = "bank") -> None:
    """Store `value` under `key`; failures (read-only home, full disk, unmarshallable data) are ignored."""
    try:
        blob = marshal.dumps(value)
    except ValueError:
        return
    _store(Path(_path_for(key, folder)), blob)


def write_bytes(key: str, data: bytes, folder: str = "bank") -> None:
    """Store `data` under `key` as they are, for `mapped`."""
    _store(Path(_path_for(key, folder, ".bytes")), data)


def _store(path: Path, blob: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(path.name), suffix=".tmp", dir=path.parent)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
