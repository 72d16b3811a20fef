"""The reduce step: merging document results by (function, key) and scoring the formulas.

`Tally.of(doc)` turns one `DocumentCandidates` into a tally; `merge(a, b)` is associative and
commutative up to source order (sources are sorted in `finalize`), so tallies can be combined in
any grouping — one process folding documents in turn, or `reduceByKey` on a cluster.
`finalize` turns a tally into scored `Formula`s, best first within each function.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.miner.candidates import Candidate, DocumentCandidates, Members

SOURCE_CAP = 20  # sources kept per formula (the first in file order); `count` keeps counting


@dataclass
class Count:
    """One formula across documents: representative candidate, document frequency, count, sources.

    At most `SOURCE_CAP` sources are kept — the first by (file, line), whatever the merge order —
    so memory stays flat in the corpus size; `documents` and `count` count them all.
    """

    candidate: Candidate
    documents: int
    count: int
    sources: list[str]

    def absorb(self, other: Count) -> None:
        self.add(other.candidate, other.documents, other.count, other.sources)

    def add(self, candidate: Candidate, documents: int, count: int, sources: list[str]) -> None:
        """Count more occurrences of this formula, seen as `candidate`."""
        # keep the representative that sorts first, so that the merge order does not matter
        if _representative_order(candidate) < _representative_order(self.candidate):
            self.candidate = candidate
        self.documents += documents
        self.count += count
        self.sources.extend(sources)
        if len(self.sources) > 2 * SOURCE_CAP:
            self.sources = cap_sources(self.sources)


def _representative_order(candidate: Candidate) -> tuple[str, str, float, tuple[str, ...], str]:
    """A total order on the candidates of one formula: text, note, then the best quality first."""
    return (candidate.text, candidate.note or "", -candidate.quality, candidate.tags, repr(candidate.members))


def cap_sources(sources: list[str]) -> list[str]:
    """The first `SOURCE_CAP` distinct sources by (file, line)."""
    return sorted(set(sources), key=_source_order)[:SOURCE_CAP]


@dataclass
class Tally:
    """Counts by (function, key); the unit of the reduce step."""

    counts: dict[tuple[str, str], Count] = field(default_factory=dict)
    documents: int = 0

    @classmethod
    def of(cls, doc: DocumentCandidates) -> Tally:
        """The tally of one document."""
        tally = cls()
        tally.add(doc)
        return tally

    def add(self, doc: DocumentCandidates) -> None:
        """Fold one document in (the same as absorbing `Tally.of(doc)`, without building it)."""
        self.documents += 1
        counts = self.counts
        for key, found in doc.found.items():
            sources = [f"{doc.name}:{line}" for line in found.lines]
            count = counts.get(key)
            if count is None:
                counts[key] = Count(found.candidate, 1, len(found.lines), sources)
            else:
                count.add(found.candidate, 1, len(found.lines), sources)

    def absorb(self, other: Tally) -> None:
        """Add `other` into this tally in place (`other` must not be used afterwards)."""
        self.documents += other.documents
        for key, count in other.counts.items():
            mine = self.counts.get(key)
            if mine is None:
                self.counts[key] = count
            else:
                mine.absorb(count)


def merge(a: Tally, b: Tally) -> Tally:
    """The tally of both inputs (which are left as they were)."""
    return combine([a, b])


def combine(tallies: Sequence[Tally]) -> Tally:
    """The tally of all inputs (left as they were), in time linear in their total size.

    Folding `merge` over many tallies one by one copies the growing result at every step
    (quadratic); combine groups instead — `combine_tree` for a tree of any fan-in.
    """
    result = Tally()
    for source in tallies:
        copy = Tally(
            {k: Count(c.candidate, c.documents, c.count, list(c.sources)) for k, c in source.counts.items()},
            source.documents,
        )
        result.absorb(copy)
    return result


def combine_tree(tallies: Sequence[Tally], fan_in: int = 8) -> Tally:
    """`combine` by a tree of `fan_in` tallies per node (what a cluster's tree reduction does)."""
    level = list(tallies) or [Tally()]
    while len(level) > 1:
        level = [combine(level[i : i + fan_in]) for i in range(0, len(level), fan_in)]
    return combine(level)


@dataclass(frozen=True)
class Formula:
    """A finished candidate entry: what the output writes."""

    function: str
    key: str
    text: str
    documents: int
    count: int
    score: float
    sources: tuple[str, ...]
    tags: tuple[str, ...]
    members: Members | None
    note: str | None


def score(candidate: Candidate, documents: int, count: int) -> float:
    """Form quality, then spread over documents (which matters most), then raw repetition."""
    return round(candidate.quality + 2.0 * math.log2(documents) + 0.5 * math.log2(count), 3)


def finalize(tally: Tally) -> dict[str, list[Formula]]:
    """Formulas by function, best first (ties broken by text, so the order is stable)."""
    by_function: dict[str, list[Formula]] = {}
    for (function, key), count in tally.counts.items():
        c = count.candidate
        formula = Formula(
            function,
            key,
            c.text,
            count.documents,
            count.count,
            score(c, count.documents, count.count),
            tuple(cap_sources(count.sources)),
            c.tags,
            c.members,
            c.note,
        )
        by_function.setdefault(function, []).append(formula)
    for formulas in by_function.values():
        formulas.sort(key=lambda f: (-f.score, -f.documents, f.text, f.key))
    return dict(sorted(by_function.items()))


def _source_order(source: str) -> tuple[str, int]:
    name, _, line = source.rpartition(":")
    return name, int(line)
