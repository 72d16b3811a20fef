"""Reading one phrase-bank file: every entry checked on its own, with the line of every field.

The result is plain data (cacheable by content, see `drafter.bank.cache`): entries that are valid
on their own as value rows, the others as the data written (a later layer may give only the fields
it changes, so `drafter.bank.load` decides once it knows the layers below), and every problem with
its line. File-level problems (not UTF-8, bad YAML, a list where a mapping belongs) are findings.
"""

from __future__ import annotations

import functools
import marshal
import mmap
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from drafter.bank import cache
from drafter.bank.cache_keys import known_key, read_with_key
from drafter.bank.checks import (
    entry_problems,
    function_problem,
    kind_of,
    loc_text,
    schema_problems,
    slot_problems,
)
from drafter.bank.model import Entry, Mined, entry_with, validate_entry
from drafter.errors import Finding, InputFileError, display_path
from drafter.yamlfile import LocatedDict, LocatedList, decode_user_text, line_of, parse_yaml

if TYPE_CHECKING:
    from pydantic import ValidationError

ENTRY_FIELDS: tuple[str, ...] = Entry.FIELDS
FILE_KEYS: tuple[str, ...] = ("function", "entries")  # `entry_model.BankFile`'s fields


class ParsedItem(NamedTuple):
    """One entry as written in one file."""

    position: int  # its place in the file's entries list
    line: int
    id: str | None
    given: tuple[str, ...]  # the keys written in the file
    row: tuple[Any, ...] | None  # field values in ENTRY_FIELDS order, when valid on its own
    raw: dict[str, Any] | None  # the data as written, when not
    given_lines: tuple[int, ...]  # the line of each key in `given`
    source_lines: tuple[int, ...]
    problems: tuple[tuple[int, str, str], ...]  # (line, field path, message) when standing alone

    @property
    def key_lines(self) -> dict[str, int]:
        """The line of each key written in the file."""
        return dict(zip(self.given, self.given_lines, strict=True))

    def label(self) -> str:
        """How findings name this entry: its id, else its place in the file."""
        return self.id or f"entries[{self.position}]"


class ParsedFile(NamedTuple):
    """One bank file: its function and its entries, in file order."""

    function: str
    items: Sequence[ParsedItem]


_COLUMNS = tuple(
    ENTRY_FIELDS.index(name) for name in ("function", "status", "kinds", "tags", "type", "domain")
)

# What a draft filters a function's entries by before building any (`EntryTable.ids_where`): an
# entry's kinds, type and domain.
Head = tuple[tuple[str, ...], str | None, str | None]


class CachedItems(Sequence[ParsedItem]):
    """A file's entries read back from the cache, each decoded only when first read.

    A draft reads a few hundred entries of a 50,000-entry bank; decoding all of them would cost
    more than the rest of the draft. What stacking layers and choosing a draft's entries need
    without decoding (`ids`; `is_clean`; of clean entries the function, status, kinds, tags, type
    and domain; the clean entries' ids and heads, `Head`, by function and status, `groups`; every
    tag, `all_tags`; whether the ids are `unique`) is kept in columns beside the encoded entries.
    An entry is clean when it has an id, a row and no problems of its own.
    """

    def __init__(self, columns: tuple[Any, ...], body: bytes | mmap.mmap, key: str) -> None:
        """`body`: the entries, encoded one after the other (bytes, or the cache file mapped);
        `key`: the file's content key (`bank_file_key`), which names what is derived from them."""
        self.key = key
        # the ids and `groups`, encoded: a warm draft from a bank found to hold no id twice
        # needs neither (`EntryTable.put_cached`), and 50,000 ids cost a tenth of a draft
        self._ids_encoded: bytes = columns[0]
        self._ids: tuple[Any, ...] | None = None
        heads, clean, offsets, _ = columns[1:5]
        self._body = body
        self._groups_encoded: bytes = columns[5]
        self._groups: dict[tuple[str, str], tuple[tuple[str, ...], tuple[Head, ...]]] | None = None
        self.all_tags: tuple[str, ...] = columns[6]
        self.unique: bool = columns[7] is True  # whether no two entries share an id
        self._functions = frozenset(columns[8])  # of the clean entries (`has_function`)
        # each entry's function, status, kinds, tags, type and domain, encoded: needed only when a
        # bank changes after loading or loses some of a file's entries, so decoded then (`_heads`)
        self._heads_encoded: bytes = heads
        self._heads: tuple[tuple[Any, ...], ...] | None = None
        self._clean: bytes = clean
        self._offsets = array("I", offsets)
        self._decoded: list[ParsedItem | None] = [None] * len(clean)
        self._where: dict[str, int] | None = None
        if len(self._offsets) != len(clean) + 1:
            raise ValueError("inconsistent cached columns")

    @property
    def ids(self) -> tuple[Any, ...]:
        """Each entry's id (str, or None for an entry without one)."""
        if self._ids is None:
            self._ids = marshal.loads(self._ids_encoded)
            if len(self._ids) != len(self._clean):
                raise ValueError("inconsistent cached columns")
        return self._ids

    @property
    def groups(self) -> dict[tuple[str, str], tuple[tuple[str, ...], tuple[Head, ...]]]:
        """The clean entries' ids and heads by function and status, in file order."""
        if self._groups is None:
            self._groups = marshal.loads(self._groups_encoded)
        return self._groups

    def _columns(self) -> tuple[tuple[Any, ...], ...]:
        if self._heads is None:
            self._heads = marshal.loads(self._heads_encoded)
        return self._heads

    @property
    def functions(self) -> tuple[Any, ...]:  # None for an entry that is not clean
        return self._columns()[0]

    @property
    def statuses(self) -> tuple[Any, ...]:  # None for an entry that is not clean
        return self._columns()[1]

    @property
    def kinds(self) -> tuple[Any, ...]:  # None for an entry that is not clean
        return self._columns()[2]

    @property
    def tags(self) -> tuple[Any, ...]:  # None for an entry that is not clean
        return self._columns()[3]

    @property
    def types(self) -> tuple[Any, ...]:  # None for an entry that is not clean (or untyped)
        return self._columns()[4]

    @property
    def domains(self) -> tuple[Any, ...]:  # None for an entry that is not clean (or of no field)
        return self._columns()[5]

    def is_clean(self, index: int) -> bool:
        return self._clean[index] == 1

    def all_clean(self) -> bool:
        return self._clean.count(1) == len(self._clean)

    def position_of(self, key: str) -> int:
        """The place of the (first) entry with id `key`."""
        if self._where is None and self.unique:
            self._where = dict(zip(self.ids, range(len(self.ids)), strict=True))
        elif self._where is None:  # the first of equal ids wins: written last
            self._where = dict(zip(reversed(self.ids), range(len(self.ids) - 1, -1, -1), strict=True))
        return self._where[key]

    def find(self, key: str) -> int | None:
        """`position_of(key)`, or None when no entry here has that id."""
        try:
            return self.position_of(key)
        except KeyError:
            return None

    def has_function(self, function: str) -> bool:
        """Whether some clean entry here is of `function`."""
        return function in self._functions

    def __len__(self) -> int:
        return len(self._clean)

    @overload
    def __getitem__(self, index: int) -> ParsedItem: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ParsedItem]: ...
    def __getitem__(self, index: int | slice) -> ParsedItem | Sequence[ParsedItem]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if (item := self._decoded[index]) is None:
            start, end = self._offsets[index], self._offsets[index + 1]
            item = self._decoded[index] = ParsedItem._make(marshal.loads(self._body[start:end]))
        return item


def cached_columns(items: Sequence[ParsedItem]) -> tuple[tuple[Any, ...], bytes]:
    """What the cache keeps of a file's entries, for `CachedItems` (plain data: marshal writes it),
    and the entries encoded one after the other (kept beside it, to be mapped into memory)."""
    shared: dict[Any, Any] = {}

    def one(value: Any) -> Any:  # one object per distinct value, so marshal writes each once
        return shared.setdefault(value, sys.intern(value) if isinstance(value, str) else value)

    clean = [item.id is not None and item.row is not None and not item.problems for item in items]
    rows = [item.row if ok and item.row is not None else None for item, ok in zip(items, clean, strict=True)]
    blobs = [marshal.dumps(tuple(item)) for item in items]
    offsets = array("I", [0])
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    ids = tuple(item.id for item in items)
    heads = tuple(tuple(one(row[field]) if row else None for row in rows) for field in _COLUMNS)
    _, _, kinds, tags, types, domains = heads
    grouped: dict[tuple[str, str], tuple[list[str], list[Head]]] = {}
    for at, (item, row) in enumerate(zip(items, rows, strict=True)):
        if row is not None and item.id is not None:
            keys, heads_of = grouped.setdefault((one(row[_COLUMNS[0]]), one(row[_COLUMNS[1]])), ([], []))
            keys.append(item.id)
            heads_of.append(one((kinds[at], types[at], domains[at])))
    groups = {group: (tuple(keys), tuple(heads_of)) for group, (keys, heads_of) in grouped.items()}
    every_tag = tuple(sorted({tag for found in tags if found for tag in found}))
    body = b"".join(blobs)
    columns = (
        marshal.dumps(ids),
        marshal.dumps(heads),
        bytes(clean),
        offsets.tobytes(),
        len(body),
        marshal.dumps(groups),
        every_tag,
        len(set(ids)) == len(ids),
        tuple(sorted({function for function, _ in groups})),
    )
    return columns, body


# Cached rows follow these field lists: a change to either makes earlier cache files unreachable.
CACHE_SALT = "columns-7;" + ",".join(ParsedItem._fields) + ";" + ",".join(ENTRY_FIELDS)


def row_of(entry: Entry) -> tuple[Any, ...]:
    """An entry's field values as plain data."""
    return tuple(
        (value.dump() if isinstance(value, Mined) else value)
        for value in (getattr(entry, name) for name in ENTRY_FIELDS)
    )


def entry_of(row: tuple[Any, ...], given: tuple[str, ...]) -> Entry:
    """The entry of a row that was validated when it was made (no second validation)."""
    values = dict(zip(ENTRY_FIELDS, row, strict=True))
    mined = values["mined"]
    if mined is not None:
        values["mined"] = Mined(fields_set=mined, **mined)
    return entry_with(values, given)


@functools.cache
def _validation_error() -> type[ValidationError]:
    from pydantic import ValidationError  # only where YAML is read, never from the cache

    return ValidationError


def plain(data: Any) -> Any:
    """Located YAML data as ordinary dicts and lists."""
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(value) for value in data]
    return data


_GIVEN: dict[tuple[str, ...], tuple[str, ...]] = {}


def _interned(given: tuple[str, ...]) -> tuple[str, ...]:
    """One shared tuple per combination of keys, so the cache stores each combination once."""
    return _GIVEN.setdefault(given, given)


def parse_item(index: int, item: LocatedDict, file_function: str) -> ParsedItem:
    """Check one entry on its own; `function` defaults to the file's."""
    raw_id = item.get("id")
    entry_id = raw_id if isinstance(raw_id, str) and raw_id else None
    given = _interned(tuple(str(key) for key in item))
    data = dict(item)
    data.setdefault("function", file_function)
    row: tuple[Any, ...] | None = None
    raw: dict[str, Any] | None = None
    try:
        entry = validate_entry(data)
    except _validation_error() as exc:
        problems = schema_problems(exc)
        if isinstance(item.get("text"), str) and isinstance(data["function"], str):
            problems += slot_problems(item["text"], data["function"])
        raw = plain(item)
    else:
        problems = entry_problems(entry, function_given="function" in item)
        row = row_of(entry)
    sources = item.get("sources")
    return ParsedItem(
        position=index,
        line=item.line,
        id=entry_id,
        given=given,
        row=row,
        raw=raw,
        given_lines=tuple(item.key_lines[key] for key in item),
        source_lines=tuple(sources.item_lines) if isinstance(sources, LocatedList) else (),
        problems=tuple((line_of(item, loc) or item.line, loc_text(loc), msg) for loc, msg in problems),
    )


def _parse_data(data: Any, shown: str) -> tuple[ParsedFile, list[Finding]]:
    findings: list[Finding] = []
    if not isinstance(data, LocatedDict):
        line = getattr(data, "line", None)
        message = f"expected a mapping with `function:` and `entries:`, found {kind_of(data)}"
        return ParsedFile("", ()), [Finding(shown, line, "", message)]
    for key in data:
        if key not in FILE_KEYS:
            findings.append(
                Finding(shown, data.key_lines[key], str(key), "unknown key (expected function, entries)")
            )
    function = data.get("function")
    if "function" not in data:
        findings.append(
            Finding(shown, data.line, "function", "missing: say which function the file's entries have")
        )
    elif not isinstance(function, str):
        message = f"expected text, found {kind_of(function)}"
        findings.append(Finding(shown, data.key_lines["function"], "function", message))
    elif why := function_problem(function):
        findings.append(Finding(shown, data.key_lines["function"], "function", why))
    file_function = function if isinstance(function, str) else ""
    entries = data.get("entries", LocatedList())
    if not isinstance(entries, LocatedList):
        line = data.key_lines.get("entries")
        return ParsedFile(file_function, ()), [
            *findings,
            Finding(shown, line, "entries", f"expected a list of entries, found {kind_of(entries)}"),
        ]
    items: list[ParsedItem] = []
    for index, item in enumerate(entries):
        if isinstance(item, LocatedDict):
            items.append(parse_item(index, item, file_function))
        else:
            message = f"expected a mapping (one entry with id, text, ...), found {kind_of(item)}"
            findings.append(Finding(shown, entries.item_lines[index], f"entries[{index}]", message))
    return ParsedFile(file_function, tuple(items)), findings


def parse_bank_file(path: Path) -> tuple[ParsedFile, list[Finding]]:
    """One bank file, checked; findings are file-level problems (the entries carry their own)."""
    if (cached := known_parse(path)) is not None:
        return cached, []
    try:
        data, key = read_with_key(path, CACHE_SALT)
    except OSError as exc:
        return ParsedFile("", ()), [Finding(display_path(path), None, "", f"cannot read: {exc.strerror}")]
    return parse_bank_bytes(path, data, key)


def known_parse(path: Path) -> ParsedFile | None:
    """The cached parse of `path`, when the file's key is known without reading it (`cache_keys`)."""
    key = known_key(path, CACHE_SALT)
    return None if key is None else read_cached(key)


def bank_file_key(data: bytes) -> str:
    """The cache key of a bank file's bytes."""
    return cache.content_key(data, CACHE_SALT)


def read_cached(key: str) -> ParsedFile | None:
    """The parsed file cached under `key`, if any."""
    if (cached := cache.read(key)) is not None:
        try:
            function, columns = cached
            if (body := cache.mapped(key, columns[4])) is not None:
                return ParsedFile(function, CachedItems(columns, body, key))
        except (TypeError, ValueError, IndexError):
            pass  # a cache from another shape of data: parse again
    return None


def parse_bank_bytes(path: Path, data: bytes, key: str | None = None) -> tuple[ParsedFile, list[Finding]]:
    """`parse_bank_file` of bytes already read from `path` (`key`: their cache key, if known)."""
    shown = display_path(path)
    key = key or bank_file_key(data)
    if (cached := read_cached(key)) is not None:
        return cached, []
    try:
        text = decode_user_text(data, shown, what="bank file")
        if not text.strip():
            return ParsedFile("", ()), [
                Finding(shown, None, "", "is empty, expected `function:` and `entries:`")
            ]
        tree = parse_yaml(text, shown)
    except InputFileError as exc:
        return ParsedFile("", ()), list(exc.findings)
    parsed, findings = _parse_data(tree, shown)
    if not findings:
        columns, body = cached_columns(parsed.items)
        cache.write_bytes(key, body)  # first: the columns say the entries are there
        cache.write(key, (parsed.function, columns))
    return parsed, findings
