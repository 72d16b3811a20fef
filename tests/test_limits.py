"""Length passes: a pass whose budgets and caps answer every question alike is not rendered again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafter.bank.load import Bank, load_bank
from drafter.compose import pipeline
from drafter.compose.brief_load import load_brief
from drafter.compose.limits import Limits
from drafter.compose.pipeline import compose
from drafter.compose.templating import TemplateSet
from drafter.writers.markdown import render_markdown

ROOT = Path(__file__).parent.parent
BRIEFS = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "heldout").glob("*.yaml"))


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def test_limits_are_alike_while_every_answer_is() -> None:
    first = Limits({"s1.p1": 100}, {"s1.p1": 4})
    assert not first.spent("s1.p1", 60)
    assert first.overrun("s1.p1", 120)
    assert not first.full("s1.p1", 2)
    assert first.below("s1.p1", 40, 0.5)
    assert first.alike(Limits({"s1.p1": 81}, {"s1.p1": 3}))  # 60 < 81 < 120, 2 < 3, 40 < 40.5
    assert not first.alike(Limits({"s1.p1": 60}, {"s1.p1": 4}))  # 60 spends it
    assert not first.alike(Limits({"s1.p1": 120}, {"s1.p1": 4}))  # 120 runs past it no more
    assert not first.alike(Limits({"s1.p1": 100}, {"s1.p1": 2}))  # two sentences fill it
    assert not first.alike(Limits({"s1.p1": 80}, {"s1.p1": 4}))  # 40 is half of 80
    assert first.alike(Limits({"s1.p1": 100, "s1.p2": 7}, {"s1.p1": 4}))  # a point it never asked of
    assert first.owed("s1.p1", 30) == 70


def test_limits_judge_gaps_against_the_floor_when_larger() -> None:
    short = Limits({"s1.p1": 60}, {"s1.p1": 4}, {"s1.p1": 100})
    assert short.below("s1.p1", 70, 0.75)  # 70 < 75 of the floor, not < 45 of the budget
    assert short.owed("s1.p1", 70) == 30
    assert not Limits({"s1.p1": 60}, {"s1.p1": 4}).alike(Limits({"s1.p1": 60}, {"s1.p1": 4}, {"s1.p1": 100}))


def _renders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, Limits]]:
    """The limits of every render from now on, and whether it was the short draft's."""
    seen: list[tuple[bool, Limits]] = []
    real = pipeline.TemplateSet.render

    def render(self: TemplateSet, name: str, context: dict[str, Any]) -> str:
        speech = context["speech"]
        seen.append((speech._short, speech.limits))
        return real(self, name, context)

    monkeypatch.setattr(pipeline.TemplateSet, "render", render)
    return seen


def test_no_pass_is_rendered_that_an_earlier_one_would_draft_alike(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = TemplateSet()
    briefs = [load_brief(path, templates.names()) for path in BRIEFS]
    seen = _renders(monkeypatch)
    passes = 0
    for brief in briefs:
        for seed in range(3):
            seen.clear()
            compose(brief, bank, templates, seed=seed)
            passes += len(seen)
            for i, (short, later) in enumerate(seen):
                assert not any(s == short and earlier.alike(later) for s, earlier in seen[:i]), brief.occasion
    assert passes > 1.5 * len(briefs) * 3  # length passes were asked for (more than one render a draft)


def test_a_pass_not_rendered_again_gives_the_draft_rendering_it_gives(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = TemplateSet()
    briefs = [load_brief(path, templates.names()) for path in BRIEFS]
    kept = [compose(brief, bank, templates, seed=1) for brief in briefs]
    monkeypatch.setattr(Limits, "alike", lambda self, later: False)
    seen = _renders(monkeypatch)
    rendered = [compose(brief, bank, templates, seed=1) for brief in briefs]
    assert len(seen) > sum(1 for _ in briefs) * 2
    for one, other in zip(kept, rendered, strict=True):
        assert render_markdown(one.document) == render_markdown(other.document)
        assert (one.markup, one.gaps, one.length, one.warnings) == (
            other.markup,
            other.gaps,
            other.length,
            other.warnings,
        )
