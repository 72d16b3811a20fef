"""The plain-text writer."""

from __future__ import annotations

from drafter.document import Document, Heading, Paragraph, Span
from drafter.writers import RenderOptions, get_writer
from drafter.writers.text import render_text

DOC = Document(
    title=("在全市政府办公室工作会议上的讲话",),
    byline=("市长　张三", "（2026年11月30日）"),
    salutation="同志们：",
    blocks=(
        Paragraph((Span("开场。"),)),
        Heading(1, (Span("一、站位要更高"),)),
        Heading(3, (Span("一是要讲大局。"),), (Span("讲大局。", "requirement.a"),)),
    ),
)


def test_text_layout_indents_body_blocks() -> None:
    assert render_text(DOC) == (
        "在全市政府办公室工作会议上的讲话\n\n"
        "市长　张三\n（2026年11月30日）\n\n"
        "同志们：\n\n"
        "　　开场。\n\n"
        "　　一、站位要更高\n\n"
        "　　一是要讲大局。讲大局。\n"
    )


def test_registered_writer_returns_utf8_bytes() -> None:
    assert get_writer("txt")(DOC, RenderOptions()) == render_text(DOC).encode("utf-8")
