"""`drafter bank merge OUT INTO`: add the mined candidates a bank lacks, keeping what people wrote.

A candidate is present when INTO already has an entry with the same normalized text (ignoring
punctuation, spaces and slot names; for a heading set, the same skeleton, and the same members
when the skeleton is slots only: `drafter.bank.known.presence_key`). The others are appended
to INTO's file for their function (created when missing) through a ruamel.yaml round trip, which
keeps every comment, the order and the layout of what is there. Only the lines the edit changes are
written back (`keep_file_form`): the rest of the file keeps its bytes, its byte-order mark and its
line ends, whatever the round trip would have restyled. The merge runs under the folder's lock and
its files are committed together (`drafter.bank.lock.editing`), so two merges into one bank neither
lose nor duplicate entries, and a killed one is completed by the next command that edits the bank.
A candidate whose id INTO already uses gets a numbered id (`-2`, `-3`, ...).
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from drafter.bank.known import known_keys, presence_key, rejected
from drafter.bank.load import Bank, load_bank
from drafter.bank.lock import editing
from drafter.bank.parse import parse_bank_file
from drafter.errors import BankError, display_path

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Added:
    """One candidate appended to the bank."""

    id: str
    function: str
    text: str
    path: Path  # the bank file it went into
    renamed_from: str | None = None


@dataclass(frozen=True)
class MergeResult:
    """What a merge did."""

    added: tuple[Added, ...]
    present: int  # candidates the bank already had
    written: tuple[Path, ...]
    notices: tuple[str, ...] = ()  # an interrupted edit found and completed first (also on stderr)


class _RoundTripFile:
    """One YAML file read for editing: data, and the indentation its authors used."""

    def __init__(self, path: Path, function: str) -> None:
        self.path = path
        self.yaml = YAML()
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # never fold long Chinese lines
        self.raw: bytes | None = None
        if path.exists():
            self.raw = path.read_bytes()
            text = _plain_text(self.raw)
            _, indent, offset = load_yaml_guess_indent(text)
            indent, offset = indent or 4, offset if offset is not None else 2
            self.data: Any = self.yaml.load(text)
            self.spaced = bool(re.search(r"\n[ \t]*\n[ \t]*(#.*\n[ \t]*)*- ", text))
        else:
            indent, offset = 4, 2
            self.data = CommentedMap([("function", function), ("entries", CommentedSeq())])
            self.spaced = True
        self.yaml.indent(mapping=max(2, indent - offset), sequence=indent, offset=offset)
        self.baseline = self._dumped()  # what the round trip writes for the file unchanged

    def entries(self) -> CommentedSeq:
        if not isinstance(self.data, CommentedMap):
            raise BankError(f"{display_path(self.path)}: expected a mapping with `function:` and `entries:`")
        seq = self.data.get("entries")
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            self.data["entries"] = seq
        if not seq:
            seq.fa.set_block_style()  # an empty `entries: []` grows as a block list
        return seq

    def append(self, item: CommentedMap, comments: list[Any]) -> None:
        seq = self.entries()
        seq.append(item)
        before = [CommentToken("\n", CommentMark(0), None)] if self.spaced and len(seq) > 1 else []
        before += [token for token in comments if token is not None and token.value.strip()]
        if before:
            seq.ca.items[len(seq) - 1] = [None, before, None, None]

    def _dumped(self) -> str:
        buffer = io.StringIO()
        self.yaml.dump(self.data, buffer)
        return buffer.getvalue()

    def dump(self) -> bytes:
        """The file's new bytes: the lines the edit changed, in the file's own form."""
        if self.raw is None:
            return self._dumped().encode("utf-8")
        return keep_file_form(self.raw, self._dumped(), self.baseline)


def _plain_text(raw: bytes) -> str:
    """A file's text without its byte-order mark, with `\n` line ends."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def keep_file_form(raw: bytes, edited: str, baseline: str | None = None) -> bytes:
    """The bytes of a file whose round-trip dump went from `baseline` to `edited`.

    Each changed run of lines (`baseline` → `edited`) is applied to the original file where the
    unchanged lines around it are found, so lines the edit did not touch keep their bytes even
    when the round trip restyles them; when a change cannot be placed, the file is the whole
    `edited` text. Either way the file keeps its byte-order mark and its line ends.
    """
    bom = raw.startswith(b"\xef\xbb\xbf")
    original = _plain_text(raw)
    crlf = raw.count(b"\r\n") * 2 > raw.count(b"\n")
    if baseline is None:
        baseline = original
    patched = _patched(original, baseline, edited)
    text = patched if patched is not None and _same_data(patched, edited) else edited
    if crlf:
        text = text.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def _same_data(patched: str, edited: str) -> bool:
    """Whether the patched text holds the same data as the round trip's (a patch never changes meaning)."""
    try:
        return bool(yaml.load(patched, Loader=_Loader) == yaml.load(edited, Loader=_Loader))
    except yaml.YAMLError:
        return False


def _patched(original: str, baseline: str, edited: str) -> str | None:
    """`original` with the line changes from `baseline` to `edited`, or None if one cannot be placed."""
    old, base, new = (text.splitlines(keepends=True) for text in (original, baseline, edited))
    if base == old:
        return edited
    where: dict[int, int] = {}  # baseline line → the same line in the original
    for block in difflib.SequenceMatcher(None, base, old, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            where[block.a + k] = block.b + k
    changes = [
        op
        for op in difflib.SequenceMatcher(None, base, new, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    placed: list[tuple[int, int, list[str]]] = []
    for _, i1, i2, j1, j2 in changes:
        if i1 < i2:  # lines replaced or deleted: each must be in the original, in one run
            start = where.get(i1)
            if start is None or any(where.get(i) != start + i - i1 for i in range(i1, i2)):
                return None
            placed.append((start, start + i2 - i1, new[j1:j2]))
        else:  # lines inserted: as many lines after the last line both have as in the round trip
            before = max((i for i in where if i < i1), default=-1)
            at = (where[before] if before >= 0 else -1) + i1 - before
            after = min((where[i] for i in where if i >= i1), default=len(old))
            if at > after:
                return None
            placed.append((at, at, new[j1:j2]))
    ends = bool(old) and old[-1].endswith("\n")
    if old and not ends and placed and max(start for start, _, _ in placed) >= len(old):
        old[-1] += "\n"  # text added after a last line without its line end
    for start, stop, lines in sorted(placed, key=lambda place: place[:2], reverse=True):
        old[start:stop] = lines
    text = "".join(old)
    return text if ends or not old else text.removesuffix("\n")


def _candidate_items(bank: Bank) -> dict[Path, tuple[CommentedSeq, YAML]]:
    """The candidate files read for round trip, so that each entry moves with its own formatting."""
    files: dict[Path, tuple[CommentedSeq, YAML]] = {}
    for chain in bank.origins.values():
        path = chain[-1].path
        if path not in files:
            reader = YAML()
            reader.preserve_quotes = True
            files[path] = (reader.load(path.read_text(encoding="utf-8-sig"))["entries"], reader)
    return files


def _free_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def bank_files_by_function(into: Path) -> dict[str, Path]:
    """The first bank file of each function in folder `into`."""
    files: dict[str, Path] = {}
    for path in sorted(into.glob("*.yaml")):
        parsed, _ = parse_bank_file(path)
        if parsed.function:
            files.setdefault(parsed.function, path)
    return files


def merge_candidates(out: Path, into: Path) -> MergeResult:
    """Append to the bank folder `into` the candidates of folder `out` that it lacks."""
    if not into.is_dir():
        raise BankError(f"{display_path(into)}: no such bank folder (create it, or name an existing one)")
    with editing(into) as edit:
        result = _merge(out, into)
        for path, data in result[1].items():
            edit.write(path, data)
    added, present, written = result[0], result[2], tuple(result[1])
    return MergeResult(added, present, written, tuple(edit.notices))


def _merge(out: Path, into: Path) -> tuple[tuple[Added, ...], dict[Path, bytes], int]:
    """What merging `out` into `into` adds, the new bytes of the files it changes, how many were present."""
    candidates = load_bank([out], builtin=False)
    bank = load_bank([into], builtin=False)
    present = known_keys(into) | set(rejected(into))  # the whole stack, built-in bank and rejections included
    # and what was rejected in OUT itself (`drafter bank reject ID --bank OUT`, the scripted review)
    present |= set(rejected(out)) | set(rejected(out).values())
    taken = set(bank.entries)
    targets = bank_files_by_function(into)
    sources = _candidate_items(candidates)
    edited: dict[Path, _RoundTripFile] = {}
    added: list[Added] = []
    skipped = 0
    for entry_id, entry in candidates.entries.items():
        key = presence_key(entry.text, entry.members)
        if key in present or entry_id in present:
            skipped += 1
            continue
        present.add(key)
        new_id = _free_id(entry_id, taken)
        taken.add(new_id)
        origin = candidates.origins[entry_id][-1]
        seq, _ = sources[origin.path]
        item = seq[origin.item.position]
        if new_id != entry_id:
            item["id"] = new_id
        path = targets.setdefault(entry.function, into / f"{entry.function}.yaml")
        if path not in edited:
            edited[path] = _RoundTripFile(path, entry.function)
        target = edited[path]
        comments = seq.ca.items.get(origin.item.position, [None, None])[1] or []
        target.append(item, comments)
        added.append(
            Added(new_id, entry.function, entry.text, path, entry_id if new_id != entry_id else None)
        )
    return tuple(added), {path: target.dump() for path, target in edited.items()}, skipped
