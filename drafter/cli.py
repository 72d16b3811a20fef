"""The `drafter` command line: the root group, which loads each command only when it is run.

Commands live in `drafter.commands.*`. They are named here and imported lazily, so `drafter draft`
never pays for the miner's or the bank tools' imports. A `DrafterError` escaping any command
becomes its message on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import types
from typing import Any

import click

from drafter import __version__
from drafter.errors import DrafterError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

# Command name -> "module:attribute", in the order `drafter --help` lists them.
COMMANDS: dict[str, str] = {
    "draft": "drafter.commands.draft:draft_command",
    "templates": "drafter.commands.draft:templates_command",
    "suggest": "drafter.commands.suggest:suggest_command",
    "preview": "drafter.commands.preview:preview_command",
    "new": "drafter.commands.brief:new_command",
    "check": "drafter.commands.brief:check_command",
    "schema": "drafter.commands.brief:schema_command",
    "bank": "drafter.commands.bank:bank",
    "mine": "drafter.commands.mine:mine",
    "lint": "drafter.commands.lint:lint",
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


_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_plugins() -> types.ModuleType:
    """A stand-in for pydantic's plugin loader that finds no plugins (what the real one returns
    under `PYDANTIC_DISABLE_PLUGINS=__all__`); any other name is looked up in the real module."""
    stub = types.ModuleType(_PLUGIN_LOADER)

    def get_plugins() -> tuple[()]:
        return ()

    def real(name: str) -> Any:
        if name.startswith("__"):  # what the import system asks of any module
            raise AttributeError(name)
        if sys.modules.get(_PLUGIN_LOADER) is stub:
            del sys.modules[_PLUGIN_LOADER]
        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stub.get_plugins = get_plugins  # type: ignore[attr-defined]
    stub.__getattr__ = real  # type: ignore[method-assign]
    return stub


def run() -> None:
    """The console script: `main` with the cyclic garbage collector off, as suits a short-lived process.

    Reference counting still frees everything that is not in a cycle, which is nearly all that a
    command makes; the collector's passes over the many objects that imports create (pydantic and
    python-docx classes, compiled templates) cost a tenth of a short run, and its final collection at
    exit a third: both are skipped. drafter uses no pydantic plugins: not looking for them spares
    the installed packages' metadata scan when the first model is built, and standing in for
    pydantic's plugin loader spares importing `importlib.metadata` (with `email`, `socket`, `csv`:
    about 6 ms) at all; `PYDANTIC_DISABLE_PLUGINS` set by the user is respected.
    """
    if os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__") == "__all__":
        sys.modules.setdefault(_PLUGIN_LOADER, _no_plugins())
    gc.disable()
    try:
        main()
    finally:
        gc.freeze()
