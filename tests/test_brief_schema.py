"""The committed JSON Schema agrees with the loader: editors accept what drafter accepts, flag the rest."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from test_brief import CORPUS_BRIEFS

from drafter.compose.starters import installed_schema_path, starter_text
from drafter.vocabulary import KINDS
from drafter.yamlfile import parse_yaml


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(installed_schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def as_editor_sees(text: str) -> Any:
    """YAML as yaml-language-server reads it (YAML 1.2: a date is a string)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    return plain(parse_yaml(text, "brief.yaml"))


def errors(text: str) -> list[str]:
    return sorted(error.message for error in validator().iter_errors(as_editor_sees(text)))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_starters_are_valid_for_editors(kind: str) -> None:
    assert errors(starter_text(kind)) == []


@pytest.mark.parametrize("name", sorted(CORPUS_BRIEFS))
def test_corpus_briefs_are_valid_for_editors(name: str) -> None:
    assert errors(CORPUS_BRIEFS[name]) == []


def test_documented_example_is_valid_for_editors() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "brief.md").read_text(encoding="utf-8")
    example = doc.split("## A full example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert errors(example) == []


BASE = CORPUS_BRIEFS["003"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("speaker: {post: 市长}", "speeker: {post: 市长}"),  # unknown key, required key missing
        ("occasion: 全市政府办公室工作会议\n", ""),  # neither title nor occasion
        ("closing: {thanks: false}", "length: {minutes: 10, chars: 2000}"),  # both targets
        ('headings: {skeleton: "{X}要更{Y}"}', 'headings: {skeleton: "{X}要更{Y}", set: heading_set.a.b}'),
        ('    enumerator: "{n}是"\n    points:', "    role: review\n    points:"),
        ("date: 2026-03-01", "date: 2026-03-32"),
        ("closing: {thanks: false}", "closing: {thanks: false}\nseed: abc"),
    ],
)
def test_editors_flag_what_drafter_rejects(old: str, new: str) -> None:
    assert old in BASE
    assert errors(BASE.replace(old, new, 1)) != []
