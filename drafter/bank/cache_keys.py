"""Content keys of bank files known by their stat, so that a warm load reads only the cache.

A bank file's parsed form is cached under the sha256 of its bytes (`drafter.bank.cache`); finding
that key means reading and hashing the file (14 MB for a 50,000-entry bank, a third of a warm
load). So the key found for a file is remembered, per folder, with the file's size, modification
time, inode and device, and trusted while all four are unchanged. As git does for its index, a
key taken less than `RACY` seconds after the file was modified is not remembered: a change within
the clock's granularity could leave size and time as they were.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from drafter.bank import cache

RACY = 2.0
FOLDER = "stat"

Stamp = tuple[int, int, int, int]
_loaded: dict[tuple[Path, str], dict[str, tuple[Any, ...]]] = {}  # records read, by folder and salt


def _stamp(status: os.stat_result) -> Stamp:
    return (status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev)


def _record_key(folder: Path, salt: str) -> str:
    return cache.content_key(os.fsencode(folder), "stat;" + salt)


def _records(folder: Path, salt: str) -> dict[str, tuple[Any, ...]]:
    """File name -> (*stamp, content key) for one folder's files."""
    if (folder, salt) not in _loaded:
        found = cache.read(_record_key(folder, salt), FOLDER)
        _loaded[folder, salt] = found if isinstance(found, dict) else {}
    return _loaded[folder, salt]


def known_key(path: Path, salt: str) -> str | None:
    """The content key remembered for `path`, when the file is as it was then."""
    try:
        stamp = _stamp(os.stat(path))
    except OSError:
        return None
    record = _records(path.parent.absolute(), salt).get(path.name)
    if record is not None and tuple(record[:4]) == stamp and isinstance(record[4], str):
        return record[4]
    return None


def read_with_key(path: Path, salt: str) -> tuple[bytes, str]:
    """A file's bytes and their content key (`cache.content_key`), which is remembered when the
    file was not changed while it was read, nor just before (raises `OSError`)."""
    before = os.stat(path)
    data = path.read_bytes()
    key = cache.content_key(data, salt)
    try:
        after = os.stat(path)
    except OSError:
        return data, key
    stamp = _stamp(after)
    if stamp == _stamp(before) and time.time() - after.st_mtime > RACY:
        folder = path.parent.absolute()
        records = _records(folder, salt)
        if records.get(path.name) != (*stamp, key):
            records[path.name] = (*stamp, key)
            cache.write(_record_key(folder, salt), records, FOLDER)
    return data, key
