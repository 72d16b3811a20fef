"""What the miner's first pass keeps of each file for the second: its paragraphs, on disk.

The survey reads, decodes and cleans every file (`drafter.miner.clean.paragraphs`); the mining pass
needs the same paragraphs with the archive's learned boilerplate left out. Rather than reading and
cleaning each file a second time, the first pass appends them (`marshal`) to one temporary file per
process, and the second reads each back by offset. Memory stays flat: the paragraphs wait on disk.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from collections.abc import Iterator, Sequence
from typing import BinaryIO, NamedTuple

from drafter.miner.clean import Line


class Spooled(NamedTuple):
    """Where the first pass kept a file's paragraphs: a stretch of a temporary file of its process."""

    path: str
    offset: int
    size: int


# The file each process appends its surveys to, by folder and process (a forked worker has its own).
_SPOOLS: dict[tuple[str, int], BinaryIO] = {}
# The spool files this process reads back, open (by path and process): one `pread` per file mined.
_READERS: dict[tuple[str, int], int] = {}


def keep(folder: str, found: Sequence[Line], notes: Sequence[str]) -> Spooled | None:
    """A file's paragraphs and notes, appended to this process's temporary file (None when it cannot be).

    One file per process rather than one per source: creating thousands of files costs more than
    the rest of keeping them.
    """
    # the texts as one UTF-16 string: encoded and decoded several times faster than marshal's UTF-8
    # of Chinese text (no paragraph holds a newline: they are lines of the file)
    text = "\n".join([line.text for line in found]).encode("utf-16-le", "surrogatepass")
    data = marshal.dumps((list(notes), [line.number for line in found], text))
    key = (folder, os.getpid())
    try:
        handle = _SPOOLS.get(key)
        if handle is None:
            handle = _SPOOLS[key] = open(os.path.join(folder, f"{os.getpid()}.spool"), "ab")  # noqa: SIM115
        offset = handle.tell()
        handle.write(data)
        handle.flush()  # a pool's worker ends without closing it
    except OSError:  # a full disk: the second pass reads the file again
        return None
    return Spooled(handle.name, offset, len(data))


@contextlib.contextmanager
def spool_folder() -> Iterator[str | None]:
    """A temporary folder for the first pass to keep files in, removed (its file closed) on leaving.

    None when no temporary folder can be made: the second pass then reads every file again.
    """
    try:
        made = tempfile.TemporaryDirectory(prefix="drafter-mine-", ignore_cleanup_errors=True)
    except OSError:
        yield None
        return
    with made as folder:
        try:
            yield folder
        finally:
            _close_spool(folder)


def _close_spool(folder: str) -> None:
    handle = _SPOOLS.pop((folder, os.getpid()), None)
    if handle is not None:
        handle.close()
    for key in [key for key in _READERS if os.path.dirname(key[0]) == folder and key[1] == os.getpid()]:
        os.close(_READERS.pop(key))


def kept(spool: Spooled) -> tuple[list[Line], list[str]]:
    """The paragraphs and notes `keep` kept."""
    key = (spool.path, os.getpid())
    descriptor = _READERS.get(key)
    if descriptor is None:
        descriptor = _READERS[key] = os.open(spool.path, os.O_RDONLY)
    notes, numbers, text = marshal.loads(os.pread(descriptor, spool.size, spool.offset))
    texts = text.decode("utf-16-le", "surrogatepass").split("\n") if numbers else []
    return [Line(number, text) for number, text in zip(numbers, texts, strict=True)], notes
