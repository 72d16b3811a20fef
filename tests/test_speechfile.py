"""Reading speech files: encodings, .docx (tables, tracked changes), .md, and every kind of bad file."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from drafter.speechfile import UnreadableSpeech, read_speech

SPEECH = "在全市工作会议上的讲话\n同志们：\n一、站位要更高\n二、标准要更严\n三、能力要更强\n谢谢大家！\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = SPEECH + ("㐀字见于GB18030。\n" if encoding in ("gb18030", "utf-16") else "")
    path = tmp_path / "speech.txt"
    path.write_bytes(text.encode(encoding))
    assert read_speech(path) == text.splitlines()


def test_undecodable_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(("Café résumé naïve déjà vu. " * 40).encode("latin-1"))
    with pytest.raises(UnreadableSpeech, match=r"latin\.txt: not Chinese text"):
        read_speech(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("broken.docx", b"this is not a zip archive", "corrupt .docx"),
        ("empty.docx", b"", "empty file"),
    ],
)
def test_bad_files_raise_one_line(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableSpeech, match=message) as info:
        read_speech(path)
    assert "\n" not in str(info.value) and name in str(info.value)
    assert info.value.path == path and name not in info.value.reason  # the bank words it by source


def test_missing_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(UnreadableSpeech, match="cannot read: No such file or directory"):
        read_speech(tmp_path / "gone.txt")


def test_other_suffixes_are_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "speech.text"
    path.write_bytes(SPEECH.encode("gbk"))
    assert read_speech(path) == SPEECH.splitlines()


def _tracked_paragraph(document: docx.document.Document) -> None:
    paragraph = document.add_paragraph("修改前的文字")
    for tag, text_tag, text in (("w:ins", "w:t", "插入的文字"), ("w:del", "w:delText", "删除的文字")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:ins" else "2")
        change.set(qn("w:author"), "审稿人")
        run = OxmlElement("w:r")
        node = OxmlElement(text_tag)
        node.text = text
        run.append(node)
        change.append(run)
        paragraph._p.append(change)


def test_docx_paragraphs_tables_and_insertions(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("同志们：")
    document.add_paragraph("一、站位要更高")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "二、标准要更严"
    table.cell(0, 1).text = "三、能力要更强"
    _tracked_paragraph(document)
    path = tmp_path / "speech.docx"
    document.save(str(path))
    lines = read_speech(path)
    assert lines[:4] == ["同志们：", "一、站位要更高", "二、标准要更严", "三、能力要更强"]
    assert lines[4] == "修改前的文字插入的文字"  # the insertion is kept, the deletion is not


def test_docx_text_box_text_is_read_once(tmp_path: Path) -> None:
    # Word writes a text box twice, as a drawing (mc:Choice) and as VML for older readers (mc:Fallback),
    # each inside a run of the paragraph that anchors it.
    box = "<w:txbxContent><w:p><w:r><w:t>二、标准要更严</w:t></w:r></w:p></w:txbxContent>"
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>'
        "<w:p><w:r><w:t>一、站位要更高</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>三、能力</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>要更强</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    path = tmp_path / "boxed.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document)
    assert read_speech(path) == ["一、站位要更高", "三、能力要更强", "二、标准要更严"]


def test_docx_without_document_part_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "odd.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableSpeech, match=r"no word/document\.xml"):
        read_speech(path)


def test_highly_compressed_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (4 * 2**20) + b"/>")
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(UnreadableSpeech, match="zip bomb"):
        read_speech(path)


def test_docx_declaring_a_huge_size_is_refused_without_expanding(tmp_path: Path) -> None:
    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (3 * 2**30).to_bytes(4, "little")  # declared uncompressed size: 3 GB
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableSpeech, match="zip bomb"):
        read_speech(path)


def test_markdown_syntax_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "speech.md"
    path.write_text(
        "# 在全市工作会议上的讲话\n\n- 一、**站位**要更高\n> 见[链接](http://example.org)\n", encoding="utf-8"
    )
    assert read_speech(path) == ["在全市工作会议上的讲话", "", "一、站位要更高", "见链接"]


@pytest.mark.parametrize(
    "raw",
    [
        "一、标题\n\n正文。\r\n第二行\r第三行\n".encode(),
        "没有结尾的换行\n\n\n最后".encode(),
        "\n开头是空行\r\n\r\n".encode("gb18030"),
        b"",
        b"\n",
        "同志们：\u2028不是换行\x0c也不是\x1c".encode(),
    ],
)
def test_whole_decode_cuts_lines_as_row_decode(raw: bytes) -> None:
    from drafter.speechfile import _decode_rows, _decode_whole, _lines

    for encoding in ("utf-8", "gb18030"):
        rows = _decode_rows(raw.splitlines(), encoding)
        whole = _decode_whole(raw, encoding)
        if rows is not None and not rows[1]:  # every row decodes: the same lines
            assert whole is not None
            assert _lines(whole) == rows[0]
        else:  # some row does not: the whole does not either, and the rows are decoded one by one
            assert whole is None


def test_whole_decode_fails_where_a_row_fails() -> None:
    from drafter.speechfile import _decode_whole

    assert _decode_whole("好\n".encode("gb18030") + b"\xff\n", "utf-8") is None


@given(st.text(alphabet="\u303f\u3040\u3041\u308f\u30a2\u30fe\u30ff\u3100\u3001\u3002好\n a", max_size=40))
def test_kana_are_found_in_utf8_where_they_are_in_the_text(text: str) -> None:
    from drafter.speechfile import _KANA_RE, _KANA_UTF8_RE

    assert (_KANA_UTF8_RE.search(text.encode()) is not None) == (_KANA_RE.search(text) is not None)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("crlf.txt", (SPEECH.replace("\n", "\r\n") + "\r最后一行").encode()),
        ("gbk.txt", SPEECH.encode("gbk")),
        ("bom.txt", SPEECH.encode("utf-8-sig")),
        ("bom-only-line.txt", codecs.BOM_UTF8 + b"\n"),
        ("utf16.txt", SPEECH.encode("utf-16")),
        ("bad-line.txt", SPEECH.encode() * 3 + b"\xff\xfe\xfd\n" + SPEECH.encode() * 3),
        ("kana.txt", (SPEECH * 3 + "の\n").encode()),
        ("no-final-break.txt", SPEECH.rstrip("\n").encode()),
        ("speech.md", "# 标题\n\n- 一、**站位**要更高\n".encode()),
    ],
)
def test_the_text_is_the_lines_joined(tmp_path: Path, name: str, data: bytes) -> None:
    from drafter.speechfile import read_speech_noting, read_speech_text_noting

    path = tmp_path / name
    path.write_bytes(data)
    lines, notes = read_speech_noting(path)
    assert read_speech_text_noting(path) == ("\n".join(lines), notes)


def test_the_text_of_a_docx_has_no_line_break_inside_a_paragraph(tmp_path: Path) -> None:
    from drafter.speechfile import read_speech_noting, read_speech_text_noting

    document = docx.Document()
    document.add_paragraph("同志们：")
    document.add_paragraph().add_run("一、站位要更高")._r.find(qn("w:t")).text = "一、站位\n要更高"
    document.add_paragraph("谢谢大家！")
    path = tmp_path / "speech.docx"
    document.save(str(path))
    lines, _ = read_speech_noting(path)
    assert "一、站位\n要更高" in lines  # a line break inside the text of a paragraph
    text, _ = read_speech_text_noting(path)
    assert text == "\n".join(line.replace("\n", " ") for line in lines)
