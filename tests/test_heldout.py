"""The held-out briefs (issue 8): 57 briefs over many fields (nine given, the rest inferred) and
all three speaker roles, written apart from the five sample speeches. Each drafts without error,
its field is the one the brief is about, and a point the bank knows too little about is marked,
never padded."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from drafter.bank.load import Bank, load_bank
from drafter.compose.brief_load import load_brief
from drafter.compose.outline import strip_marks
from drafter.compose.pipeline import compose
from drafter.compose.suggest import suggest
from drafter.compose.templating import TemplateSet
from drafter.document import Heading

HELDOUT = sorted((Path(__file__).parent / "heldout").glob("*.yaml"))
TEMPLATES = TemplateSet()


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([])


def test_the_set_covers_the_roles() -> None:
    roles = {load_brief(p, TEMPLATES.names()).role for p in HELDOUT}
    assert len(HELDOUT) >= 12 and roles == {"convener", "guest", "closing"}


@pytest.mark.parametrize("path", HELDOUT, ids=[p.stem for p in HELDOUT])
def test_heldout_brief_drafts(path: Path, bank: Bank) -> None:
    brief = load_brief(path, TEMPLATES.names())
    draft = compose(brief, bank, TEMPLATES)
    assert draft.document.blocks
    text = draft.markup
    if brief.role != "guest":
        assert "我来参加这个会" not in text
    if brief.role != "closing":
        assert "我都同意" not in text and "再讲一讲" not in text
    # the length is reached, or the draft says where the writer must add
    assert draft.length.on_target or draft.gaps or draft.warnings


@pytest.mark.parametrize("path", HELDOUT, ids=[p.stem for p in HELDOUT])
def test_heldout_siblings_with_material_are_balanced(path: Path, bank: Bank) -> None:
    """Among the points of a section the bank had enough material for (no gap), the longest is at
    most twice the shortest."""
    draft = compose(load_brief(path, TEMPLATES.names()), bank, TEMPLATES)
    sections: list[list[int]] = [[]]
    for block in draft.document.blocks:
        if isinstance(block, Heading) and block.run_in:
            if any(s.entry_id for s in block.body) and not any(s.gap for s in block.body):
                sections[-1].append(len(block.body_text))
        elif isinstance(block, Heading):
            sections.append([])
    for sizes in sections:
        assert not sizes or max(sizes) <= 2 * min(sizes), sizes


def _draft_of(name: str, bank: Bank) -> str:
    brief = load_brief(Path(__file__).parent / "heldout" / f"{name}.yaml", TEMPLATES.names())
    return compose(brief, bank, TEMPLATES).markup


def test_a_visitor_speaks_to_the_meeting_and_does_not_set_its_task(bank: Bank) -> None:
    """`fangxun_shi`: a bureau head invited to a city meeting whose purpose is 部署."""
    text = _draft_of("fangxun_shi", bank)
    assert "根据会议安排，我就做好防汛抗旱工作讲几点意见。" in text
    assert "主要任务是" not in text and "这里，我" not in text  # the points are announced once


def test_a_visitor_names_no_work_a_purpose_of_two_clauses_does_not_name(bank: Bank) -> None:
    """`shuangjian_jiaoyu_xian`: `总结“双减”工作成效，推动“双减”向纵深发展` is no work to 做好."""
    text = strip_marks(_draft_of("shuangjian_jiaoyu_xian", bank))
    assert "根据会议安排，我讲几点意见。" in text and "做好“双减”" not in text


def test_a_fields_diagnosis_is_not_summed_up_as_the_governments_conduct(bank: Bank) -> None:
    """`qiuliang_shougou_shi`: 仓容、烘干能力 are not `发生在局部和少数人身上…削弱政府执行力`."""
    assert "少数人身上" not in _draft_of("qiuliang_shougou_shi", bank)


def test_a_festivals_opening_welcomes_on_behalf_of_the_host_and_thanks_its_helpers(bank: Bank) -> None:
    """`youcaihua_jie_kaimu_zhen`: no `今天会议` at a flower festival; 我代表 on the welcome."""
    text = strip_marks(_draft_of("youcaihua_jie_kaimu_zhen", bank))
    assert "会议" not in text and "首先，我代表镇党委、镇政府，向各位来宾和游客朋友表示热烈欢迎！" in text
    assert "向县文旅局和前来参加花节的各界朋友，致以衷心的感谢！" in text


def test_earlier_speakers_are_recalled_with_one_gangcai(bank: Bank) -> None:
    """`chengshi_gengxin_qu`: `刚才，刘区长…我都同意。东关街道…作了交流发言。`"""
    text = strip_marks(_draft_of("chengshi_gengxin_qu", bank))
    assert text.count("刚才，") == 1 and "东关街道、住建局的负责同志作了交流发言。" in text


def test_a_symposium_sums_up_views_only_where_views_were_given(bank: Bank) -> None:
    """`xiangyi_zuotan`: the village doctors told their stories and problems, not suggestions."""
    assert "各方面提出了许多好的意见和建议" not in _draft_of("xiangyi_zuotan", bank)


def test_a_commendations_lead_in_names_the_many_before_their_best(bank: Bank) -> None:
    """`guanxin_xiayidai_biaozhang_shi`: `其中的杰出代表` points at nothing after a count of the honoured."""
    assert "其中的杰出代表" not in _draft_of("guanxin_xiayidai_biaozhang_shi", bank)


def test_a_closing_ceremony_wishes_before_it_declares_the_close(bank: Bank) -> None:
    text = strip_marks(_draft_of("wangluo_anquan_zhou_bimu_shi", bank))
    declared = text.find("现在，我宣布")
    assert declared > 0 and "祝" not in text[declared:]


def test_a_years_review_is_announced_without_qiangdiao(bank: Bank) -> None:
    """`gengdi_baohu_nianzhong_xian`: a year's work is reviewed, not 强调ed, and its goal's 为 said once."""
    text = strip_marks(_draft_of("gengdi_baohu_nianzhong_xian", bank))
    assert "强调几点" not in text and "为为" not in text


def test_material_below_the_bar_is_suggested_for_the_writer_to_pin_not_drafted(bank: Bank) -> None:
    """`fangxun_shi`: `健全多元化应急物资储备体系，构建协同高效的应急指挥体系…` under `要备足防汛物资`
    is on the field's emergency command, not on the point's supplies."""
    brief = load_brief(Path(__file__).parent / "heldout" / "fangxun_shi.yaml", TEMPLATES.names())
    _, points = suggest(brief, bank)
    offered = {item.text[:12]: item.drafted for point in points for item in point.material}
    assert offered.get("健全多元化应急物资储备体") is False
    assert "应急指挥体系" not in _draft_of("fangxun_shi", bank)


def test_a_visitor_speaks_after_the_review_a_meeting_is_convened_and_a_chair_closes_on_the_goal(
    bank: Bank,
) -> None:
    text = strip_marks(_draft_of("shuangjian_jiaoyu_xian", bank))
    assert text.find("学生参与率达到96%") < text.find("根据会议安排，我讲几点意见。")
    assert "今天，我们召开全市秋粮收购工作会议" in strip_marks(_draft_of("qiuliang_shougou_shi", bank))
    chair = strip_marks(_draft_of("zhengbing_huiyi_zhuchici_xian", bank))
    assert "高质量完成全县征兵任务" in chair.split("会议到此结束")[0][-200:]
    # after the county head's summary, his deputy follows it through
    assert "全县各级各部门要认真抓好落实，让群众有更多获得感幸福感！" in strip_marks(
        _draft_of("minsheng_xian", bank)
    )


def test_a_meeting_is_named_once_when_its_purpose_names_it(bank: Bank) -> None:
    """`lianzheng_ju`: no `召开市交通运输局党风廉政建设工作会议。…部署市交通运输局党风廉政建设工作`."""
    text = strip_marks(_draft_of("lianzheng_ju", bank))
    assert text.count("市交通运输局党风廉政建设工作") == 2  # the title, and the meeting's task
    guest = strip_marks(_draft_of("shuangjian_jiaoyu_xian", bank))
    assert "今天，很高兴参加全县教育系统“双减”工作推进会。" in guest and "忠于职守、甘于奉献" not in guest


def test_points_one_of_which_has_a_subject_are_all_counted_yishi(bank: Bank) -> None:
    """`guanxin_xiayidai_biaozhang_shi`: `一是各级党委要重视支持` beside `二是关心爱护“五老”同志`."""
    text = strip_marks(_draft_of("guanxin_xiayidai_biaozhang_shi", bank))
    assert "一是各级党委要重视支持。" in text and "二是关心爱护“五老”同志。" in text


def test_a_fields_situation_is_not_the_regions_whole(bank: Bank) -> None:
    """`nongtian_tuijin`, `dongchun_huozai_fangkong_xian`: no `困难挑战依然严峻复杂` for a field's
    progress or after the writer's good figures; a heading that argues is not argued again."""
    for name in ("nongtian_tuijin", "dongchun_huozai_fangkong_xian"):
        assert "依然严峻复杂" not in _draft_of(name, bank)


def test_who_speaks_after_a_superior_agrees_and_does_not_override_him(bank: Bank) -> None:
    """`minsheng_xian`: a 副县长 after the 县长's summary hears it (a summary is not carried out),
    does not add to it (`再讲一讲`) nor override it (`强调`, `要求`)."""
    text = _draft_of("minsheng_xian", bank)
    assert "刚才，张县长对今年民生实事工作作了全面总结。" in text
    opening = text.split("##")[0]
    assert "强调" not in opening and "要求" not in opening and "再讲" not in opening
    assert "下面，我就做好民生实事工作讲几点具体意见。" in text  # the details of the work, not 两个问题


def test_a_resolve_is_said_as_it_stands(bank: Bank) -> None:
    """One does not 奋斗 for what must not happen (`senlin_fanghuo`: 确保不发生重特大森林火灾)."""
    text = _draft_of("senlin_fanghuo", bank)
    assert "全力以赴，确保不发生重特大森林火灾！" in text and "为确保不发生" not in text


def test_the_closing_fits_the_shape_of_the_goal(bank: Bank) -> None:
    """A person's aim is hoped of the audience; a means is not said after 为 (`为以…`)."""
    assert "为成长为" not in _draft_of("ganbu_peixun", bank)
    assert "为以" not in _draft_of("xiangmu_shi", bank)


def test_the_salutation_addresses_the_audience_the_occasion_names(bank: Bank) -> None:
    assert "老师们，同志们：" in _draft_of("biaozhang_jiaoshi", bank)
    assert "各位企业家朋友，同志们：" in _draft_of("zhuchi_qiye", bank)
    assert "各位乡村医生，同志们：" in _draft_of("xiangyi_zuotan", bank)  # the brief's own is kept


def test_the_task_does_not_say_the_gatherings_verb_twice(bank: Bank) -> None:
    """`wenming_dongyuan`: a 动员大会 whose purpose is 动员…: `这次大会的主要任务是动员…`."""
    text = _draft_of("wenming_dongyuan", bank)
    assert "这次大会的主要任务是动员" in text and "动员大会的主要任务是动员" not in text


@pytest.mark.parametrize("path", HELDOUT, ids=[p.stem for p in HELDOUT])
def test_a_rally_is_not_followed_by_a_chats_close(path: Path, bank: Bank) -> None:
    """`…而努力奋斗！` then `我今天就讲这么多，谢谢！` drops the register at once."""
    blocks = [b.text for b in compose(load_brief(path, TEMPLATES.names()), bank, TEMPLATES).document.blocks]
    for before, after in itertools.pairwise(blocks):
        assert not (before.endswith("！") and after.startswith("我今天就讲这么多")), before


def test_a_sentence_naming_another_points_subject_is_said_at_neither(bank: Bank) -> None:
    """`anquan_xian`: `加强矿山、危化、消防、建筑施工等领域安全监管` names the sibling 危化品 under
    `抓好建筑施工安全`; `小型房屋建筑工程` is no 部门监管责任."""
    text = _draft_of("anquan_xian", bank)
    assert "建筑施工等领域安全监管" not in text and "小型房屋建筑工程" not in text
    assert "在建工地要落实安全防护措施" in text  # the writer's own sentence stays


def test_a_task_is_not_closed_on_a_run_about_conduct(bank: Bank) -> None:
    """The genre's runs (`畅通急事、疏通难事、融通特事`) close points asking for conduct, not the
    tasks of a commendation (`要加大教育投入`)."""
    text = _draft_of("biaozhang_jiaoshi", bank)
    assert "畅通急事" not in text


def test_a_sentence_restating_its_heading_is_not_said(bank: Bank) -> None:
    """`jiceng_zhili`: `坚持和发展新时代“枫桥经验”，…` under `要坚持和发展新时代枫桥经验`."""
    assert "坚持和发展新时代“枫桥经验”，" not in _draft_of("jiceng_zhili", bank)


def test_a_commendation_and_a_review_ask_for_their_facts(bank: Bank) -> None:
    """The models are named and the achievements counted by the writer: a gap asks for them."""
    text = _draft_of("biaozhang_jiaoshi", bank)
    assert "一两位先进典型的姓名和事迹，体现他们甘守三尺讲台的敬业精神" in text
    text = _draft_of("shengtai_zongjie", bank)
    assert "空气质量持续改善的具体数据" in text


def test_a_mobilization_closes_on_one_peroration(bank: Bank) -> None:
    """`wenming_dongyuan`: the call says the goal, with no hope before it (`希望…共同书写…新篇章。` then
    `让我们…而奋斗！` stacks two) and no motto (`时代赋予使命，…`)."""
    text = _draft_of("wenming_dongyuan", bank)
    closing = text[text.rindex("¶", 0, text.rindex("夺取创建全国文明城区的全面胜利")) :]
    assert "希望" not in closing and "时代赋予使命" not in closing and "新的征程" not in closing


def test_a_symposium_answers_and_directs_no_one(bank: Bank) -> None:
    """`xiangyi_zuotan`: the 县长 answers the village doctors he heard (`县里要为大家解决实际困难`):
    no `重点把握好两点`, no `再提…要求`."""
    text = _draft_of("xiangyi_zuotan", bank)
    assert "把握好" not in text and "提两方面要求" not in text


def test_a_part_is_led_in_on_its_own_subject(bank: Bank) -> None:
    """`lianzheng_ju`: a lead-in on 作风 (`…作风好坏，影响…政府形象`) or on 纪律 (`…更高的自律要求`)
    leads no part on 管党治党责任 or 纠治四风; a meeting on one field does not open its part on the
    region's whole economy (`综合判断，…发展面临的战略机遇和风险挑战并存`)."""
    text = _draft_of("lianzheng_ju", bank)
    assert "作风好坏" not in text and "自律要求" not in text
    for name in ("anquan_xian", "fangxun_shi"):
        assert "综合判断" not in _draft_of(name, bank)


def test_a_bank_sentence_saying_the_writers_again_is_not_said(bank: Bank) -> None:
    """`minsheng_xian`: `稳定和扩大高校毕业生、农民工、退役军人等重点群体就业` after the writer's
    `重点帮扶高校毕业生和农民工就业` says it again in other order."""
    assert "稳定和扩大高校毕业生" not in _draft_of("minsheng_xian", bank)


def test_a_bank_sentence_opening_on_a_writers_clause_is_not_said(bank: Bank) -> None:
    """`shengtai_qu`: `抓实河湖长制，…` right after the writer's `落实河湖长制，抓好黑臭水体整治。`."""
    assert "抓实河湖长制" not in _draft_of("shengtai_qu", bank)
