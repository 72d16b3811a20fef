"""Rendering a .docx to PDF with LibreOffice, with free fonts standing in for the official ones.

For looking at a draft as a reader would and for the layout tests (22 lines × 28 characters,
`— N —` page numbers read back with `pdftotext -layout`). Needs the Debian packages
libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk and fonts-arphic-ukai.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib.resources import as_file, files
from pathlib import Path

from drafter.errors import OutputError, display_path

INSTALL_HINT = "Debian/Ubuntu: apt-get install libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai"


def find_soffice() -> str:
    """The LibreOffice program, or one `OutputError` line saying how to install it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise OutputError(f"PDF needs LibreOffice (soffice), which is not installed; {INSTALL_HINT}")
    return soffice


def render_pdf(docx_path: Path, out_dir: Path, *, timeout: float = 180) -> Path:
    """Convert `docx_path` to a PDF in `out_dir` and return the PDF's path."""
    soffice = find_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        as_file(files("drafter.writers.docx").joinpath("preview-fonts.xml")) as fonts,
        tempfile.TemporaryDirectory(prefix="drafter-lo-") as profile,
    ):
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts))
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    pdf = out_dir / f"{docx_path.stem}.pdf"
    if done.returncode != 0 or not pdf.exists():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise OutputError(
            f"{display_path(docx_path)}: LibreOffice made no PDF ({detail[-1] if detail else 'no output'})"
        )
    return pdf


def pdf_text(pdf: Path) -> list[str]:
    """The PDF's pages as `pdftotext -layout` text, one string per page."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise OutputError("pdftotext: not found (install poppler-utils)")
    done = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = done.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
