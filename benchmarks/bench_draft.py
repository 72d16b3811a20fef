"""Drafting speed, measured by hand (never a timed test): `python benchmarks/bench_draft.py`.

Two figures (issue 2 §10):
1. Whole-process `drafter draft` of the largest example (to .docx) against the floor
   `python -c "import docx, jinja2, yaml, click"` plus saving an empty .docx: the ratio of the
   medians of RUNS runs each, measured in one run of this script (target ≤ 1.2, issue 12; it was
   1.5 in issue 2). drafter's modules are byte-compiled first, as installing a package does and as
   the floor's libraries are: where PYTHONDONTWRITEBYTECODE is set, every run would otherwise
   compile drafter from source.
2. In-process Markdown drafts per second over 100 briefs: the examples, each drafted with 25
   seeds (bank and templates loaded once, as `drafter draft` does for several briefs; target ≥ 200/s).
"""

from __future__ import annotations

import argparse
import compileall
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


def _time(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def whole_process(runs: int) -> tuple[float, float]:
    """Median seconds of a whole `drafter draft` of the largest example, and of the floor."""
    largest = max(EXAMPLES, key=lambda p: p.stat().st_size)
    drafter = str(BIN / "drafter")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = [drafter, "draft", str(largest), "-o", str(folder / "out.docx"), "--force"]
        floor = [sys.executable, "-c", FLOOR]
        compileall.compile_dir(ROOT / "drafter", quiet=1)
        _time(draft, folder)  # warm the file cache for both
        _time(floor, folder)
        drafts: list[float] = []
        floors: list[float] = []
        for _ in range(runs):  # interleaved, so that machine noise hits both alike
            drafts.append(_time(draft, folder))
            floors.append(_time(floor, folder))
    return statistics.median(drafts), statistics.median(floors)


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
    args = parser.parse_args()
    draft, floor = whole_process(args.runs)
    rate = in_process(args.briefs)
    print(
        f"whole process: drafter draft {draft * 1000:.0f} ms, floor {floor * 1000:.0f} ms, "
        f"ratio {draft / floor:.2f} (target <= 1.2, issue 12)"
    )
    print(f"in process: {rate:.0f} Markdown drafts/s over {args.briefs} briefs (target >= 200, issue 12)")


if __name__ == "__main__":
    main()
