"""Generic terms: the bigrams of material that say little about which subject a sentence is on.

`管理`, `治理`, `保障`, `公共`, `加大` are said in sentences on a dozen subjects (`公共文化空间运营
管理` is not on `公共秩序管理`; `血液保障` is not on `待遇保障`), so sharing one of them with a point's
heading does not make a sentence about the point (`about.about`). A term is generic when the
built-in bank's material says it in at least `GENERIC_FIELDS` of its fields, or in at least
`GENERIC_SHARE` of its material. The list is derived from the built-in bank (`derive`) and kept here
as data, so that a draft never counts it (issue 12); `tests/test_generic.py` holds it to the
bank: after curating the bank, write it again with `python -m drafter.compose.generic`.

The same facts hold of a team's bank mined from an archive of the same genre; its own field's
common words are told apart per draft (`select.Catalog.common`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

GENERIC_FIELDS = 5
GENERIC_SHARE = 0.03

_DATA = Path(__file__).with_name("generic_terms.txt")


def _read() -> dict[str, int]:
    return {term: rank for rank, term in enumerate(_DATA.read_text(encoding="utf-8").split())}


# generic term -> its rank by the number of material entries saying it (0: the most said)
GENERIC_TERMS = _read()


def derive(material: Iterable[tuple[str, str | None]]) -> list[str]:
    """The generic terms of material given as (text, field), most frequent first (ties in order)."""
    from drafter.compose.select import key_terms

    documents: dict[str, int] = {}
    fields: dict[str, set[str | None]] = {}
    count = 0
    for text, field in material:
        count += 1
        for term in key_terms(text):
            documents[term] = documents.get(term, 0) + 1
            fields.setdefault(term, set()).add(field)
    generic = [
        t for t in documents if len(fields[t]) >= GENERIC_FIELDS or documents[t] >= GENERIC_SHARE * count
    ]
    return sorted(generic, key=lambda t: (-documents[t], t))


def builtin_material() -> list[tuple[str, str | None]]:
    """The built-in bank's material, as (text, field)."""
    from drafter.bank.load import load_bank
    from drafter.compose.select import is_material

    bank = load_bank(builtin=True)
    return [(e.text, e.domain) for e in bank.entries.values() if e.status == "approved" and is_material(e)]


def main() -> None:
    """Write the list again from the built-in bank."""
    terms = derive(builtin_material())
    lines = [" ".join(terms[i : i + 20]) for i in range(0, len(terms), 20)]
    _DATA.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{_DATA}: {len(terms)} terms")


if __name__ == "__main__":
    main()
