"""Closings: the call to action (`同志们，…为{goal}而努力奋斗！`) and the thanks (`谢谢大家！`).

Looked for in the last two paragraphs and in any paragraph that opens with `同志们，`.
The goal of the call becomes `{goal}`; a call that keeps a placeholder is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.miner.candidates import Candidate
from drafter.miner.extract.slots import escape_braces, slot_region
from drafter.miner.outline import Outline
from drafter.miner.text import has_placeholder

_GOAL_RE = re.compile(
    "为(.{2,60}?)(而努力奋斗|而不懈奋斗|而奋斗|而努力|作出新的更大贡献|做出新的更大贡献|作出更大贡献)"
)
_THANKS_RE = re.compile("谢谢|感谢大家")
_CALL_RE = re.compile("^同志们，|让我们|希望大家|共同努力|努力奋斗|更大贡献")


def extract(outline: Outline) -> Iterator[Candidate]:
    closing = outline.closing()
    zone = [p for p in outline.paragraphs if p.text.startswith("同志们，") and p not in closing] + closing
    for paragraph in zone:
        for sentence in paragraph.sentences:
            text = escape_braces(sentence)
            if _THANKS_RE.search(text) and len(text) <= 20:
                if not has_placeholder(text):
                    yield Candidate("closing.thanks", text, text, paragraph.line, 2.0)
            elif _CALL_RE.search(text):
                text = slot_region(_GOAL_RE.sub(lambda m: "为{goal}" + m.group(2), text))
                if has_placeholder(text) or len(text) < 8:
                    continue
                quality = (
                    1.0 + 0.5 * text.startswith("同志们") + 0.5 * ("{goal}" in text) - 0.5 * (len(text) > 120)
                )
                yield Candidate("closing.call", text, text, paragraph.line, quality)
