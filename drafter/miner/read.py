"""Finding the files of a corpus, and reading each as lines of text for the miner.

The reading itself is `drafter.speechfile`, shared with the bank's source checks so that both
number a file alike. Every problem with one file is an `InputFileError` whose message the caller
shows as a warning.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from drafter.errors import InputFileError, display_path
from drafter.speechfile import SUFFIXES, UnreadableSpeech, read_speech_noting, read_speech_text_noting

_Read = TypeVar("_Read")


@dataclass(frozen=True)
class SourceFile:
    """A corpus file and the name its sources are cited by (relative to the corpus folder given)."""

    path: Path
    name: str
    size: int


def find_sources(paths: Sequence[Path], warn: Callable[[str], None]) -> list[SourceFile]:
    """The readable-looking files under `paths`, in a stable order; every path not read goes to `warn`."""
    found: list[SourceFile] = []
    for root in paths:
        if problem := _not_readable(root):
            warn(f"{display_path(root)}: skipped: {problem}")
            continue
        named: Iterable[tuple[Path, str]] = (
            _folder_files(root, warn) if root.is_dir() else [(root, root.name)]
        )
        for path, name in named:
            if path.suffix.lower() not in SUFFIXES:
                warn(f"{display_path(path)}: skipped: not a .txt, .md or .docx file")
                continue
            try:
                size = path.stat().st_size
            except OSError as exc:
                warn(f"{display_path(path)}: skipped: cannot read: {exc.strerror}")
                continue
            found.append(SourceFile(path, citable_name(name), size))
    return found


def _not_readable(path: Path) -> str | None:
    """Why `path` is neither a regular file nor a folder to read (a reason to skip it), or None."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot read: {exc.strerror}"
    if stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode):
        return None
    kind = (
        "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
    )
    return f"not a regular file ({kind})"


def citable_name(name: str) -> str:
    """A file name as text that can be written: undecodable bytes (a GBK name) read as GB18030.

    Python keeps such bytes as lone surrogates, which no UTF-8 file can hold; the name is decoded as
    GB18030 where that works and shown with `\\xNN` escapes where it does not.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "backslashreplace")
    return name


def _folder_files(root: Path, warn: Callable[[str], None]) -> Iterator[tuple[Path, str]]:
    """The files below `root` in name order, each with its name relative to `root`.

    Hidden files and folders are left out; symbolic links to files are read, links to folders are
    not followed (no loops, nothing outside `root` read twice); every other path not read (a broken
    link, a link loop, a FIFO, a folder that cannot be listed) goes to `warn`.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        warn(f"{display_path(root)}: skipped: cannot read folder: {exc.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        relative = path.relative_to(root)
        if entry.is_dir(follow_symlinks=False):
            for below, name in _folder_files(path, warn):
                yield below, f"{relative.as_posix()}/{name}"
            continue
        problem = _not_readable(path)
        if problem is None and path.is_dir():
            problem = "symbolic link to a folder (not followed)"
        if problem is not None:
            warn(f"{display_path(path)}: skipped: {problem}")
            continue
        yield path, relative.as_posix()


def read_lines(source: SourceFile, warn: Callable[[str], None] | None = None) -> list[str]:
    """The lines of one source file, or an `InputFileError` saying why it is skipped.

    A line left out (one that does not decode) goes to `warn` as `FILE:LINE: ...`.
    """
    return _reading(source, warn, read_speech_noting)


def read_text(source: SourceFile, warn: Callable[[str], None] | None = None) -> str:
    """`read_lines` joined by newlines, a line's own line breaks made spaces (`clean.text_paragraphs`).

    A plain text decoded in one call is not cut into lines and joined again.
    """
    return _reading(source, warn, read_speech_text_noting)


def _reading(
    source: SourceFile,
    warn: Callable[[str], None] | None,
    reader: Callable[[Path, int | None], tuple[_Read, list[str]]],
) -> _Read:
    """What `reader` reads of the file, its notes to `warn`; an `InputFileError` when it cannot."""
    try:
        read, notes = reader(source.path, source.size)
    except UnreadableSpeech as exc:
        raise InputFileError(f"{display_path(source.path)}: skipped: {exc.reason}") from None
    if warn is not None:
        for note in notes:
            number, _, why = note.partition(": ")
            warn(f"{display_path(source.path)}:{number.removeprefix('line ')}: {why}")
    return read
