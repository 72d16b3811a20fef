"""The compiled miner (setup.py) is left unused in a source tree whose Python files are newer."""

from __future__ import annotations

import os
from importlib import machinery
from pathlib import Path

from drafter import miner


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    folder = tmp_path / "drafter" / "miner"
    folder.mkdir(parents=True)
    (folder / "clean.py").write_text("", encoding="utf-8")
    (folder / ("clean" + machinery.EXTENSION_SUFFIXES[0])).write_bytes(b"")
    return folder


def _age(path: Path, seconds: int) -> None:
    os.utime(path, (path.stat().st_atime - seconds, path.stat().st_mtime - seconds))


def test_a_build_newer_than_its_sources_is_used(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    _age(folder / "clean.py", 60)
    assert not miner._compiled_is_stale((str(folder),))


def test_a_source_edited_after_the_build_leaves_the_build_unused(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    _age(folder / ("clean" + machinery.EXTENSION_SUFFIXES[0]), 60)
    assert miner._compiled_is_stale((str(folder),))


def test_an_installed_package_is_never_stale(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    (tmp_path / "pyproject.toml").unlink()
    _age(folder / ("clean" + machinery.EXTENSION_SUFFIXES[0]), 60)
    assert not miner._compiled_is_stale((str(folder),))
