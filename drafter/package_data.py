"""Where the folders shipped as package data are (`drafter.phrasebank`, `drafter.templates`).

Found by the import system, so that an editable install's mapping of the checkout's folders holds
too; `importlib.resources` would find the same, at the price of importing `tempfile`, `zipfile` and
the rest of its machinery on every start (about 5 ms of a draft's 170, issue 12).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_dir(name: str) -> Path:
    """The folder of the package `name` (a dotted name under `drafter`)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed with drafter: reinstall the package")
    return Path(next(iter(spec.submodule_search_locations)))
