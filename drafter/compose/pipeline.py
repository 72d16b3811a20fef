"""Composing a draft: brief + bank + template → outline markup → `Document`, with trace and length.

`compose()` is the in-process API the CLI, the tests and the benchmarks use. It plans the draft
(`drafter.compose.plan`), renders the brief's template with a `SpeechContext` (the object templates call
`phrase(...)` and `speech.elaborate(point)` on), parses the markup (`drafter.compose.outline`) and repeats
the rendering until the length lands near the target (`drafter.compose.length`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

from drafter.bank.load import Bank
from drafter.bank.model import Entry, fill
from drafter.compose import roles
from drafter.compose.about import (
    about,
    aspect_of,
    catalogue,
    piles,
    restates,
    retells,
    says_a_writers_clause,
    says_a_writers_run,
    strays,
    subject_of,
)
from drafter.compose.brief import Brief
from drafter.compose.gap_wording import GapNote, gap_wanted
from drafter.compose.generic import GENERIC_TERMS
from drafter.compose.length import (
    AIM,
    DEFAULT_POINT_BUDGET,
    MAX_PASSES,
    LengthFigures,
    balance,
    rescale_filled,
    sibling_capped,
    widened,
    within,
)
from drafter.compose.limits import Limits
from drafter.compose.outline import (
    clean_user_text,
    end_sentence,
    mark,
    mark_gap,
    one_line,
    parse_outline,
    strip_marks,
)
from drafter.compose.paragraph import WHY, ends_on_slogan_list, opening_run, stage
from drafter.compose.plan import (
    DraftWarning,
    Plan,
    PointView,
    SectionView,
    bare,
    earlier_work,
    goal_shape,
    own_words,
    plan_draft,
    sentence,
    split_announcement,
)
from drafter.compose.relevance import infer_domain, tokens
from drafter.compose.select import Catalog, Pick, Selector, key_terms, repeats_terms, shingles
from drafter.compose.templating import TEMPLATE_SUFFIX, TemplateSet, chinese_number
from drafter.document import GAP_CLOSE, GAP_OPEN, Document, DocumentMeta
from drafter.errors import SelectionError
from drafter.patterns import LazyPattern
from drafter.trace import TraceRow, trace_rows
from drafter.vocabulary import KIND_SALUTATIONS, OCCASION_SALUTATIONS, kind_name

# What fills a point, in turn, until its budget is spent (a material the bank cannot supply drops out).
POINT_MATERIALS: tuple[str, ...] = ("requirement", "parallel", "requirement", "quote", "requirement")
PROBLEM_MATERIALS: tuple[str, ...] = ("problem",)
ONCE_PER_POINT = frozenset({"quote", "parallel"})  # more than one of these in a paragraph is too much
# A four-character run is a fragment (抓铁有痕、踏石留印); in a point it is said as a requirement,
# led by one of the verbs the corpus leads such runs with (chosen by seed and point, for variety).
PARALLEL_FRAMES: tuple[str, ...] = ("真正做到", "切实做到", "要做到", "自觉做到")
_RUN_VERBS = ("要", "做到", "切实", "真正", "坚持")  # a run starting so needs no frame
# Bank material sentences a point may take, by the brief's `material` (unset: `None`).
MATERIAL_CAP: dict[str | None, int] = {"none": 0, "few": 1, None: 2, "more": 4}
# A point on why the work matters takes at most this many: its substance is the local situation.
WHY_CAP = 1
WRITER_SHARE = 0.6  # of a writer's sentence's key terms a bank sentence says to say it again
GAP_SHARE = 0.5  # a point whose material fills less than this share of its budget gets a gap
# ... and in a draft that falls short of its length, this share: there a point padded to half its
# budget is as much in want of the writer's facts as an empty one (issue 8, fresh readers)
SHORT_GAP_SHARE = 0.75
# Functions whose entries may point back (`这里面主要包含…`, `这就要求…`): said only after the writer's
# own words (`after=` in `phrase`).
BACK_REFERRING = frozenset({"section.lead_in", "transition"})
ECHO_RUN = 6  # characters in a row that a purpose shares with its occasion to say it again
HEADING_ECHO = 5  # ... that a lead-in shares with its part's heading to say it again
# What the leader who called a meeting does at it (a visitor who says `我来参加这个会` does not).
_CONVENERS_ACT = LazyPattern(r"^(?:部署|安排|研究|总结|通报|动员)")


def _sets_work(purpose: str) -> bool:
    """Whether a purpose is the convener's: it opens on his act (`部署…`), or deploys on the way
    (`交流去年…工作，部署今年…`)."""
    return bool(_CONVENERS_ACT.match(purpose)) or "部署" in purpose


# A closing that opens on its call (`让我们…`, `我们要…`), not on a motto before it (`新的征程已经启航，
# …。让我们…`, `同志们，时代呼唤担当，奋斗成就梦想，我们…`, `新时代新征程，…`).
_PLAIN_CALL = LazyPattern(r"^(?:同志们，)?(?:让我们|我们|\{audience_org\}要)")
_QUOTE_MARKS = str.maketrans("", "", "“”‘’")
_A_MEETING = LazyPattern(r"(?<!大)会议?$")  # a working meeting (`工作会议`, `座谈会`), not a 大会
# What frames an occasion's work (`全县…2026年度工作总结会`): its region, year and kind of meeting.
_OCCASION_FRAME = LazyPattern(
    r"^(?:全[省市县区镇乡]|[^\s]{1,4}[省市县区镇乡](?=[\u4e00-\u9fff]{4}))?|"
    r"(?:\d{4}年度?|年度)?(?:工作)?(?:总结会|总结大会|会议|推进会|部署会|动员大会|大会|座谈会)$"
)
_RAISED = LazyPattern(r"建议|问题|困难|意见|诉求")
_NOT_VIEWS = LazyPattern(r"意见|建议|介绍|汇报|通报|经历|情况|困难|问题")


def gave_views(dids: Sequence[str]) -> bool:
    """Whether earlier speakers who `did` so gave their views (`作了发言`, `谈了看法`), which `各方面
    提出了许多好的意见和建议` sums up: not suggestions said already (`提了很好的建议`), nor reports,
    stories or difficulties (`介绍了…情况`, `讲了扎根村卫生室的经历`, `讲了…方面的困难`)."""
    return bool(dids) and not any(_NOT_VIEWS.search(did) for did in dids)


# A purpose that announces the points itself (`就…讲几点意见`, `并就…提一些要求`)
_ANNOUNCES_POINTS = LazyPattern(r"(?:讲|提|谈|交流)(?:几点|一些|几条|两点|三点)(?:意见|要求|看法|体会)")
_WORK = LazyPattern(r"[^，；。]+")  # the work a purpose names in one phrase (`全县森林防灭火工作`)
_PEOPLE = LazyPattern(r"干部|人才|学员|队伍")  # work on people (`年轻干部工作`), not a field's
_HOLDS = LazyPattern(r"^(?:举办|举行|召开)")  # a purpose that holds the event (`举办这期培训班，…`)
# Lead-ins that follow a review of achievements (`同时我们也清醒认识到…`, `在肯定成绩的同时…`).
_AFTER_ACHIEVEMENTS = LazyPattern(r"^(?:同时|在?肯定成绩的同时|成就有目共睹)")
# The verbs that announce a speech's or a part's points (said once: `强调两点` … `强调两点`).
_ANNOUNCING = LazyPattern(r"强调|把握|讲(?=[几一两三四五六七八九十{])|提(?=[几一两三四五六七八九十{])")
# A figure in a reviewed achievement (`新建…养老服务中心四个`, `覆盖过半行政村`, `下降12%`).
_FIGURE = LazyPattern(
    r"[0-9０-９]|[一二两三四五六七八九十百千万]+(?:个|家|所|项|名|人|次|户|条|座|处|公里|亩|万|亿|倍|成|批)|"
    r"百分之|过半|翻番"
)
# Words for all of a region's work, its head's to say (`向战斗在{region}各条战线上的…`, `向所有为{region}
# 建设和发展作出贡献的同志们`, `向所有关心支持{region}发展的…`).
_WHOLE_REGION = ("{region}各条战线", "为{region}建设和发展", "关心支持{region}发展")


# A call to rally around the leadership (`团结在{superior}周围`, `在{superior}的正确领导下`), and
# slogans of the era that only a head closes on.
_RALLY = LazyPattern(r"团结在\{superior\}周围|\{superior\}(?:的正确|坚强)领导下")
_REFLECTS = LazyPattern(r"想|思考|考虑|琢磨")
_NOT_OF_TASKS = LazyPattern(r"强调|把握|意思")  # lead-ins of requirements and meanings, not of tasks
_OF_TASKS = LazyPattern(r"(?:抓好|做好)(?:以下|\{count\}个方面)工作")  # ... and those of tasks
_LAY = LazyPattern(
    r"企业家|企业|工商户|商户|经营户|农户|医生|村医|乡医|教师|老师|群众|居民|市民|游客|乡亲|老同志|五老|"
    r"志愿者|学生|家长"
)
# ... and what is said to cadres (and to veterans), not to them
_CADRES_WORDS = LazyPattern(r"担当使命|冲锋在前|再立新功")
_ELDERS = LazyPattern(r"五老|老同志|老干部|离退休")
_RALLY_ROUND = LazyPattern(r"(我们要|让我们)更加紧密地?团结在([^，。！]+?)周围")
RISK_FIELDS = frozenset({"安全生产", "防汛抗旱与应急"})  # fields whose work is to prevent
_LOFTY = ("时代重任", "只争朝夕", "时代呼唤担当", "踔厉奋发")
# A season's task (a harvest's purchase, a flood season, a winter's fire watch), a rectification or
# a push to finish is seen through, not persisted in for years: no `久久为功` to close it.
_SEASONAL = LazyPattern(
    r"秋粮|夏粮|收购|汛|春耕|三夏|三秋|秋收|冬春|今冬明春|春运|旺季|高温|节日|节前|两节|"
    r"整改|专项整治|推进会"  # ... nor is a rectification or a push to finish
)


OVERLAP = 4  # characters in a row two parts' topics share to say one subject twice


def _overlapping(topics: Sequence[str]) -> bool:
    """Whether two of `topics` share `OVERLAP` characters in a row (`安全生产工作`, `今年安全生产…`)."""
    for i, one in enumerate(topics):
        runs = {one[k : k + OVERLAP] for k in range(len(one) - OVERLAP + 1)}
        if any(run in other for other in topics[i + 1 :] for run in runs):
            return True
    return False


def _speaks_for_region(text: str) -> bool:
    return any(words in text for words in _WHOLE_REGION)


_DIRECTS = LazyPattern(r"把握|强调|要求")  # a lead-in that directs its listeners
_FESTIVAL = LazyPattern(r"(?:教师|护士|医师|记者|警察|劳动|青年|儿童|建军|重阳)节")
# The commonest surnames (they cover most of the population), for a person named after his role
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
)
# A person named (`张华同志`, `退休教师周德明`, `老党员王秀兰`)
_NAMED = LazyPattern(
    r"[\u4e00-\u9fff]{2,3}同志|(?:教师|老师|党员|干部|书记|主任|医生|村医|民警|辅警|校长|队长|职工|工人|"
    rf"志愿者|村民|老兵|军人|社工|网格员|护士|法官|检察官|所长|站长|院长|厂长|护林员|司机|农民|快递员|"
    rf"骑手|环卫工人|保洁员|店主|经理|工程师|技术员|教授|律师|消防员|辅导员|园长|馆长|支书|组长)[{_SURNAMES}]"
    r"[\u4e00-\u9fff]{1,2}"
    # ... or a collective by its name (`“青禾”禁毒志愿服务队`)
    r"|”[\u4e00-\u9fff]{0,8}(?:队|站|所|中心|协会|小组|工作室)"
)
_LEARNT = LazyPattern(r"^要?(?:学习|学)(?:他们|她们)(.{2,})$")  # what a point learns from the honoured
FACT_CHARS = 60  # about what a gap for a review's figures or a model's deeds wants written
# What an earlier speaker did: reviewed (`作了全面总结`), or asked for work (`作了部署`, `提出了要求`).
_REVIEWED = LazyPattern(r"总结|通报|汇报|报告|回顾")
_ASKED = LazyPattern(r"部署|安排|要求|讲话|指示")
_BACK_REFERENCE = LazyPattern(r"^(?:这|那|其中|以上|上述)")


# How a topic that names a thing, not an act, ends (`道路交通安全`, `防汛物资储备`, `企业主体责任`).
_NOUN_TOPIC = LazyPattern(
    r"(?:安全|工作|建设|管理|治理|保障|服务|储备|整治|防控|监管|项目|环境|体系|机制|制度|"
    r"生产|民生|就业|教育|医疗|养老|防汛|抗旱|防火|生态|振兴|产业|招商|隐患|风险|应急|救援|物资|排查|"
    r"学习|能力|纪律|作风|规范|方法|责任|党建|监督|形势|任务)$"
)


# A frame that calls its topic a foundation (`{topic}是…的重要基础`) fits a lasting good, not a task.
_FOUNDATION = LazyPattern(r"(?:安全|保障|生态|环境|民生|就业|教育|体系|制度)$")


def caps(point: PointView, extra: int = 0) -> tuple[int, int]:
    """How many bank sentences a point takes: its base by its `material` (`MATERIAL_CAP`), and its
    cap, the base and the `extra` a long draft of few points grants one whose `material` is unset."""
    base = MATERIAL_CAP[point.material]
    if point.purpose == "why":  # the bank's requirements say how, not why: the writer's facts do
        return min(base, WHY_CAP), min(base, WHY_CAP)
    return base, base + (extra if point.material is None else 0)


def _thing(topic: str, frame: str) -> bool:
    """Whether `topic` names a thing a frame can say (`做好{topic}工作`, not `做好学深悟透工作`;
    `安全生产是…的重要基础`, not `隐患排查是…的重要基础`)."""
    if "重要基础" in frame and not _FOUNDATION.search(topic):
        return False
    return bool(_NOUN_TOPIC.search(topic)) and not ("{topic}工作" in frame and topic.endswith("工作"))


# Material serves a point only from this share of the rarest token's weight up (`relevance.Index`:
# BM25 over the point's words, divided by the query's size; the weight grows with the bank, and the
# scores with it): below it, the sentences readers found about another aspect of the field
# (`健全…应急指挥体系` under `备足防汛物资`, 0.32; `严守宅基地管理…底线红线` under `严守耕地红线`, 0.29;
# `加强灵活就业…劳动者权益保障` under `稳定就业`, 0.25), against 0.39–0.64 for those on the point
# (`强化老旧小区养老服务设施配建…` under `完善养老服务`, 0.56; `统筹推进加装电梯…` under `解决加装电梯难的
# 难题`, 0.64). In a bank of a few entries the ranking's own threshold decides.
MATERIAL_SHARE = 0.38
# Material of a kindred field (`select.KINDRED_DOMAINS`) ranks below the speech's own field's.
KINDRED_WEIGHT = 0.5


class Elaboration:  # not a dataclass: cheaper to define (issue 12)
    """A point's bank material, in the order a speech says it.

    `lead`: why the point matters, said right after the heading (`做好道路交通安全工作意义重大。`);
    `body`: requirement
    or problem sentences, after the writer's own, by `stage` (why, what, how, close); `end`:
    four-character runs (`切实做到……`) that sum up; `gap`: a marked gap (`〔待补：…〕`) when the
    bank had too little about the point. Iterating gives all of them in that order.
    """

    __slots__ = ("body", "end", "gap", "lead")

    def __init__(self, lead: list[str], body: list[str], end: list[str], gap: str = "") -> None:
        self.lead, self.body, self.end, self.gap = lead, body, end, gap

    def __iter__(self) -> Iterator[str]:
        return iter([*self.lead, *self.body, *self.end, *([self.gap] if self.gap else [])])

    def __len__(self) -> int:
        return len(self.lead) + len(self.body) + len(self.end) + (1 if self.gap else 0)


def _default_salutation(brief: Brief) -> str:
    """Whom a speech addresses when its brief does not say: the audience its occasion names
    (`OCCASION_SALUTATIONS`: 老师们 at a Teachers' Day meeting), else its kind's, else 同志们."""
    occasion = brief.occasion or ""
    named = next((words for word, words in OCCASION_SALUTATIONS if word in occasion), None)
    return named or KIND_SALUTATIONS.get(kind_name(brief.template), brief.salutation)


def _fits_goal(text: str, shape: str) -> bool:
    """Whether a closing's words fit a goal of `shape` (see `plan.goal_shape`)."""
    if shape == "pledge":
        return "{goal}而" in text and "前进" not in text
    if shape == "aim":
        return "努力{goal}" in text
    return "为{goal}" not in text  # a means, a resolve


def _framed(function: str, pick: Pick) -> str:
    """A pick as a sentence of a paragraph: an end mark when it has none, and before a four-character
    run without a verb of its own the first of `PARALLEL_FRAMES` (`SpeechContext._reframe` settles it)."""
    marked = mark(pick.entry.id, pick.text)
    ended = end_sentence(marked)
    if function == "parallel" and ended != marked and not pick.text.startswith(_RUN_VERBS):
        return PARALLEL_FRAMES[0] + ended
    return ended


_SUBJECT_CHARS = 8  # a heading's 要 this near its start follows its subject (`各级党委要重视支持`)
# How a heading that states a finding ends (`火险等级持续偏高`, `野外用火管控难度大`, `餐饮场所用气不够规范`).
_STATE = LazyPattern(
    r"(?:突出|不足|偏高|偏低|偏弱|薄弱|严峻|滞后|增多|频发|高发|不强|不到位|不够[\u4e00-\u9fff]{0,4}|不止|"
    r"较大|较多|不高|不严|不实|缺失|难度大|压力大|较重|加重|复杂|不平衡|不充分|不少|依然存在|仍然存在)$"
)


def says_is(heading: str) -> bool:
    """Whether a heading is a 是-sentence (`这是…的需要`, `文物是不可再生的珍贵资源`): counted 第一，,
    not `一是这是…` nor `一是文物是…`."""
    return "是" in strip_marks(heading)[:_IS_CHARS]


_IS_CHARS = 5  # a heading's 是 this near its start says what its subject is


def states(heading: str) -> bool:
    """Whether a point heading states a finding rather than asks for work (`老旧管网隐患依然突出`)."""
    plain = strip_marks(heading).rstrip("。！；")
    return not plain.startswith("要") and bool(_STATE.search(plain))


class Enumerator(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """A family of ordinals (`{n}是`, `第{n}，`) for one enumeration."""

    family: str
    entry_id: str | None = None

    def at(self, n: int) -> str:
        return fill(self.family, {"n": chinese_number(n)})

    def label(self, n: int, heading: str) -> str:
        """A run-in point heading: ordinal + heading + 。 (`一要` + `要讲大局` gives `一要讲大局`, and a
        heading with a subject of its own `一是各级党委要…`; a heading that says 这是 is counted 第一，,
        not `一是这是…`)."""
        ordinal = self.at(n)
        plain = strip_marks(heading)
        if ordinal.endswith("要") and plain.startswith("要"):
            ordinal = ordinal[:-1]
        elif ordinal.endswith("要") and "要" in plain[:_SUBJECT_CHARS]:  # `各级党委要重视支持`: 一是…
            ordinal = ordinal[:-1] + "是"
        if ordinal.endswith("是") and says_is(heading):
            ordinal = f"第{chinese_number(n)}，"
        return end_sentence(ordinal + heading) if heading else ordinal


Ranked = list[tuple[float, str, Entry]]  # (score, function, entry), best first


class PointMaterial:
    """What the points' material is (`SpeechContext._about`, `_best`), worked out once per draft."""

    def __init__(self) -> None:
        self.about: dict[tuple[str, tuple[str, ...]], Ranked] = {}
        self.best: dict[tuple[str, ...], dict[str, tuple[str, float]]] = {}
        self.elsewhere: dict[tuple[str, str], frozenset[str]] = {}
        self.subjects: dict[str, frozenset[str]] = {}  # function -> all points' distinctive words


class SpeechContext:
    """What a template sees as `speech` (and `phrase`): the planned parts and the selection helpers."""

    def __init__(
        self,
        brief: Brief,
        plan: Plan,
        selector: Selector,
        limits: Limits | None = None,
        memo: PointMaterial | None = None,
        short: bool = False,
    ) -> None:
        """`limits`: each point's budget and cap (`caps`); none: no bank material in the points;
        `memo`: what each point's material is, shared by the renders of one draft; `short`:
        whether the draft falls short of its length (a point then wants `SHORT_GAP_SHARE` of its
        budget or of its floor in `limits`, its even share before a sibling's cap: the cap keeps
        the bank's sentences balanced, and the gap says what the length still wants)."""
        self.brief = brief
        self.sections = plan.sections
        self._points = plan.points
        self._memo = PointMaterial() if memo is None else memo
        self._short = short
        self.thin = False  # whether a point without a gap was filled below `SHORT_GAP_SHARE`
        self._selector = selector
        self.limits = Limits({}, {}) if limits is None else limits
        self._calls: dict[str, int] = {}
        self._enumerators: dict[tuple[str, ...], Enumerator] = {}
        self._closed_with_run = False  # whether the point drafted last ended on a four-character run
        self._announced: set[str] = set()  # verbs the opening announced its points with (`强调`)
        self._led: set[str] = set()  # ... and the parts' lead-ins (`关于…，我强调两点：`)
        self._deferred = False  # whether the speaker agreed with a superior who spoke before him
        self._calling = False  # whether the closing call is being chosen (`call`)
        self._points_said = False  # whether the opening said already that points follow
        self._rallied = False  # whether the closing call ended on a rally (`…而奋斗！`)
        self._hoped = False  # whether the close said its hopes for the audience (`希望大家…`)
        self._rank = roles.rank(brief)  # the speaker's level (`roles.beyond_level`)
        self.domain = selector.catalog.domain
        self.gaps: list[GapNote] = []
        # for each gap, the characters its point's material filled (None: a gap for the writer's facts)
        self.filled: list[int | None] = []
        title = brief.title
        if isinstance(title, list):
            self.title_lines = [clean_user_text(t) for t in title]
        elif title:
            self.title_lines = [clean_user_text(title)]
        else:
            self.title_lines = [f"在{clean_user_text(brief.occasion or '')}上的讲话"]
        subtitle = clean_user_text(brief.subtitle or "")
        self.subtitle_lines = [subtitle if subtitle.startswith("—") else "——" + subtitle] if subtitle else []
        speaker = "　".join(x for x in (brief.speaker.post, brief.speaker.name) if x)
        date = brief.date
        self.byline_lines = [clean_user_text(speaker), f"（{date.year}年{date.month}月{date.day}日）"]
        salutation = clean_user_text(
            brief.salutation if "salutation" in brief.fields_set else _default_salutation(brief)
        )
        self.salutation = salutation if salutation.endswith(("：", ":")) else salutation + "："
        self.achievements = [sentence(a) for a in brief.achievements]
        self.purpose = sentence(plan.slots["purpose"]) if plan.slots.get("purpose") else ""
        # the speaker's announcement a purpose ended on, said after it (`下面，我就…讲几点意见。`)
        self.announced = split_announcement(bare(brief.purpose or ""))[1]
        self.acknowledgements = [
            (clean_user_text(a.who), bare(a.did), earlier_work(a.did)) for a in brief.acknowledge
        ]
        self.situation = [sentence(t) for t in brief.situation]
        self.goal = plan.slots.get("goal", "")
        self.closing_text = [sentence(t) for t in brief.closing.text]
        self.closing_thanks = brief.closing.thanks
        self.slogan = plan.slots.get("slogan", "")

    @property
    def _answering(self) -> bool:
        """Whether the speech answers those it heard (a symposium): it directs no one."""
        return kind_name(self.brief.template) == "symposium"

    @property
    def festive(self) -> bool:
        """Whether the speech is given on a festival of its audience's (`庆祝第四十二个教师节`): its
        greeting is the festival's (`致以节日的问候和诚挚的祝福`)."""
        return any(_FESTIVAL.search(text) for text in (self.brief.occasion or "", self.purpose))

    @property
    def gathering(self) -> str:
        """What the speech's occasion is (`plan.gathering_of`), as `这次{gathering}的主要任务是…` says it."""
        return self._selector.slots.get("gathering", "会议")

    def _site(self, function: str) -> str:
        count = self._calls.get(function, 0)
        self._calls[function] = count + 1
        return f"{function}#{count}"

    def phrase(
        self,
        function: str,
        tags: Sequence[str] = (),
        needs: Sequence[str] = (),
        only: Sequence[str] = (),
        **slots: object,
    ) -> str:
        """A bank phrase of `function` with provenance markers, or "" when none fits.

        `tags` steer the choice by topic; `needs` names slots the phrase must use; `only`, when
        given, names the entries that may serve (a formula that fits one place of one kind of
        speech, such as the wrap-up after a diagnosis); `slots` adds values for this place
        (`earlier_speaker=`, `topic=`, `count=`).
        """
        back = bool(slots.pop("after", ""))  # whether something is said before it that 这… can point to
        heading = str(slots.pop("heading", ""))  # the part's heading, which a lead-in does not say again
        tasks = bool(slots.pop("tasks", False))  # whether the part's points are tasks (not 把握, not 意思)
        work = self._purpose_work() if function == "opening.transition" and self._deferred else ""
        if work.endswith("工作"):
            # after a superior: his points are the meeting's; this speaker adds the details of the work
            return f"下面，我就做好{work}讲几点具体意见。"
        values = {k: clean_user_text(str(v)) for k, v in slots.items() if v}
        site = self._site(function)
        accept = None
        if only:
            wanted = set(only)
            accept = [e.text for e in self._selector.candidates(function) if e.id in wanted]
        elif "goal" in needs and (shape := goal_shape(self.goal)) != "plain":
            accept = [e.text for e in self._selector.candidates(function) if _fits_goal(e.text, shape)]
        elif function == "closing.thanks" and self._rallied:  # after a rally, not a chat's close
            chats = ("我今天就讲",)
            accept = [e.text for e in self._selector.candidates(function) if not e.text.startswith(chats)]
        elif function in BACK_REFERRING and not back:  # `这里面…` needs something before it
            accept = [
                e.text for e in self._selector.candidates(function) if not _BACK_REFERENCE.match(e.text)
            ]
        offered = self._texts(function) if accept is None else accept  # `only` naming none: none
        if self.goal and (shape := goal_shape(self.goal)) != "plain" and any("{goal}" in t for t in offered):
            # a text that says the goal says it in the goal's shape, asked for or not (`为让…` is no Chinese)
            accept = offered = [t for t in offered if "{goal}" not in t or _fits_goal(t, shape)]
        if function == "opening.review" and (self.domain or self.brief.role == "guest"):
            # `…{region}经济平稳发展，社会大局持续稳定` is a region's year, not a field's nor a visitor's
            accept = offered = [t for t in offered if "{region}经济" not in t]
        if not roles.heads(self.brief.speaker.post) and any(_speaks_for_region(t) for t in offered):
            # `向战斗在全县各条战线上的…` is the county head's to say, not a bureau chief's
            accept = offered = [t for t in offered if not _speaks_for_region(t)]
        if function == "closing.call" and not self._grand:  # the call alone, or a hope (once)
            accept = offered = [
                t for t in offered if _PLAIN_CALL.match(t) or (t.startswith("希望") and not self._hoped)
            ]
        if function == "closing.call":
            accept = offered = [t for t in offered if self._fits_call(t)]
        if function == "section.lead_in":
            # a lead-in on a subject (`作风好坏，影响…政府形象`, tagged 作风) leads a part that says it
            topic = values.get("topic", "")
            said = {
                e.text
                for e in self._selector.candidates(function)
                if not e.tags or any(tag in topic for tag in e.tags)
            }
            accept = [
                t
                for t in offered
                if t in said
                and self._fits_lead_in(t, site, values)
                and shingles(heading, HEADING_ECHO).isdisjoint(shingles(t, HEADING_ECHO))  # `清醒认识…`
                and not (tasks and _NOT_OF_TASKS.search(t))  # tasks are 抓好, not 强调, 把握 nor 意思
                and not (not tasks and _OF_TASKS.search(t))  # ... and requirements are not 抓好
            ]
        elif function == "opening.purpose":
            accept = [t for t in offered if self._fits_purpose(t, values)]
        elif function == "opening.transition":
            accept = [t for t in offered if self._fits_transition(t, values)]
        pick = self._selector.pick(
            function, site=site, tags=list(tags), slots=values, needs=needs, accept=accept
        )
        if pick is not None and function == "section.lead_in":
            self._led |= set(_ANNOUNCING.findall(pick.entry.text))
        if pick is not None and function == "opening.transition":
            self._announced |= set(_ANNOUNCING.findall(pick.entry.text))
            if "{count}点" in pick.entry.text:  # `这里，我着重强调两点。` counts the points already
                self._announced.add("{count}点")
        if pick is None:
            return ""
        text = pick.text
        if function == "closing.call":
            self._hoped = self._hoped or text.startswith("希望")
            self._rallied = self._rallied or text.endswith("！")  # `…再立新功！`: no chat's close after
            text = self._rally(text)
        return mark(pick.entry.id, text)

    @property
    def _rallies(self) -> bool:
        """Whether the speaker may rally his audience (`让我们团结一心…`, `我们要…`): one at a meeting
        of his own (a region's leader, or a department's head at his system's), not a visitor (he
        hopes: `希望大家…`), nor one who speaks after a superior (he asks the audience to carry it
        out: `call`)."""
        return self.brief.role != "guest" and not self._deferred

    def _fits_call(self, text: str) -> bool:
        """Whether a closing call fits the speaker and the audience. Learning from the honoured
        (`…以{honoured}为榜样`) always does. One who may not rally (`_rallies`), or who speaks to
        entrepreneurs, doctors or residents (`_lay_audience`), hopes; one who may, calls (`call`:
        no hope); a department's head hopes or asks his own system (`{audience_org}要…`). Only a
        head rallies round the party committee (`团结在{superior}周围`) or says the era's slogans
        (`勇担时代重任`, `踔厉奋发`), and not at a season's task, a rectification or a 推进会, which
        is not closed on `久久为功` either; a safety or flood speech does not 奋斗; a cadre's words
        (`担当使命`, `冲锋在前`) are not said to a lay audience."""
        post = self.brief.speaker.post
        if "为榜样" in text:  # learning from the honoured (`…要以{honoured}为榜样`) is no rally
            return True
        if not self._rallies or self._lay_audience:
            # ... nor is a rally said to entrepreneurs or doctors: they are hoped for
            if not text.startswith("希望"):
                return False
        elif self._calling and text.startswith("希望"):
            return False  # the call of one who may rally rallies (让我们…): a hope is a visitor's
        elif not roles.leads_region(post) and not (text.startswith(("希望", "{audience_org}要"))):
            return False  # a department's head hopes, or asks his own system (`全县民政系统要…`)
        if not roles.heads(post) and (any(w in text for w in _LOFTY) or "团结在{superior}周围" in text):
            return False
        if _SEASONAL.search(self.brief.occasion or "") and (
            "久久为功" in text or "团结在{superior}周围" in text or "踔厉奋发" in text
        ):
            return False  # a season's task, a rectification, a 推进会: seen through, and no congress
        if self.domain in RISK_FIELDS and "奋斗" in text:
            return False  # safety is held (坚决守住…底线、确保…), not striven for (…不懈奋斗)
        if self.domain == "党风廉政" and "坚定信心" in text:
            return False  # discipline is kept, not believed in (坚定信心 is for growth and reform)
        return not (_CADRES_WORDS.search(text) and self._lay_audience)

    @property
    def assigns(self) -> bool:
        """Whether the speaker assigns the work: a region's leader at a meeting of his own, who
        demands (`解决这些问题一刻也不能放松`), not pledges (`我们一定…加以解决`)."""
        return self.brief.role == "convener" and roles.leads_region(self.brief.speaker.post)

    @property
    def elders(self) -> bool:
        """Whether the audience are old comrades (`“五老”同志`, `老干部`): they are wished good health."""
        said = " ".join(filter(None, [self.brief.audience, self.brief.audience_org, self.brief.salutation]))
        return bool(_ELDERS.search(said))

    @property
    def _lay_audience(self) -> bool:
        """Whether the audience are not cadres (`各位企业家`, `乡村医生代表`, `五老`)."""
        said = " ".join(filter(None, [self.brief.audience, self.brief.salutation, self.brief.occasion]))
        return bool(_LAY.search(said)) and "干部" not in said

    @property
    def _grand(self) -> bool:
        """Whether the closing call may open on a motto (`时代赋予使命，奋斗铸就辉煌。让我们…`,
        `新的征程已经启航，…`): a governor's or a secretary's, on the whole of the work (no field:
        a safety or a flood meeting closes on its task), and not after his hopes (`希望大家…`: a
        motto between hope and call stacks three perorations). A deputy or a department head
        closes on the call alone."""
        return not self._hoped and not self.domain and roles.heads(self.brief.speaker.post)

    def _rally(self, text: str) -> str:
        """A call to rally around the party committee alone: one unites around `县委`, not around
        `县委、县政府` (under their leadership, both: `在县委、县政府的正确领导下`); a party committee's
        secretary works under the committee above (`我们要在市委的坚强领导下，锐意进取…`)."""
        superior = self._selector.slots.get("superior", "")
        if superior and roles.leads_party(self.brief.speaker.post):
            return _RALLY_ROUND.sub(lambda m: f"{m[1]}在{m[2]}的坚强领导下", text)
        party, _, government = superior.partition("、")
        if not government:
            return text
        return text.replace(f"团结在{superior}周围", f"团结在{party}周围")

    def call(self) -> str:
        """The call that ends the speech on its goal: from the bank when an entry fits the goal's
        shape (`plan.goal_shape`), else in the template's own words, shaped to it."""
        self._calling = True  # one who may rally calls, he does not hope (`_fits_call`)
        bank = self.phrase("closing.call", needs=["goal"])
        self._calling = False
        self._rallied = True  # every call below ends on a rally (`…而努力奋斗！`)
        if bank:
            self._rallied = strip_marks(bank).endswith("！")
            return bank
        shape = goal_shape(self.goal)
        who = self._selector.slots.get("audience_org") or "大家"
        if kind_name(self.brief.template) == "chair_script":  # the chair closes on what follows the meeting
            tasks = f"会后，{who}要把会议确定的各项任务抓实抓好"
            return self._goal_after(shape, tasks, tasks, f"{tasks}，为{{goal}}而努力！")
        if self._deferred and self.brief.role != "guest" and not self._lay_audience:
            # after a superior: the audience is asked to carry out what he asked (`…要认真抓好落实，…`)
            return self._goal_after(
                shape, f"{who}要认真抓好落实", f"{who}要全力以赴", f"{who}要认真抓好落实，为{{goal}}而努力！"
            )
        if not self._rallies or self._lay_audience:  # a visitor, a department's head, or one
            # speaking to entrepreneurs or doctors hopes it of the audience
            if any(strip_marks(t).startswith("希望") for t in self.closing_text):
                self._rallied = False
                return ""  # the writer's own hope closes the speech: not a second one
            own_for = (self.brief.closing.goal or "").startswith("为")  # `为…提供坚强人才支撑`: its own 为
            plain = "希望大家共同努力，为{goal}！" if own_for else "希望大家为{goal}而共同努力！"
            return self._goal_after(shape, "希望大家共同努力", "希望大家全力以赴", plain)
        if shape == "aim":  # the speaker hopes it of the audience: he is not one of them
            if self.goal.startswith(("让", "使")):  # `让群众有更多获得感` is what their work brings
                return f"希望大家共同努力，{self.goal}！"
            return f"希望大家努力{self.goal}！"
        if shape == "means":
            return f"同志们，让我们团结一心、真抓实干，{self.goal}！"
        if shape == "plain" and self.domain in RISK_FIELDS:  # held, not striven for
            return f"同志们，让我们团结一心、全力以赴，{self.goal}！"
        if shape == "resolve":
            return f"同志们，让我们团结一心、全力以赴，{self.goal}！"
        return f"同志们，让我们团结一心、真抓实干，为{self.goal}而努力奋斗！"

    def _goal_after(self, shape: str, steady: str, firm: str, plain: str) -> str:
        """The goal said after a call's words, in its shape (`plan.goal_shape`): a means or an aim
        after `steady` (`…共同努力，让群众…！`), a resolve or a pledge after `firm` (`…全力以赴，确保…！`),
        any other goal where `plain` says `{goal}` (`…，为{goal}而努力！`)."""
        if shape in ("means", "aim"):
            return f"{steady}，{self.goal.removeprefix('努力')}！"
        if shape in ("resolve", "pledge"):
            return f"{firm}，{self.goal}！"
        return plain.replace("{goal}", self.goal)

    def problems_in(self, section: SectionView) -> str:
        """What a part on the problems has them in, as `{topic}中的老问题…` says it: its topic when
        that names a thing (`安全生产工作`), else the work the occasion is about (`全县自然资源系统
        2026年度工作总结会` → `自然资源工作`, for `耕地保护和执法`, `存在的问题`)."""
        topic = section.topic
        if _NOUN_TOPIC.search(topic) and "问题" not in topic and "不足" not in topic:
            return topic
        name = _OCCASION_FRAME.sub("", one_line(self.brief.occasion or ""))
        name = name.removesuffix("系统").removesuffix("工作")
        return name + "工作" if len(name) >= 2 else topic

    @property
    def reflects(self) -> bool:
        """Whether the situation the speaker gives is what he has been thinking about (`这段时间，我
        一直在想…`): `这也是召开这次座谈会的原因` follows that, not a figure."""
        return any(_REFLECTS.search(text) for text in self.situation)

    @property
    def raised_issues(self) -> bool:
        """Whether the earlier speakers raised problems or made suggestions (`反映了待遇偏低等问题`)."""
        return any(_RAISED.search(did) for _, did, _ in self.acknowledgements)

    @property
    def heard_views(self) -> bool:
        """Whether the earlier speakers gave their views (`gave_views`)."""
        return gave_views([did for _, did, _ in self.acknowledgements])

    def acknowledged(self) -> list[str]:
        """The earlier speakers, acknowledged one sentence each (`_agree`); call it once per draft
        (each call draws from the bank)."""
        said = [self._agree(who, did, work) for who, did, work in self.acknowledgements]
        # `刚才` once: the later speakers follow the first (`刚才，刘区长…我都同意。东关街道…作了交流发言。`)
        return said[:1] + [text.replace("刚才，", "", 1) for text in said[1:]]

    def _agree(self, who: str, did: str, work: str) -> str:
        """An earlier speaker acknowledged: a deployment approved (`刚才，…进行了安排部署，我都同意。`,
        from the bank when it has the words, else in the writer's); a report, a summary or a
        superior's speech said back, not approved (`刚才，张县长对…作了全面总结。`)."""
        if roles.outranks(who, self.brief.speaker.post):  # a superior is not approved: his words are taken up
            self._deferred = True
            if _REVIEWED.search(did) and not _ASKED.search(did):  # a summary is heard, not carried out
                return f"刚才，{who}{did}。"
            return f"刚才，{who}{did}，我们要认真抓好落实。"
        if not work:  # a report is heard, not approved
            return f"刚才，{who}{did}。"
        bank = self.phrase("opening.acknowledge", earlier_speaker=who, earlier_work=work)
        return bank or f"刚才，{who}{did}，我都同意。"  # a deployment the bank has no words for

    def _texts(self, function: str) -> list[str]:
        return [e.text for e in self._selector.candidates(function)]

    def _fits_lead_in(self, text: str, site: str, values: Mapping[str, str]) -> bool:
        """Whether a section lead-in fits its place: `我再强调…` only after a part led in on 强调, `同时…`,
        `在肯定成绩的同时…` only after achievements; a count only of two points or more (`重点强调
        一点` announces nothing); `关于{topic}方面`, `{topic}包括…` only of a topic that names a
        thing (not `关于驰而不息纠治四风方面`); none saying the opening's verb again (`这里，我着重
        强调两点` then `重点强调两点`); none on the region's development as a whole (`综合判断，
        {region}发展面临…`) in a speech on one field; at a symposium, none that directs
        (`重点把握好两点`: what the speaker says there answers those he heard)."""
        if self._answering and _DIRECTS.search(text):
            return False
        if self.domain and "{region}发展" in text:  # the region's whole economy, not one field's
            return False
        first = site.endswith("#0")
        if first and _AFTER_ACHIEVEMENTS.match(text) and not self.achievements:
            return False
        verbs = set(_ANNOUNCING.findall(text))
        if "再" in text and not verbs <= self._led:  # `我再强调三点` after a part that 强调 only
            return False
        if verbs & self._announced:
            return False
        if "{count}点" in text and "{count}点" in self._announced and first:  # `两点` … `两点`
            return False
        if "{count}" in text and values.get("count") == "一":
            return False
        return "{topic}" not in text or bool(_NOUN_TOPIC.search(values.get("topic", "")))

    def _fits_purpose(self, text: str, values: Mapping[str, str]) -> bool:
        """Whether an opening that states the purpose fits: a visiting leader does not 部署 at
        another's meeting (`我来参加这个会，主要是部署…`), and a purpose that says the occasion's
        words again is not said beside the occasion (`召开…党风廉政建设工作会议，就是要部署…党风廉政
        建设工作`); one that works on the parts' topics (`持续加强{topics}`) only when each names a
        thing (`工作规范`, not `“三个难题”`); a working meeting is not 举行, nor a 表彰大会 a 仪式."""
        purpose = values.get("purpose") or self.purpose
        if text.startswith("我来参加") and _sets_work(purpose):
            return False  # a visitor deploys nothing at another's meeting
        if "举行{occasion}" in text and _A_MEETING.search(self.brief.occasion or ""):
            return False  # a meeting is 召开, a ceremony 举行 (`在这里举行全市秋粮收购工作会议`)
        if "举行仪式" in text and "仪式" not in (self.brief.occasion or ""):
            return False  # a 表彰大会 is a gathering (今天，我们在这里隆重集会), not a ceremony
        if "{topics}" in text and not all(
            _NOUN_TOPIC.search(section.topic.translate(_QUOTE_MARKS)) for section in self.sections
        ):
            return False
        occasion = self.brief.occasion or ""
        both = "{occasion}" in text and "{purpose}" in text
        return not (both and not shingles(purpose, ECHO_RUN).isdisjoint(shingles(occasion, ECHO_RUN)))

    def names_occasion(self, text: str) -> bool:
        """Whether `text` names the occasion, whole or by `ECHO_RUN` characters of it in a row."""
        occasion = self.brief.occasion or ""
        plain = strip_marks(text)
        return occasion in plain or not shingles(plain, ECHO_RUN).isdisjoint(shingles(occasion, ECHO_RUN))

    def task(self) -> str:
        """The opening's purpose in the template's own words, when the bank has none that fits: the
        convener names the meeting's task (`这次会议的主要任务是…`), or the event a purpose holds
        (`今天，我们在这里举办这期培训班，…`); a visitor does not set another's meeting its task, he
        speaks to it (`根据会议安排，我就做好防汛抗旱工作讲几点意见。`)."""
        if self.brief.role == "guest" and _sets_work(self.purpose):
            self._points_said = True  # the opening transition would announce them again
            work = self._purpose_work()
            if not _WORK.fullmatch(work):  # `总结“双减”工作成效，推动…`: no work to name
                work = ""
            arranged = (
                f"根据{self.gathering}安排" if self.gathering in ("培训班", "研讨班") else "根据会议安排"
            )
            if not work:
                return f"{arranged}，我讲几点意见。"
            if self.gathering in ("培训班", "研讨班"):  # a class is taught, not set its work
                # at its opening, he is glad to attend it first
                glad = self.attending() if "开班" in (self.brief.occasion or "") else ""
                if _PEOPLE.search(work):  # `年轻干部工作` is the office's work on the class, not its
                    return f"{glad}{arranged}，我同大家交流几点意见。"
                return f"{glad}{arranged}，我就{work}同大家交流几点意见。"
            return f"{arranged}，我就做好{work}讲几点意见。"
        if _HOLDS.match(self.purpose) and self.brief.role == "guest":
            # a visitor holds no event: he is glad to attend it, and says what it is for
            held, _, aim = self.purpose.partition("，")
            return self.attending(held[2:]) + (f"这次{self.gathering}的主要任务是{aim}" if aim else "")
        if _HOLDS.match(self.purpose):  # the purpose holds the event: not `…的主要任务是举办…`
            return f"今天，我们在这里{self.purpose}"
        gathering = self.gathering
        if len(gathering) > 2 and self.purpose.startswith(gathering[:2]):  # `动员大会…是动员…`
            gathering = gathering[2:]
        return f"这次{gathering}的主要任务是{self.purpose}"

    def attending(self, event: str = "") -> str:
        """A visitor's first words at another's event (`今天，很高兴参加全市…培训班开班式。`): the
        occasion's name, else `event`'s; "" with neither."""
        name = one_line(self.brief.occasion or event)
        return f"今天，很高兴参加{name}。" if name else ""

    def _purpose_work(self) -> str:
        """The work a purpose sets (`部署森林防灭火工作`: 森林防灭火工作), or "" when it opens on no
        convener's act (`_CONVENERS_ACT`)."""
        purpose = strip_marks(self.purpose).rstrip("。")
        return _CONVENERS_ACT.sub("", purpose) if _CONVENERS_ACT.match(purpose) else ""

    def _fits_transition(self, text: str, values: Mapping[str, str]) -> bool:
        """Whether an opening transition fits: none once the opening said points follow; `再讲…`
        only after others spoke, none of them a superior (his words are not added to); no `强调`
        or `要求` after agreeing with a superior (it would override him); a count only of two
        parts or more (`我着重强调一点` before a part of two points announces the wrong thing);
        points (`着重强调三点`) only of parts that are points, not of sections with points of
        their own (there: `讲三个问题`); no list of the parts' topics that says one subject twice."""
        if self._points_said or ("再" in text and (not self.acknowledgements or self._deferred)):
            return False
        if self._answering and _DIRECTS.search(text):  # `再提两方面要求` to the entrepreneurs heard
            return False
        if set(_ANNOUNCING.findall(text)) & set(_ANNOUNCING.findall(strip_marks(self.purpose))):
            return False  # `…就工作规范和工作方法提一些要求。这里，我提几点要求`
        if (self.announced or _ANNOUNCES_POINTS.search(strip_marks(self.purpose))) and not self.achievements:
            return False  # `…就信访工作的规范和方法讲几点意见。` announced them: no `这里，我…强调几点`
        if "{count}点" in text and any(len(section.points) > 1 for section in self.sections):
            return False
        if (self._deferred or self.brief.role == "guest") and ("强调" in text or "要求" in text):
            return False  # nor does a visitor 强调 or set 要求 at another's meeting
        if kind_name(self.brief.template) == "annual_review" and ("强调" in text or "要求" in text):
            return False  # a year's work is reviewed, not 强调: `我围绕一年来的主要工作…讲三个方面`
        if "{topics}" in text and _overlapping([section.topic for section in self.sections]):
            return False  # `围绕冬春火灾防控工作、冬春火灾防控重点工作和责任落实`: one subject said twice
        count = values.get("count") or self._selector.slots.get("count")
        return "{count}" not in text or count != "一"

    def enumerator(self, *families: str) -> Enumerator:
        """One of `families` (e.g. "{n}是", "{n}要") that the bank approves; the first one if none is."""
        if not families:
            raise SelectionError('enumerator(): name at least one family, such as "{n}是"')
        if families not in self._enumerators:  # one numbering style for like enumerations in a draft
            # not committed: ordinals are reused, unlike phrases
            pick = self._selector.pick(
                "enumerator", site=self._site("enumerator"), slots={"n": "一"}, accept=families, commit=False
            )
            if pick is None:
                self._enumerators[families] = Enumerator(families[0])
            else:
                self._enumerators[families] = Enumerator(pick.entry.text, pick.entry.id)
        return self._enumerators[families]

    def numbering(self, section: SectionView, *families: str) -> Enumerator:
        """The section's own numbering when the brief sets one, else `enumerator(*families)` (one of
        them that suits every point's heading)."""
        if section.enumerator:
            return Enumerator(clean_user_text(section.enumerator))
        if "{n}是" in families and any(says_is(point.heading_plain) for point in section.points):
            return Enumerator("第{n}，")  # `第一，文物是…` beside `第二，文物安全形势…`: not 一是 and 第二，
        if "{n}是" in families and any(
            "要" in point.heading_plain[1:_SUBJECT_CHARS] or states(point.heading_plain)
            for point in section.points
        ):  # `各级党委要重视支持` beside `关心爱护“五老”同志`: all 一是, 二是, not 一是 and 二要; a
            # finding (`火险等级持续偏高`) is no demand: 一是, not 一要
            return self.enumerator("{n}是")
        return self.enumerator(*families)

    def query(self, point: PointView) -> list[str]:
        """What a point is about, as relevance tokens: its heading and the writer's sentences
        (twice: they weigh most), the section's heading and lead-in, the field, the tags."""
        own = [point.heading_plain, *point.text]
        around = [*point.nearby, point.topic, *point.tags]
        if self.domain:
            around.append(self.domain)
        return [*tokens(" ".join(own)) * 2, *tokens(" ".join(around))]

    def material(self, point: PointView, functions: Sequence[str], floored: bool = True) -> Ranked:
        """The material of `functions` about a point, best first (`_about`), leaving out what is
        more about another point of the speech: that point's (`…大气环境治理…` is about `改善空气
        质量`, not its sibling `加强水环境治理`, though both say 环境治理); and, `floored`, what scores
        below `MATERIAL_SHARE` (`drafter suggest` shows the writer those too, to choose from)."""
        found = self._about(point, tuple(functions))
        best = self._best(tuple(functions))
        if floored:  # only what is clearly about the point (its own field's first, then a kindred's)
            floors = {f: MATERIAL_SHARE * self._selector.catalog.index(f).rarest for f in functions}
            found = [
                r for r in found if r[0] >= floors[r[1]] * (KINDRED_WEIGHT if self._kindred(r[2]) else 1)
            ]
        return [
            r
            for r in found
            if (best[r[2].id][0] == point.key or best[r[2].id][1] <= r[0])
            and key_terms(r[2].text).isdisjoint(self._elsewhere(point, r[1]))
        ]

    def _elsewhere(self, point: PointView, function: str) -> frozenset[str]:
        """The distinctive words of the other points' subjects (`about.Subject`) that this point's
        own words do not say: a sentence naming one spans two points (`加强矿山、危化、消防、建筑施工等
        领域安全监管` under `抓好建筑施工安全`, whose sibling is `抓好危化品安全`)."""
        key = (point.key, function)
        if (cached := self._memo.elsewhere.get(key)) is not None:
            return cached
        if (words := self._memo.subjects.get(function)) is None:
            # all points' distinctive words, worked out once per draft (a point's own are among its
            # own words, taken away below: the union of the others' is the union of all less those)
            generic = self._generic(function)
            words = frozenset().union(*(subject_of(p.topic, generic).distinctive for p in self._points))
            self._memo.subjects[function] = words
        own = key_terms(" ".join([point.heading_plain, point.topic, *point.text]))
        self._memo.elsewhere[key] = found = words - own
        return found

    def _best(self, functions: tuple[str, ...]) -> dict[str, tuple[str, float]]:
        """Entry id → the point it is most about (by `_about`), and its score there."""
        if (cached := self._memo.best.get(functions)) is not None:
            return cached
        best: dict[str, tuple[str, float]] = {}
        for point in self._points:
            for score, _, entry in self._about(point, functions):
                if score > best.get(entry.id, ("", 0.0))[1]:
                    best[entry.id] = (point.key, score)
        self._memo.best[functions] = best
        return best

    def _about(self, point: PointView, functions: tuple[str, ...]) -> Ranked:
        """The material of `functions` about a point, best first: ranked by relevance (`query`),
        the point's bans left out, and only entries sharing a bigram with the point's own words
        (heading, the writer's sentences), `about.ABOUT_CHARS` characters' worth, one of the heading's
        (`about.about`): words of the section or
        the field alone make a sentence about a sibling (`防汛物资` under `堤防巡查`), and one word
        in passing is not a subject (`实践中` under `要在实践中磨炼`). Worked out once per point."""
        key = (point.key, functions)
        if (cached := self._memo.about.get(key)) is not None:
            return cached
        own = key_terms(" ".join([point.heading_plain, *point.text]))
        generic = {function: self._generic(function) for function in functions}
        # the heading's subject, verbs aside
        subjects = {f: subject_of(point.topic if point.heading_plain else "", generic[f]) for f in functions}
        query = self.query(point)
        avoid = set(point.avoid)
        # the writer's runs make a requirement about a point on what to do, not on why (a
        # diagnosis `有的企业主体责任停留在纸面上` is not answered by `扛起主体责任` material)
        writer = point.text if point.purpose != "why" else ()
        aspects = {f: aspect_of(subjects[f], point.text, point.nearby, generic[f]) for f in functions}
        context = key_terms(" ".join([point.heading_plain, point.topic, *point.text, *point.nearby]))
        context |= key_terms(self.domain or "")
        found = [
            (
                scored.score * (KINDRED_WEIGHT if self._kindred(entry) else 1.0),
                function,
                entry,
            )
            for function in functions
            for scored, entry in self._selector.relevant(function, query)
            if entry.id not in avoid
            and not roles.beyond_level(self._rank, entry.text)
            and (
                not own
                or about(own, subjects[function], entry.text, generic[function], writer, aspects[function])
            )
            and not strays(entry.text, context, generic[function])
        ]
        self._memo.about[key] = found = sorted(found, key=lambda r: -r[0])
        return found

    def _generic(self, function: str) -> Callable[[str], bool]:
        """Whether a bigram says little about a sentence's subject: generic in the genre
        (`generic.GENERIC_TERMS`), common in this speech's material of `function`, or a word of the
        speech's field's name (`环境` in a 生态环境 speech)."""
        common = self._selector.catalog.common(function)
        field = key_terms(self.domain or "")
        return lambda term: term in GENERIC_TERMS or term in field or common(term)

    def _kindred(self, entry: Entry) -> bool:
        return bool(self.domain) and entry.domain not in (None, self.domain)

    def elaborate(self, point: PointView) -> Elaboration:
        """Bank sentences for a point (marked): a formula for why, the material about the point its
        budget holds (what, how), a close; and a gap when the bank knows too little about it."""
        limits, key = self.limits, point.key  # the budget and cap: asked of `limits` only
        base = caps(point)[0]
        near = [*point.nearby, *point.text]
        query = self.query(point)
        slots = {"topic": point.topic}
        result: list[tuple[str, str, str]] = []  # function, text, text as said (marked)
        spent = 0
        functions = PROBLEM_MATERIALS if point.problems else ("requirement",)
        ranked = self.material(point, functions)
        # pinned: the point's own `phrases.use`, then the brief's (said at the first point with room)
        wanted = [*point.use, *self._selector.use]
        pinned = [(f, e) for i in wanted for f in functions if (e := self._pinned(f, i)) is not None]
        ranked = [(9.0, f, e) for f, e in pinned] + ranked
        pins = {e.id for _, e in pinned}
        taken = 0
        openings = {o for text in point.text if (o := opening_run(text))}
        # words all its sentences may share: the place's, and the writer's (`黑臭水体` said again is
        # the subject, not a repetition: the echo test keeps out a sentence restating the writer's)
        place = [*point.nearby, point.topic, self.domain or ""]
        shared = [*place, *point.text]
        # ... but two of the bank's that share words beyond the place's say one thing twice
        # (`抓实河湖长制…幸福河湖` and `深入实施河湖长制，建设幸福河湖`)
        among_bank = frozenset().union(*(key_terms(t) for t in place))
        writers = [key_terms(t) - among_bank for t in point.text]
        for _, function, entry in ranked:
            if limits.full(key, taken) or limits.spent(key, spent):
                break
            pin = entry.id in pins  # the writer's choice: said whatever the checks below think
            pick = self._selector.usable(
                entry, slots=slots, near=near, about=shared, heading=point.heading_plain, pinned=pin
            )
            if pick is None:
                continue
            if not pin and point.purpose == "why" and stage(function, pick.text) != WHY:
                continue  # a point on why the work matters is not answered with what to do
            run_at_start = opening_run(pick.text)
            if not pin and run_at_start and run_at_start in openings:  # `要不断学习…` twice
                continue
            if not pin and restates(point.heading_plain, pick.text, point.topic):  # `…学深悟透` again
                continue
            if not pin and says_a_writers_clause(point.text, pick.text):  # `抓实河湖长制` after `落实…`
                continue
            if not pin and says_a_writers_run(point.text, pick.text, point.topic):  # `产业链招商` again
                continue
            written = [*point.text, *(text for _, text, _ in result)]  # the paragraph so far
            # against the writer's sentences, `usable`'s echo test; against the bank's said before,
            # the words beyond the place's (`极端天气` again, `河湖长制…幸福河湖` twice)
            drafted = [key_terms(t) for _, t, _ in result]
            if not pin and repeats_terms(pick.text, drafted, among_bank, share=0.0):
                continue
            # ... and one that says most of a writer's sentence again in other order (`稳定和扩大高校
            # 毕业生、农民工…就业` after `重点帮扶高校毕业生和农民工就业`) adds nothing to it
            if not pin and repeats_terms(pick.text, writers, among_bank, share=WRITER_SHARE):
                continue
            if not pin and piles(point.topic, "".join(t for _, t, _ in result), pick.text):  # a third time
                continue
            if not pin and retells(point.text, point.topic, "".join(written), pick.text):  # `黑臭水体` again
                continue
            said = _framed(function, pick)
            size = len(strip_marks(said))
            if not pin and spent and limits.overrun(key, spent + size / 2):
                continue
            self._selector.commit(pick)
            result.append((function, pick.text, said))
            openings.add(run_at_start)
            spent += size
            taken += 1
        material_spent = spent
        lead: list[str] = []
        # a heading that argues already (`这是优化营商发展环境的必然要求`) is not argued again
        argues = point.heading_plain.startswith("这是")
        if point.purpose == "why" and not argues and not limits.spent(key, 0) and not limits.full(key, 0):
            # a formula says why the point matters, at a point on why (one at most)
            # a frame on the point's topic (`做好{topic}工作意义重大`): a formula without it was
            # written for one place of one kind of speech (a template names it with `only=`)
            why = self._formula("requirement", point, "why", near, slots, needs=("topic",))
            if why is not None and "{topic}" in why.entry.text and not _thing(point.topic, why.entry.text):
                why = None  # `做好{topic}工作` wants a thing (`道路交通安全`), not an act (`学深悟透`)
            if (
                why is not None
                and stage("requirement", why.text) == WHY
                and opening_run(why.text) not in openings
            ):
                self._selector.commit(why)
                lead.append(_framed("requirement", why))  # why it matters: right after the heading
                spent += len(why.text)
        run = False
        # the sentence the run would follow: the last of the body once staged, else the writer's
        body_order = sorted(
            ((stage(f, text, True), text) for f, text, _ in result if f not in ("quote", "parallel")),
            key=lambda s: s[0],
        )
        last = [text for _, text in body_order][-1:] or point.text[-1:]
        if (
            taken  # a close sums up material; after the writer's words alone it is padding
            and not self._closed_with_run
            and not point.problems
            and not (last and ends_on_slogan_list(last[0]))  # no 做到 run right after a slogan list
        ):
            close = self._close(point, query, near)
            if close is not None:
                self._selector.commit(close)
                result.append(("parallel", close.text, _framed("parallel", close)))
                run = True
        self._closed_with_run = run
        gap = ""
        some = not limits.full(key, 0) and limits.below(key, 0, 1)  # a cap and a gap budget
        # a point its cap filled wants no more of the bank; in a short draft, it wants the writer's
        share = SHORT_GAP_SHARE if self._short else GAP_SHARE
        if some and (taken < base or self._short) and limits.below(key, material_spent, share):
            gap = self._gap(point, material_spent)
        elif some and limits.below(key, material_spent, SHORT_GAP_SHARE):
            self.thin = True
        staged = [(stage(f, text, run), said) for f, text, said in result if f not in ("quote", "parallel")]
        body = [said for _, said in sorted(staged, key=lambda s: s[0])]
        end = [said for function, _, said in result if function == "parallel"]
        if end:  # reframed once the paragraph is known, so that its frame does not echo a sentence
            end = [self._reframe(point, [*point.text, *map(strip_marks, body)], text) for text in end]
        return Elaboration(lead=lead, body=body, end=end, gap=gap)

    def _pinned(self, function: str, entry_id: str) -> Entry | None:
        group = self._selector.catalog.group(function)
        candidate = group.by_id.get(entry_id)
        return candidate.entry if candidate is not None else None

    def _close(self, point: PointView, query: Sequence[str], near: Sequence[str]) -> Pick | None:
        """A four-character run that closes the point: material about it, else a formula on one of
        the point's topic tags. An untagged point gets no formula run: a general one (`大胆闯、
        大胆试、大胆干`) under `压实企业主体责任` is about something else; nor does a point whose
        heading does not say the tag the run shares with it (`畅通急事、疏通难事、融通特事`, tagged
        `服务`, under `要加大教育投入`, tagged `服务`).
        The genre's runs are on the cadres' conduct (`干中学、学中干`, `抓铁有痕、踏石留印`): they
        close a point that asks for conduct (`exhort`), not a task (`日常工作能尽责…` under
        `压实属地和部门监管责任`, `围绕中心、服务大局` under `补齐养老服务短板`)."""
        for _, _, entry in self.material(point, ("parallel",)):
            pick = self._selector.usable(entry, near=near, about=[*point.nearby, point.topic])
            if pick is not None:
                return pick
        if not point.tags or point.purpose != "exhort":
            return None
        pick = self._formula("parallel", point, "close", near)
        if pick is None or not any(
            tag in point.heading_plain for tag in set(pick.entry.tags) & set(point.tags)
        ):
            return None
        return None if catalogue(pick.text) else pick  # a list of nouns sums up nothing

    def _formula(
        self,
        function: str,
        point: PointView,
        step: str,
        near: Sequence[str],
        slots: Mapping[str, str] | None = None,
        needs: Sequence[str] = (),
    ) -> Pick | None:
        """A formula of `function` for one step of a point (proposed, not yet committed)."""
        return self._selector.pick(
            function,
            site=f"{point.key}.{step}",
            tags=point.own_tags or point.tags,
            slots=slots,
            needs=needs,
            near=near,
            commit=False,
            formula=True,
            about=[*point.nearby, point.topic],
        )

    def _gap(self, point: PointView, filled: int) -> str:
        """The marked gap of a point whose material filled `filled` characters, worded for it, and
        counted for the summary."""
        # a visitor assigns no units and dates at another's meeting: his task points want what he asks
        role = "remind" if point.purpose == "task" and self.brief.role == "guest" else point.purpose
        wanted = gap_wanted(point.topic, point.heading_plain, role, tuple(point.text))
        self.gaps.append(GapNote(point.key, wanted, max(self.limits.owed(point.key, filled), 0)))
        self.filled.append(filled)
        return mark_gap(f"{GAP_OPEN}{wanted}{GAP_CLOSE}")

    def _noted(self, point: PointView, wanted: str) -> str:
        """A marked gap for facts only the writer has (`FACT_CHARS` of them, whatever the budgets)."""
        self.gaps.append(GapNote(point.key, wanted, FACT_CHARS))
        self.filled.append(None)
        return mark_gap(f"{GAP_OPEN}{wanted}{GAP_CLOSE}")

    def figures_gap(self, point: PointView) -> str:
        """A gap after a reviewed achievement the writer gave no figure for (`全年优良天数比例同比
        提高`): a review that goes out without its numbers says nothing; "" when it has one."""
        if any(_FIGURE.search(text) for text in point.text):
            return ""
        return self._noted(point, f"{point.topic or point.heading_plain}的具体数据")

    def deeds_gap(self, point: PointView) -> str:
        """A gap after a point on what to learn from the honoured whose writer's sentences name
        none of them (`有的老师在山区学校一干就是三十年`): a commendation names its models; "" when
        they do (`…张华同志…`)."""
        if any(_NAMED.search(text) for text in point.text):
            return ""
        learnt = _LEARNT.match(point.heading_plain)
        shown = f"，体现他们{learnt.group(1)}" if learnt else ""  # `学习他们…的敬业精神`: 他们…
        return self._noted(point, f"一两位先进典型的姓名和事迹{shown}")

    def _reframe(self, point: PointView, said: Sequence[str], framed: str) -> str:
        """A framed run (`切实做到……。`) led by a frame the paragraph does not say already."""
        frame = next((f for f in PARALLEL_FRAMES if framed.startswith(f)), None)
        if frame is None:  # the run brings its own verb
            return framed
        paragraph = "".join(said)
        fresh = [f for f in PARALLEL_FRAMES if f not in paragraph] or list(PARALLEL_FRAMES)
        chosen = self._selector.rng(f"{point.key}.frame").choice(fresh)
        return chosen + framed[len(frame) :]


class _BankSources(Mapping[str, tuple[str, ...]]):
    """Entry id → sources, read from the bank only for the ids a draft uses (entries build lazily)."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self.bank.entries[key].sources

    def __iter__(self) -> Iterator[str]:
        return iter(self.bank.entries)

    def __len__(self) -> int:
        return len(self.bank.entries)


class Draft(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """A composed speech: the document, its markup, where each bank sentence came from, its length."""

    document: Document
    markup: str
    trace: tuple[TraceRow, ...]
    length: LengthFigures
    warnings: tuple[DraftWarning, ...]
    seed: int
    gaps: tuple[GapNote, ...] = ()
    domain: str | None = None

    def gap_summary(self) -> str:
        """`3 处待补，约需补写 400 字` (characters to the nearest ten), or "" without gaps."""
        if not self.gaps:
            return ""
        chars = sum(g.chars for g in self.gaps)
        shown = round(chars, -1) if chars >= 100 else chars
        return f"{len(self.gaps)} 处待补，约需补写 {shown} 字"


def _meta(brief: Brief, context: SpeechContext) -> DocumentMeta:
    return DocumentMeta(
        title="　".join(context.title_lines),
        author=brief.org or "",
        date=brief.date,
        font_profile=brief.font_profile,
    )


def speech_domain(brief: Brief, plan: Plan) -> str | None:
    """The brief's `domain`, else the field its words name (`relevance.infer_domain`)."""
    if brief.domain:
        return brief.domain
    words = [brief.occasion or "", *(brief.title if isinstance(brief.title, list) else [brief.title or ""])]
    words += [brief.purpose or "", *brief.situation]
    for section in plan.sections:
        words += [section.heading_plain, section.lead_in, *section.tags]
        for point in section.points:
            words += [point.heading_plain, *point.text, *point.own_tags]
    return infer_domain(words)


class _Pass(NamedTuple):
    """One render of a draft: with what limits, what it drafted, which gaps it marked."""

    limits: Limits
    short: bool
    markup: str
    document: Document
    gaps: list[tuple[GapNote, int | None]]  # each gap, and what its point's material filled
    thin: bool


def compose(
    brief: Brief, bank: Bank, templates: TemplateSet, seed: int | None = None, *, gaps: bool = True
) -> Draft:
    """Draft the speech a brief asks for, from `bank`, with the brief's template in `templates`.

    `gaps=False` leaves points the bank knows too little about short without marking them.
    """
    seed = brief.seed if seed is None else seed
    plan = plan_draft(brief, bank)
    domain = speech_domain(brief, plan)
    sources = _BankSources(bank)
    info = templates.infos.get(brief.template)
    name = str(info.path) if info is not None else brief.template + TEMPLATE_SUFFIX
    keys = [p.key for p in plan.points]
    target = brief.length.target_chars

    catalog = Catalog(bank, brief.template, said=own_words(brief, plan), domain=domain, role=brief.role)
    memo = PointMaterial()  # what each point's material is: the same in every render
    notes: list[GapNote] = []

    thin = [False]  # whether the last render left a point thin without a gap (`SpeechContext.thin`)
    passes: list[_Pass] = []  # the renders so far

    def render(
        budgets: list[int],
        extra: Mapping[str, int] | None = None,
        short: bool = False,
        fair: Sequence[int] = (),
    ) -> tuple[str, Document, list[GapNote]]:
        """The draft with these budgets and extra sentences (`short`: marking the gaps a draft short
        of its length has against the `fair` budgets): rendered, or the earlier render that would
        draft the same (`Limits.alike`)."""
        limits = Limits(
            dict(zip(keys, budgets, strict=True)),
            {p.key: caps(p, (extra or {}).get(p.key, 0))[1] for p in plan.points},
            dict(zip(keys, fair, strict=True)) if short else None,
        )
        done = next((p for p in passes if p.short == short and p.limits.alike(limits)), None)
        if done is None:
            done = _render(limits, short)
            passes.append(done)
        thin[0] = done.thin
        notes = [
            note if filled is None else note._replace(chars=max(limits.owed(note.point, filled), 0))
            for note, filled in done.gaps
        ]
        return done.markup, done.document, notes

    def _render(limits: Limits, short: bool) -> _Pass:
        selector = Selector(
            catalog,
            kind=brief.template,
            seed=seed,
            slots=plan.slots,
            use=brief.phrases.use,
            avoid=brief.phrases.avoid,
            speech=brief.occasion or "",
        )
        context = SpeechContext(
            brief,
            plan,
            selector,
            limits,
            memo,
            short,
        )
        markup = templates.render(
            brief.template, {"brief": brief, "speech": context, "phrase": context.phrase}
        )
        if not gaps:
            markup = _GAP_MARKUP.sub("", markup)
        document = parse_outline(markup, sources, name=name, meta=_meta(brief, context))
        gap_fills = list(zip(context.gaps, context.filled, strict=True))
        return _Pass(limits, short, markup, document, gap_fills, context.thin)

    if target is None:
        markup, document, notes = render([DEFAULT_POINT_BUDGET] * len(keys))
    else:
        markup, document, notes = render([0] * len(keys))
        notes = []
        fixed = document.body_chars()
        if fixed < target:  # else the draft without bank material in its points is the closest
            # the budget is shared evenly among the points (the writer's words count in them)
            own = [len(p.heading_plain) + sum(len(t) for t in p.text) for p in plan.points]
            budgets = balance(target - fixed, own)
            extra: dict[str, int] = {}
            best: tuple[int, str, Document, list[GapNote], list[int], dict[str, int], bool]
            best = (target - fixed, markup, document, notes, budgets, extra, thin[0])
            for _ in range(MAX_PASSES):
                markup, document, notes = render(budgets, extra)
                actual = document.body_chars()
                if abs(actual - target) <= best[0]:  # a tie: the pass that marks its gaps
                    best = (abs(actual - target), markup, document, notes, budgets, extra, thin[0])
                if within(actual, target, AIM) or len(notes) == len(keys):
                    break
                wider = extra
                if actual < target:  # the caps may hold back points with more material: widen them,
                    wider = widened(extra, notes, keys)  # in sections where no sibling lacks any
                rescaled = rescale_filled(budgets, notes, fixed, actual, target, keys)
                if (rescaled, wider) == (budgets, extra):  # the next pass would draft the same again
                    break
                budgets, extra = rescaled, wider
            _, markup, document, notes, budgets, extra, was_thin = best
            capped = sibling_capped(budgets, notes, own, keys)
            # a short draft marks the points its material fills below `SHORT_GAP_SHARE` too
            short = not within(document.body_chars(), target)
            # balance comes before the length: the short sibling's gap says it
            if capped != budgets or (was_thin and short):
                markup, document, notes = render(capped, extra, short, budgets)

    notes = _owed_within(notes, target, document.body_chars())
    missing = sum(n.chars for n in notes)
    length = LengthFigures(document.body_chars(), brief.length.rate, target, len(notes), missing)
    warnings = list(plan.warnings)
    if not notes and (shortfall := length.shortfall()) is not None:
        warnings.append(DraftWarning(("length",), shortfall))
    shown = tuple(notes) if gaps else ()
    return Draft(document, markup, tuple(trace_rows(document)), length, tuple(warnings), seed, shown, domain)


def _owed_within(notes: list[GapNote], target: int | None, reached: int) -> list[GapNote]:
    """The gaps' characters owed against what the target leaves (`target` less what is `reached`):
    each gap's budget was a share of the target, and points with material may have run past theirs
    (a sentence is said whole, and caps widened), so the owed are scaled down to what is left."""
    owed = sum(n.chars for n in notes)
    if target is None or owed == 0 or reached + owed <= target:
        return notes
    room = max(target - reached, 0)
    return [n._replace(chars=n.chars * room // owed) for n in notes]


_GAP_MARKUP = LazyPattern(r"⟦gap⟧.*?⟦/⟧")
