"""`drafter new`, `drafter check` and `drafter schema`: starting, checking and describing a brief.

The brief model, the bank and the templates (pydantic, Jinja) are imported inside the commands,
so that `drafter --help` and the other commands do not pay for them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from drafter.atomic import write_atomic
from drafter.commands.options import phrasebank_option, templates_option
from drafter.completion import complete_kind
from drafter.errors import DrafterError, display_path


@click.command("new")
@click.argument("kind", metavar="KIND", shell_complete=complete_kind)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the brief (default: KIND.yaml in the current folder; '-' for stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def new_command(kind: str, output: Path | None, force: bool) -> None:
    """Write a commented starter brief for KIND, a speech kind.

    The starter's comments (in Chinese) explain every field; replace its sample content with
    your own and draft it. Its first line points editors with yaml-language-server (VS Code's
    YAML extension and others) at brief.schema.json beside it, which is written too (kept if
    it is already there and current), so they check and complete fields while you type, on
    any machine the folder is copied to. Kinds (what each is for: drafter templates):
    work_meeting, training, system_meeting, closing_remarks (its old name summary works too),
    deployment, mobilization, annual_review, symposium, commendation, training_opening,
    opening_address, closing_address, chair_script.

    \b
    Examples:
      drafter new work_meeting                  # writes work_meeting.yaml
      drafter new closing_remarks -o 总结讲话.yaml
      drafter new training -o brief.yaml --force
      drafter new system_meeting -o -           # print it instead
    """
    from drafter.compose.starters import starter_text

    text = starter_text(kind)
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    target = output if output is not None else Path(f"{kind}.yaml")
    write_atomic(target, text, force=force)
    click.echo(f"{display_path(target)}: starter brief for {kind} written", err=True)
    _write_schema_beside(target, force=force)


def _write_schema_beside(brief: Path, *, force: bool) -> None:
    """brief.schema.json beside a new brief, unless an identical one is there (never clobbered)."""
    from drafter.compose.starters import SCHEMA_FILE, brief_schema_text

    schema = brief.parent / SCHEMA_FILE
    text = brief_schema_text()
    if schema.is_file():
        try:
            current = schema.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            current = False
        if current:
            return
        if not force:
            click.echo(
                f"{display_path(schema)}: warning: differs from this drafter's brief schema; kept "
                f"(refresh it with drafter schema -o {display_path(schema)} --force)",
                err=True,
            )
            return
    write_atomic(schema, text, force=True)
    click.echo(f"{display_path(schema)}: brief schema written (editors read it through line 1)", err=True)


@click.command("check")
@click.argument("briefs", metavar="BRIEF...", nargs=-1, required=True, type=click.Path(path_type=Path))
@templates_option
@phrasebank_option
@click.option(
    "--gaps/--no-gaps",
    "list_gaps",
    default=True,
    show_default=True,
    help="List the points the bank has no material about (the draft's 〔待补：…〕 gaps); "
    "--no-gaps checks the brief alone, without drafting it (faster).",
)
def check_command(
    briefs: tuple[Path, ...], templates_dir: Path | None, phrasebanks: tuple[Path, ...], list_gaps: bool
) -> None:
    """Check briefs without drafting: report every problem of every BRIEF at once.

    Each problem is one line, FILE:LINE: field: message (list items are counted from 0:
    sections.0 is the first section). Besides the brief's own format, checks what needs the
    templates and the phrase bank: the template exists, heading sets named by headings.set and
    point_headings.set exist and have a member for every section or point, phrases.use and
    phrases.avoid name existing entries, font_profile names a known .docx font profile. Tags no
    bank entry carries are warnings. Then the points the bank has no material about are listed as
    the draft will mark them (待补：…), with about how much the writer must add, so that the writer
    can add words to the brief before drafting (--no-gaps leaves this out). Prints 'BRIEF: ok'
    for each good brief; exits 1 if any brief has an error (gaps are warnings).

    \b
    Examples:
      drafter check brief.yaml                   # problems, then the gaps a draft will have
      drafter check examples/*.yaml --phrasebank ~/team-bank --no-gaps
      drafter check my.yaml --templates ~/my-templates
    """
    from drafter.bank.load import load_bank
    from drafter.compose.brief_check import check_against_bank, check_font_profile
    from drafter.compose.brief_load import load_brief_located
    from drafter.compose.templating import discover_templates

    known = discover_templates(templates_dir)
    bank = load_bank(list(phrasebanks))
    for warning in bank.warnings:
        click.echo(str(warning), err=True)
    failed = False
    for path in briefs:
        try:
            loaded = load_brief_located(path, known)
        except DrafterError as exc:
            click.echo(str(exc), err=True)
            failed = True
            continue
        findings = check_against_bank(loaded, bank) + check_font_profile(loaded)
        for finding in findings:
            click.echo(str(finding), err=True)
        if any(f.is_error for f in findings):
            failed = True
        else:
            try:
                if list_gaps:
                    _list_gaps(loaded, bank, templates_dir)
            except DrafterError as exc:  # what drafting would fail on is an error of the brief too
                click.echo(str(exc), err=True)
                failed = True
                continue
            click.echo(f"{loaded.shown}: ok")
    if failed:
        sys.exit(1)


@click.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the schema to this file instead of printing it.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def schema_command(output: Path | None, force: bool) -> None:
    """Print the JSON Schema of a brief.

    Editors use it to check and complete a brief while you type; field descriptions are in
    Chinese. Briefs made by 'drafter new' name brief.schema.json beside them on their first
    line (# yaml-language-server: $schema=brief.schema.json), and 'drafter new' writes it.

    \b
    Examples:
      drafter schema -o brief.schema.json          # beside your briefs
      drafter schema -o brief.schema.json --force  # refresh it after upgrading drafter
    """
    from drafter.compose.starters import brief_schema_text

    text = brief_schema_text()
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(output, text, force=force)


def _list_gaps(loaded: Any, bank: Any, templates_dir: Path | None) -> None:
    """The gaps a draft of the brief will have, one warning line each, and their sum."""
    from drafter.compose.pipeline import compose
    from drafter.compose.templating import TemplateSet

    draft = compose(loaded.brief, bank, TemplateSet(templates_dir))
    for gap in draft.gaps:
        section, point = (int(part[1:]) - 1 for part in gap.point.split("."))
        loc = ("sections", section, "points", point)
        click.echo(str(loaded.finding(loc, f"待补：{gap.wanted}（约{gap.chars}字）", "warning")), err=True)
    if summary := draft.gap_summary():
        click.echo(f"{loaded.shown}: {summary}", err=True)
