"""Uneven parallel headings and lone enumerators.

Siblings are the `一、` headings of the draft, the `（一）` headings of one part, and the run-in point
headings (`第一，…。`, `一是…`, `一要…`) of one part. Siblings are uneven when the longest is more
than twice the shortest, or when some end in a stop and others do not. A lone enumerator is a
series that has its first member and no second (`一是` without `二是`).
"""

from __future__ import annotations

import itertools
import re

from drafter.lint.read import RUN_IN_RE, Paragraph

Found = tuple[int, str, str]

MAX_RATIO = 2.0
_STOPS = "。！？"
# `一是` inside a paragraph (after a stop or a colon), whose `二是` must follow in the same paragraph.
_INLINE_FIRST_RE = re.compile(r"(?:^|(?<=[，。；：]))一是")


def _run_ins(paragraphs: list[Paragraph]) -> list[tuple[int, str, str, str]]:
    """(paragraph, marker form, numeral, heading words) of run-in point headings."""
    found = []
    for p in paragraphs:
        if p.level:
            continue
        match = RUN_IN_RE.match(p.text)
        if match is None:
            continue
        numeral = match.group(2) or match.group(3) or match.group(4)
        form = "第N，" if match.group(2) else ("N是" if match.group(3) else "N要")
        found.append((p.number, form, numeral, match.group(5)))
    return found


def _uneven(siblings: list[tuple[int, str]], what: str) -> list[Found]:
    """`siblings`: (paragraph, heading words)."""
    if len(siblings) < 2:
        return []
    lengths = [len(words.rstrip(_STOPS)) for _, words in siblings]
    found: list[Found] = []
    shortest, longest = min(lengths), max(lengths)
    if shortest and longest > MAX_RATIO * shortest:
        number = siblings[lengths.index(longest)][0]
        message = f"并列{what}长短悬殊（{shortest} 字与 {longest} 字），宜调成同一句式"
        found.append((number, "uneven-headings", message))
    stopped = [words.endswith(tuple(_STOPS)) for _, words in siblings]
    if any(stopped) and not all(stopped):
        number = siblings[stopped.index(not stopped[0])][0]
        found.append((number, "uneven-headings", f"并列{what}有的以句号结尾、有的没有"))
    return found


def _lone(series: list[tuple[int, str]], what: str) -> list[Found]:
    """`series`: (paragraph, numeral) of one series; a 一 with no 二 is a lone enumerator."""
    numerals = [numeral for _, numeral in series]
    if "一" in numerals and "二" not in numerals:
        number = series[numerals.index("一")][0]
        return [
            (number, "lone-enumerator", f"只有“{what.replace('N', '一')}”，没有“{what.replace('N', '二')}”")
        ]
    return []


def check(paragraphs: list[Paragraph]) -> list[Found]:
    found: list[Found] = []
    for p in paragraphs:
        lead = RUN_IN_RE.match(p.text)
        inline = p.text[lead.end() :] if lead else p.text
        if not p.level and _INLINE_FIRST_RE.search(inline) and "二是" not in inline:
            found.append((p.number, "lone-enumerator", "段中只有“一是”，没有“二是”"))
    tops = [p for p in paragraphs if p.level == 1]
    found.extend(_uneven([(p.number, p.heading) for p in tops], "标题"))
    found.extend(_lone([(p.number, p.ordinal) for p in tops], "N、"))
    # Parts: the paragraphs between two top headings (the whole draft when there are none).
    starts = [p.number for p in tops] or [0]
    bounds = [*starts, paragraphs[-1].number + 1 if paragraphs else 1]
    for begin, end in itertools.pairwise(bounds):
        part = [p for p in paragraphs if begin <= p.number < end]
        subs = [p for p in part if p.level == 2]
        found.extend(_uneven([(p.number, p.heading) for p in subs], "小标题"))
        found.extend(_lone([(p.number, p.ordinal) for p in subs], "（N）"))
        run_ins = _run_ins(part)
        for form in ("第N，", "N是", "N要"):
            series = [item for item in run_ins if item[1] == form]
            found.extend(_uneven([(n, words) for n, _, _, words in series], "要点"))
            found.extend(_lone([(n, numeral) for n, _, numeral, _ in series], form))
    return found
