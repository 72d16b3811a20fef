"""The five sample speeches among the shipped corpus files, for tests that are about them alone.

`phrasebank/corpus/` also holds the wider public texts the built-in bank cites (see its INDEX.tsv);
the samples are the files named `NNN_<16 hex digits>.txt`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from drafter.bank.load import builtin_bank_dir

_SAMPLE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def sample_paths() -> list[Path]:
    """The five sample speeches, in name order."""
    corpus = builtin_bank_dir() / "corpus"
    return sorted(p for p in corpus.glob("*.txt") if _SAMPLE_NAME.fullmatch(p.name))


def copy_samples(folder: Path) -> Path:
    """Copy the five sample speeches into `folder` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sample_paths():
        shutil.copyfile(path, folder / path.name)
    return folder
