"""The miner's side of reading: finding corpus files, and unreadable ones reported as skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import InputFileError
from drafter.miner.read import SourceFile, find_sources, read_lines


def test_read_lines_numbers_as_the_shared_reader_and_says_skipped(tmp_path: Path) -> None:
    path = tmp_path / "speech.txt"
    path.write_bytes("同志们：\n一、站位要更高\n".encode("gbk"))
    assert read_lines(SourceFile(path, path.name, path.stat().st_size)) == ["同志们：", "一、站位要更高"]
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match=r"speech\.txt: skipped: empty file$"):
        read_lines(SourceFile(path, path.name, 0))


def test_find_sources_walks_folders_and_warns(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("文", encoding="utf-8")
    (tmp_path / "a" / "y.DOCX").write_bytes(b"zip?")
    (tmp_path / "a" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "a" / ".hidden.txt").write_text("文", encoding="utf-8")
    warnings: list[str] = []
    found = find_sources([tmp_path / "a", tmp_path / "missing"], warnings.append)
    assert [s.name for s in found] == ["b/x.txt", "y.DOCX"]
    assert len(warnings) == 2
    assert "photo.jpg: skipped: not a .txt, .md or .docx file" in warnings[0]
    assert "missing: skipped: no such file or folder" in warnings[1]
