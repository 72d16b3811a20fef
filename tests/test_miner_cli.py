"""`drafter mine` end to end, in-process."""

from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from sample_speeches import copy_samples

from drafter.bank.load import builtin_bank_dir, load_folder
from drafter.bank.model import ID_PATTERN
from drafter.cli import main
from drafter.miner.mine import MineRun
from drafter.miner.progress import BarProgress, summary


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "speeches"
    copy_samples(folder / "2021")
    return folder


def test_mine_writes_a_bank_folder(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "mined"
    result = CliRunner().invoke(main, ["mine", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "读取 5 个文件" in result.stdout and "跳过 0 个" in result.stdout
    assert "heading_set" in result.stdout
    entries = load_folder(out)
    assert entries and all(e.status == "candidate" and e.mined is not None for e in entries)
    assert all(re.match(ID_PATTERN, e.id) for e in entries)
    assert len({e.id for e in entries}) == len(entries)
    assert all(s.startswith("2021/") for e in entries for s in e.sources)


def test_bank_validate_accepts_the_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "mined"
    runner = CliRunner()
    assert runner.invoke(main, ["mine", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    # alone: the built-in bank was curated from the same speeches, so beside it most entries are duplicates
    result = runner.invoke(
        main, ["bank", "validate", str(out), "--corpus", str(corpus), "--no-builtin", "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_bank_follows_sources_into_gbk_text_and_docx_as_mined(tmp_path: Path) -> None:
    speeches = builtin_bank_dir() / "corpus"
    folder = tmp_path / "speeches"
    folder.mkdir()
    text = (speeches / "003_e8e85886354524de.txt").read_text(encoding="utf-8").splitlines()
    (folder / "003.txt").write_bytes("\n".join(text).encode("gbk"))
    paragraphs = (speeches / "004_f2a58c95e92b24d2.txt").read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(folder / "004.docx"))
    out = tmp_path / "mined"
    runner = CliRunner()
    assert runner.invoke(main, ["mine", str(folder), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(
        main, ["bank", "validate", str(out), "--corpus", str(folder), "--no-builtin", "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output
    cited = {s: e.id for e in load_folder(out) for s in e.sources}
    for name, lines in (("003.txt", text), ("004.docx", paragraphs)):
        source = next(s for s in cited if s.startswith(f"{name}:"))
        shown = runner.invoke(
            main, ["bank", "show", cited[source], "--phrasebank", str(out), "--corpus", str(folder)]
        ).stdout
        line = int(source.rpartition(":")[2])
        assert f"      > {line:>4} | {lines[line - 1]}\n" in shown, shown


def test_same_input_gives_same_bytes(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("one", "two"):
        assert runner.invoke(main, ["mine", str(corpus), "-o", str(tmp_path / name), "-q"]).exit_code == 0
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()


def test_bad_files_are_one_warning_each_and_the_run_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus / "broken.docx").write_bytes(b"not a zip")
    (corpus / "gbk.txt").write_bytes(
        "在全市会议上的讲话\n同志们：\n一、站位要更高\n二、标准要更严\n三、能力要更强\n".encode("gbk")
    )
    result = CliRunner().invoke(main, ["mine", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert len(warnings) == 3
    assert any("empty.txt: skipped: empty file" in w for w in warnings)
    assert any("binary.txt: skipped: binary file" in w for w in warnings)
    assert any("broken.docx: skipped: corrupt .docx" in w for w in warnings)
    assert "读取 6 个文件" in result.stdout and "跳过 3 个" in result.stdout


def test_a_file_without_text_is_named_like_every_other_skipped_file(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus / "blank.md").write_text("**\n", encoding="utf-8")  # markup only: no text once stripped
    monkeypatch.chdir(tmp_path)  # warnings name files relative to the working folder
    result = CliRunner().invoke(main, ["mine", str(corpus), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == ["speeches/blank.md: skipped: no text"]


def test_a_new_output_folder_is_an_ordinary_folder(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "mined"
    umask = os.umask(0o022)
    try:
        assert CliRunner().invoke(main, ["mine", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755  # not the 0o700 of its staging folder
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o644 for path in out.iterdir())


def test_existing_output_needs_force(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "mined"
    runner = CliRunner()
    assert runner.invoke(main, ["mine", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    (out / "title.yaml").unlink()
    (out / "enumerator.yaml").write_text("function: enumerator\nentries: []\n", encoding="utf-8")
    again = runner.invoke(main, ["mine", str(corpus), "-o", str(out)])
    assert again.exit_code == 1
    assert (
        again.stderr.strip().count("\n") == 0
        and "already exists" in again.stderr
        and "--force" in again.stderr
    )
    forced = runner.invoke(main, ["mine", str(corpus), "-o", str(out), "--force", "-q"])
    assert forced.exit_code == 0 and forced.stdout == ""
    assert (out / "title.yaml").exists()
    assert "entries: []" not in (out / "enumerator.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["nothing readable", "missing", "output is a file"])
def test_unusable_runs_are_one_line_errors(tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    args = ["mine", str(bad), "-o", str(out)]
    if kind == "missing":
        args[1] = str(tmp_path / "nowhere")
    if kind == "output is a file":
        out.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert not last.startswith("Error: ")  # one plain line, like every other command's
    assert ("is a file" in last) if kind == "output is a file" else ("no readable speech" in last)
    assert "Traceback" not in result.output


def test_limit_keeps_the_best(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "mined"
    assert (
        CliRunner().invoke(main, ["mine", str(corpus), "-o", str(out), "--limit", "2", "-q"]).exit_code == 0
    )
    sets = [e for e in load_folder(out) if e.function == "heading_set"]
    assert len(sets) == 2
    assert (
        sets[0].mined is not None and sets[1].mined is not None and sets[0].mined.score >= sets[1].mined.score
    )


def test_help() -> None:
    result = CliRunner().invoke(main, ["mine", "--help"])
    assert result.exit_code == 0 and "drafter mine speeches/ -o mined/" in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    for stream, quiet, drawn in (
        (io.StringIO(), False, False),
        (_Terminal(), True, False),
        (_Terminal(), False, True),
    ):
        bar = BarProgress(stream, quiet=quiet)
        bar.start(2, 2048)
        bar.advance(1024)
        bar.advance(1024)
        bar.stop()
        assert bool(stream.getvalue()) is drawn


def test_summary_lines() -> None:
    run = MineRun(files_read=3, files_skipped=1, bytes_read=3 * 2**20)
    lines = summary(run, {"quote": [], "title": []}, 2.0)
    assert lines[0] == "读取 3 个文件（3.0 MB，1.5 MB/s），跳过 1 个"  # one language with the progress bar
    assert lines[1] == "候选词条 0 条："


def test_docx_speeches_are_mined_with_paragraph_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    for text in (
        "在全市工作会议上的讲话",
        "同志们：",
        "一、站位要更高",
        "二、标准要更严",
        "三、能力要更强",
        "谢谢大家！",
    ):
        document.add_paragraph(text)
    (tmp_path / "in").mkdir()
    document.save(str(tmp_path / "in" / "speech.docx"))
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["mine", str(tmp_path / "in"), "-o", str(out), "-q"]).exit_code == 0
    entries = {e.function: e for e in load_folder(out)}
    assert entries["heading_set"].member_texts() == ("站位要更高", "标准要更严", "能力要更强")
    assert entries["heading_set"].sources == ("speech.docx:3",)
    assert entries["closing.thanks"].sources == ("speech.docx:6",)
