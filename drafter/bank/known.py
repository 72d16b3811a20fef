"""What a bank stack already knows: the texts of every layer, built-in bank included, and rejections.

`bank merge` and `bank review` add a candidate only when nothing below knows it: neither the
built-in bank nor the team bank holds an entry with its normalized text (`drafter.bank.text`),
and the team has not rejected it. Rejections are kept in the team bank folder as `rejected.txt`,
one `ID<TAB>normalized text` a line — plain text, not a bank file, so the loader ignores it and
people can read it. Mined ids are a hash of the formula's key, so a candidate rejected once has
the same id (and text) on the next mining run, and stays rejected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from drafter.bank.load import load_bank
from drafter.bank.lock import Edit, editing
from drafter.bank.model import fill
from drafter.bank.text import SLOT_MARK, normalize

REJECTS_FILE = "rejected.txt"


def rejected(folder: Path) -> dict[str, str]:
    """The rejected candidates recorded in `folder`: id → normalized text."""
    path = folder / REJECTS_FILE
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entry_id, _, key = line.partition("\t")
            found[entry_id.strip()] = key.strip()
    return found


def record_rejections(folder: Path, entries: dict[str, str], edit: Edit | None = None) -> None:
    """Add `entries` (id → text) to `folder`'s rejections (atomically; existing lines kept).

    Part of `edit` when given (the caller holds the folder's lock), else an edit of its own.
    """
    if edit is None:
        with editing(folder) as own:
            record_rejections(folder, entries, own)
        return
    known = rejected(folder)
    new = {i: normalize(t) for i, t in entries.items() if i not in known}
    if not new:
        return
    path = folder / REJECTS_FILE
    old = (
        path.read_text(encoding="utf-8")
        if path.is_file()
        else "# drafter bank review：已否决的候选词条（ID\t规范化文本）\n"
    )
    if old and not old.endswith("\n"):
        old += "\n"
    edit.write(path, old + "".join(f"{i}\t{k}\n" for i, k in sorted(new.items())))


def presence_key(text: str, members: Sequence[Mapping[str, str]] | None = None) -> str:
    """What two entries must share to be the same: the normalized text, and for a text that is
    slots only (a heading set without a skeleton, `{X}`) its members too — else every such set
    would be taken for every other."""
    key = normalize(text)
    if members and not key.replace(SLOT_MARK, ""):
        key = normalize(text + "".join(fill(text, dict(m)) for m in members))
    return key


def known_keys(into: Path) -> set[str]:
    """Normalized texts the stack `into` (over the built-in bank) holds or has rejected."""
    return known(into)[0]


def known(into: Path) -> tuple[set[str], set[str]]:
    """(normalized texts, ids) the stack `into` holds or has rejected, built-in bank included."""
    bank = load_bank([into], builtin=True)
    keys = {presence_key(entry.text, entry.members) for entry in bank.entries.values()}
    rejections = rejected(into)
    keys.update(rejections.values())
    return keys, set(bank.entries) | set(rejections)


def is_known(into: Path, entry_id: str, text: str, keys: set[str] | None = None) -> bool:
    """Whether a candidate is already in the stack or rejected (by id or text)."""
    return entry_id in rejected(into) or normalize(text) in (keys if keys is not None else known_keys(into))
