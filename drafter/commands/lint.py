"""`drafter lint DRAFT`: what to fix in a draft before it goes to the leader."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.lint import lint_draft

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("draft", type=FILE)
@click.option(
    "--brief",
    "brief_path",
    type=FILE,
    metavar="BRIEF",
    help="The brief the draft was made from: report figures, dates, places and bodies it does not give.",
)
def lint(draft: Path, brief_path: Path | None) -> None:
    """Check a draft (.md, .txt or .docx, drafted or edited by hand).

    \b
    Reports, one line each as DRAFT:PARAGRAPH: rule: message:
      placeholders and gaps left ({slot}, …, XX, 〔待补：…〕), repeated sentences and
      sentence openings, uneven parallel headings, a lone 一是, unpaired quotes and
      brackets, 即 followed by a repeated verb, and with --brief particulars the brief
      does not contain. Exits 1 when there is any finding, 0 when the draft is clean.

    \b
    Example:
      drafter lint draft.docx --brief brief.yaml
    """
    findings = lint_draft(draft, brief_path)
    for finding in findings:
        click.echo(str(finding))
    if findings:
        raise SystemExit(1)
