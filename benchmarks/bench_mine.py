"""Speed and memory of `drafter mine` on a corpus grown from the five sample speeches.

Run by hand (not a test):

    .venv/bin/python benchmarks/bench_mine.py                     # 10, 100 and 300 MB, one process
    .venv/bin/python benchmarks/bench_mine.py --sizes 10 --jobs 2  # one size, in MB; two workers
    .venv/bin/python benchmarks/bench_mine.py --sizes 100 --against /tmp/old-tree --rounds 3

`--against DIR` runs the tree at DIR (e.g. `git archive COMMIT | tar -x -C DIR`, imported first by
PYTHONPATH, the child run outside any source tree) and this one in turn, alternating which goes
first, and reports the CPU medians of each and their ratio: on a shared machine only such a ratio
says what a change is worth.

Each speech is copied with variations (words swapped for others, numbers changed, body paragraphs
shuffled, one file in ten saved as GBK) into a temporary folder until the corpus reaches the size;
`drafter mine` then runs in a child process, and the script reports seconds, MB/s end to end
(process start to files written) and the child's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter.bank.load import builtin_bank_dir

THIS_TREE = Path(__file__).resolve().parent.parent

SWAPS = [
    tuple(pair.split("/"))
    for pair in "工作/任务 政策/制度 干部/同志 落实/推进 服务/保障 学习/调研 全市/全区 部门/单位 发展/建设 "
    "群众/百姓 领导/班子 作风/纪律 能力/本领 创新/改革 问题/矛盾 加强/强化 提高/提升 政府/机关".split()
]


def vary(text: str, rng: random.Random) -> str:
    """One variation of a speech: swapped words, changed numbers, shuffled body paragraphs."""
    for a, b in SWAPS:
        if rng.random() < 0.3:
            text = text.replace(a, "\0").replace(b, a).replace("\0", b)
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 99)), text)
    lines = text.splitlines()
    head, body, tail = lines[:4], lines[4:-3], lines[-3:]
    # shuffle blocks of paragraphs so that headed runs mostly stay together
    blocks = [body[i : i + 6] for i in range(0, len(body), 6)]
    rng.shuffle(blocks)
    return "\n".join(head + [line for block in blocks for line in block] + tail) + "\n"


def build_corpus(folder: Path, megabytes: int, seed: int = 7) -> tuple[int, int]:
    """Write variations of the sample speeches into `folder` until it holds `megabytes`."""
    rng = random.Random(seed)
    speeches = [p.read_text(encoding="utf-8") for p in sorted((builtin_bank_dir() / "corpus").glob("*.txt"))]
    total = count = 0
    while total < megabytes * 2**20:
        text = vary(speeches[count % len(speeches)], rng)
        sub = folder / f"{count // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = text.encode("gbk", errors="replace") if count % 10 == 9 else text.encode("utf-8")
        (sub / f"speech_{count:06d}.txt").write_bytes(data)
        total += len(data)
        count += 1
    return count, total


def run_once(
    corpus: Path, out: Path, jobs: int = 1, tree: Path | None = None
) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS (bytes) and the summary of one `drafter mine` child process.

    CPU seconds and peak RSS count the child and its workers (`RUSAGE_CHILDREN` takes in every
    descendant that was waited for); the peak is the largest single process, not their sum.
    """
    # the tree is first on the path, and the child runs outside any tree: `-m` puts the working
    # folder before PYTHONPATH, so run from a source tree it would import that tree, whatever is given
    env = dict(os.environ, PYTHONPATH=str((tree or THIS_TREE).resolve()))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [sys.executable, "-m", "drafter", "mine", str(corpus), "-o", str(out), "--force"]
    done = subprocess.run(
        [*command, "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=corpus.parent,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, after.ru_maxrss * 1024, done.stdout  # ru_maxrss: the largest child so far


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 300], help="corpus sizes in MB")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes of `drafter mine`")
    parser.add_argument("--against", type=Path, help="another source tree to run in turn with this one")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each tree with --against")
    args = parser.parse_args()
    for megabytes in sorted(args.sizes):  # ascending, so the child peak RSS belongs to this size
        with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
            corpus = Path(tmp) / "corpus"
            files, size = build_corpus(corpus, megabytes)
            if args.against is not None:
                compare(corpus, Path(tmp) / "out", size, args.jobs, args.against, args.rounds)
                continue
            seconds, cpu, peak, summary = run_once(corpus, Path(tmp) / "out", args.jobs)
            out_size = sum(p.stat().st_size for p in (Path(tmp) / "out").glob("*.yaml"))
            print(
                f"{size / 2**20:6.1f} MB, {files} files, --jobs {args.jobs}:"
                f" {seconds:6.1f} s wall ({size / 2**20 / seconds:5.1f} MB/s),"
                f" {cpu:6.1f} s CPU ({size / 2**20 / cpu:5.1f} MB/s), peak RSS {peak / 2**20:4.0f} MB,"
                f" output {out_size / 2**20:.1f} MB"
            )
            print("   " + summary.splitlines()[0] + "; " + summary.splitlines()[1])


def compare(corpus: Path, out: Path, size: int, jobs: int, against: Path, rounds: int) -> None:
    """Alternate runs of the tree at `against` and this one; print each run and the ratio of CPU medians."""
    cpu: dict[str, list[float]] = {"against": [], "this": []}
    for index in range(rounds):
        order = ("against", "this") if index % 2 == 0 else ("this", "against")
        for name in order:
            seconds, used, _, _ = run_once(corpus, out, jobs, against if name == "against" else None)
            cpu[name].append(used)
            load = os.getloadavg()[0]
            print(f"   {name:7s} {seconds:6.1f} s wall, {used:6.1f} s CPU, load {load:.2f}", flush=True)
    old, new = statistics.median(cpu["against"]), statistics.median(cpu["this"])
    megabytes = size / 2**20
    print(
        f"{megabytes:6.1f} MB, --jobs {jobs}: CPU median {old:.2f} s ({megabytes / old:.1f} MB/s) against,"
        f" {new:.2f} s ({megabytes / new:.1f} MB/s) this tree: {old / new:.2f}x"
    )


if __name__ == "__main__":
    main()
