"""Small banks written into tmp_path for the bank tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx


def write_bank(folder: Path, files: dict[str, str], corpus: dict[str, str] | None = None) -> Path:
    """Write bank files (dedented YAML text by file name) and optional corpus files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    for name, text in (corpus or {}).items():
        path = folder / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


CORPUS = {
    "speech.txt": "在全市工作会议上的讲话\n同志们：\n"
    "同志们，让我们团结一心，为建设美好家园而努力奋斗！\n谢谢大家！\n"
}

CLOSING = """
    # 结尾号召：team favourites
    function: closing.call
    entries:
      - id: closing.call.tuanjie
        text: 同志们，让我们团结一心，为{goal}而努力奋斗！
        tags: [团结]
        sources: ["speech.txt:3"]

      - id: closing.call.fendou
        text: 同志们，让我们撸起袖子加油干，为{goal}而奋斗！
        tags: [担当]
        kinds: [work_meeting]
        sources: ["speech.txt:3"]
"""

THANKS = """
    function: closing.thanks
    entries:
      - id: closing.thanks.xiexie
        text: 谢谢大家！
        sources: ["speech.txt:4"]
"""

CITING_MIXED = """
    function: closing.thanks
    entries:
      - id: closing.thanks.xiexie
        text: 谢谢大家！
        sources:
          - gbk.txt:4
          - speech.docx:4
          - gbk.txt:5
          - speech.docx:9
          - broken.docx:1
"""


def write_mixed_corpus(folder: Path) -> Path:
    """A corpus folder of `CORPUS`'s speech as GBK text and as a .docx, beside a broken .docx."""
    folder.mkdir(parents=True, exist_ok=True)
    speech = CORPUS["speech.txt"]
    (folder / "gbk.txt").write_bytes(speech.encode("gbk"))
    document = docx.Document()
    for paragraph in speech.splitlines():
        document.add_paragraph(paragraph)
    document.save(str(folder / "speech.docx"))
    (folder / "broken.docx").write_bytes(b"not a zip archive")
    return folder
