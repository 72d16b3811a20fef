"""The Markdown writer."""

from __future__ import annotations

from drafter.document import Document, Heading, Paragraph, Span
from drafter.writers import RenderOptions, get_writer
from drafter.writers.markdown import render_markdown

DOC = Document(
    title=("加强工作规范", "注重工作方法"),
    subtitle=("——推动全区走在前列",),
    byline=("区长　王明", "（2026年11月30日）"),
    salutation="同志们：",
    blocks=(
        Paragraph((Span("开场。"), Span("要*规范*。", "requirement.a", ("000.txt:5",)))),
        Heading(1, (Span("一、站位要更高"),)),
        Heading(3, (Span("一是要讲大局。"),), (Span("讲大局。"),)),
        Heading(2, (Span("（一）全面履职"),)),
    ),
)


def test_markdown_layout() -> None:
    assert render_markdown(DOC) == (
        "# 加强工作规范　注重工作方法\n\n"
        "——推动全区走在前列\n\n"
        "区长　王明  \n（2026年11月30日）\n\n"
        "同志们：\n\n"
        "开场。要\\*规范\\*。\n\n"
        "## 一、站位要更高\n\n"
        "**一是要讲大局。**讲大局。\n\n"
        "### （一）全面履职\n"
    )


def test_registered_writer_returns_utf8_bytes() -> None:
    data = get_writer("md")(DOC, RenderOptions())
    assert data.decode("utf-8") == render_markdown(DOC)
