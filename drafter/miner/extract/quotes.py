"""Quotes with their lead-ins (`古语说，工欲善其事，必先利其器。`) and stand-alone sayings.

A saying stands alone when a whole sentence is a quotation (`“没有调查就没有发言权”。`) or a
couplet of two equal halves (`三分决策，七分执行。`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick_rs

from drafter.miner.candidates import Candidate
from drafter.miner.extract.slots import escape_braces
from drafter.miner.outline import Outline
from drafter.miner.text import SPACES, has_placeholder

_LEADS = tuple("古语说 古语云 古人云 古人说 常言道 常言说 俗话说 俗语说 老话说 有句话说 有句老话说".split())
_LEAD_RE = re.compile(
    f"({'|'.join(_LEADS)}|正如[^，。\\n]{{1,12}}?所说)[，：]?(“[^”]{{4,40}}”。?|[^。！？“”]{{4,40}}[。！？])"
)
# Where `_LEAD_RE` may match: where one of its lead words starts, found by one automaton (3x faster than
# the regex's own scan, which tests the first characters of all its words at every character). The only
# lead word inside another is `老话说` in `有句老话说`, and both end at one `说`: where one fails, so does
# the other, so the non-overlapping finds are all the starts to try.
# (Over the text's UTF-8, as `drafter.miner.document_kind` counts its words: the finds, rare, are
# then counted in characters here.)
_LEAD_WORDS = ahocorasick_rs.BytesAhoCorasick(
    [word.encode() for word in (*_LEADS, "正如")], matchkind=ahocorasick_rs.MatchKind.LeftmostFirst
)
_QUOTED_SENTENCE_RE = re.compile("^“([^”“]{4,30})”[。！]?$")
_COUPLET_RE = re.compile("^([\u4e00-\u9fff]{4,8})，([\u4e00-\u9fff]{4,8})[。！]$")
# A whole sentence that is one of those two (`Outline.sentence_matches`), found in the whole document at once.
_SAYING_RE = re.compile(
    f"\0[{SPACES}]*+(“[^”“\0]{{4,30}}+”[。！]?|[\u4e00-\u9fff]{{4,8}}+，[\u4e00-\u9fff]{{4,8}}+[。！])[{SPACES}]*(?=\0)"
)
_NOT_SAYING_START = re.compile(
    "^(要|对|在|我们|我|这|但|而|从|为|把|以|如果|只有|特别|同时|一方面|另一方面|自己|大家|你|他|她|咱)"
)
# A couplet whose halves open with a task verb or an ordinal is a pair of tasks (`加强财源建设，规范
# 非税收入。`, `一是坚持依法行政，…`), not a saying; so is one that counts years or results.
_TASK_START = (
    "[一二三四五六七八九十]是|加强|推进|促进|保持|做好|做优|做强|做大|发展|主动|坚持|深化|全面|持续|提升|提高"
    "|强化|优化|完善|健全|推动|建设|打造|实施|落实|扩大|培育|壮大|支持|引导|着力|加快|大力|积极|统筹|严格"
    "|规范|巩固|深入|加大|稳定|增强|构建|开展|筑牢|守住|维护|倡导|反对|实现|确保|抓好|用好|办好|争取|创新"
)
_TASK_RE = re.compile(f"^(?:{_TASK_START})|，(?:{_TASK_START})|[年项]|各国|人类|来之不易|不足[。！]$")


def extract(outline: Outline) -> Iterator[Candidate]:
    for match in lead_matches(outline.text, outline.utf8):
        text = escape_braces(match.group(1) + "，" + match.group(2))
        if not has_placeholder(text):
            yield Candidate("quote", text, text, outline.line_at(match.start()), 2.0)
    for paragraph, found in outline.sentence_matches(_SAYING_RE):
        sentence = found.group(1)
        quoted = _QUOTED_SENTENCE_RE.match(sentence)
        couplet = _COUPLET_RE.match(sentence)
        if quoted and not has_placeholder(sentence):
            body = quoted.group(1)
            halves = body.split("，")
            quality = 1.8 if len(halves) == 2 and len(halves[0]) == len(halves[1]) else 1.4
            yield Candidate("quote", f"“{body}”", f"“{body}”", paragraph.line, quality)
        elif couplet and len(couplet.group(1)) == len(couplet.group(2)) and _may_be_saying(sentence):
            yield Candidate("quote", sentence, sentence, paragraph.line, 1.2)


def lead_matches(text: str, utf8: bytes | None = None) -> Iterator[re.Match[str]]:
    """What `_LEAD_RE.finditer(text)` finds, tried only where a lead word starts (`utf8`: the text's)."""
    utf8 = text.encode() if utf8 is None else utf8
    free = 0  # where the next match may start: after the last one
    byte = char = 0  # a find's offset in bytes, and in characters
    for _, start, _ in _LEAD_WORDS.find_matches_as_indexes(utf8):
        char += len(utf8[byte:start].decode())
        byte = start
        if char >= free and (match := _LEAD_RE.match(text, char)) is not None:
            yield match
            free = match.end()


def _may_be_saying(sentence: str) -> bool:
    return (
        not _NOT_SAYING_START.match(sentence)
        and not _TASK_RE.search(sentence)
        and not has_placeholder(sentence)
    )
