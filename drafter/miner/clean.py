"""Removing the noise of scraped web pages, keeping the line number of everything that stays.

A line is noise when it carries a marker of the page around the speech (`小编`, `推荐访问`,
`更新时间…来源`, `此处隐藏…字`, site names, footers, links) or is one of the short navigation
labels of such pages. A repeat of the document's title further down (a page header) is noise too.
Placeholders (`XX`, `×`) are not removed here: extractors turn them into slots or drop the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import ahocorasick_rs

from drafter.miner.boilerplate import Boilerplate
from drafter.miner.text import SPACES, normalize_text

# Any of these anywhere in a line makes the whole line noise.
NOISE_MARKERS: tuple[str, ...] = (
    "小编",
    "推荐访问",
    "更新时间",
    "此处隐藏",
    "下载后查看",
    "百味书屋",
    "免责声明",
    "链接地址",
    "版权所有",
    "转载请",
    "广告合作",
    "精选文档",
    "供大家参考",
    "本文仅限",
    "来源网站",
    "来源：网",
    "来源：网友",
    "网友投稿",
    "http://",
    "https://",
    "www.",
    ".com",
    "@qq",
    "相关文章",
    "推荐文章",
    "经典文章",
    "最近更新",
    "公文素材",
    "免费论文",
    "文库",
    "》出自",
    "点击下载",
    "下载本文",
    "范文网",
)

_NOISE_RE = re.compile("|".join(re.escape(m) for m in NOISE_MARKERS))
# The same finds in a whole text, by one automaton: 1.6x faster than the alternation, which tests
# the first characters of all markers at every character.
# Over the text's UTF-8, which the automaton of a `str` makes (and caches in it) before it counts its
# finds in characters: 2x slower than encoding once and counting the finds in bytes.
_NOISE_MARKERS = ahocorasick_rs.BytesAhoCorasick(
    [marker.encode() for marker in NOISE_MARKERS], matchkind=ahocorasick_rs.MatchKind.LeftmostFirst
)
# A short line that only names a page element: `导航`, `上一篇`, `返回顶部`, a bare date.
_LABEL_RE = re.compile(
    r"^(\S{0,8}\s)?(导航|首页|上一篇|下一篇|返回顶部|返回列表|收藏本文|打印本文|分享到\S*)$"
)
_DATE_ONLY_RE = re.compile(r"^[\d\s:：\-/年月日.]+$")


# Paragraphs of web copies glued into one line, separated by runs of spaces (`　　` or `  `): what
# `[SPACES]{2,}|[\u3000\u2003]` finds, opened by the class (an alternation is tried in full at every
# character, 18 ns a character; the class is scanned for, 4.6 ns: a tenth of the text is such lines).
_GLUE_RE = re.compile(f"[{SPACES}](?:[{SPACES}]+|(?<=[\u3000\u2003]))")
# Whether `_GLUE_RE` splits a line, found 3x faster: a space first, then what it is.
_GLUED_RE = re.compile(f"[{SPACES}](?<=[\u3000\u2003])|[{SPACES}][{SPACES}]")
# A news agency's dateline opening a line: `新华社北京9月3日电`, `（新华社北京3月5日电）`.
_DATELINE_RE = re.compile(
    r"^（?(?:新华社|人民网|中新社|央视网|人民日报)?[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电(?:（[^）]{0,20}）)?）?\s*"
)
# Photo and reporter credits inside a line: `新华社记者 李学仁 摄`, `（附图片1张）`.
# (Every branch opens with a literal, so that the scan skips to where one starts: `(?:新华社|…)?记者`
# is the same match, tried at every character.)
_CREDIT_RE = re.compile(
    r"(?:新华社记者|人民日报记者|本报记者|记者)\s?[\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,3}\s?摄"
    r"|（附图片\d+张）|（图片来源[^）]{0,20}）|（记者[^）]{0,20}）"
)
# A title glued to its date and speaker and the salutation: `在…的讲话（2022年10月23日）习近平女士们，…`.
_TITLE_DATE_RE = re.compile("（(?:\\d{4}|[〇一二三四五六七八九零]{4})年")  # what every glued title holds
_GLUED_TITLE_RE = re.compile(
    r"^(?P<title>[^。！？：]{4,60}?)（(?:\d{4}|[〇一二三四五六七八九零]{4})年[^）]{0,20}）"
    r"(?:[\u4e00-\u9fff]{2,4}?(?=同志|女士|各位|尊敬|朋友|全国|大家|代表|$)|\s*)"
)


class Line(NamedTuple):
    """One kept line of a source: its 1-based number in the file and its normalised text."""

    number: int
    text: str


def is_noise(text: str) -> bool:
    """Whether a normalised line belongs to the web page rather than to the speech."""
    return bool(_NOISE_RE.search(text) or _LABEL_RE.match(text) or _DATE_ONLY_RE.match(text))


def clean_lines(raw_lines: Iterable[str], boilerplate: Boilerplate | None = None) -> list[Line]:
    """The speech's lines: normalised, without blanks, noise, or repeats of the title.

    `boilerplate`, when given, is the archive's learned noise (`drafter.miner.boilerplate`).
    """
    return keep_lines(paragraphs(raw_lines), boilerplate)


def paragraphs(raw_lines: Iterable[str]) -> list[Line]:
    """The normalised paragraphs of a text without the rule list's noise: `clean_lines` before learning.

    What the archive's boilerplate and the title leave of them is `keep_lines`; the miner's first
    pass keeps these, so that its second pass does not read and clean the file again.
    """
    # One pass over the whole text: normalising and finding noise markers line by line costs 3x more.
    raw_lines = list(raw_lines)
    joined = "\n".join(raw_lines)
    if joined.count("\n") != len(raw_lines) - 1:  # a line that holds a line break of its own (a .docx)
        joined = "\n".join(line.replace("\n", " ") for line in raw_lines)
    return text_paragraphs(joined)


def text_paragraphs(joined: str) -> list[Line]:
    """`paragraphs` of a text's lines joined by newlines (none of them holding one of its own)."""
    text = normalize_text(joined)
    noisy: set[int] = set()
    number, last = 1, 0
    encoded = text.encode()  # the automaton reads UTF-8: encoded here, its finds are counted in bytes
    for _, start, _ in _NOISE_MARKERS.find_matches_as_indexes(encoded):
        number += encoded.count(b"\n", last, start)
        last = start
        noisy.add(number)
    found: list[Line] = []
    seen: dict[str, list[str]] = {}  # a line repeated in the document (a page header) is cut once
    # what no line of the text can hold need not be looked for line by line
    credit = any(word in text for word in _CREDIT_WORDS)
    # (a credit cut out of a line may join what was around it: then any `（` may start a title's date)
    title = "（" in text if credit else _TITLE_DATE_RE.search(text) is not None
    marks = _Marks("日电" in text, credit, title)
    plain = marks == _NO_MARKS
    for number, raw in enumerate(text.split("\n"), start=1):
        if number in noisy:
            continue
        if plain:  # what most lines are: one paragraph, stripped, too long to be a label (`_segments`)
            line = raw.strip()
            unglued = len(line) <= 40 or (line.isprintable() and "  " not in line)
            if len(line) > 24 and "\ufeff" not in (line[0], line[-1]) and unglued:
                found.append(Line(number, line))
                continue
        pieces = seen.get(raw)
        if pieces is None:
            pieces = [line for line in _segments(raw, marks) if not (len(line) <= 24 and is_noise(line))]
            seen[raw] = pieces
        for line in pieces:
            found.append(Line(number, line))
    return found


def keep_lines(found: Iterable[Line], boilerplate: Boilerplate | None = None) -> list[Line]:
    """The `paragraphs` that are neither the archive's `boilerplate` nor repeats of the title."""
    kept: list[Line] = []
    title: str | None = None
    learned = boilerplate if boilerplate else None
    for line in found:
        if learned is not None and learned.is_noise(line.text):
            continue
        if not kept and len(line.text) <= 40:
            title = line.text
        elif line.text == title:
            continue
        kept.append(line)
    return kept


class _Marks(NamedTuple):
    """Whether a text holds what a dateline, a photo credit and a glued title each need."""

    dateline: bool
    credit: bool
    title: bool


_ALL_MARKS = _Marks(dateline=True, credit=True, title=True)
_NO_MARKS = _Marks(dateline=False, credit=False, title=False)
_CREDIT_WORDS = ("记者", "（附图片", "（图片来源")  # every credit holds one of them


def _segments(raw: str, marks: _Marks = _ALL_MARKS) -> list[str]:
    """The paragraphs of one line: itself, or the pieces of a web copy that glued paragraphs together.

    Datelines and photo credits are cut out, and a title glued to its date and speaker is split
    from them (`在…的讲话（2022年10月23日）习近平女士们，…` → `在…的讲话`, `女士们，…`). `marks`: what
    the line's text can hold at all (looked for once in the whole text).
    """
    line = raw.strip().strip("\u3000\ufeff \t")
    if not line:
        return []
    # glue is a wide space or two spaces: not in a printable line (the only printable space is " ")
    split = len(line) > 40 and (not line.isprintable() or "  " in line) and _GLUED_RE.search(line)
    pieces = _GLUE_RE.split(line) if split else [line]
    result: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        # cheap tests first: this runs on every paragraph of the archive
        if marks.dateline and "日电" in piece[:40]:  # a dateline is anchored and ends in 日电
            piece = _DATELINE_RE.sub("", piece).strip()
        if marks.credit and any(word in piece for word in _CREDIT_WORDS):
            piece = _CREDIT_RE.sub("", piece).strip()
        glued = _GLUED_TITLE_RE.match(piece) if marks.title and "（" in piece[:64] else None
        if glued:
            result.append(glued.group("title").strip())
            piece = piece[glued.end() :].strip()
        if piece:
            result.append(piece)
    return result
