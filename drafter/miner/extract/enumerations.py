"""Enumeration markers (`一是/二是`, `一要/二要`, `第一，/第二，`, `其一，/其二，`, `①②`) as `{n}` formulas.

Each sibling run of two or more consecutive ordinals of one marker type is one occurrence.
When every item of a `一是` run starts with `要`, the formula is `{n}是要` (`一是要讲大局`).
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.miner.candidates import Candidate
from drafter.miner.outline import Outline

FORMULAS = {"cn是": "{n}是", "cn要": "{n}要", "第cn": "第{n}，", "其cn": "其{n}，"}


def extract(outline: Outline) -> Iterator[Candidate]:
    for run in outline.sibling_runs:
        formula = FORMULAS.get(run[0].marker)
        if formula is None or [h.ordinal for h in run] != list(range(1, len(run) + 1)):
            continue
        if formula == "{n}是" and all(h.text and h.text.startswith("要") for h in run):
            formula = "{n}是要"
        example = "；".join(h.text for h in run if h.text) or None
        yield Candidate(
            "enumerator",
            formula,
            formula,
            run[0].line,
            quality=1.0 + 0.1 * min(len(run), 5),
            note=f"如：{example}" if example else None,
        )
