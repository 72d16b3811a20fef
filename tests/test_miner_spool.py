"""What the first pass keeps of each file (`drafter.miner.spool`) mines as reading the file again."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from sample_speeches import copy_samples

import drafter.miner.mine as mine_module
from drafter.miner.aggregate import Formula, finalize
from drafter.miner.mine import mine_paths


def test_what_the_first_pass_keeps_mines_as_reading_each_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = copy_samples(tmp_path / "samples")
    first = sorted(corpus.iterdir())[0].read_bytes()
    (corpus / "bad-byte.txt").write_bytes(first.replace(b"\n", b"\xff\n", 1))  # a note to repeat
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()

    unspooled: list[object] = []
    real = mine_module.kept
    monkeypatch.setattr(mine_module, "kept", lambda spool: unspooled.append(spool) or real(spool))

    def mined(jobs: int) -> tuple[dict[str, list[Formula]], list[str]]:
        warnings: list[str] = []
        run = mine_paths([corpus], warn=warnings.append, jobs=jobs)
        return finalize(run.tally), warnings

    kept = [mined(1), mined(2)]
    assert len(unspooled) == len(list(corpus.iterdir()))  # one process: every file read back
    assert list((tmp_path / "tmp").iterdir()) == []  # the kept paragraphs are gone after the run
    assert any("bad-byte.txt:1: not UTF-8" in w for w in kept[0][1]), kept[0][1]

    def no_folder(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", no_folder)
    assert kept == [mined(1), mined(2)]  # without a temporary folder, each file is read again
