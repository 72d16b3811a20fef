"""Small text helpers shared by the miner: punctuation, sentences, numerals, placeholders."""

from __future__ import annotations

import re
import unicodedata

CN_DIGITS = "一二三四五六七八九十"

# Half-width punctuation next to Chinese text becomes full-width, so that
# "同志们:" and "同志们：" are the same formula.
_PAIRS = tuple(zip(",:;!?()", "，：；！？（）", strict=True))
_FULL_TO_HALF = {full: half for half, full in _PAIRS}
# after translating everything: punctuation between two ASCII characters goes back (`10:53:29`, `a, b`)
# (the ASCII character before is matched, not looked behind: rarer than the punctuation, it is tried at
# fewer places; it is never one to translate back, so no match is lost to the one before it)
_ASCII_CONTEXT_RE = re.compile("[\x20-\x7e][，：；！？（）](?=[\x20-\x7e])")

# The characters `\s` stands for, listed: in a regex class they are tested faster than the category.
SPACES = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# `XX`, a lone `X` and `×` stand for names and numbers the web copy left out: what
# `XX|(?<![A-Za-z{])X(?![A-Za-z}])|×|某某|ＸＸ` finds, opened by the class of the first characters so
# that the scan skips to where one is (the alternation, whose look-behind hides them, is tried at every
# character: 19 ns a character against 4)
PLACEHOLDER_RE = re.compile(
    r"[X×某Ｘ](?:(?<=X)X|(?<=X)(?<![A-Za-z{]X)(?![A-Za-z}])|(?<=×)|(?<=某)某|(?<=Ｘ)Ｘ)"
)


def normalize_text(text: str) -> str:
    """Half-width punctuation made full-width, except between ASCII characters (one pass per document)."""
    for half, full in _PAIRS:  # str.replace runs at memory speed; translate() with a table does not
        if half in text:
            text = text.replace(half, full)
    return _ASCII_CONTEXT_RE.sub(lambda m: m.group(0)[0] + _FULL_TO_HALF[m.group(0)[1]], text)


def is_cjk(char: str) -> bool:
    """Whether `char` is a Chinese character (CJK unified ideographs, basic block)."""
    return "\u4e00" <= char <= "\u9fff"


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, stripped, each keeping its final punctuation."""
    # str.replace and str.split run at memory speed; a zero-width regex split does not
    for mark in "。！？；":
        if mark in paragraph:
            paragraph = paragraph.replace(mark, mark + "\0")
    return [s for s in (part.strip() for part in paragraph.split("\0")) if s]


def as_sentence(clause: str) -> str:
    """A `；` clause ended with `。` instead, so that it stands as a sentence of its own."""
    return clause.rstrip("；") + ("。" if clause.endswith("；") else "")


def has_placeholder(text: str) -> bool:
    """Whether `text` still holds a name or number the web copy left out (`XX`, `×`)."""
    return PLACEHOLDER_RE.search(text) is not None


def ordinal_value(numeral: str) -> int:
    """The value of a Chinese numeral from 一 to 九十九, or of digits of any script; 0 if neither.

    Digits of any script (`12`, full-width `１２`) read as a number; a single enumerated sign
    (`①`, `⑴`, `⒈`, `Ⅳ`, `㈠`) reads as its numeric value; anything else is 0, never an error.
    """
    if not numeral:
        return 0
    if numeral.isdecimal():
        return int(numeral)
    if len(numeral) == 1:
        value = unicodedata.numeric(numeral, -1.0)
        if value >= 1 and value == int(value) and numeral not in CN_DIGITS:
            return int(value)
    if numeral == "十":
        return 10
    if len(numeral) == 1 and numeral in CN_DIGITS:
        return CN_DIGITS.index(numeral) + 1
    if len(numeral) == 2 and numeral[0] == "十":
        return 10 + ordinal_value(numeral[1])
    if len(numeral) == 2 and numeral[1] == "十":
        return ordinal_value(numeral[0]) * 10
    if len(numeral) == 3 and numeral[1] == "十":
        return ordinal_value(numeral[0]) * 10 + ordinal_value(numeral[2])
    return 0
