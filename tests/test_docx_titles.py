"""Breaking long titles: whole words, balanced lines, never a line starting with punctuation."""

from __future__ import annotations

import pytest

from drafter.writers.docx.titles import break_title


def test_short_titles_stay_on_one_line() -> None:
    assert break_title(("在全市经济工作会议上的讲话",)) == ["在全市经济工作会议上的讲话"]


def test_given_lines_are_kept_and_blank_ones_dropped() -> None:
    assert break_title(("加强工作规范", " ", "注重工作方法")) == ["加强工作规范", "注重工作方法"]


def test_long_title_breaks_at_a_word_boundary() -> None:
    assert break_title(("在全市安全生产暨防汛抗旱工作部署会议上的讲话",)) == [
        "在全市安全生产暨",
        "防汛抗旱工作部署会议上的讲话",
    ]


def test_quoted_names_stay_whole() -> None:
    lines = break_title(("在全区“不忘初心、牢记使命”主题教育总结大会上的讲话",))
    assert lines == ["在全区“不忘初心、牢记使命”", "主题教育总结大会上的讲话"]


@pytest.mark.parametrize(
    "title",
    [
        "在2026年全市优化营商环境和招商引资工作推进大会上的讲话",
        "关于进一步加强和改进新形势下全市机关作风建设工作的若干意见的说明",
        "在全市深化“放管服”改革优化营商环境暨“一网通办”工作推进会议上的讲话",
        "一" * 61,
    ],
)
def test_every_line_fits_and_no_line_starts_with_closing_punctuation(title: str) -> None:
    lines = break_title((title,))
    assert "".join(lines) == title
    assert all(len(line) <= 20 for line in lines)
    assert len(lines) == -(-len(title) // 20)  # the fewest lines that fit
    assert not any(line[0] in "，。、：；！？）》”" for line in lines)
    assert not any(line[-1] in "（《“" for line in lines)
