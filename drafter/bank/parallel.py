"""Parsing many uncached bank files at once, one process per core.

YAML parsing is the whole cost of a cold load (a 50,000-entry bank is 14 MB of YAML), and it is
per file, so it splits across cores. Worker processes are forked (Linux only: they inherit the
imported modules, so a worker starts in milliseconds), parse, write the cache, and send the plain
parsed data back. Small jobs stay in this process, where starting workers would cost more
(and a load from the cache never imports the multiprocessing machinery at all).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from drafter.bank import cache
from drafter.bank.cache_keys import read_with_key
from drafter.bank.parse import CACHE_SALT, ParsedFile, known_parse, parse_bank_file, read_cached
from drafter.errors import Finding

MIN_BYTES = 2_000_000  # below this much uncached YAML, one process is faster


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # parse_bank_file reports it


def _read(paths: Sequence[Path]) -> tuple[list[tuple[Path, int]], dict[Path, ParsedFile]]:
    """The uncached files among `paths` with their sizes, and the others read from the cache
    (so that no file is read and hashed twice)."""
    found, cached = [], {}
    for path in paths:
        if (parsed := known_parse(path)) is not None:
            cached[path] = parsed
            continue
        try:
            data, key = read_with_key(path, CACHE_SALT)
        except OSError:
            continue  # parse_bank_file reports it
        if cache.is_cached(key) and (parsed := read_cached(key)) is not None:
            cached[path] = parsed
        else:
            found.append((path, len(data)))
    return found, cached


def parse_in_parallel(paths: Sequence[Path]) -> dict[Path, tuple[ParsedFile, list[Finding]]]:
    """Parse the uncached files among `paths` in worker processes, when that pays; else nothing.

    The files found in the cache on the way are given too, so that none is read twice."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or sys.platform != "linux" or len(paths) < 2:
        return {}
    # A bank too small to pay for workers even if nothing is cached (the built-in one, most team
    # banks) is not read here at all: `parse_bank_file` reads each file once, in this process.
    if sum(_size(path) for path in paths) < MIN_BYTES:
        return {}
    todo, cached = _read(paths)
    done: dict[Path, tuple[ParsedFile, list[Finding]]] = {path: (got, []) for path, got in cached.items()}
    if len(todo) < 2 or sum(size for _, size in todo) < MIN_BYTES:
        return done
    todo.sort(key=lambda item: -item[1])  # largest first, so that the cores finish together
    files = [path for path, _ in todo]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        with ProcessPoolExecutor(
            min(workers, len(files)), mp_context=multiprocessing.get_context("fork")
        ) as pool:
            return {**done, **dict(zip(files, pool.map(parse_bank_file, files), strict=True))}
    except (OSError, RuntimeError):  # no processes to be had: parse here instead
        return done
