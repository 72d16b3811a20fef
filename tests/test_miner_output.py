"""Writing mined formulas: the YAML of a bank file, represented without PyYAML's representer."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from drafter.miner import output

# what entries hold, and what YAML quotes or resolves: numbers, booleans and nulls as text, marks,
# line breaks, leading spaces, long lines
TEXTS = st.text(alphabet="同志们：，。“”{}[]#&*!|>'\"%@`-?:年1.e5 \n\ttrueNoYesnull~", max_size=30)
SCALARS = (
    TEXTS
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e17, 1e-7, -0.0, 0.5, 3.0])
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTS, inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(TEXTS, DATA, max_size=5))
def test_nodes_dump_as_pyyaml_dumps(data: dict[str, Any]) -> None:
    expected = yaml.dump(data, Dumper=output._Dumper, allow_unicode=True, sort_keys=False, width=1000)
    assert (
        yaml.serialize(output._node(data), Dumper=output._Dumper, allow_unicode=True, width=1000) == expected
    )


def test_other_values_are_left_to_pyyaml() -> None:
    for value in (None, True, float("nan"), float("inf"), ("a",)):
        try:
            output._node({"x": [value]})
        except TypeError:
            continue
        raise AssertionError(f"{value!r} was represented")
