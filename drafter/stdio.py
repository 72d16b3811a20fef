"""`-` as a file name: standard input for a brief, standard output for a draft (as pandoc has it).

A .docx or PDF is binary: it goes to standard output only when that is a pipe or a file, never to
a terminal, where it would be noise.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import OutputError

STDIO = "-"
BINARY_FORMATS = ("docx", "pdf")


def is_stdio(path: Path | str | None) -> bool:
    """Whether a file name given by the user is `-`."""
    return path is not None and str(path) == STDIO


def read_stdin_bytes() -> bytes:
    """Everything on standard input."""
    return sys.stdin.buffer.read()


def check_stdout_takes(fmt: str) -> None:
    """Refuse to print a binary format on a terminal, saying what to do instead."""
    if fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise OutputError(
            f"-: a .{fmt} is binary and stdout is a terminal; redirect it (> draft.{fmt}), "
            f"use -o FILE, or choose --to md or --to txt"
        )


def write_stdout(data: bytes) -> None:
    """Write a whole output to standard output."""
    stream = sys.stdout.buffer
    stream.write(data)
    stream.flush()
