"""Titles, salutations, openings (purpose, acknowledgement, review and thanks, transition),
section lead-ins and in-body transitions, with the speech's particulars turned into slots.

Anchors: `刚才` (acknowledge), `借此机会` / `表示…感谢` / `成绩的取得` (review), `这次会议` /
`参加这个会` with `主要` (purpose), `下面` (transition), a count of points before a colon
(`关于X方面，我强调4点：`, lead-in), `这里，我想强调一点` and kin (transition).
A candidate that still holds a placeholder (`XX`) once slotted is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.miner.candidates import Candidate
from drafter.miner.extract.slots import escape_braces, slot_count, slot_region
from drafter.miner.outline import Outline
from drafter.miner.text import has_placeholder

_TITLE_AT_RE = re.compile("^在(.{2,30})上的(讲话|致辞|发言)(稿)?$")
_TITLE_KIND_RE = re.compile("^(.{2,30}?)(讲话|致辞|发言)稿?$")  # `讲话稿` names the file, not the title
# A title's year (`2026年上海市政府工作报告`) and attribution (`…而团结奋斗※习近平`) are not the title.
_TITLE_YEAR_RE = re.compile("^(?:\\d{4}|[〇一二三四五六七八九零]{4})年度?")
_TITLE_BYLINE_RE = re.compile("\\s*[※·]\\s*[\u4e00-\u9fff]{2,4}$")
_GENRE_END_RE = re.compile("(?:报告|讲话|致辞|发言|总结)$")  # a headline title is one speech's own
_DATED_RE = re.compile("\\d{1,4}\\s*[年月日时]|[〇一二三四五六七八九零十]{1,4}[年月日]")
_ACK_RE = re.compile("^刚才，(.{1,15}?)(对|就)(.{1,30}?)(进行了?|作了|做了)(.*)$")
_THANKS_RE = re.compile("我代表(.{2,10}?)向(.{2,30}?)表示(衷心的|诚挚的|最诚挚的)?(感谢|谢意|慰问)")
_TOPICS_RE = re.compile(f"围绕(.{{2,30}}?)({'|'.join('一二两三四五六七八九十')}|几)个?方面")
_LEAD_TOPIC_RE = re.compile("^(关于|围绕|就)(.{2,20}?)(方面)?，")
_COUNT_HINT_RE = re.compile("[个点方项条种](?<=[一二两三四五六七八九十\\d].)")  # opens with a class: fast
_COLON_SPLIT_RE = re.compile("(?<=：)")
# A report's opening: `现在，我代表省人民政府，向大会报告工作，请予审议，并请…提出意见。`
_REPORT_RE = re.compile(
    "^现在，我代表[^，。]{2,12}?，?向大会(报告工作|报告政府工作|作政府工作报告)，请予审议(?:，并请[^。]{2,40}?提出意见)?。$"
)
_TRANSITION_RE = re.compile(
    "这里，?(?:我想|我|需要|我再)?(?:着重|特别)?强调(?:一点|的是)|需要(?:特别)?(?:强调|注意|指出)的是"
    "|值得注意的是|我再强调一点"
)
_TRANSITION_WORDS = ("强调", "注意", "指出")  # one of them is in every transition: where to look


def extract(outline: Outline) -> Iterator[Candidate]:
    yield from _titles(outline)
    if outline.salutation is not None:
        yield Candidate(
            "salutation", outline.salutation.text, outline.salutation.text, outline.salutation.number, 2.0
        )
    for paragraph in outline.opening():
        for sentence in paragraph.sentences:
            yield from _opening_sentence(sentence, paragraph.line)
    yield from _lead_ins(outline)
    for paragraph in outline.paragraphs_saying(_TRANSITION_WORDS):
        for match in _TRANSITION_RE.finditer(paragraph.text):
            yield from _checked("transition", match.group(0), paragraph.line, 1.5)


def _titles(outline: Outline) -> Iterator[Candidate]:
    if not outline.title:
        return
    line = outline.title[0]
    match = _TITLE_AT_RE.match(line.text)
    if match:
        text = "在{occasion}上的" + match.group(2)
        yield Candidate("title", text, text, line.number, 2.0, note=f"如：{line.text}")
        return
    match = _TITLE_KIND_RE.match(line.text)
    if match:
        text = "{occasion}" + match.group(2)
        yield Candidate("title", text, text, line.number, 1.5, note=f"如：{line.text}")
        return
    main = _TITLE_BYLINE_RE.sub("", _TITLE_YEAR_RE.sub("", line.text))
    # a dated subtitle (`——2026年2月3日在…会议上`, a page's time stamp) is the source's, not the title's
    rest = [t.text for t in outline.title[1:] if not _DATED_RE.search(t.text)]
    text = "　".join(escape_braces(t) for t in [main, *rest])
    if len(main) >= 4 and _GENRE_END_RE.search(main) and not has_placeholder(text):
        yield Candidate("title", text, text, line.number, 0.8, note=f"如：{line.text}")


def _opening_sentence(sentence: str, line: int) -> Iterator[Candidate]:
    text = escape_braces(sentence)
    report = _REPORT_RE.match(text)
    if report:
        asks = "，并请{audience}提出意见" if "并请" in text else ""
        yield from _checked(
            "opening.purpose", f"现在，我代表{{org}}向大会{report.group(1)}，请予审议{asks}。", line, 2.0
        )
        return
    match = _ACK_RE.match(text)
    if match:
        text = f"刚才，{{earlier_speaker}}{match.group(2)}{{earlier_work}}{match.group(4)}{match.group(5)}"
        yield from _checked("opening.acknowledge", text, line, 2.0)
        return
    if text.startswith("刚才") or "都同意" in text or "讲得很好" in text:
        yield from _checked("opening.acknowledge", text, line, 1.2)
        return
    match = _THANKS_RE.search(text)
    if match:
        start = text.rfind("，", 0, match.start()) + 1 if "借此机会" not in text else text.index("借此机会")
        thanks = (
            text[start : match.start()]
            + "我代表{org}向{thanks_to}表示"
            + (match.group(3) or "")
            + match.group(4)
        )
        yield from _checked("opening.review", thanks + "！", line, 2.0)
        return
    if "成绩的取得" in text or "成绩来之不易" in text:
        yield from _checked("opening.review", slot_region(text), line, 1.5 if len(text) <= 60 else 0.8)
        return
    if re.search("这次会议|这个会|今天的会议|今天召开", text) and re.search(
        "主要(?:任务|目的)?是|目的是|任务是", text
    ):
        yield from _checked("opening.purpose", slot_region(text), line, 1.5 if len(text) <= 60 else 0.8)
        return
    if text.startswith("下面"):
        text = _TOPICS_RE.sub(lambda m: "围绕{topics}{count}个方面", text)
        yield from _checked("opening.transition", text, line, 2.0 if "{topics}" in text else 1.2)


def _lead_ins(outline: Outline) -> Iterator[Candidate]:
    # a lead-in ends with a colon or announces what it stresses (`我强调4点`), and counts its points:
    # a numeral followed by a measure word (`4点`, `三个`)
    for paragraph, sentence in outline.sentences_saying(("：", "强调")):
        if _COUNT_HINT_RE.search(sentence):
            yield from _lead_in_clauses(sentence, paragraph.line)


def _lead_in_clauses(sentence: str, line: int) -> Iterator[Candidate]:
    for clause in _COLON_SPLIT_RE.split(sentence):
        clause = clause.strip()
        if not clause or len(clause) > 40 or "《" in clause or "强调一点" in clause:
            continue
        counted = slot_count(escape_braces(clause))
        if "{count}" in counted and (clause.endswith("：") or re.search("强调{count}", counted)):
            head, comma, last = counted.rpartition("，")
            if comma and len(head) > 6 and "{count}" in last and not re.search("关于|围绕", head):
                counted = last
            counted = _LEAD_TOPIC_RE.sub(
                lambda m: m.group(1) + "{topic}" + (m.group(3) or "") + "，", counted
            )
            yield from _checked("section.lead_in", counted, line, 1.5 + 0.3 * ("{topic}" in counted))


def _checked(function: str, text: str, line: int, quality: float) -> Iterator[Candidate]:
    text = text.strip()
    if len(text) >= 4 and not has_placeholder(text):
        yield Candidate(function, text, text, line, quality)
