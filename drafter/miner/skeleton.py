"""The skeleton of a set of parallel texts: what they share, with slots for what differs.

`站位要更高 / 标准要更严 / 能力要更强` → `{X}要更{Y}`, with X = 站位/标准/能力 and Y = 高/严/强.
The longest substring found exactly once in every member becomes a literal; the parts to its left
and right are treated the same way, up to three slots. A one-character literal counts only at the
start or end of every member or when it is a function word (`与`, `要`, `之`…): a character shared
by chance in the middle (`善学习 / 重落实`) does not make a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from drafter.miner.extract.slots import escape_braces

SLOT_NAMES = ("X", "Y", "Z")
_FUNCTION_CHARS = frozenset("与和及要更不之的为于在是一")


@dataclass(frozen=True)
class Skeleton:
    """A skeleton text such as `{X}要更{Y}` and, for each member, the value of each slot."""

    text: str
    values: tuple[tuple[tuple[str, str], ...], ...]

    @property
    def literal(self) -> str:
        """The fixed characters of the skeleton, slots left out."""
        result = self.text
        for name in SLOT_NAMES:
            result = result.replace("{" + name + "}", "")
        return result


def skeleton_of(members: Sequence[str]) -> Skeleton | None:
    """The skeleton shared by `members`, or None when they share no literal or need too many slots."""
    return _skeleton(tuple(members))


@lru_cache(maxsize=4096)  # the same sets recur across an archive; the search is quadratic in length
def _skeleton(members: tuple[str, ...]) -> Skeleton | None:
    parts = _parts(list(members), edge_left=True, edge_right=True)
    if parts is None:
        return None
    slots = [p for p in parts if isinstance(p, list)]
    if not slots or len(slots) > len(SLOT_NAMES) or not any(isinstance(p, str) for p in parts):
        return None
    text_parts: list[str] = []
    values: list[list[tuple[str, str]]] = [[] for _ in members]
    slot_index = 0
    for part in parts:
        if isinstance(part, str):
            text_parts.append(escape_braces(part))
            continue
        name = SLOT_NAMES[slot_index]
        slot_index += 1
        text_parts.append("{" + name + "}")
        for member_values, value in zip(values, part, strict=True):
            member_values.append((name, value))
    return Skeleton("".join(text_parts), tuple(tuple(v) for v in values))


def _parts(members: list[str], *, edge_left: bool, edge_right: bool) -> list[str | list[str]] | None:
    if all(m == members[0] for m in members):
        return [members[0]] if members[0] else []
    if any(not m for m in members):
        return None  # a slot that is empty for some members only: not a parallel form
    common = _longest_common(members, edge_left=edge_left, edge_right=edge_right)
    if common is None:
        return [members]
    splits = [m.split(common, 1) for m in members]
    left = _parts([s[0] for s in splits], edge_left=edge_left, edge_right=False)
    right = _parts([s[1] for s in splits], edge_left=False, edge_right=edge_right)
    if left is None or right is None:
        return None
    return [*left, common, *right]


def _longest_common(members: list[str], *, edge_left: bool, edge_right: bool) -> str | None:
    shortest = min(members, key=len)
    for length in range(len(shortest), 0, -1):
        for start in range(len(shortest) - length + 1):
            piece = shortest[start : start + length]
            if not all(m.count(piece) == 1 for m in members):
                continue
            if length == 1 and piece not in _FUNCTION_CHARS:
                at_start = edge_left and all(m.startswith(piece) for m in members)
                at_end = edge_right and all(m.endswith(piece) for m in members)
                if not (at_start or at_end):
                    continue
            return piece
    return None
