"""The miner: phrase-bank candidates from an archive of past speeches.

An install may hold its hot modules compiled by mypyc (`setup.py`: the same code, as C extensions,
imported in place of the Python files). They are left unused — every module of the miner then
imported from its Python file — when `DRAFTER_NO_COMPILE` is set, or, in a source tree, when a
Python file is newer than its build (edited or checked out since: the build would run old code).
All or none: the compiled modules call one another directly, not through their Python modules.
"""

from __future__ import annotations

import os
import sys
from importlib import machinery

_FOLDERS = (os.path.dirname(__file__), os.path.join(os.path.dirname(__file__), "extract"))


def _compiled_is_stale(folders: tuple[str, ...] = _FOLDERS) -> bool:
    """Whether a source tree's Python file is newer than the module compiled from it."""
    if not os.path.exists(os.path.join(os.path.dirname(os.path.dirname(folders[0])), "pyproject.toml")):
        return False  # an installed package: nobody edits it
    for folder in folders:
        with os.scandir(folder) as entries:
            for entry in entries:
                suffix = next((s for s in machinery.EXTENSION_SUFFIXES if entry.name.endswith(s)), None)
                if suffix is None:
                    continue
                try:
                    source = os.stat(os.path.join(folder, entry.name[: -len(suffix)] + ".py"))
                except FileNotFoundError:
                    continue
                if source.st_mtime_ns > entry.stat().st_mtime_ns:
                    return True
    return False


def _import_python_files() -> None:
    """Import this package's modules from their Python files, never from compiled extensions."""
    for folder in _FOLDERS:
        sys.path_importer_cache[folder] = machinery.FileFinder(
            folder,
            (machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES),
            (machinery.SourcelessFileLoader, machinery.BYTECODE_SUFFIXES),
        )


if os.environ.get("DRAFTER_NO_COMPILE") or _compiled_is_stale():
    _import_python_files()
