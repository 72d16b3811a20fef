"""The held-out briefs (issue 8): twelve briefs over nine fields and all three speaker roles,
written apart from the five sample speeches. Each drafts without error, its field is the one the
brief is about, and a point the bank knows too little about is marked, never padded."""

from __future__ import annotations

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
