"""The GB/T 9704 layout of the built-in .docx: page, named styles, fonts, headings, page numbers."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx_sample import TITLE, sample_document, short_document
from lxml import etree

from drafter.document import Document, Heading, Paragraph, Span
from drafter.writers import RenderOptions
from drafter.writers.docx import write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _part(data: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


@pytest.fixture(scope="module")
def sample() -> bytes:
    return write_docx(sample_document(), RenderOptions())


def _effective_rpr(document: Any, name: str, tag: str) -> Any:
    """The nearest `w:rPr/<tag>` along the style's basedOn chain."""
    return _inherited(document, name, f"w:rPr/{tag}")


def _effective_ppr(document: Any, name: str, tag: str) -> Any:
    """The nearest `w:pPr/<tag>` along the style's basedOn chain."""
    return _inherited(document, name, f"w:pPr/{tag}")


def _inherited(document: Any, name: str, path: str) -> Any:
    style = document.styles[name]
    while style is not None:
        found = style.element.find("/".join(qn(step) for step in path.split("/")))
        if found is not None:
            return found
        style = style.base_style
    return None


def test_page_is_a4_with_the_official_margins(sample: bytes) -> None:
    section = _open(sample).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.1)
    assert abs(section.right_margin - Mm(26)) < Mm(0.1)


def test_line_pitch_gives_22_lines_and_condensing_28_characters(sample: bytes) -> None:
    document = _open(sample)
    body = document.styles["讲话正文"]
    assert body.paragraph_format.line_spacing == Pt(28.95)
    height = Mm(297) - Mm(37) - Mm(35)
    assert height // body.paragraph_format.line_spacing == 22
    condense = int(body.element.find(qn("w:rPr")).find(qn("w:spacing")).get(qn("w:val")))  # twentieths of pt
    width_pt = Mm(210 - 28 - 26).pt
    char_pt = 16 + condense / 20
    assert int(width_pt // char_pt) == 28
    grid = document.element.body.find(qn("w:sectPr")).find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    assert grid.get(qn("w:type")) is None  # no character grid: LibreOffice would draw 14 a line


def test_every_paragraph_uses_a_named_style(sample: bytes) -> None:
    document = _open(sample)
    names = [p.style.name for p in document.paragraphs]
    assert names[0] == "讲话标题"
    assert names[1:3] == ["讲话署名", "讲话署名"]
    assert names[3] == "称谓"
    assert set(names) == {"讲话标题", "讲话署名", "称谓", "讲话正文", "一级标题", "二级标题"}
    for paragraph in document.paragraphs:
        p_pr = paragraph._p.pPr
        direct = {child.tag for child in p_pr} - {qn("w:pStyle")}
        assert not direct, f"direct paragraph formatting on {paragraph.text[:10]}: {direct}"


def test_title_is_2hao_xiaobiaosong_centred_and_broken_into_two_lines(sample: bytes) -> None:
    document = _open(sample)
    title = document.paragraphs[0]
    style = document.styles["讲话标题"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.font.size == Pt(22)
    assert _effective_rpr(document, "讲话标题", "w:rFonts").get(qn("w:eastAsia")) == "方正小标宋简体"
    assert style.paragraph_format.first_line_indent == 0
    assert style.element.find(qn("w:pPr")).find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    assert len(title._p.findall(f".//{W}br")) == 1  # 22 characters do not fit a line of 2号
    lines = title.text.split("\n")
    assert "".join(lines) == TITLE
    assert lines == ["在全市安全生产暨", "防汛抗旱工作部署会议上的讲话"]


def test_byline_salutation_and_body_fonts(sample: bytes) -> None:
    document = _open(sample)
    byline = document.styles["讲话署名"]
    assert byline.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _effective_rpr(document, "讲话署名", "w:rFonts").get(qn("w:eastAsia")) == "楷体_GB2312"
    assert _effective_rpr(document, "讲话署名", "w:sz").get(qn("w:val")) == "32"
    salutation = document.styles["称谓"]
    assert salutation.paragraph_format.first_line_indent == 0
    assert salutation.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    body = document.styles["讲话正文"]
    assert body.font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    indent = body.element.find(qn("w:pPr")).find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"
    fonts = body.element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
    assert fonts.get(qn("w:hint")) == "eastAsia"


@pytest.mark.parametrize(
    ("name", "font", "bold", "level"),
    [
        ("一级标题", "黑体", False, 0),
        ("二级标题", "楷体_GB2312", False, 1),
        ("三级标题", "仿宋_GB2312", True, 2),
        ("四级标题", "仿宋_GB2312", False, 3),
    ],
)
def test_heading_styles(sample: bytes, name: str, font: str, bold: bool, level: int) -> None:
    document = _open(sample)
    assert _effective_rpr(document, name, "w:rFonts").get(qn("w:eastAsia")) == font
    assert (_effective_rpr(document, name, "w:b").get(qn("w:val")) == "1") is bold
    assert _effective_rpr(document, name, "w:sz").get(qn("w:val")) == "32"
    assert _effective_ppr(document, name, "w:outlineLvl").get(qn("w:val")) == str(level)
    assert document.styles[name].base_style.name == "讲话正文"
    char = document.styles[f"{name} 字符"]  # the run-in form, linked to the paragraph style
    assert char.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == font
    assert char.element.find(qn("w:link")).get(qn("w:val")) == document.styles[name].style_id
    assert document.styles[name].element.find(qn("w:link")).get(qn("w:val")) == char.style_id


def test_run_in_heading_is_one_paragraph_with_heading_font_then_body(sample: bytes) -> None:
    document = _open(sample)
    run_in = [p for p in document.paragraphs if p.text.startswith("1.强化集体决策。")]
    assert run_in, "the level-3 run-in heading is missing"
    paragraph = run_in[0]
    assert paragraph.style.name == "讲话正文"
    assert paragraph.runs[0].text == "1.强化集体决策。"
    assert paragraph.runs[0].style.name == "三级标题 字符"
    assert all(run.style.name == "Default Paragraph Font" for run in paragraph.runs[1:])
    assert paragraph.text.startswith("1.强化集体决策。古语说，")
    level4 = next(p for p in document.paragraphs if p.text.startswith("（1）坚持问题导向。"))
    assert level4.runs[0].style.name == "四级标题 字符"


def test_runs_are_marked_east_asian_and_carry_no_fonts_of_their_own(sample: bytes) -> None:
    document = _part(sample, "word/document.xml")
    runs = document.findall(f".//{W}r")
    assert runs
    for run in runs:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}hint") == "eastAsia"
        assert {k for k in fonts.attrib if k != f"{W}hint"} == set()  # fonts live in the named styles


def test_no_theme_fonts_and_chinese_language(sample: bytes) -> None:
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        xml = etree.tostring(_part(sample, name)).decode()
        assert "Theme=" not in xml and "theme=" not in xml, name
    styles = _part(sample, "word/styles.xml")
    default_lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default_lang.get(f"{W}eastAsia") == "zh-CN"
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == "仿宋_GB2312"
    for style in styles.findall(f"{W}style"):
        if style.get(f"{W}styleId").startswith("Speech") and style.get(f"{W}type") == "paragraph":
            assert style.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"


def test_page_numbers_odd_right_even_left_with_page_fields(sample: bytes) -> None:
    document = _open(sample)
    assert document.settings.odd_and_even_pages_header_footer is True
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.style.name == even.style.name == "页码"
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and odd.paragraph_format.right_indent == Pt(14)
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT and even.paragraph_format.left_indent == Pt(14)
    page_number = document.styles["页码"]
    assert page_number.font.size == Pt(14)
    fonts = page_number.element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:ascii")) == "宋体"
    for paragraph in (odd, even):
        kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert [t.text for t in paragraph._p.iter(qn("w:instrText"))] == [" PAGE "]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
    assert section.different_first_page_header_footer is False


def test_header_block_is_set_off_by_one_blank_line_without_salutation() -> None:
    document = Document(title=("讲话",), blocks=(Paragraph((Span("正文。"),)),))
    opened = _open(write_docx(document, RenderOptions()))
    body = opened.paragraphs[1]
    assert body.paragraph_format.space_before == Pt(28.95)
    assert opened.styles["称谓"].paragraph_format.space_before == Pt(28.95)


def test_subtitle_lines_get_their_own_style() -> None:
    document = Document(title=("加强工作规范  注重工作方法",), subtitle=("——在全区办公室工作会议上的讲话",))
    opened = _open(write_docx(document, RenderOptions()))
    assert [p.style.name for p in opened.paragraphs] == ["讲话标题", "讲话副标题"]
    assert opened.paragraphs[1].text == "——在全区办公室工作会议上的讲话"


def test_empty_document_is_still_a_valid_docx() -> None:
    opened = _open(write_docx(Document(title=()), RenderOptions()))
    assert opened.paragraphs == []
    assert opened.sections[0].page_width.twips == 11906


def test_heading_level_outside_1_to_4_is_a_bug() -> None:
    with pytest.raises(ValueError, match="heading level 5"):
        write_docx(Document(title=("讲话",), blocks=(Heading(5, (Span("五"),)),)), RenderOptions())


def test_windows_profile_from_the_brief(sample: bytes) -> None:
    opened = _open(write_docx(short_document(font_profile="windows"), RenderOptions()))
    title_fonts = _effective_rpr(opened, "讲话标题", "w:rFonts")
    assert title_fonts.get(qn("w:eastAsia")) == "宋体"
    assert _effective_rpr(opened, "讲话标题", "w:b").get(qn("w:val")) == "1"
    assert _effective_rpr(opened, "讲话正文", "w:rFonts").get(qn("w:eastAsia")) == "仿宋"
    assert _effective_rpr(opened, "二级标题", "w:rFonts").get(qn("w:eastAsia")) == "楷体"


def test_option_profile_wins_over_the_brief() -> None:
    opened = _open(write_docx(short_document(font_profile="windows"), RenderOptions(font_profile="standard")))
    assert _effective_rpr(opened, "讲话正文", "w:rFonts").get(qn("w:eastAsia")) == "仿宋_GB2312"
