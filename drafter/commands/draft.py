"""`drafter draft` and `drafter templates`: drafting speeches from briefs, listing speech templates.

Heavy modules (Jinja, pydantic, python-docx) are imported inside the commands, so that
`drafter --help` and the other commands start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from drafter.commands.options import phrasebank_option, templates_option
from drafter.commands.outputs import check_options
from drafter.completion import complete_font_profile
from drafter.errors import BriefError, DrafterError, OutputError, SelectionError, display_path
from drafter.stdio import STDIO, is_stdio
from drafter.writers import FORMATS, RenderOptions

if TYPE_CHECKING:
    from drafter.bank.load import Bank
    from drafter.compose.templating import TemplateSet


class Job(NamedTuple):
    """One brief and the file its draft goes to (a NamedTuple: cheaper to define than a dataclass)."""

    brief: Path
    output: Path
    fmt: str


def trace_path(output: Path) -> Path:
    """Where `--trace` writes: beside the draft, `<stem>.trace.tsv`."""
    return output.with_name(output.stem + ".trace.tsv")


def _format_of(output: Path, fmt: str | None) -> str:
    """The format of `-o FILE`: its suffix's (which --format must not contradict), else --format's."""
    suffix = output.suffix.lower().lstrip(".")
    if not suffix:  # a name ending in a dot (`draft.`) says no format
        return fmt or "docx"
    if suffix in FORMATS:
        if fmt is not None and fmt != suffix:
            raise OutputError(f"{display_path(output)}: the suffix .{suffix} does not match --format {fmt}")
        return suffix
    if fmt is None:
        raise OutputError(
            f"{display_path(output)}: cannot tell the format from .{suffix}; "
            f"use a .docx, .md, .txt or .pdf name or --format"
        )
    return fmt


def plan_outputs(briefs: Sequence[Path], given: str | None, fmt: str | None) -> list[Job]:
    """The output file of each brief: `-o FILE` for one brief, `-o DIR`, or `<stem>.<format>` here.

    `-o` names a folder when it is one, ends in a slash or has no suffix (`-o drafts`). `-o -` (and
    a brief read from standard input, `-`, without `-o`) is standard output.
    """
    if sum(1 for b in briefs if is_stdio(b)) > 1:
        raise OutputError("-: standard input can be read only once; name - once")
    if given == STDIO or (given is None and list(map(str, briefs)) == [STDIO]):
        if len(briefs) > 1:
            raise OutputError("-o -: standard output takes one draft; use -o DIR for several briefs")
        return [Job(briefs[0], Path(STDIO), fmt or "docx")]
    output = Path(given if given is not None else ".")
    if given is not None and not (output.is_dir() or given.endswith(("/", "\\")) or not output.suffix):
        if len(briefs) > 1:
            raise OutputError(f"{display_path(output)}: -o must be a folder when drafting several briefs")
        return [Job(briefs[0], output, _format_of(output, fmt))]
    chosen = fmt or "docx"
    jobs = [Job(b, output / f"{b.stem}.{chosen}", chosen) for b in briefs]
    seen: dict[Path, Path] = {}
    for job in jobs:
        if job.output in seen:
            raise OutputError(
                f"{display_path(job.output)}: both {display_path(seen[job.output])} and "
                f"{display_path(job.brief)} would be drafted to this file; draft them one by one with -o FILE"
            )
        seen[job.output] = job.brief
    return jobs


@click.command("draft")
@click.argument("briefs", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="BRIEF...")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Output file, or folder (exists, ends in / or has no suffix; needed for several briefs), "
    "or - for stdout. Default: BRIEF's name in the current folder (stdout for a brief read from -).",
)
@click.option(
    "--format",
    "--to",
    "fmt",
    type=click.Choice(FORMATS),
    help="docx (GB/T 9704 layout), md, txt, or pdf (through LibreOffice); "
    "default: the -o FILE suffix, else docx.",
)
@click.option("--seed", type=int, help="Another draft of the same brief (default: the brief's seed, else 0).")
@phrasebank_option
@templates_option
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@click.option(
    "--trace", is_flag=True, help="Also write <output stem>.trace.tsv: the bank source of each sentence."
)
@click.option(
    "--font-profile",
    shell_complete=complete_font_profile,
    help=".docx fonts: standard, windows or your own profile name.",
)
@click.option(
    "--reference-docx",
    type=click.Path(path_type=Path, dir_okay=False),
    help=".docx: take page setup, headers, footers and styles from this house template.",
)
@click.option(
    "--annotate", is_flag=True, help=".docx: a Word comment with the source of every bank sentence."
)
@click.option(
    "--no-gaps",
    is_flag=True,
    help="Leave points the bank knows too little about short, without 〔待补：…〕 marks.",
)
def draft_command(
    briefs: tuple[Path, ...],
    output: str | None,
    fmt: str | None,
    seed: int | None,
    phrasebanks: tuple[Path, ...],
    templates_dir: Path | None,
    force: bool,
    trace: bool,
    font_profile: str | None,
    reference_docx: Path | None,
    annotate: bool,
    no_gaps: bool,
) -> None:
    """Draft a speech from each BRIEF (a YAML file, or - for stdin; start one with `drafter new`).

    The bank and templates are loaded once for all briefs. An existing output is never replaced
    without --force; each file is written whole or not at all. The length of each draft goes to
    stderr as 约N字，约M分钟, with the gaps to fill
    (3 处待补，约需补写 400 字) and any warnings (uneven parallel headings, a bank too thin for the
    target length). A brief that fails is reported and the others are still drafted; the exit
    status is then 1.

    \b
    Examples:
      drafter draft brief.yaml                    # brief.docx here
      drafter draft brief.yaml -o 讲话稿.md        # Markdown
      drafter draft brief.yaml -o 讲话稿.pdf       # PDF through LibreOffice, with stand-in fonts
      cat brief.yaml | drafter draft - --to md    # stdin to stdout
      drafter draft a.yaml b.yaml -o drafts/      # drafts/a.docx, drafts/b.docx
      drafter draft brief.yaml --seed 7 --force   # another draft, replacing brief.docx
      drafter draft brief.yaml --phrasebank team-bank/ --trace
      drafter draft brief.yaml --font-profile windows --annotate
    """
    from drafter.bank.load import load_bank
    from drafter.compose.templating import TemplateSet

    jobs = plan_outputs(briefs, output, fmt)
    check_options(
        jobs, trace=trace, font_profile=font_profile, reference_docx=reference_docx, annotate=annotate
    )
    templates = TemplateSet(templates_dir)
    bank = load_bank(list(phrasebanks))
    for warning in bank.warnings:
        click.echo(str(warning), err=True)
    options = RenderOptions(font_profile=font_profile, reference_docx=reference_docx, annotate=annotate)
    failed = False
    for job in jobs:
        try:
            _draft_one(job, templates, bank, seed, options, force=force, trace=trace, gaps=not no_gaps)
        except DrafterError as exc:
            click.echo(str(exc), err=True)
            failed = True
    if failed:
        sys.exit(1)


def _draft_one(
    job: Job,
    templates: TemplateSet,
    bank: Bank,
    seed: int | None,
    options: RenderOptions,
    *,
    force: bool,
    trace: bool,
    gaps: bool = True,
) -> None:
    from drafter.atomic import check_writable, write_atomic
    from drafter.compose.brief_check import check_against_bank
    from drafter.compose.brief_load import load_brief_located
    from drafter.compose.pipeline import compose
    from drafter.trace import trace_tsv
    from drafter.writers import get_writer

    shown = display_path(job.brief)
    to_stdout = is_stdio(job.output)
    if not to_stdout:
        check_writable(job.output, force=force)
    if trace:
        check_writable(trace_path(job.output), force=force)
    loaded = load_brief_located(job.brief, templates.names())
    findings = check_against_bank(loaded, bank)
    if errors := [f for f in findings if f.is_error]:
        raise BriefError(findings=errors)
    try:
        draft = compose(loaded.brief, bank, templates, seed=seed, gaps=gaps)
    except SelectionError as exc:
        raise SelectionError(f"{shown}: {exc}") from None
    warnings = [f for f in findings if not f.is_error]
    warnings += [loaded.finding(w.loc, w.message, "warning") for w in draft.warnings]
    for warning in warnings:
        click.echo(str(warning), err=True)
    data = get_writer(job.fmt)(draft.document, options)
    if to_stdout:
        from drafter.stdio import write_stdout

        write_stdout(data)
    else:
        write_atomic(job.output, data, force=force)
    if trace:
        write_atomic(trace_path(job.output), trace_tsv(draft.trace), force=force)
    click.echo(f"{display_path(job.output)}: {draft.length.summary()}", err=True)
    if summary := draft.gap_summary():
        click.echo(f"{display_path(job.output)}: {summary}（{draft.length.figures()}）", err=True)


@click.command("templates")
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Also list the templates in this folder (they add to or override the built-in ones).",
)
def templates_command(templates_dir: Path | None) -> None:
    """List the speech templates: the name a brief's `template:` takes, what each is for, who speaks.

    For each built-in template: the occasion it serves and the speaker roles it is written for
    (a brief's speaker_role: convener, the leader who called the meeting; guest, a visiting
    leader; closing, closing remarks after others have spoken), the usual one first. Templates
    from --templates DIR say what their first comment says and are marked with their folder.

    \b
    Examples:
      drafter templates
      drafter templates --templates my-templates/
    """
    from drafter.compose.templating import discover_templates
    from drafter.vocabulary import KINDS, kind_roles_text

    infos = discover_templates(templates_dir)
    width = max((len(name) for name in infos), default=0)
    for info in infos.values():
        own = templates_dir is not None and info.path.parent.resolve() == templates_dir.resolve()
        if own:
            described = info.description or "（无说明）"
            click.echo(f"{info.name.ljust(width)}  {described}  [{display_path(info.path)}]")
            continue
        roles = kind_roles_text(info.name)
        described = KINDS.get(info.name) or info.description or "（无说明）"
        click.echo(f"{info.name.ljust(width)}  {described}" + (f"  {roles}" if roles else ""))
