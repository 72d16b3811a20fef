"""A progress bar for long mining runs (files done, MB/s) on stderr, and the closing summary.

The bar is drawn only when stderr is a terminal; `--quiet` or a pipe gives silence.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from drafter.miner.aggregate import Formula
from drafter.miner.mine import MineRun
from drafter.miner.mine import Progress as ProgressReporter

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def _bar(stream: TextIO) -> Progress:
    """The bar: files done and MB/s (rich is imported only when a bar is drawn: 25 ms of start-up)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
    from rich.text import Text

    class _Throughput(ProgressColumn):
        """MB/s of source bytes read so far (the task's `bytes` field)."""

        def render(self, task: Task) -> Text:
            elapsed = task.elapsed or 0.0
            done = float(task.fields.get("bytes", 0))
            rate = done / elapsed / 2**20 if elapsed > 0 else 0.0
            return Text(f"{rate:6.1f} MB/s", style="progress.data.speed")

    columns: list[Any] = [TextColumn("挖掘"), BarColumn(), MofNCompleteColumn(), TextColumn("个文件")]
    return Progress(*columns, _Throughput(), console=Console(file=stream), transient=True)


class BarProgress(ProgressReporter):
    """A rich progress bar on `stream` (stderr), drawn only if it is a terminal."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.enabled = not quiet and self.stream.isatty()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._bytes = 0

    def start(self, total_files: int, total_bytes: int) -> None:
        if not self.enabled:
            return
        self._progress = _bar(self.stream)
        self._progress.start()
        self._task = self._progress.add_task("mine", total=total_files, bytes=0)

    def advance(self, size: int) -> None:
        self._bytes += size
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=1, bytes=self._bytes)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def summary(run: MineRun, by_function: dict[str, list[Formula]], seconds: float) -> list[str]:
    """The closing report, in Chinese as the progress bar is: files read and skipped, speed, entries."""
    megabytes = run.bytes_read / 2**20
    rate = megabytes / seconds if seconds > 0 else 0.0
    lines = [
        f"读取 {run.files_read} 个文件（{megabytes:.1f} MB，{rate:.1f} MB/s），跳过 {run.files_skipped} 个",
    ]
    lines.extend(run.boilerplate.report())
    if run.duplicates:
        shown = "、".join(f"{name} = {original}" for name, original in run.duplicates[:5])
        more = f" and {len(run.duplicates) - 5} more" if len(run.duplicates) > 5 else ""
        lines.append(f"counted once: {len(run.duplicates)} files repeating an earlier one ({shown}{more})")
    if run.not_speeches:
        shown = "、".join(f"{name} ({kind})" for name, kind in run.not_speeches[:5])
        more = f" and {len(run.not_speeches) - 5} more" if len(run.not_speeches) > 5 else ""
        lines.append(f"left out: {len(run.not_speeches)} files that are not speeches: {shown}{more}")
    total = sum(len(f) for f in by_function.values())
    lines.append(f"候选词条 {total} 条：")
    width = max((len(name) for name in by_function), default=0)
    lines.extend(f"  {name.ljust(width)}  {len(formulas)}" for name, formulas in by_function.items())
    return lines
