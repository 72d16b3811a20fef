"""Finding the files of a corpus, and reading each as lines of text for the miner.

The reading itself is `drafter.speechfile`, shared with the bank's source checks so that both
number a file alike. Every problem with one file is an `InputFileError` whose message the caller
shows as a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import InputFileError, display_path
from drafter.speechfile import SUFFIXES, UnreadableSpeech, read_speech


@dataclass(frozen=True)
class SourceFile:
    """A corpus file and the name its sources are cited by (relative to the corpus folder given)."""

    path: Path
    name: str
    size: int


def find_sources(paths: Sequence[Path], warn: Callable[[str], None]) -> list[SourceFile]:
    """The readable-looking files under `paths`, in a stable order; problems go to `warn`."""
    found: list[SourceFile] = []
    for root in paths:
        if root.is_dir():
            named: Iterable[tuple[Path, str]] = _folder_files(root)
        elif root.is_file():
            named = [(root, root.name)]
        else:
            warn(f"{display_path(root)}: skipped: no such file or folder")
            continue
        for path, name in named:
            if path.suffix.lower() in SUFFIXES:
                found.append(SourceFile(path, citable_name(name), path.stat().st_size))
            else:
                warn(f"{display_path(path)}: skipped: not a .txt, .md or .docx file")
    return found


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


def _folder_files(root: Path) -> Iterator[tuple[Path, str]]:
    """The files below `root` in name order, hidden ones left out, each with its name relative to `root`."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root)
        if not any(part.startswith(".") for part in relative.parts):
            yield path, relative.as_posix()


def read_lines(source: SourceFile) -> list[str]:
    """The lines of one source file, or an `InputFileError` saying why it is skipped."""
    try:
        return read_speech(source.path, source.size)
    except UnreadableSpeech as exc:
        raise InputFileError(f"{display_path(source.path)}: skipped: {exc.reason}") from None
