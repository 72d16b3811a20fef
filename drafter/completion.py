"""Value completion for the shell (Click's `shell_complete`): kinds, font profiles, bank entry ids.

Enabled as Click completion is: `eval "$(_DRAFTER_COMPLETE=bash_source drafter)"` (zsh_source,
fish_source). Formats, functions and statuses are `click.Choice`s and complete by themselves.
Completion must never fail, so every completer swallows errors and offers nothing. Click's
completion module is imported by the completers, not by the commands that name them (a draft
never completes anything).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem


def complete_kind(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The speech kinds `drafter new` has starters for."""
    from click.shell_completion import CompletionItem

    try:
        from drafter.compose.starters import starter_kinds

        return [CompletionItem(kind) for kind in starter_kinds() if kind.startswith(incomplete)]
    except Exception:
        return []


def complete_font_profile(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The built-in font profiles; a path (a .yaml profile) completes as a file."""
    from click.shell_completion import CompletionItem

    from drafter.writers.docx.fonts import BUILTIN_PROFILES

    names = [CompletionItem(name) for name in sorted(BUILTIN_PROFILES) if name.startswith(incomplete)]
    return names or [CompletionItem(incomplete, type="file")]


def complete_entry_id(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Entry ids of the bank the command line names so far (built-in plus --phrasebank folders)."""
    from click.shell_completion import CompletionItem

    try:
        from drafter.bank.load import load_bank

        folders = ctx.params.get("phrasebanks") or ()
        bank = load_bank(list(folders), builtin=not ctx.params.get("no_builtin", False))
        return [CompletionItem(key) for key in bank.entries if key.startswith(incomplete)]
    except Exception:
        return []
