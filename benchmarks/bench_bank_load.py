"""Benchmark: load a generated 50,000-entry team bank, cold (empty cache) and warm (repeat load).

Run by hand: `.venv/bin/python benchmarks/bench_bank_load.py [--entries N] [--runs R]`.
Prints the median of R runs for each case. The bank is generated in a temporary folder, one file
per function, entries shaped like the miner's output; the cache is pointed at a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from drafter.bank.load import load_bank
from drafter.bank.validate import validate_bank
from drafter.vocabulary import FUNCTIONS, KINDS, TOPIC_TAGS

HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道"
)
SLOT_TEXTS = ("，要{topic}。", "，推动{region}发展。", "。", "！", "，在{occasion}上。")


def generate_bank(folder: Path, entries: int, seed: int = 7) -> int:
    """Write a bank of `entries` entries into `folder`; return its size in bytes."""
    rng = random.Random(seed)
    functions = [f for f in FUNCTIONS if f not in {"heading_set", "heading"}]
    per_file = -(-entries // len(functions))
    size = 0
    number = 0
    for function in functions:
        lines = [f"# generated team bank: {function}", f"function: {function}", "entries:"]
        for _ in range(per_file):
            if number >= entries:
                break
            number += 1
            text = "".join(rng.choice(HANZI) for _ in range(rng.randint(14, 40))) + rng.choice(SLOT_TEXTS)
            tags = ", ".join(rng.sample(TOPIC_TAGS, 2))
            lines += [
                f"  - id: {function}.team-{number}",
                f"    text: '{text}'",
                f"    tags: [{tags}]",
                f"    kinds: [{rng.choice(list(KINDS))}]",
                f"    status: {rng.choice(['approved', 'approved', 'candidate'])}",
                f'    sources: ["{rng.randint(2010, 2025)}-{rng.randint(1, 400)}.txt:{rng.randint(1, 80)}"]',
                f"    note: 生成的第 {number} 条",
            ]
        data = ("\n".join(lines) + "\n").encode()
        (folder / f"{function}.yaml").write_bytes(data)
        size += len(data)
    return size


def _time(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--validate", action="store_true", help="also time `drafter bank validate`")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    try:
        bank_dir, cache = work / "bank", work / "cache"
        bank_dir.mkdir()
        size = generate_bank(bank_dir, args.entries)
        os.environ["DRAFTER_CACHE_DIR"] = str(cache)
        cold, warm, every = [], [], []
        for _ in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(_time(lambda: load_bank([bank_dir], builtin=False)))
            warm.append(_time(lambda: load_bank([bank_dir], builtin=False)))
            every.append(_time(lambda: list(load_bank([bank_dir], builtin=False).entries.values())))
        count = len(load_bank([bank_dir], builtin=False))
        print(f"bank: {count} entries, {size / 1e6:.1f} MB in {len(list(bank_dir.glob('*.yaml')))} files")
        print(f"cold load (empty cache): median {statistics.median(cold):.2f} s  (runs: {_fmt(cold)})")
        print(f"warm load (repeat):      median {statistics.median(warm):.3f} s  (runs: {_fmt(warm)})")
        print(f"warm load + every entry: median {statistics.median(every):.3f} s  (runs: {_fmt(every)})")
        if args.validate:
            seconds = _time(lambda: validate_bank([bank_dir], builtin=False))
            print(f"validate (warm cache):   {seconds:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


if __name__ == "__main__":
    main()
