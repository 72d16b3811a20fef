"""`--reference-docx`: the office's page setup, headers, footers and styles win; the rest falls back."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx_sample import short_document

from drafter.errors import InputFileError
from drafter.writers import RenderOptions
from drafter.writers.docx import write_docx
from drafter.writers.docx.base import ReferenceDocxError


def _house_template(
    path: Path, *, footer: bool = True, body_style: bool = True, margins: bool = True
) -> Path:
    """A house template as an office would make it in Word: letterhead header, own body style."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = Inches(1.25)
    section.header.paragraphs[0].text = "某某市人民政府办公室"
    if footer:
        section.footer.paragraphs[0].text = "内部资料 注意保存"
    if body_style:
        style = document.styles.add_style("讲话正文", 1)
        style.font.size = Pt(15)
        r_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        r_fonts.set(qn("w:eastAsia"), "华文仿宋")
    document.add_paragraph("本模板说明：请勿删除页眉。")
    document.add_comment(document.paragraphs[0].runs, text="模板里的批注", author="办公室")
    if not margins:
        sect_pr = document.element.body.find(qn("w:sectPr"))
        sect_pr.remove(sect_pr.find(qn("w:pgMar")))
    document.save(str(path))
    return path


def _copy_changing(source: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Copy a .docx package with one member's bytes changed."""
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w") as copy:
        for info in package.infolist():
            data = package.read(info)
            copy.writestr(info, change(data) if info.filename == member else data)


def _write(reference: Path, annotate: bool = False) -> Any:
    data = write_docx(short_document(), RenderOptions(reference_docx=reference, annotate=annotate))
    return docx.Document(io.BytesIO(data))


def test_page_setup_header_footer_and_styles_come_from_the_reference(tmp_path: Path) -> None:
    opened = _write(_house_template(tmp_path / "house.docx"))
    section = opened.sections[0]
    assert section.page_width == Inches(8.5)
    assert section.left_margin == Inches(1.25)
    assert section.header.paragraphs[0].text == "某某市人民政府办公室"
    assert section.footer.paragraphs[0].text == "内部资料 注意保存"
    body = opened.styles["讲话正文"]
    assert body.font.size == Pt(15)
    assert body.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == "华文仿宋"
    paragraphs = opened.paragraphs
    assert "本模板说明" not in "".join(p.text for p in paragraphs)  # the template's own text goes
    assert paragraphs[-1].style.name == "讲话正文"
    assert paragraphs[-1].text.startswith("要把学习贯彻落到实处。")


def test_what_the_reference_lacks_falls_back_to_the_built_in_layout(tmp_path: Path) -> None:
    opened = _write(_house_template(tmp_path / "bare.docx", footer=False, body_style=False, margins=False))
    section = opened.sections[0]
    assert section.top_margin.twips == 2098 and section.left_margin.twips == 1587
    assert section.page_width == Inches(8.5)  # the reference's paper stays
    body = opened.styles["讲话正文"]
    assert body.font.size == Pt(16)
    assert body.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert opened.styles["一级标题"].base_style.name == "讲话正文"
    odd = section.footer.paragraphs[0]
    assert odd.style.name == "页码"
    assert [t.text for t in odd._p.iter(qn("w:instrText"))] == [" PAGE "]
    assert opened.settings.odd_and_even_pages_header_footer


def test_missing_styles_are_added_beside_the_reference_ones(tmp_path: Path) -> None:
    opened = _write(_house_template(tmp_path / "house.docx"))
    heading = opened.styles["一级标题"]
    assert heading.base_style.name == "讲话正文"  # based on the office's body style
    fonts = heading.element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体"
    assert opened.styles["Heading 1"] is not None  # the reference's own styles stay available


def test_run_in_character_style_follows_the_reference_heading_style(tmp_path: Path) -> None:
    path = tmp_path / "house.docx"
    document = docx.Document()
    style = document.styles.add_style("三级标题", 1)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "华文楷体")
    document.save(str(path))
    opened = _write(path)
    char = opened.styles["三级标题 字符"]
    assert char.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == "华文楷体"


def test_reference_comments_are_dropped_and_ours_added(tmp_path: Path) -> None:
    opened = _write(_house_template(tmp_path / "house.docx"), annotate=True)
    texts = [c.text for c in opened.comments]
    assert len(texts) == 1 and texts[0].startswith("词条：")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"plain text, not a document", "not a .docx file"),
        (b"", "not a .docx file"),
    ],
)
def test_a_file_that_is_not_a_docx_is_one_clear_line(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "house.docx"
    path.write_bytes(content)
    with pytest.raises(ReferenceDocxError) as caught:
        write_docx(short_document(), RenderOptions(reference_docx=path))
    message = str(caught.value)
    assert expected in message and "\n" not in message
    assert message.startswith(str(path)) or message.startswith("house.docx")
    assert isinstance(caught.value, InputFileError)


def test_a_damaged_docx_is_one_clear_line(tmp_path: Path) -> None:
    good = _house_template(tmp_path / "good.docx")
    damaged = tmp_path / "damaged.docx"
    _copy_changing(good, damaged, "word/document.xml", lambda data: data[: len(data) // 2])
    with pytest.raises(ReferenceDocxError, match=r"damaged.docx: damaged \.docx, cannot be read") as caught:
        write_docx(short_document(), RenderOptions(reference_docx=damaged))
    assert "\n" not in str(caught.value)


def test_a_zip_that_is_no_word_document(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(ReferenceDocxError, match=r"sheet\.docx: damaged \.docx") as caught:
        write_docx(short_document(), RenderOptions(reference_docx=path))
    assert "\n" not in str(caught.value)


def test_missing_reference_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        write_docx(short_document(), RenderOptions(reference_docx=tmp_path / "nope.docx"))
    with pytest.raises(InputFileError, match="is a directory"):
        write_docx(short_document(), RenderOptions(reference_docx=tmp_path))


def test_a_word_template_is_refused_with_advice(tmp_path: Path) -> None:
    good = _house_template(tmp_path / "good.docx")
    template = tmp_path / "house.dotx"
    _copy_changing(
        good,
        template,
        "[Content_Types].xml",
        lambda data: data.replace(b"document.main+xml", b"template.main+xml"),
    )
    with pytest.raises(ReferenceDocxError) as caught:
        write_docx(short_document(), RenderOptions(reference_docx=template))
    assert str(caught.value).endswith(
        "house.dotx: not a Word document (a template .dotx or another Office file?): save it as .docx"
    )


def test_body_style_switches_widow_control_off_even_on_a_reference(tmp_path: Path) -> None:
    opened = _write(_house_template(tmp_path / "bare.docx", body_style=False))
    assert opened.styles["讲话正文"].paragraph_format.widow_control is False
