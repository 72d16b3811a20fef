"""The plain check builds what pydantic would build, and leaves to pydantic whatever it doubts."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from test_brief import CORPUS_BRIEFS, minimal

from drafter.compose.brief import Brief
from drafter.compose.brief_build import fast_brief, from_model, parse_brief
from drafter.compose.brief_model import Brief as BriefModel
from drafter.record import Record
from drafter.yamlfile import BRIEF_LIMITS, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
BRIEF_FILES = [
    *sorted((ROOT / "examples").glob("*.yaml")),
    *sorted((ROOT / "drafter" / "starters").glob("*.yaml")),
]


def _given(node: Any) -> Any:
    """Every record's `fields_set`, nested as the brief is."""
    if isinstance(node, Record):
        return (node.fields_set, [_given(getattr(node, name)) for name in node.FIELDS])
    if isinstance(node, list):
        return [_given(item) for item in node]
    return None


def _same_as_pydantic(data: Any) -> Brief:
    fast = fast_brief(data)
    assert fast is not None
    slow = from_model(BriefModel.model_validate(data))
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert _given(fast) == _given(slow)
    return fast


@pytest.mark.parametrize("path", BRIEF_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_brief_is_built_as_pydantic_builds_it(path: Path) -> None:
    _same_as_pydantic(parse_yaml(path.read_text(encoding="utf-8"), path.name, BRIEF_LIMITS))


@pytest.mark.parametrize("name", sorted(CORPUS_BRIEFS))
def test_every_corpus_brief_is_built_as_pydantic_builds_it(name: str) -> None:
    _same_as_pydantic(parse_yaml(CORPUS_BRIEFS[name], f"{name}.yaml", BRIEF_LIMITS))


def test_fields_given_are_told_from_defaults() -> None:
    brief = _same_as_pydantic(minimal(salutation="各位来宾", sections=[{"role": "problems", "points": [{}]}]))
    assert "salutation" in brief.fields_set and "seed" not in brief.fields_set
    assert brief.sections[0].fields_set == {"role", "points"}
    assert brief.closing.fields_set == frozenset()


def test_values_are_converted_as_pydantic_converts_them() -> None:
    brief = _same_as_pydantic(
        minimal(template="summary", domain="安全", length={"minutes": 10}, speaker={"post": " 区长\u3000"})
    )
    assert brief.template == "closing_remarks"
    assert brief.length.minutes == 10.0 and isinstance(brief.length.minutes, float)
    assert brief.speaker.post == "区长"


@pytest.mark.parametrize(
    "changes",
    [
        {"date": "2026-11-30"},
        {"length": {"minutes": "10"}},
        {"seed": 3.0},
        {"seed": True},
        {"closing": {"thanks": "yes"}},
        {"speaker": {"post": "区长\x1f"}},
    ],
)
def test_a_doubtful_but_valid_value_is_left_to_pydantic(changes: dict[str, Any]) -> None:
    data = minimal(**changes)
    assert fast_brief(data) is None
    assert parse_brief(data) == from_model(BriefModel.model_validate(data))


@pytest.mark.parametrize(
    "changes",
    [
        {"colour": "red"},
        {"speaker": {"post": "   "}},
        {"speaker": {"name": "张三"}},
        {"sections": []},
        {"occasion": None},
        {"date": 20261130},
        {"length": {"minutes": 10, "chars": 3000}},
        {"length": {"chars": 0}},
        {"headings": {}},
        {"headings": {"skeleton": "{X}", "set": "heading_set.a.b"}},
        {"domain": "天文"},
        {"template": "chair_script", "agenda": [{"who": "县长", "does": "部署"}]},
        {"agenda": [{"who": "县长", "does": "唱歌"}]},
        {"sections": [{"points": [{"material": "lots"}]}]},
        {"sections": [{"points": [{"fillers": {1: "x"}}]}]},
        {"title": []},
    ],
)
def test_an_invalid_brief_is_left_to_pydantic(changes: dict[str, Any]) -> None:
    data = minimal(**changes)
    assert fast_brief(data) is None
    with pytest.raises(ValidationError):
        parse_brief(data)


def test_records_are_frozen_and_compared_by_value() -> None:
    brief = parse_brief(minimal())
    assert brief == parse_brief(minimal()) and brief != parse_brief(minimal(seed=1))
    with pytest.raises(AttributeError, match="frozen"):
        brief.seed = 1  # type: ignore[misc]
    assert brief.date == dt.date(2026, 11, 30)


def test_loading_a_valid_brief_does_not_import_pydantic() -> None:
    example = ROOT / "examples" / "work_meeting.yaml"
    code = (
        "import sys\n"
        "from drafter.compose.brief_load import load_brief\n"
        f"load_brief(__import__('pathlib').Path({str(example)!r}), ())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "[]"
