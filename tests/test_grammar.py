"""Grammar of filled formulas (issue 8 §6): 即 lists, run-in headings ending in a quote, the closing
frame and the shape of `goal`, the default `topic`; and slot roles a brief cannot fill."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_relevance import SCAFFOLD, entry, write_bank

from drafter.bank.load import load_bank
from drafter.compose.brief import Brief
from drafter.compose.brief_build import parse_brief
from drafter.compose.pipeline import Enumerator, compose, says_is, states
from drafter.compose.plan import goal_phrase, plan_draft, subject
from drafter.compose.templating import TemplateSet

TEMPLATES = TemplateSet()


def _brief(**changes: Any) -> Brief:
    return parse_brief(_data(**changes))


def _data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "template": "work_meeting",
        "occasion": "全县安全生产工作会议",
        "speaker": {"post": "县长"},
        "date": "2026-01-10",
        "purpose": "部署安全生产工作",
        "sections": [
            {
                "heading": "压实安全生产责任",
                "points": [
                    {"heading": "要压实企业主体责任", "text": ["企业是安全生产的责任主体。"]},
                    {"heading": "要抓好道路交通安全", "text": ["重点盯住客运车辆。"]},
                ],
            }
        ],
        "closing": {"goal": "确保全面完成全年安全生产目标任务"},
        "length": {"chars": 800},
    }
    data.update(changes)
    return data


def test_no_repeated_verb_after_ji() -> None:
    """A counted heading is not spelled out after 即 (`即提高学习理解能力、提高转化落实能力`): its points'
    headings say the members right after it."""
    members = ["提高学习理解能力", "提高转化落实能力", "提高统筹整合能力"]
    brief = parse_brief(
        {
            **_data(),
            "template": "summary",
            "sections": [
                {
                    "heading": "提高“两种能力”",
                    "points": [{"heading": m, "text": ["要学。"]} for m in members[:2]],
                }
            ],
        }
    )
    markup = compose(brief, load_bank(), TEMPLATES).markup
    heading = next(line for line in markup.splitlines() if line.startswith("@h1"))
    assert heading.endswith("提高“两种能力”") and "即" not in heading, heading


def test_a_run_in_heading_ending_in_a_closing_quote_gets_its_full_stop() -> None:
    ordinal = Enumerator("{n}是")
    assert ordinal.label(1, "要推行“一网通办”") == "一是要推行“一网通办”。"
    assert ordinal.label(2, "牢记“没有调查就没有发言权。”") == "二是牢记“没有调查就没有发言权。”"
    brief = _brief(
        sections=[
            {"heading": "优化服务", "points": [{"heading": "要推行“一网通办”", "text": ["今年底前全覆盖。"]}]}
        ]
    )
    assert "“一网通办”。" in strip_markup(compose(brief, load_bank(), TEMPLATES).markup)


def test_the_closing_frame_fits_the_shape_of_the_goal(tmp_path: Path) -> None:
    calls = [
        entry("closing.call.gongxian", "同志们，让我们为{goal}作出新的更大贡献！"),
        entry("closing.call.fendou", "同志们，让我们为{goal}而努力奋斗！"),
    ]
    bank = load_bank([write_bank(tmp_path, {**SCAFFOLD, "closing.call": calls})], builtin=False)
    for seed in range(6):  # a pledge (确保…) is never said as 为确保…作出贡献
        markup = compose(_brief(), bank, TEMPLATES, seed=seed).markup
        assert "为确保全面完成全年安全生产目标任务而努力奋斗" in strip_markup(markup)
    assert goal_phrase("全力推进“四个区”建设") == "推进“四个区”建设"
    assert goal_phrase("为建设平安县城") == "建设平安县城"
    assert goal_phrase("为全县高质量发展提供坚实的资源要素保障") == "全县高质量发展提供坚实的资源要素保障"
    assert goal_phrase("为民办实事") == "为民办实事"
    # 加快 and 全面 say what the goal is (`加快实现现代化`): kept
    assert goal_phrase("加快实现现代化") == "加快实现现代化"
    assert goal_phrase("全面建设社会主义现代化强县") == "全面建设社会主义现代化强县"


def strip_markup(markup: str) -> str:
    from drafter.compose.outline import strip_marks as strip

    return strip(markup)


def test_a_default_topic_is_the_headings_subject_not_its_skeleton() -> None:
    assert subject("要抓好道路交通安全") == "道路交通安全"
    assert subject("压实安全生产责任") == "安全生产责任"
    assert subject("一是要推行“一网通办”") == "“一网通办”"
    assert subject("要坚持学习") == "坚持学习"
    assert subject("要坚持和发展新时代枫桥经验") == "坚持和发展新时代枫桥经验"
    assert subject("要素保障更加有力") == "要素保障更加有力"  # 要 of 要素 is the word's own
    assert subject("一要要素保障到位") == "要素保障到位"
    assert subject("要培育新兴产业") == "新兴产业"
    plan = plan_draft(_brief(), load_bank())
    assert plan.sections[0].topic == "安全生产责任"
    assert [p.topic for p in plan.points] == ["企业主体责任", "道路交通安全"]


def test_an_entry_whose_role_the_brief_cannot_fill_is_never_drafted(tmp_path: Path) -> None:
    requirement = [
        entry("requirement.weihu", "督促企业主体落实全员责任制，自觉维护{superior}的权威。"),
        entry("requirement.xitong", "{audience_org}要督促企业主体落实责任，层层压实。"),
        entry("requirement.qiye", "督促企业主体把责任落实到岗位，层层压实。"),
        *(entry(f"requirement.qita{i}", f"第{i}处堤防要有人巡查，汛期物资要备齐。") for i in range(8)),
    ]
    bank = load_bank([write_bank(tmp_path, {**SCAFFOLD, "requirement": requirement})], builtin=False)
    # a post the roles cannot be told from, and no region: neither role can be filled
    unknown = _brief(speaker={"post": "主任"}, region=None)
    for seed in range(4):
        used = {r.entry_id for r in compose(unknown, bank, TEMPLATES, seed=seed).trace}
        assert not used & {"requirement.weihu", "requirement.xitong"}
    known = _brief(superior="县委、县政府", audience_org="全县安委会成员单位")
    draft = compose(known, bank, TEMPLATES)
    used = {r.entry_id for r in draft.trace}
    assert used & {"requirement.weihu", "requirement.xitong"}
    text = strip_markup(draft.markup)
    assert "维护县委、县政府的权威" in text or "全县安委会成员单位要" in text


def test_a_finding_is_numbered_as_one_not_asked_for() -> None:
    assert states("火险等级持续偏高") and states("野外用火管控难度大") and states("餐饮场所用气不够规范")
    assert not states("要严管野外火源") and not states("做好扑火准备") and not states("要把短板补足")


def test_a_sentence_saying_what_its_subject_is_is_counted_first_second() -> None:
    assert says_is("文物是不可再生的珍贵资源") and says_is("这是新任干部转变角色的需要")
    assert not says_is("文物安全形势依然严峻") and not says_is("要坚持实事求是")
    assert Enumerator("{n}是").label(1, "文物是不可再生的珍贵资源") == "第一，文物是不可再生的珍贵资源。"
