"""A corpus of hostile files, generated here: the miner reads what it can and names what it cannot."""

from __future__ import annotations

import io
import os
import random
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter import speechfile
from drafter.cli import main
from drafter.miner.clean import clean_lines
from drafter.miner.outline import parse_outline
from drafter.miner.read import find_sources
from drafter.speechfile import UnreadableSpeech, decode_lines, read_speech

SPEECH = (
    "在全市工作会议上的讲话\n同志们：\n一、提高站位\n我们要深刻认识做好今年工作的重要意义。\n谢谢大家！\n"
)
JAPANESE = (
    "本日は、お忙しいところお集まりいただき、誠にありがとうございます。地域の発展に取り組みます。\n" * 20
)


def docx_understating(path: Path, real: int, declared: int) -> Path:
    """A .docx whose headers say word/document.xml inflates to `declared` bytes; it inflates to `real`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"<w:p/>" * (2**20 // 6)
            for _ in range(real // len(chunk)):
                member.write(chunk)
    data = bytearray(buffer.getvalue())
    name = b"word/document.xml"
    for signature, name_at, size_at in ((b"PK\x01\x02", 46, 24), (b"PK\x03\x04", 30, 22)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, declared)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def test_a_docx_that_understates_its_size_is_refused_before_it_grows(tmp_path: Path) -> None:
    path = docx_understating(tmp_path / "bomb.docx", real=400 * 2**20, declared=1000)
    assert path.stat().st_size < 2 * 2**20
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableSpeech, match=r"bomb\.docx: (corrupt|refused)"):
            read_speech(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20  # never the 400 MB it would inflate to


def test_zip_members_are_capped_by_what_they_inflate_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(7)
    text = "".join(rng.choice("的一是在不了有和人这中大为上个国我以要他") for _ in range(2**20))
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f"<w:document>{text}</w:document>")
    monkeypatch.setattr(speechfile, "MAX_DOCX_UNCOMPRESSED", 2 * 2**20)  # the stream, not the headers
    with zipfile.ZipFile(path) as archive, pytest.raises(UnreadableSpeech, match="past 2 MB"):
        speechfile._read_member(archive, "word/document.xml", path)


def test_one_bad_byte_costs_its_line_not_the_speech(tmp_path: Path) -> None:
    raw = SPEECH.encode("utf-8").replace("深刻".encode(), b"\xff\xfe")
    lines, notes = decode_lines(raw, tmp_path / "x.txt")
    assert lines == ["在全市工作会议上的讲话", "同志们：", "一、提高站位", "", "谢谢大家！"]
    assert notes == ["line 4: not UTF-8 (byte 10), line left out"]
    gbk = SPEECH.encode("gbk").replace("谢谢".encode("gbk"), b"\x81\x20")  # not GB18030 either
    lines, notes = decode_lines(gbk, tmp_path / "x.txt")
    assert lines[:4] == SPEECH.splitlines()[:4] and lines[4] == "" and len(notes) == 1


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("shift_jis.txt", JAPANESE.encode("shift_jis")),
        ("euc_jp.txt", JAPANESE.encode("euc_jp")),
        ("utf8_japanese.txt", JAPANESE.encode("utf-8")),
        ("random.txt", random.Random(3).randbytes(6000).replace(b"\x00", b"\x01")),
        ("latin.txt", ("Mesdames et messieurs, chers collègues, merci à tous.\n" * 40).encode("latin-1")),
        ("english.md", ("# Speech\nLadies and gentlemen, thank you for coming.\n" * 40).encode("utf-8")),
    ],
)
def test_text_that_is_not_chinese_is_refused(tmp_path: Path, name: str, raw: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(UnreadableSpeech, match=r"(not Chinese text|cannot decode)"):
        read_speech(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_chinese_in_any_of_its_encodings_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes((SPEECH * 5).encode(encoding))
    assert read_speech(path)[:2] == ["在全市工作会议上的讲话", "同志们："]


def test_every_path_not_read_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "good.txt").write_text(SPEECH, encoding="utf-8")
    (corpus / "locked" / "hidden-by-permissions.txt").write_text(SPEECH, encoding="utf-8")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "linked.txt").symlink_to(corpus / "good.txt")  # a link to a file is read
    (corpus / "elsewhere").symlink_to(tmp_path)
    os.mkfifo(corpus / "pipe.txt")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # as for a folder without read permission (tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    warnings: list[str] = []
    found = find_sources([corpus, corpus / "pipe.txt"], warnings.append)
    assert [source.name for source in found] == ["good.txt", "linked.txt"]
    text = "\n".join(warnings)
    for expected in (
        "dangling.txt: skipped: broken symbolic link",
        "elsewhere: skipped: symbolic link to a folder (not followed)",
        "locked: skipped: cannot read folder: Permission denied",
        "loop.txt: skipped: symbolic link loop",
        "pipe.txt: skipped: not a regular file (a FIFO)",
    ):
        assert expected in text, text
    assert len(warnings) == 6  # the FIFO twice: inside the folder and given by name


def test_mine_warns_for_each_hostile_file_and_mines_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "speeches"
    corpus.mkdir()
    for number in range(3):
        (corpus / f"good{number}.txt").write_text(SPEECH * 3, encoding="utf-8")
    (corpus / "one-bad-byte.txt").write_bytes((SPEECH * 3).encode().replace("深刻".encode(), b"\xff", 1))
    (corpus / "japanese.txt").write_bytes(JAPANESE.encode("shift_jis"))
    docx_understating(corpus / "bomb.docx", real=50 * 2**20, declared=1000)
    os.mkfifo(corpus / "fifo.md")
    result = CliRunner().invoke(main, ["mine", str(corpus), "-o", "out", "-q"])
    assert result.exit_code == 0, result.output
    errors = result.stderr.splitlines()
    assert "Traceback" not in result.output
    assert any(line.startswith("speeches/one-bad-byte.txt:4: not UTF-8") for line in errors), errors
    for name in (
        "japanese.txt: skipped: not Chinese text",
        "bomb.docx: skipped: ",
        "fifo.md: skipped: not a",
    ):
        assert any(name in line for line in errors), errors


@pytest.mark.parametrize("items", [20_000])
def test_a_line_of_many_ordinals_is_parsed(items: int) -> None:
    line = "：" + "首先，抓落实。其次，抓落实。" * (items // 2)
    outline = parse_outline("x", clean_lines(["讲话", "同志们：", line, "谢谢大家！"]))
    runs = [run for run in outline.sibling_runs if run[0].marker == "首先"]
    assert len(runs) == items // 2 and all(r[0].text == "抓落实" for r in runs)
