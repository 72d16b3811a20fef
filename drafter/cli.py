"""The `drafter` command line: registers the command families and turns user errors into one line."""

from __future__ import annotations

import click

from drafter import __version__
from drafter.commands import bank, draft, mine

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="drafter")
def main() -> None:
    """Draft Chinese government speeches (讲话稿) offline from a short YAML brief.

    \b
    Quick start:
      drafter new work_meeting -o brief.yaml    # a commented starter brief
      drafter draft brief.yaml -o draft.docx    # the draft, in GB/T 9704 layout
    """


for family in (draft, bank, mine):
    for command in family.COMMANDS:
        main.add_command(command)
