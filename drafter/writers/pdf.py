"""The PDF writer: the .docx, rendered by LibreOffice with free fonts standing in for the official ones.

The stand-in mapping (`docx/preview-fonts.xml`) makes LibreOffice show 仿宋, 黑体, 楷体 and 小标宋
in the right shapes; plain `soffice --convert-to pdf` sets every heading in one sans font.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from drafter.document import Document
from drafter.writers import RenderOptions


def write_pdf(doc: Document, options: RenderOptions) -> bytes:
    """The draft as PDF bytes; `OutputError` (one line) when LibreOffice is missing or fails."""
    from drafter.writers.docx import write_docx
    from drafter.writers.docx.preview import find_soffice, render_pdf

    find_soffice()  # fail before building the .docx
    data = write_docx(doc, options)
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as work:
        source = Path(work) / "draft.docx"
        source.write_bytes(data)
        return render_pdf(source, Path(work) / "out").read_bytes()
