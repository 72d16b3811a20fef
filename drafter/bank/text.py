"""Comparing phrase texts the way a reader would: ignoring punctuation, spaces and slot names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from drafter.bank.model import Entry

SLOT_MARK = "\ue000"  # a private-use character: every slot compares equal, whatever its name
_SLOT = re.compile(r"\{[^{}]*\}")


@lru_cache(maxsize=4096)
def _is_ignored(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "PZC" or category == "Sm" or char.isspace()


def normalize(text: str) -> str:
    """The text without punctuation or spaces, each `{slot}` reduced to one mark."""
    text = _SLOT.sub(SLOT_MARK, text)
    return "".join(c for c in text if c == SLOT_MARK or not _is_ignored(c)).casefold()


def comparable(entry: Entry) -> str:
    """What two entries must share to say the same thing: a heading set's skeleton and members."""
    if entry.members:
        return normalize(entry.text) + "|" + "|".join(normalize(m) for m in entry.member_texts())
    return normalize(entry.text)


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a normalized text (its single character when shorter)."""
    if len(text) < 2:
        return frozenset((text,)) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))
