"""`--reference-docx`: even pages keep the house header once odd/even page numbers switch odd/even on."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt
from docx_sample import short_document

from drafter.writers import RenderOptions
from drafter.writers.docx import write_docx


def _png() -> bytes:
    """A 1×1 PNG, for a letterhead logo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


def _house(path: Path, *, logo: bool = False, even: str | None = None) -> Path:
    document = docx.Document()
    section = document.sections[0]
    paragraph = section.header.paragraphs[0]
    paragraph.text = "某某市人民政府办公室"
    if logo:
        paragraph.add_run().add_picture(io.BytesIO(_png()), width=Pt(12))
    if even is not None:
        document.settings.odd_and_even_pages_header_footer = True
        section.even_page_header.paragraphs[0].text = even
    document.save(str(path))
    return path


def _draft(reference: Path) -> Any:
    data = write_docx(short_document(), RenderOptions(reference_docx=reference))
    return docx.Document(io.BytesIO(data))


def test_even_pages_get_the_house_header(tmp_path: Path) -> None:
    opened = _draft(_house(tmp_path / "house.docx"))
    assert opened.settings.odd_and_even_pages_header_footer  # for the odd/even page numbers
    section = opened.sections[0]
    assert section.header.paragraphs[0].text == "某某市人民政府办公室"
    assert not section.even_page_header.is_linked_to_previous
    assert section.even_page_header.paragraphs[0].text == "某某市人民政府办公室"
    assert section.even_page_footer.paragraphs[0].text.startswith("—")


def test_a_header_logo_is_carried_to_the_even_header(tmp_path: Path) -> None:
    opened = _draft(_house(tmp_path / "house.docx", logo=True))
    even = opened.sections[0].even_page_header
    blips = even._element.xpath(".//a:blip")
    assert len(blips) == 1
    r_id = blips[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    assert even.part.rels[r_id].target_part.blob == _png()


def test_a_house_even_header_is_kept(tmp_path: Path) -> None:
    opened = _draft(_house(tmp_path / "house.docx", even="偶数页页眉"))
    assert opened.sections[0].even_page_header.paragraphs[0].text == "偶数页页眉"


def test_without_a_reference_there_is_no_header(tmp_path: Path) -> None:
    opened = docx.Document(io.BytesIO(write_docx(short_document(), RenderOptions())))
    assert opened.sections[0].header.is_linked_to_previous
    assert opened.sections[0].even_page_header.is_linked_to_previous
