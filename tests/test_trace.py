"""Provenance rows and the --trace TSV."""

from __future__ import annotations

from drafter.document import Document, Heading, Paragraph, Span
from drafter.trace import trace_rows, trace_tsv

DOC = Document(
    title=("题",),
    blocks=(
        Paragraph(
            (Span("开场。"), Span("刚才，\t王区长讲了。", "opening.acknowledge.a", ("000.txt:5",))),
        ),
        Heading(
            1,
            (Span("一、"), Span("站位要更高", "heading_set.yaogeng", ("003.txt:6", "003.txt:11"))),
        ),
        Heading(3, (Span("一是要讲大局。"),), (Span("要胸怀全局。", "requirement.b", ("003.txt:8",)),)),
        Paragraph((Span("要抓重点。", "requirement.c", ("003.txt:10",)),)),
        Heading(1, (Span("二、标准要更严"),)),
        Paragraph((Span("谢谢大家！", "closing.thanks.a", ("001.txt:57",)),)),
    ),
)


def test_rows_locate_each_bank_sentence() -> None:
    rows = trace_rows(DOC)
    assert [(r.block, r.where, r.entry_id) for r in rows] == [
        (1, "", "opening.acknowledge.a"),
        (2, "一、站位要更高", "heading_set.yaogeng"),
        (3, "一、站位要更高 / 一是要讲大局。", "requirement.b"),
        (4, "一、站位要更高", "requirement.c"),  # a run-in heading heads its own paragraph only
        (6, "二、标准要更严", "closing.thanks.a"),
    ]
    assert rows[1].sources == ("003.txt:6", "003.txt:11")


def test_tsv_has_a_header_and_one_clean_line_per_row() -> None:
    lines = trace_tsv(trace_rows(DOC)).splitlines()
    assert lines[0] == "block\twhere\tentry\tsource\ttext"
    assert lines[1] == "1\t\topening.acknowledge.a\t000.txt:5\t刚才， 王区长讲了。"
    assert lines[2] == "2\t一、站位要更高\theading_set.yaogeng\t003.txt:6; 003.txt:11\t站位要更高"
    assert len(lines) == 6
