"""Whether a document is a speech or report at all, before anything is mined from it.

An archive of speeches also holds other texts: news collections, regulations, articles. Mined as
speeches they supply most of the lead-ins and heading sets, none of them speech formulas. A
document is taken for a speech or report when it has a salutation (`同志们：`, `各位代表：`), or an
outline of numbered headings together with the first person of a speaker; legal text (three or more
`第X条` articles) and news copy (bylines, `据…报道`, no salutation) are not, whatever else they hold.
"""

from __future__ import annotations

import re

import ahocorasick_rs

from drafter.miner.outline import Outline

# An article opening a paragraph, found over the whole text in one call (paragraphs are its lines);
# `第` first and the line start looked behind: a pattern that opens with `^` is tried everywhere.
_ARTICLE_RE = re.compile("第(?<=^第)[一二三四五六七八九十百零〇]+条", re.MULTILINE)
_NEWS_WORDS = ("记者", "日电", "报道", "日讯", "据悉", "通讯员", "消息，")
_SPEAKER_WORDS = ("同志们", "各位", "我们", "我代表", "我讲", "大家")
# Both counted in one scan of one automaton (faster than the alternation, several times faster than
# a `str.count` per word): no word's end is another's start, so no two finds overlap and the scan
# finds what the counts count. A find's index says which word it is: the speaker's come first.
# (Over the text's UTF-8, `Outline.utf8`: an automaton of `str` encodes the text, then counts its
# finds in characters, 2x slower.)
_WORDS = ahocorasick_rs.BytesAhoCorasick(
    [word.encode() for word in _SPEAKER_WORDS + _NEWS_WORDS], matchkind=ahocorasick_rs.MatchKind.LeftmostFirst
)

SPEECH = "speech"


def speech_kind(outline: Outline) -> str:
    """`speech`, or what the document is instead (`legal text`, `news`, `not a speech`)."""
    paragraphs = outline.paragraphs
    if not paragraphs:
        return "not a speech: no text"
    text = outline.text
    if len(_ARTICLE_RE.findall(text)) >= 3:
        return "legal text (articles 第X条)"
    if outline.salutation is not None:
        return SPEECH
    words = _WORDS.find_matches_as_indexes(outline.utf8)
    speaker = sum(index < len(_SPEAKER_WORDS) for index, _, _ in words)
    news = len(words) - speaker
    if news >= 5 and news > 2 * speaker:
        return "news (bylines, no salutation)"
    if speaker >= 3 and (outline.sibling_runs or speaker >= len(text) / 1000):
        return SPEECH
    return "not a speech (no salutation, no speaker, no outline)"
