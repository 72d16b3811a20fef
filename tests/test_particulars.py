"""`find_particulars`, `slot_particulars` and the `bank validate` warning on material that carries one.

The positive cases are sentences of the built-in bank and of drafts quoted in issue 8, and material
from provincial work reports (GUIDE §5); the negatives are formulas true of any topic.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from bank_helpers import write_bank
from click.testing import CliRunner

from drafter.bank.load import builtin_bank_dir
from drafter.bank.particulars import _places, find_particulars, place_names, slot_particulars
from drafter.bank.validate import validate_bank
from drafter.cli import main

CASES = [
    ("每年至少要拿出四分之一的时间走出机关", "figure", "四分之一"),
    ("扎实推行“三张清单”管理", "campaign", "“三张清单”"),
    ("一月一研究、一月一安排、一月一督办、一月一通报、一月一结账", "campaign", "一月一研究"),
    ("坚持带案下访、包镇扶村联企", "campaign", "带案下访"),
    ("坚持“外出就业、返乡创业、合作兴业”三措并举", "campaign", "”三措并举"),
    ("在中共上海市委的坚强领导下", "body", "中共上海市委"),
    ("建成森林防火隔离带1万公里", "figure", "1万公里"),
    ("全面完成治本攻坚三年行动任务", "campaign", "三年行动"),
    ("我经常讲，领导干部要算好三本账", "anecdote", "我经常讲"),
    ("我经常讲，领导干部要算好三本账", "campaign", "三本账"),
    ("要适应新常态、推行精细化、实现零失误", "campaign", "适应新常态、推行精细化、实现零失误"),
    ("各级领导班子都要自觉维护市委组织部的权威", "body", "市委组织部"),
    ("2025年地区生产总值增长5.2%", "date", "2025年"),
    ("2025年地区生产总值增长5.2%", "figure", "5.2%"),
    ("完成固定资产投资一百二十亿元", "figure", "一百二十亿元"),
    ("去年我到兰考县调研时看到", "anecdote", "去年我"),
    ("去年我到兰考县调研时看到", "place", "兰考县"),
    ("学习成都的经验", "place", "成都"),
    ("党中央决定在全党开展主题教育", "national", "党中央决定"),
    ("由某某建设集团有限公司承建", "body", "某某建设集团有限公司"),
    ("谋划“十五五”规划", "date", "“十五五”规划"),
]

NEGATIVES = [
    "要把{topic}摆在突出位置，抓紧抓实抓细",
    "加强客运车辆、校车和重型货车的检查",
    "一体推进不敢腐、不能腐、不想腐",
    "自觉做到稳增长、调结构、促改革、惠民生、防风险",
    "正确认识大局、自觉服从大局、坚决维护大局",
    "思想上同心、工作上同步、目标上同向",
    "三分决策，七分执行",
    "要牢固树立全区“一盘棋”的理念",
    "任务完成都要及时报告",
    "稳重求进，不能四平八稳",
    "在{region}范围内开展排查",
    "同志们，让我们团结一心，为{goal}而努力奋斗！",
    "各位来宾，同志们，朋友们：",
    "祝大家身体健康、阖家安康、工作顺利！",
]


@pytest.mark.parametrize(("text", "kind", "span"), CASES)
def test_real_particulars_are_caught(text: str, kind: str, span: str) -> None:
    found = [(p.kind, p.text) for p in find_particulars(text)]
    assert any(k == kind and span in t for k, t in found), found


@pytest.mark.parametrize("text", NEGATIVES)
def test_general_formulas_are_not_flagged(text: str) -> None:
    assert find_particulars(text) == []


def test_spans_point_into_the_text_and_do_not_overlap() -> None:
    text = "在中共上海市委的坚强领导下，2025年建成森林防火隔离带1万公里"
    found = find_particulars(text)
    assert [text[p.start : p.end] for p in found] == [p.text for p in found]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_slot_particulars_puts_slots_where_a_role_fits_and_returns_the_rest() -> None:
    assert slot_particulars("在中共上海市委的坚强领导下") == ("在{superior}的坚强领导下", [])
    text, left = slot_particulars("各级领导班子都要自觉维护市委组织部的权威")
    assert text == "各级领导班子都要自觉维护{org}的权威" and left == []
    text, left = slot_particulars("建成森林防火隔离带1万公里")
    assert text == "建成森林防火隔离带1万公里" and [p.kind for p in left] == ["figure"]


def test_the_gazetteer_has_provinces_cities_and_counties() -> None:
    names, cities = place_names()
    assert {"河北省", "河北", "兰考县", "上海市", "上海"} <= names
    assert "成都" in cities and "和平" not in names


def _alternation(names: frozenset[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def test_places_are_found_as_the_gazetteer_alternation_finds_them() -> None:
    """The set lookup finds what the plain regular expressions (the definition) find, in order."""
    names, cities = place_names()
    city = _alternation(cities)
    patterns = [
        re.compile(_alternation(names)),
        re.compile(f"(?:(?<=[在到赴去来向])|^)(?:{city})"),
        re.compile(f"(?:{city})(?=[、，。的和与]|等地|人民|经验|市民|$)"),
    ]
    texts = [
        line
        for path in sorted((builtin_bank_dir() / "corpus").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    for name in sorted(cities)[:60]:  # the contexts a short name stands in, at both ends
        texts += [name, f"在{name}", f"{name}的", f"{name}等地", f"完{name}要", f"{name}\n"]
        texts.append(f"{name}{name}人民")
    assert sum(1 for text in texts for _ in _places(text)) > 1000
    for text in texts:
        expected = [m.span() for pattern in patterns for m in pattern.finditer(text)]
        assert list(_places(text)) == expected, text


MATERIAL = """
    function: requirement
    entries:
      - id: requirement.fanghuo.gelidai
        text: 建成森林防火隔离带1万公里。
        sources: ["s.txt:1"]
      - id: requirement.fanghuo.slot
        text: 要在{region}全面排查森林火险隐患。
        sources: ["s.txt:1"]
      - id: requirement.fanghuo.formula
        text: 要以一月一研究的节奏推进。
        type: formula
        sources: ["s.txt:1"]
      - id: requirement.fanghuo.old
        text: 全面完成治本攻坚三年行动任务。
        status: deprecated
        sources: ["s.txt:1"]
"""


def test_bank_validate_warns_on_material_with_particulars_and_strict_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = write_bank(
        tmp_path / "b", {"requirement.yaml": MATERIAL}, {"s.txt": "建成森林防火隔离带1万公里。\n"}
    )
    report = validate_bank([folder], builtin=False)
    lines = [str(f) for f in report.findings]
    assert lines == [
        "b/requirement.yaml:4: requirement.fanghuo.gelidai: warning: text: carries a particular "
        "(数字“1万公里”) — make it a slot or mark it status: deprecated"
    ]
    runner = CliRunner()
    assert runner.invoke(main, ["bank", "validate", "--no-builtin", str(folder)]).exit_code == 0
    assert runner.invoke(main, ["bank", "validate", "--no-builtin", "--strict", str(folder)]).exit_code == 1
