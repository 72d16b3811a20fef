"""The Markdown writer: a draft to read and diff (the golden test files are in this format).

Title lines become one `#` heading, body headings of level 1-4 become `##` to `#####`, and a
run-in heading becomes a paragraph that starts with the heading in bold. Text is printed as the
templates wrote it (numbering included); only Markdown's own special characters are escaped.
"""

from __future__ import annotations

import re

from drafter.document import Document, Heading
from drafter.writers import RenderOptions

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def render_markdown(document: Document) -> str:
    """The document as Markdown text."""
    parts: list[str] = ["# " + _escape("　".join(document.title))]
    parts.extend(_escape(line) for line in document.subtitle)
    if document.byline:
        parts.append("  \n".join(_escape(line) for line in document.byline))
    if document.salutation:
        parts.append(_escape(document.salutation))
    for block in document.blocks:
        if isinstance(block, Heading) and block.run_in:
            parts.append(f"**{_escape(block.text)}**{_escape(block.body_text)}")
        elif isinstance(block, Heading):
            parts.append("#" * (block.level + 1) + " " + _escape(block.text))
        else:
            parts.append(_escape(block.text))
    return "\n\n".join(parts) + "\n"


def write_markdown(document: Document, options: RenderOptions) -> bytes:
    """Markdown bytes (UTF-8); `options` are for other writers and ignored here."""
    del options
    return render_markdown(document).encode("utf-8")
