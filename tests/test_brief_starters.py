"""The JSON Schema and the starter briefs: current, Chinese, valid, and drafting."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafter.bank.load import load_bank
from drafter.compose.brief_check import check_against_bank
from drafter.compose.brief_load import load_brief, load_brief_located
from drafter.compose.starters import (
    brief_schema,
    brief_schema_text,
    installed_schema_path,
    schema_modeline,
    starter_kinds,
    starter_text,
)
from drafter.compose.templating import discover_templates
from drafter.errors import BriefError
from drafter.vocabulary import KINDS

CJK = re.compile("[\u4e00-\u9fff]")


def test_committed_schema_is_current() -> None:
    committed = installed_schema_path().read_text(encoding="utf-8")
    assert committed == brief_schema_text(), (
        "drafter/schemas/brief.schema.json is stale: run "
        "`drafter schema -o drafter/schemas/brief.schema.json --force`"
    )


def _properties(schema: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    found: list[tuple[str, dict[str, object]]] = []
    for name, definition in [("Brief", schema), *dict(schema["$defs"]).items()]:  # type: ignore[call-overload]
        for prop, spec in definition["properties"].items():
            found.append((f"{name}.{prop}", spec))
    return found


def test_every_field_and_model_is_described_in_chinese() -> None:
    schema = brief_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for where, spec in _properties(schema):
        assert CJK.search(str(spec.get("description", ""))), f"{where} has no Chinese description"
    for name, definition in dict(schema["$defs"]).items():  # type: ignore[call-overload]
        assert CJK.search(definition["description"]), f"{name} has no Chinese description"
    assert CJK.search(str(schema["description"]))


def test_schema_states_the_rules_editors_can_check() -> None:
    schema = brief_schema()
    assert schema["additionalProperties"] is False
    assert schema["anyOf"] == [{"required": ["title"]}, {"required": ["occasion"]}]
    assert set(schema["required"]) == {"template", "speaker", "date", "sections"}  # type: ignore[call-overload]
    definitions = dict(schema["$defs"])  # type: ignore[call-overload]
    assert definitions["HeadingPlan"]["maxProperties"] == 1
    assert definitions["Length"]["not"] == {"required": ["minutes", "chars"]}
    assert schema["properties"]["template"]["examples"] == list(KINDS)  # type: ignore[index]
    assert schema["properties"]["date"]["format"] == "date"  # type: ignore[index]


def test_there_is_a_starter_for_every_kind() -> None:
    assert starter_kinds() == sorted(KINDS)


def test_modeline_names_the_schema_beside_the_brief() -> None:
    assert schema_modeline() == "# yaml-language-server: $schema=brief.schema.json"
    schema = json.loads(installed_schema_path().read_text(encoding="utf-8"))
    assert schema["title"] == "drafter 讲话稿简报"


def test_unknown_kind_lists_the_known_kinds() -> None:
    with pytest.raises(BriefError) as caught:
        starter_text("speech")
    assert str(caught.value) == "speech: no starter brief for this kind; known kinds: " + ", ".join(
        sorted(KINDS)
    )


TOP_LEVEL_KEY = re.compile(r"^([a-z_]+):")


def _unexplained_fields(text: str) -> list[str]:
    """Top-level fields with no Chinese comment above them (a run of one-line fields may share one)."""
    lines = [line for line in text.splitlines() if line.strip()]
    missing: list[str] = []
    for index, line in enumerate(lines):
        match = TOP_LEVEL_KEY.match(line)
        if not match:
            continue
        above = index - 1
        while above >= 0 and TOP_LEVEL_KEY.match(lines[above]) and not lines[above].rstrip().endswith(":"):
            above -= 1  # org: / region: / audience: under one comment
        if above < 0 or not (lines[above].startswith("#") and CJK.search(lines[above])):
            missing.append(match.group(1))
    return missing


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_starter_is_commented_and_valid(kind: str, tmp_path: Path) -> None:
    text = starter_text(kind)
    first, _, rest = text.partition("\n")
    assert first == schema_modeline()
    assert _unexplained_fields(rest) == []
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_brief_located(path, discover_templates())
    assert loaded.brief.template == kind
    findings = check_against_bank(loaded, load_bank())
    assert [str(f) for f in findings if f.is_error] == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_starter_drafts(kind: str, tmp_path: Path) -> None:
    from drafter.compose.pipeline import compose
    from drafter.compose.templating import TemplateSet

    path = tmp_path / f"{kind}.yaml"
    path.write_text(starter_text(kind), encoding="utf-8")
    templates = TemplateSet()
    brief = load_brief(path, templates.names())
    draft = compose(brief, load_bank(), templates)
    body = "\n".join(
        getattr(block, "text", "") + getattr(block, "body_text", "") for block in draft.document.blocks
    )
    # the writer's own substance is in the draft, with every point
    for section in brief.sections:
        for point in section.points:
            for sentence in point.text:
                assert sentence.rstrip("。") in body
    # ... and the draft of the untouched starter trips no rule of `drafter lint` but its gaps
    from drafter.lint import lint_draft
    from drafter.writers.markdown import render_markdown

    drafted = tmp_path / f"{kind}.md"
    drafted.write_text(render_markdown(draft.document), encoding="utf-8")
    assert [str(f) for f in lint_draft(drafted) if f.field != "gap"] == []
