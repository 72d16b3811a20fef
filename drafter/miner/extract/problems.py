"""Problem diagnoses: `有的…` / `有些…` sentences, short `X不到位`-type verdicts, `不X、不Y、不Z` runs.

These are the shapes a speech uses when it names what is wrong (GUIDE §2, `problem`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.miner.candidates import Candidate
from drafter.miner.extract.requirements import topics_of
from drafter.miner.extract.slots import escape_braces
from drafter.miner.outline import Outline
from drafter.miner.text import SPACES, as_sentence, has_placeholder, is_cjk

_SOME = ("有的", "有些", "一些", "少数", "个别")
# A sentence that opens with one of them (`Outline.sentence_matches`): found in the whole document at once.
_SOME_CLAUSE_RE = re.compile(f"\0[{SPACES}]*+((?:{'|'.join(_SOME)})[^\0]*)")
_SOME_RE = re.compile(f"^(?:{'|'.join(_SOME)})(?:干部|部门|单位|同志|地方|领导)")
_NEGATIVE_RE = re.compile("不|缺乏|没有|难以|缺失|差|弱|低下|拖拉|推诿|敷衍")
# Both scans open with the literal 不, so they run at memory speed; the subject is read back in Python.
_VERDICT_RE = re.compile("不(?:到位|适应|够|强|足|高|实|严|力)(?=[，。；、])")
_NOT_RUN_RE = re.compile(
    "不(?<!、不)[\u4e00-\u9fff]{1,3}(?:、不[\u4e00-\u9fff]{1,3}){2,}(?![、\u4e00-\u9fff])"
)
_LEAD_OFF_RE = re.compile(
    "^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|对于|对|克服|破解|解决|针对|着力解决)"
)
# Before a `不X、不Y、不Z` run, words that make it a demand (`确保党永远不变质…`, `一体推进不敢腐…`).
_DEMAND_BEFORE_RE = re.compile("要|做到|确保|保持|推进|坚持|必须|始终|永远|决不|绝不|坚决|真正")
_SUBJECT_RE = re.compile("[\u4e00-\u9fff]+$")
_CJK_RUN_BEFORE = 7  # a verdict's subject: two to six characters back to the clause boundary


def extract(outline: Outline) -> Iterator[Candidate]:
    for paragraph, found in outline.sentence_matches(_SOME_CLAUSE_RE):
        clause = found.group(1).rstrip()
        if not _SOME_RE.match(clause) or not 8 <= len(clause) <= 70:
            continue
        if _NEGATIVE_RE.search(clause) and not has_placeholder(clause) and not re.search(r"\d", clause):
            text = escape_braces(as_sentence(clause))
            quality = 1.8 - abs(len(clause) - 30) / 60
            line = paragraph.line
            yield Candidate("problem", text, text, line, round(quality, 3), tags=topics_of(text))
    text = outline.text
    for match in _VERDICT_RE.finditer(text):
        window = text[max(0, match.start() - _CJK_RUN_BEFORE) : match.start()]
        subject = _SUBJECT_RE.search(window)
        if subject is None or not 2 <= len(subject.group(0)) < _CJK_RUN_BEFORE:
            continue  # no subject, or one running on past six characters: not a short verdict
        verdict = _LEAD_OFF_RE.sub("", subject.group(0)) + match.group(0)
        if len(verdict) >= 4 and not has_placeholder(verdict):
            line = outline.line_at(match.start())
            yield Candidate("problem", verdict, verdict, line, 1.2, tags=topics_of(verdict))
    for match in _NOT_RUN_RE.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if not before or not is_cjk(before[-1]) or _DEMAND_BEFORE_RE.search(before):
            # a diagnosis says it of someone (`抓工作不具体、不深入、不扎实`); a run that opens its
            # clause or follows `要`, `确保`… is a demand (`不打折、不变通`) or a slogan (`“不敢腐…`)
            continue
        run = match.group(0)
        yield Candidate("problem", run, run, outline.line_at(match.start()), 1.3, tags=topics_of(run))
