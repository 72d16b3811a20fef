"""The build's one optional step: the miner's hot modules compiled to C extensions by mypyc.

Everything else is in pyproject.toml. The compiled modules do what the Python ones do (the same
output), about 1.2x faster (BENCHMARKS.md, "Mining"). They are built when mypyc (part of mypy, a build
requirement) and a C compiler are there; without either, or with `DRAFTER_NO_COMPILE=1`, the package
installs as pure Python. `drafter.miner` falls back to the Python modules at run time when a source
file is newer than its build (an edited editable install) or `DRAFTER_NO_COMPILE` is set.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
# The per-line and per-sentence work of mining; `drafter.miner.mine` (whose `Progress` the progress
# bar subclasses) and the reading of files stay Python.
COMPILED = [
    "drafter/miner/aggregate.py",
    "drafter/miner/boilerplate.py",
    "drafter/miner/candidates.py",
    "drafter/miner/clean.py",
    "drafter/miner/document_kind.py",
    "drafter/miner/kind.py",
    "drafter/miner/outline.py",
    "drafter/miner/particulars.py",
    "drafter/miner/skeleton.py",
    "drafter/miner/spool.py",
    "drafter/miner/text.py",
    *sorted(str(p.relative_to(HERE)) for p in (HERE / "drafter/miner/extract").glob("[!_]*.py")),
]


def _say(message: str) -> None:
    print(f"drafter: {message}", file=sys.stderr)


def compiled_extensions() -> list[Any]:
    """The extensions mypyc generates for `COMPILED`, or none (pure Python) when it cannot."""
    if os.environ.get("DRAFTER_NO_COMPILE"):
        _say("DRAFTER_NO_COMPILE is set: the miner stays pure Python")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not installed: the miner stays pure Python")
        return []
    # no config file (pyproject's names the pydantic plugin, absent from an isolated build), and no
    # complaint about what the build environment lacks: mypyc needs the types of these modules only
    options = ["--config-file=", "--ignore-missing-imports", "--follow-imports=silent"]
    try:
        built = mypycify([*options, *COMPILED], opt_level="3", debug_level="0", group_name="drafter_miner")
        return list(built)
    except (Exception, SystemExit) as exc:  # a type error mypyc stops at (SystemExit) costs the speed only
        _say(f"mypyc failed ({exc!r}): the miner stays pure Python")
        return []


class OptionalBuildExt(build_ext):
    """`build_ext` that leaves the package pure Python when the extensions do not compile.

    All or nothing: the modules call each other's compiled code directly, so one missing would
    break the rest; whatever was built before a failure is removed.
    """

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, missing Python headers, a compiler error
            _say(f"the compiled miner did not build ({exc}): the miner stays pure Python")
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            if self.inplace or getattr(self, "editable_mode", False):
                for module in COMPILED:
                    for suffix in EXTENSION_SUFFIXES:
                        (HERE / module).with_suffix(suffix).unlink(missing_ok=True)
            self.extensions = []


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": OptionalBuildExt})
