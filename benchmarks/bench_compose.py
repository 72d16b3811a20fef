"""Compose against brief size and bank size, measured by hand: `python benchmarks/bench_compose.py`.

Issue 12: compose time for briefs of 1 / 5 / 20 / 80 sections (the largest example's sections
repeated, headings numbered) with the built-in bank alone and with a generated team bank of 20,000
and 50,000 entries stacked over it (`bench_bank_load.generate_bank`), each brief composed from a
freshly loaded bank (`load + compose`: a draft run's cost) and from one bank loaded once (`compose`);
the time of one whole in-process draft (bank from a warm cache, compose, Markdown) with each bank;
and, for each team bank, whole-process `drafter draft` of the largest example to .docx with
`--phrasebank` against the same without it, alternating (medians of WHOLE runs); with `--against
DIR`, the same for the drafter package in DIR in the same alternation (as `bench_draft.py`).
Medians of RUNS runs. Compose should grow linearly with sections; a 50k bank should cost at most
1.3x the built-in bank's draft time.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_bank_load import generate_bank  # noqa: E402
from bench_draft import BIN, RUN_FROM_SOURCES, _run, _time  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def brief_with(sections: int) -> Any:
    """The largest example with its sections repeated to `sections` sections, each with its own heading."""
    import yaml

    from drafter.compose.brief_build import parse_brief

    largest = max(EXAMPLES, key=lambda p: p.stat().st_size)
    data = yaml.safe_load(largest.read_text(encoding="utf-8"))
    base = data["sections"]
    data.pop("length", None)
    data.pop("headings", None)
    grown = []
    for index in range(sections):
        section = {k: v for k, v in base[index % len(base)].items() if k != "fillers"}
        section["heading"] = f"{section.get('heading') or '方面'}{index + 1}"
        grown.append(section)
    data["sections"] = grown
    return parse_brief(data)


def median_ms(action: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


Version = tuple[list[str], dict[str, str] | None]  # how to start drafter, and its environment


def whole_process(folder: Path, runs: int, versions: dict[str, Version]) -> dict[str, tuple[float, ...]]:
    """For each version: median seconds of a whole `drafter draft` of the largest example with
    `--phrasebank folder` and without (the built-in bank alone), then the same in CPU seconds;
    all commands run alternately."""
    largest = max(EXAMPLES, key=lambda p: p.stat().st_size)
    out = folder.parent / "out.docx"
    arguments = ["draft", str(largest), "-o", str(out), "--force"]
    commands: dict[tuple[str, bool], tuple[list[str], dict[str, str] | None]] = {}
    for name, (start, env) in versions.items():
        commands[name, True] = ([*start, *arguments, "--phrasebank", str(folder)], env)
        commands[name, False] = ([*start, *arguments], env)
    compileall.compile_dir(ROOT / "drafter", quiet=1)  # as an install does (see bench_draft)
    for command, env in commands.values():
        _time(command, folder.parent, env)  # fill the bank cache
    measured: dict[tuple[str, bool], list[tuple[float, float]]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, (command, env) in commands.items():
            measured[key].append(_run(command, folder.parent, env))
    return {
        name: tuple(
            statistics.median(run[at] for run in measured[name, team])
            for at in (0, 1)
            for team in (True, False)
        )
        for name in versions
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,5,20,80")
    parser.add_argument("--banks", default="0,20000,50000")
    parser.add_argument("--whole", type=int, default=11, help="whole-process runs of each command")
    parser.add_argument(
        "--against", type=Path, help="a folder holding another version's drafter/ (as bench_draft)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-compose-"))
    os.environ["DRAFTER_CACHE_DIR"] = str(work / "cache")
    try:
        measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> None:
    """Print the figures for the banks and brief sizes asked for, working in `work`."""
    from drafter.bank.load import load_bank
    from drafter.compose.pipeline import compose
    from drafter.compose.templating import TemplateSet
    from drafter.writers import RenderOptions
    from drafter.writers.markdown import write_markdown

    templates = TemplateSet()
    sizes = [int(s) for s in args.sizes.split(",")]
    briefs = {n: brief_with(n) for n in sizes}
    for entries in (int(b) for b in args.banks.split(",")):
        folders: list[Path] = []
        if entries:
            folder = work / f"bank{entries}"
            folder.mkdir()
            generate_bank(folder, entries)
            folders = [folder]
        load_bank(folders)  # fill the cache
        compose(briefs[sizes[0]], load_bank(folders), templates)  # compile templates

        def composed(brief: Any, folders: list[Path] = folders) -> None:
            compose(brief, load_bank(folders), templates)

        def drafted(folders: list[Path] = folders) -> None:
            write_markdown(compose(briefs[sizes[0]], load_bank(folders), templates).document, RenderOptions())

        loaded = load_bank(folders)
        row = [f"{n}: {median_ms(lambda b=briefs[n]: composed(b), args.runs):.0f}" for n in sizes]
        alone = [
            f"{n}: {median_ms(lambda b=briefs[n], bank=loaded: compose(b, bank, templates), args.runs):.0f}"
            for n in sizes
        ]
        draft = median_ms(drafted, args.runs)
        label = f"{entries}-entry team bank" if entries else "built-in bank"
        print(f"{label}: by sections (ms), load + compose {', '.join(row)}; compose {', '.join(alone)}")
        print(f"{label}: one in-process Markdown draft (load, compose, write) {draft:.0f} ms")
        if entries and args.whole:
            versions: dict[str, Version] = {"this checkout": ([str(BIN / "drafter")], None)}
            if args.against is not None:
                compileall.compile_dir(args.against / "drafter", quiet=1)
                env = {**os.environ, "PYTHONPATH": str(args.against)}
                versions[str(args.against)] = ([sys.executable, "-c", RUN_FROM_SOURCES], env)
            for name, (team, builtin, team_cpu, builtin_cpu) in whole_process(
                folders[0], args.whole, versions
            ).items():
                print(
                    f"{label}, {name}: whole-process drafter draft {team * 1000:.0f} ms, built-in bank "
                    f"alone {builtin * 1000:.0f} ms, ratio {team / builtin:.2f} (target <= 1.3, issue 12); "
                    f"CPU time {team_cpu * 1000:.0f} / {builtin_cpu * 1000:.0f} ms, "
                    f"ratio {team_cpu / builtin_cpu:.2f}"
                )


if __name__ == "__main__":
    main()
