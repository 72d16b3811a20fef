"""An archive's own boilerplate, learned from repetition across its documents.

Web copies carry the page around the speech: menus (`下载`, `打印`, `全屏`), field labels
(`来源：安徽日报`, `时间：2026-02-11`), credits, licence footers. The rule list of
`drafter.miner.clean` knows the common ones; the rest are learned per run: a short line — or the
label part of a short `label：value` / `label value` line — that recurs in many documents of the
archive is noise for that run. Digits count as one digit (`时间：2026-02-11` = `时间：2025-12-30`).

What a speech repeats on purpose is not boilerplate: a line ending in sentence punctuation with
three or more Chinese characters (`同志们：`, `谢谢大家！`, `各位代表：`) and a numbered heading
(`一、…`) are never learned, however often they recur.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_LINE = 40  # longer lines are prose, never learned
MIN_DOCUMENTS = 3  # a line must recur in this many documents at least …
SHARE = 0.05  # … and in this share of the documents learned from

_DIGITS_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")
_CJK_RE = re.compile("[\u4e00-\u9fff]")
_HEADING_RE = re.compile(
    "^(?:[一二三四五六七八九十]+[、是要]|（[一二三四五六七八九十\\d]+）|\\d+[.．、）]|第[一二三四五六七八九十]+[，、：]|[①-⒇])"
)
# `来源：安徽日报`, `责任编辑：张三`, `省人民政府省长 王清宪`: a short label, then a value.
_LABEL_RE = re.compile("^([^\\s：]{1,8}(?:：|\\s))\\s*\\S")


def _shape(line: str) -> str:
    return _DIGITS_RE.sub("0", _SPACE_RE.sub(" ", line.strip()))


def _is_speech_line(line: str) -> bool:
    """A line a speech repeats on purpose (salutation, thanks, heading): never boilerplate."""
    if _HEADING_RE.match(line):
        return True
    return line[-1] in "。！？：；" and len(_CJK_RE.findall(line)) >= 3


def signatures(lines: Iterable[str]) -> set[str]:
    """What one document contributes to learning: the shapes of its short lines and line labels."""
    found: set[str] = set()
    for raw in set(lines):  # a set of what each distinct line gives
        line = raw.strip()
        if not line or len(line) > MAX_LINE or _is_speech_line(line):
            continue
        found.add("=" + _shape(line))
        label = _LABEL_RE.match(line)
        if label:
            found.add("^" + _shape(label.group(1)))
    return found


@dataclass
class Boilerplate:
    """The learned noise of one run: line shapes and line labels, with the documents they recur in."""

    lines: dict[str, int] = field(default_factory=dict)
    labels: dict[str, int] = field(default_factory=dict)
    documents: int = 0

    @classmethod
    def learn(cls, documents: Iterable[Iterable[str]]) -> Boilerplate:
        """Learn from the (cleaned) lines of each document."""
        return cls.learn_signatures(signatures(lines) for lines in documents)

    @classmethod
    def learn_signatures(cls, documents: Iterable[Iterable[str]]) -> Boilerplate:
        """Learn from each document's `signatures` (computed where the document was read)."""
        counts: Counter[str] = Counter()
        total = 0
        for found in documents:
            total += 1
            counts.update(found)
        threshold = max(MIN_DOCUMENTS, int(SHARE * total + 0.999))
        learned = cls(documents=total)
        for key, n in sorted(counts.items()):
            if n >= threshold:
                (learned.lines if key[0] == "=" else learned.labels)[key[1:]] = n
        return learned

    def __bool__(self) -> bool:
        return bool(self.lines or self.labels)

    def is_noise(self, line: str) -> bool:
        """Whether a (cleaned) line is this archive's boilerplate."""
        if len(line) > MAX_LINE or _is_speech_line(line):
            return False
        if _shape(line) in self.lines:
            return True
        label = _LABEL_RE.match(line)
        return label is not None and _shape(label.group(1)) in self.labels

    def report(self, limit: int = 8) -> list[str]:
        """Summary lines: what was learned, most frequent first."""
        if not self:
            return []
        found = [(n, text) for text, n in self.lines.items()]
        found += [(n, text.strip() + "…") for text, n in self.labels.items()]
        found.sort(key=lambda item: (-item[0], item[1]))
        shown = "、".join(f"{text}（{n}）" for n, text in found[:limit])
        more = f" and {len(found) - limit} more" if len(found) > limit else ""
        return [f"boilerplate learned from {self.documents} files, left out: {shown}{more}"]
