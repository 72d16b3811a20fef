"""Review steps as in-process functions: list what is left, show it in context, approve, edit, reject.

`pending`, `context`, `accept` and `decline` are what `drafter bank review` (and a web page)
call; `approve`/`reject` change entries by id in one bank folder (`drafter bank approve|reject`).

Edits go through the ruamel.yaml round trip, so comments, order and layout survive; each file is
written atomically, under the folder's lock (`drafter.bank.lock.editing`). Rejections are also
recorded in the folder's `rejected.txt` (`drafter.bank.known`), so that
the same candidate mined again stays rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from drafter.bank.known import known, presence_key, record_rejections
from drafter.bank.lock import Edit, editing
from drafter.bank.merge import _RoundTripFile, bank_files_by_function
from drafter.errors import BankError, display_path
from drafter.speechfile import UnreadableSpeech, read_speech


def _edit(folder: Path, ids: set[str], status: str, edit: Edit) -> dict[str, str]:
    """Set `status` on the entries `ids` in `folder`'s YAML files; returns id → presence key of each."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        if not any(i in path.read_text(encoding="utf-8-sig") for i in ids):
            continue
        target = _RoundTripFile(path, "")
        entries = target.data.get("entries") if isinstance(target.data, dict) else None
        changed = False
        for item in entries or []:
            if isinstance(item, dict) and item.get("id") in ids:
                found[str(item["id"])] = presence_key(str(item.get("text", "")), item.get("members"))
                if item.get("status") != status:
                    item["status"] = status
                    changed = True
        if changed:
            edit.write(path, target.dump())
    missing = sorted(ids - set(found))
    if missing:
        raise BankError(f"{display_path(folder)}: no entry with id {', '.join(missing)}")
    return found


def approve(folder: Path, ids: list[str]) -> list[str]:
    """Mark entries approved; returns their ids."""
    with editing(folder) as edit:
        return sorted(_edit(folder, set(ids), "approved", edit))


def reject(folder: Path, ids: list[str]) -> list[str]:
    """Mark entries deprecated and record them as rejected in `folder`; returns their ids."""
    with editing(folder) as edit:
        found = _edit(folder, set(ids), "deprecated", edit)
        record_rejections(folder, found, edit)
    return sorted(found)


@dataclass
class Pending:
    """One candidate to review: its id, function, data (round-trip map) and where it came from."""

    id: str
    function: str
    item: Any
    path: Path


def pending(mined: Path, into: Path) -> list[Pending]:
    """The candidates of `mined` that the stack `into` (built-in bank included) neither holds nor rejected.

    Review is resumable by construction: what was approved is now in `into`, what was rejected is
    in its `rejected.txt`, so the next call lists only what is left (skipped ones included).
    """
    keys, known_ids = known(into)
    found: list[Pending] = []
    for path in sorted(mined.glob("*.yaml")):
        yaml = YAML()
        yaml.preserve_quotes = True
        data: Any = yaml.load(path.read_text(encoding="utf-8-sig"))
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            continue
        for item in data["entries"]:
            if not isinstance(item, dict) or "id" not in item:
                continue
            entry_id, text = str(item["id"]), str(item.get("text", ""))
            if (
                item.get("status") == "candidate"
                and entry_id not in known_ids
                and presence_key(text, item.get("members")) not in keys
            ):
                found.append(Pending(entry_id, str(data.get("function", "")), item, path))
    return found


@dataclass(frozen=True)
class ContextLine:
    """A line shown around a candidate: its number in the speech (None for a `来源：…` note), its
    text, and whether it is the candidate's source line."""

    number: int | None
    text: str
    source: bool = False

    def __str__(self) -> str:
        if self.number is None:
            return self.text
        return f"{'>' if self.source else ' '} {self.number:>5} | {self.text}"


def context(candidate: Pending, corpus: Path | None, around: int = 1) -> list[ContextLine]:
    """The candidate's first source line with `around` lines either side, read from `corpus`."""
    sources = candidate.item.get("sources") or []
    if corpus is None or not sources:
        return [ContextLine(None, f"来源：{', '.join(map(str, sources[:3]))}")] if sources else []
    name, _, line = str(sources[0]).rpartition(":")
    try:
        lines = read_speech(corpus / name)
        number = int(line)
    except (UnreadableSpeech, ValueError, OSError):
        return [ContextLine(None, f"来源：{sources[0]}（无法读取）")]
    low, high = max(1, number - around), min(len(lines), number + around)
    return [ContextLine(n, lines[n - 1], n == number) for n in range(low, high + 1)]


def accept(candidate: Pending, into: Path, edits: dict[str, str] | None = None) -> Path:
    """Append the candidate to `into`'s file for its function as approved, with `edits` applied.

    `edits` may set `text`, `domain` (field) and `type` (kind: formula | material); written through
    the round trip, so what people wrote in the file stays as it was.
    """
    item = candidate.item
    item["status"] = "approved"
    for key, value in (edits or {}).items():
        if value:
            item[key] = value
    with editing(into) as edit:
        path = bank_files_by_function(into).get(candidate.function, into / f"{candidate.function}.yaml")
        target = _RoundTripFile(path, candidate.function)
        target.append(item, [])
        edit.write(path, target.dump())
    return path


def decline(candidate: Pending, into: Path) -> None:
    """Record the candidate as rejected in `into`."""
    with editing(into) as edit:
        key = presence_key(str(candidate.item.get("text", "")), candidate.item.get("members"))
        record_rejections(into, {candidate.id: key}, edit)
