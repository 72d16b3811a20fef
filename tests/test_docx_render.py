"""Rendering the .docx with LibreOffice: 22 lines a page, 28 characters a line, `— N —` page numbers.

Needs LibreOffice, poppler and CJK fonts: skipped (saying what to install) on a machine without
them; `.ci/run` installs them and sets DRAFTER_REQUIRE_RENDER=1, so in CI these tests always run.
Free fonts stand in for the official ones through the packaged fontconfig file (`preview-fonts.xml`).
"""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx_sample import sample_document
from render_tools import require_render_tools

from drafter.writers import RenderOptions
from drafter.writers.docx import write_docx
from drafter.writers.docx.preview import pdf_text, render_pdf

require_render_tools()

PAGE_NUMBER = re.compile(r"^(\s*)—\s*(\d+)\s*—\s*$")
HANGING = "，。、：；！？”’）》"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("render")
    path = folder / "speech.docx"
    path.write_bytes(write_docx(sample_document(), RenderOptions(annotate=True)))
    pdf = render_pdf(path, folder)
    return pdf, pdf_text(pdf)


def _lines(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.strip()]


def _body_lines(page: str) -> list[str]:
    return [line for line in _lines(page) if not PAGE_NUMBER.match(line)]


def _chars(line: str) -> str:
    return re.sub(r"\s", "", line)


def _full_width(text: str) -> bool:
    """Only Hanzi and full-width punctuation: one em each. LibreOffice 7 ignores `w:hint`, so it sets
    digits, Latin letters, curly quotes and dashes in the narrower Latin font and fits more of them."""
    return all(
        "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" for c in text
    )


def test_the_sample_makes_several_pages(rendered: tuple[Path, list[str]]) -> None:
    _, pages = rendered
    assert len(pages) >= 4


def test_full_middle_pages_hold_22_lines(rendered: tuple[Path, list[str]]) -> None:
    _, pages = rendered
    middle = pages[1:-1]
    counts = [len(_body_lines(page)) for page in middle]
    assert max(counts) == 22, counts
    assert counts.count(22) >= len(middle) - 1, counts  # a heading kept with its text may end one page early


def test_full_lines_hold_28_characters(rendered: tuple[Path, list[str]]) -> None:
    _, pages = rendered
    full = []
    for page in pages[1:-1]:
        lines = _body_lines(page)
        for line, following in itertools.pairwise(lines):
            # a line neither indented nor followed by an indented one is inside a paragraph: full width
            if not line.startswith(" ") and not following.startswith(" "):
                text = _chars(line)
                if _full_width(text):
                    full.append(text[:-1] if len(text) == 29 and text[-1] in HANGING else text)
    assert len(full) >= 20
    assert {len(text) for text in full} == {28}, [t for t in full if len(t) != 28]


def test_page_numbers_read_dash_n_dash_odd_right_even_left(rendered: tuple[Path, list[str]]) -> None:
    _, pages = rendered
    for number, page in enumerate(pages, 1):
        last = _lines(page)[-1]
        found = PAGE_NUMBER.match(last)
        assert found, f"page {number}: {last!r}"
        assert int(found.group(2)) == number
        indent = len(found.group(1))
        if number % 2:
            assert indent > 20, f"page {number} number is not at the right: {last!r}"
        else:
            assert indent == 0, f"page {number} number is not at the left: {last!r}"


def test_no_text_is_lost_on_the_way_to_the_page(rendered: tuple[Path, list[str]]) -> None:
    _, pages = rendered
    printed = "".join(_chars(line) for page in pages for line in _body_lines(page))
    document = sample_document()
    expected = "".join(document.title) + "".join(document.byline) + (document.salutation or "")
    for block in document.blocks:
        expected += block.text + (block.body_text if hasattr(block, "body_text") else "")
    assert printed == _chars(expected)


def test_title_and_byline_are_centred_and_salutation_flush_left(rendered: tuple[Path, list[str]]) -> None:
    _, pages = rendered
    lines = _body_lines(pages[0])
    assert _chars(lines[0]) == "在全市安全生产暨"
    assert _chars(lines[1]) == "防汛抗旱工作部署会议上的讲话"
    for line in lines[:4]:
        assert line.startswith("     "), line
    salutation = next(line for line in lines if "同志们：" in line)
    assert salutation == "同志们："
    heading = next(line for line in lines if "一、" in line)
    assert heading.startswith("  ")  # two-character indent, like the body


def test_each_role_gets_its_stand_in_font(rendered: tuple[Path, list[str]]) -> None:
    pdf, _ = rendered
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "UKai" in fonts  # 楷体: level-2 headings and the byline
    assert "NotoSansCJK" in fonts  # 黑体: level-1 headings
    assert "NotoSerifCJK" in fonts  # 仿宋, 宋体 and the title


EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The longest example brief, drafted by `drafter draft` to .docx and rendered."""
    from click.testing import CliRunner

    from drafter.cli import main

    folder = tmp_path_factory.mktemp("example")
    brief = max(sorted(EXAMPLES.glob("*.yaml")), key=lambda p: p.stat().st_size)
    out = folder / "draft.docx"
    result = CliRunner().invoke(main, ["draft", str(brief), "-o", str(out), "--annotate"])
    assert result.exit_code == 0, result.output
    pdf = render_pdf(out, folder)
    return out, pdf_text(pdf)


def test_a_real_draft_renders_on_the_grid(example: tuple[Path, list[str]]) -> None:
    out, pages = example
    opened = docx.Document(str(out))
    assert opened.paragraphs[0].style.name == "讲话标题"
    assert {p.style.name for p in opened.paragraphs} >= {"讲话署名", "称谓", "讲话正文", "一级标题"}
    assert len(list(opened.comments)) > 10  # --annotate: the bank sentences carry their sources
    assert len(pages) >= 3
    counts = [len(_body_lines(page)) for page in pages[1:-1]]
    assert max(counts) == 22 and all(count <= 22 for count in counts), counts
    for number, page in enumerate(pages, 1):
        found = PAGE_NUMBER.match(_lines(page)[-1])
        assert found and int(found.group(2)) == number
    lines = [
        text[:-1] if len(text) == 29 and text[-1] in HANGING else text
        for page in pages
        for text in map(_chars, _body_lines(page))
        if _full_width(text)
    ]
    assert max(len(text) for text in lines) == 28, [text for text in lines if len(text) > 28]
