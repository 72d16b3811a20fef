"""Parallel four-character runs (四字格): three or more four-character units joined by `、`.

`上下一心、迎难而上、拼搏进取、克难攻坚`. A run must end at a clause boundary (not inside a
longer list whose next unit has another length), so half-lists are not taken for whole ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.miner.candidates import Candidate
from drafter.miner.extract.requirements import topics_of
from drafter.miner.outline import Outline
from drafter.miner.text import has_placeholder, is_cjk

# Anchored on the first `、` of a run (a literal: fast to find); the first unit is read back from it.
_RUN_RE = re.compile("、(?:[\u4e00-\u9fff]{4}、)+[\u4e00-\u9fff]{4}(?![、\u4e00-\u9fff])")


def extract(outline: Outline) -> Iterator[Candidate]:
    text = outline.text
    for match in _RUN_RE.finditer(text):
        start = match.start() - 4
        first = text[max(start, 0) : match.start()]
        if start < 0 or not all(is_cjk(c) for c in first):
            continue
        run = first + match.group(0)
        units = run.split("、")
        if len(units) < 3 or len(set(units)) != len(units) or has_placeholder(run):
            continue
        # a run that opens after punctuation is whole; one glued to a longer word may have lost its start
        quality = 1.0 if start > 0 and is_cjk(text[start - 1]) else 1.5
        score = quality + 0.2 * min(len(units) - 3, 3)
        yield Candidate("parallel", run, run, outline.line_at(start), round(score, 3), tags=topics_of(run))
