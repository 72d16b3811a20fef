"""What a gap (`〔待补：…〕`) asks the writer for, worded by what its point does in the speech.

A point that says why the work matters (`这是提升城区品质的必然要求`, under `深刻认识…重要意义`)
wants the local situation that makes it matter, not `具体举措、责任单位、时间节点`; a point on the
arrangements behind the work (`严格考核问责`, under `强化保障`) wants who does what and how it is
checked; a diagnosis wants cases; any other point is a task and wants its measures.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from drafter.compose.outline import join_cn
from drafter.patterns import LazyPattern

Purpose = Literal["why", "task", "guarantee", "problems", "exhort", "account", "remind"]

# Kinds of speech whose points ask things of the listeners themselves (`要学深悟透`, `要在实践中
# 磨炼`): such a point wants its demands and examples, not a work plan's units and dates.
EXHORTING_KINDS = frozenset({"training", "training_opening"})
# Kinds of occasion that assign no work (a commendation, a symposium, an address): a point there
# tells what is done or will be (`加大教育投入`) and wants its facts and figures (`account`).
ACCOUNTING_KINDS = frozenset({"commendation", "symposium", "opening_address", "closing_address"})
# What shows that the writer's sentences name who does a task and by when (`县农业农村局每月调度`,
# `秋收前完成`): the gap does not ask for them again.
_NAMES_UNIT = LazyPattern(r"局|部门|单位|中心|乡镇|街道|专班|指挥部|[县市区镇]委|政府|委员会")
_NAMES_TIME = LazyPattern(
    r"[每当本今明]年|[每本当]月|每半[月年]|每[周季日天]|季度|年底|年内|月底|\d+月|[一二三四五六七八九十]+月|前完成|之前|以前|底前|前后|期间|"
    r"时限|期限|限期|[一二三四五六七八九十两]+个?(?:月|周|天|日)内"
)

# A section or point heading that argues for the work (`统一思想，深刻认识…重要意义`, `充分认识…形势`).
_WHY = LazyPattern(r"意义|认识|必然要求|必要性|紧迫性|重要性|统一思想|使命感|责任感")
# ... that sets up the arrangements (`强化保障`, `加强组织领导`, `严格考核问责`, `实行领导包片`).
_CHECK_WORDS = "考核|问责|督查|督导|督办|督促"  # ... among them, checks (`严格督查考核`)
_GUARANTEE = LazyPattern(
    rf"(?:强化|加强|组织|工作)保障|保障措施|组织领导|加强领导|{_CHECK_WORDS}|包片|包联|责任分工|工作机制"
)
_CHECKS = LazyPattern(_CHECK_WORDS)
# What shows that the writer's sentences say how failures are answered for (`约谈主要负责同志`).
_HOLDS_TO_ACCOUNT = LazyPattern(r"约谈|问责|追责|倒查|通报批评|挂牌督办|一票否决|处分|追究|严肃处理|移交")


# A point heading that recognises something (`要充分肯定大家的付出`, `要看到肩上的责任`).
_RECOGNISES = LazyPattern(
    r"^(?:[一二三四五六七八九十]+[是要])?要?(?:充分|清醒|深刻)?(?:肯定|看到|认清|认识到)"
)


# A point heading that asks the listeners for conduct (`严肃政治纪律`, `要讲大局`, `要持续转作风`,
# `坚持学习`): it wants its demands and examples, as a training class's points do, in any speech.
_CONDUCT = LazyPattern(
    r"纪律|作风|四风|八项规定|大局|团结|廉洁|自律|担当|担责|本领|(?<!传达)学习|意识|站位|党性|修养|"
    r"精神状态|干事创业"
)


# A point heading that states a principle or an attitude (`坚持群众自愿`, `守住质量底线`, `给予人文关怀`):
# it wants what it demands in practice, not a work plan's units and dates.
_PRINCIPLE = LazyPattern(r"^(?:[一二三四五六七八九十]+[是要])?要?坚持|原则|底线|红线|关怀|自愿|导向")
# What makes a point under a section on the arrangements one of them (`各级党委要重视支持`), not a
# task of its own there (`关心爱护“五老”同志`, `畅通举报渠道`).
_ARRANGES = LazyPattern(rf"领导|责任|重视|支持|机制|协调|联动|配合|合力|保障|经费|{_CHECK_WORDS}")


# A point heading that commits to work even where the occasion assigns none (`今天的问题逐项办理` at
# a symposium): it wants its measures, units and dates, not facts and figures.
_ASKS_WORK = LazyPattern(r".*(?:办理|办结|答复)$")


def purpose(kind: str, section_heading: str, point_heading: str, problems: bool) -> Purpose:
    """What a point does: its own heading decides first, then its section's, then the kind. A
    chair's points remind the meeting of what to do after it (`remind`)."""
    if problems:
        return "problems"
    if _RECOGNISES.match(point_heading):
        return "why"
    if _WHY.search(point_heading):
        return "why"
    if _GUARANTEE.search(point_heading):
        return "guarantee"
    if _WHY.search(section_heading):
        return "why"
    if _GUARANTEE.search(section_heading) and _ARRANGES.search(point_heading):
        return "guarantee"
    if kind == "chair_script":
        return "remind"
    if kind in EXHORTING_KINDS or _CONDUCT.search(point_heading) or _PRINCIPLE.search(point_heading):
        return "exhort"
    if kind in ACCOUNTING_KINDS and not _ASKS_WORK.match(point_heading):
        return "account"
    return "task"


# A heading short enough to name its task whole in a gap (`整治背街小巷和老旧小区的具体举措`).
HEADING_CHARS = 16
_ORDINAL_LEAD = LazyPattern(r"^(?:[一二三四五六七八九十]+[是要]|要)")
# A heading that is an argument for something (`这是建设高素质干部队伍的需要`): what it argues for.
_ARGUED = LazyPattern(r"^这是(.{2,}?)的(?:必然要求|迫切需要|现实需要|需要|要求|必由之路|重要举措)$")


def gap_wanted(topic: str, heading: str, role: Purpose, said: tuple[str, ...] = ()) -> str:
    """The words inside a point's gap marker: what the writer must add about the point. A task
    is named by its heading, verb and all (`整治…`, not `背街小巷…的具体举措`); a heading that
    argues (`这是提升城区品质的必然要求`) by what it argues for; a diagnosis by its topic. A task
    whose writer's sentences (`said`) name its unit or its time is not asked for them again."""
    task = _ORDINAL_LEAD.sub("", heading)
    argued = _ARGUED.match(task)
    if role == "why" and (argued or _WHY.search(task)):
        return f"联系本地实际，讲清{argued.group(1) if argued else topic}的现实意义和紧迫性"
    named = 2 < len(task) <= HEADING_CHARS and role != "problems"
    subject = (task if named else topic) or "本要点"
    if len(subject) > HEADING_CHARS and "，" in subject:  # a whole sentence is no subject
        subject = "这方面"
    if role == "why":
        # a recognition says what it recognises (`要充分肯定大家的付出`: 大家的付出); a point of a
        # section that argues (`要克服麻痹思想` under `充分认识…`), why it is asked
        if (recognises := _RECOGNISES.match(task)) and task[recognises.end() :]:
            return f"可举一两个本地典型事例，讲讲{task[recognises.end() :]}"
        if (lead := _ORDINAL_LEAD.match(heading)) and lead.group().endswith("要"):
            return f"可举本地实情和事例，讲清为什么要{task}"
        return f"可举本地实情和数据，讲清{task or subject}"  # a finding (`应急管理任务越来越重`)
    if role == "problems":
        return f"{subject}方面的具体表现和典型事例"
    words = "".join(said)
    if role == "guarantee":
        if _CHECKS.search(subject):  # `严格督查考核`: not its 督查办法 again
            wanted = ["督查标准"]
            # `每半月通报一次`: not its 频次; `约谈主要负责同志`: not its 问责情形
            wanted += [] if "通报" in words and _NAMES_TIME.search(words) else ["通报频次"]
            wanted += [] if _HOLDS_TO_ACCOUNT.search(words) else ["问责情形"]
            return _of(subject, join_cn(wanted))
        return _of(subject, "责任分工、推进机制和督查办法")
    if role == "exhort":
        return _of(subject, "具体要求，可举正反两方面的事例")
    if role == "remind":
        return _of(subject, "具体要求")
    if role == "account":
        return _of(subject, "具体做法、实际数据或事例")
    wanted = ["具体举措"]
    wanted += [] if _NAMES_UNIT.search(words) else ["责任单位"]
    wanted += [] if _NAMES_TIME.search(words) else ["时间节点"]
    return _of(subject, "、".join(wanted))


def _of(subject: str, wanted: str) -> str:
    """`{subject}的{wanted}`, or, when the subject says 的 itself (`办好群众“最忧”的事`),
    `{subject}，需写明{wanted}` (no `…的事的具体举措`)."""
    if "的" in subject:
        return f"{subject}，需写明{wanted}"
    return f"{subject}的{wanted}"


class GapNote(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """A point the bank knew too little about: what the writer must add, about how many characters."""

    point: str  # the point's key, `s1.p2`
    wanted: str  # what to add, as the gap says it
    chars: int  # characters of the point's budget the material left unfilled
