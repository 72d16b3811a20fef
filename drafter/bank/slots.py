"""Named slots of a phrase text (`{occasion}`, `{X}`): which it has, and the text filled.

Apart from `drafter.bank.model` so that what reads a brief finds slots without importing pydantic.
"""

from __future__ import annotations

import string


def slots_of(text: str) -> tuple[str, ...]:
    """The named slots of a phrase text, in order of first appearance."""
    names: list[str] = []
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None and name not in names:
            names.append(name)
    return tuple(names)


def fill(text: str, values: dict[str, str]) -> str:
    """The text with its slots filled; every slot must have a value."""
    return text.format_map(values)
