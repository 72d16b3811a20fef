"""Speed of the .docx writer, measured by hand (never a timed test): `python benchmarks/bench_docx.py`.

Issue 4 §7: writing the .docx of the largest example takes ≤ 150 ms in process. The example is
composed once (bank and templates loaded beforehand, as `drafter draft` does); only `write_docx` is
timed, with and without `--annotate`. A synthetic draft four times as long shows how it scales.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from drafter.document import Document
from drafter.writers import RenderOptions
from drafter.writers.docx import write_docx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TARGET_MS = 150.0


def largest_example() -> tuple[str, Document]:
    """The example brief whose draft is longest, composed with the built-in bank and templates."""
    from drafter.bank.load import load_bank
    from drafter.compose.brief_load import load_brief
    from drafter.compose.pipeline import compose
    from drafter.compose.templating import TemplateSet

    templates = TemplateSet()
    bank = load_bank()
    drafts = [(p.name, compose(load_brief(p, templates.names()), bank, templates).document) for p in EXAMPLES]
    return max(drafts, key=lambda item: item[1].body_chars())


def timed(work: Callable[[], bytes], runs: int) -> tuple[float, float, int]:
    """Median and best milliseconds over `runs` calls, and the output size."""
    size = len(work())  # warm up: imports, the cached base package
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed calls of each case")
    args = parser.parse_args()
    name, document = largest_example()
    longer = dataclasses.replace(document, blocks=document.blocks * 4)
    cases = [
        (f"{name} ({document.body_chars()} chars)", document, RenderOptions()),
        (f"{name} --annotate", document, RenderOptions(annotate=True)),
        (f"{name} x4 ({longer.body_chars()} chars) --annotate", longer, RenderOptions(annotate=True)),
    ]
    worst = 0.0
    for label, doc, options in cases:
        median, best, size = timed(lambda d=doc, o=options: write_docx(d, o), args.runs)  # type: ignore[misc]
        print(f"{label:55} median {median:6.1f} ms  best {best:6.1f} ms  {size / 1024:5.1f} KiB")
        if "x4" not in label:
            worst = max(worst, median)
    verdict = "ok" if worst <= TARGET_MS else "TOO SLOW"
    print(f"largest example: {worst:.1f} ms median (target <= {TARGET_MS:.0f} ms): {verdict}")


if __name__ == "__main__":
    main()
