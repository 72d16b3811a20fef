"""Leftover placeholders (`{slot}`, `…`, `XX`) and marked gaps (`〔待补：…〕`)."""

from __future__ import annotations

import re

from drafter.lint.read import Paragraph

Found = tuple[int, str, str]

_SLOT_RE = re.compile(r"\{[^{}\s]{1,30}\}")
_GAP_RE = re.compile(r"〔待补[:：]?[^〕]*〕?")
_MARK_RE = re.compile(r"…+|\.{3,}|[XＸ×xｘ]{2,}|某某|○○")


def check(paragraphs: list[Paragraph]) -> list[Found]:
    found: list[Found] = []
    for p in paragraphs:
        for match in _GAP_RE.finditer(p.text):
            found.append((p.number, "gap", f"待补之处尚未补写：{match.group(0)}"))
        for match in _SLOT_RE.finditer(p.text):
            found.append((p.number, "placeholder", f"未填写的槽位 {match.group(0)}"))
        for match in _MARK_RE.finditer(_GAP_RE.sub("", p.text)):
            found.append((p.number, "placeholder", f"留有占位符“{match.group(0)}”，请补写具体内容"))
    return found
