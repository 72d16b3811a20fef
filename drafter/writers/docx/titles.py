"""Breaking a long title into lines the way GB/T 9704 asks: words kept whole, lines of similar length.

A title line longer than the page holds at 2号 is split at the cheapest places: a break after a
punctuation mark, after `会议`/`工作`/`的` or around `暨` costs little, a break inside a run of words
costs as much as eight characters of imbalance (twice that inside quotes), and a line never starts
with closing punctuation.
"""

from __future__ import annotations

import math

from drafter.writers.docx.layout import TITLE_CHARS_PER_LINE

_GOOD_AFTER = ("，", "、", "：", "；", "暨", "和", "与", "及", "会议", "大会", "工作", "的", "——")
_GOOD_BEFORE = ("暨", "在", "——", "“", "《")
_NEVER_BEFORE = "，。、：；！？）》」』”’"
_NEVER_AFTER = "（《「『“‘"
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("「", "」"))
_MID_WORD = 8.0
_FORBIDDEN = 1000.0


def break_title(lines: tuple[str, ...], width: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """The title's lines, each long line split into the fewest balanced lines that fit `width`."""
    result: list[str] = []
    for line in lines:
        text = line.strip()
        if text:
            result.extend(_split(text, width))
    return result


def _break_cost(text: str, at: int) -> float:
    """The cost of a line break before `text[at]`."""
    before, after = text[:at], text[at:]
    if after[0] in _NEVER_BEFORE or before[-1] in _NEVER_AFTER:
        return _FORBIDDEN
    if (before[-1].isascii() and before[-1].isalnum()) and (after[0].isascii() and after[0].isalnum()):
        return _FORBIDDEN
    inside = sum(before.count(o) - before.count(c) for o, c in _PAIRS) > 0
    if inside:  # a quoted name or a book title stays on one line when it can
        return 2 * _MID_WORD
    if before.endswith(_GOOD_AFTER) or after.startswith(_GOOD_BEFORE):
        return 0.0
    return _MID_WORD


def _split(text: str, width: int) -> list[str]:
    n = len(text)
    if n <= width:
        return [text]
    count = math.ceil(n / width)
    ideal = n / count
    # best[k][i]: cheapest way to set text[:i] as k lines; came_from for reconstruction.
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    came_from = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for i in range(1, n + 1):
            for j in range(max(0, i - width), i):
                if best[k - 1][j] == inf or (j == 0) != (k == 1):
                    continue
                cost = best[k - 1][j] + abs((i - j) - ideal) + (_break_cost(text, j) if j else 0.0)
                if cost < best[k][i]:
                    best[k][i], came_from[k][i] = cost, j
    lines: list[str] = []
    end = n
    for k in range(count, 0, -1):
        start = came_from[k][end]
        lines.append(text[start:end])
        end = start
    return lines[::-1]
