"""Writers serialise a `Document` to one output format; styling lives here, content does not.

Each writer is a function `(Document, RenderOptions) -> bytes`; `get_writer` finds it by its
format name (one of `FORMATS`), which is also the output file's suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from drafter.document import Document


class RenderOptions(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """Options that only some writers use; the others ignore them."""

    font_profile: str | None = None  # .docx: a profile name, or None for the brief's / the default
    reference_docx: Path | None = None  # .docx: the office's house template
    annotate: bool = False  # .docx: a Word comment with the source of every bank sentence


Writer = Callable[[Document, RenderOptions], bytes]


def get_writer(fmt: str) -> Writer:
    """The writer for `fmt` (one of `FORMATS`); imported lazily so a Markdown draft never loads docx."""
    if fmt == "md":
        from drafter.writers.markdown import write_markdown

        return write_markdown
    if fmt == "txt":
        from drafter.writers.text import write_text

        return write_text
    if fmt == "docx":
        from drafter.writers.docx import write_docx

        return write_docx
    if fmt == "pdf":
        from drafter.writers.pdf import write_pdf

        return write_pdf
    raise ValueError(f"unknown format {fmt!r}")


FORMATS: tuple[str, ...] = ("docx", "md", "txt", "pdf")
# The formats that `--font-profile`, `--reference-docx` and `--annotate` apply to.
DOCX_FORMATS: tuple[str, ...] = ("docx", "pdf")
