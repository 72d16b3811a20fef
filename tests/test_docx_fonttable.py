"""The font table: every profile font with its East Asian fallback, wired to the main document."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx_sample import short_document
from lxml import etree

from drafter.writers import RenderOptions
from drafter.writers.docx import write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"


def _fonts(data: bytes) -> dict[str, dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        (target,) = [r.get("Target") for r in rels if r.get("Type") == FONT_TABLE]
        types = package.read("[Content_Types].xml").decode()
        assert "wordprocessingml.fontTable+xml" in types
        root = etree.fromstring(package.read("word/" + target))
    return {
        font.get(f"{W}name"): {child.tag.removeprefix(W): child.get(f"{W}val") for child in font}
        for font in root.iter(f"{W}font")
    }


def test_standard_profile_fonts_have_fallbacks() -> None:
    fonts = _fonts(write_docx(short_document(), RenderOptions()))
    assert list(fonts) == ["仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体", "Times New Roman"]
    assert fonts["仿宋_GB2312"] == {
        "altName": "仿宋",
        "panose1": "02010609030101010101",
        "charset": "86",
        "family": "modern",
        "pitch": "fixed",
    }
    assert fonts["楷体_GB2312"]["altName"] == "楷体"
    assert fonts["黑体"]["altName"] == "SimHei"
    assert "altName" not in fonts["Times New Roman"] and fonts["Times New Roman"]["charset"] == "00"


def test_windows_profile_and_an_unknown_font(tmp_path: Path) -> None:
    fonts = _fonts(write_docx(short_document(), RenderOptions(font_profile="windows")))
    assert fonts["仿宋"]["altName"] == "FangSong"
    own = tmp_path / "own.yaml"
    own.write_text("title: 华文中宋\nlatin: Arial\n", encoding="utf-8")
    fonts = _fonts(write_docx(short_document(), RenderOptions(font_profile=str(own))))
    assert fonts["华文中宋"]["charset"] == "86"
    assert fonts["Arial"]["charset"] == "00"


def test_a_reference_keeps_its_font_table_and_gains_what_it_lacks(tmp_path: Path) -> None:
    reference = tmp_path / "house.docx"
    docx.Document().save(str(reference))  # python-docx's template has a font table of its own
    fonts = _fonts(write_docx(short_document(), RenderOptions(reference_docx=reference)))
    assert "Calibri" in fonts or "Times New Roman" in fonts
    assert fonts["仿宋_GB2312"]["altName"] == "仿宋"
