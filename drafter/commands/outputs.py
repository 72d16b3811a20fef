"""What `drafter draft` checks about its outputs before drafting: stdout, PDF, options that do not apply."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.errors import OutputError
from drafter.stdio import is_stdio
from drafter.writers import DOCX_FORMATS

if TYPE_CHECKING:
    from drafter.commands.draft import Job


def check_options(
    jobs: Sequence[Job], *, trace: bool, font_profile: str | None, reference_docx: Path | None, annotate: bool
) -> None:
    """Refuse what cannot be done before any work; warn (one line) about options that do not apply."""
    from drafter.stdio import check_stdout_takes

    for job in jobs:
        if is_stdio(job.output):
            if trace:
                raise OutputError("--trace: needs -o FILE (the trace goes beside the draft, not to stdout)")
            check_stdout_takes(job.fmt)
    if any(job.fmt == "pdf" for job in jobs):
        from drafter.writers.docx.preview import find_soffice

        find_soffice()
    given = [
        name
        for name, used in (
            ("--font-profile", font_profile is not None),
            ("--reference-docx", reference_docx is not None),
            ("--annotate", annotate),
        )
        if used
    ]
    others = sorted({job.fmt for job in jobs if job.fmt not in DOCX_FORMATS})
    if given and others:
        formats = " and ".join(f".{fmt}" for fmt in others)
        click.echo(
            f"warning: {', '.join(given)}: only for .docx and .pdf output, ignored for {formats}", err=True
        )
