"""Portable schemas: an `$id` in each, and a brief whose schema reference resolves on any machine."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from drafter.cli import main
from drafter.compose.starters import SCHEMA_FILE, brief_schema_text, installed_schema_path


def test_both_schemas_have_an_id() -> None:
    brief = json.loads(installed_schema_path().read_text(encoding="utf-8"))
    bank = json.loads((installed_schema_path().parent / "bank.schema.json").read_text(encoding="utf-8"))
    assert brief["$id"] == "urn:drafter:schema:brief"
    assert bank["$id"] == "urn:drafter:schema:bank"


def test_new_names_a_schema_beside_the_brief_and_writes_it(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "brief.yaml"
    result = CliRunner().invoke(main, ["new", "training", "-o", str(target)])
    assert result.exit_code == 0, result.output
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    assert "file://" not in first and "site-packages" not in first
    schema = target.parent / SCHEMA_FILE
    assert schema.read_text(encoding="utf-8") == brief_schema_text()
    assert "brief schema written" in result.stderr


def test_a_current_schema_is_kept_quietly_a_stale_one_is_kept_with_a_warning(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["new", "training", "-o", str(tmp_path / "a.yaml")]).exit_code == 0
    second = CliRunner().invoke(main, ["new", "summary", "-o", str(tmp_path / "b.yaml")])
    assert second.exit_code == 0 and "brief.schema.json" not in second.stderr
    stale = tmp_path / SCHEMA_FILE
    stale.write_text("{}", encoding="utf-8")
    third = CliRunner().invoke(main, ["new", "summary", "-o", str(tmp_path / "c.yaml")])
    assert third.exit_code == 0
    assert "differs from this drafter's brief schema; kept" in third.stderr
    assert stale.read_text(encoding="utf-8") == "{}"
    forced = CliRunner().invoke(main, ["new", "summary", "-o", str(tmp_path / "c.yaml"), "--force"])
    assert forced.exit_code == 0
    assert stale.read_text(encoding="utf-8") == brief_schema_text()


def test_new_to_stdout_writes_no_schema_file(tmp_path: Path, monkeypatch: object) -> None:
    import os

    os.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "training", "-o", "-"])
    assert result.exit_code == 0
    assert list(tmp_path.iterdir()) == []
