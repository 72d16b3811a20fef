"""The outline markup parser: directives, paragraphs, run-in headings, provenance markers."""

from __future__ import annotations

import pytest

from drafter.compose.outline import clean_user_text, mark, parse_outline, strip_marks
from drafter.document import Heading, Paragraph, Span
from drafter.errors import TemplateError

MARKUP = """\
@title 加强工作规范
@title 注重工作方法
@subtitle ——推动全区走在前列
@byline 区长　王明
@byline （2026年11月30日）
@salutation 同志们：

这次会议，
⟦opening.purpose.a⟧本想在月底召开。⟦/⟧

¶
@h1 一、站位要更高
@h3+ 一是要讲大局。
讲大局是基本的政治要求。
⟦requirement.b⟧要胸怀全局。⟦/⟧
¶
@h3+ 二是要谋全局。
¶
谢谢大家！
"""


def test_header_lines_and_salutation() -> None:
    doc = parse_outline(MARKUP)
    assert doc.title == ("加强工作规范", "注重工作方法")
    assert doc.subtitle == ("——推动全区走在前列",)
    assert doc.byline == ("区长　王明", "（2026年11月30日）")
    assert doc.salutation == "同志们："


def test_blocks_paragraphs_and_run_in_headings() -> None:
    doc = parse_outline(MARKUP, {"requirement.b": ("003.txt:8",)})
    first, h1, run_in, plain_heading, last = doc.blocks
    assert isinstance(first, Paragraph) and first.text == "这次会议，本想在月底召开。"
    assert first.spans[1] == Span("本想在月底召开。", "opening.purpose.a", ())
    assert h1 == Heading(1, (Span("一、站位要更高"),))
    assert isinstance(run_in, Heading) and run_in.run_in and run_in.level == 3
    assert run_in.text == "一是要讲大局。"
    assert run_in.body_text == "讲大局是基本的政治要求。要胸怀全局。"
    assert run_in.body[1] == Span("要胸怀全局。", "requirement.b", ("003.txt:8",))
    # a run-in heading followed by no text stands on its own line
    assert isinstance(plain_heading, Heading) and not plain_heading.run_in
    assert isinstance(last, Paragraph) and last.text == "谢谢大家！"


def test_blank_lines_do_not_split_paragraphs() -> None:
    doc = parse_outline("@title 题\n甲。\n\n\n乙。\n¶\n丙。\n")
    assert [b.text for b in doc.blocks] == ["甲。乙。", "丙。"]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("@title 题\n@h5 太深\n", "outline line 2: unknown directive '@h5'"),
        ("@title 题\n@h1\n", "outline line 2: @h1 needs text"),
        ("@title 题\n正文。\n¶\n@title 又一个\n", "outline line 4: @title must come before the body"),
        ("@title 题\n⟦x.y⟧没有结束\n", "outline line 3: unbalanced provenance marker"),
        ("正文。\n", "the outline has no @title line"),
    ],
)
def test_malformed_markup_names_the_line(markup: str, expected: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_outline(markup, name="mine.j2")
    assert str(caught.value) == f"mine.j2: {expected}"


def test_mark_and_strip_round_trip() -> None:
    text = "甲" + mark("quote.a", "古语说，工欲善其事。") + "乙"
    assert strip_marks(text) == "甲古语说，工欲善其事。乙"
    assert clean_user_text("第一行\n  第二⟦行⟧") == "第一行第二行"
    assert clean_user_text("@title 不是指令") == "＠title 不是指令"
    assert clean_user_text("¶") == ""
