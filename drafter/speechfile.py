"""Reading one speech file of a corpus as numbered lines: the numbering `FILE:LINE` sources cite.

The miner reads with it and the bank follows sources with it, so both number a file alike.
Plain text is UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK; anything else is
guessed with charset-normalizer and kept only when it reads as Chinese. A .docx gives one line per
paragraph (body, tables and tracked insertions, in document order; deleted text left out), after a
guard on the declared uncompressed size so that a zip bomb is refused rather than expanded. A .md
loses its heading, list, quote, emphasis and link marks, line by line. Every problem with a file is
an `UnreadableSpeech`. lxml and charset-normalizer are imported only when a file needs them.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from drafter.errors import InputFileError, display_path

SUFFIXES = (".txt", ".md", ".docx")  # the files a corpus holds; any other is read as plain text
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a speech is tens of KB; a bigger "text" file is not one
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 150  # deflate of real XML stays far below this; bombs go to 1000 and beyond
MIN_CJK_RATIO = 0.3  # a guessed decoding is kept only when this share of it reads as Chinese
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_LEAD_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)")
_CHINESE_RE = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
_SPACE_RE = re.compile(r"\s")


class UnreadableSpeech(InputFileError):
    """A speech file that cannot be read; `reason` says why without naming the file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{display_path(path)}: {reason}")


def read_speech(path: Path, size: int | None = None) -> list[str]:
    """The lines of one speech file; `size` saves a `stat` when the caller knows it."""
    try:
        size = path.stat().st_size if size is None else size
    except OSError as exc:
        raise UnreadableSpeech(path, f"cannot read: {exc.strerror}") from None
    if size == 0:
        raise UnreadableSpeech(path, "empty file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if size > MAX_TEXT_BYTES:
        raise UnreadableSpeech(path, f"{size // 2**20} MB is too large for a speech")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableSpeech(path, f"cannot read: {exc.strerror}") from None
    text = decode_text(raw, path)
    if suffix == ".md":
        return [_strip_markdown(line) for line in text.splitlines()]
    return text.splitlines()


def decode_text(raw: bytes, path: Path) -> str:
    """Text from bytes in UTF-8, UTF-16 (BOM) or GB18030/GBK, or a guess that reads as Chinese."""
    if not raw.strip():
        raise UnreadableSpeech(path, "empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode("utf-16")  # the BOM says which byte order
    if b"\x00" in raw[:65536]:
        raise UnreadableSpeech(path, "binary file, not text")
    with contextlib.suppress(UnicodeDecodeError):
        return raw.decode("utf-8-sig")
    with contextlib.suppress(UnicodeDecodeError):
        text = raw.decode("gb18030")
        if cjk_ratio(text) >= MIN_CJK_RATIO:
            return text
    import charset_normalizer  # only for the rare file that is neither UTF-8 nor GB18030: load lazily

    best = charset_normalizer.from_bytes(raw[:262144]).best()
    if best is not None and best.encoding:
        try:
            text = raw.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and cjk_ratio(text) >= MIN_CJK_RATIO:
            return text
    raise UnreadableSpeech(path, "cannot decode (not UTF-8, GB18030/GBK or other Chinese text)")


def cjk_ratio(text: str) -> float:
    """The share of Chinese characters and punctuation among the non-space characters of `text`."""
    sample = text[:4000]
    visible = len(sample) - len(_SPACE_RE.findall(sample))
    return len(_CHINESE_RE.findall(sample)) / visible if visible else 0.0


def read_docx(path: Path) -> list[str]:
    """One line per paragraph of a .docx body, in document order (tables and insertions included)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            declared = sum(info.file_size for info in infos)
            if declared > MAX_DOCX_UNCOMPRESSED:
                raise UnreadableSpeech(
                    path, f"refused to expand {declared // 2**20} MB of compressed content (zip bomb?)"
                )
            for info in infos:
                if info.file_size > 2**20 and info.file_size > MAX_DOCX_RATIO * max(info.compress_size, 1):
                    raise UnreadableSpeech(
                        path,
                        f"refused to expand {info.filename}, compressed"
                        f" {info.file_size // max(info.compress_size, 1)}:1 (zip bomb?)",
                    )
            try:
                data = archive.read("word/document.xml")
            except KeyError:
                raise UnreadableSpeech(path, "corrupt .docx (no word/document.xml)") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UnreadableSpeech(path, f"corrupt .docx ({exc})") from None
    except OSError as exc:
        raise UnreadableSpeech(path, f"cannot read: {exc.strerror or exc}") from None
    from lxml import etree  # type: ignore[import-untyped]  # lazily: plain-text archives never need it

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableSpeech(path, f"corrupt .docx (document.xml: {exc})") from None
    return list(_docx_paragraphs(root))


def _docx_paragraphs(root: Any) -> Iterator[str]:
    # w:t holds text of runs, including runs inside w:ins; deleted text is w:delText and stays out.
    # A text box is a w:p inside a run of the paragraph anchoring it, written twice (mc:Choice and
    # an mc:Fallback copy for older readers): its text is a line of its own, read once.
    for fallback in list(root.iter(_MC_FALLBACK)):
        fallback.getparent().remove(fallback)
    for paragraph in root.iter(f"{_W}p"):
        parts: list[str] = []
        for node in paragraph.iter(f"{_W}t", f"{_W}tab"):
            if next(node.iterancestors(f"{_W}p")) is paragraph:
                parts.append("\t" if node.tag == f"{_W}tab" else node.text or "")
        yield "".join(parts)


def _strip_markdown(line: str) -> str:
    line = _MD_LEAD_RE.sub("", line)
    line = _MD_LINK_RE.sub(r"\1", line)
    return line.replace("**", "").replace("__", "")
