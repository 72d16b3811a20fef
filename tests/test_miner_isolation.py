"""Isolation: no file, however hostile, ends a mining run; each is one warning naming it.

The real texts are the shipped corpus (`phrasebank/corpus/`) and four web copies in
`tests/fixtures/corpus-more/` (origin in its ORIGIN.tsv: public speeches and a work report, page
noise included); the hostile ones are generated here.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.bank.load import builtin_bank_dir
from drafter.cli import main
from drafter.miner.mine import mine_lines, mine_paths
from drafter.miner.text import ordinal_value

PEOPLE_DAILY = "人民日报评论\n①加强学习\n②改进作风\n⑴狠抓落实\n Ⅰ、总则\n1）其他\n１．全角\n"
FIXTURES = Path(__file__).parent / "fixtures" / "corpus-more"
NUMBERINGS = {
    "circled": "①②③④",
    "parenthesized": "⑴⑵⑶⑷",
    "roman": ["Ⅰ、", "Ⅱ、", "Ⅲ、", "Ⅳ、"],
    "paren": ["1）", "2）", "3）", "4）"],
    "fullwidth": ["１．", "２．", "３．", "４．"],
    "fullwidth-cn": ["１２．", "１３．", "１４．", "１５．"],
}


@pytest.mark.parametrize("sign", ["①", "⑴", "Ⅰ", "Ⅻ", "⒈", "１", "１２", "㈠", "½", "x", ""])
def test_ordinal_value_never_raises(sign: str) -> None:
    assert ordinal_value(sign) >= 0


@pytest.mark.parametrize("style", sorted(NUMBERINGS))
def test_every_numbering_style_is_an_outline(style: str) -> None:
    marks = NUMBERINGS[style]
    heads = ["站位要更高", "标准要更严", "能力要更强", "作风要更实"]
    text = "在全市会议上的讲话\n同志们：\n" + "\n".join(f"{m}{h}" for m, h in zip(marks, heads, strict=True))
    doc = mine_lines(text.splitlines(), "a.txt")
    sets = [f.candidate for f in doc.found.values() if f.candidate.function == "heading_set"]
    assert [c.text for c in sets] == ["{X}要更{Y}"]


def _docx(document_xml: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def _hostile(folder: Path) -> list[str]:
    """Writes hostile files into `folder`; returns their names."""
    body = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(f"<w:p><w:r><w:t>同志们：要坚持{i}</w:t></w:r></w:p>" for i in range(50)).encode()
        + b"</w:body></w:document>"
    )
    good = _docx(body)
    flipped = bytearray(good)
    start = good.index(b"word/document.xml") + 40
    flipped[start : start + 20] = bytes(b ^ 0xFF for b in flipped[start : start + 20])
    encrypted = bytearray(good)
    for offset in (i for i in range(len(encrypted) - 4) if encrypted[i : i + 4] == b"PK\x03\x04"):
        encrypted[offset + 6] |= 0x01  # the "encrypted" flag of each local header
    for offset in (i for i in range(len(encrypted) - 4) if encrypted[i : i + 4] == b"PK\x01\x02"):
        encrypted[offset + 8] |= 0x01
    unknown = bytearray(good)
    for offset in (i for i in range(len(unknown) - 4) if unknown[i : i + 4] == b"PK\x03\x04"):
        unknown[offset + 8] = 99  # compression method 99 (AES), which zipfile cannot read
    for offset in (i for i in range(len(unknown) - 4) if unknown[i : i + 4] == b"PK\x01\x02"):
        unknown[offset + 10] = 99
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "flipped.docx": bytes(flipped),
        "encrypted.docx": bytes(encrypted),
        "unknown-method.docx": bytes(unknown),
        "people-daily-gbk.txt": PEOPLE_DAILY.encode("gbk"),
        "utf16.txt": "\ufeff同志们：\n要坚持问题导向。\n".encode("utf-16-le"),
        "latin1.txt": "caf\xe9 \xe9t\xe9 \xa7 1) 2) 3)".encode("latin-1"),
        "only-marks.txt": "①\n②\n⑴\nⅠ\n１\n（\n“\n".encode(),
        "long-line.txt": ("要" * 200_000).encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    gbk_name = "讲话稿.txt".encode("gbk")
    if sys.platform != "win32":
        with open(os.path.join(os.fsencode(folder), gbk_name), "wb") as handle:
            handle.write(
                "在全市会议上的讲话\n同志们：\n一、站位要更高\n二、标准要更严\n三、能力要更强\n".encode()
            )
    return sorted(files)


def test_the_miner_survives_every_real_and_hostile_file(tmp_path: Path) -> None:
    corpus = tmp_path / "archive"
    shutil.copytree(builtin_bank_dir() / "corpus", corpus / "builtin")
    shutil.copytree(FIXTURES, corpus / "more")
    _hostile(corpus / "hostile")
    result = CliRunner().invoke(main, ["mine", str(corpus), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warned = result.stderr.splitlines()
    for name in ("flipped.docx", "encrypted.docx", "unknown-method.docx"):
        assert sum(name in line for line in warned) == 1, warned
    assert all(": skipped: " in line for line in warned), warned
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir())
    if sys.platform != "win32":
        assert "讲话稿.txt:" in written  # the GBK file name, decoded for the sources


def test_the_whole_shipped_corpus_mines_without_a_warning() -> None:
    warnings: list[str] = []
    corpus = builtin_bank_dir() / "corpus"
    run = mine_paths([corpus, FIXTURES], warn=warnings.append)
    assert run.files_read >= 8
    assert [w for w in warnings if "ORIGIN.tsv" not in w and "INDEX" not in w and "README" not in w] == []


def test_an_exception_inside_mining_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("同志们：\n要坚持问题导向，推动工作落实。\n", encoding="utf-8")
    (tmp_path / "boom.txt").write_text("同志们：\n要坚持系统观念，推动工作落实。\n", encoding="utf-8")
    import drafter.miner.mine as mine_module

    real = mine_module.parse_outline

    def exploding(name: str, lines: list[object]) -> object:
        if name == "boom.txt":
            raise ValueError("invalid literal for int() with base 10: '①'")
        return real(name, lines)  # type: ignore[arg-type]

    monkeypatch.setattr(mine_module, "parse_outline", exploding)
    warnings: list[str] = []
    run = mine_paths([tmp_path], warn=warnings.append)
    assert run.files_read == 1
    assert len(warnings) == 1 and "boom.txt: skipped: cannot be mined (ValueError" in warnings[0]
