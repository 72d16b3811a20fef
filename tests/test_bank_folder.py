"""Bank folders at the root of a git repository: dotfiles and other tools' YAML are skipped, with one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_helpers import CLOSING, CORPUS, write_bank
from click.testing import CliRunner

from drafter.bank.folder import folder_files, is_bank_file
from drafter.bank.load import load_bank
from drafter.bank.validate import validate_bank
from drafter.cli import main

PRE_COMMIT = """
    repos:
      - repo: https://github.com/example/drafter
        rev: 0123456789abcdef0123456789abcdef01234567
        hooks:
          - id: drafter-bank-validate
"""
MKDOCS = """
    site_name: 讲话稿词库
    nav: [index.md]
"""
EXAMPLE = Path(__file__).parent.parent / "examples" / "training.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    files = {"closing.call.yaml": CLOSING, ".pre-commit-config.yaml": PRE_COMMIT, "mkdocs.yaml": MKDOCS}
    return write_bank(tmp_path / "team", files, CORPUS)


def test_only_bank_files_are_read(repo: Path) -> None:
    found = folder_files(repo)
    assert [p.name for p in found.bank] == ["closing.call.yaml"]
    assert [p.name for p in found.skipped] == [".pre-commit-config.yaml", "mkdocs.yaml"]


@pytest.mark.parametrize(
    ("text", "bank"),
    [
        ("function: quote\nentries: []\n", True),
        ("# 注释\nentries:\n  - id: x\n", True),
        ("{function: quote, entries: []}\n", True),
        ("functon: quote\nentries: []\n", True),  # a typo is still a bank file, so the typo is reported
        ("", True),  # empty: reported as an empty bank file
        ("- id: x\n", True),  # a list: reported as the wrong shape
        ("site_name: x\n", False),
        ("repos:\n  - repo: local\n", False),
    ],
)
def test_what_counts_as_a_bank_file(tmp_path: Path, text: str, bank: bool) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    assert is_bank_file(path) is bank


def test_load_skips_them_and_says_so_once(repo: Path) -> None:
    bank = load_bank([repo], builtin=False)
    assert len(bank) == 2
    assert [str(w) for w in bank.warnings] == [
        "team: warning: skipped, not bank files (dotfiles, or YAML without function:/entries:): "
        ".pre-commit-config.yaml, mkdocs.yaml"
    ]


def test_validate_reports_the_skip_as_one_warning_and_counts_bank_files(repo: Path) -> None:
    report = validate_bank([repo], builtin=False)
    assert report.errors == []
    assert [f.message for f in report.warnings] == [
        "skipped, not bank files (dotfiles, or YAML without function:/entries:): "
        ".pre-commit-config.yaml, mkdocs.yaml"
    ]
    assert report.summary() == "2 entries in 1 file: 0 errors, 1 warning"


@pytest.mark.parametrize(
    "args",
    [
        ["bank", "validate", "team"],
        ["check", str(EXAMPLE), "--phrasebank", "team"],
        ["draft", str(EXAMPLE), "--phrasebank", "team", "-o", "out.md"],
        ["bank", "stats", "--phrasebank", "team"],
    ],
)
def test_every_command_skips_them(repo: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "function: missing" not in result.output
    assert result.output.count("skipped, not bank files") == 1
