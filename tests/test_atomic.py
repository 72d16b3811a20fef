"""Writing outputs atomically: no clobbering without --force, no half-written files, one-line errors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from drafter.atomic import write_atomic
from drafter.errors import OutputError


def test_writes_text_and_bytes_with_an_ordinary_mode(tmp_path: Path) -> None:
    target = tmp_path / "new" / "draft.md"
    write_atomic(target, "讲话稿\n")
    assert target.read_text(encoding="utf-8") == "讲话稿\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    write_atomic(target, b"x", force=True)
    assert target.read_bytes() == b"x"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_refuses_an_existing_file_or_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(target, "new")
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, "new", force=True)
    assert target.read_text(encoding="utf-8") == "old"


def test_a_failed_write_is_one_error_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    target = tmp_path / "draft.md"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "new", force=True)
    assert str(caught.value) == f"{target}: cannot write: {os.strerror(errno.ENOSPC)}"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]
    assert target.read_text(encoding="utf-8") == "old"
