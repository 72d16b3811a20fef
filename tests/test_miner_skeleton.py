"""Skeletons of parallel sets."""

from __future__ import annotations

import pytest

from drafter.miner.skeleton import skeleton_of


@pytest.mark.parametrize(
    ("members", "text"),
    [
        (["站位要更高", "标准要更严", "能力要更强"], "{X}要更{Y}"),
        (["思想观念不适应", "工作作风不适应", "能力素质不适应"], "{X}不适应"),
        (
            ["要处理好局部与全局的关系", "要处理好行政与市场的关系", "要处理好管理与服务的关系"],
            "要处理好{X}与{Y}的关系",
        ),
        (["规划一张图", "上下一盘棋", "资金一本账"], "{X}一{Y}"),
        (["要讲大局", "要谋全局", "要抓重点"], "要{X}"),
    ],
)
def test_skeletons(members: list[str], text: str) -> None:
    skeleton = skeleton_of(members)
    assert skeleton is not None and skeleton.text == text
    assert [skeleton.text.format_map(dict(values)) for values in skeleton.values] == members


@pytest.mark.parametrize(
    "members",
    [
        ["善学习", "带好头", "重落实", "善借势", "重团结"],  # nothing shared but by chance
        ["强化集体决策", "坚持依法行政", "讲究工作规范"],
        ["要提升执行力", "提升执行", "要提升凝聚力"],  # a slot empty for one member only
    ],
)
def test_no_skeleton(members: list[str]) -> None:
    assert skeleton_of(members) is None


def test_braces_in_members_are_escaped() -> None:
    skeleton = skeleton_of(["{甲}要更高", "{乙}要更严", "{丙}要更强"])
    assert skeleton is not None
    assert skeleton.text.format_map(dict(skeleton.values[0])) == "{甲}要更高"
