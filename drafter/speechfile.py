"""Reading one speech file of a corpus as numbered lines: the numbering `FILE:LINE` sources cite.

The miner reads with it and the bank follows sources with it, so both number a file alike.
Plain text is UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK; anything else is
guessed with charset-normalizer. Decoding is tolerant line by line: when a few lines (at most
`MAX_BAD_LINES_SHARE` of them) do not decode, each costs its own line (left empty, so that the
numbering stays) and a note, not the speech. Whatever the encoding, the text is kept only when it
reads as Chinese (`chinese_problem`): Chinese characters make up a good share of it, few are kana,
and the characters are ones Chinese speeches use (those of the built-in corpus), which tells
Shift-JIS or random bytes read as GB18030 from Chinese. A .docx gives one line per paragraph (body,
tables and tracked insertions, in document order; deleted text left out); its document part is
read through a streaming cap (`MAX_DOCX_UNCOMPRESSED`, and a ratio to the compressed size) that
counts the bytes actually inflated, never the sizes the archive declares, so a zip bomb is refused
after a few megabytes. A .md loses its heading, list, quote, emphasis and link marks, line by line.
Every problem with a file is an `UnreadableSpeech`. lxml and charset-normalizer are imported only
when a file needs them.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
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
MIN_CJK_RATIO = 0.3  # text is kept only when this share of it reads as Chinese
MAX_KANA_RATIO = 0.05  # Japanese: kana among the Chinese characters
MIN_COMMON_RATIO = 0.85  # share of its Chinese characters that Chinese speeches use (mojibake: far less)
MAX_BAD_LINES_SHARE = 0.05  # lines that may fail to decode before the encoding is judged wrong
_DOCX_CHUNK = 1 << 20
_SAMPLE = 20000  # characters of a text that `chinese_problem` looks at (the share: its first 4,000)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_LEAD_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)")
# runs, not characters: counted by the length of the runs found, which are few (3x faster)
_CHINESE_RE = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]+")
_IDEOGRAPH_RE = re.compile("[\u4e00-\u9fff]")
_IDEOGRAPHS_RE = re.compile("[\u4e00-\u9fff]+")
_KANA_RE = re.compile("[\u3040-\u30ff]")
_KANA_UTF8_RE = re.compile(b"\xe3[\x81-\x83]")  # `_KANA_RE` in UTF-8: U+3040-U+30FF are E3 81 80-E3 83 BF


class UnreadableSpeech(InputFileError):
    """A speech file that cannot be read; `reason` says why without naming the file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{display_path(path)}: {reason}")


def read_speech(path: Path, size: int | None = None) -> list[str]:
    """The lines of one speech file; `size` saves a `stat` when the caller knows it."""
    return read_speech_noting(path, size)[0]


def read_speech_noting(path: Path, size: int | None = None) -> tuple[list[str], list[str]]:
    """The lines of one speech file, and notes on lines left out (`LINE: why`)."""
    lines, text, notes = _read(path, size)
    return (_lines(text) if text is not None else lines), notes


def read_speech_text_noting(path: Path, size: int | None = None) -> tuple[str, list[str]]:
    """`read_speech_noting`'s lines joined by newlines (a line's own line breaks made spaces), and notes.

    A plain text decoded in one call is never cut into lines: a reader that splits it again saves a pass.
    """
    lines, text, notes = _read(path, size)
    if text is not None:
        return (text[:-1] if text.endswith("\n") else text), notes  # "\n".join(_lines(text))
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:  # a paragraph that holds a line break (a .docx)
        joined = "\n".join(line.replace("\n", " ") for line in lines)
    return joined, notes


def _read(path: Path, size: int | None) -> tuple[list[str], str | None, list[str]]:
    """The lines of one speech file, or (decoded in one call) its text (see `_decode`); and notes."""
    try:
        size = path.stat().st_size if size is None else size
    except OSError as exc:
        raise UnreadableSpeech(path, f"cannot read: {exc.strerror}") from None
    if size == 0:
        raise UnreadableSpeech(path, "empty file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        lines = read_docx(path)
        if problem := chinese_problem(_head(lines)):
            raise UnreadableSpeech(path, problem)
        return lines, None, []
    if size > MAX_TEXT_BYTES:
        raise UnreadableSpeech(path, f"{size // 2**20} MB is too large for a speech")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableSpeech(path, f"cannot read: {exc.strerror}") from None
    text, lines, notes = _decode(raw, path)
    if suffix == ".md":
        lines = _lines(text) if text is not None else lines
        return [_strip_markdown(line) for line in lines], None, notes
    return lines, text, notes


def decode_text(raw: bytes, path: Path) -> str:
    """Text from bytes in UTF-8, UTF-16 (BOM) or GB18030/GBK, or a guess that reads as Chinese."""
    text, lines, _ = _decode(raw, path)
    return "\n".join(lines if text is None else _lines(text))


def decode_lines(raw: bytes, path: Path) -> tuple[list[str], list[str]]:
    """The lines of a Chinese text in UTF-8, UTF-16 (BOM), GB18030/GBK or a guessed encoding, and notes.

    A line that does not decode in the file's encoding is left empty and noted; a file that is not
    Chinese text is an `UnreadableSpeech`.
    """
    text, lines, notes = _decode(raw, path)
    return (_lines(text) if text is not None else lines), notes


def _decode(raw: bytes, path: Path) -> tuple[str | None, list[str], list[str]]:
    """`decode_lines` as (text, lines, notes): a text decoded in one call is left whole (lines empty).

    A reader of the whole text then saves cutting it into lines and joining them again. `text` (its
    line breaks made `\n`, see `_decode_whole`) is None when the lines are given.
    """
    if not raw.strip():
        raise UnreadableSpeech(path, "empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):  # the BOM says the byte order
            utf16 = raw.decode("utf-16").splitlines()
            return None, *_chinese(utf16, [], path, legacy=False)
    if b"\x00" in raw[:65536]:
        raise UnreadableSpeech(path, "binary file, not text")
    raw = raw.removeprefix(codecs.BOM_UTF8)
    rows: list[bytes] | None = None  # cut only when the whole text does not decode
    tried: list[str] = []
    for encoding in ("utf-8", "gb18030"):
        legacy = encoding != "utf-8"
        whole = _decode_whole(raw, encoding)
        if whole is not None:
            # (`chinese_problem` reads no further than `_head` gives it, and counts no line break: the
            # whole text does as well; kana in UTF-8 are what opens with these bytes, found 5x faster)
            kana = legacy or _KANA_UTF8_RE.search(raw) is not None
            if (problem := chinese_problem(whole, legacy=legacy, kana_possible=kana)) is None:
                return whole, [], []
            tried.append(problem)
            continue
        rows = raw.splitlines() if rows is None else rows
        decoded = _decode_rows(rows, encoding)
        if decoded is not None:
            lines, notes = decoded
            if (problem := chinese_problem(_head(lines), legacy=legacy)) is None:
                return None, lines, notes
            tried.append(problem)
    import charset_normalizer  # only for the rare file that is neither UTF-8 nor GB18030: load lazily

    best = charset_normalizer.from_bytes(raw[:262144]).best()
    if best is not None and best.encoding:
        with contextlib.suppress(LookupError):
            decoded = _decode_rows(raw.splitlines() if rows is None else rows, best.encoding)
            if decoded is not None:
                return None, *_chinese(*decoded, path, legacy=True)
    reason = tried[0] if tried else "cannot decode (not UTF-8, GB18030/GBK or other Chinese text)"
    raise UnreadableSpeech(path, reason)


def _decode_whole(raw: bytes, encoding: str) -> str | None:
    """`raw` decoded in one call, its line breaks made `\n`; None if a byte fails.

    `_lines` of it are the lines `bytes.splitlines` cuts, the same as `_decode_rows` gives when every
    row decodes (no byte of a line break is ever part of a UTF-8 or GB18030 sequence), many times
    faster than a call per row.
    """
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str) -> list[str]:
    """The lines of a `_decode_whole` text."""
    lines = text.split("\n")
    if lines[-1] == "":  # a final line break ends the last line, it starts none
        lines.pop()
    return lines


def _decode_rows(rows: list[bytes], encoding: str) -> tuple[list[str], list[str]] | None:
    """Each row decoded, a row that fails left empty and noted; None when too many fail."""
    lines: list[str] = []
    notes: list[str] = []
    allowed = max(1, int(len(rows) * MAX_BAD_LINES_SHARE)) if len(rows) >= 3 else 0
    for number, row in enumerate(rows, start=1):
        try:
            lines.append(row.decode(encoding))
        except UnicodeDecodeError as exc:
            notes.append(f"line {number}: not {encoding.upper()} (byte {exc.start + 1}), line left out")
            if len(notes) > allowed:
                return None
            lines.append("")
    return lines, notes


def _chinese(lines: list[str], notes: list[str], path: Path, *, legacy: bool) -> tuple[list[str], list[str]]:
    if problem := chinese_problem(_head(lines), legacy=legacy):
        raise UnreadableSpeech(path, problem)
    return lines, notes


def _head(lines: list[str]) -> str:
    """The first lines joined, as much as `chinese_problem` looks at of the whole text (or all of it)."""
    size = 0
    for index, line in enumerate(lines):
        size += len(line) + 1
        if size > _SAMPLE:
            return "\n".join(lines[: index + 1])
    return "\n".join(lines)


def chinese_problem(text: str, *, legacy: bool = False, kana_possible: bool = True) -> str | None:
    """Why `text` is not Chinese text (a reason to skip it), or None when it is.

    `legacy`: decoded from a legacy or guessed encoding, which reads almost any bytes as some
    characters; its characters must then be usual ones (valid UTF-8 does not happen by chance).
    `kana_possible`: False when the caller knows that the text holds no kana.
    """
    ratio = cjk_ratio(text)
    if ratio < MIN_CJK_RATIO and any(ch.isalnum() for ch in text[:4000]):  # no words at all: "no text"
        return f"not Chinese text (only {ratio:.0%} Chinese characters)"
    sample = text[:_SAMPLE]
    # counting by subn builds no list; the list of ideographs is needed for a legacy file only
    kana = _KANA_RE.subn("", sample)[1] if kana_possible and _KANA_RE.search(sample) else 0
    if kana and kana > MAX_KANA_RATIO * (_IDEOGRAPH_RE.subn("", sample)[1] + kana):
        return "not Chinese text (Japanese kana)"
    if not legacy:
        return None
    ideographs = "".join(_IDEOGRAPHS_RE.findall(sample))  # by runs: a list of every character costs more
    if len(ideographs) >= 20:
        share = (len(ideographs) - _uncommon_re().subn("", ideographs)[1]) / len(ideographs)
        if share < MIN_COMMON_RATIO:
            return f"not Chinese text (only {share:.0%} of its characters are usual: a wrong encoding?)"
    return None


@functools.cache
def common_characters() -> frozenset[str]:
    """The Chinese characters the built-in corpus of speeches uses (about 2,900)."""
    from importlib import resources

    found: set[str] = set()
    for item in resources.files("drafter.phrasebank").joinpath("corpus").iterdir():
        if item.name.endswith(".txt"):
            found.update(item.read_text(encoding="utf-8"))  # every character, then the ideographs of them
    return frozenset(char for char in found if "\u4e00" <= char <= "\u9fff")


@functools.cache
def _uncommon_re() -> re.Pattern[str]:
    """A character that is not one of `common_characters` (counted in one call, not one per character)."""
    return re.compile("[^" + "".join(sorted(common_characters())) + "]")


def cjk_ratio(text: str) -> float:
    """The share of Chinese characters and punctuation among the non-space characters of `text`."""
    sample = text[:4000]
    visible = len("".join(sample.split()))  # str.split: the same spaces as `\s`, many times faster
    return sum(map(len, _CHINESE_RE.findall(sample))) / visible if visible else 0.0


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
            data = _read_member(archive, "word/document.xml", path)
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


def _read_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """A zip member's bytes, inflated chunk by chunk and refused once they pass the caps.

    The caps count what is inflated, not what the archive declares: a header that under-states a
    member's size does not let it grow past them.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise UnreadableSpeech(path, f"corrupt .docx (no {name})") from None
    chunks: list[bytes] = []
    total = 0
    with archive.open(info) as member:
        while chunk := member.read(_DOCX_CHUNK):
            total += len(chunk)
            if total > MAX_DOCX_UNCOMPRESSED:
                raise UnreadableSpeech(
                    path, f"refused to expand {name} past {MAX_DOCX_UNCOMPRESSED // 2**20} MB"
                )
            if total > _DOCX_CHUNK and total > MAX_DOCX_RATIO * max(info.compress_size, 1):
                raise UnreadableSpeech(
                    path, f"refused to expand {name}, compressed more than {MAX_DOCX_RATIO}:1 (zip bomb?)"
                )
            chunks.append(chunk)
    return b"".join(chunks)


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
