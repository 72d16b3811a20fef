"""Entries built from cached rows equal what pydantic's own `model_construct` would build."""

from __future__ import annotations

from drafter.bank.model import Entry, Mined
from drafter.bank.parse import ENTRY_FIELDS, entry_of, row_of


def _entry(**extra: object) -> Entry:
    data = {"id": "closing.call.x", "text": "同志们，{occasion}要开好。", "function": "closing.call"}
    data.update({"sources": ("a.txt:3",), "tags": ("作风",), **extra})
    return Entry.model_validate(data)


def test_row_entry_matches_model_construct() -> None:
    for entry in (_entry(), _entry(mined={"documents": 2, "count": 3, "score": 1.5}, note="n")):
        given = ("id", "text", "sources", "tags")
        built = entry_of(row_of(entry), given)
        values = dict(zip(ENTRY_FIELDS, row_of(entry), strict=True))
        if values["mined"] is not None:
            values["mined"] = Mined.model_construct(**values["mined"])
        expected = Entry.model_construct(_fields_set=set(given), **values)
        assert built == expected
        assert built.__pydantic_fields_set__ == expected.__pydantic_fields_set__
        assert built.__pydantic_extra__ == expected.__pydantic_extra__
        assert built.__pydantic_private__ == expected.__pydantic_private__
        assert built.model_dump() == entry.model_dump()
        assert built.slots == ("occasion",)
        if built.mined is not None:
            assert built.mined.__pydantic_fields_set__ == {"documents", "count", "score"}
