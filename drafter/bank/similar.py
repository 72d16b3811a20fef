"""Near-duplicate texts without comparing every pair: bigram Jaccard similarity with prefix filtering.

Each text is a set of character bigrams, tokens ordered rarest first. If two sets share at least
`a >= k` tokens, their first `k` common tokens lie within the first `n - a + k` tokens of each (the
prefix-filtering principle of all-pairs similarity joins). Texts are taken shortest first; for a
pair to reach Jaccard `t`, the longer text `x` needs `a >= t·|x|` and the shorter `y` needs
`a >= 2t/(1+t)·|y|`, so each text is looked up by a short prefix and indexed by a shorter one, and
only texts sharing `k` (two, when every pair must share two) rare prefix tokens are ever compared.
Exact: every pair at or above `t` is found.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain

from drafter.bank.text import bigrams


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def similar_pairs(texts: Sequence[str], threshold: float) -> Iterator[tuple[int, int, float]]:
    """Pairs `(i, j, similarity)` of normalized texts, `i < j`, whose bigram Jaccard ≥ `threshold`."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    sets = [bigrams(text) for text in texts]
    frequency = Counter(token for tokens in sets for token in tokens)
    rank = {token: n for n, token in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))}
    order = sorted(range(len(sets)), key=lambda i: (len(sets[i]), i))
    # Per token, the records whose index prefix holds it, and their sizes (non-decreasing: records
    # are indexed in order of size), so that the length filter |y| >= t·|x| is one bisection.
    index: dict[str, tuple[list[int], list[int]]] = {}
    indexed = 2 * threshold / (1 + threshold)
    smallest_size = min((len(tokens) for tokens in sets if tokens), default=0)
    shared = 2 if threshold * smallest_size >= 2 else 1  # common prefix tokens every pair must have
    for record in order:
        tokens = sets[record]
        size = len(tokens)
        if not size:
            continue
        ranked = sorted(tokens, key=rank.__getitem__)
        smallest = threshold * size - 1e-9
        probe = [index[token] for token in ranked[: size - math.ceil(smallest) + shared] if token in index]
        hits = Counter(
            chain.from_iterable(records[bisect.bisect_left(sizes, smallest) :] for records, sizes in probe)
        )
        # J >= t  <=>  |a & b| >= t / (1 + t) * (|a| + |b|)
        for other in sorted(other for other, count in hits.items() if count >= shared):
            common = len(tokens & sets[other])
            similarity = common / (size + len(sets[other]) - common)
            if similarity >= threshold:
                yield (min(record, other), max(record, other), similarity)
        for token in ranked[: size - math.ceil(indexed * size - 1e-9) + shared]:
            records, sizes = index.setdefault(token, ([], []))
            records.append(record)
            sizes.append(size)
