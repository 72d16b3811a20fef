"""`drafter mine`: phrase-bank candidates from a folder of past speeches."""

from __future__ import annotations

import time
from pathlib import Path

import click

from drafter.miner.aggregate import finalize
from drafter.miner.mine import mine_paths
from drafter.miner.output import check_output, write_bank
from drafter.miner.progress import BarProgress, summary


@click.command("mine")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", "out", required=True, type=click.Path(path_type=Path), help="Folder for the bank files."
)
@click.option(
    "--limit",
    default=500,
    show_default=True,
    type=click.IntRange(min=0),
    help="Best entries kept per function (0: all).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--force", is_flag=True, help="Overwrite the bank files of an existing OUT folder.")
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(min=1, max=256),
    help="Worker processes (files are shared out; the tallies are merged once).",
)
def mine(corpus: tuple[Path, ...], out: Path, limit: int, quiet: bool, force: bool, jobs: int) -> None:
    """Mine recurring formulas from past speeches into phrase-bank candidates.

    CORPUS is one or more files or folders (read recursively) of .txt (UTF-8 or GBK/GB18030),
    .docx and .md speeches. OUT receives one YAML file per function, status `candidate`,
    best first, each entry citing its sources as FILE:LINE relative to the corpus folder.

    \b
    Examples:
      drafter mine speeches/ -o mined/
      drafter mine 2019/ 2020/ extra.docx -o mined/ --force --jobs 4
      drafter bank validate mined/ --corpus speeches/
    """
    check_output(out, force=force)
    started = time.perf_counter()
    run = mine_paths(
        list(corpus),
        warn=lambda message: click.echo(message, err=True),
        progress=BarProgress(quiet=quiet),
        jobs=jobs,
    )
    by_function = finalize(run.tally)
    if limit:
        by_function = {name: formulas[:limit] for name, formulas in by_function.items()}
    written = write_bank(by_function, out, documents=run.files_read, force=force)
    seconds = time.perf_counter() - started
    if not quiet:
        for line in summary(run, by_function, seconds):
            click.echo(line)
        click.echo(f"已写入 {len(written)} 个词库文件：{out}")
