"""Repeated sentences in the draft, repeated opening runs in a paragraph, and the 即 repetition."""

from __future__ import annotations

import re

from drafter.compose.paragraph import opening_run
from drafter.lint.read import RUN_IN_RE, Paragraph

Found = tuple[int, str, str]

_SENTENCE_RE = re.compile(r"[^。！？；]+[。！？；]?")
_PUNCT_RE = re.compile(r"[\s，。！？；：、“”‘’（）《》]")
MIN_REPEATED = 8  # shorter sentences (`谢谢大家！`) may well recur
# `即提高学习理解能力、提高转化落实能力`: the verb after 即 repeated in the list it introduces.
_JI_RE = re.compile(r"即([\u4e00-\u9fff]{2})[^、，。；]{1,15}、\1")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip()]


def check(paragraphs: list[Paragraph]) -> list[Found]:
    found: list[Found] = []
    seen: dict[str, int] = {}
    for p in paragraphs:
        body = sentences(p.text)
        for sentence in body:
            key = _PUNCT_RE.sub("", sentence)
            if len(key) < MIN_REPEATED or p.level:
                continue
            if key in seen:
                found.append((p.number, "repeated-sentence", f"与第 {seen[key]} 段重复：{sentence}"))
            else:
                seen[key] = p.number
        openings: dict[str, int] = {}
        for sentence in body:
            if RUN_IN_RE.match(sentence):
                continue
            if run := opening_run(sentence):
                openings[run] = openings.get(run, 0) + 1
        for run, count in openings.items():
            if count > 1:
                found.append((p.number, "repeated-opening", f"{count} 个句子都以“{run}”开头，请变换句式"))
        for match in _JI_RE.finditer(p.text):
            found.append(
                (p.number, "ji-repetition", f"“即”后重复“{match.group(1)}”：{match.group(0)}…，宜只说一次")
            )
    return found
