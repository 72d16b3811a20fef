"""Drafts of the examples with the built-in bank, several seeds: do they read like speeches of their kind?

What a writer checks before handing a draft on: no bank sentence says again what the writer says
in the same paragraph, paragraphs do not all end on the same `做到……` run, a work meeting thanks
the people it reviews, does not announce its diagnosis as points it "stresses" and sums it up, the speech
ends with its call (and thanks, when asked for).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from drafter.bank.load import Bank, load_bank
from drafter.compose.brief_load import load_brief
from drafter.compose.outline import strip_marks
from drafter.compose.paragraph import stage
from drafter.compose.pipeline import Draft, compose
from drafter.compose.plan import goal_phrase
from drafter.compose.select import ECHO, ECHOES, NEAR, shingles
from drafter.compose.templating import TemplateSet
from drafter.document import Heading, Paragraph, Span

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SEEDS = (0, 1, 2)
TEMPLATES = TemplateSet()


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="module")
def drafts(bank: Bank) -> dict[tuple[str, int], Draft]:
    return {
        (path.stem, seed): compose(load_brief(path, TEMPLATES.names()), bank, TEMPLATES, seed=seed)
        for path in EXAMPLES
        for seed in SEEDS
    }


def points(draft: Draft) -> list[Heading]:
    """The run-in point headings with their paragraphs."""
    return [b for b in draft.document.blocks if isinstance(b, Heading) and b.run_in]


def cases() -> list[tuple[str, int]]:
    return [(path.stem, seed) for path in EXAMPLES for seed in SEEDS]


# Kinds whose body has no run-in points: an address is a few plain paragraphs.
WITHOUT_POINTS = frozenset({"opening_address", "closing_address"})
# How the kinds that end on no call end instead (the last paragraph): a chair's script closes the
# meeting, an opening address wishes the event success, a closing address declares it closed.
LAST_WORDS = {"chair_script": "会议到此结束。", "opening_address": "圆满成功！", "closing_address": "闭幕！"}


def cases_with_points() -> list[tuple[str, int]]:
    return [(name, seed) for name, seed in cases() if name not in WITHOUT_POINTS]


@pytest.mark.parametrize(("name", "seed"), cases())
def test_no_bank_sentence_repeats_the_writers_words_in_its_paragraph(
    drafts: dict[tuple[str, int], Draft], name: str, seed: int, bank: Bank
) -> None:
    for point in points(drafts[name, seed]):
        # the writer's sentences; material about a point names its heading's subject (`…巩固改善
        # 空气质量` under `要持续改善空气质量`)
        # (a gap names the point's heading: it is no sentence of the writer's)
        own = [span.text for span in point.body if span.entry_id is None and not span.gap]
        near = frozenset().union(*(shingles(t, NEAR) for t in own))
        echoed = frozenset().union(*(shingles(t, ECHO) for t in own))
        for span in point.body:
            if span.entry_id is None or "{topic}" in bank.entries[span.entry_id].text:
                continue  # a frame says the point's topic by design (`做好{topic}工作意义重大`)
            assert shingles(span.text, NEAR).isdisjoint(near), (point.text, span.text)
            assert len(shingles(span.text, ECHO) & echoed) < ECHOES, (point.text, span.text)


def _ends_on_a_run(body: tuple[Span, ...]) -> bool:
    marked = [span for span in body if span.entry_id is not None]
    return bool(marked) and marked[-1].entry_id is not None and marked[-1].entry_id.startswith("parallel.")


@pytest.mark.parametrize(("name", "seed"), cases_with_points())
def test_consecutive_points_do_not_both_end_on_a_four_character_run(
    drafts: dict[tuple[str, int], Draft], bank: Bank, name: str, seed: int
) -> None:
    ends = [_ends_on_a_run(point.body) for point in points(drafts[name, seed])]
    brief = load_brief(ROOT / "examples" / f"{name}.yaml", TEMPLATES.names())
    tags = {t for s in brief.sections for t in (*s.tags, *(t for p in s.points for t in p.tags))}
    general = [
        e for e in bank.draftable("parallel", brief.template) if e.type == "formula" and tags & set(e.tags)
    ]
    whole = [
        any(span.entry_id for span in point.body) and not any(span.gap for span in point.body)
        for point in points(drafts[name, seed])
    ]
    if general and any(whole):
        # a general run sums up only a point on its topic tags (untagged: material runs alone),
        # and never a point that ends on a gap left for the writer
        assert any(ends), "no point sums up with a four-character run"
    assert not any(a and b for a, b in itertools.pairwise(ends)), ends


@pytest.mark.parametrize("seed", SEEDS)
def test_work_meeting_thanks_and_diagnoses_without_announcing(
    drafts: dict[tuple[str, int], Draft], seed: int
) -> None:
    draft = drafts["work_meeting", seed]
    # 借此机会，我代表市政府向大家表示衷心的感谢 (or another thanks on behalf of the speaker's office)
    thanks = [row.text for row in draft.trace if not row.where and row.entry_id.startswith("opening.review.")]
    assert any("我代表市政府" in text and "感谢" in text for text in thanks), thanks
    problems = [row.entry_id for row in draft.trace if row.where.startswith("一、")]
    assert problems and not any(e.startswith("section.lead_in.") for e in problems)  # no 我再强调四点
    # and the diagnosis is summed up, as 001 does, before the requirements
    assert problems[-2:] == ["transition.guina-zongjie", "problem.renyou-cunzai"]


@pytest.mark.parametrize(("name", "seed"), cases())
def test_the_speech_ends_with_its_call_and_thanks(
    drafts: dict[tuple[str, int], Draft], name: str, seed: int
) -> None:
    draft = drafts[name, seed]
    brief = load_brief(ROOT / "examples" / f"{name}.yaml", TEMPLATES.names())
    last = [b for b in draft.document.blocks if isinstance(b, Paragraph)][-2:]
    ids = [span.entry_id or "" for block in last for span in block.spans]
    if name in LAST_WORDS:
        said = "".join(span.text for span in last[-1].spans)
        assert LAST_WORDS[name] in said, said
        if name == "chair_script":  # the chair closes the meeting; nobody thanks after 会议到此结束
            assert not any(i.startswith("closing.thanks.") for i in ids)
            return
    else:  # the bank's call, or the template's own on the goal (`同志们，让我们团结一心…`)
        called = any(i.startswith("closing.call.") for i in ids)
        goal = goal_phrase(brief.closing.goal or "")
        assert called or (goal and goal in "".join(b.text for b in last)), [b.text for b in last]
    assert any(i.startswith("closing.thanks.") for i in ids) == brief.closing.thanks


def test_a_situation_part_says_the_writers_facts_before_what_is_still_to_be_faced(
    drafts: dict[tuple[str, int], Draft],
) -> None:
    """`去年全区事故起数和死亡人数实现“双下降”…` first, then `我们清醒认识到，…依然严峻复杂`."""
    for seed in SEEDS:
        text = strip_marks(drafts["deployment", seed].markup)
        facts, faced = text.find("实现“双下降”"), text.find("清醒认识到")
        assert 0 <= facts < faced or faced < 0, text[:400]
        # and the opening lists no parts' topics saying one subject twice (`安全生产工作、今年安全生产…`)
        assert "围绕安全生产工作、今年安全生产" not in text


def test_a_heading_that_argues_is_not_argued_again(drafts: dict[tuple[str, int], Draft]) -> None:
    """`这是优化营商发展环境的必然要求` is not followed by `优化营商发展环境是全县行稳致远的重要基础`."""
    for seed in SEEDS:
        assert "行稳致远的重要基础" not in strip_marks(drafts["mobilization", seed].markup)


def test_closing_remarks_do_not_open_as_a_visitor(drafts: dict[tuple[str, int], Draft]) -> None:
    for seed in SEEDS:
        opening = " ".join(row.text for row in drafts["closing_remarks", seed].trace if not row.where)
        assert "我来参加这个会" not in opening  # 总结讲话 closes the meeting; 004 opens on its theme


@pytest.mark.parametrize(("name", "seed"), cases())
def test_a_points_bank_sentences_reason_from_why_to_a_close(
    drafts: dict[tuple[str, int], Draft], name: str, seed: int
) -> None:
    """Why it matters, what to do, how, then the close: never a bare statement after the requirements."""
    for point in points(drafts[name, seed]):
        ids = [span.entry_id or "" for span in point.body]
        run = any(i.startswith("parallel.") for i in ids)
        stages = [
            stage(i.split(".")[0], span.text, run)
            for i, span in zip(ids, point.body, strict=True)
            if i.startswith(("requirement.", "problem."))
        ]
        assert stages == sorted(stages), (point.text, stages)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_bureau_chief_does_not_speak_for_the_whole_county(
    drafts: dict[tuple[str, int], Draft], seed: int
) -> None:
    """`annual_review` (县民政局局长): no `向战斗在全县各条战线上的…`, no `向所有为全县建设和发展…`."""
    text = drafts[("annual_review", seed)].markup
    assert "各条战线" not in text and "为全县建设和发展" not in text
