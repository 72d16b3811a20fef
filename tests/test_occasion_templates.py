"""The occasion templates of issue 9 (h9t2): 表彰大会, 培训班开班式, 开幕式/闭幕式致辞, 会议主持词.

What a writer checks first in a draft of each: a commendation congratulates the honoured and holds
them up as an example (no requirement sentences in that part); a training class's opening wishes
the class success; a chair's script runs the meeting (下面，请… for every agenda item, 会议到此结束),
it is not a speech. The briefs are the held-out ones (tests/heldout/), not the examples.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from drafter.bank.load import Bank, load_bank
from drafter.compose.brief import AgendaAct, Brief
from drafter.compose.brief_load import load_brief
from drafter.compose.pipeline import Draft, compose
from drafter.compose.templating import TemplateSet
from drafter.document import Heading, Paragraph
from drafter.errors import BriefError
from drafter.vocabulary import AGENDA_ACTS, AGENDA_NEEDS_WHAT, KIND_ROLES, KINDS, SPEAKER_ROLES

HELDOUT = Path(__file__).parent / "heldout"
TEMPLATES = TemplateSet()
SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([])


def _draft(name: str, bank: Bank, seed: int = 0) -> tuple[Brief, Draft]:
    brief = load_brief(HELDOUT / f"{name}.yaml", TEMPLATES.names())
    return brief, compose(brief, bank, TEMPLATES, seed=seed)


def _paragraphs(draft: Draft) -> list[str]:
    return ["".join(span.text for span in b.spans) for b in draft.document.blocks if isinstance(b, Paragraph)]


def test_kind_roles_and_agenda_acts_are_known_names() -> None:
    assert set(KIND_ROLES) <= set(KINDS)
    assert all(set(roles) <= set(SPEAKER_ROLES) for roles in KIND_ROLES.values())
    assert list(AGENDA_ACTS) == list(get_args(AgendaAct))
    assert set(AGENDA_ACTS) >= AGENDA_NEEDS_WHAT


@pytest.mark.parametrize("seed", SEEDS)
def test_a_commendation_congratulates_and_holds_up_the_honoured(bank: Bank, seed: int) -> None:
    brief, draft = _draft("biaozhang_jiaoshi", bank, seed)
    opening = [row for row in draft.trace if not row.where]
    congratulations = {
        "opening.review.biaoshi-zhuhe",  # 首先，我代表{org}，向{honoured}表示热烈祝贺！
        "opening.review.xiang-biaoshi-zhuhe",
        "opening.review.zhuhe-wenhou",  # ……致以热烈的祝贺和诚挚的问候！
    }
    assert congratulations & {row.entry_id for row in opening}
    first = _paragraphs(draft)[0]
    assert f"向{brief.honoured}" in first and "祝贺" in first
    # the example part: the writer's account of the honoured and the bank's formulas of learning
    # from them, never the requirement material that turned praise into admonitions
    example = [row for row in draft.trace if row.where.startswith("一、")]
    ids = {row.entry_id for row in example}
    # (no `以…为榜样，团结奋进、砥砺前行`: a cadres' slogan said to any audience, and the honoured
    # named a third time)
    assert ids <= {"section.lead_in.jiechu-daibiao", "section.lead_in.zhide-xuexi"}, ids
    # it ends with the hope to the honoured, then the call
    ending = " ".join(_paragraphs(draft)[-2:])
    assert f"希望{brief.honoured_again}珍惜荣誉" in ending


@pytest.mark.parametrize("seed", SEEDS)
def test_a_training_class_opening_wishes_the_class_success(bank: Bank, seed: int) -> None:
    _, draft = _draft("kaiban_yingji", bank, seed)
    last = _paragraphs(draft)[-1]
    assert last.startswith("最后，预祝全市应急管理干部业务能力提升培训班圆满成功！"), last
    assert "开班式圆满成功" not in last  # the class succeeds, not its opening ceremony
    assert "热烈欢迎" in _paragraphs(draft)[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_chair_script_runs_the_meeting(bank: Bank, seed: int) -> None:
    brief, draft = _draft("zhuchi_qiye", bank, seed)
    blocks = draft.document.blocks
    assert not [b for b in blocks if isinstance(b, Heading) and not b.run_in]  # no section headings
    paragraphs = _paragraphs(draft)
    text = "".join(paragraphs)
    assert text.startswith("现在开会。")
    assert f"出席今天会议的有：{brief.attendees}。" in text
    asks = [p for p in paragraphs if "请" in p and p.startswith(("下面，", "刚才，"))]
    assert len(asks) == len(brief.agenda)
    for item, paragraph in zip(brief.agenda, asks, strict=True):
        assert f"请{item.who}{item.ask}。" in paragraph
    assert "刚才，市发展改革委主任汇报了上半年全市民营经济运行情况。" in asks[1]
    assert paragraphs[-1] == "会议到此结束。"
    assert "谢谢" not in text and "同志们，让我们" not in text


def test_an_opening_and_a_closing_address_are_short_and_end_as_they_should(bank: Bank) -> None:
    _, opening = _draft("kaimu_luntan", bank)
    _, closing = _draft("bimu_jianshen", bank)
    for draft in (opening, closing):
        assert draft.length.chars < 800
        assert not [b for b in draft.document.blocks if isinstance(b, Heading) and not b.title]
    assert _paragraphs(opening)[-1].startswith("最后，预祝首届全区数字经济发展论坛圆满成功！")
    assert "热烈欢迎" in _paragraphs(opening)[0]
    assert _paragraphs(closing)[-1].startswith("现在，我宣布：全市第三届全民健身运动会闭幕！")
    assert "圆满完成了各项赛事" in _paragraphs(closing)[0]  # a 运动会's events, not a meeting's 议程


# --- the agenda in the brief ---------------------------------------------------------------------


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_brief(path, TEMPLATES.names())
    return [str(f).removeprefix(f"{tmp_path}/") for f in caught.value.findings]


CHAIR = (HELDOUT / "zhuchi_qiye.yaml").read_text(encoding="utf-8")


def test_bad_agenda_items_are_one_line_each(tmp_path: Path) -> None:
    agenda = CHAIR[CHAIR.index("agenda:") : CHAIR.index("sections:")]
    bad = (
        "agenda:\n- who: 王明\n  does: 讲\n- who: 李强\n  does: 宣读\n- 县委书记讲话\n"
        "- who: ''\n  does: 讲话\n- who: 张华\n  does: 发言\n  when: 上午\n"
    )
    assert _problems(tmp_path, CHAIR.replace(agenda, bad)) == [
        "brief.yaml:14: agenda.0.does: must be one of "
        "'讲话', '部署', '发言', '表态发言', '汇报', '宣读', '颁奖' or '授课', got '讲'",
        "brief.yaml:15: agenda.1.what: an item that does 宣读 needs a what "
        "(the work deployed, the matter reported, the document read or who is awarded)",
        "brief.yaml:17: agenda.2: expected a mapping, got '县委书记讲话'",
        "brief.yaml:18: agenda.3.who: must not be empty",
        "brief.yaml:22: agenda.4.when: unknown field; expected one of: who, does, what",
    ]


def test_a_chair_script_needs_an_agenda_and_a_speech_takes_none(tmp_path: Path) -> None:
    agenda = CHAIR[CHAIR.index("agenda:") : CHAIR.index("sections:")]
    [missing] = _problems(tmp_path, CHAIR.replace(agenda, ""))
    assert missing.endswith(
        "agenda: the chair_script template needs the agenda: a list of items {who, does}, "
        "e.g. - {who: 县委书记李明同志, does: 讲话}"
    )
    speech = CHAIR.replace("template: chair_script", "template: work_meeting")
    assert _problems(tmp_path, speech) == [
        "brief.yaml:12: agenda: only the chair_script template reads an agenda; "
        "'work_meeting' would ignore it"
    ]


def test_a_chair_numbers_the_wrap_up_points_on_across_sections(tmp_path: Path, bank: Bank) -> None:
    more = "- lead_in: 对企业家们提出的问题，各部门要高度重视。\n  points:\n  - heading: 要及时反馈办理结果\n"
    path = tmp_path / "brief.yaml"
    path.write_text(CHAIR.replace("length:", more + "length:"), encoding="utf-8")
    draft = compose(load_brief(path, TEMPLATES.names()), bank, TEMPLATES)
    points = [b.text for b in draft.document.blocks if isinstance(b, Heading) and b.run_in]
    assert [p[:2] for p in points] == ["一是", "二是", "三是"] or [p[:2] for p in points] == [
        "一要",
        "二要",
        "三要",
    ]
    assert "我再强调三点。" in "".join(_paragraphs(draft))


TEMPLATE_DIR = Path(__file__).parent.parent / "templates"
OCCASIONS = ("commendation", "training_opening", "opening_address", "closing_address", "chair_script")


@pytest.mark.parametrize("kind", OCCASIONS)
def test_the_entries_a_template_names_are_in_the_bank_for_its_kind(kind: str, bank: Bank) -> None:
    text = (TEMPLATE_DIR / f"{kind}.j2").read_text(encoding="utf-8")
    named = {i for group in re.findall(r"only=\[([^\]]*)\]", text) for i in re.findall(r'"([^"]+)"', group)}
    for entry_id in named:
        entry = bank.entries[entry_id]
        assert entry.status == "approved" and kind in entry.kinds, entry_id
