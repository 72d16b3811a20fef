"""The document model: what a rendered template means, independent of any output format.

Templates produce outline markup (see `drafter.compose.outline`); the parser turns it into a `Document`;
writers (`drafter.writers`) only serialise a `Document`. Every span remembers which bank entry,
if any, it came from, so that `--trace` and `--annotate` can say where each formula came from.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

# The classes are NamedTuples, not frozen dataclasses: as immutable, cheaper to build, and
# defining five frozen dataclasses cost every draft about 3 ms at import (issue 12).


class Span(NamedTuple):
    """A run of text; `entry_id` and `sources` are set when it came from the phrase bank."""

    text: str
    entry_id: str | None = None
    sources: tuple[str, ...] = ()  # "FILE:LINE" of the entry's sources
    gap: bool = False  # a marked gap (`〔待补：…〕`): where the writer must add what the bank lacks


GAP_OPEN = "〔待补："
GAP_CLOSE = "〕"


class Paragraph(NamedTuple):
    """A body paragraph."""

    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


class Heading(NamedTuple):
    """A heading of level 1 (`一、`) to 4 (`（1）`).

    A run-in heading (`一、强化集体决策。集体决策是……`) shares its line with a paragraph:
    `body` holds that paragraph's spans and is empty for a heading on a line of its own.
    """

    level: int
    spans: tuple[Span, ...]
    body: tuple[Span, ...] = ()

    @property
    def run_in(self) -> bool:
        return bool(self.body)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def body_text(self) -> str:
        return "".join(s.text for s in self.body)


Block = Heading | Paragraph


class DocumentMeta(NamedTuple):
    """Facts about the draft that writers need besides its text."""

    title: str = ""  # the whole title on one line, for document properties
    author: str = ""  # the issuing body (the brief's org), the file's author; never the speaker
    date: dt.date | None = None  # the speech's date; pins the .docx timestamps
    font_profile: str | None = None  # a .docx font profile named in the brief, if any


class Document(NamedTuple):
    """A speech: title lines, subtitle lines, byline lines, salutation, then blocks."""

    title: tuple[str, ...]
    subtitle: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    salutation: str | None = None
    blocks: tuple[Block, ...] = ()
    meta: DocumentMeta = DocumentMeta()

    def spans(self) -> list[Span]:
        """All spans of the body, in reading order (headings, run-in bodies, paragraphs)."""
        result: list[Span] = []
        for block in self.blocks:
            result.extend(block.spans)
            if isinstance(block, Heading):
                result.extend(block.body)
        return result

    def body_chars(self) -> int:
        """Characters of speech text (title and byline excluded, gaps too), for length targets."""
        return sum(len(s.text) for s in self.spans() if not s.gap) + len(self.salutation or "")

    def gaps(self) -> list[Span]:
        """The marked gaps, in reading order."""
        return [s for s in self.spans() if s.gap]
