"""Writing a `Document`'s text into the body of a .docx, one named style per paragraph.

Paragraphs are built as WordprocessingML elements directly (python-docx's `add_paragraph` looks
styles up by name on every call, which is slow for a long speech). Runs carry no fonts of their
own, only `w:hint="eastAsia"`, so the named styles remain the one place where fonts are decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.document import Document, Heading, Span
from drafter.writers.docx import layout, styles
from drafter.writers.docx.titles import break_title


class PlacedSpan(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """A bank span (or a gap) and the runs that show it, for comments."""

    span: Span
    runs: tuple[Any, ...]


def write_body(body: Any, document: Document, style_ids: dict[str, str]) -> list[PlacedSpan]:
    """Append the draft before the body's final section properties; returns the bank spans placed."""
    writer = _BodyWriter(style_ids)
    writer.header_block(document)
    writer.speech(document)
    sect_pr = body.find(qn("w:sectPr"))
    for paragraph in writer.paragraphs:
        if sect_pr is None:
            body.append(paragraph)
        else:
            sect_pr.addprevious(paragraph)
    return writer.placed


class _BodyWriter:
    def __init__(self, style_ids: dict[str, str]) -> None:
        self.ids = style_ids
        self.paragraphs: list[Any] = []
        self.placed: list[PlacedSpan] = []

    def header_block(self, document: Document) -> None:
        """Title (one paragraph, lines broken), subtitle and speaker/date lines."""
        title = break_title(document.title)
        if title:
            _append_lines(self._paragraph(styles.TITLE), title, None)
        for line in document.subtitle:
            self._paragraph(styles.SUBTITLE).append(run_element(line))
        for line in document.byline:
            self._paragraph(styles.BYLINE).append(run_element(line))

    def speech(self, document: Document) -> None:
        """Salutation, then every block; a blank line always separates the header block from the speech."""
        first = len(self.paragraphs)
        if document.salutation:
            self._paragraph(styles.SALUTATION).append(run_element(document.salutation))
        for block in document.blocks:
            if isinstance(block, Heading):
                self._heading(block)
            else:
                self._spans(self._paragraph(styles.BODY), block.spans, None)
        if first and not document.salutation and len(self.paragraphs) > first:
            _space_before(self.paragraphs[first], layout.LINE_PITCH)

    def _heading(self, heading: Heading) -> None:
        if not 1 <= heading.level <= len(styles.HEADINGS):
            raise ValueError(f"heading level {heading.level} is outside 1-{len(styles.HEADINGS)}")
        if heading.run_in:  # one body paragraph; the heading sentence in the heading's character style
            paragraph = self._paragraph(styles.BODY)
            self._spans(paragraph, heading.spans, self.ids[styles.HEADING_CHARS[heading.level - 1]])
            self._spans(paragraph, heading.body, None)
        else:
            self._spans(self._paragraph(styles.HEADINGS[heading.level - 1]), heading.spans, None)

    def _paragraph(self, style_name: str) -> Any:
        paragraph = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        p_pr.append(OxmlElement("w:pStyle", attrs={qn("w:val"): self.ids[style_name]}))
        paragraph.append(p_pr)
        self.paragraphs.append(paragraph)
        return paragraph

    def _spans(self, paragraph: Any, spans: tuple[Span, ...], char_style: str | None) -> None:
        for span in spans:
            if not span.text:
                continue
            runs = _append_lines(paragraph, span.text.split("\n"), char_style)
            if span.gap:  # a gap must not go out unnoticed: highlighted, and commented (`comments.annotate`)
                for run in runs:
                    run[0].append(OxmlElement("w:highlight", attrs={qn("w:val"): "yellow"}))
            if span.entry_id or span.gap:
                self.placed.append(PlacedSpan(span, runs))


def _append_lines(paragraph: Any, lines: Sequence[str], char_style: str | None) -> tuple[Any, ...]:
    """One run per line, each after the first opening with a line break; returns the runs."""
    runs = tuple(run_element(line, char_style) for line in lines)
    for number, run in enumerate(runs):
        if number:
            run.insert(1, OxmlElement("w:br"))
        paragraph.append(run)
    return runs


def run_element(text: str | None = None, char_style: str | None = None) -> Any:
    """A `w:r` with `text` (none for a field's markers) in `char_style` or the paragraph's style."""
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    if char_style:
        r_pr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): char_style}))
    r_pr.append(OxmlElement("w:rFonts", attrs={qn("w:hint"): "eastAsia"}))
    run.append(r_pr)
    if text is not None:
        t = OxmlElement("w:t")
        t.text = text
        if text != text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
    return run


def _space_before(paragraph: Any, twips: int) -> None:
    paragraph.find(qn("w:pPr")).append(OxmlElement("w:spacing", attrs={qn("w:before"): str(twips)}))
