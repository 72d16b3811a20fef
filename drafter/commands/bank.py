"""Placeholder: this command family is being built (see the open issues)."""

import click

COMMANDS: list[click.Command] = []
