"""Each extractor on a short speech written for it."""

from __future__ import annotations

from drafter.miner.candidates import Candidate
from drafter.miner.clean import clean_lines
from drafter.miner.extract import (
    closings,
    enumerations,
    heading_sets,
    openings,
    parallel,
    problems,
    quotes,
    requirements,
)
from drafter.miner.extract.slots import slot_count, slot_region
from drafter.miner.outline import parse_outline

SPEECH = """在全区安全生产工作会议上的讲话
同志们：
我来参加这个会，主要是听听大家的意见，也提些要求。刚才，张区长对全年工作作了全面部署，我都同意。借此机会，我代表区政府向全区安监系统的同志们表示衷心的感谢！下面，我围绕安全和发展两个方面，讲几点意见。
一、思想认识不到位。有的干部思想麻痹，对隐患视而不见。关于责任落实方面，我强调三点：
二、责任落实不到位。有些部门推诿扯皮，工作不具体、不深入、不扎实。
三、隐患排查不到位。这里，我想强调一点，古语说，凡事预则立，不预则废。
要坚持安全发展理念，切实履行监管责任。要做到守土有责、守土负责、守土尽责。“没有规矩不成方圆”。
同志们，让我们团结一心，为全区安全生产形势持续稳定而努力奋斗！
谢谢大家！
"""


def _candidates(extractor: object) -> list[Candidate]:
    outline = parse_outline("s.txt", clean_lines(SPEECH.splitlines()))
    return list(extractor.extract(outline))  # type: ignore[attr-defined]


def _texts(extractor: object, function: str) -> list[str]:
    return [c.text for c in _candidates(extractor) if c.function == function]


def test_heading_sets_and_heading_skeletons() -> None:
    sets = [c for c in _candidates(heading_sets) if c.function == "heading_set"]
    assert [c.text for c in sets] == ["{X}不到位"]
    assert sets[0].members == ((("X", "思想认识"),), (("X", "责任落实"),), (("X", "隐患排查"),))
    assert sets[0].line == 4
    assert _texts(heading_sets, "heading") == ["{X}不到位"]


def test_openings() -> None:
    assert _texts(openings, "title") == ["在{occasion}上的讲话"]
    assert _texts(openings, "salutation") == ["同志们："]
    assert _texts(openings, "opening.purpose") == ["我来参加这个会，主要是听听大家的意见，也提些要求。"]
    assert _texts(openings, "opening.acknowledge") == [
        "刚才，{earlier_speaker}对{earlier_work}作了全面部署，我都同意。"
    ]
    assert _texts(openings, "opening.review") == ["借此机会，我代表{org}向{thanks_to}表示衷心的感谢！"]
    assert _texts(openings, "opening.transition") == ["下面，我围绕{topics}{count}个方面，讲几点意见。"]
    assert _texts(openings, "section.lead_in") == ["关于{topic}方面，我强调{count}点："]
    assert _texts(openings, "transition") == ["这里，我想强调一点"]


def test_closings() -> None:
    assert _texts(closings, "closing.call") == ["同志们，让我们团结一心，为{goal}而努力奋斗！"]
    assert _texts(closings, "closing.thanks") == ["谢谢大家！"]


def test_quotes() -> None:
    assert _texts(quotes, "quote") == ["古语说，凡事预则立，不预则废。", "“没有规矩不成方圆”"]


def test_requirements_are_tagged_by_topic() -> None:
    found = [c for c in _candidates(requirements) if c.function == "requirement"]
    # 要做到守土有责、守土负责、守土尽责。 names no topic of the vocabulary: not a requirement candidate
    assert [c.text for c in found] == ["要坚持安全发展理念，切实履行监管责任。"]
    assert found[0].tags == ("责任", "安全")


def test_parallel_runs() -> None:
    assert _texts(parallel, "parallel") == ["守土有责、守土负责、守土尽责"]


def test_problems() -> None:
    texts = _texts(problems, "problem")
    assert "有的干部思想麻痹，对隐患视而不见。" in texts
    assert "思想认识不到位" in texts
    assert "不具体、不深入、不扎实" in texts


def test_enumerators() -> None:
    text = "题目\n一是要讲大局。内容。\n二是要谋全局。内容。\n三是要抓重点。内容。\n其一，甲。其二，乙。"
    outline = parse_outline("e.txt", clean_lines(text.splitlines()))
    assert [c.text for c in enumerations.extract(outline)] == ["{n}是要", "其{n}，"]


def test_placeholders_never_become_formulas() -> None:
    text = "题目\n同志们，为建设活力XX作出新的更大贡献！我们要为XX加油！\n谢谢XX！"
    outline = parse_outline("p.txt", clean_lines(text.splitlines()))
    found = [c.text for module in (closings, openings, quotes, requirements) for c in module.extract(outline)]
    assert all("XX" not in text for text in found)
    assert "同志们，为{goal}作出新的更大贡献！" in found


def test_slots() -> None:
    assert slot_count("我强调4点：") == "我强调{count}点："
    assert slot_count("再提三方面要求，第三个月") == "再提{count}方面要求，第三个月"
    assert slot_region("全市上下、全区各级，全市委") == "{region}上下、{region}各级，全市委"
