"""Options that several commands share, defined once so that their names and help agree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def phrasebank_option(command: F) -> F:
    """`--phrasebank DIR` (repeatable), passed as `phrasebanks`."""
    return click.option(
        "--phrasebank",
        "phrasebanks",
        multiple=True,
        type=click.Path(path_type=Path, file_okay=False),
        metavar="DIR",
        help="A phrase-bank folder stacked over the built-in bank (repeatable; later folders win).",
    )(command)


def templates_option(command: F) -> F:
    """`--templates DIR`, passed as `templates_dir`."""
    return click.option(
        "--templates",
        "templates_dir",
        type=click.Path(path_type=Path, file_okay=False),
        metavar="DIR",
        help="A folder of your own speech templates (*.j2); adds to or overrides the built-in ones.",
    )(command)
