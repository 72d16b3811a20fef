"""Finding entries in a loaded bank: search by text, look up by id, count."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from drafter.bank.load import Bank
from drafter.bank.model import Entry
from drafter.bank.text import bigrams, normalize
from drafter.errors import BankError
from drafter.vocabulary import FUNCTIONS, STATUSES

FUZZY_MINIMUM = 0.5  # share of the query's bigrams an entry must contain to match loosely
FUZZY_LIMIT = 20


def _haystack(entry: Entry) -> str:
    parts = [entry.text, *entry.member_texts(), entry.note or ""]
    return "\n".join(normalize(part) for part in parts)


def search(
    bank: Bank, query: str, *, function: str | None = None, tag: str | None = None, status: str | None = None
) -> list[Entry]:
    """Entries whose text, members or note contain `query` (ignoring punctuation and spaces), in bank
    order; when none does, the entries sharing most of the query's character pairs, best first."""
    pool = [
        entry
        for entry in bank.entries.values()
        if (function is None or entry.function == function)
        and (tag is None or tag in entry.tags)
        and (status is None or entry.status == status)
    ]
    wanted = normalize(query)
    if not wanted:
        return pool
    haystacks = [_haystack(entry) for entry in pool]
    exact = [e for e, hay in zip(pool, haystacks, strict=True) if wanted in hay or query.strip() in e.id]
    if exact or len(wanted) < 2:
        return exact
    query_pairs = bigrams(wanted)
    scored = []
    for entry, hay in zip(pool, haystacks, strict=True):
        share = len(query_pairs & bigrams(hay)) / len(query_pairs)
        if share >= FUZZY_MINIMUM:
            scored.append((-share, entry.id, entry))
    return [entry for _, _, entry in sorted(scored)[:FUZZY_LIMIT]]


def get_entry(bank: Bank, entry_id: str) -> Entry:
    """The entry with this id, or a `BankError` suggesting close ids."""
    if entry_id in bank.entries:
        return bank.entries[entry_id]
    close = difflib.get_close_matches(entry_id, list(bank.entries), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise BankError(f"{entry_id}: no entry with this id in the bank{hint}")


@dataclass
class Stats:
    """Counts of a bank's entries by function, status and tag."""

    total: int = 0
    by_function: dict[str, Counter[str]] = field(default_factory=dict)  # function -> status counts
    by_status: Counter[str] = field(default_factory=Counter)
    by_tag: Counter[str] = field(default_factory=Counter)


def stats(bank: Bank) -> Stats:
    """Count the entries of a bank; functions in speech order, then any others by name."""
    result = Stats()
    counts: dict[str, Counter[str]] = {}
    for entry in bank.entries.values():
        result.total += 1
        counts.setdefault(entry.function, Counter())[entry.status] += 1
        result.by_status[entry.status] += 1
        result.by_tag.update(entry.tags)
    order = [f for f in FUNCTIONS if f in counts] + sorted(f for f in counts if f not in FUNCTIONS)
    result.by_function = {f: counts[f] for f in order}
    for status in STATUSES:
        result.by_status.setdefault(status, 0)
    return result
