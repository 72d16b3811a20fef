"""One error hierarchy for everything a user can get wrong.

Core modules raise these; only the CLI turns them into a message and an exit code.
A `Finding` is one located problem (`FILE:LINE: field: message`); an error may carry many,
so that validation can report all problems at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

# What `str.splitlines` breaks at, shown escaped, so that a finding is always one line.
_LINE_BREAKS = {ord(c): ascii(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


class Finding(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """One problem at one place: `FILE:LINE: field: message` (`… field: warning: message` for a warning)."""

    file: str
    line: int | None
    field: str
    message: str
    severity: str = "error"  # "error" or "warning"
    column: int | None = None  # shown as FILE:LINE:COLUMN when known (YAML syntax errors)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            where = f"{where}:{self.column}"
        message = self.message if self.is_error else f"warning: {self.message}"
        text = f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"
        return text.translate(_LINE_BREAKS)  # a key or value quoted in the message may hold one

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class DrafterError(Exception):
    """A problem the user can fix; printed as one line per finding, never as a traceback."""

    def __init__(self, message: str = "", findings: Iterable[Finding] = ()) -> None:
        self.findings = tuple(findings)
        super().__init__(message or "\n".join(str(f) for f in self.findings))


class InputFileError(DrafterError):
    """A file that cannot be read as what it should be (missing, directory, not UTF-8, empty, bad YAML)."""


class BriefError(DrafterError):
    """A brief that does not validate."""


class BankError(DrafterError):
    """A phrase bank that does not load or validate."""


class TemplateError(DrafterError):
    """A speech template that is missing or fails to render (names the template file and line)."""


class SelectionError(DrafterError):
    """The bank cannot supply what a template asks for."""


class OutputError(DrafterError):
    """An output that cannot be written (exists without --force, unwritable folder)."""


class MineError(DrafterError):
    """A mining run that cannot proceed at all (no readable input, bad output path)."""


def display_path(path: Path | str) -> str:
    """The path as the user would recognise it: relative to the working folder when below it."""
    p = Path(path)
    try:
        # the folder resolved, not the file: a symlinked file is shown by its own name, not its target's
        full = p.resolve() if p.name in ("", ".", "..") else p.parent.resolve() / p.name
        return str(full.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # not below it, a symlink loop, a vanished folder
        return str(p)


def display_paths(paths: Sequence[Path]) -> list[str]:
    """`display_path` of each of `paths` (files), resolving the working folder and each folder once."""
    try:
        here = Path.cwd().resolve()
    except (OSError, RuntimeError):
        return [str(path) for path in paths]
    below: dict[Path, Path | None] = {}  # a folder -> the folder relative to the working folder
    shown = []
    for path in paths:
        if path.name in ("", ".", ".."):
            shown.append(display_path(path))
            continue
        if (folder := path.parent) not in below:
            try:
                below[folder] = folder.resolve().relative_to(here)
            except (ValueError, OSError, RuntimeError):
                below[folder] = None
        relative = below[folder]
        shown.append(str(path) if relative is None else str(relative / path.name))
    return shown
