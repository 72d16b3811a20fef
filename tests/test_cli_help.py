"""Help and options say the same thing the same way in every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import main


def help_of(*command: str) -> str:
    result = CliRunner().invoke(main, [*command, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    "command",
    [("draft",), ("check",), ("bank", "search"), ("bank", "show"), ("bank", "stats")],
)
def test_the_bank_folder_option_is_dir_everywhere(command: tuple[str, ...]) -> None:
    text = help_of(*command)
    assert "--phrasebank DIR" in text
    assert "DIRECTORY" not in text and "--phrasebank PATH" not in text


def test_templates_option_is_dir_too() -> None:
    assert "--templates DIR" in help_of("draft") and "--templates DIR" in help_of("check")


def test_bank_merge_arguments_say_what_they_are() -> None:
    text = help_of("bank", "merge")
    assert "merge [OPTIONS] MINED_DIR BANK_DIR" in text
    assert " OUT " not in text


def test_schema_help_has_no_developer_example() -> None:
    assert "drafter/schemas" not in help_of("schema")


def test_bank_schema_writes_a_file_and_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "bank.schema.json"
    first = CliRunner().invoke(main, ["bank", "schema", "-o", str(target)])
    assert first.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["$id"] == "urn:drafter:schema:bank"
    again = CliRunner().invoke(main, ["bank", "schema", "-o", str(target)])
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert CliRunner().invoke(main, ["bank", "schema", "-o", str(target), "--force"]).exit_code == 0
