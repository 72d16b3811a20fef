"""The mining pipeline: the per-document map step and the run over a corpus that folds results.

`mine_document(text, name)` is pure: text in, `DocumentCandidates` out (picklable), nothing else
read or written — the map. `Tally.of` + `Tally.absorb`/`merge` is the reduce, `finalize` the end
(see `drafter.miner.aggregate`). `mine_paths` runs both in one process, streaming: one document's
text is alive at a time, so memory grows with the number of distinct candidates, not the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import InputFileError, MineError, display_path
from drafter.miner.aggregate import Tally
from drafter.miner.candidates import Candidate, DocumentCandidates
from drafter.miner.clean import clean_lines
from drafter.miner.extract import (
    closings,
    enumerations,
    heading_sets,
    openings,
    parallel,
    problems,
    quotes,
    requirements,
)
from drafter.miner.outline import Outline, parse_outline
from drafter.miner.read import SourceFile, citable_name, find_sources, read_lines

Extractor = Callable[[Outline], Iterator[Candidate]]
EXTRACTORS: tuple[Extractor, ...] = (
    heading_sets.extract,
    enumerations.extract,
    openings.extract,
    closings.extract,
    quotes.extract,
    requirements.extract,
    parallel.extract,
    problems.extract,
)


def mine_document(text: str, name: str) -> DocumentCandidates:
    """Every candidate in one document; `name` is how its sources are cited (`name:LINE`)."""
    return mine_lines(text.splitlines(), name)


def mine_lines(lines: Sequence[str], name: str) -> DocumentCandidates:
    """As `mine_document`, for a document already split into lines (a .docx: one per paragraph)."""
    outline = parse_outline(name, clean_lines(lines))
    result = DocumentCandidates(name)
    for extractor in EXTRACTORS:
        for candidate in extractor(outline):
            result.add(candidate)
    return result


class Progress:
    """What a run reports to while it works; the default reports nothing."""

    def start(self, total_files: int, total_bytes: int) -> None:
        """Called once, before the first file."""

    def advance(self, size: int) -> None:
        """Called after each file with its size in bytes."""

    def stop(self) -> None:
        """Called once at the end, also after an error."""


@dataclass
class MineRun:
    """The outcome of a run: the tally and what was read or skipped."""

    tally: Tally = field(default_factory=Tally)
    files_read: int = 0
    files_skipped: int = 0
    bytes_read: int = 0


def mine_paths(
    paths: Sequence[Path],
    *,
    warn: Callable[[str], None],
    progress: Progress | None = None,
) -> MineRun:
    """Mine every readable file under `paths`; each unusable file is one `warn` line and is skipped."""
    run = MineRun()
    shown = warn

    def warn(message: str) -> None:  # a GBK file name must not break the terminal or a log file
        shown(citable_name(message))

    skipped_by_search: list[str] = []

    def note_skip(message: str) -> None:
        skipped_by_search.append(message)
        warn(message)

    sources = find_sources(paths, note_skip)
    run.files_skipped = len(skipped_by_search)
    reporter = progress or Progress()
    reporter.start(len(sources), sum(s.size for s in sources))
    try:
        for source in sources:
            document = _mine_source(source, warn)
            reporter.advance(source.size)
            if document is None:
                run.files_skipped += 1
                continue
            run.files_read += 1
            run.bytes_read += source.size
            run.tally.add(document)
    finally:
        reporter.stop()
    if run.files_read == 0:
        raise MineError("no readable speech in the given corpus (nothing to mine)")
    return run


def _mine_source(source: SourceFile, warn: Callable[[str], None]) -> DocumentCandidates | None:
    """One file's candidates, or None after one warning naming the file and the reason.

    Whatever goes wrong with one file — an unreadable file, or any exception while reading or
    mining it (a bug met on odd input) — costs that file only, never the run.
    """
    shown = display_path(source.path)
    try:
        lines = read_lines(source)
        if not any(line.strip() for line in lines):
            warn(f"{shown}: skipped: no text")
            return None
        return mine_lines(lines, source.name)
    except InputFileError as exc:
        warn(citable_name(str(exc)))
    except (MemoryError, RecursionError) as exc:
        warn(f"{shown}: skipped: too large to mine ({type(exc).__name__})")
    except Exception as exc:  # noqa: BLE001 - isolation: one file's failure must not end the run
        reason = str(exc).splitlines()[0][:200] if str(exc) else ""
        warn(f"{shown}: skipped: cannot be mined ({type(exc).__name__}{': ' + reason if reason else ''})")
    return None
