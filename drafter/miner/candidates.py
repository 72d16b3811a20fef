"""What one document yields: candidates keyed by (function, key), with the lines they were seen on.

`DocumentCandidates` is the result of the map step (`drafter.miner.mine.mine_document`): plain,
immutable-ish data that pickles, so the step can run on any worker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from drafter.miner.text import SPACES

Members = tuple[tuple[tuple[str, str], ...], ...]

# Spaces and punctuation do not make two formulas different (`这里，需要强调的是` = `这里需要强调的是`).
_IGNORED_RE = re.compile(f"[{SPACES}，、。：；！？“”‘’（）《》〈〉【】—…·,.:;!?()\"'\\-]")
_COMMONEST = "，、。"  # of them, two thirds of all the finds in Chinese text


@lru_cache(maxsize=65536)  # the same formulas recur document after document
def formula_key(text: str) -> str:
    """The aggregation key of a text: the text without spaces and punctuation."""
    return _IGNORED_RE.sub("", text)


def formula_keys(texts: Sequence[str]) -> list[str]:
    """The `formula_key` of each text, found in one pass over them all (and not cached).

    For the survey's lines, seen once each: a regular expression called once per line costs more
    than the substitution itself, and caching them would push out the keys that do recur.
    """
    if not texts:
        return []
    joined = "\0".join(texts)  # NUL is not ignored, so the keys split where the texts did
    if joined.count("\0") != len(texts) - 1:  # a text that holds a NUL of its own
        return [_IGNORED_RE.sub("", text) for text in texts]
    for mark in _COMMONEST:  # str.replace deletes at memory speed; the substitution pays per match
        joined = joined.replace(mark, "")
    return _IGNORED_RE.sub("", joined).split("\0")


class Candidate(NamedTuple):
    """One formula found once: its function, aggregation key, text, line and intrinsic quality.

    `key` is what counts as "the same formula" across documents (the text, or a skeleton);
    `quality` is the extractor's judgement of the form alone (0-3), before frequencies count.
    A named tuple rather than a frozen dataclass: the miner makes one per occurrence, and a frozen
    dataclass is several times slower to build.
    """

    function: str
    key: str
    text: str
    line: int
    quality: float = 1.0
    tags: tuple[str, ...] = ()
    members: Members | None = None
    note: str | None = None


@dataclass
class Found:
    """A formula within one document: the candidate first seen and every line it occurs on."""

    candidate: Candidate
    lines: list[int] = field(default_factory=list)


@dataclass
class DocumentCandidates:
    """Everything mined from one document, by (function, key)."""

    name: str
    found: dict[tuple[str, str], Found] = field(default_factory=dict)
    kind: str = "speech"  # or what else the document is (`drafter.miner.document_kind`)

    def add(self, candidate: Candidate) -> None:
        key = (candidate.function, formula_key(candidate.key))
        entry = self.found.get(key)
        if entry is None:
            self.found[key] = Found(candidate, [candidate.line])
        elif candidate.line not in entry.lines:
            entry.lines.append(candidate.line)
