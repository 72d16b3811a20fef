"""Golden Markdown drafts of every example with the built-in bank.

A change to a template, the selection or the built-in bank shows up here as a diff. After an
intended change, refresh the files with `pytest tests/test_golden.py --update-golden` (or
`make golden`) and review the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.bank.load import Bank, load_bank
from drafter.compose.brief_load import load_brief
from drafter.compose.pipeline import compose
from drafter.compose.templating import TemplateSet
from drafter.writers.markdown import render_markdown

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def test_every_template_has_an_example() -> None:
    assert sorted(p.stem for p in EXAMPLES) == sorted(TemplateSet().names())


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_matches_its_golden_draft(example: Path, bank: Bank, update_golden: bool) -> None:
    templates = TemplateSet()
    draft = compose(load_brief(example, templates.names()), bank, templates)
    markdown = render_markdown(draft.document)
    golden = GOLDEN / f"{example.stem}.md"
    if update_golden:
        golden.write_text(markdown, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run pytest --update-golden"
    assert markdown == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_lands_within_15_percent_of_its_target_or_says_why(example: Path, bank: Bank) -> None:
    """±15% when the bank has material about every point; else the draft says where it is short
    (gaps) or that the bank had too little (a length warning), never padding with off-topic text."""
    templates = TemplateSet()
    draft = compose(load_brief(example, templates.names()), bank, templates)
    assert draft.length.target is not None
    said = draft.gaps or [w for w in draft.warnings if w.loc == ("length",)]
    assert draft.length.on_target or said, draft.length
