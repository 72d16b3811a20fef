"""The one YAML loading path: hostile structures are refused with one finding naming line and column."""

from __future__ import annotations

import pytest

from drafter.errors import InputFileError
from drafter.yamlfile import BANK_LIMITS, BRIEF_LIMITS, parse_yaml


def _refusal(text: str, limits: object = BANK_LIMITS) -> str:
    with pytest.raises(InputFileError) as caught:
        parse_yaml(text, "bank.yaml", limits)  # type: ignore[arg-type]
    assert len(caught.value.findings) == 1
    return str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "x: &a [*a]\n",  # a sequence holding itself
        "a: &a {b: *a}\n",  # a mapping holding itself
        "c: &c [&d [*c, *d]]\n",  # a cycle through two anchors
        "x: &a [1, [2, *a]]\n",  # a cycle below the anchor
    ],
)
def test_an_alias_cycle_is_refused_not_followed(text: str) -> None:
    assert "aliases expand to more than" in _refusal(text)


def test_an_alias_bomb_is_refused_by_its_expanded_size() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 7)]
    assert "bank.yaml:1:1: YAML aliases expand to more than" in _refusal("\n".join(lines) + "\n")


def test_a_few_shared_values_are_allowed_in_a_bank_and_none_in_a_brief() -> None:
    text = "base: &b [1, 2]\nmore: *b\nagain: *b\n"
    assert parse_yaml(text, "bank.yaml", BANK_LIMITS) == {"base": [1, 2], "more": [1, 2], "again": [1, 2]}
    assert "aliases (*name) are not allowed here" in _refusal(text, BRIEF_LIMITS)
