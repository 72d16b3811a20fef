"""The document model: what a rendered template means, independent of any output format.

Templates produce outline markup (see `drafter.compose.outline`); the parser turns it into a `Document`;
writers (`drafter.writers`) only serialise a `Document`. Every span remembers which bank entry,
if any, it came from, so that `--trace` and `--annotate` can say where each formula came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A run of text; `entry_id` and `sources` are set when it came from the phrase bank."""

    text: str
    entry_id: str | None = None
    sources: tuple[str, ...] = ()  # "FILE:LINE" of the entry's sources


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph."""

    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Heading:
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


@dataclass(frozen=True)
class DocumentMeta:
    """Facts about the draft that writers need besides its text."""

    title: str = ""  # the whole title on one line, for document properties
    author: str = ""  # the issuing body (the brief's org), the file's author; never the speaker
    date: dt.date | None = None  # the speech's date; pins the .docx timestamps
    font_profile: str | None = None  # a .docx font profile named in the brief, if any


@dataclass(frozen=True)
class Document:
    """A speech: title lines, subtitle lines, byline lines, salutation, then blocks."""

    title: tuple[str, ...]
    subtitle: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    salutation: str | None = None
    blocks: tuple[Block, ...] = ()
    meta: DocumentMeta = field(default_factory=DocumentMeta)

    def spans(self) -> list[Span]:
        """All spans of the body, in reading order (headings, run-in bodies, paragraphs)."""
        result: list[Span] = []
        for block in self.blocks:
            result.extend(block.spans)
            if isinstance(block, Heading):
                result.extend(block.body)
        return result

    def body_chars(self) -> int:
        """Characters of speech text (title and byline excluded), for length targets."""
        return sum(len(s.text) for s in self.spans()) + len(self.salutation or "")
