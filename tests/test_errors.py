"""Findings print as one line, whatever the user's text they quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import Finding, display_path, display_paths


def test_a_finding_is_one_line_even_when_a_key_holds_line_breaks() -> None:
    finding = Finding("brief.yaml", 3, "\n®", "unknown field \u2028x\r", severity="warning")
    assert str(finding) == "brief.yaml:3: \\n®: warning: unknown field \\u2028x\\r"
    assert len(str(finding).splitlines()) == 1


def test_a_symlinked_file_is_shown_by_its_own_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "brief.yaml").symlink_to(tmp_path / "gone.yaml")
    assert display_path(tmp_path / "sub" / "brief.yaml") == "sub/brief.yaml"
    assert display_path("sub/../sub/brief.yaml") == "sub/brief.yaml"
    assert display_path(tmp_path / "sub" / "..") == "."


def test_display_paths_are_what_display_path_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "here" / "sub").mkdir(parents=True)
    (tmp_path / "here" / "link").symlink_to(tmp_path / "here" / "sub")
    monkeypatch.chdir(tmp_path / "here")
    paths = [
        Path("a.yaml"),
        Path("sub/b.yaml"),
        Path("sub/../sub/c.yaml"),
        Path("link/d.yaml"),
        tmp_path / "here" / "sub" / "e.yaml",
        tmp_path / "elsewhere.yaml",
        Path("/no/such/folder/f.yaml"),
        Path(".."),
        Path("sub/.."),
    ]
    assert display_paths(paths) == [display_path(path) for path in paths]
    assert display_paths(paths)[:4] == ["a.yaml", "sub/b.yaml", "sub/c.yaml", "sub/d.yaml"]
