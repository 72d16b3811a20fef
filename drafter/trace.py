"""Provenance: which bank entry produced each sentence of a draft, and where that entry came from.

`drafter draft --trace` writes these rows beside the draft as `<output stem>.trace.tsv`, a
tab-separated file with a header line and one row per bank sentence:

    block   where                      entry                   source                         text
    7       一、站位要更高 / 一是要讲大局   requirement.xuexi.bixu   003_e8e85886354524de.txt:18   要……

`block` counts the draft's body blocks (headings and paragraphs) from 1; `where` is the chain of
headings above the sentence (empty before the first); `source` lists the entry's sources
separated by `; `.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from drafter.document import Document, Heading

HEADER: tuple[str, ...] = ("block", "where", "entry", "source", "text")


class TraceRow(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """One bank sentence in a draft."""

    block: int
    where: str
    entry_id: str
    sources: tuple[str, ...]
    text: str


def trace_rows(document: Document) -> list[TraceRow]:
    """Every span of `document` that came from the bank, in reading order."""
    rows: list[TraceRow] = []
    path: dict[int, str] = {}
    for number, block in enumerate(document.blocks, start=1):
        spans = block.spans
        if isinstance(block, Heading):
            path = {level: text for level, text in path.items() if level < block.level}
            path[block.level] = block.text
            spans = block.spans + block.body
        where = " / ".join(path[level] for level in sorted(path))
        for span in spans:
            if span.entry_id is not None:
                rows.append(TraceRow(number, where, span.entry_id, span.sources, span.text))
        if isinstance(block, Heading) and block.run_in:
            del path[block.level]  # a run-in heading heads its own paragraph only
    return rows


def _cell(value: str) -> str:
    return " ".join(value.replace("\t", " ").splitlines())


def trace_tsv(rows: Sequence[TraceRow]) -> str:
    """The rows as tab-separated text with a header line."""
    lines = ["\t".join(HEADER)]
    for row in rows:
        cells = (str(row.block), row.where, row.entry_id, "; ".join(row.sources), row.text)
        lines.append("\t".join(_cell(c) for c in cells))
    return "\n".join(lines) + "\n"
