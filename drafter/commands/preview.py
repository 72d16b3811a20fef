"""`drafter preview`: a .docx as a PDF, through LibreOffice with the stand-in fonts (no Word needed)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from drafter.errors import InputFileError, display_path


@click.command("preview")
@click.argument("docx_file", metavar="DRAFT.docx", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The PDF to write (default: DRAFT.pdf beside the .docx; - for stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def preview_command(docx_file: Path, output: Path | None, force: bool) -> None:
    """Render a .docx to PDF as a reader would see it, without Word.

    LibreOffice (soffice) does the rendering; free fonts stand in for 仿宋_GB2312, 楷体_GB2312,
    黑体 and 方正小标宋 (drafter's bundled font mapping), so headings and body keep their own faces.
    Plain `soffice --convert-to pdf` would set every heading in one sans font. Needs the Debian
    packages libreoffice-writer-nogui, fonts-noto-cjk and fonts-arphic-ukai.

    \b
    Examples:
      drafter preview 讲话稿.docx                 # 讲话稿.pdf beside it
      drafter preview draft.docx -o - | lp       # print it
      drafter draft brief.yaml -o 讲话稿.pdf      # draft straight to PDF
    """
    from drafter.atomic import check_writable, write_atomic
    from drafter.stdio import check_stdout_takes, is_stdio, write_stdout
    from drafter.writers.docx.preview import find_soffice, render_pdf

    target = output if output is not None else docx_file.with_suffix(".pdf")
    if is_stdio(target):
        check_stdout_takes("pdf")
    else:
        check_writable(target, force=force)
    if not docx_file.is_file():
        raise InputFileError(f"{display_path(docx_file)}: no such file")
    find_soffice()
    with tempfile.TemporaryDirectory(prefix="drafter-preview-") as work:
        source = Path(work) / "draft.docx"  # a plain name: LibreOffice names its output after it
        source.write_bytes(docx_file.read_bytes())
        data = render_pdf(source, Path(work) / "out").read_bytes()
    if is_stdio(target):
        write_stdout(data)
    else:
        write_atomic(target, data, force=force)
        click.echo(f"{display_path(target)}: PDF written", err=True)
