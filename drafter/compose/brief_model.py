"""The brief's pydantic models: they write the JSON Schema and word the errors of a brief.

A valid brief is read without them (`drafter.compose.brief_build` builds the plain classes of
`drafter.compose.brief`); they validate whatever that fast check doubts, so that every error is
reported as before, and `drafter schema` is generated from them. Field descriptions are Chinese:
they appear in editors through the JSON Schema while a writer types. What each field means:
`drafter.compose.brief`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from drafter.compose.brief import DEFAULT_HONOURED, AgendaAct, MaterialAmount, SectionRole, SpeakerRole
from drafter.vocabulary import AGENDA_ACTS, AGENDA_NEEDS_WHAT, DOMAINS, KINDS, domain_key, kind_name

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _schema(description: str, **rules: Any) -> ConfigDict:
    """Config giving a model its Chinese description (and extra rules) in the JSON Schema."""
    return ConfigDict(json_schema_extra={"description": description, **rules})


class Speaker(_Model):
    """Who speaks: the post and, optionally, the name."""

    model_config = _schema("讲话人：职务和姓名")

    post: Text = Field(description="职务，如“市长”“区委书记”")
    name: str = Field("", description="姓名，如“张三”；可不填")


class Acknowledgement(_Model):
    """An earlier speaker to acknowledge, and what they did."""

    model_config = _schema("前面讲话的同志及其所讲内容，开场时予以肯定")

    who: Text = Field(description="前面讲话的同志，如“王区长”")
    did: Text = Field(description="所讲内容，如“对本月的重点工作进行了安排部署”")


class AgendaItem(_Model):
    """One item of a meeting's agenda: who speaks, what they do and, where needed, what about."""

    model_config = _schema("会议的一项议程：谁、做什么（讲话、部署、宣读……）、什么内容")

    who: Text = Field(description="谁，如“县委副书记、县长王明同志”")
    does: AgendaAct = Field(description="做什么：" + "；".join(f"{k} {v[0]}" for k, v in AGENDA_ACTS.items()))
    what: str | None = Field(
        None, description="内容：部署的工作、汇报的事项、宣读的文件、颁奖的对象；部署、汇报、宣读、颁奖必填"
    )

    @model_validator(mode="after")
    def _what_when_needed(self) -> AgendaItem:
        if self.does in AGENDA_NEEDS_WHAT and not (self.what or "").strip():
            wanted = "the work deployed, the matter reported, the document read or who is awarded"
            raise ValueError(f"what: an item that does {self.does} needs a what ({wanted})")
        return self


class HeadingPlan(_Model):
    """How a run of sibling headings is built: from a skeleton with per-item fillers, or a bank set."""

    model_config = _schema(
        "一组并列标题的生成方式：skeleton（骨架，各项给 fillers）与 set（词库中的标题组）二选一",
        minProperties=1,
        maxProperties=1,
    )

    skeleton: str | None = Field(None, description="标题骨架，如“{X}要更{Y}”；各项在 fillers 中给出槽位取值")
    set: str | None = Field(None, description="词库中并列标题组的编号，如 heading_set.yaogeng.bangongshi")

    @model_validator(mode="after")
    def _one_source(self) -> HeadingPlan:
        if (self.skeleton is None) == (self.set is None):
            raise ValueError("give exactly one of skeleton or set")
        return self


class PhraseChoice(_Model):
    """The writer's say over the bank: entries to prefer and entries never to use."""

    model_config = _schema("对词库的要求：优先选用和不要选用的词条编号")

    use: list[str] = Field(default_factory=list, description="优先选用的词条编号")
    avoid: list[str] = Field(default_factory=list, description="不要选用的词条编号")


class Point(_Model):
    """One point of a section: an optional sub-heading, the writer's own sentences, topic tags."""

    model_config = _schema("一个要点：小标题（可选）、讲话人自己的话、主题标签")

    heading: str | None = Field(
        None, description="小标题原文，如“讲大局”；不填则按上级的 point_headings 生成或不设"
    )
    fillers: dict[str, str] | None = Field(None, description="按骨架生成小标题时各槽位的取值")
    text: list[Text] = Field(default_factory=list, description="讲话人自己的话（一句或几句）")
    tags: list[Text] = Field(default_factory=list, description="主题标签，决定选用哪些要求句、四字格和引语")
    material: MaterialAmount | None = Field(
        None,
        description=(
            "本要点用多少词库素材：none 不用、few 至多一句、more 多用（至多四句）；"
            "不填按篇幅定（一般至多两句）"
        ),
    )
    phrases: PhraseChoice = Field(
        default_factory=PhraseChoice, description="本要点优先选用和不要选用的词条编号"
    )


class Section(_Model):
    """One part of the body: heading, optional lead-in, points."""

    model_config = _schema("正文的一个部分：标题、导语（可选）、要点")

    heading: str | None = Field(None, description="部分标题原文；不填则按 headings 生成")
    fillers: dict[str, str] | None = Field(
        None, description="按骨架生成标题时各槽位的取值，如 {X: 站位, Y: 高}"
    )
    topic: str | None = Field(None, description="本部分的主题，填入“关于{topic}方面”；默认取标题")
    lead_in: str | None = Field(None, description="本部分导语（讲话人自己的话）")
    role: SectionRole = Field(
        "requirements",
        description=(
            "本部分的作用：requirements 提要求（默认）；problems 摆问题（选用“有的……”等问题剖析）；"
            "example 学习先进（表彰大会讲受表彰者的事迹和精神，不选要求句）"
        ),
    )
    enumerator: str | None = Field(
        None, description="要点的序号样式，须含 {n}，如“{n}是”“{n}要”“第{n}，”；不填由模板决定"
    )
    point_headings: HeadingPlan | None = Field(None, description="本部分小标题的生成方式")
    tags: list[Text] = Field(default_factory=list, description="本部分的主题标签，各要点继承")
    points: list[Point] = Field(min_length=1, description="要点")


class Closing(_Model):
    """The end of the speech."""

    model_config = _schema("结尾：目标、口号、结束语、致谢")

    goal: str | None = Field(None, description="结尾提出的目标，如“推动全区走在高质量发展的前列”")
    slogan: str | None = Field(None, description="结尾口号")
    text: list[Text] = Field(
        default_factory=list, description="讲话人自己的结束语，如“希望大家进一步树立责任意识”"
    )
    thanks: bool = Field(True, description="是否以致谢结束，如“谢谢大家！”；默认是")


class Length(_Model):
    """Target length: minutes at a speaking rate, or characters."""

    model_config = _schema(
        "目标篇幅：按分钟（乘以语速）或按字数，二者选一", **{"not": {"required": ["minutes", "chars"]}}
    )

    minutes: float | None = Field(None, gt=0, description="讲话时长（分钟）")
    chars: int | None = Field(None, gt=0, description="字数")
    rate: int = Field(220, gt=0, description="语速（字/分钟），默认 220")

    @model_validator(mode="after")
    def _one_target(self) -> Length:
        if self.minutes is not None and self.chars is not None:
            raise ValueError("chars: give minutes or chars, not both")
        return self


class Brief(_Model):
    """A request for one speech draft."""

    model_config = _schema(
        "讲话稿简报：讲话类型、会议、讲话人、日期和讲话人要讲的几个方面。title 与 occasion 至少填一项",
        title="drafter 讲话稿简报",
        anyOf=[{"required": ["title"]}, {"required": ["occasion"]}],
    )

    template: Text = Field(description="讲话类型（模板名），见 drafter templates", examples=list(KINDS))
    title: str | Annotated[list[Text], Field(min_length=1)] | None = Field(
        None,
        description="标题；两段式主标题写成列表，如 [加强工作规范, 注重工作方法]；不填则由 occasion 生成",
    )
    subtitle: str | None = Field(None, description="副标题")
    occasion: str | None = Field(None, description="会议名称，如“全市政府办公室工作会议”")
    speaker: Speaker = Field(description="讲话人")
    date: dt.date = Field(description="讲话日期，写作 YYYY-MM-DD，如 2026-11-30")
    salutation: Text = Field(
        "同志们", description="称谓，默认“同志们”（开幕式、闭幕式致辞默认“各位来宾，同志们，朋友们”）"
    )
    speaker_role: SpeakerRole | None = Field(
        None,
        description=(
            "讲话人的身份：convener 主持召开本次会议的领导、guest 应邀到会的领导、"
            "closing 在别人讲话后作总结讲话；不填时有 acknowledge 则为 closing，否则为 convener"
        ),
    )
    domain: str | None = Field(
        None,
        description="讲话所属领域，如“安全生产”“防汛抗旱”“乡村振兴”；不填则按简报用词推断。其他领域的素材不会选用",
        examples=list(DOMAINS),
    )
    org: str | None = Field(None, description="讲话人所在的机关，如“市政府”“市应急管理局”；不填按职务推断")
    superior: str | None = Field(None, description="上级领导机关，如“市委、市政府”；不填按职务和辖区推断")
    audience_org: str | None = Field(
        None, description="听众所在的系统，如“全市应急管理系统”；不填按机关和辖区推断"
    )
    region: str | None = Field(None, description="辖区范围词，如“全市”“全区”")
    audience: str | None = Field(None, description="听众的称呼")
    purpose: str | None = Field(None, description="会议目的")
    acknowledge: list[Acknowledgement] = Field(default_factory=list, description="要肯定的前面讲话")
    achievements: list[Text] = Field(default_factory=list, description="要回顾和感谢的成绩")
    thanks_to: str | None = Field(None, description="感谢的对象")
    honoured: str | None = Field(
        None, description=f"受表彰的对象（表彰大会），如“{DEFAULT_HONOURED}”；不填即用此说法"
    )
    attendees: str | None = Field(
        None,
        description="出席会议的人员（会议主持词开场介绍），如“县委、县政府领导班子成员，各乡镇主要负责同志”",
    )
    agenda: list[AgendaItem] = Field(
        default_factory=list, description="会议议程（会议主持词用，chair_script 必填）：逐项写谁、做什么"
    )
    situation: list[Text] = Field(
        default_factory=list, description="形势与任务（讲话人自己的话），在开场回顾之后讲"
    )
    headings: HeadingPlan | None = Field(None, description="各部分标题的生成方式")
    sections: list[Section] = Field(min_length=1, description="正文各部分")
    closing: Closing = Field(default_factory=Closing, description="结尾")
    length: Length = Field(default_factory=Length, description="目标篇幅")
    phrases: PhraseChoice = Field(default_factory=PhraseChoice, description="对词库选用的要求")
    font_profile: str | None = Field(None, description=".docx 字体方案：standard、windows 或自定义名称")
    seed: int = Field(0, description="随机种子：同一简报、词库和种子得到同一稿")

    @field_validator("date", mode="before")
    @classmethod
    def _date_not_number(cls, value: Any) -> Any:
        # pydantic would read a bare number as Unix time; a writer never means that
        if isinstance(value, int | float):
            raise ValueError(f"not a date: {value!r}")
        return value

    @field_validator("template")
    @classmethod
    def _current_kind_name(cls, value: str) -> str:
        return kind_name(value)  # `summary` is now `closing_remarks`

    @field_validator("domain")
    @classmethod
    def _known_domain(cls, value: str | None) -> str | None:
        if value is None:
            return None
        key = domain_key(value)
        if key is None:
            raise ValueError(f"unknown domain {value!r}; known: {'、'.join(DOMAINS)}")
        return key

    @model_validator(mode="after")
    def _has_title(self) -> Brief:
        if not self.title and not self.occasion:
            raise ValueError("title: give a title or an occasion (the title is then 在{occasion}上的讲话)")
        return self
