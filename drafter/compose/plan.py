"""Planning a draft: what it says that involves no choice from the bank.

Headings of sections and points (literal, from a skeleton and fillers, or a bank heading set),
topics, tags, the values of the bank's named slots, the writer's own words, and warnings about
uneven parallel headings. `drafter.compose.pipeline` renders a template over this plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

from drafter.bank.load import Bank
from drafter.bank.model import Entry, fill, slots_of
from drafter.compose import roles
from drafter.compose.brief import Brief, HeadingPlan, Section
from drafter.compose.gap_wording import Purpose, purpose
from drafter.compose.outline import clean_user_text, end_sentence, join_cn, mark, strip_end
from drafter.compose.templating import chinese_count
from drafter.errors import SelectionError
from drafter.patterns import LazyPattern
from drafter.record import Record
from drafter.vocabulary import GENERAL_KINDS, KINDS, OCCASION_KINDS, kind_name


def sentence(text: str) -> str:
    """A writer's text as one sentence of markup, ending in punctuation."""
    return end_sentence(clean_user_text(text))


def bare(text: str) -> str:
    """A writer's text without its final punctuation, to fill a slot or a heading."""
    return strip_end(clean_user_text(text))


_DID = LazyPattern(r"^对(.+?)(?:进行了|进行|作了|作出了|作出|做了)(?:具体|全面|周密|详细)?(?:安排部署|部署)")


def earlier_work(did: str) -> str:
    """What an earlier speaker spoke about, from what they did: `对X进行了安排部署` gives `X`.

    The bank's acknowledgements say `对{earlier_work}进行安排部署`; a `did` of another shape gives ""
    (so no such phrase is picked and the template says the writer's own words instead).
    """
    match = _DID.match(bare(did))
    return match.group(1) if match else ""


# The skeleton words a heading opens on: an ordinal's 要, an adverb, a verb (`要切实抓好…`,
# `压实…`); what follows is the heading's subject (`道路交通安全`, `安全生产责任`).
_SKELETON_OPENING = LazyPattern(
    r"^(?:[一二三四五六七八九十]+[是要])?(?:要(?![素求点害件务案闻]))?(?:切实|着力|全力|持续|进一步|扎实|大力|认真|更加|全面|坚决)?"
    r"(?:抓好|抓实|抓紧|做好|做实|压实|加强|强化|推进|推动|深化|优化|提升|提高|突出|狠抓|守牢|筑牢|"
    r"织密|补齐|健全|完善|落实|坚持|聚焦|围绕|打好|打赢|严肃|加快|实施|开展|确保|推行|"
    r"壮大|整治|发展|建设|带动|克服|备足|备齐|严管|严防|筑牢|培育|看到|认清|正视)?"
)
# (要 of 要素, 要求, 要点… is the word's own)
_LEAD = LazyPattern(r"^(?:[一二三四五六七八九十]+[是要])?(?:要(?![素求点害件务案闻]))?")


def subject(heading: str) -> str:
    """What a heading is about, its skeleton words dropped (`要抓好道路交通安全` gives `道路交通安全`,
    `压实安全生产责任` `安全生产责任`): the default `topic`. A heading that is all skeleton, or
    whose rest is too short to stand alone (`要坚持学习` → `学习`), keeps its verb (`坚持学习`)."""
    plain = bare(heading)
    match = _SKELETON_OPENING.match(plain)
    rest = plain[match.end() :] if match else plain
    if rest.startswith(("和", "与", "及", "并", "、")):  # `坚持和发展…`: the verbs go together
        rest = _LEAD.sub("", plain)
    if rest.endswith("工作") and len(rest) > 4:
        rest = rest[:-2]
    return rest if len(rest) >= 3 else _LEAD.sub("", plain)


def _point_topic(heading: str, fillers: Mapping[str, str] | None, section_topic: str) -> str:
    """A point's topic: the one filler its skeleton heading holds when that says the subject
    (`这是{X}的必然要求` with X 提升城区品质 is about 提升城区品质), else its heading's subject,
    else its section's topic."""
    values = [bare(v) for v in (fillers or {}).values() if v]
    if len(values) == 1 and len(values[0]) >= 4:
        return values[0]
    return subject(heading) if heading else section_topic


class PointView(Record):  # not a dataclass: cheaper to define (issue 12)
    """A point as templates see it."""

    __slots__ = (
        "avoid",
        "heading",
        "heading_plain",
        "index",
        "key",
        "material",
        "nearby",
        "own_tags",
        "problems",
        "purpose",
        "tags",
        "text",
        "topic",
        "use",
    )
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "topic": "",
        "own_tags": list,
        "nearby": list,
        "material": None,
        "purpose": "task",
        "use": list,
        "avoid": list,
    }
    index: int
    key: str
    heading: str  # marked text, "" when the point has none
    heading_plain: str
    text: list[str]  # the writer's own sentences, each ending in punctuation
    tags: list[str]
    problems: bool
    topic: str  # what the point is about (its heading's subject, else the section's topic)
    own_tags: list[str]  # the point's own, before its section's
    nearby: list[str]  # the writer's words around it: lead-in, heading
    material: str | None  # the brief's `material`: none, few, more or unset
    purpose: Purpose  # what the point does in the speech (`gap_wording.purpose`)
    use: list[str]  # entries pinned for this point
    avoid: list[str]  # entries banned for this point


_TURN = LazyPattern(r"但|然而|不过|仍|依然|还不|还有|还存在|同时")


class SectionView(Record):  # not a dataclass: cheaper to define (issue 12)
    """A section as templates see it."""

    __slots__ = (
        "enumerator",
        "heading",
        "heading_plain",
        "index",
        "lead_in",
        "points",
        "problems",
        "tags",
        "topic",
    )
    DEFAULTS: ClassVar[dict[str, Any]] = {"enumerator": None, "points": list}
    index: int
    heading: str  # marked text, "" when the section has none
    heading_plain: str
    topic: str
    lead_in: str
    tags: list[str]
    problems: bool
    enumerator: str | None  # the brief's numbering for the points, e.g. "{n}要"
    points: list[PointView]

    @property
    def count(self) -> str:
        return chinese_count(len(self.points))

    @property
    def turns(self) -> bool:
        """Whether the section's lead-in turns from what was done to what is still to be faced
        (`…实现“双下降”，但基础还不牢固`): a new task's demands may follow it, not good figures alone."""
        return bool(_TURN.search(self.lead_in))

    @property
    def of_tasks(self) -> bool:
        """Whether the section's points are tasks: a work plan's (`task`), or headings that open
        on doing (`修订好村规民约`, `建好红白理事会` in a training): not led in on 把握 or 意思."""
        return any(p.purpose == "task" or _DOES.match(p.heading_plain) for p in self.points)


# A heading that opens on doing something (`修订好村规民约`, `要建立…`).
_DOES = LazyPattern(
    r"^(?:[一二三四五六七八九十]+[是要])?要?(?:修订|建好|建立|建设|规范|抓好|做好|推进|落实|完善|健全|"
    r"加强|开展|实施|制定|组建|设立|推行|打造|整治|改造)"
)


class Plan(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """Everything about a draft that does not depend on the bank's random choices."""

    sections: list[SectionView]
    slots: dict[str, str]
    warnings: list[DraftWarning]

    @property
    def points(self) -> list[PointView]:
        return [p for s in self.sections for p in s.points]


class HeadingSet(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """Sibling headings built from a skeleton or a bank set, with the entry they came from, if any."""

    texts: tuple[str, ...]
    entry: Entry | None = None

    def uneven(self) -> bool:
        """True when members differ in length (parallel headings should not)."""
        return len({len(t) for t in self.texts}) > 1


def build_heading_set(skeleton: str, fillers: Sequence[Mapping[str, str]]) -> HeadingSet:
    """Sibling headings from a skeleton (`{X}要更{Y}`) and each member's slot values."""
    names = slots_of(skeleton)
    texts: list[str] = []
    for index, values in enumerate(fillers, start=1):
        missing = [n for n in names if not values.get(n)]
        if missing:
            raise SelectionError(f"heading {index}: skeleton {skeleton} needs {', '.join(missing)}")
        texts.append(fill(clean_user_text(skeleton), {k: bare(v) for k, v in values.items()}))
    return HeadingSet(tuple(texts))


def bank_heading_set(bank: Bank, entry_id: str, needed: int, field: str = "headings.set") -> HeadingSet:
    """A bank `heading_set` entry's members, at least `needed` of them (`field`: where the brief names it)."""
    entry = bank.entries.get(entry_id)
    if entry is None or entry.function != "heading_set":
        known = sorted(e.id for e in bank.draftable("heading_set"))
        hint = f"; known sets: {', '.join(known)}" if known else ""
        raise SelectionError(f"{field}: no heading set {entry_id!r} in the phrase bank{hint}")
    if entry.status != "approved":
        raise SelectionError(f"{field}: heading set {entry_id!r} is {entry.status}, not approved")
    members = entry.member_texts()
    if len(members) < needed:
        raise SelectionError(
            f"{field}: heading set {entry_id!r} has {len(members)} members, the brief needs {needed}"
        )
    return HeadingSet(members[:needed], entry)


def _heading_texts(
    bank: Bank,
    plan: HeadingPlan | None,
    field: str,
    literal: Sequence[str | None],
    fillers: Sequence[dict[str, str] | None],
) -> tuple[list[str], list[str], HeadingSet | None]:
    """(marked, plain) headings for siblings, and the set built from a plan (to check its evenness).

    `field` is where the brief gives the plan (`headings`, `sections.0.point_headings`).
    """
    built: HeadingSet | None = None
    if plan is not None and plan.skeleton is not None:
        wanted = [i for i, text in enumerate(literal) if not text]
        built = build_heading_set(plan.skeleton, [fillers[i] or {} for i in wanted])
        from_plan = dict(zip(wanted, built.texts, strict=True))
    elif plan is not None and plan.set is not None:
        built = bank_heading_set(bank, plan.set, len(literal), f"{field}.set")
        from_plan = dict(enumerate(built.texts))
    else:
        from_plan = {}
    entry = built.entry if built is not None else None
    marked: list[str] = []
    plain: list[str] = []
    for i, text in enumerate(literal):
        if text:
            plain.append(bare(text))
            marked.append(plain[-1])
        elif i in from_plan:
            plain.append(from_plan[i])
            marked.append(mark(entry.id, from_plan[i]) if entry is not None else from_plan[i])
        else:
            plain.append("")
            marked.append("")
    return marked, plain, built


class DraftWarning(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """Something the writer should know about a draft, at a field of the brief (`loc`, pydantic-style)."""

    loc: tuple[str | int, ...]
    message: str

    def __str__(self) -> str:
        where = ".".join(str(part) for part in self.loc)
        return f"{where}: {self.message}" if where else self.message


def _uneven_warning(loc: tuple[str | int, ...], headings: HeadingSet | None) -> DraftWarning | None:
    if headings is None or not headings.uneven():
        return None
    listed = "、".join(f"{t}（{len(t)}字）" for t in headings.texts)
    return DraftWarning(loc, f"并列标题字数不一：{listed}")


# A point heading that states a shortcoming (`开工进度不平衡`, `建后管护跟不上`, `思想观念不适应`).
_SHORTCOMING = LazyPattern(
    r"(?:不平衡|不充分|跟不上|不到位|不适应|不够|不足|不强|不高|不实|不严|滞后|薄弱|缓慢|突出)$"
)


def diagnoses(section: Section) -> bool:
    """Whether a section whose `role` the brief leaves unset is a diagnosis: every point headed by
    a shortcoming (its points then take problem entries and are numbered 一是, not 一要)."""
    headings = [bare(p.heading or "") for p in section.points]
    return bool(headings) and all(_SHORTCOMING.search(h) for h in headings)


def kind_warning(brief: Brief) -> DraftWarning | None:
    """A warning when the occasion names a kind of its own (`…开班式`) that the brief's general
    template is not (`training`): that kind has the occasion's courtesies (欢迎、预祝圆满成功)."""
    kind = kind_name(brief.template)
    if kind not in GENERAL_KINDS:
        return None
    occasion = brief.occasion or ""
    for word, wanted in OCCASION_KINDS:
        if word in occasion:
            return DraftWarning(
                ("template",),
                f"场合“{occasion}”宜用 {wanted} 模板（{KINDS[wanted].split('：')[0]}），可改 template",
            )
    return None


def plan_draft(brief: Brief, bank: Bank) -> Plan:
    """Headings, topics and slot values of a brief: the parts of a draft that involve no choice."""
    warnings: list[DraftWarning] = []
    if (mismatch := kind_warning(brief)) is not None:
        warnings.append(mismatch)
    literal = [s.heading for s in brief.sections]
    fillers = [s.fillers for s in brief.sections]
    marked, plain, built = _heading_texts(bank, brief.headings, "headings", literal, fillers)
    if (warning := _uneven_warning(("headings",), built)) is not None:
        warnings.append(warning)
    sections: list[SectionView] = []
    for i, section in enumerate(brief.sections):
        problems = section.role == "problems" or ("role" not in section.fields_set and diagnoses(section))
        topic = bare(section.topic) if section.topic else subject(plain[i])
        view = SectionView(
            index=i + 1,
            heading=marked[i],
            heading_plain=plain[i],
            topic=topic,
            lead_in=sentence(section.lead_in) if section.lead_in else "",
            tags=list(section.tags),
            problems=problems,
            enumerator=section.enumerator,
        )
        p_literal = [p.heading for p in section.points]
        p_marked, p_plain, p_built = _heading_texts(
            bank,
            section.point_headings,
            f"sections.{i}.point_headings",
            p_literal,
            [p.fillers for p in section.points],
        )
        if (warning := _uneven_warning(("sections", i, "point_headings"), p_built)) is not None:
            warnings.append(warning)
        for j, point in enumerate(section.points):
            tags = list(dict.fromkeys([*point.tags, *section.tags]))
            view.points.append(
                PointView(
                    index=j + 1,
                    key=f"s{i + 1}.p{j + 1}",
                    heading=p_marked[j],
                    heading_plain=p_plain[j],
                    text=[sentence(t) for t in point.text],
                    tags=tags,
                    problems=problems,
                    topic=_point_topic(p_plain[j], point.fillers, topic),
                    own_tags=list(point.tags),
                    nearby=[t for t in (view.lead_in, p_plain[j]) if t],
                    material=point.material,
                    purpose=purpose(kind_name(brief.template), plain[i], p_plain[j], problems),
                    use=list(point.phrases.use),
                    avoid=list(point.phrases.avoid),
                )
            )
        sections.append(view)
    return Plan(sections, _slot_values(brief, sections), warnings)


_GOAL_ADVERB = LazyPattern(
    r"^(?:为了|为)?(?:全力|奋力|努力|坚决)?"
    r"(?=推进|推动|建设|实现|打造|开创|谱写|夺取|促进|成长|成为|争做|争当)"
)


def goal_phrase(goal: str) -> str:
    """The brief's `goal` as the closing frames take it (`为{goal}作出新的更大贡献`): without a
    leading 为 or an adverb before its verb (`全力推进…建设` → `推进…建设`)."""
    plain = bare(goal)
    plain = plain.removeprefix("为了") if plain.startswith("为了") else plain
    if plain.startswith("为") and not plain.startswith(_FOR_PEOPLE):  # `为全县…提供坚实保障`
        plain = plain[1:]
    return _GOAL_ADVERB.sub("", plain)


# A goal whose 为 is its own (`为民办实事`, `为群众办好事`): not the frame's 为 said twice.
_FOR_PEOPLE = ("为民", "为人民", "为群众", "为企业", "为基层")


# `部署` takes work as its object (`部署乡村振兴工作`), not a field or a group (`部署年轻干部`).
_DEPLOYS_A_FIELD = LazyPattern(
    r"^部署(?!.*(?:工作|任务|业务|事项|措施|举措|安排|计划|重点)$)[^，、；。]{2,12}$"
)


def purpose_phrase(purpose: str) -> str:
    """The brief's `purpose` as openings say it: a bare `部署X` whose X is a field or a group gets
    its 工作 (`部署优化营商环境` → `部署优化营商环境工作`), as a writer would mend it; the speaker's
    announcement of his points is not part of it (`announcement`)."""
    plain = split_announcement(bare(purpose))[0]
    return plain + "工作" if _DEPLOYS_A_FIELD.match(plain) else plain


# The speaker announcing his points at the end of a purpose (`…，就信访工作的规范和方法讲几点意见`).
_ANNOUNCEMENT = LazyPattern(
    r"，((?:就|围绕|对)[^，]*(?:讲|提|谈|交流)(?:几点|一些|几条|两点|三点)(?:意见|要求|看法|体会))$"
)


def split_announcement(purpose: str) -> tuple[str, str]:
    """A purpose and the announcement of the speaker's points it ends on, apart (`学习《信访工作
    条例》` and `就信访工作的规范和方法讲几点意见`): `召开…，就是要{purpose}` would make the
    announcement the meeting's aim. ("", …) never: a purpose that is only an announcement stays."""
    match = _ANNOUNCEMENT.search(purpose)
    if not match or match.start() == 0:
        return purpose, ""
    return purpose[: match.start()], match.group(1)


# A goal to prevent, or to keep things as they are (`确保…形势持续稳定`, `确保…度过一个平安祥和的
# 冬春`): one does not 奋斗 for it, one sees to it.
_PREVENTS = LazyPattern(
    r"^(?:确保|力争|保证).*(?:不发生|不出现|零发生|零事故|不反弹|稳定|平稳|安定|祥和)|"
    r"^(?:防止|杜绝|遏制|严防)"
)


def goal_shape(goal: str) -> str:
    """How a closing may say the goal: a pledge (`确保…`, `力争…`) or a battle (`夺取…胜利`, `打赢…`)
    fits `为{goal}而努力奋斗`, not `为{goal}作出贡献` (nor `而奋勇前进`); a person's aim (`成长为…`)
    fits `努力{goal}`, not `为成长为…而奋斗`; a means (`以项目建设的新成效推动…`) is said as it
    stands, never after 为 (`为以…`), and so is a resolve to win or to prevent (`坚决打赢…这场硬仗`,
    `确保不发生重特大森林火灾`: one does not 奋斗 for what must not happen); any other goal fits
    every call (`plain`)."""
    if goal.startswith(("以", "用")):
        return "means"
    if goal.startswith("坚决") or _PREVENTS.search(goal):
        return "resolve"
    if goal.startswith(("成长", "成为", "争做", "争当", "让", "使")):  # `为让群众…而奋斗` is no Chinese
        return "aim"
    if goal.startswith(("确保", "力争", "保证", "坚决", "夺取", "打赢", "打好")):
        return "pledge"
    return "plain"


def _parallel_topics(sections: Sequence[SectionView]) -> list[str]:
    """The sections' topics as an opening lists them (`围绕{topics}…`): parallel, so the headings as
    they stand when only some lost their verbs (`严管火源和提升扑救能力`, not `严管火源和扑救能力`)."""
    topics = [s.topic for s in sections]
    headings = [bare(s.heading_plain) for s in sections]
    kept = [t == h for t, h in zip(topics, headings, strict=True)]
    return headings if any(kept) and not all(kept) and all(headings) else topics


# What an occasion is, as `这次{gathering}的主要任务是…` names it (`gathering_of`).
_GATHERINGS = (
    "培训班",
    "研讨班",
    "座谈会",
    "论坛",
    "推进会",
    "动员大会",
    "表彰大会",
    "大会",
    "运动会",
    "大赛",
    "博览会",
)


def gathering_of(occasion: str) -> str:
    """What an occasion is, said after 这次: a 培训班 is not a 会议 (nor a 论坛, a 座谈会); a meeting
    of two (`总结暨表彰大会`) is a 大会, not its second part; a festival or a week's campaign is an
    `活动`."""
    if "暨" in occasion and occasion.endswith("大会"):
        return "大会"
    found = next((word for word in _GATHERINGS if word in occasion), "")
    if not found and _FESTIVE_EVENT.search(occasion):  # `油菜花旅游文化节`, `网络安全宣传周`: no 会议
        return "活动"
    return found or "会议"


_FESTIVE_EVENT = LazyPattern(r"(?:节|宣传周|活动周|宣传月)(?:开幕式|闭幕式)?$")


def _slot_values(brief: Brief, sections: Sequence[SectionView]) -> dict[str, str]:
    """Brief-wide values of the named slots (`vocabulary.SLOTS`); places add their own."""
    values = {
        "occasion": brief.occasion or "",
        "gathering": gathering_of(brief.occasion or ""),
        "org": roles.own_org(brief),
        "superior": roles.superior(brief),
        "audience_org": roles.audience_org(brief),
        "region": brief.region or "",
        "audience": brief.audience or "",
        "purpose": purpose_phrase(brief.purpose) if brief.purpose else "",
        "thanks_to": brief.thanks_to or "",
        "topics": join_cn(_parallel_topics(sections)),
        "count": chinese_count(len(sections)),
        "achievement": "，".join(bare(a) for a in brief.achievements),
        "goal": goal_phrase(brief.closing.goal) if brief.closing.goal else "",
        "slogan": bare(brief.closing.slogan) if brief.closing.slogan else "",
    }
    if len(brief.acknowledge) == 1:
        values["earlier_speaker"] = brief.acknowledge[0].who
        values["earlier_work"] = earlier_work(brief.acknowledge[0].did)
    return {k: clean_user_text(v) for k, v in values.items() if v}


def own_words(brief: Brief, plan: Plan) -> list[str]:
    """Everything the writer wrote that the draft says: bank text must not repeat it."""
    words = [brief.purpose or "", *brief.achievements, *brief.situation, *brief.closing.text]
    words += [a.did for a in brief.acknowledge]
    for section in plan.sections:
        words += [section.lead_in, section.heading_plain]
        for point in section.points:
            words.extend(point.text)
    return [clean_user_text(w) for w in words if w]
