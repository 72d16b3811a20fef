"""The occasion templates say what their occasion asks for, on the examples and the held-out briefs:
a meeting the speaker called is named in the opening (今天，我们召开……), a situation part weighs
achievements against difficulties, a year's review is the writer's own account followed by the
thanks, a diagnosis ends with the undertaking to solve it, a symposium says back and answers what
its speakers said and ends with a hope for the audience, a mobilization gives a hope before its call."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from drafter.bank.load import Bank, load_bank
from drafter.compose.brief_load import load_brief
from drafter.compose.pipeline import Draft, compose, gave_views
from drafter.compose.plan import SectionView
from drafter.compose.roles import leads_region
from drafter.compose.templating import TemplateSet, chinese_number
from drafter.document import Heading, Paragraph

ROOT = Path(__file__).parent.parent
TEMPLATES = TemplateSet()
OCCASIONS = ("deployment", "mobilization", "annual_review", "symposium")
BRIEFS = sorted(
    path
    for path in [*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "heldout").glob("*.yaml")]
    if load_brief(path, TEMPLATES.names()).template in OCCASIONS
)
SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def opening_ids(draft: Draft) -> list[str]:
    return [row.entry_id for row in draft.trace if not row.where]


def ids_under(draft: Draft, heading_start: str) -> list[str]:
    return [row.entry_id for row in draft.trace if row.where.startswith(heading_start)]


def test_every_occasion_has_an_example_and_a_held_out_brief() -> None:
    kinds = [load_brief(p, TEMPLATES.names()).template for p in BRIEFS]
    assert sorted(set(kinds)) == sorted(OCCASIONS) and len(kinds) >= 2 * len(OCCASIONS)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("path", BRIEFS, ids=[p.stem for p in BRIEFS])
def test_an_occasion_speech_says_what_its_occasion_asks_for(path: Path, seed: int, bank: Bank) -> None:
    brief = load_brief(path, TEMPLATES.names())
    draft = compose(brief, bank, TEMPLATES, seed=seed)
    opening = opening_ids(draft)
    assert opening[0] == "opening.purpose.jintian-zhaokai"  # 今天，我们召开{occasion}。
    text = "".join(getattr(b, "text", "") + getattr(b, "body_text", "") for b in draft.document.blocks)
    assert "我来参加这个会" not in text
    parts = [b for b in draft.document.blocks if isinstance(b, Heading) and b.level == 1]
    # each part's heading stands alone (a lead-in never runs into it)
    assert [p.text for p in parts] == [
        f"{chinese_number(i)}、{s.heading}" for i, s in enumerate(brief.sections, 1)
    ]
    kind = brief.template
    problems = [i for i, s in enumerate(brief.sections) if s.role == "problems"]
    if kind == "deployment":  # the first part weighs achievements against difficulties
        first = ids_under(draft, parts[0].text)
        led = bool(first) and first[0].startswith("section.lead_in.")
        assert not led or first[0] in SITUATION, first
        # ... always after achievements; a field's speech without them is not told its situation is
        # 严峻复杂 (the region's whole) and may open on the writer's points
        assert led or not brief.achievements, first
    if kind == "annual_review":
        review = ids_under(draft, parts[0].text)
        assert review[0] in REVIEW  # 一年来，主要做了以下工作。
        # the review is the writer's account: no bank requirement under it, then the thanks
        assert not any(i.startswith(("requirement.", "parallel.")) for i in review), review
        assert review[-1].startswith("opening.review.")
    for index in problems:  # a diagnosis ends with the speaker's undertaking
        assert ids_under(draft, parts[index].text)[-1] in CLOSES
    last = [b for b in draft.document.blocks if isinstance(b, Paragraph)][-2]
    ends = [span.entry_id or "" for span in last.spans]
    if kind == "symposium":
        # 各方面提出了许多好的意见和建议。 sums up views, not suggestions said already nor stories
        views = gave_views([a.did for a in brief.acknowledge])
        assert ("opening.acknowledge.haode-yijian" in opening) == views, opening
        # a hope: the bank's, or, when none says the goal, the template's (希望大家为…而共同努力！)
        assert any(i in HOPES for i in ends) or (last.text.startswith("希望") and not any(ends)), last.text
    if kind == "mobilization":  # one peroration: the call (or hope) that says the goal, else hope and call
        calls = [i for i in ends if i.startswith("closing.call.")]
        if not leads_region(brief.speaker.post):  # a department's head: a hope, or the template's call
            assert len(calls) <= 1 and (calls or last.text.startswith(("希望", "同志们，让我们"))), last.text
            return
        assert ends[-1].startswith("closing.call."), last.text
        assert len(calls) == 1 if brief.closing.goal else calls[0] in HOPES, last.text


SITUATION = {
    "section.lead_in.qingxing-kandao",
    "section.lead_in.laowenti-xintiaozhan",
    "section.lead_in.laowenti-reng-bushao",
    "section.lead_in.zonghe-panduan",
    "section.lead_in.youmu-gongdu",
    "section.lead_in.wenti-buzu",
    "section.lead_in.yanjun-fuza",
    "section.lead_in.maodun-wenti",
    "section.lead_in.xin-tiaozhan",
}
REVIEW = {
    "section.lead_in.yinian-lai",
    "section.lead_in.zhongdian-zuole",
    "section.lead_in.bi-yuqi-hao",
    "section.lead_in.chenzhuo-yingbian",
    "section.lead_in.dingya-qianxing",
    "section.lead_in.xin-jinzhan",
}
CLOSES = {
    "problem.qieshi-jiejue",
    "problem.gaodu-zhongshi",
    "problem.renzhen-jiejue",
    "problem.zhengshi-wenti",
    "problem.jinhou-jiejue",
    "problem.yike-bu-fangsong",
}
HOPES = {
    "closing.call.danshang-shiming",
    "closing.call.zhuiqiu-zhuoyue",
    "closing.call.pinbo-fengxian",
    "closing.call.yongtiao-zhongdan",
}


def test_an_annual_review_without_a_review_part_reviews_in_its_opening(tmp_path: Path, bank: Bank) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(
        "template: annual_review\noccasion: 全县统计工作年度总结会\nspeaker: {post: 县统计局局长}\n"
        "date: 2026-12-20\nachievements: [全年统计数据质量评估全部达标]\n"
        "sections:\n  - heading: 明年的重点工作\n    points:\n      - heading: 做好经济普查\n",
        encoding="utf-8",
    )
    draft = compose(load_brief(path, TEMPLATES.names()), bank, TEMPLATES)
    first = next(b for b in draft.document.blocks if isinstance(b, Heading) and b.level == 1)
    before = draft.document.blocks[: draft.document.blocks.index(first)]
    assert any("全年统计数据质量评估全部达标" in getattr(b, "text", "") for b in before)
    assert any(row.entry_id.startswith("opening.review.") and not row.where for row in draft.trace)


def _drafted(tmp_path: Path, bank: Bank, text: str, seeds: Sequence[int] = SEEDS) -> list[Draft]:
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    brief = load_brief(path, TEMPLATES.names())
    return [compose(brief, bank, TEMPLATES, seed=seed) for seed in seeds]


def _ids(drafts: Sequence[Draft]) -> set[str]:
    return {row.entry_id for draft in drafts for row in draft.trace}


def test_a_commendation_meeting_is_no_ceremony(tmp_path: Path, bank: Bank) -> None:
    brief = (
        "template: commendation\noccasion: {occasion}\nspeaker: {{post: 市委书记}}\ndate: 2026-06-30\n"
        "purpose: 表彰一批先进集体和先进个人\nsections:\n  - heading: 学习先进\n    points:\n"
        "      - heading: 学习他们的担当\n"
    )
    meeting = _drafted(tmp_path, bank, brief.format(occasion="全市禁毒工作表彰大会"), range(8))
    assert "opening.purpose.longzhong-juxing" not in _ids(meeting)  # 我们在这里隆重举行仪式
    ceremony = _drafted(tmp_path, bank, brief.format(occasion="全市禁毒工作颁奖仪式"), range(8))
    assert "opening.purpose.longzhong-juxing" in _ids(ceremony)


def test_a_situation_led_by_good_figures_turns_before_new_demands(tmp_path: Path, bank: Bank) -> None:
    brief = (
        "template: deployment\noccasion: 全县冬春火灾防控工作会议\nspeaker: {{post: 县长}}\n"
        "date: 2026-11-20\nsections:\n  - heading: 认清形势\n    lead_in: {lead_in}\n"
        "    points:\n      - heading: 要看到火灾风险\n  - heading: 抓好防控\n    points:\n"
        "      - heading: 要排查隐患\n      - heading: 要加强宣传\n"
    )
    good = "今年1至10月全县火灾起数下降9%。"
    assert "section.lead_in.xin-tiaozhan" not in _ids(_drafted(tmp_path, bank, brief.format(lead_in=good)))
    assert SectionView(
        index=1,
        heading="",
        heading_plain="",
        topic="",
        lead_in=good + "但基础还不牢固。",
        tags=[],
        problems=False,
    ).turns


def test_a_fields_problems_are_not_the_regions_development(tmp_path: Path, bank: Bank) -> None:
    brief = (
        "template: annual_review\noccasion: 全县民政工作年度总结会\nspeaker: {post: 县民政局局长}\n"
        "date: 2026-12-20\ndomain: 民生与社会事业\nsections:\n  - heading: 一年来的工作\n    points:\n"
        "      - heading: 兜底保障更加有力\n  - heading: 存在的问题\n    role: problems\n    points:\n"
        "      - heading: 基层力量薄弱\n  - heading: 明年的重点工作\n    points:\n"
        "      - heading: 要提升养老服务\n      - heading: 要做好社会救助\n"
    )
    assert "section.lead_in.qingxing-kandao" not in _ids(_drafted(tmp_path, bank, brief, range(6)))


def test_a_class_opening_closes_on_the_writers_hopes_alone(tmp_path: Path, bank: Bank) -> None:
    brief = (
        "template: training_opening\noccasion: 全县新任科级干部培训班开班式\n"
        "speaker: {post: 县委组织部部长}\ndate: 2026-03-02\n"
        "sections:\n  - heading: 提高认识\n    points:\n      - heading: 这是履职的需要\n"
    )
    plain = _drafted(tmp_path, bank, brief)
    assert "requirement.xueyuan-jiaoliu" in _ids(plain)  # 学员之间要充分交流工作经验…
    hoped = _drafted(tmp_path, bank, brief + "closing:\n  text: [希望大家学有所成。]\n")
    assert "requirement.xueyuan-jiaoliu" not in _ids(hoped)


def test_the_honoured_are_named_in_full_once(bank: Bank) -> None:
    path = ROOT / "tests" / "heldout" / "jindu_biaozhang.yaml"
    text = "".join(
        getattr(b, "text", "")
        for b in compose(load_brief(path, TEMPLATES.names()), bank, TEMPLATES).document.blocks
    )
    assert text.count("受到表彰的禁毒工作先进集体和先进个人") == 1
    assert text.count("受到表彰的先进集体和先进个人") >= 1


def _text(drafts: Sequence[Draft]) -> str:
    return "\n".join(getattr(b, "text", "") for b in drafts[0].document.blocks)


def test_a_symposiums_speaker_answers_those_he_heard(tmp_path: Path, bank: Bank) -> None:
    text = _text(_drafted(tmp_path, bank, (ROOT / "tests/heldout/xiangyi_zuotan.yaml").read_text("utf-8")))
    assert "大家讲得都很好" in text and "反映的问题和提出的建议，我们都认真记下了" in text
    assert "下面，我讲几点意见。" in text and "这里，我讲两个问题" not in text


def test_a_visitor_attends_congratulates_and_hopes(tmp_path: Path, bank: Bank) -> None:
    text = _text(
        _drafted(tmp_path, bank, (ROOT / "tests/heldout/wenwu_anquan_peixunban.yaml").read_text("utf-8"))
    )
    assert "今天，很高兴参加全市文物安全与保护管理培训班开班式。" in text
    assert "首先，我代表省文物局，对培训班的开班表示热烈祝贺！" in text and "热烈欢迎" not in text
    assert "让我们" not in text and "下面，我讲几点意见。" in text
    text = _text(
        _drafted(
            tmp_path, bank, (ROOT / "tests/heldout/guanxin_xiayidai_biaozhang_shi.yaml").read_text("utf-8")
        )
    )
    assert "今天，很高兴参加" in text and "隆重集会" not in text


def test_a_fields_year_is_told_plainly_and_its_helpers_thanked_once(tmp_path: Path, bank: Bank) -> None:
    drafts = _drafted(
        tmp_path, bank, (ROOT / "tests/heldout/nongcun_gongshui_nianzhong.yaml").read_text("utf-8")
    )
    ids = _ids(drafts)
    assert not ids & {
        "section.lead_in.bi-yuqi-hao",
        "section.lead_in.xin-jinzhan",
        "section.lead_in.youmu-gongdu",
    }
    assert "opening.review.mibukefen" not in ids  # 通力协作…密不可分，倾注着…心血 before the thanks
    assert _text(drafts).count("各乡镇水管站的同志们") == 1


def test_a_class_opening_held_as_a_training_wishes_it_success(tmp_path: Path, bank: Bank) -> None:
    text = _text(_drafted(tmp_path, bank, (ROOT / "tests/heldout/ganbu_peixun.yaml").read_text("utf-8")))
    assert "最后，预祝全市年轻干部培训班圆满成功！" in text
    assert "根据培训班安排，我同大家交流几点意见。" in text  # not `我就年轻干部工作同大家交流…`
    text = _text(_drafted(tmp_path, bank, (ROOT / "tests/heldout/zhaoshang_qu.yaml").read_text("utf-8")))
    assert "一是要精准招商" in text and "（一）" not in text  # one part: its points numbered in the text


def test_a_visitor_is_asked_for_what_he_asks_not_for_units_and_dates(tmp_path: Path, bank: Bank) -> None:
    drafts = _drafted(tmp_path, bank, (ROOT / "tests/heldout/rencai_gongzuo_huiyi.yaml").read_text("utf-8"))
    wanted = [note.wanted for note in drafts[0].gaps]
    assert wanted and not any("责任单位" in w or "时间节点" in w for w in wanted), wanted
    assert "希望大家共同努力，为全县高质量发展提供坚强人才支撑！" in _text(drafts)  # its own 为


def test_a_part_on_the_problems_has_them_in_the_occasions_work(tmp_path: Path, bank: Bank) -> None:
    drafts = _drafted(
        tmp_path, bank, (ROOT / "tests/heldout/gengdi_baohu_nianzhong_xian.yaml").read_text("utf-8")
    )
    assert "自然资源工作中的老问题和新挑战仍然不少" in _text(drafts) or "自然资源工作中老问题" in _text(
        drafts
    )


def test_old_comrades_are_wished_good_health(tmp_path: Path, bank: Bank) -> None:
    text = _text(
        _drafted(
            tmp_path, bank, (ROOT / "tests/heldout/guanxin_xiayidai_biaozhang_shi.yaml").read_text("utf-8")
        )
    )
    assert "最后，祝各位老同志身体健康、生活愉快！" in text
    text = _text(_drafted(tmp_path, bank, (ROOT / "tests/heldout/jindu_biaozhang.yaml").read_text("utf-8")))
    assert "老同志" not in text


def test_lead_ins_fit_what_follows_them(tmp_path: Path, bank: Bank) -> None:
    # 这也是召开这次座谈会的原因 after the speaker's thinking, not after a figure
    assert "这也是召开这次座谈会的原因" not in _text(
        _drafted(tmp_path, bank, (ROOT / "tests/heldout/getihu_fazhan_zuotan.yaml").read_text("utf-8"))
    )
    assert "这也是召开这次座谈会的原因" in _text(
        _drafted(tmp_path, bank, (ROOT / "examples/symposium.yaml").read_text("utf-8"))
    )
    # tasks are not 把握 nor 意思; a lead-in does not say its heading's words again (问题和不足)
    text = _text(
        _drafted(tmp_path, bank, (ROOT / "tests/heldout/dangan_gongzuo_nianzhong.yaml").read_text("utf-8"))
    )
    assert "把握好" not in text and "还存在不少问题和不足" not in text
    assert "档案工作中老问题、新挑战仍然不少" in text
    text = _text(
        _drafted(tmp_path, bank, (ROOT / "tests/heldout/yifeng_yisu_peixun.yaml").read_text("utf-8"))
    )
    assert "这里面主要包含" not in text  # before 修订好村规民约, 建好红白理事会…


def test_a_visitor_deploys_nothing_and_greets_the_class_he_opens(tmp_path: Path, bank: Bank) -> None:
    text = _text(
        _drafted(tmp_path, bank, (ROOT / "tests/heldout/qixiang_fangzai_gongzuo.yaml").read_text("utf-8"))
    )
    assert "我来参加这个会，主要是" not in text  # …，部署今年汛期气象服务保障: the host's act
    assert "这次会议的主要任务是" not in text and "今天，很高兴参加全市气象防灾减灾工作会议。" in text
    text = _text(_drafted(tmp_path, bank, (ROOT / "tests/heldout/ganbu_peixun.yaml").read_text("utf-8")))
    assert text.count("今天，很高兴参加全市年轻干部培训班开班式。") == 1
    text = _text(
        _drafted(tmp_path, bank, (ROOT / "tests/heldout/yuzhicai_bolanhui_kaimu.yaml").read_text("utf-8"))
    )
    assert "对博览会的开幕表示热烈祝贺！" in text


def test_a_part_of_tasks_is_led_in_on_its_work(tmp_path: Path, bank: Bank) -> None:
    text = _text(_drafted(tmp_path, bank, (ROOT / "examples/deployment.yaml").read_text("utf-8")))
    assert "重点强调" not in text and ("以下工作" in text or "方面工作" in text)
    text = _text(
        _drafted(tmp_path, bank, (ROOT / "tests/heldout/xinfang_ganbu_peixun_xian.yaml").read_text("utf-8"))
    )
    assert "以下工作" not in text  # a training's requirements are not 工作 to 抓好
