"""The tables a loaded bank is made of: entries by id and where each was defined.

Both hold what a warm load read from the bank cache as it is (a file's `CachedItems`) and make
an entry, or its origin, only when it is first asked for; see `drafter.bank.load`.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, ItemsView, Iterator, Mapping, MutableMapping, ValuesView
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from drafter.bank.model import Entry
from drafter.bank.parse import ENTRY_FIELDS, CachedItems, Head, ParsedItem, entry_of
from drafter.vocabulary import kind_name


class BankFileRef(NamedTuple):
    """One bank file of one layer."""

    path: Path
    folder: Path  # the bank folder (its layer)
    layer: int  # 0 for the lowest layer loaded
    function: str  # the function the file declares


class Origin(NamedTuple):
    """Where one layer defined (or overrode) an entry."""

    file: BankFileRef
    item: ParsedItem

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def folder(self) -> Path:
        return self.file.folder

    @property
    def layer(self) -> int:
        return self.file.layer

    @property
    def line(self) -> int:
        return self.item.line

    @property
    def given(self) -> tuple[str, ...]:
        """The fields this layer wrote."""
        return self.item.given

    @property
    def source_lines(self) -> tuple[int, ...]:
        return self.item.source_lines

    def line_of(self, name: str) -> int:
        """The line of one field in this definition, else the entry's line."""
        return self.item.key_lines.get(name, self.item.line)


class EntryTable(MutableMapping[str, Entry]):
    """Entries by id, in bank order; an entry read from a (cached) row is built on first access.

    Building 50,000 pydantic objects takes longer than loading them, and a draft reads only a few
    functions, so `Bank.draftable` filters on the rows and builds only what it returns. An entry
    from the bank cache is not even decoded until then: its slot holds the file's `CachedItems`
    (and keeps it once the entry is built, in `_built`, so that what is known of the file as a
    whole, its tags, stays true while all its entries are here).
    """

    def __init__(self, entries: Mapping[str, Entry] | None = None) -> None:
        self._slots: dict[str, Entry | ParsedItem | CachedItems] = dict(entries or {})
        self._files: list[CachedItems] = []  # whose entries were added at once (`put_cached`)
        # of those, the files whose ids are not in `_slots` yet (`put_cached(..., known=True)`)
        self._pending: list[CachedItems] = []
        self._pending_of: dict[str, list[CachedItems]] = {}  # function -> those of them holding it
        self._live: dict[int, int] = {}  # id of one of `_files` -> how many of its entries are still here
        self._built: dict[str, Entry] = {}  # entries built from a slot holding `CachedItems`
        self._loose = set(self._slots)  # the ids whose slot does not hold `CachedItems`
        # (function, status) -> ids in bank order and their heads (kinds, type, domain); kept up
        # as rows are added, rebuilt after other changes
        self._index: dict[tuple[str, str], tuple[list[str], list[Head]]] | None = None if entries else {}
        self._unindexed: list[CachedItems] = []  # files added since, whose groups `_index` lacks
        self._version = next(_VERSIONS)

    @property
    def version(self) -> int:
        """A number no other table and no other state of this one has: what drafts derive from
        the entries (`Bank.memo`) is keyed by it, so a change to any entry makes it stale."""
        return self._version

    def content_key(self) -> str | None:
        """The content keys of the bank files, in order, when every entry here is one of theirs
        as cached (`put_cached`), none changed or left out: what is derived from the entries can
        then be cached on disk under it (`compose.select.Catalog`). None otherwise."""
        files = self._files
        if self._loose or any(self._live[id(items)] != len(items) for items in files):
            return None
        return ",".join(items.key for items in files)

    def put_row(self, item: ParsedItem) -> None:
        """Add (or replace) an entry by its schema-valid row, to be built when first read."""
        assert item.id is not None and item.row is not None
        self._settle()
        self._version = next(_VERSIONS)
        if item.id in self._slots:
            self._index, self._unindexed = None, []
            self._forget(item.id)
        elif (index := self._indexed()) is not None:
            _note(index, item.id, item.row)
        self._slots[item.id] = item
        self._loose.add(item.id)

    def add_row(self, item: ParsedItem, row: tuple[Any, ...]) -> None:
        """`put_row` for a new id, without noting the change (`changed`, once for many rows)."""
        assert item.id is not None
        self._settle()
        self._slots[item.id] = item
        self._loose.add(item.id)
        if (index := self._indexed()) is not None:
            _note(index, item.id, row)

    def changed(self) -> None:
        """Note that entries were added (`add_row`): what was derived from them is stale."""
        self._version = next(_VERSIONS)

    def put_cached(self, items: CachedItems, *, known: bool = False) -> None:
        """Add the entries of a file's cached items, all clean and new, to be decoded when first read.

        `known`: the ids are known to be new (`drafter.bank.load`: a stack of files found so
        before): they are put in the table only when an id is looked up that the files of its
        function do not hold (`of_function`), or the table is walked or changed (`_settle`). A warm
        draft from a 50k bank then puts none of its 50,000 ids in."""
        self._version = next(_VERSIONS)
        if known:
            self._pending.append(items)
            self._pending_of.clear()
        else:
            self._slots.update(dict.fromkeys(items.ids, items))
        self._files.append(items)
        self._live[id(items)] = len(items)
        if self._index is not None:
            self._unindexed.append(items)  # their groups are read only if asked for (`_indexed`)

    def _indexed(self) -> dict[tuple[str, str], tuple[list[str], list[Head]]] | None:
        """`_index`, with the groups of the files added since (`put_cached`) put in, in order."""
        if (index := self._index) is not None and self._unindexed:
            for items in self._unindexed:
                for group, (keys, heads) in items.groups.items():
                    found, heads_of = index.setdefault(group, ([], []))
                    found.extend(keys)
                    heads_of.extend(heads)
        self._unindexed.clear()
        return index

    def _settle(self) -> None:
        """Put the ids of the files added as `known` in `_slots`."""
        if self._pending:
            for items in self._pending:
                self._slots.update(dict.fromkeys(items.ids, items))
            self._pending.clear()
            self._pending_of.clear()

    def of_function(self, function: str, key: str) -> Entry:
        """`self[key]` for an entry of `function`: of the files added as `known`, only those
        holding entries of `function` are looked in (for any other id, all are: `_settle`)."""
        if self._pending and key not in self._slots:
            if (built := self._built.get(key)) is not None:
                return built
            if (files := self._pending_of.get(function)) is None:
                files = self._pending_of[function] = [f for f in self._pending if f.has_function(function)]
            for items in files:
                if (at := items.find(key)) is not None:
                    return self._cached_entry(items, key, at)
        return self[key]

    def _cached_entry(self, items: CachedItems, key: str, at: int) -> Entry:
        if (built := self._built.get(key)) is None:
            item = items[at]
            assert item.row is not None
            built = self._built[key] = entry_of(item.row, item.given)
        return built

    def __getitem__(self, key: str) -> Entry:
        if (value := self._slots.get(key)) is None:
            if (built := self._built.get(key)) is not None:
                return built  # of a file added as `known`, found by `of_function`
            self._settle()
            value = self._slots[key]
        if isinstance(value, Entry):
            return value
        if isinstance(value, CachedItems):
            return self._cached_entry(value, key, value.position_of(key))
        assert value.row is not None
        entry = self._slots[key] = entry_of(value.row, value.given)
        return entry

    def build_all(self) -> None:
        """Build every entry now (what reading them all would do one by one, without the cyclic
        collector's passes over the many objects made: see `paused_gc`)."""
        self._settle()
        with paused_gc():
            for key, value in self._slots.items():
                if not isinstance(value, Entry) and key not in self._built:
                    self[key]

    def values(self) -> ValuesView[Entry]:
        self.build_all()
        return super().values()

    def items(self) -> ItemsView[str, Entry]:
        self.build_all()
        return super().items()

    def __setitem__(self, key: str, value: Entry) -> None:
        self._settle()
        self._forget(key)
        self._slots[key] = value
        self._loose.add(key)
        self._index, self._unindexed = None, []
        self._version = next(_VERSIONS)

    def __delitem__(self, key: str) -> None:
        self._settle()
        self._forget(key)
        del self._slots[key]
        self._loose.discard(key)
        self._index, self._unindexed = None, []
        self._version = next(_VERSIONS)

    def _forget(self, key: str) -> None:
        """Before an entry's slot changes: a cached file no longer has all its entries here."""
        if isinstance(old := self._slots.get(key), CachedItems):
            self._live[id(old)] -= 1
            self._built.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        self._settle()
        return iter(self._slots)

    def __len__(self) -> int:  # the files added as `known` hold ids of their own
        return len(self._slots) + sum(len(items) for items in self._pending)

    def __contains__(self, key: object) -> bool:
        if key in self._slots or key in self._built:
            return True
        self._settle()
        return key in self._slots

    def _head(self, key: str) -> tuple[str, str, tuple[str, ...], tuple[str, ...], Head] | None:
        """An entry's function, status, kinds, tags and `Head`, without building (or decoding)
        it; None for a row that is not valid (never stored, but typed so)."""
        value = self._slots[key]
        if isinstance(value, Entry):
            head = (value.kinds, value.type, value.domain)
            return value.function, value.status, value.kinds, value.tags, head
        if isinstance(value, CachedItems):
            at = value.position_of(key)
            head = (value.kinds[at], value.types[at], value.domains[at])
            return value.functions[at], value.statuses[at], value.kinds[at], value.tags[at], head
        row = value.row
        return None if row is None else (row[_FUNCTION], row[_STATUS], row[_KINDS], row[_TAGS], _head_of(row))

    def ids_where(
        self,
        function: str,
        status: str,
        kind: str | None = None,
        fits: Callable[[str | None, str | None], bool] | None = None,
    ) -> list[str]:
        """Ids of the entries of one function and status, in bank order, without building others;
        with `kind`, only those serving that speech kind (`kinds` empty or naming it); with
        `fits`, only those whose type and domain it accepts.

        The first call indexes every entry by function and status (one pass over the rows); later
        calls, for the other functions a draft asks for, are lookups.
        """
        if (index := self._indexed()) is None:
            self._settle()
            index = {}
            for key in self._slots:
                if (known := self._head(key)) is not None:
                    keys_of, heads_of = index.setdefault((known[0], known[1]), ([], []))
                    keys_of.append(key)
                    heads_of.append(known[4])
            self._index = index
        keys, heads = index.get((function, status), ([], []))
        if kind is None and fits is None:
            return list(keys)
        serves: dict[Head, bool] = {}  # a bank has few distinct heads
        found = []
        for key, head in zip(keys, heads, strict=True):
            if (ok := serves.get(head)) is None:
                names = head[0]
                ok = kind is None or not names or kind in names or any(kind_name(k) == kind for k in names)
                ok = serves[head] = ok and (fits is None or fits(head[1], head[2]))
            if ok:
                found.append(key)
        return found

    def tags(self) -> set[str]:
        """Every tag that some entry carries, without building (or decoding) the entries: those of
        a cached file whose entries are all still here at once (`CachedItems.all_tags`)."""
        found: set[str] = set()
        for items in self._files:
            if (live := self._live[id(items)]) == len(items):
                found.update(items.all_tags)
            elif live:
                found.update(
                    *(items.tags[at] for at, key in enumerate(items.ids) if self._slots.get(key) is items)
                )
        for key in self._loose:
            if (head := self._head(key)) is not None:
                found.update(head[3])
        return found


class OriginTable(MutableMapping[str, tuple[Origin, ...]]):
    """`Bank.origins`: each entry's definitions; an entry defined once, in a cached file, gets its
    `Origin` made when first asked for (a draft asks for none of 50,000).

    The cached files' ids are not even copied in until the table is first used (`_table`): a
    draft never uses it, and copying 50,000 ids costs a tenth of a draft.
    """

    def __init__(self, chains: Mapping[str, tuple[Origin, ...]] | None = None) -> None:
        # an entry's chain, or for one defined once in a cached file, the file and its items
        self._chains: dict[str, tuple[Origin, ...] | tuple[BankFileRef, CachedItems]] = dict(chains or {})
        # cached files whose ids are still to be added to `_chains`, in order
        self._pending: list[tuple[BankFileRef, CachedItems]] = []

    @property
    def _table(self) -> dict[str, tuple[Origin, ...] | tuple[BankFileRef, CachedItems]]:
        """`_chains`, with the cached files put in so far added (in the order they were put)."""
        if self._pending:
            for file, items in self._pending:
                self._chains.update(dict.fromkeys(items.ids, (file, items)))
            self._pending.clear()
        return self._chains

    def put_cached(self, file: BankFileRef, items: CachedItems) -> None:
        """The one definition of each entry of a file's cached items."""
        self._pending.append((file, items))

    def add_new(self, key: str, chain: tuple[Origin, ...]) -> None:
        """`self[key] = chain` for a key not here yet."""
        self._table[key] = chain

    def __getitem__(self, key: str) -> tuple[Origin, ...]:
        table = self._table
        value = table[key]
        if len(value) == 2 and isinstance(value[1], CachedItems):
            file, items = value
            assert isinstance(file, BankFileRef)
            chain = table[key] = (Origin(file, items[items.position_of(key)]),)
            return chain
        return value  # a chain of origins

    def __setitem__(self, key: str, value: tuple[Origin, ...]) -> None:
        self._table[key] = value

    def __delitem__(self, key: str) -> None:
        del self._table[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, key: object) -> bool:
        return key in self._table


def _note(index: dict[tuple[str, str], tuple[list[str], list[Head]]], key: str, row: tuple[Any, ...]) -> None:
    """Add an entry, by its row, to an `EntryTable` index."""
    keys, heads = index.setdefault((row[_FUNCTION], row[_STATUS]), ([], []))
    keys.append(key)
    heads.append(_head_of(row))


def _head_of(row: tuple[Any, ...]) -> Head:
    return row[_KINDS], row[_TYPE], row[_DOMAIN]


_VERSIONS = itertools.count()
_FUNCTION = ENTRY_FIELDS.index("function")
_STATUS = ENTRY_FIELDS.index("status")
_TAGS = ENTRY_FIELDS.index("tags")
_KINDS = ENTRY_FIELDS.index("kinds")
_TYPE = ENTRY_FIELDS.index("type")
_DOMAIN = ENTRY_FIELDS.index("domain")


@contextmanager
def paused_gc(*, freeze: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects that form no cycles.

    Loading a large bank makes hundreds of thousands of objects; the collector's passes over them
    would cost more than the load itself, during the load and after it. So when the collector was
    on, what exists at the end is moved to its permanent generation (`gc.freeze`, unless `freeze`
    is false): never scanned again, still freed by reference counting as soon as it is dropped
    (bank data holds no cycles).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if freeze:
                gc.freeze()
            gc.enable()
