"""The `drafter` command line: the root group, which loads each command only when it is run.

Commands live in `drafter.commands.*`. They are named here and imported lazily, so `drafter draft`
never pays for the miner's or the bank tools' imports. A `DrafterError` escaping any command
becomes its message on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import gc
import importlib
from typing import Any

import click

from drafter import __version__
from drafter.errors import DrafterError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

# Command name -> "module:attribute", in the order `drafter --help` lists them.
COMMANDS: dict[str, str] = {
    "draft": "drafter.commands.draft:draft_command",
    "templates": "drafter.commands.draft:templates_command",
    "preview": "drafter.commands.preview:preview_command",
    "new": "drafter.commands.brief:new_command",
    "check": "drafter.commands.brief:check_command",
    "schema": "drafter.commands.brief:schema_command",
    "bank": "drafter.commands.bank:bank",
    "mine": "drafter.commands.mine:mine",
    "serve": "drafter.commands.serve:serve_command",
}


class DrafterGroup(click.Group):
    """A group that imports a command on first use and turns user errors into one clean exit."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command), target
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DrafterError as exc:
            click.echo(str(exc), err=True)
            ctx.exit(1)


@click.group(cls=DrafterGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="drafter")
def main() -> None:
    """Draft Chinese government speeches (讲话稿) offline from a short YAML brief.

    \b
    Quick start:
      drafter new work_meeting -o brief.yaml    # a commented starter brief
      drafter draft brief.yaml -o draft.docx    # the draft, in GB/T 9704 layout
    """


def run() -> None:
    """The console script: `main` with the cyclic garbage collector off, as suits a short-lived process.

    Reference counting still frees everything that is not in a cycle, which is nearly all that a
    command makes; the collector's passes over the many objects that imports create (pydantic and
    python-docx classes, compiled templates) cost a tenth of a short run, and its final collection at
    exit a third: both are skipped.
    """
    gc.disable()
    try:
        main()
    finally:
        gc.freeze()
