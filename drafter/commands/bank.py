"""`drafter bank ...`: validate, search, show, count and merge phrase banks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from drafter.bank import review as review_steps
from drafter.bank.corpus import Corpus
from drafter.bank.load import Bank, builtin_bank_dir, load_bank
from drafter.bank.merge import merge_candidates
from drafter.bank.model import Entry
from drafter.bank.query import get_entry, search, stats
from drafter.bank.schema import bank_file_schema_text
from drafter.bank.validate import DEFAULT_SIMILARITY, validate_bank
from drafter.commands.options import phrasebank_option
from drafter.completion import complete_entry_id
from drafter.errors import display_path
from drafter.vocabulary import FUNCTIONS, STATUSES

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
FOLDER = click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)


def _no_builtin_option(command: F) -> F:
    return click.option(
        "--no-builtin", is_flag=True, help="Leave the built-in bank out (use only the folders given)."
    )(command)


@click.group(context_settings=CONTEXT_SETTINGS)
def bank() -> None:
    """Keep phrase banks: validate, search, show, count and merge mined candidates.

    \b
    A bank is a folder of YAML files, one per function (docs/phrasebank.md).
    Banks stack: the built-in one, then --phrasebank folders in order.
    """


@bank.command(context_settings=CONTEXT_SETTINGS)
@click.argument("folders", nargs=-1, type=FOLDER, metavar="[DIR]...")
@click.option(
    "--corpus",
    multiple=True,
    type=FOLDER,
    metavar="DIR",
    help="A folder of speeches that sources point into (besides each bank's own corpus/).",
)
@click.option(
    "--similarity",
    type=click.FloatRange(0.5, 1.0),
    default=DEFAULT_SIMILARITY,
    show_default=True,
    help="Character-pair similarity above which two texts are reported as near-duplicates.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@_no_builtin_option
def validate(
    folders: tuple[Path, ...], corpus: tuple[Path, ...], similarity: float, strict: bool, no_builtin: bool
) -> None:
    """Check bank folders (stacked over the built-in bank); with no DIR, the built-in bank.

    Prints each finding as FILE:LINE: id: message, then a summary line. Exits 1 when there are
    errors (or warnings, with --strict).

    \b
    Example:
      drafter bank validate team-bank/ --corpus archive/
    """
    report = validate_bank(folders, builtin=not no_builtin, corpus=corpus, similarity=similarity)
    for finding in report.findings:
        click.echo(str(finding))
    click.echo(report.summary())
    if report.errors or (strict and report.warnings):
        raise SystemExit(1)


def _one_line(entry: Entry) -> str:
    text = " / ".join(entry.member_texts()) if entry.members else entry.text
    status = "" if entry.status == "approved" else f" [{entry.status}]"
    return f"{entry.id}{status}\t{text}"


@bank.command("search", context_settings=CONTEXT_SETTINGS)
@click.argument("text")
@click.option(
    "--function", "function", type=click.Choice(list(FUNCTIONS)), help="Only entries of this function."
)
@click.option("--tag", help="Only entries with this topic tag.")
@click.option("--status", type=click.Choice(list(STATUSES)), help="Only entries with this status.")
@phrasebank_option
@_no_builtin_option
def search_command(
    text: str,
    function: str | None,
    tag: str | None,
    status: str | None,
    phrasebanks: tuple[Path, ...],
    no_builtin: bool,
) -> None:
    """Find entries whose text contains TEXT (ignoring punctuation and spaces).

    When nothing contains it, lists the closest entries instead. An empty TEXT ("") lists all
    entries that pass the filters. One entry per line: id, then text (a heading set's members).

    \b
    Example:
      drafter bank search 担当 --function closing.call
    """
    found = search(_load(phrasebanks, no_builtin), text, function=function, tag=tag, status=status)
    for entry in found:
        click.echo(_one_line(entry))
    if not found:
        click.echo("no entry matches", err=True)


def _load(folders: tuple[Path, ...], no_builtin: bool) -> Bank:
    loaded = load_bank(folders, builtin=not no_builtin)
    for warning in loaded.warnings:
        click.echo(str(warning), err=True)
    return loaded


def _layer_name(folder: Path) -> str:
    return "built-in bank" if folder == builtin_bank_dir() else display_path(folder)


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@bank.command(context_settings=CONTEXT_SETTINGS)
@click.argument("entry_id", metavar="ID", shell_complete=complete_entry_id)
@click.option(
    "--corpus", multiple=True, type=FOLDER, metavar="DIR", help="A folder of speeches sources point into."
)
@phrasebank_option
@_no_builtin_option
def show(entry_id: str, corpus: tuple[Path, ...], phrasebanks: tuple[Path, ...], no_builtin: bool) -> None:
    """Show one entry: every field, where it is defined, and each source line in context.

    \b
    Example:
      drafter bank show closing.call.shidai-huhuan
    """
    loaded = _load(phrasebanks, no_builtin)
    entry = get_entry(loaded, entry_id)
    click.echo(entry.id)
    fields: list[tuple[str, str]] = [
        ("function", entry.function),
        ("status", entry.status),
        ("text", entry.text),
    ]
    for number, member in enumerate(entry.member_texts(), start=1):
        fields.append((f"member {number}", member))
    fields += [("tags", "、".join(entry.tags) or "-"), ("kinds", ", ".join(entry.kinds) or "all")]
    if entry.note:
        fields.append(("note", entry.note))
    if entry.mined:
        mined = entry.mined
        fields.append(("mined", f"{mined.documents} documents, {mined.count} times, score {mined.score:g}"))
    for number, origin in enumerate(loaded.origins.get(entry.id, ())):
        where = f"{display_path(origin.path)}:{origin.line} ({_layer_name(origin.folder)})"
        if number:
            where += ": sets " + ", ".join(name for name in origin.given if name != "id")
        fields.append(("override" if number else "defined", where))
    width = max(len(name) for name, _ in fields)
    for name, value in fields:
        click.echo(f"  {name.ljust(width)}  {value}")
    click.echo("  sources:")
    books = Corpus(extra=corpus)
    cited_by = loaded.field_origin(entry.id, "sources")
    for source in entry.sources:
        click.echo(f"    {source}")
        found = books.find(source, cited_by.folder if cited_by else None)
        if found.problem:
            click.echo(f"      ({found.problem})")
            continue
        for number, line in books.context(found):
            mark = ">" if number == found.line else " "
            shown = line if number == found.line else _clip(line)
            click.echo(f"      {mark} {number:>4} | {shown}")


@bank.command("stats", context_settings=CONTEXT_SETTINGS)
@phrasebank_option
@_no_builtin_option
def stats_command(phrasebanks: tuple[Path, ...], no_builtin: bool) -> None:
    """Count entries by function, status and topic tag.

    \b
    Example:
      drafter bank stats --phrasebank team-bank/
    """
    counts = stats(_load(phrasebanks, no_builtin))
    statuses = ", ".join(f"{status} {counts.by_status[status]}" for status in STATUSES)
    click.echo(f"{counts.total} entries ({statuses})")
    click.echo("")
    width = max([len("function"), *(len(f) for f in counts.by_function)])
    click.echo(f"{'function'.ljust(width)}  " + "  ".join(f"{s:>10}" for s in (*STATUSES, "total")))
    for function, by_status in counts.by_function.items():
        cells = [by_status[status] for status in STATUSES] + [sum(by_status.values())]
        click.echo(f"{function.ljust(width)}  " + "  ".join(f"{c:>10}" for c in cells))
    if counts.by_tag:
        click.echo("")
        click.echo("tag  entries")
        for tag, count in sorted(counts.by_tag.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"{tag}  {count}")


@bank.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the schema to this file instead of printing it.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def schema(output: Path | None, force: bool) -> None:
    """Print the JSON Schema of a bank file (for editors that validate YAML while you type).

    A bank file's first line `# yaml-language-server: $schema=bank.schema.json` then points
    editors at a copy kept beside it.

    \b
    Example:
      drafter bank schema -o team-bank/bank.schema.json
    """
    text = bank_file_schema_text()
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        from drafter.atomic import write_atomic

        write_atomic(output, text, force=force)


@bank.command(context_settings=CONTEXT_SETTINGS)
@click.argument("out", type=FOLDER, metavar="MINED_DIR")
@click.argument("into", type=FOLDER, metavar="BANK_DIR")
def merge(out: Path, into: Path) -> None:
    """Add to bank folder BANK_DIR the mined candidates in MINED_DIR (`drafter mine -o`) it lacks.

    A candidate is already present when BANK_DIR has an entry with the same text, ignoring
    punctuation, spaces and slot names (for a heading set: the same skeleton). Comments, order
    and layout in BANK_DIR are kept; each candidate is appended to its file for its function.
    Running it again adds nothing.

    \b
    Example:
      drafter mine archive/ -o mined/
      drafter bank merge mined/ team-bank/
    """
    result = merge_candidates(out, into)
    for added in result.added:
        renamed = f" (renamed from {added.renamed_from})" if added.renamed_from else ""
        click.echo(f"added {added.id}{renamed} to {display_path(added.path)}: {_clip(added.text)}")
    files = len(result.written)
    click.echo(
        f"{len(result.added)} candidates added to {files} file{'s' if files != 1 else ''}; "
        f"{result.present} already present"
    )


@bank.command(context_settings=CONTEXT_SETTINGS)
@click.argument("ids", nargs=-1, required=True)
@click.option("--bank", "folder", required=True, type=FOLDER, help="Bank folder holding the entries.")
def approve(ids: tuple[str, ...], folder: Path) -> None:
    """Mark the entries IDS approved in bank folder --bank (comments and order are kept).

    \b
    Example:
      drafter bank approve heading_set.5a2f0c9e13 --bank team-bank/
    """
    for entry_id in review_steps.approve(folder, list(ids)):
        click.echo(f"approved {entry_id}")


@bank.command(context_settings=CONTEXT_SETTINGS)
@click.argument("ids", nargs=-1, required=True)
@click.option("--bank", "folder", required=True, type=FOLDER, help="Bank folder holding the entries.")
def reject(ids: tuple[str, ...], folder: Path) -> None:
    """Reject the entries IDS in bank folder --bank: status deprecated, recorded in rejected.txt.

    A rejected candidate is not merged again, also when a later mining run finds it again.

    \b
    Example:
      drafter bank reject title.8bcf8f4380 --bank team-bank/
    """
    for entry_id in review_steps.reject(folder, list(ids)):
        click.echo(f"rejected {entry_id}")


KEYS = "a=通过 e=修改后通过 r=否决 s=跳过 q=退出"


@bank.command(context_settings=CONTEXT_SETTINGS)
@click.argument("mined", type=FOLDER)
@click.option("--into", "into", required=True, type=FOLDER, help="Team bank folder that receives approvals.")
@click.option("--corpus", type=FOLDER, help="Corpus folder, to show each candidate's source paragraph.")
def review(mined: Path, into: Path, corpus: Path | None) -> None:
    """Review mined candidates one at a time into the team bank INTO.

    Candidates that the stack (built-in bank included) already holds, or that were rejected
    before, are not shown. Keys: a approve, e edit (text, field, kind) then approve, r reject,
    s skip, q quit. Every decision is written at once, so a review can stop and resume.

    \b
    Example:
      drafter bank review mined/ --into team-bank/ --corpus speeches/
    """
    todo = review_steps.pending(mined, into)
    click.echo(f"{len(todo)} candidates to review ({KEYS})")
    done = 0
    for index, candidate in enumerate(todo, start=1):
        item = candidate.item
        click.echo(f"\n[{index}/{len(todo)}] {candidate.id} ({candidate.function})")
        click.echo(f"  {item.get('text', '')}")
        if item.get("note"):
            click.echo(f"  {item['note']}")
        for line in review_steps.context(candidate, corpus):
            click.echo(f"  {line}")
        key = click.prompt("操作", type=click.Choice(list("aersq")), show_choices=True, default="s")
        if key == "q":
            break
        if key == "a":
            review_steps.accept(candidate, into)
        elif key == "e":
            edits = {
                "text": click.prompt("文本", default=str(item.get("text", ""))),
                "domain": click.prompt("领域 (空=无)", default="", show_default=False),
                "type": click.prompt(
                    "类型",
                    type=click.Choice(["formula", "material"]),
                    default=str(item.get("type", "formula")),
                ),
            }
            review_steps.accept(candidate, into, edits)
        elif key == "r":
            review_steps.decline(candidate, into)
        done += key in "aer"
    click.echo(f"{done} decided; {len(review_steps.pending(mined, into))} left")
