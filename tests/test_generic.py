"""The generic terms kept as data agree with the built-in bank they are derived from."""

from __future__ import annotations

from drafter.compose.generic import GENERIC_TERMS, builtin_material, derive


def test_the_generic_terms_are_those_of_the_builtin_bank() -> None:
    derived = derive(builtin_material())
    assert set(derived) == set(GENERIC_TERMS), (
        "the built-in bank changed: write the list again with `python -m drafter.compose.generic`"
    )


def test_a_term_said_in_many_fields_is_generic_and_one_fields_term_is_not() -> None:
    material = [(f"加强{word}管理", field) for field in "abcde" for word in ("安全", "秩序")]
    material += [("抓好黑臭水体整治", "f")] + [(f"其他{i}", "g") for i in range(40)]
    assert "管理" in derive(material)
    assert "黑臭" not in derive(material)
