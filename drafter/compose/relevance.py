"""Relevance: how much a bank entry of material is about one point, and which field a speech is in.

Ranking is Okapi BM25 (k1 = 1.5, b = 0.75) over character bigrams of Chinese text, written here
in a few lines over an inverted index rather than taken from `bm25s`: bm25s needs numpy (45 MB
installed, 160 ms to import, measured with `python -X importtime`), which would double a draft's
start-up for a bank of a few thousand short entries; the arithmetic is the same. The index is
built once per bank and kind from plain data (`tokens` per entry), which the bank cache can keep.

A document is an entry's text, tags and domain; a query is a point's heading, the writer's
sentences, the section's heading and lead-in, the speech's domain and the point's tags. An entry
scoring below `THRESHOLD` (scores are divided by the number of query bigrams the bank knows, so
that long queries do not lower the bar) is not about the point and is never drafted: the point
gets a gap instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafter.vocabulary import DOMAINS

K1 = 1.5
B = 0.75
THRESHOLD = 0.35  # mean BM25 weight per query bigram an entry must reach to be about a point

_CJK = re.compile(r"[\u4e00-\u9fff]+")
_SLOT = re.compile(r"\{[^{}]*\}")
# Bigrams every speech says (they say nothing about a point's subject).
_STOP = frozenset(
    "要把 工作 我们 全面 进一步 加强 推进 推动 坚持 切实 各级 一步 加快 不断 积极 深入 持续 重要 认真 抓好 "
    "做好 落实 提高 提升 完善 建立 健全 强化 确保 必须 同志 大家 方面 问题 发展 建设 领导 干部".split()
)


def tokens(text: str) -> list[str]:
    """Character bigrams of the Chinese runs of `text` (slots and punctuation aside), stop bigrams out."""
    found: list[str] = []
    for run in _CJK.findall(_SLOT.sub("，", text)):
        found.extend(run[i : i + 2] for i in range(len(run) - 1))
        if len(run) == 1:
            found.append(run)
    return [t for t in found if t not in _STOP]


@dataclass(frozen=True)
class Scored:
    """An entry id with its relevance score (mean BM25 weight per query bigram)."""

    id: str
    score: float


class Index:
    """BM25 over a fixed list of documents (entry ids and their tokens)."""

    def __init__(self, docs: Sequence[tuple[str, Sequence[str]]]) -> None:
        self.ids = [doc_id for doc_id, _ in docs]
        self.lengths = [len(toks) for _, toks in docs]
        self.mean = (sum(self.lengths) / len(docs)) if docs else 1.0
        postings: dict[str, dict[int, int]] = {}
        for number, (_, toks) in enumerate(docs):
            for token in toks:
                row = postings.setdefault(token, {})
                row[number] = row.get(number, 0) + 1
        count = len(docs)
        self.idf = {
            t: math.log(1 + (count - len(row) + 0.5) / (len(row) + 0.5)) for t, row in postings.items()
        }
        self.postings = postings

    def rank(self, query: Iterable[str], threshold: float = THRESHOLD) -> list[Scored]:
        """Documents scoring at least `threshold`, best first (ties in id order)."""
        counts: dict[str, int] = {}
        for token in query:
            counts[token] = counts.get(token, 0) + 1
        if not counts:
            return []
        scores: dict[int, float] = {}
        size = 0  # query bigrams the bank knows: one no entry has cannot make any entry less relevant
        for token, times in counts.items():
            idf = self.idf.get(token)
            if idf is None:
                continue
            size += times
            for number, tf in self.postings[token].items():
                norm = K1 * (1 - B + B * self.lengths[number] / self.mean)
                scores[number] = scores.get(number, 0.0) + times * idf * tf * (K1 + 1) / (tf + norm)
        if not size:
            return []
        ranked = [Scored(self.ids[n], s / size) for n, s in scores.items() if s / size >= threshold]
        return sorted(ranked, key=lambda s: (-s.score, s.id))


def domain_words(domain: str) -> list[str]:
    """The words that name a field: its key, its aliases and the fields its description lists."""
    description, aliases = DOMAINS[domain]
    return [domain, *aliases, *re.split(r"[、，]", description)]


def infer_domain(texts: Iterable[str]) -> str | None:
    """The field a speech is in, from its words: the `DOMAINS` entry whose names occur most often
    (at least once); None when no field is named or two tie."""
    joined = "".join(texts)
    hits: dict[str, int] = {}
    for key in DOMAINS:
        hits[key] = sum(joined.count(word) * len(word) for word in set(domain_words(key)) if len(word) >= 2)
    best = max(hits.values(), default=0)
    winners = [k for k, v in hits.items() if v == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
