"""`drafter draft --format pdf`: the .docx through LibreOffice with the stand-in fonts, or one clear line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from render_tools import missing_render_tools, skip_reason

from drafter.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "training.yaml"


def test_without_libreoffice_one_line_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = CliRunner().invoke(main, ["draft", str(EXAMPLE), "-o", str(tmp_path / "d.pdf")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "PDF needs LibreOffice (soffice), which is not installed; "
        "Debian/Ubuntu: apt-get install libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai"
    ]
    assert not (tmp_path / "d.pdf").exists()


@pytest.mark.skipif(bool(missing_render_tools()), reason=skip_reason(missing_render_tools()))
def test_pdf_renders_with_the_stand_in_fonts(tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    result = CliRunner().invoke(main, ["draft", str(EXAMPLE), "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    # the stand-ins of preview-fonts.xml: a 仿宋 and a 楷体 stand-in, not one sans font for everything
    assert "AR PL UKai" in fonts or "UKai" in fonts, fonts
    assert "Serif" in fonts, fonts


@pytest.mark.skipif(bool(missing_render_tools()), reason=skip_reason(missing_render_tools()))
def test_preview_renders_an_existing_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["draft", str(EXAMPLE), "-o", "讲话稿.docx"]).exit_code == 0
    result = CliRunner().invoke(main, ["preview", "讲话稿.docx"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "讲话稿.pdf: PDF written\n"
    assert (tmp_path / "讲话稿.pdf").read_bytes().startswith(b"%PDF")
    again = CliRunner().invoke(main, ["preview", "讲话稿.docx"])
    assert again.exit_code == 1
    assert "already exists" in again.stderr


def test_preview_without_libreoffice_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.docx").write_bytes(b"PK")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = CliRunner().invoke(main, ["preview", str(tmp_path / "d.docx")])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("PDF needs LibreOffice (soffice)")
