"""Requirement sentences (`要…`, `必须…`, `坚决…`, `务必…`, `切实…`), tagged by topic.

A requirement is a sentence or `；`-clause that opens with one of those words, 8-60 characters
long, about at least one topic of `drafter.vocabulary.TOPIC_TAGS` (found by keywords). Sentences
naming documents or figures (`《…》`, digits) are too particular to reuse and are left out;
`全市`/`全区`… become `{region}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from drafter.miner.candidates import Candidate
from drafter.miner.extract.slots import escape_braces, slot_region
from drafter.miner.outline import Outline
from drafter.miner.text import SPACES, as_sentence, has_placeholder
from drafter.vocabulary import TOPIC_TAGS

_LEADS = ("要", "必须", "坚决", "务必", "切实", "一定要", "决不能", "绝不能", "绝不允许")
# A sentence that opens with one of them (`Outline.sentence_matches`): found in the whole document at once.
_CLAUSE_RE = re.compile(f"\0[{SPACES}]*+((?:{'|'.join(_LEADS)})[^\0]*)")
_PARTICULAR_RE = re.compile("[《》\\d０-９A-Za-z]")
_GENERIC_VERBS = re.compile("强化|加强|提高|提升|坚持|完善|健全|增强|树立|推进|做到|确保|杜绝|防止|克服")

TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "学习": ("学习",),
    "调研": ("调查研究", "调研", "深入基层", "一线"),
    "落实": ("落实", "执行"),
    "作风": ("作风", "形式主义", "官僚主义"),
    "纪律": ("纪律", "规矩"),
    "廉洁": ("廉洁", "廉政", "腐败", "自律"),
    "法治": ("法治", "依法", "法律", "法制", "法规"),
    "服务": ("服务",),
    "团结": ("团结", "配合", "协作"),
    "创新": ("创新",),
    "担当": ("担当", "担责", "敢于"),
    "决策": ("决策",),
    "督查": ("督查", "督办", "督促"),
    "效能": ("效能", "效率"),
    "能力": ("能力", "本领"),
    "大局": ("大局", "全局"),
    "激励": ("激励",),
    "问责": ("问责", "追责", "责任追究"),
    "改革": ("改革",),
    "群众": ("群众",),
    "基层": ("基层",),
    "责任": ("责任",),
    "规范": ("规范", "程序"),
    "方法": ("方法",),
    "安全": ("安全",),
    "政治": ("政治",),
    "思想": ("思想",),
    "队伍": ("队伍", "干部"),
}
assert set(TOPIC_KEYWORDS) <= set(TOPIC_TAGS)


_TAG_OF = {word: tag for tag, words in TOPIC_KEYWORDS.items() for word in words}
_KEYWORD_RE = re.compile("|".join(sorted(_TAG_OF, key=len, reverse=True)))
_TAG_ORDER = {tag: index for index, tag in enumerate(TOPIC_TAGS)}


@lru_cache(maxsize=65536)
def topics_of(text: str, limit: int = 3) -> tuple[str, ...]:
    """The topic tags a text is about, in the vocabulary's order, at most `limit`."""
    found = {_TAG_OF[word] for word in _KEYWORD_RE.findall(text)}
    return tuple(sorted(found, key=_TAG_ORDER.__getitem__)[:limit])


def extract(outline: Outline) -> Iterator[Candidate]:
    for paragraph, found in outline.sentence_matches(_CLAUSE_RE):
        clause = found.group(1).rstrip()
        if not 8 <= len(clause) <= 60 or _PARTICULAR_RE.search(clause) or has_placeholder(clause):
            continue
        tags = topics_of(clause)
        if not tags:
            continue
        text = slot_region(escape_braces(as_sentence(clause)))
        quality = 1.5 - abs(len(clause) - 24) / 40 + 0.3 * bool(_GENERIC_VERBS.search(clause))
        yield Candidate("requirement", text, text, paragraph.line, round(quality, 3), tags=tags)
