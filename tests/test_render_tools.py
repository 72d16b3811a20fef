"""The rendering tests skip on a bare machine, saying why and how to enable them; CI makes them fail."""

from __future__ import annotations

import shutil

import pytest
from render_tools import INSTALL, require_render_tools


def _no_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)


def test_missing_tools_skip_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_tools(monkeypatch)
    monkeypatch.delenv("DRAFTER_REQUIRE_RENDER", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_render_tools()
    assert "soffice (LibreOffice)" in str(skipped.value)
    assert "pdftotext (poppler)" in str(skipped.value)
    assert INSTALL in str(skipped.value)


def test_ci_turns_the_skip_into_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_tools(monkeypatch)
    monkeypatch.setenv("DRAFTER_REQUIRE_RENDER", "1")
    with pytest.raises(pytest.fail.Exception, match="DRAFTER_REQUIRE_RENDER=1"):
        require_render_tools()


def test_ci_requires_the_render_tools() -> None:
    from pathlib import Path

    script = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "export DRAFTER_REQUIRE_RENDER=1" in script
    assert "libreoffice-writer-nogui" in script
