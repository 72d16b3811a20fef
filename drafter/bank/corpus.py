"""The speeches bank sources point into: `FILE:LINE`, FILE relative to a corpus folder.

A bank folder's own `corpus/` subfolder is searched first, then the folders given with `--corpus`.
Files are read by `drafter.speechfile`, as the miner reads them: LINE is a line of a .txt or .md
(whatever its encoding) and a paragraph of a .docx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.speechfile import UnreadableSpeech, read_speech


@dataclass(frozen=True)
class SourceLine:
    """Where a source points, or why it points nowhere."""

    source: str
    path: Path | None  # the corpus file, when found
    line: int
    problem: str | None = None  # set when the source cannot be followed


def split_source(source: str) -> tuple[str, int]:
    """`"003_x.txt:12"` as `("003_x.txt", 12)`."""
    name, _, line = source.rpartition(":")
    return name, int(line)


@dataclass
class Corpus:
    """Corpus folders for a bank stack, with the lines of every file read so far."""

    extra: Sequence[Path] = ()
    _lines: dict[Path, list[str]] = field(default_factory=dict)
    _unreadable: dict[Path, str] = field(default_factory=dict)  # why, by file
    _folders: dict[Path | None, list[Path]] = field(default_factory=dict)

    def folders_for(self, bank_folder: Path | None) -> list[Path]:
        """Where the sources of one bank folder are looked up, in order."""
        if bank_folder not in self._folders:
            own = [bank_folder / "corpus"] if bank_folder is not None else []
            self._folders[bank_folder] = [folder for folder in [*own, *self.extra] if folder.is_dir()]
        return self._folders[bank_folder]

    def lines(self, path: Path) -> list[str]:
        """The lines of a corpus file, read once; an `UnreadableSpeech` every time it cannot be read."""
        if path in self._unreadable:
            raise UnreadableSpeech(path, self._unreadable[path])
        if path not in self._lines:
            try:
                self._lines[path] = read_speech(path)
            except UnreadableSpeech as exc:
                self._unreadable[path] = exc.reason
                raise
        return self._lines[path]

    def find(self, source: str, bank_folder: Path | None) -> SourceLine:
        """Follow one source; `problem` says why it cannot be followed."""
        name, line = split_source(source)
        folders = self.folders_for(bank_folder)
        if not folders:
            return SourceLine(source, None, line, "no corpus folder to look in")
        for folder in folders:
            candidate = folder / name
            if not candidate.resolve().is_relative_to(folder.resolve()):
                return SourceLine(source, None, line, f"source {source}: points outside the corpus folder")
            if candidate.is_file():
                try:
                    count = len(self.lines(candidate))
                except UnreadableSpeech as exc:
                    return SourceLine(source, candidate, line, f"source {source}: {exc.reason}")
                if line > count:
                    unit = "paragraph" if candidate.suffix.lower() == ".docx" else "line"
                    message = f"source {source}: {unit} {line} is past the end ({count} {unit}s)"
                    return SourceLine(source, candidate, line, message)
                return SourceLine(source, candidate, line)
        shown = ", ".join(str(f) for f in folders)
        return SourceLine(source, None, line, f"source {source}: no such file in the corpus ({shown})")

    def context(self, found: SourceLine, around: int = 1) -> list[tuple[int, str]]:
        """The cited line with `around` lines either side, as (number, text)."""
        if found.path is None or found.problem:
            return []
        lines = self.lines(found.path)
        first, last = max(1, found.line - around), min(len(lines), found.line + around)
        return [(number, lines[number - 1]) for number in range(first, last + 1)]
