"""A mined candidate's particulars: slotted where the bank has a slot for them, else the candidate goes.

The particulars of one speech (`drafter.bank.particulars`: places by the gazetteer, bodies, figures,
dates, campaigns, the speaker's anecdotes, national-only formulations) make a candidate useless to
another team as it stands. Places become `{region}` and named bodies `{superior}` or `{org}`; a
candidate left with any other particular is dropped, as is a closing or lead-in that quotes a coined
term (`“六抓六比”`, `“八八战略”`, `“三个聚焦”`) or names the leader in person. Heading sets keep their
members (they are the set's content) but go when a member carries a figure, a date, a campaign or
a place (`美丽云南建设`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.bank.particulars import Particular, find_particulars
from drafter.miner.candidates import Candidate
from drafter.miner.text import is_cjk

# Functions whose text is the genre's glue, without particulars by construction.
_UNTOUCHED = frozenset({"enumerator", "salutation", "closing.thanks", "transition"})
_MEMBER_FUNCTIONS = frozenset({"heading_set", "heading"})
_DROPPED_IN_MEMBERS = frozenset({"figure", "date", "campaign", "place"})
# A quoted coinage or the leader named in person: the source speech's own, in glue functions.
_COINED_RE = re.compile("“[^”]{1,12}”|习近平总书记|总书记")
_COINED_CHECKED = ("closing.", "opening.", "section.lead_in", "title")
# National-only formulations the shared list does not cover: a local speech cannot say them.
_NATIONAL_RE = re.compile(
    "全党全国|全国各族|中国之问|世界之问|国家主权|总体国家安全观|教育强国|人类命运|人民共和国|人民政协"
    "|中华民族共同体|中华民族现代文明"
)
# A run unit opening with a numeral is a coined count term (`四化同步`, `三资盘活`, `五区共兴`).
_COUNT_TERM_RE = re.compile("(?:^|、)[一二两三四五六七八九十百千万]")
# In a set's members: a quoted term that opens a member (`“结合”的前提是…`) is prose about the
# source's coinage, not a heading; `群众“最盼”的事`, `做到“三个清楚”` are headings.
_MEMBER_COINED_RE = re.compile("(?:^|／)“")
# Campaigns by name, which the shared list does not know.
_CAMPAIGN_RE = re.compile("主题教育")
# A place by its literary name (`中原大地`, `齐鲁展宏图`, `实干兴滇`): the gazetteer does not know them.
_NICKNAME_RE = re.compile(
    "[\u4e00-\u9fff]{2}大地|齐鲁|八闽|三晋|荆楚|巴蜀|燕赵|三秦|八桂|江淮|天府|岭南|湖湘|赣鄱|陇原|兴[滇黔陇桂赣]"
)
# Before a two-character place name inside a word run, what may stand (`新江苏`, `在上海`); anything
# else means the name is part of another word (`岱青海蓝`) and slotting it cuts the word.
_PLACE_BEFORE = frozenset("在到赴去来向新和与、全美丽大动进设持助造让为把")


def refine(candidate: Candidate) -> Candidate | None:
    """The candidate with its particulars slotted, or None when it cannot be reused as it stands."""
    function = candidate.function
    if function in _UNTOUCHED:
        return candidate
    if function in _MEMBER_FUNCTIONS:
        return None if _members_particular(candidate.note or candidate.key) else candidate
    if function == "parallel" and (_COUNT_TERM_RE.search(candidate.text) or _has_place(candidate.text)):
        return None  # a run is its words: a place or a count term in it is the source's own
    text = reusable(function, candidate.text)
    if text is None:
        return None
    if text == candidate.text:
        return candidate
    key = text if candidate.key == candidate.text else candidate.key
    return candidate._replace(text=text, key=key)


def reusable(function: str, text: str) -> str | None:
    """`text` of a `function` candidate with its particulars slotted, or None when some cannot be."""
    slotted = _slotted(text)
    if slotted is None or (function.startswith(_COINED_CHECKED) and _COINED_RE.search(slotted)):
        return None
    return slotted


@lru_cache(maxsize=65536)  # the same sentences recur across an archive
def _slotted(text: str) -> str | None:
    if _NATIONAL_RE.search(text) or _NICKNAME_RE.search(text) or _CAMPAIGN_RE.search(text):
        return None
    parts: list[str] = []
    position = 0
    for particular in find_particulars(text):
        if particular.slot is None or _cuts_a_word(text, particular):
            return None
        parts.append(text[position : particular.start])
        parts.append(particular.slot)
        position = particular.end
    parts.append(text[position:])
    return "".join(parts)


@lru_cache(maxsize=65536)
def _has_place(text: str) -> bool:
    return any(p.kind == "place" for p in find_particulars(text))


def _cuts_a_word(text: str, particular: Particular) -> bool:
    if particular.kind != "place" or particular.end - particular.start != 2:
        return False
    before = text[particular.start - 1] if particular.start else ""
    after = text[particular.end] if particular.end < len(text) else ""
    return is_cjk(before) and before not in _PLACE_BEFORE and is_cjk(after)


@lru_cache(maxsize=65536)
def _members_particular(members: str) -> bool:
    if _MEMBER_COINED_RE.search(members) or _CAMPAIGN_RE.search(members):
        return True
    return any(p.kind in _DROPPED_IN_MEMBERS for p in find_particulars(members))
