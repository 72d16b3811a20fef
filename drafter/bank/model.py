"""The phrase-bank entry: the one format the bank files, the miner and the drafter share.

A bank folder holds YAML files, one per function (`closing.call.yaml`), each a mapping:

    function: closing.call
    entries:
      - id: closing.call.shidai-huhuan
        text: 同志们，时代呼唤担当，奋斗成就梦想，……
        tags: [担当]
        kinds: [closing_remarks]
        status: approved
        sources: ["004_f2a58c95e92b24d2.txt:40"]
        note: 004 的结尾号召

Sources are `FILE:LINE`, FILE relative to the bank folder's `corpus/` subfolder (where the bank
keeps the speeches it cites) or to a corpus folder named on the command line.
`text` may hold named slots (`{occasion}`, see `drafter.vocabulary.SLOTS`). A heading set's
`text` is its skeleton (`{X}要更{Y}`) and `members` gives each member's slot values.

`Entry` is a plain frozen record: a draft builds its entries from the bank cache's rows without
importing pydantic (issue 12). Entries read from YAML are validated by the pydantic models of
`drafter.bank.entry_model` (`validate_entry`), which also write the bank file's JSON Schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from drafter.bank.slots import fill, slots_of
from drafter.record import Record

if TYPE_CHECKING:
    from drafter.bank import entry_model

ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9][a-z0-9_-]*)+$"
SOURCE_PATTERN = r"^[^:]+:[1-9][0-9]*$"

Status = Literal["approved", "candidate", "deprecated"]
EntryType = Literal["formula", "material"]
SpeakerRole = Literal["convener", "guest", "closing"]

__all__ = ["ID_PATTERN", "SOURCE_PATTERN", "Entry", "Mined", "fill", "slots_of", "validate_entry"]


class Mined(Record):
    """What the miner measured for a candidate: in how many documents, how often, how good."""

    FIELDS = ("documents", "count", "score")
    __slots__ = FIELDS
    documents: int
    count: int
    score: float


class Entry(Record):
    """One reusable formula, traceable to where it was found (fields: `entry_model.Entry`).

    No `__slots__`: an entry built from a cached row takes the row's dict as its `__dict__`.
    """

    FIELDS = (
        "id",
        "text",
        "function",
        "tags",
        "kinds",
        "type",
        "domain",
        "roles",
        "status",
        "sources",
        "members",
        "note",
        "mined",
    )
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "function": "",
        "tags": (),
        "kinds": (),
        "type": None,
        "domain": None,
        "roles": (),
        "status": "approved",
        "members": None,
        "note": None,
        "mined": None,
    }
    id: str
    text: str
    function: str
    tags: tuple[str, ...]
    kinds: tuple[str, ...]
    type: EntryType | None
    domain: str | None
    roles: tuple[SpeakerRole, ...]
    status: Status
    sources: tuple[str, ...]
    members: tuple[dict[str, str], ...] | None
    note: str | None
    mined: Mined | None

    @property
    def slots(self) -> tuple[str, ...]:
        return slots_of(self.text)

    def member_texts(self) -> tuple[str, ...]:
        """A heading set's members as text (empty for other entries)."""
        return tuple(fill(self.text, m) for m in self.members or ())


def validate_entry(data: Any) -> Entry:
    """The entry of `data` as pydantic validates it; pydantic's `ValidationError` when it is not valid."""
    return entry_from_model(_entry_model().model_validate(data))


@cache
def _entry_model() -> type[entry_model.Entry]:
    from drafter.bank.entry_model import Entry as EntryModel  # pydantic: only where YAML is read

    return EntryModel


def entry_from_model(model: entry_model.Entry) -> Entry:
    """A validated pydantic entry as an `Entry`, with the same fields given."""
    values = {name: getattr(model, name) for name in Entry.FIELDS}
    if model.mined is not None:
        mined = {name: getattr(model.mined, name) for name in Mined.FIELDS}
        values["mined"] = Mined(fields_set=model.mined.model_fields_set, **mined)
    return entry_with(values, model.model_fields_set)


_new = object.__new__
_set = object.__setattr__


def entry_with(values: dict[str, Any], given: Iterable[str]) -> Entry:
    """The entry whose `__dict__` is `values` (every field, valid already): much cheaper than
    `Entry(**values)`, for the thousands of entries a draft builds from the bank cache."""
    entry: Entry = _new(Entry)
    _set(entry, "__dict__", values)
    _set(entry, "fields_set", frozenset(given))
    return entry
