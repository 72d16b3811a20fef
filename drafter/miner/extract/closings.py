"""Closings: the call to action (`同志们，…为{goal}而努力奋斗！`) and the thanks (`谢谢大家！`).

Looked for in the last two paragraphs only (a `同志们，` that opens a speech is no closing); a
salutation line (`同志们，朋友们：`) is none either. The goal of the call becomes `{goal}` (never
the `为核心` or `为指导` of the standing phrases), the body under whose leadership `{superior}`;
a call that keeps a placeholder, has lost a name or runs past `CALL_MAX` characters is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.miner.candidates import Candidate
from drafter.miner.extract.slots import escape_braces, slot_region
from drafter.miner.outline import Outline
from drafter.miner.particulars import reusable
from drafter.miner.text import has_placeholder

_GOAL_RE = re.compile(
    "为(?!核心|指导)([^。！；“”]{2,60}?)(而努力奋斗|而不懈奋斗|而奋斗|而努力|作出新的更大贡献|做出新的更大贡献|作出更大贡献)"
)
_THANKS_RE = re.compile("谢谢|感谢大家")
# A call asks the audience to act: `同志们，` alone opens many sentences that ask nothing.
_CALL_RE = re.compile("让我们|希望大家|共同努力|努力奋斗|更大贡献")
# A preposition straight before 的 (`大家为的发展`): the web copy lost a name there.
_LOST_NAME_RE = re.compile("[为在把对向](?=的(?!是))")
CALL_MAX = 90  # a longer call strings together the source's own programme: not a formula
# `在省委坚强领导下`, `在区委的正确领导下`: the leading body, whichever it is
_LEADERSHIP_RE = re.compile("(?<=在)(?:[省市区县州]委|自治区党委|党委)(?=的?(?:坚强|正确)?领导下)")


def extract(outline: Outline) -> Iterator[Candidate]:
    for paragraph in outline.closing():
        for sentence in paragraph.sentences:
            if sentence.endswith("："):
                continue  # a salutation (`同志们，朋友们：`), not a call
            text = escape_braces(sentence)
            if _THANKS_RE.search(text) and len(text) <= 20:
                if not has_placeholder(text):
                    yield Candidate("closing.thanks", text, text, paragraph.line, 2.0)
            elif _CALL_RE.search(text):
                text = slot_region(_GOAL_RE.sub(lambda m: "为{goal}" + m.group(2), text))
                call = _reusable_call(_LEADERSHIP_RE.sub("{superior}", text))
                if call is not None:
                    quality = 1.0 + 0.5 * call.startswith(("同志们", "让我们")) + 0.5 * ("{goal}" in call)
                    yield Candidate("closing.call", call, call, paragraph.line, quality)


def _reusable_call(text: str) -> str | None:
    """The call, or its last clauses when the whole carries the source's own programme, or None.

    `…开展好“六抓六比”活动，不断开创政府工作新局面，为{goal}作出新的更大贡献！` keeps
    `不断开创政府工作新局面，为{goal}作出新的更大贡献！`: the frame every speech can end with.
    """
    if has_placeholder(text) or _LOST_NAME_RE.search(text):
        return None
    clauses = text.split("，")
    for keep in (len(clauses), 2, 1):
        tail = "，".join(clauses[-keep:])
        if keep > len(clauses) or not 8 <= len(tail) <= CALL_MAX or not _CALL_RE.search(tail + "为{goal}"):
            continue
        reused = reusable("closing.call", tail)
        if reused is not None and (keep == len(clauses) or "{goal}" in tail):
            return reused
    return None
