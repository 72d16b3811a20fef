"""Planning a draft: the writer's text as sentences, slot values, heading sets."""

from __future__ import annotations

import re

import pytest

from drafter.bank.load import Bank, EntryTable
from drafter.bank.model import validate_entry
from drafter.compose.brief_build import parse_brief
from drafter.compose.outline import join_cn
from drafter.compose.plan import (
    bank_heading_set,
    bare,
    build_heading_set,
    earlier_work,
    gathering_of,
    goal_shape,
    plan_draft,
    sentence,
    split_announcement,
)
from drafter.errors import SelectionError


def heading_sets(*sets: dict[str, object]) -> Bank:
    entries = [validate_entry({"function": "heading_set", "sources": ["a.txt:1"], **s}) for s in sets]
    return Bank(EntryTable({e.id: e for e in entries}))


def test_a_writers_text_becomes_one_sentence() -> None:
    assert sentence("讲大局、识大局\n是基本要求") == "讲大局、识大局是基本要求。"
    assert sentence("要讲大局！") == "要讲大局！"
    assert sentence("") == ""
    # a text that leads into what follows already ends: no 。 after its colon
    assert sentence("关于工作规范，我讲三点：") == "关于工作规范，我讲三点："


def test_bare_text_drops_its_final_punctuation() -> None:
    assert bare("推动全区高质量发展。") == "推动全区高质量发展"
    assert bare(" 要讲大局：\n") == "要讲大局"


def test_heading_set_from_skeleton_and_its_evenness() -> None:
    built = build_heading_set("{X}要更{Y}", [{"X": "站位", "Y": "高"}, {"X": "标准", "Y": "严"}])
    assert built.texts == ("站位要更高", "标准要更严") and not built.uneven()
    assert build_heading_set("{X}清楚", [{"X": "政策"}, {"X": "工作情况"}]).uneven()
    with pytest.raises(SelectionError, match=re.escape("heading 2: skeleton {X}要更{Y} needs Y")):
        build_heading_set("{X}要更{Y}", [{"X": "站位", "Y": "高"}, {"X": "标准"}])


def test_heading_set_from_the_bank() -> None:
    members = [{"X": "站位", "Y": "高"}, {"X": "标准", "Y": "严"}, {"X": "能力", "Y": "强"}]
    bank = heading_sets(
        {"id": "heading_set.yaogeng", "text": "{X}要更{Y}", "members": members},
        {"id": "heading_set.old", "text": "{X}不适应", "members": [{"X": "观念"}], "status": "deprecated"},
    )
    got = bank_heading_set(bank, "heading_set.yaogeng", 2)
    assert got.texts == ("站位要更高", "标准要更严") and got.entry is not None
    with pytest.raises(SelectionError, match="has 3 members, the brief needs 4"):
        bank_heading_set(bank, "heading_set.yaogeng", 4)
    with pytest.raises(SelectionError, match="is deprecated, not approved"):
        bank_heading_set(bank, "heading_set.old", 1)
    with pytest.raises(
        SelectionError, match=r"no heading set 'heading_set\.none'.*known sets: heading_set\.yaogeng"
    ):
        bank_heading_set(bank, "heading_set.none", 1)


def test_earlier_work_from_what_the_speaker_did() -> None:
    assert earlier_work("对本月的重点工作进行了安排部署") == "本月的重点工作"
    assert earlier_work("作了很好的讲话") == ""
    # a summary or a report is not a deployment: the bank's `对…进行安排部署` would misreport it
    assert earlier_work("对今年民生实事工作作了全面总结") == ""
    assert earlier_work("对全市项目建设情况作了通报") == ""


def test_a_bad_point_heading_set_names_its_own_field() -> None:
    brief = parse_brief(
        {
            "template": "training",
            "occasion": "会议",
            "speaker": {"post": "区长"},
            "date": "2026-11-30",
            "sections": [{"points": [{"text": ["话。"]}], "point_headings": {"set": "heading_set.none"}}],
        }
    )
    with pytest.raises(SelectionError, match=r"^sections\.0\.point_headings\.set: no heading set"):
        plan_draft(brief, heading_sets())


def test_a_section_of_shortcomings_is_a_diagnosis_unless_the_brief_says_otherwise() -> None:
    from drafter.compose.brief_model import Section
    from drafter.compose.plan import diagnoses

    shortcomings = {
        "heading": "正视差距",
        "points": [{"heading": "开工进度不平衡"}, {"heading": "建后管护跟不上"}],
    }
    assert diagnoses(Section.model_validate(shortcomings))
    tasks = {"heading": "加快建设", "points": [{"heading": "开工进度不平衡"}, {"heading": "严把工程质量关"}]}
    assert not diagnoses(Section.model_validate(tasks))
    brief = parse_brief(
        {
            "template": "work_meeting",
            "occasion": "全县推进会",
            "speaker": {"post": "县长"},
            "date": "2026-03-18",
            "sections": [shortcomings, {**shortcomings, "role": "requirements"}],
        }
    )
    plan = plan_draft(brief, Bank(EntryTable({})))
    assert [s.problems for s in plan.sections] == [True, False]


def test_a_bare_deployment_of_a_field_gets_its_work() -> None:
    from drafter.compose.plan import purpose_phrase

    assert purpose_phrase("部署优化营商环境") == "部署优化营商环境工作"
    assert purpose_phrase("部署乡村振兴") == "部署乡村振兴工作"
    assert purpose_phrase("部署今年防汛工作") == "部署今年防汛工作"
    assert purpose_phrase("部署招商引资业务") == "部署招商引资业务"
    assert purpose_phrase("看望大家、感谢大家") == "看望大家、感谢大家"


def test_a_goal_is_said_by_its_shape() -> None:
    assert goal_shape("确保全面完成全年目标任务") == goal_shape("力争全年税收突破十亿元") == "pledge"
    # one sees to it that things stay as they are: no 为…而奋斗
    assert goal_shape("确保全县安全生产形势持续稳定") == "resolve"
    assert goal_shape("成长为堪当重任的优秀干部") == goal_shape("让群众有更多获得感幸福感") == "aim"
    assert goal_shape("以项目建设的新成效推动高质量发展") == "means"
    assert goal_shape("确保不发生重特大森林火灾") == goal_shape("坚决打赢防汛抗旱这场硬仗") == "resolve"


def test_a_meeting_of_two_is_a_gathering() -> None:
    assert gathering_of("全区2026年工作总结暨表彰大会") == "大会"
    assert gathering_of("全县城乡环境综合整治动员大会") == "动员大会"
    assert gathering_of("青石镇第三届油菜花旅游文化节") == gathering_of("全市网络安全宣传周") == "活动"
    assert gathering_of("年轻干部培训班开班式") == "培训班"
    assert gathering_of("全市政府办公室工作会议") == "会议"
    assert goal_shape("开创新局面") == "plain"


def test_an_occasion_of_a_kind_of_its_own_warns_a_general_template() -> None:
    from drafter.compose.plan import kind_warning

    def warning(template: str, occasion: str) -> str:
        data = {"template": template, "occasion": occasion, "speaker": {"post": "部长"}, "date": "2026-11-30"}
        found = kind_warning(parse_brief({**data, "sections": [{"points": [{"text": ["话。"]}]}]}))
        return str(found) if found else ""

    assert "training_opening" in warning("training", "全市年轻干部培训班开班式")
    assert warning("training_opening", "全市年轻干部培训班开班式") == ""
    assert warning("chair_script", "全市民营企业座谈会") == ""  # a script serves any meeting
    assert warning("work_meeting", "全县安全生产工作会议") == ""


def test_the_opening_lists_the_sections_in_parallel() -> None:
    def topics(*headings: str) -> str:
        brief = parse_brief(
            {
                "template": "work_meeting",
                "occasion": "全县森林防灭火工作会议",
                "speaker": {"post": "县长"},
                "date": "2026-11-30",
                "sections": [{"heading": h, "points": [{"text": ["话。"]}]} for h in headings],
            }
        )
        return plan_draft(brief, heading_sets()).slots["topics"]

    assert topics("严管火源", "提升扑救能力") == "严管火源和提升扑救能力"  # not `严管火源和扑救能力`
    assert topics("提升扑救能力", "加强队伍建设") == "扑救能力和队伍建设"


def test_parts_named_with_and_are_listed_with_commas() -> None:
    assert join_cn(["办好就业和教育实事", "办好医疗和养老实事"]) == "办好就业和教育实事、办好医疗和养老实事"
    assert join_cn(["严管火源", "提升扑救能力"]) == "严管火源和提升扑救能力"


def test_a_purpose_is_said_apart_from_the_announcement_it_ends_on() -> None:
    purpose = "学习《信访工作条例》，就信访工作的规范和方法讲几点意见"
    assert split_announcement(purpose) == ("学习《信访工作条例》", "就信访工作的规范和方法讲几点意见")
    assert split_announcement("就信访工作讲几点意见") == ("就信访工作讲几点意见", "")
    assert split_announcement("部署全县森林防灭火工作") == ("部署全县森林防灭火工作", "")
