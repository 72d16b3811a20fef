"""Loading bank folders and stacking them: built-in, then a team's, then a writer's.

A later folder adds entries and overrides an earlier folder's entry with the same id; an override
may give only the fields it changes (`{id: x, status: deprecated}`), merged over the entry below.
Every problem in every file is collected; `load_bank` raises one `BankError` with all of them, so a
bank is either loaded whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from drafter.bank import cache
from drafter.bank.checks import entry_problems, loc_text, schema_problems
from drafter.bank.folder import folder_files, skipped_finding
from drafter.bank.lock import interrupted_edit
from drafter.bank.model import Entry, validate_entry
from drafter.bank.parallel import parse_in_parallel
from drafter.bank.parse import ENTRY_FIELDS, CachedItems, ParsedFile, ParsedItem, parse_bank_file
from drafter.bank.tables import BankFileRef, EntryTable, Origin, OriginTable, paused_gc
from drafter.errors import BankError, Finding, display_path, display_paths
from drafter.package_data import package_dir

# the tables are defined in `drafter.bank.tables` and named here too, with the bank they make up
__all__ = [
    "Bank",
    "BankFileRef",
    "EntryTable",
    "Origin",
    "OriginTable",
    "assemble",
    "bank_layers",
    "builtin_bank_dir",
    "load_bank",
    "load_folder",
    "paused_gc",
]


def builtin_bank_dir() -> Path:
    """The folder of the built-in bank, shipped as package data."""
    return package_dir("drafter.phrasebank")


class Bank:
    """Entries by id after layering; `origins` tells where each was defined, lowest layer first.

    A plain class, not a dataclass: defining a dataclass costs a draft about half a millisecond
    at import (issue 12), and a bank is never compared or shown whole.
    """

    def __init__(
        self,
        entries: Mapping[str, Entry] | None = None,  # a plain dict is put in an `EntryTable`
        origins: Mapping[str, tuple[Origin, ...]] | None = None,
        folders: tuple[Path, ...] = (),
        warnings: list[Finding] | None = None,
        rejected: list[Origin] | None = None,
    ) -> None:
        self.entries = entries if isinstance(entries, EntryTable) else EntryTable(entries)
        self.origins = origins if isinstance(origins, OriginTable) else OriginTable(origins)
        self.folders = folders
        # about the folders (files skipped); entries that failed, for `bank validate`
        self.warnings: list[Finding] = [] if warnings is None else warnings
        self.rejected: list[Origin] = [] if rejected is None else rejected
        # What drafts derive from the bank and may share (relevance indexes), keyed by what they read
        self.memo: dict[Any, Any] = {}

    def draftable(
        self,
        function: str,
        kind: str | None = None,
        fits: Callable[[str | None, str | None], bool] | None = None,
    ) -> list[Entry]:
        """Approved entries of one function, in bank order: the only ones a draft may use.

        With `kind`, only those fit for that speech kind (`kinds` empty or naming it); with `fits`,
        only those whose type and domain it accepts: both told from the rows, so that the entries
        left out are never built.
        """
        keys = self.entries.ids_where(function, "approved", kind, fits)
        # a large bank's entries are built here, on first use (not frozen: a draft's own objects
        # exist meanwhile, and a long-running process drafts many times)
        with paused_gc(freeze=False):
            return [self.entries.of_function(function, key) for key in keys]

    def origin(self, entry_id: str) -> Origin | None:
        """The latest definition of an entry (the layer that decided its final form)."""
        chain = self.origins.get(entry_id)
        return chain[-1] if chain else None

    def field_origin(self, entry_id: str, name: str) -> Origin | None:
        """The definition that gave an entry's field its final value."""
        chain: tuple[Origin, ...] = self.origins.get(entry_id, ())
        for origin in chain[::-1]:
            if name in origin.given:
                return origin
        return self.origin(entry_id)

    def __len__(self) -> int:
        return len(self.entries)


def _merged(below: Entry, item: ParsedItem) -> dict[str, Any]:
    """An override's fields written over the entry below it."""
    data = below.dump()
    if item.row is not None:
        written = dict(zip(ENTRY_FIELDS, item.row, strict=True))
        data.update({name: written[name] for name in item.given if name in written})
    elif item.raw is not None:
        data.update(item.raw)
    return data


def _override(below: Entry, item: ParsedItem, shown: str) -> tuple[Entry | None, list[Finding]]:
    """Validate an override merged over the entry below; problems point into the override."""

    def finding(loc: tuple[int | str, ...], message: str) -> Finding:
        line = item.key_lines.get(str(loc[0]), item.line) if loc else item.line
        return Finding(shown, line, item.label(), f"{loc_text(loc)}: {message}" if loc else message)

    from pydantic import ValidationError  # an override is read from YAML, never from the cache

    try:
        entry = validate_entry(_merged(below, item))
    except ValidationError as exc:
        return None, [finding(loc, message) for loc, message in schema_problems(exc)]
    problems = entry_problems(entry, function_given="function" in item.given)
    if problems:
        return None, [finding(loc, message) for loc, message in problems]
    return entry, []


def assemble(folders: Sequence[Path]) -> tuple[Bank, list[Finding]]:
    """Stack `folders` in order; return what loaded and every problem (never raises for bad files)."""
    with paused_gc():
        bank, findings = _assemble(folders)
    findings += bank.warnings
    return bank, sorted(findings, key=lambda f: (f.file, f.line or 0, f.column or 0))


def _item_findings(item: ParsedItem, shown: str) -> list[Finding]:
    """The problems an entry has on its own, as findings."""
    return [Finding(shown, line, item.label(), f"{where}: {text}") for line, where, text in item.problems]


class _Layer:
    """Adds the files of one bank folder over the layers below it; `known`: every file is cached,
    clean, and its ids new (`_stack_key`)."""

    def __init__(self, bank: Bank, findings: list[Finding], *, known: bool = False) -> None:
        self.bank, self.findings, self.known = bank, findings, known
        # id -> where this folder defines it: the file's shown name and its items; the ids of the
        # cached files added at once are not copied in (`cached_here` finds them: `_first_definition`)
        self.defined_here: dict[str, tuple[str, Sequence[ParsedItem]]] = {}
        # id() of a cached file added at once -> its shown name and items
        self.cached_here: dict[int, tuple[str, CachedItems]] = {}

    def _first_definition(self, key: str) -> tuple[str, Sequence[ParsedItem]] | None:
        """Where this folder already defines `key`, if it does."""
        if (found := self.defined_here.get(key)) is not None:
            return found
        slot = self.bank.entries._slots.get(key)
        return self.cached_here.get(id(slot)) if isinstance(slot, CachedItems) else None

    def add(self, item: ParsedItem, ref: BankFileRef, shown: str) -> None:
        if item.id is None:
            self.findings.extend(_item_findings(item, shown))
            self.bank.rejected.append(Origin(ref, item))
            return
        if (first := self._first_definition(item.id)) is not None:
            first_file, first_items = first
            first_line = _line_in(first_items, item.id)
            message = f"defined twice in one bank folder (also at {first_file}:{first_line})"
            self.findings.append(Finding(shown, item.line, item.id, message))
            self.bank.rejected.append(Origin(ref, item))
            return
        self.defined_here[item.id] = (shown, (item,))
        if item.id in self.bank.entries:  # an override of a layer below
            entry, problems = _override(self.bank.entries[item.id], item, shown)
            self.findings.extend(problems)
            if entry is None:
                self.bank.rejected.append(Origin(ref, item))
            else:
                self.bank.entries[item.id] = entry
                self.bank.origins[item.id] = (*self.bank.origins[item.id], Origin(ref, item))
        elif item.problems or item.row is None:
            self.findings.extend(_item_findings(item, shown))
            self.bank.rejected.append(Origin(ref, item))
        else:
            self.bank.entries.put_row(item)
            self.bank.origins[item.id] = (Origin(ref, item),)

    def add_all(self, items: Sequence[ParsedItem], ref: BankFileRef, shown: str) -> None:
        """Add a file's items: from the cache, when all are clean and new (most of a large bank),
        at once and without decoding them; else one by one (`add`)."""
        defined, slots = self.defined_here, self.bank.entries._slots
        if (
            isinstance(items, CachedItems)
            and items.unique
            and items.all_clean()
            and (
                self.known
                or (
                    (not defined or defined.keys().isdisjoint(items.ids))
                    and slots.keys().isdisjoint(items.ids)  # this folder's cached files' ids are there too
                )
            )
        ):
            self.cached_here[id(items)] = (shown, items)
            self.bank.entries.put_cached(items, known=self.known)
            self.bank.origins.put_cached(ref, items)
            return
        entries, origins = self.bank.entries, self.bank.origins
        for item in items:  # freshly parsed: new, valid entries added here directly
            key, row = item.id, item.row
            if key is None or key in defined or key in slots or item.problems or row is None:
                self.add(item, ref, shown)
                continue
            defined[key] = (shown, (item,))
            entries.add_row(item, row)
            origins.add_new(key, (Origin(ref, item),))
        entries.changed()


def _line_in(items: Sequence[ParsedItem], key: str) -> int:
    """The line of the entry with id `key` among `items`."""
    if isinstance(items, CachedItems):
        return items[items.position_of(key)].line
    return next(item.line for item in items if item.id == key)


def _assemble(folders: Sequence[Path]) -> tuple[Bank, list[Finding]]:
    bank = Bank(folders=tuple(folders))
    findings: list[Finding] = []
    listed = {folder: folder_files(folder) for folder in folders if folder.is_dir()}
    files = {folder: found.bank for folder, found in listed.items()}
    for folder, found in listed.items():
        if found.skipped:
            bank.warnings.append(skipped_finding(folder, found.skipped))
        if interrupted := interrupted_edit(folder):
            bank.warnings.append(interrupted)
    parsed_files = parse_in_parallel([path for paths in files.values() for path in paths])
    for paths in files.values():
        for path in paths:
            if path not in parsed_files:
                parsed_files[path] = parse_bank_file(path)
    stack = _stack_key([parsed_files[path] for folder in folders for path in files.get(folder, ())])
    known = stack is not None and cache.read(stack, "stack") is True
    for number, folder in enumerate(folders):
        if folder not in files:
            problem = "is not a folder" if folder.exists() else "no such folder"
            findings.append(Finding(display_path(folder), None, "", f"{problem} (expected a bank folder)"))
            continue
        layer = _Layer(bank, findings, known=known)
        for path, shown in zip(files[folder], display_paths(files[folder]), strict=True):
            parsed, file_findings = parsed_files[path]
            findings.extend(file_findings)
            layer.add_all(parsed.items, BankFileRef(path, folder, number, parsed.function), shown)
    if stack is not None and not known and not findings and bank.entries.content_key() is not None:
        cache.write(stack, True, "stack")  # every file's entries were new: added at once
    return bank, findings


def _stack_key(parsed: Sequence[tuple[ParsedFile, list[Finding]]]) -> str | None:
    """The cache key of a stack of bank files (their parses in order), when each is read from the
    cache, clean, with ids of its own; under it the cache keeps whether no two files share an id
    (then a load adds every file at once without looking at its ids: `EntryTable.put_cached`)."""
    keys = []
    for file, file_findings in parsed:
        items = file.items
        if file_findings:
            return None
        if not isinstance(items, CachedItems) or not items.unique or not items.all_clean():
            return None
        keys.append(items.key)
    return cache.content_key("\n".join(keys).encode(), "stack-1") if keys else None


def bank_layers(folders: Sequence[Path] = (), *, builtin: bool = True) -> list[Path]:
    """The folders a bank is stacked from: the built-in one (unless `builtin` is false), then `folders`."""
    return [builtin_bank_dir(), *folders] if builtin else list(folders)


def load_bank(folders: Sequence[Path] = (), *, builtin: bool = True) -> Bank:
    """The built-in bank (unless `builtin` is false) with `folders` stacked over it in order.

    Raises `BankError` listing every problem of every file when any file is bad.
    """
    bank, findings = assemble(bank_layers(folders, builtin=builtin))
    errors = [f for f in findings if f.is_error]
    if errors:
        raise BankError(findings=errors)
    return bank


def load_folder(folder: Path) -> list[Entry]:
    """All entries of one bank folder on its own, in file order (raises `BankError` when bad)."""
    return list(load_bank([folder], builtin=False).entries.values())
