"""A reproducible, well-formed package: pinned properties and timestamps, every part wired, comments."""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx_sample import BANK_ID, BANK_SOURCES, DATE, TITLE, sample_document, short_document
from lxml import etree

from drafter.document import DocumentMeta
from drafter.writers import RenderOptions
from drafter.writers.docx import write_docx
from drafter.writers.docx.comments import comment_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def test_same_document_gives_the_same_bytes() -> None:
    first = write_docx(sample_document(), RenderOptions(annotate=True))
    second = write_docx(sample_document(), RenderOptions(annotate=True))
    assert first == second


def test_core_properties_come_from_the_draft() -> None:
    props = _open(write_docx(sample_document(), RenderOptions())).core_properties
    assert props.title == TITLE
    assert props.author == "张三"
    assert props.last_modified_by == ""
    assert props.created == props.modified == dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    assert props.revision == 1
    assert props.comments == "" and props.keywords == ""


def test_zip_entries_are_stamped_with_the_speech_date() -> None:
    data = write_docx(sample_document(), RenderOptions(annotate=True))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        stamps = {info.date_time for info in package.infolist()}
    assert stamps == {(2026, 11, 30, 0, 0, 0)}


def test_without_a_date_nothing_is_dated_now() -> None:
    undated = sample_document()._replace(meta=DocumentMeta(title="讲话", author="张三"))
    data = write_docx(undated, RenderOptions(annotate=True))
    props = _open(data).core_properties
    assert props.created is None and props.modified is None
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        comments = etree.fromstring(package.read("word/comments.xml"))
    assert all(c.get(f"{W}date") is None for c in comments.iter(f"{W}comment"))


def test_package_is_well_formed_and_every_part_is_wired() -> None:
    """What Word checks before it offers to repair a file: parts, content types, relationships, styles."""
    data = write_docx(sample_document(), RenderOptions(annotate=True))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        xml = {
            name: etree.fromstring(package.read(name)) for name in names if name.endswith((".xml", ".rels"))
        }
    types = xml["[Content_Types].xml"]
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{CT}Override")}
    defaults = {d.get("Extension") for d in types.iter(f"{CT}Default")}
    for name in names - {"[Content_Types].xml"}:
        assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert overrides <= names
    for name, root in xml.items():
        if not name.endswith(".rels"):
            continue
        source_dir = posixpath.dirname(posixpath.dirname(name))
        for rel in root.iter(f"{RELS}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(source_dir, rel.get("Target")))
            assert target in names, f"{name}: {rel.get('Target')} is missing"
    styles = xml["word/styles.xml"]
    defined = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml", "word/comments.xml"):
        for tag in ("pStyle", "rStyle"):
            for used in xml[name].iter(f"{W}{tag}"):
                assert used.get(f"{W}val") in defined, f"{name}: style {used.get(f'{W}val')} is not defined"
        for style in styles.iter(f"{W}style"):
            for ref in ("basedOn", "link", "next"):
                found = style.find(f"{W}{ref}")
                assert found is None or found.get(f"{W}val") in defined


def test_annotate_puts_a_comment_on_every_bank_span() -> None:
    document = sample_document()
    bank_spans = [s for s in document.spans() if s.entry_id]
    data = write_docx(document, RenderOptions(annotate=True))
    opened = _open(data)
    comments = list(opened.comments)
    assert len(comments) == len(bank_spans)
    first = comments[1]
    assert first.text == comment_text(BANK_ID, BANK_SOURCES)
    assert first.text == f"词条：{BANK_ID}\n来源：{'；'.join(BANK_SOURCES)}"
    assert first.author == "drafter"
    assert first.timestamp == dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    starts = [int(e.get(f"{W}id")) for e in body.iter(f"{W}commentRangeStart")]
    ends = [int(e.get(f"{W}id")) for e in body.iter(f"{W}commentRangeEnd")]
    refs = [int(e.get(f"{W}id")) for e in body.iter(f"{W}commentReference")]
    assert starts == ends == refs == [c.comment_id for c in comments]
    # the commented range holds exactly the bank sentence
    start = next(body.iter(f"{W}commentRangeStart"))
    text = ""
    for sibling in start.itersiblings():
        if sibling.tag == f"{W}commentRangeEnd":
            break
        text += "".join(t.text or "" for t in sibling.iter(f"{W}t"))
    assert text == bank_spans[0].text


def test_without_annotate_there_are_no_comments() -> None:
    data = write_docx(short_document(), RenderOptions())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/comments.xml" not in package.namelist()


def test_a_bank_span_without_sources_says_so() -> None:
    assert comment_text("title.001", ()) == "词条：title.001\n来源：未记录"


@pytest.mark.parametrize("year", [1979, 2026])
def test_zip_dates_before_1980_fall_back(year: int) -> None:
    document = short_document()._replace(meta=DocumentMeta(date=dt.date(year, 5, 4)))
    with zipfile.ZipFile(io.BytesIO(write_docx(document, RenderOptions()))) as package:
        stamp = package.infolist()[0].date_time
    assert stamp == ((1980, 1, 1, 0, 0, 0) if year < 1980 else (year, 5, 4, 0, 0, 0))
    assert DATE.year == 2026


def test_the_file_author_is_the_briefs_org_never_the_speaker(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from drafter.cli import main

    examples = Path(__file__).parent.parent / "examples"
    out = tmp_path / "d.docx"
    assert (
        CliRunner().invoke(main, ["draft", str(examples / "system_meeting.yaml"), "-o", str(out)]).exit_code
        == 0
    )
    props = _open(out.read_bytes()).core_properties
    assert props.author == "市政府"
    assert props.last_modified_by == ""
    without = tmp_path / "b.yaml"
    text = (examples / "system_meeting.yaml").read_text(encoding="utf-8")
    without.write_text("\n".join(x for x in text.splitlines() if not x.startswith("org:")), encoding="utf-8")
    out2 = tmp_path / "e.docx"
    assert CliRunner().invoke(main, ["draft", str(without), "-o", str(out2)]).exit_code == 0
    with zipfile.ZipFile(out2) as package:
        core = package.read("docProps/core.xml").decode()
    assert "张华" not in core and "市长" not in core and "<dc:creator" not in core
