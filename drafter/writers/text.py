"""The plain-text writer: a draft to paste anywhere, laid out as a Chinese manuscript.

Title, subtitle and byline lines stand alone; the salutation is flush left; every heading and
paragraph starts with a two-character full-width indent, and blocks are separated by a blank line.
"""

from __future__ import annotations

from drafter.document import Document, Heading
from drafter.writers import RenderOptions

INDENT = "　　"  # two full-width spaces: the first-line indent of a Chinese paragraph


def render_text(document: Document) -> str:
    """The document as plain text."""
    head = [*document.title, *document.subtitle]
    parts: list[str] = ["\n".join(head)]
    if document.byline:
        parts.append("\n".join(document.byline))
    if document.salutation:
        parts.append(document.salutation)
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(INDENT + block.text + block.body_text)
        else:
            parts.append(INDENT + block.text)
    return "\n\n".join(parts) + "\n"


def write_text(document: Document, options: RenderOptions) -> bytes:
    """Plain-text bytes (UTF-8); `options` are for other writers and ignored here."""
    del options
    return render_text(document).encode("utf-8")
