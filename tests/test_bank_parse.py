"""Entries built from cached rows equal the entries pydantic validates; the plain and pydantic
models have the same fields; a file read back from the cache gives what parsing it gave."""

from __future__ import annotations

import pickle
from pathlib import Path

from drafter.bank import entry_model
from drafter.bank.model import Entry, Mined, validate_entry
from drafter.bank.parse import ENTRY_FIELDS, FILE_KEYS, CachedItems, entry_of, parse_bank_file, row_of


def _entry(**extra: object) -> Entry:
    data = {"id": "closing.call.x", "text": "同志们，{occasion}要开好。", "function": "closing.call"}
    data.update({"sources": ("a.txt:3",), "tags": ("作风",), **extra})
    return validate_entry(data)


def test_row_entry_matches_the_validated_entry() -> None:
    for entry in (_entry(), _entry(mined={"documents": 2, "count": 3, "score": 1.5}, note="n")):
        given = ("id", "text", "sources", "tags")
        built = entry_of(row_of(entry), given)
        assert built == entry and built.dump() == entry.dump() and repr(built) == repr(entry)
        assert built.fields_set == set(given)
        assert built.slots == ("occasion",)
        assert pickle.loads(pickle.dumps(built)) == built
        if built.mined is not None:
            assert isinstance(built.mined, Mined)
            assert built.mined.fields_set == {"documents", "count", "score"}


def test_the_plain_entry_has_the_pydantic_fields_in_their_order() -> None:
    assert ENTRY_FIELDS == Entry.FIELDS == tuple(entry_model.Entry.model_fields)
    assert tuple(entry_model.Mined.model_fields) == Mined.FIELDS
    assert tuple(entry_model.BankFile.model_fields) == FILE_KEYS
    defaults = {
        name: field.default
        for name, field in entry_model.Entry.model_fields.items()
        if not field.is_required()
    }
    assert defaults == Entry.DEFAULTS


def test_a_file_read_back_from_the_cache_has_the_items_parsing_gave(tmp_path: Path) -> None:
    path = tmp_path / "closing.call.yaml"
    path.write_text(
        "function: closing.call\n"
        "entries:\n"
        "  - id: closing.call.a\n    text: 同志们，要开好。\n    tags: [作风]\n    sources: [a.txt:3]\n"
        "  - id: closing.call.b\n    text: 同志们，{nope}\n    sources: [a.txt:4]\n"
        "  - {id: closing.call.c, status: deprecated}\n",
        encoding="utf-8",
    )
    fresh, findings = parse_bank_file(path)
    cached, again = parse_bank_file(path)
    assert findings == again == []
    assert not isinstance(fresh.items, CachedItems)
    assert isinstance(cached.items, CachedItems)
    assert [cached.items.is_clean(i) for i in range(3)] == [True, False, False]
    assert cached.items.functions[0] == "closing.call" and cached.items.tags[0] == ("作风",)
    assert cached.items.position_of("closing.call.c") == 2
    assert list(cached.items) == list(fresh.items)
    assert cached.items[1:] == list(fresh.items[1:])


def test_a_cache_whose_entries_file_is_gone_or_cut_short_is_not_used(tmp_path: Path) -> None:
    from drafter.bank import cache

    path = tmp_path / "closing.thanks.yaml"
    path.write_text(
        "function: closing.thanks\nentries:\n  - {id: closing.thanks.a, text: 谢谢！, sources: [a.txt:1]}\n"
    )
    fresh, _ = parse_bank_file(path)
    (body,) = cache.cache_dir().glob("bank/*/*.bytes")
    body.write_bytes(body.read_bytes()[:-1])
    again, _ = parse_bank_file(path)
    assert not isinstance(again.items, CachedItems) and list(again.items) == list(fresh.items)
    body.unlink()
    assert not isinstance(parse_bank_file(path)[0].items, CachedItems)
    assert isinstance(parse_bank_file(path)[0].items, CachedItems)  # written again meanwhile
