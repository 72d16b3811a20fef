"""Which files of a bank folder are bank files: a team keeps its bank at the root of a git repository.

A bank file is a `*.yaml` file whose name does not start with a dot and whose top level, when it is
a mapping, has a `function:` or `entries:` key. Dotfiles (`.pre-commit-config.yaml`,
`.pre-commit-hooks.yaml`) and YAML files of other tools (a mapping without either key) are skipped,
and the folder's skipped files are reported in one warning line. A file with no top-level mapping
key at all (empty, a list, a scalar) is still read as a bank file, so that its problem is reported.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from drafter.errors import Finding, display_path

BANK_SUFFIX = ".yaml"
HEAD = 4096  # bytes of a file read first to tell a bank file

_BANK_KEY = re.compile(rb"^(?:function|entries)[ \t]*:|[{,][ \t]*(?:function|entries)[ \t]*:", re.MULTILINE)
_TOP_LEVEL_KEY = re.compile(rb"^[^\s#\-\[{'\"][^:\n]*:(?:[ \t]|$)", re.MULTILINE)


class FolderFiles(NamedTuple):
    """A bank folder's bank files and the YAML files skipped as not bank files, both sorted."""

    bank: list[Path]
    skipped: list[Path]


def is_bank_file(path: Path) -> bool:
    """Whether `path` (a `*.yaml` file) is read as a bank file: see the module's description."""
    if path.name.startswith("."):
        return False
    try:
        with path.open("rb") as handle:
            # a bank file says `function:` in its first lines, so the rest (14 MB in a large bank)
            # is read only when its head does not: a key found in the head is one of the whole file
            data = handle.read(HEAD)
            if _BANK_KEY.search(data):
                return True
            data += handle.read()
    except OSError:
        return True  # unreadable: loading reports it
    if _BANK_KEY.search(data):
        return True
    return _TOP_LEVEL_KEY.search(data) is None


def folder_files(folder: Path) -> FolderFiles:
    """The bank files of `folder` and the `*.yaml` files that are skipped."""
    bank: list[Path] = []
    skipped: list[Path] = []
    for path in sorted(folder.glob("*" + BANK_SUFFIX)):
        (bank if path.is_file() and is_bank_file(path) else skipped).append(path)
    return FolderFiles(bank, skipped)


def skipped_finding(folder: Path, skipped: list[Path]) -> Finding:
    """One warning naming every file of a folder that was skipped."""
    names = ", ".join(path.name for path in skipped)
    message = f"skipped, not bank files (dotfiles, or YAML without function:/entries:): {names}"
    return Finding(display_path(folder), None, "", message, "warning")
