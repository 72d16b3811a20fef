"""Drafting speed, measured by hand (never a timed test): `python benchmarks/bench_draft.py`.

Two figures (issue 2 §10):
1. Whole-process `drafter draft` of the largest example (to .docx) against the floor
   `python -c "import docx, jinja2, yaml, click"` plus saving an empty .docx: the ratio of the
   medians of RUNS runs each, measured in one run of this script (target ≤ 1.2, issue 12; it was
   1.5 in issue 2). drafter's modules are byte-compiled first, as installing a package does and as
   the floor's libraries are: where PYTHONDONTWRITEBYTECODE is set, every run would otherwise
   compile drafter from source.
   Each figure is also given in CPU time (user + system, of the child) and for the fastest runs,
   which other work on a shared machine inflates less than the median wall time.
2. In-process Markdown drafts per second over 100 briefs: the examples, each drafted with 25
   seeds (bank and templates loaded once, as `drafter draft` does for several briefs; target ≥ 200/s).

`--against DIR` also times, in the same alternation, the drafter package in DIR (a copy of the
sources of another version, e.g. `git archive OLD drafter | tar -x -C DIR`), both it and this
checkout run as `python -c "from drafter.cli import run; run()"` with PYTHONPATH set, so that a
change is measured against what came before on the same machine at the same moment.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BIN = Path(sys.executable).parent

FLOOR = """\
import docx, jinja2, yaml, click, io
docx.Document().save(io.BytesIO())
"""


RUN_FROM_SOURCES = "import sys; sys.argv[0] = 'drafter'; from drafter.cli import run; run()"

Command = tuple[list[str], dict[str, str] | None]


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _time(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    return _run(command, cwd, env)[0]


def whole_process(runs: int, against: Path | None = None) -> dict[str, float]:
    """Median seconds of a whole `drafter draft` of the largest example and of the floor (and, with
    `against`, of the same draft by this checkout's and by `against`'s sources)."""
    largest = max(EXAMPLES, key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        arguments = ["draft", str(largest), "-o", str(folder / "out.docx"), "--force"]
        commands: dict[str, Command] = {
            "draft": ([str(BIN / "drafter"), *arguments], None),
            "floor": ([sys.executable, "-c", FLOOR], None),
        }
        compileall.compile_dir(ROOT / "drafter", quiet=1)
        if against is not None:
            compileall.compile_dir(against / "drafter", quiet=1)
            for name, path in (("this", ROOT), ("against", against)):
                env = {**os.environ, "PYTHONPATH": str(path)}
                commands[name] = ([sys.executable, "-c", RUN_FROM_SOURCES, *arguments], env)
        for command in commands.values():
            _time(command[0], folder, command[1])  # warm the file cache (and the bank cache) for all
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so that machine noise hits all alike
            for name, command in commands.items():
                wall, seconds = _run(command[0], folder, command[1])
                times[name].append(wall)
                cpu[name].append(seconds)
    medians = {name: statistics.median(values) for name, values in times.items()}
    minimums = {f"{name} min": min(values) for name, values in times.items()}
    return medians | minimums | {f"{name} cpu": statistics.median(values) for name, values in cpu.items()}


def in_process(count: int) -> float:
    """Markdown drafts per second over `count` briefs (the examples with several seeds)."""
    from drafter.bank.load import load_bank
    from drafter.compose.brief_load import load_brief
    from drafter.compose.pipeline import compose
    from drafter.compose.templating import TemplateSet
    from drafter.writers import RenderOptions
    from drafter.writers.markdown import write_markdown

    templates = TemplateSet()
    bank = load_bank()
    briefs = [load_brief(p, templates.names()) for p in EXAMPLES]
    jobs = [(briefs[i % len(briefs)], i // len(briefs)) for i in range(count)]
    compose(briefs[0], bank, templates)  # compile the templates once, as a real run would
    start = time.perf_counter()
    for brief, seed in jobs:
        write_markdown(compose(brief, bank, templates, seed=seed).document, RenderOptions())
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="whole-process runs of each command")
    parser.add_argument("--briefs", type=int, default=100, help="briefs for the in-process figure")
    parser.add_argument("--against", type=Path, help="a folder holding another version's drafter/")
    args = parser.parse_args()
    medians = whole_process(args.runs, args.against)
    rate = in_process(args.briefs)
    draft, floor = medians["draft"], medians["floor"]
    print(
        f"whole process: drafter draft {draft * 1000:.0f} ms, floor {floor * 1000:.0f} ms, "
        f"ratio {draft / floor:.2f} (target <= 1.2, issue 12)"
    )
    draft_min, floor_min = medians["draft min"], medians["floor min"]
    print(
        f"  fastest runs: {draft_min * 1000:.0f} ms, floor {floor_min * 1000:.0f} ms, "
        f"ratio {draft_min / floor_min:.2f}"
    )
    draft_cpu, floor_cpu = medians["draft cpu"], medians["floor cpu"]
    print(
        f"  CPU time (user + system; steadier on a shared machine): {draft_cpu * 1000:.0f} ms, "
        f"floor {floor_cpu * 1000:.0f} ms, ratio {draft_cpu / floor_cpu:.2f}"
    )
    if args.against is not None:
        this, other = medians["this"], medians["against"]
        print(
            f"from sources: this checkout {this * 1000:.0f} ms (ratio {this / floor:.2f}), "
            f"{args.against} {other * 1000:.0f} ms (ratio {other / floor:.2f}); CPU time "
            f"{medians['this cpu'] * 1000:.0f} ms against {medians['against cpu'] * 1000:.0f} ms"
        )
    print(f"in process: {rate:.0f} Markdown drafts/s over {args.briefs} briefs (target >= 200, issue 12)")


if __name__ == "__main__":
    main()
