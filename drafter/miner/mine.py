"""The mining pipeline: the per-document map step and the run over a corpus that folds results.

`mine_document(text, name)` is pure: text in, `DocumentCandidates` out (picklable), nothing else
read or written — the map. `Tally.of` + `Tally.absorb`/`merge` is the reduce, `finalize` the end
(see `drafter.miner.aggregate`). `mine_paths` runs both in one process, streaming: one document's
text is alive at a time, so memory grows with the number of distinct candidates, not the corpus.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import InputFileError, MineError, display_path
from drafter.miner.aggregate import Tally
from drafter.miner.boilerplate import Boilerplate, signatures
from drafter.miner.candidates import Candidate, DocumentCandidates, formula_keys
from drafter.miner.clean import Line, keep_lines, paragraphs, text_paragraphs
from drafter.miner.document_kind import speech_kind
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
from drafter.miner.particulars import refine
from drafter.miner.read import SourceFile, citable_name, find_sources, read_lines, read_text
from drafter.miner.spool import Spooled, keep, kept, spool_folder

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


def mine_document(text: str, name: str, boilerplate: Boilerplate | None = None) -> DocumentCandidates:
    """Every candidate in one document; `name` is how its sources are cited (`name:LINE`)."""
    return mine_lines(text.splitlines(), name, boilerplate)


def mine_lines(lines: Sequence[str], name: str, boilerplate: Boilerplate | None = None) -> DocumentCandidates:
    """As `mine_document`, for a document already split into lines (a .docx: one per paragraph)."""
    return mine_paragraphs(paragraphs(lines), name, boilerplate)


def mine_paragraphs(
    found: Sequence[Line], name: str, boilerplate: Boilerplate | None = None
) -> DocumentCandidates:
    """As `mine_lines`, for a document's `drafter.miner.clean.paragraphs` (as the first pass keeps them)."""
    outline = parse_outline(name, keep_lines(found, boilerplate))
    result = DocumentCandidates(name)
    result.kind = speech_kind(outline)
    if result.kind != "speech":  # news, legal text, prose: reported, and contributes nothing
        return result
    for extractor in EXTRACTORS:
        for candidate in extractor(outline):
            refined = refine(candidate)  # particulars slotted, or the candidate dropped
            if refined is not None:
                result.add(refined)
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
    """The outcome of a run: the tally and what was read, skipped, left out and learned."""

    tally: Tally = field(default_factory=Tally)
    files_read: int = 0
    files_skipped: int = 0
    bytes_read: int = 0
    boilerplate: Boilerplate = field(default_factory=Boilerplate)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, the file it repeats)
    not_speeches: list[tuple[str, str]] = field(default_factory=list)  # (file, what it is)


@dataclass(frozen=True)
class Survey:
    """What the first pass learns of one file: its boilerplate signatures and fingerprints."""

    name: str
    warning: str | None = None
    signatures: frozenset[str] = frozenset()
    exact: str = ""
    sample: tuple[int, ...] = ()  # sampled paragraph hashes, for near-duplicates
    spool: Spooled | None = None  # the file's paragraphs and reading notes, kept for the second pass


NEAR_DUPLICATE = 0.8  # share of a file's sampled paragraphs found in one earlier file


def mine_paths(
    paths: Sequence[Path],
    *,
    warn: Callable[[str], None],
    progress: Progress | None = None,
    jobs: int = 1,
) -> MineRun:
    """Mine every readable file under `paths`; each unusable file is one `warn` line and is skipped.

    Two passes: the first surveys every file (boilerplate signatures, fingerprints), so that the
    archive's own boilerplate is known and exact or near-duplicate files count once; the second mines
    the distinct files from the paragraphs the first kept in a temporary folder (each file read and
    cleaned once, held on disk rather than in memory). With `jobs` > 1 both passes run in that many
    processes, each tallying its share of the files, and the tallies are merged once at the end.
    """
    run = MineRun()
    show = warn

    def say(message: str) -> None:  # a GBK file name must not break the terminal or a log file
        show(citable_name(message))

    skipped_by_search: list[str] = []

    def note_skip(message: str) -> None:
        skipped_by_search.append(message)
        say(message)

    sources = find_sources(paths, note_skip)
    run.files_skipped = len(skipped_by_search)
    reporter = progress or Progress()
    reporter.start(len(sources), sum(s.size for s in sources))
    try:
        with spool_folder() as spool_dir:
            survey = functools.partial(survey_source, spool_dir=spool_dir)
            _mine_surveyed(run, sources, survey, say, reporter, jobs)
    finally:
        reporter.stop()
    run.not_speeches.sort()
    if run.files_read == 0:
        raise MineError("no readable speech in the given corpus (nothing to mine)")
    return run


def _mine_surveyed(
    run: MineRun,
    sources: Sequence[SourceFile],
    survey: Callable[[SourceFile], Survey],
    say: Callable[[str], None],
    reporter: Progress,
    jobs: int,
) -> None:
    """Both passes of `mine_paths` over the `sources` found, into `run`."""
    surveys = _map(survey, sources, jobs)
    run.boilerplate = Boilerplate.learn_signatures(s.signatures for s in surveys if s.warning is None)
    distinct: list[SourceFile] = []
    spools: list[Spooled | None] = []
    for source, surveyed in zip(sources, surveys, strict=True):
        if surveyed.warning is not None:
            say(surveyed.warning)
            run.files_skipped += 1
            reporter.advance(source.size)
    for source, surveyed, original in _distinct(sources, surveys, run.duplicates):
        if original is None:
            distinct.append(source)
            spools.append(surveyed.spool)
        else:
            reporter.advance(source.size)
    for part in _map_tally(distinct, spools, run.boilerplate, jobs, reporter):
        run.files_read += part.files_read
        run.files_skipped += part.files_skipped
        run.bytes_read += part.bytes_read
        run.not_speeches.extend(part.not_speeches)
        for message in part.warnings:
            say(message)
        run.tally.absorb(part.tally)  # a fresh tally of its own: absorbed in place, once


def survey_source(source: SourceFile, spool_dir: str | None = None) -> Survey:
    """The first pass over one file (any failure is the file's warning, never an exception).

    With `spool_dir`, the file's paragraphs and reading notes are kept there for the second pass.
    """
    notes: list[str] = []
    try:
        found = text_paragraphs(read_text(source, notes.append))
        lines = [line.text for line in keep_lines(found)]
    except InputFileError as exc:
        return Survey(source.name, citable_name(str(exc)))
    except Exception as exc:
        return Survey(source.name, _failure(display_path(source.path), exc))
    if not lines:
        return Survey(source.name, f"{display_path(source.path)}: skipped: no text")
    keys = formula_keys(lines)
    joined = "\n".join(keys).encode()  # encoded once, not key by key
    exact = hashlib.sha1(joined).hexdigest()
    pieces = joined.split(b"\n")  # the keys, encoded: they hold no newline (spaces are ignored)
    hashes = sorted({zlib.crc32(piece) for key, piece in zip(keys, pieces, strict=True) if len(key) >= 30})
    sample = tuple(h for h in hashes if h % 4 == 0) or tuple(hashes[:1])
    spool = keep(spool_dir, found, notes) if spool_dir is not None else None
    return Survey(source.name, None, frozenset(signatures(lines)), exact, sample, spool)


def _distinct(
    sources: Sequence[SourceFile], surveys: Sequence[Survey], duplicates: list[tuple[str, str]]
) -> Iterator[tuple[SourceFile, Survey, str | None]]:
    """Each readable file and its survey, with the earlier file it repeats (exactly or nearly), or None."""
    by_exact: dict[str, str] = {}
    by_paragraph: dict[int, list[int]] = {}
    names: list[str] = []
    for source, survey in zip(sources, surveys, strict=True):
        if survey.warning is not None:
            continue
        original = by_exact.get(survey.exact)
        if original is None and len(survey.sample) >= 3:
            shared: dict[int, int] = {}
            for h in survey.sample:
                for index in by_paragraph.get(h, ()):
                    shared[index] = shared.get(index, 0) + 1
            best = max(shared.items(), key=lambda item: (item[1], -item[0]), default=None)
            if best is not None and best[1] >= NEAR_DUPLICATE * len(survey.sample):
                original = names[best[0]]
        if original is not None:
            duplicates.append((source.name, original))
            yield source, survey, original
            continue
        by_exact[survey.exact] = source.name
        for h in survey.sample:
            by_paragraph.setdefault(h, []).append(len(names))
        names.append(source.name)
        yield source, survey, None


@dataclass
class _Part:
    """One worker's share of the second pass."""

    tally: Tally = field(default_factory=Tally)
    files_read: int = 0
    files_skipped: int = 0
    bytes_read: int = 0
    warnings: list[str] = field(default_factory=list)
    not_speeches: list[tuple[str, str]] = field(default_factory=list)


def tally_sources(
    sources: Sequence[SourceFile],
    boilerplate: Boilerplate | None = None,
    spools: Sequence[Spooled | None] = (),
) -> _Part:
    """The second pass over some files: one tally of all of them (the unit a worker returns).

    `spools`, when given, holds for each source what the first pass kept of it (or None).
    """
    part = _Part()
    for index, source in enumerate(sources):
        spool = spools[index] if spools else None
        document = _mine_source(source, part.warnings.append, boilerplate, spool)
        if document is None:
            part.files_skipped += 1
            continue
        if document.kind != "speech":
            part.not_speeches.append((source.name, document.kind))
            continue
        part.files_read += 1
        part.bytes_read += source.size
        part.tally.add(document)
    return part


def _map(function: Callable[[SourceFile], Survey], sources: Sequence[SourceFile], jobs: int) -> list[Survey]:
    if jobs <= 1 or len(sources) < 2:
        return [function(source) for source in sources]
    from concurrent.futures import ProcessPoolExecutor  # only here: 25 ms of imports a run of one job skips

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(function, sources, chunksize=max(1, len(sources) // (jobs * 8))))


def _map_tally(
    sources: Sequence[SourceFile],
    spools: Sequence[Spooled | None],
    boilerplate: Boilerplate,
    jobs: int,
    reporter: Progress,
) -> Iterator[_Part]:
    if jobs <= 1 or len(sources) < 2:
        for source, spool in zip(sources, spools, strict=True):  # one at a time: the progress bar moves
            yield tally_sources([source], boilerplate, [spool])
            reporter.advance(source.size)
        return
    from concurrent.futures import ProcessPoolExecutor

    shares = [list(sources[i::jobs]) for i in range(jobs)]
    spooled = [list(spools[i::jobs]) for i in range(jobs)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        parts = pool.map(tally_sources, shares, [boilerplate] * jobs, spooled)
        for share, part in zip(shares, parts, strict=True):
            reporter.advance(sum(s.size for s in share))
            yield part


def _failure(shown: str, exc: BaseException) -> str:
    if isinstance(exc, MemoryError | RecursionError):
        return f"{shown}: skipped: too large to mine ({type(exc).__name__})"
    reason = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{shown}: skipped: cannot be mined ({type(exc).__name__}{': ' + reason if reason else ''})"


def _mine_source(
    source: SourceFile,
    warn: Callable[[str], None],
    boilerplate: Boilerplate | None = None,
    spool: Spooled | None = None,
) -> DocumentCandidates | None:
    """One file's candidates, or None after one warning naming the file and the reason.

    Whatever goes wrong with one file — an unreadable file, or any exception while reading or
    mining it (a bug met on odd input) — costs that file only, never the run. `spool`: what the
    first pass kept of the file, read instead of the file.
    """
    try:
        if spool is not None:
            found, notes = kept(spool)
            for note in notes:
                warn(note)
            return mine_paragraphs(found, source.name, boilerplate)
        lines = read_lines(source, warn)
        if not any(line.strip() for line in lines):
            warn(f"{display_path(source.path)}: skipped: no text")
            return None
        return mine_lines(lines, source.name, boilerplate)
    except InputFileError as exc:
        warn(citable_name(str(exc)))
    except Exception as exc:
        warn(_failure(display_path(source.path), exc))
    return None
