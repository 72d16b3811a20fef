"""The outline of one speech: title, paragraphs, heading levels, enumerations, opening and closing.

Heading markers, from the outermost level in:
`一、` · `（一）` · `1.` · `（1）` · `“X”就是` · `第一，` · `一是` / `一要` / `其一，` · `①`.
A heading either fills its line (`一、站位要更高`) or runs in as the first short sentence of its
paragraph (`一、强化集体决策。集体决策是…`). Siblings are consecutive headings of one marker type
under one parent; an ordinal that falls back to 一 starts a new sibling run. Enumerations inside a
paragraph (`…不到位”：其一，职能转变不到位。其二，…`) are sibling runs of their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import ahocorasick_rs

from drafter.miner.clean import Line
from drafter.miner.text import CN_DIGITS, ordinal_value, sentences

_N = f"[{CN_DIGITS}]{{1,3}}"
# (marker type, level, pattern); group 1 is the ordinal (or the quoted term for `quoted`).
LINE_MARKERS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("cn、", 1, re.compile(f"^({_N})、")),
    ("（cn）", 2, re.compile(f"^（({_N})）")),
    ("d.", 3, re.compile(r"^(\d{1,2})(?:[.．、](?!\d)|\s+)")),
    ("（d）", 4, re.compile(r"^（(\d{1,2})）")),
    ("d）", 4, re.compile(r"^(\d{1,2})）")),
    ("⑴", 4, re.compile("^([⑴-⒇])")),
    ("Ⅰ", 2, re.compile("^([Ⅰ-Ⅻ])(?:[、.．]|\\s+)")),
    ("quoted", 5, re.compile(r"^“([^”“]{1,8})”，?就是(?!“)")),
    ("第cn", 6, re.compile(f"^第({_N})[，、：]")),
    ("cn是", 7, re.compile(f"^({_N})是")),
    ("cn要", 7, re.compile(f"^({_N})(?=要)")),
    ("其cn", 7, re.compile(f"^其({_N})[，、：]")),
    ("circled", 8, re.compile("^([①-⑳])")),
)
# Cheap test before trying the markers one by one: the characters a marker can start with.
_MARKER_START = frozenset(
    CN_DIGITS
    + "（“第其0123456789０１２３４５６７８９"
    + "".join(map(chr, range(0x2460, 0x2474)))  # ①-⑳
    + "".join(map(chr, range(0x2474, 0x2488)))  # ⑴-⒇
    + "".join(map(chr, range(0x2160, 0x216C)))  # Ⅰ-Ⅻ
)
# Enumerations inside a paragraph: the marker follows a clause boundary (or starts the paragraph).
# One pattern for all kinds, run once over the whole document; it opens with a character class and
# checks the boundary by looking back, because a pattern that opens with a look-behind or an
# alternation is scanned ten times slower.
# (A circled digit needs nothing before it; every other kind a boundary, tested once for all of them before
# the kinds one by one: the leading characters are common, and most have no boundary before them.)
_INLINE_RE = re.compile(
    f"[{CN_DIGITS}其第首再最①-⑩](?:(?<=[①-⑩])|(?<=[：。；，\\n].)"
    f"(?:(?<=[：。；，\\n][{CN_DIGITS}])是|(?<=[：。；\\n][{CN_DIGITS}])(?=要)"
    f"|(?<=[：。；，\\n]其)[{CN_DIGITS}][，、]|(?<=[：。；\\n]第)[{CN_DIGITS}][，、]"
    "|(?<=[：。；\\n]首)先[，、]|(?<=[：。；\\n][其再])次[，、]|(?<=[：。；\\n]最)后[，、]))"
)
# Where `_INLINE_RE` may match: a boundary and a character a marker opens with, or a circled digit,
# found by two automata over the text's UTF-8 (`Outline.utf8`, encoded once for the automata of the
# miner); the regex is tried only there (its own scan tests the class of its first character at every
# character of the document). No two words of one automaton overlap (boundaries, first characters and
# circled digits are apart), so its non-overlapping finds are all of them. Two automata, because one
# of more than 64 words is searched several times slower.
_INLINE_FIRSTS = CN_DIGITS + "其第首再最"
_INLINE_WORDS = (
    tuple(boundary + first for boundary in "：。；，" for first in _INLINE_FIRSTS),
    tuple("\n" + first for first in _INLINE_FIRSTS) + tuple(map(chr, range(0x2460, 0x246A))),  # ①-⑩
)
_INLINE_STARTS = tuple(
    ahocorasick_rs.BytesAhoCorasick(
        [word.encode() for word in words], matchkind=ahocorasick_rs.MatchKind.LeftmostFirst
    )
    for words in _INLINE_WORDS
)
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "第三": 3, "第四": 4}

_STRUCTURAL_LEVELS = 4  # levels 1-4 may be whole-line headings with commas (`做到“三个清楚”，即…`)
_SENTENCE_STOP_RE = re.compile("[。！？；：]")


class Heading(NamedTuple):
    """One numbered item: its marker type, level, ordinal, short heading text (if any) and line."""

    marker: str
    level: int
    ordinal: int
    text: str | None
    line: int
    inline: bool = False


class Paragraph:
    """One paragraph of the outline: its source line, text and heading (if it is a numbered item).

    A plain class with slots: the miner makes one per paragraph of the archive, and a frozen
    dataclass takes several times as long to build.
    """

    __slots__ = ("_sentences", "heading", "line", "text")

    def __init__(self, line: int, text: str, heading: Heading | None = None) -> None:
        self.line, self.text, self.heading = line, text, heading
        self._sentences: list[str] | None = None

    def __repr__(self) -> str:
        return f"Paragraph(line={self.line!r}, text={self.text!r}, heading={self.heading!r})"

    @property
    def sentences(self) -> list[str]:
        """The sentences (or `；` clauses) of the paragraph, stripped, each with its final mark."""
        found = self._sentences
        if found is None:  # split once, on first use
            found = self._sentences = _sentences(self.text)
        return found


@dataclass
class Outline:
    """A document as the extractors see it."""

    name: str
    title: list[Line] = field(default_factory=list)
    salutation: Line | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sibling_runs: list[list[Heading]] = field(default_factory=list)
    # what the properties below compute once, on first use (plain attributes rather than
    # `functools.cached_property`, which a compiled class does not cache: see `drafter.miner`)
    _text: str | None = field(init=False, repr=False, compare=False)
    _starts: list[int] | None = field(init=False, repr=False, compare=False)
    _marked: str | None = field(init=False, repr=False, compare=False)
    _utf8: bytes | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # (a compiled dataclass sets no default of a field not in `__init__`)
        self._text = self._starts = self._marked = None
        self._utf8 = None

    @property
    def text(self) -> str:
        """All paragraphs joined by newlines, for scanning a whole document with one regex call."""
        text = self._text
        if text is None:
            text = self._text = "\n".join([p.text for p in self.paragraphs])
        return text

    @property
    def utf8(self) -> bytes:
        """`text` in UTF-8, for the automata (`ahocorasick_rs.BytesAhoCorasick`): encoded once for all."""
        utf8 = self._utf8
        if utf8 is None:
            utf8 = self._utf8 = self.text.encode()
        return utf8

    @property
    def starts(self) -> list[int]:
        """The offset in `text` where each paragraph starts."""
        starts = self._starts
        if starts is None:
            starts, offset = [], 0
            for paragraph in self.paragraphs:
                starts.append(offset)
                offset += len(paragraph.text) + 1
            self._starts = starts
        return starts

    @property
    def marked(self) -> str:
        """`text` with a NUL before every sentence, for finding sentences with one regex call.

        Each paragraph is NUL, its text with a NUL after every `。！？；`, and a newline; a NUL ends
        the whole. The stretches between two NULs are the pieces `sentences` strips, so a pattern
        that opens with the NUL (a literal: scanned for at memory speed) is tried only where a
        sentence starts, and stops at its end when it cannot cross a NUL.
        """
        marked = self._marked
        if marked is None:
            marked = self._marked = self._mark()
        return marked

    def _mark(self) -> str:
        """`marked`, computed."""
        if not self.paragraphs:
            return ""
        marked = "\0" + "\n\0".join([p.text for p in self.paragraphs]) + "\n\0"
        for mark in "。！？；":
            if mark in marked:  # split and join: twice as fast as str.replace
                marked = (mark + "\0").join(marked.split(mark))
        return marked

    def sentence_matches(self, pattern: re.Pattern[str]) -> Iterator[tuple[Paragraph, re.Match[str]]]:
        """Each match of `pattern` in `marked`, in order, with the paragraph it starts in.

        A pattern that opens with NUL, spaces taken possessively (`*+`) and something not a space
        sees each sentence of `Paragraph.sentences` at its start: what it matches up to the next NUL,
        `.rstrip()`, is the sentence itself.
        """
        paragraphs, marked = self.paragraphs, self.marked
        index = last = 0
        end = len(marked) - 1
        for match in pattern.finditer(marked):
            start = match.start()
            if start == end:
                break  # the final NUL opens no sentence
            index += marked.count("\n", last, start)  # the paragraph: newlines before the match
            last = start
            yield paragraphs[index], match

    def sentences_saying(self, words: tuple[str, ...]) -> Iterator[tuple[Paragraph, str]]:
        """Each sentence of `Paragraph.sentences` that holds one of `words`, in order, with its paragraph.

        Found where the words are (`str.find`: at memory speed), not by testing every sentence.
        """
        marked, paragraphs = self.marked, self.paragraphs
        starts: set[int] = set()
        for word in words:
            position = marked.find(word)
            while position >= 0:
                starts.add(marked.rfind("\0", 0, position))
                position = marked.find(word, position + len(word))
        index = last = 0
        for start in sorted(starts):
            index += marked.count("\n", last, start)
            last = start
            yield paragraphs[index], marked[start + 1 : marked.find("\0", start + 1)].strip()

    def paragraphs_saying(self, words: tuple[str, ...]) -> list[Paragraph]:
        """The paragraphs that hold one of `words`, in order (found by `str.find` in `text`: no regex,
        and no test of the paragraphs without them)."""
        text, starts = self.text, self.starts
        found: set[int] = set()
        for word in words:
            position = text.find(word)
            while position >= 0:
                index = bisect.bisect_right(starts, position) - 1
                found.add(index)
                following = starts[index + 1] if index + 1 < len(starts) else len(text)
                position = text.find(word, following)  # on from the next paragraph
        return [self.paragraphs[index] for index in sorted(found)]

    def line_at(self, offset: int) -> int:
        """The source line of a position in `text`."""
        return self.paragraphs[bisect.bisect_right(self.starts, offset) - 1].line

    def opening(self) -> list[Paragraph]:
        """Paragraphs before the first heading (at most three)."""
        result: list[Paragraph] = []
        for paragraph in self.paragraphs:
            if paragraph.heading is not None or len(result) == 3:
                break
            result.append(paragraph)
        return result

    def closing(self) -> list[Paragraph]:
        """The last two paragraphs, unless they are headed items."""
        return [p for p in self.paragraphs[-2:] if p.heading is None]


# shared between the paragraphs of one text (read only): a long document repeats its paragraphs
_sentences = lru_cache(maxsize=4096)(sentences)


def parse_outline(name: str, lines: list[Line]) -> Outline:
    """The outline of one cleaned document."""
    outline = Outline(name)
    start = 0
    while start < len(lines) and start < 2 and _is_title_like(lines[start].text):
        outline.title.append(lines[start])
        start += 1
    headings: dict[str, Heading | None] = {}  # by text: a repeated line is parsed once
    paragraphs = outline.paragraphs
    for line in lines[start:]:
        text = line.text
        if outline.salutation is None and not paragraphs and _is_salutation(text):
            outline.salutation = line
            continue
        if not text or (text[0] not in _MARKER_START and not text[0].isdecimal()):
            heading = None  # most paragraphs: no marker can start them (`_line_heading_marker`)
        elif text in headings:
            heading = headings[text]
            heading = heading._replace(line=line.number) if heading is not None else None
        else:
            heading = headings[text] = _line_heading(line)
        paragraphs.append(Paragraph(line.number, text, heading))
    outline.sibling_runs = _line_sibling_runs(outline.paragraphs)
    outline.sibling_runs.extend(_inline_runs(outline))
    return outline


def _is_title_like(text: str) -> bool:
    return len(text) <= 40 and not re.search("[。！？；：，]", text) and not _line_heading_marker(text)


def _is_salutation(text: str) -> bool:
    return len(text) <= 30 and text.endswith("：") and ("同志" in text or "各位" in text)


def _line_heading_marker(text: str) -> tuple[str, int, re.Match[str]] | None:
    if not text or (text[0] not in _MARKER_START and not text[0].isdecimal()):
        return None
    for marker, level, pattern in LINE_MARKERS:
        match = pattern.match(text)
        if match:
            return marker, level, match
    return None


def _line_heading(line: Line) -> Heading | None:
    found = _line_heading_marker(line.text)
    if found is None:
        return None
    marker, level, match = found
    if marker == "quoted":
        return Heading(marker, level, 0, match.group(1), line.number)
    rest = line.text[match.end() :]
    return Heading(marker, level, ordinal_value(match.group(1)), heading_text(rest, level), line.number)


def heading_text(rest: str, level: int) -> str | None:
    """The short heading at the start of `rest` (what follows a marker), or None if there is none."""
    rest = rest.lstrip("，、：．. ")
    whole = rest.rstrip("。；！？：")
    if whole and len(whole) <= 40 and not _SENTENCE_STOP_RE.search(whole):
        if "，" not in whole:
            return whole
        if level <= _STRUCTURAL_LEVELS:
            return whole if len(whole) <= 30 else None
    first = _SENTENCE_STOP_RE.split(rest, maxsplit=1)[0]
    if 1 <= len(first) <= 20 and "，" not in first:
        return first
    return None


def _line_sibling_runs(paragraphs: list[Paragraph]) -> list[list[Heading]]:
    runs: list[list[Heading]] = []
    open_runs: dict[tuple[int, str], list[Heading]] = {}
    parents: list[Heading] = []  # the open headings, levels strictly increasing
    for paragraph in paragraphs:
        heading = paragraph.heading
        if heading is None:
            continue
        while parents and parents[-1].level >= heading.level:
            parents.pop()
        parent_id = id(parents[-1]) if parents else 0
        key = (parent_id, heading.marker)
        run = open_runs.get(key)
        if run is None or (heading.ordinal == 1 and run[-1].ordinal >= 2):
            run = []
            runs.append(run)
        # a heading of another marker type under the same parent interrupts those runs
        for other in [k for k in open_runs if k[0] == parent_id]:
            del open_runs[other]
        open_runs[key] = run
        run.append(heading)
        parents.append(heading)
    return [run for run in runs if len(run) >= 2]


def _inline_runs(outline: Outline) -> list[list[Heading]]:
    # group the markers found in the whole text by paragraph, then by kind
    by_paragraph: dict[int, dict[str, list[tuple[str, int, int]]]] = {}
    starts = outline.starts
    for match in inline_matches(outline.text, outline.utf8):
        marker, token = _inline_kind(match.group(0))
        index = bisect.bisect_right(starts, match.start() - 1) - 1
        start, end = match.start() - 1 - starts[index], match.end() - 1 - starts[index]
        markers = by_paragraph.setdefault(index, {})
        markers.setdefault(marker, []).append((token, start, end))
        if marker == "第cn" and token in "三四":  # 首先，…其次，…第三，…
            markers.setdefault("首先", []).append(("第" + token, start, end))
    runs: list[list[Heading]] = []
    for index, markers in sorted(by_paragraph.items()):
        paragraph = outline.paragraphs[index]
        for marker, found in markers.items():
            if len(found) >= 2:
                runs.extend(_marker_runs(paragraph, marker, found))
    return runs


def inline_matches(text: str, utf8: bytes | None = None) -> Iterator[re.Match[str]]:
    """What `_INLINE_RE.finditer("\\n" + text)` finds, tried only where `_INLINE_STARTS` find a word.

    `utf8`: the text's UTF-8, when the caller has it.
    """
    utf8 = text.encode() if utf8 is None else utf8
    positions = [0] if text else []  # the paragraph that opens the text opens after a boundary too
    for automaton, words in zip(_INLINE_STARTS, _INLINE_WORDS, strict=True):
        at = 0  # a find is the next of its word in the text: `str.find` says where, in characters
        for index, _, _ in automaton.find_matches_as_indexes(utf8):
            word = words[index]
            at = text.find(word, at) + len(word)
            positions.append(at - 1)  # where the marker opens: the word's last character
    positions.sort()
    lined = "\n" + text
    free = 0  # where the next match may start: after the last one
    for position in positions:
        if position + 1 >= free and (match := _INLINE_RE.match(lined, position + 1)) is not None:
            yield match
            free = match.end()


def _inline_kind(found: str) -> tuple[str, str]:
    """The marker type and ordinal token of an `_INLINE_RE` match."""
    if len(found) == 1:
        return ("cn要", found) if found in CN_DIGITS else ("circled", found)
    if found.endswith("是"):
        return "cn是", found[0]
    if found[0] == "其" and found[1] in CN_DIGITS:
        return "其cn", found[1]
    if found[0] == "第":
        return "第cn", found[1]
    return "首先", found[:2]


def _marker_runs(paragraph: Paragraph, marker: str, found: list[tuple[str, int, int]]) -> list[list[Heading]]:
    runs: list[list[Heading]] = []
    current: list[tuple[int, int, int]] = []
    for token, start, end in found:
        value = _inline_ordinal(marker, token, len(current))
        if value == len(current) + 1:
            current.append((value, start, end))
        elif value == 1:
            runs.append(_items(paragraph, marker, current))
            current = [(value, start, end)]
    runs.append(_items(paragraph, marker, current))
    return [run for run in runs if len(run) >= 2]


def _inline_ordinal(marker: str, token: str, so_far: int) -> int:
    if marker == "circled":
        return ord(token) - 0x245F
    if marker == "首先":
        return so_far + 1 if token == "最后" and so_far >= 2 else _SEQUENCE_WORDS.get(token, 0)
    return ordinal_value(token)


def _short_item(text: str, start: int, stop: int, longest: int = 15) -> str | None:
    """The first sentence of `text[start:stop]` when it is short and has no comma, else None.

    Looks at no more than `longest` characters past the marker, so that a paragraph of many
    items is read once, not once per item.
    """
    while start < stop and text[start] in "，、：":
        start += 1
    bound = min(stop, start + longest + 1)
    found = _SENTENCE_STOP_RE.search(text, start, bound)
    end = found.start() if found else bound
    first = text[start:end]
    return first if 1 <= len(first) <= longest and "，" not in first else None


def _items(paragraph: Paragraph, marker: str, found: list[tuple[int, int, int]]) -> list[Heading]:
    items: list[Heading] = []
    text = paragraph.text
    for index, (value, _, end) in enumerate(found):
        stop = found[index + 1][1] if index + 1 < len(found) else len(text)
        items.append(Heading(marker, 9, value, _short_item(text, end, stop), paragraph.line, inline=True))
    return items
