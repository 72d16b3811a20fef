"""The brief: the short YAML file a writer fills in to get a draft.

A brief is "skeleton + the speaker's own substance": the template (speech kind) supplies the
skeleton and the phrase bank the formulas; the brief supplies the occasion, the people and the
things the leader wants to say. Field descriptions are Chinese: they appear in editors through
the JSON Schema while a writer types.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Speaker(_Model):
    """Who speaks: the post and, optionally, the name."""

    post: Text = Field(description="职务，如“市长”“区委书记”")
    name: str = Field("", description="姓名，如“张三”；可不填")


class Acknowledgement(_Model):
    """An earlier speaker to acknowledge, and what they did."""

    who: Text = Field(description="前面讲话的同志，如“王区长”")
    did: Text = Field(description="所讲内容，如“对本月的重点工作进行了安排部署”")


class HeadingPlan(_Model):
    """How a run of sibling headings is built: from a skeleton with per-item fillers, or a bank set."""

    skeleton: str | None = Field(None, description="标题骨架，如“{X}要更{Y}”；各项在 fillers 中给出槽位取值")
    set: str | None = Field(None, description="词库中并列标题组的编号，如 heading_set.yaogeng.bangongshi")

    @model_validator(mode="after")
    def _one_source(self) -> HeadingPlan:
        if (self.skeleton is None) == (self.set is None):
            raise ValueError("give exactly one of skeleton or set")
        return self


class Point(_Model):
    """One point of a section: an optional sub-heading, the writer's own sentences, topic tags."""

    heading: str | None = Field(
        None, description="小标题原文，如“讲大局”；不填则按上级的 point_headings 生成或不设"
    )
    fillers: dict[str, str] | None = Field(None, description="按骨架生成小标题时各槽位的取值")
    text: list[Text] = Field(default_factory=list, description="讲话人自己的话（一句或几句）")
    tags: list[Text] = Field(default_factory=list, description="主题标签，决定选用哪些要求句、四字格和引语")


class Section(_Model):
    """One part of the body: heading, optional lead-in, points."""

    heading: str | None = Field(None, description="部分标题原文；不填则按 headings 生成")
    fillers: dict[str, str] | None = Field(
        None, description="按骨架生成标题时各槽位的取值，如 {X: 站位, Y: 高}"
    )
    topic: str | None = Field(None, description="本部分的主题，填入“关于{topic}方面”；默认取标题")
    lead_in: str | None = Field(None, description="本部分导语（讲话人自己的话）")
    point_headings: HeadingPlan | None = Field(None, description="本部分小标题的生成方式")
    tags: list[Text] = Field(default_factory=list, description="本部分的主题标签，各要点继承")
    points: list[Point] = Field(min_length=1, description="要点")


class Closing(_Model):
    """The end of the speech."""

    goal: str | None = Field(None, description="结尾提出的目标，如“推动全区走在高质量发展的前列”")
    slogan: str | None = Field(None, description="结尾口号")


class Length(_Model):
    """Target length: minutes at a speaking rate, or characters."""

    minutes: float | None = Field(None, gt=0, description="讲话时长（分钟）")
    chars: int | None = Field(None, gt=0, description="字数")
    rate: int = Field(220, gt=0, description="语速（字/分钟），默认 220")

    @model_validator(mode="after")
    def _one_target(self) -> Length:
        if self.minutes is not None and self.chars is not None:
            raise ValueError("give minutes or chars, not both")
        return self

    @property
    def target_chars(self) -> int | None:
        if self.chars is not None:
            return self.chars
        return round(self.minutes * self.rate) if self.minutes is not None else None


class PhraseChoice(_Model):
    """The writer's say over the bank: entries to prefer and entries never to use."""

    use: list[str] = Field(default_factory=list, description="优先选用的词条编号")
    avoid: list[str] = Field(default_factory=list, description="不要选用的词条编号")


class Brief(_Model):
    """A request for one speech draft."""

    template: Text = Field(description="讲话类型（模板名），见 drafter templates")
    title: str | list[Text] | None = Field(
        None,
        description="标题；两段式主标题写成列表，如 [加强工作规范, 注重工作方法]；不填则由 occasion 生成",
    )
    subtitle: str | None = Field(None, description="副标题")
    occasion: str | None = Field(None, description="会议名称，如“全市政府办公室工作会议”")
    speaker: Speaker
    date: dt.date = Field(description="讲话日期，如 2026-11-30")
    salutation: Text = Field("同志们", description="称谓，默认“同志们”")
    org: str | None = Field(None, description="讲话人代表的机关，如“市政府”")
    region: str | None = Field(None, description="辖区范围词，如“全市”“全区”")
    audience: str | None = Field(None, description="听众的称呼")
    purpose: str | None = Field(None, description="会议目的")
    acknowledge: list[Acknowledgement] = Field(default_factory=list, description="要肯定的前面讲话")
    achievements: list[Text] = Field(default_factory=list, description="要回顾和感谢的成绩")
    thanks_to: str | None = Field(None, description="感谢的对象")
    headings: HeadingPlan | None = Field(None, description="各部分标题的生成方式")
    sections: list[Section] = Field(min_length=1, description="正文各部分")
    closing: Closing = Field(default_factory=Closing, description="结尾")
    length: Length = Field(default_factory=Length, description="目标篇幅")
    phrases: PhraseChoice = Field(default_factory=PhraseChoice, description="对词库选用的要求")
    font_profile: str | None = Field(None, description=".docx 字体方案：standard、windows 或自定义名称")
    seed: int = Field(0, description="随机种子：同一简报、词库和种子得到同一稿")

    @model_validator(mode="after")
    def _has_title(self) -> Brief:
        if not self.title and not self.occasion:
            raise ValueError("give a title or an occasion (the title is then 在{occasion}上的讲话)")
        return self
