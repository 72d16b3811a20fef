"""Turning the particulars of one speech (counts, regions, names) into named slots.

Slots come only from `drafter.vocabulary.SLOTS`, so that a drafted speech can fill them.
"""

from __future__ import annotations

import re

COUNT = r"[一二两三四五六七八九十]|\d{1,2}"
_COUNT_RE = re.compile(f"(?<![一二两三四五六七八九十\\d第])({COUNT})(?=(?:个|点|方面|项|条|种)(?![月年日]))")
# `全` ending another word (`健全`, `完全`, `安全`) followed by `市场`, `区域`… is no region.
_REGION_RE = re.compile("(?<![健完齐安周保成顾])全(?:市|区|县|省|州|镇|乡|旗|盟)(?![委长场])")


def slot_count(text: str) -> str:
    """`我强调4点` → `我强调{count}点`; `三方面要求` → `{count}方面要求`."""
    return _COUNT_RE.sub("{count}", text)


def slot_region(text: str) -> str:
    """`全市`, `全区`… → `{region}`."""
    return _REGION_RE.sub("{region}", text)


def escape_braces(text: str) -> str:
    """Literal braces in source text, escaped so they are not read as slots."""
    return text.replace("{", "{{").replace("}", "}}")
