"""A draft as numbered paragraphs, headings recognised by their numbering (`一、`, `（一）`, `第一，`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafter.speechfile import read_speech

_CN = "一二三四五六七八九十"
HEADING_RE = re.compile(rf"^([{_CN}]+)、(.+)$")
SUBHEADING_RE = re.compile(rf"^（([{_CN}]+)）(.+)$")
# A run-in point heading: `第一，政策清楚。` / `一是要推行“一网通办”。` / `二要抓好道路交通安全。`
_SENTENCE_END = re.compile(r"[。！？](?=.)")
RUN_IN_RE = re.compile(rf"^(第([{_CN}]+)，|([{_CN}]+)是|([{_CN}]+)要)([^。！？]*[。！？]?)")


@dataclass(frozen=True)
class Paragraph:
    """One non-empty paragraph: its number in the draft (from 1), its text, and its heading level.

    `level` is 1 for `一、…`, 2 for `（一）…`, 0 for body text; `ordinal` is the heading's numeral.
    """

    number: int
    text: str
    level: int = 0
    ordinal: str = ""

    @property
    def heading(self) -> str:
        """The heading's words without the numeral (`站位要更高`), empty for body text."""
        match = (HEADING_RE if self.level == 1 else SUBHEADING_RE).match(self.text) if self.level else None
        if not match:
            return ""
        # a run-in heading (`一、强化集体决策。集体决策是……`): its first sentence
        words = match.group(2)
        end = _SENTENCE_END.search(words)
        return words[: end.end()] if end else words


def paragraphs_of(lines: list[str]) -> list[Paragraph]:
    """Numbered paragraphs from the lines of a draft (blank lines are not paragraphs)."""
    paragraphs: list[Paragraph] = []
    for line in lines:
        text = line.strip().replace("**", "")
        if not text:
            continue
        number = len(paragraphs) + 1
        if match := HEADING_RE.match(text):
            paragraphs.append(Paragraph(number, text, 1, match.group(1)))
        elif match := SUBHEADING_RE.match(text):
            paragraphs.append(Paragraph(number, text, 2, match.group(1)))
        else:
            paragraphs.append(Paragraph(number, text))
    return paragraphs


def read_draft(path: Path) -> list[Paragraph]:
    """The paragraphs of a .md, .txt or .docx draft (an unreadable file is an `InputFileError`)."""
    return paragraphs_of(read_speech(path))
