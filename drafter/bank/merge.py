"""`drafter bank merge OUT INTO`: add the mined candidates a bank lacks, keeping what people wrote.

A candidate is present when INTO already has an entry with the same normalized text (ignoring
punctuation, spaces and slot names; for a heading set, the same skeleton). The others are appended
to INTO's file for their function (created when missing) through a ruamel.yaml round trip, which
keeps every comment, the order and the layout of what is there; each file is written atomically.
A candidate whose id INTO already uses gets a numbered id (`-2`, `-3`, ...).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from drafter.atomic import write_atomic
from drafter.bank.known import known_keys, rejected
from drafter.bank.load import Bank, load_bank
from drafter.bank.parse import parse_bank_file
from drafter.bank.text import normalize
from drafter.errors import BankError, display_path


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


class _RoundTripFile:
    """One YAML file read for editing: data, and the indentation its authors used."""

    def __init__(self, path: Path, function: str) -> None:
        self.path = path
        self.yaml = YAML()
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # never fold long Chinese lines
        if path.exists():
            text = path.read_text(encoding="utf-8-sig")
            _, indent, offset = load_yaml_guess_indent(text)
            indent, offset = indent or 4, offset if offset is not None else 2
            self.data: Any = self.yaml.load(text)
            self.spaced = bool(re.search(r"\n[ \t]*\n[ \t]*(#.*\n[ \t]*)*- ", text))
        else:
            indent, offset = 4, 2
            self.data = CommentedMap([("function", function), ("entries", CommentedSeq())])
            self.spaced = True
        self.yaml.indent(mapping=max(2, indent - offset), sequence=indent, offset=offset)

    def entries(self) -> CommentedSeq:
        if not isinstance(self.data, CommentedMap):
            raise BankError(f"{display_path(self.path)}: expected a mapping with `function:` and `entries:`")
        seq = self.data.get("entries")
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            self.data["entries"] = seq
        seq.fa.set_block_style()
        return seq

    def append(self, item: CommentedMap, comments: list[Any]) -> None:
        seq = self.entries()
        seq.append(item)
        before = [CommentToken("\n", CommentMark(0), None)] if self.spaced and len(seq) > 1 else []
        before += [token for token in comments if token is not None and token.value.strip()]
        if before:
            seq.ca.items[len(seq) - 1] = [None, before, None, None]

    def dump(self) -> str:
        buffer = io.StringIO()
        self.yaml.dump(self.data, buffer)
        return buffer.getvalue()


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


def _bank_files_by_function(into: Path) -> dict[str, Path]:
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
    candidates = load_bank([out], builtin=False)
    bank = load_bank([into], builtin=False)
    present = known_keys(into) | set(rejected(into))  # the whole stack, built-in bank and rejections included
    taken = set(bank.entries)
    targets = _bank_files_by_function(into)
    sources = _candidate_items(candidates)
    edited: dict[Path, _RoundTripFile] = {}
    added: list[Added] = []
    skipped = 0
    for entry_id, entry in candidates.entries.items():
        key = normalize(entry.text)
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
        target = edited.setdefault(path, _RoundTripFile(path, entry.function))
        comments = seq.ca.items.get(origin.item.position, [None, None])[1] or []
        target.append(item, comments)
        added.append(
            Added(new_id, entry.function, entry.text, path, entry_id if new_id != entry_id else None)
        )
    for path, target in edited.items():
        write_atomic(path, target.dump(), force=True)
    return MergeResult(tuple(added), skipped, tuple(edited))
