"""The held-out briefs (issue 8): twelve briefs over nine fields and all three speaker roles,
written apart from the five sample speeches. Each drafts without error, its field is the one the
brief is about, and a point the bank knows too little about is marked, never padded."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from drafter.bank.load import Bank, load_bank
from drafter.compose.brief_load import load_brief
from drafter.compose.pipeline import compose
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


def test_who_speaks_after_a_superior_agrees_and_does_not_override_him(bank: Bank) -> None:
    """`minsheng_xian`: a 副县长 after the 县长's summary."""
    text = _draft_of("minsheng_xian", bank)
    assert "作了全面总结，我们要认真抓好落实。" in text
    opening = text.split("##")[0]
    assert "强调" not in opening and "要求" not in opening


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
