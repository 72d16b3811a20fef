"""The phrase-bank entry's pydantic models: they validate entries read from YAML and write the schema.

A draft never builds them: entries read back from the bank cache are the plain `Entry` of
`drafter.bank.model`, which `validate_entry` makes from one of these.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drafter.bank.model import ID_PATTERN, SOURCE_PATTERN, EntryType, SpeakerRole, Status

# Validators are built on first use (`defer_build`): `drafter bank` commands that read no YAML
# need none.


class Mined(BaseModel):
    """What the miner measured for a candidate: in how many documents, how often, how good."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    documents: int = Field(ge=1, description="出现在几篇讲话中")
    count: int = Field(ge=1, description="出现次数")
    score: float = Field(description="评分，越高越好")


class Entry(BaseModel):
    """One reusable formula, traceable to where it was found."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=ID_PATTERN, description="稳定、可读的编号，如 closing.call.shidai-huhuan")
    text: str = Field(
        min_length=1, description="正文，可含 {occasion} 等槽位；并列标题组为骨架，如 {X}要更{Y}"
    )
    function: str = Field("", description="功能；缺省时取文件的 function")
    tags: tuple[str, ...] = Field((), description="主题标签，如 学习、作风")
    kinds: tuple[str, ...] = Field((), description="适用的讲话类型；空表示都适用")
    type: EntryType | None = Field(
        None, description="formula（套话，任何主题可用）或 material（某一领域的素材）；见 ENTRY_TYPES"
    )
    domain: str | None = Field(None, description="素材所属领域，如 安全生产；见 DOMAINS")
    roles: tuple[SpeakerRole, ...] = Field(
        (),
        description=(
            "适用的讲话人身份：convener 主持会议、guest 应邀到会、closing 总结讲话；空表示都适用"
            "（如“我来参加这个会”只用于 guest）"
        ),
    )
    status: Status = Field("approved", description="approved、candidate 或 deprecated")
    sources: tuple[str, ...] = Field(min_length=1, description="出处，“文件:行号”，一个或多个")
    members: tuple[dict[str, str], ...] | None = Field(
        None, description="并列标题组的成员：每个成员给出骨架各槽位的取值"
    )
    note: str | None = Field(None, description="备注")
    mined: Mined | None = Field(None, description="挖掘统计（仅挖掘出的候选词条）")

    @field_validator("sources")
    @classmethod
    def _sources_are_file_line(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for source in value:
            if not re.match(SOURCE_PATTERN, source):
                raise ValueError(f"source {source!r} is not FILE:LINE")
        return value


class BankFile(BaseModel):
    """The shape of one bank file."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    function: str = Field(description="本文件中词条的功能，如 closing.call")
    entries: list[Entry] = Field(default_factory=list)
