"""Relevance: how much a bank entry of material is about one point, and which field a speech is in.

Ranking is Okapi BM25 (k1 = 1.5, b = 0.75) over character bigrams of Chinese text, written here
in a few lines over an inverted index rather than taken from `bm25s`: bm25s needs numpy (45 MB
installed, 160 ms to import, measured with `python -X importtime`), which would double a draft's
start-up for a bank of a few thousand short entries; the arithmetic is the same. The index is
built once per set of entries (a bank's material of one function fit for a speech) and kept in the
bank cache, keyed by the entries' content (`index_of`).

A document is an entry's text and tags (its field filters, `select.fits_domain`); a query is a
point's heading, the writer's sentences, the section's heading and lead-in, the speech's domain
and the point's tags. An entry scoring below `THRESHOLD` (scores are divided by the number of
query bigrams the bank knows, so that long queries do not lower the bar) is not about the point
and is never drafted: the point gets a gap instead.
"""

from __future__ import annotations

import functools
import marshal
import math
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from drafter.bank import cache
from drafter.patterns import LazyPattern
from drafter.vocabulary import DOMAINS

K1 = 1.5
B = 0.75
INFER_MIN = 6  # weight of field names (characters of their occurrences) a speech must say to be in it
INFER_LEAD = 1.5  # ... and how many times the runner-up's weight (乡村振兴 12 over 产业 8 in a 乡村产业 talk)
THRESHOLD = 0.5
# ... and it must share at least KEY_TERMS distinct rare bigrams with the query (a bigram in at most
# RARE of the documents, or 3): `企业`, `群众`, `责任` are in every other sentence and say nothing
# about whether a sentence is on 危化品 (`危化`, `隐患`, `排查` do).
# A bank of fewer than KEY_TERMS_FROM entries of a function is too small for document frequency to
# tell common words from rare ones: there the BM25 threshold alone decides.
KEY_TERMS = 2
RARE = 0.02
KEY_TERMS_FROM = 200  # mean BM25 weight per query bigram an entry must reach to be about a point

_CJK = LazyPattern(r"[\u4e00-\u9fff]+")
_SLOT = LazyPattern(r"\{[^{}]*\}")
# Bigrams every speech says (they say nothing about a point's subject).
_STOP = frozenset(
    "要把 工作 我们 全面 进一步 加强 推进 推动 坚持 切实 各级 一步 加快 不断 积极 深入 持续 重要 认真 抓好 "
    "做好 落实 提高 提升 完善 建立 健全 强化 确保 必须 同志 大家 方面 问题 发展 建设 领导 干部 "
    "发挥 作用".split()
)


def tokens(text: str) -> list[str]:
    """Character bigrams of the Chinese runs of `text` (slots and punctuation aside), stop bigrams out."""
    return list(bigrams(text))


@functools.lru_cache(maxsize=1 << 14)  # a draft asks for the same point's query in every length pass
def bigrams(text: str) -> tuple[str, ...]:
    """`tokens(text)` as a tuple, remembered (callers must not change it)."""
    found: list[str] = []
    for run in _CJK.findall(_SLOT.sub("，", text)):
        found.extend(run[i : i + 2] for i in range(len(run) - 1))
        if len(run) == 1:
            found.append(run)
    return tuple(t for t in found if t not in _STOP)


class Scored(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """An entry id with its relevance score (mean BM25 weight per query bigram)."""

    id: str
    score: float


class Index:
    """BM25 over a fixed list of documents (entry ids and their tokens)."""

    ids: list[str]
    lengths: list[int]
    mean: float
    idf: Mapping[str, float]
    postings: Mapping[str, Mapping[int, int]]  # token -> {document number: times in it}

    def __init__(self, docs: Sequence[tuple[str, Sequence[str]]]) -> None:
        self.ids = [doc_id for doc_id, _ in docs]
        self.lengths = [len(toks) for _, toks in docs]
        self.mean = (sum(self.lengths) / len(docs)) if docs else 1.0
        postings: dict[str, dict[int, int]] = {}
        for number, (_, toks) in enumerate(docs):
            for token in toks:
                row = postings.setdefault(token, {})
                row[number] = row.get(number, 0) + 1
        self.idf = {t: _idf(len(docs), len(row)) for t, row in postings.items()}
        self.postings = postings
        self._start()

    @property
    def rarest(self) -> float:
        """The weight of a token only one document holds: what scores are measured against (it grows
        with the number of documents, and so do the scores of the same words)."""
        return _idf(len(self.ids), 1)

    def _start(self) -> None:
        # what queries work out, kept for later ones: the drafts of one process share an index
        self._norms: list[float] | None = None
        self._terms: dict[tuple[str, int], tuple[dict[int, float], bool] | None] = {}
        self._documents: dict[str, int] = {}

    def plain(self) -> tuple[Any, ...]:
        """The index as plain data (for the cache): each token's postings packed in bytes, so that
        reading an index back makes one object per token, not a dict per token (most are never
        looked up: a 50,000-entry bank's indexes hold thousands of tokens)."""
        if isinstance(self.postings, _PackedPostings):
            packed = self.postings.packed
        else:
            packed = {
                t: array("I", [n for pair in row.items() for n in pair]).tobytes()
                for t, row in self.postings.items()
            }
        return (self.ids, self.lengths, self.mean, packed)

    @classmethod
    def from_plain(cls, data: tuple[Any, ...]) -> Index:
        """The index `plain` gave (its postings and weights worked out when first looked up)."""
        index = cls.__new__(cls)
        index.ids, index.lengths, index.mean, packed = data
        if not isinstance(packed, dict):
            raise TypeError("postings: expected a dict")
        index.postings = postings = _PackedPostings(packed)
        index.idf = _LazyIdf(len(index.ids), postings)
        index._start()
        return index

    def documents(self, token: str) -> int:
        """How many documents hold `token`."""
        if (found := self._documents.get(token)) is None:
            postings = self.postings
            if isinstance(postings, _PackedPostings):
                found = postings.documents(token) if token in postings else 0
            else:
                found = len(postings.get(token, ()))
            self._documents[token] = found
        return found

    def _term(self, token: str, times: int) -> tuple[dict[int, float], bool] | None:
        """What a query token said `times` adds to each document holding it, and whether it is rare
        (in at most `RARE` of the documents, or 3); None for a token no document holds."""
        key = (token, times)
        if key in self._terms:
            return self._terms[key]
        idf = self.idf.get(token)
        found = None
        if idf is not None:
            if self._norms is None:
                self._norms = [K1 * (1 - B + B * length / self.mean) for length in self.lengths]
            norms = self._norms
            row = self.postings[token]
            scores = {n: times * idf * tf * (K1 + 1) / (tf + norms[n]) for n, tf in row.items()}
            found = (scores, len(row) <= max(3, int(RARE * len(self.ids))))
        self._terms[key] = found
        return found

    def rank(self, query: Iterable[str], threshold: float = THRESHOLD) -> list[Scored]:
        """Documents scoring at least `threshold`, best first (ties in id order)."""
        counts: dict[str, int] = {}
        for token in query:
            counts[token] = counts.get(token, 0) + 1
        if not counts:
            return []
        terms = [(times, term) for token, times in counts.items() if (term := self._term(token, times))]
        size = sum(times for times, _ in terms)  # query bigrams the bank knows: one no entry has
        if not size:  # cannot make any entry less relevant
            return []
        scores: dict[int, float] = {}
        if len(self.ids) < KEY_TERMS_FROM:
            for _, (added, _) in terms:
                for number, score in added.items():
                    scores[number] = scores.get(number, 0.0) + score
        else:  # only documents sharing `KEY_TERMS` rare tokens with the query can qualify: score those
            keys: dict[int, int] = {}
            for _, (added, rare) in terms:
                if rare:
                    for number in added:
                        keys[number] = keys.get(number, 0) + 1
            for number, shared in keys.items():
                if shared >= KEY_TERMS:
                    total = 0.0  # added one by one in the tokens' order, as above (not `sum`, which
                    for _, (added, _) in terms:  # compensates its rounding from Python 3.12 on)
                        if (part := added.get(number)) is not None:
                            total += part
                    scores[number] = total
        ranked = [Scored(self.ids[n], s / size) for n, s in scores.items() if s / size >= threshold]
        return sorted(ranked, key=lambda s: (-s.score, s.id))


def _idf(documents: int, having: int) -> float:
    """A token's BM25 weight, in `documents` documents of which `having` hold it."""
    return math.log(1 + (documents - having + 0.5) / (having + 0.5))


class _PackedPostings(Mapping[str, Mapping[int, int]]):
    """Postings read back from the cache: token -> (document number, times) pairs packed as
    unsigned ints, unpacked into a dict when the token is first looked up."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self.packed = packed
        self._rows: dict[str, dict[int, int]] = {}

    def __getitem__(self, token: str) -> dict[int, int]:
        if (row := self._rows.get(token)) is None:
            numbers = array("I", self.packed[token])
            row = self._rows[token] = dict(zip(numbers[::2], numbers[1::2], strict=True))
        return row

    def documents(self, token: str) -> int:
        """How many documents hold `token` (without unpacking its postings)."""
        return len(self.packed[token]) // (2 * array("I").itemsize)

    def __iter__(self) -> Iterator[str]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)

    def __contains__(self, token: object) -> bool:
        return token in self.packed


class _LazyIdf(Mapping[str, float]):
    """The weights of an index read back from the cache, each worked out when first asked for."""

    def __init__(self, documents: int, postings: _PackedPostings) -> None:
        self.documents, self.postings = documents, postings
        self._weights: dict[str, float] = {}

    def __getitem__(self, token: str) -> float:
        if (weight := self._weights.get(token)) is None:
            weight = self._weights[token] = _idf(self.documents, self.postings.documents(token))
        return weight

    def __iter__(self) -> Iterator[str]:
        return iter(self.postings)

    def __len__(self) -> int:
        return len(self.postings)


# What the cached indexes were built with: a change to the tokens makes earlier ones unreachable.
_CACHE_SALT = "bm25-2;" + _CJK.pattern + _SLOT.pattern + ",".join(sorted(_STOP))


def index_of(entries: Sequence[tuple[str, str, tuple[str, ...]]]) -> Index:
    """The index of entries given as (id, text, tags), from the bank cache when it was built before:
    a bank is indexed once, not on every draft (keyed by the entries' content)."""
    key = cache.content_key(marshal.dumps(tuple(entries)), _CACHE_SALT)
    if (plain := cache.read(key, "relevance")) is not None:
        try:
            return Index.from_plain(plain)
        except (TypeError, ValueError):
            pass  # another shape of data: build it again
    index = Index([(entry_id, tokens(" ".join((text, *tags)))) for entry_id, text, tags in entries])
    cache.write(key, index.plain(), "relevance")
    return index


def domain_words(domain: str) -> list[str]:
    """The words that name a field: its key, its aliases and the fields its description lists."""
    description, aliases = DOMAINS[domain]
    return [domain, *aliases, *re.split(r"[、，]", description)]


# Safety that is not work safety's (`安全` names 安全生产): a 网络安全宣传周 is no safety meeting.
_OTHER_SAFETY = LazyPattern(r"(?:网络|数据|信息|食品|药品|粮食|国家|政治|金融|生物|意识形态)安全")


def infer_domain(texts: Iterable[str]) -> str | None:
    """The field a speech is in, from its words: the `DOMAINS` entry whose names weigh most (each
    occurrence by its length), clearly: at least `INFER_MIN` and `INFER_LEAD` times the runner-up; else None
    (a wrong field would filter out the right material: better none). Another safety than work
    safety (`网络安全`, `粮食安全`) says no `安全`."""
    joined = _OTHER_SAFETY.sub("", "".join(texts))
    hits: dict[str, int] = {}
    for key in DOMAINS:
        hits[key] = sum(joined.count(word) * len(word) for word in set(domain_words(key)) if len(word) >= 2)
    ranked = sorted(hits.items(), key=lambda kv: -kv[1])
    (best, top), runner = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
    return best if top >= INFER_MIN and top >= INFER_LEAD * runner else None
