"""Loading bank folders and stacking them: built-in, then a team's, then a writer's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from drafter.bank.model import BankFile, Entry
from drafter.yamlfile import load_yaml


def builtin_bank_dir() -> Path:
    """The folder of the built-in bank, shipped as package data."""
    return Path(str(resources.files("drafter.phrasebank")))


@dataclass
class Bank:
    """Entries by id after layering; a later folder's entry replaces an earlier one's with the same id."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def draftable(self, function: str) -> list[Entry]:
        """Approved entries of one function, in bank order: the only ones a draft may use."""
        return [e for e in self.entries.values() if e.function == function and e.status == "approved"]

    def __len__(self) -> int:
        return len(self.entries)


def load_folder(folder: Path) -> list[Entry]:
    """All entries of one bank folder, files in name order, `function` filled from the file."""
    entries: list[Entry] = []
    for path in sorted(folder.glob("*.yaml")):
        bank_file = BankFile.model_validate(load_yaml(path, what="phrase-bank file"))
        entries.extend(
            e.model_copy(update={"function": e.function or bank_file.function}) for e in bank_file.entries
        )
    return entries


def load_bank(folders: Sequence[Path] = (), *, builtin: bool = True) -> Bank:
    """The built-in bank (unless `builtin` is false) with `folders` stacked over it in order."""
    layers: Iterable[Path] = [builtin_bank_dir(), *folders] if builtin else folders
    bank = Bank()
    for folder in layers:
        for entry in load_folder(folder):
            bank.entries[entry.id] = entry
    return bank
