"""Font profiles: the two built-in ones, a writer's own YAML profile, and clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx_sample import short_document

from drafter.errors import DrafterError, InputFileError
from drafter.writers import RenderOptions
from drafter.writers.docx import FontProfileError, write_docx
from drafter.writers.docx.fonts import STANDARD, WINDOWS, resolve_profile


def test_builtin_profiles() -> None:
    assert resolve_profile(None) is STANDARD
    assert resolve_profile("standard") == STANDARD
    assert (STANDARD.fangsong, STANDARD.kaiti, STANDARD.heiti, STANDARD.title, STANDARD.songti) == (
        "仿宋_GB2312",
        "楷体_GB2312",
        "黑体",
        "方正小标宋简体",
        "宋体",
    )
    assert resolve_profile("windows") == WINDOWS
    assert (WINDOWS.fangsong, WINDOWS.kaiti, WINDOWS.heiti, WINDOWS.songti) == (
        "仿宋",
        "楷体",
        "黑体",
        "宋体",
    )
    assert WINDOWS.title == "宋体" and WINDOWS.title_bold


def test_unknown_profile_name_is_one_clear_line() -> None:
    with pytest.raises(FontProfileError) as caught:
        resolve_profile("office")
    assert str(caught.value) == (
        "font profile 'office': unknown (expected standard, windows, or the path of a .yaml font profile)"
    )
    assert isinstance(caught.value, DrafterError)


def test_own_profile_extends_a_builtin_one(tmp_path: Path) -> None:
    path = tmp_path / "house.yaml"
    path.write_text("extends: windows\ntitle: 方正小标宋_GBK\ntitle_bold: false\n", encoding="utf-8")
    profile = resolve_profile(str(path))
    assert profile.title == "方正小标宋_GBK" and not profile.title_bold
    assert profile.fangsong == "仿宋"  # from windows
    opened = docx.Document(io.BytesIO(write_docx(short_document(), RenderOptions(font_profile=str(path)))))
    fonts = opened.styles["讲话标题"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "方正小标宋_GBK"
    body = opened.styles["讲话正文"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert body.get(qn("w:eastAsia")) == "仿宋"


def test_own_profile_problems_are_all_reported_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("extends: mac\nfangsong: 3\nheading: 黑体\ntitle_bold: maybe\n", encoding="utf-8")
    with pytest.raises(FontProfileError) as caught:
        resolve_profile(str(path))
    lines = str(caught.value).splitlines()
    assert len(lines) == 4
    assert lines[0].endswith("bad.yml:1: extends: expected one of standard, windows, got 'mac'")
    assert lines[1].endswith("bad.yml:2: fangsong: expected a font name, got 3")
    assert "bad.yml:3: heading: unknown key" in lines[2]
    assert lines[3].endswith("bad.yml:4: title_bold: expected true or false, got 'maybe'")


def test_own_profile_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        resolve_profile(str(tmp_path / "missing.yaml"))
    listed = tmp_path / "list.yaml"
    listed.write_text("- 仿宋\n", encoding="utf-8")
    with pytest.raises(FontProfileError, match=r"list.yaml:1: expected a mapping of font roles"):
        resolve_profile(str(listed))
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="YAML syntax error"):
        resolve_profile(str(broken))


def test_profile_named_in_the_brief_is_checked_too() -> None:
    with pytest.raises(FontProfileError, match="font profile 'typewriter'"):
        write_docx(short_document(font_profile="typewriter"), RenderOptions())
