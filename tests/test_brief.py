"""The brief model: defaults, its own rules, and that it can express each sample speech."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from drafter.compose import brief_model
from drafter.compose.brief import Length
from drafter.compose.brief_build import parse_brief
from drafter.compose.brief_load import load_brief
from drafter.vocabulary import DOMAINS, KINDS, TOPIC_TAGS


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "template": "work_meeting",
        "occasion": "全区政府工作会议",
        "speaker": {"post": "区长"},
        "date": dt.date(2026, 11, 30),
        "sections": [{"heading": "强化集体决策", "points": [{"text": ["集体决策是科学的工作方法。"]}]}],
    }
    data.update(changes)
    return data


def test_minimal_brief_gets_the_documented_defaults() -> None:
    brief = parse_brief(minimal())
    assert brief.salutation == "同志们"
    assert brief.seed == 0
    assert brief.length.rate == 220 and brief.length.target_chars is None
    assert brief.closing.thanks is True and brief.closing.text == []
    assert brief.sections[0].role == "requirements"
    assert brief.sections[0].enumerator is None
    assert brief.situation == [] and brief.acknowledge == []


def test_text_is_stripped_and_must_not_be_blank() -> None:
    brief = parse_brief(minimal(speaker={"post": "  区长 "}))
    assert brief.speaker.post == "区长"
    with pytest.raises(ValidationError):
        parse_brief(minimal(speaker={"post": "   "}))


def test_a_title_or_an_occasion_is_needed() -> None:
    parse_brief(minimal(occasion=None, title="政府自身建设总结讲话"))
    parse_brief(minimal(occasion=None, title=["加强工作规范", "注重工作方法"]))
    with pytest.raises(ValidationError, match="give a title or an occasion"):
        parse_brief(minimal(occasion=None))


def test_heading_plan_takes_exactly_one_source() -> None:
    assert brief_model.HeadingPlan(skeleton="{X}要更{Y}").set is None
    assert brief_model.HeadingPlan(set="heading_set.yaogeng.bangongshi").skeleton is None
    for bad in ({}, {"skeleton": "{X}要更{Y}", "set": "heading_set.a.b"}):
        with pytest.raises(ValidationError, match="exactly one of skeleton or set"):
            brief_model.HeadingPlan.model_validate(bad)
        with pytest.raises(ValidationError, match="exactly one of skeleton or set"):
            parse_brief(minimal(headings=bad))


def test_length_in_minutes_uses_the_speaking_rate() -> None:
    assert Length(minutes=10.0).target_chars == 2200
    assert Length(minutes=10.0, rate=200).target_chars == 2000
    assert Length(chars=3000).target_chars == 3000
    assert parse_brief(minimal(length={"minutes": 10})).length.target_chars == 2200
    with pytest.raises(ValidationError, match="give minutes or chars, not both"):
        parse_brief(minimal(length={"minutes": 10, "chars": 3000}))
    with pytest.raises(ValidationError):
        parse_brief(minimal(length={"minutes": 0}))


def test_a_number_is_not_a_date() -> None:
    with pytest.raises(ValidationError, match="not a date"):
        parse_brief(minimal(date=20261130))
    assert parse_brief(minimal(date="2026-11-30")).date == dt.date(2026, 11, 30)


def test_section_role_is_requirements_or_problems() -> None:
    section = {"role": "problems", "points": [{"heading": "思想观念不适应"}]}
    assert parse_brief(minimal(sections=[section])).sections[0].role == "problems"
    with pytest.raises(ValidationError):
        parse_brief(minimal(sections=[{**section, "role": "review"}]))


def test_brief_is_frozen() -> None:
    brief = parse_brief(minimal())
    with pytest.raises(AttributeError):
        brief.seed = 3  # type: ignore[misc]


# Each sample speech (phrasebank/corpus/) as "skeleton + the speaker's own substance", abridged.
CORPUS_BRIEFS = {
    # 000: two-part title and subtitle, acknowledgement, two sections without headings (a topic
    # only), run-in point headings 一、强化集体决策。, a closing in the speaker's own words.
    "000": """
template: training
title: [加强工作规范, 注重工作方法]
subtitle: 推动全区走在高质量发展的前列
occasion: 区政府全体会议
speaker: {post: 区长}
date: 2026-04-30
purpose: 围绕工作规范和工作方法再讲一讲，算是一次培训
acknowledge:
  - {who: XX区长, did: 对本月的重点工作进行安排部署}
sections:
  - topic: 工作规范
    points:
      - {heading: 强化集体决策, text: [集体决策是一种科学的工作方法和领导方法。], tags: [决策]}
      - {heading: 坚持依法行政, tags: [法治]}
  - topic: 工作方法
    lead_in: 古语说，工欲善其事，必先利其器。
    points:
      - {heading: 善学习, tags: [学习]}
      - {heading: 带好头, tags: [担当]}
closing:
  text: [希望大家进一步树立责任意识、主人翁意识，我们共同努力把全区的事情办好。]
""",
    # 001: review, a diagnosis section built on {X}不适应 numbered 一是, a requirements section
    # numbered 一要, a closing call with goal and slogan.
    "001": """
template: work_meeting
occasion: 市政府工作会议
speaker: {post: 市长}
date: 2026-02-20
achievements: [全市政府系统始终坚持一手抓经济社会发展，一手抓政府自身建设]
situation: [“十四五”时期，是我市深入推进转型升级的关键时期]
sections:
  - heading: 政府自身建设存在的问题
    role: problems
    enumerator: "{n}是"
    point_headings: {skeleton: "{X}不适应"}
    points:
      - {fillers: {X: 思想观念}, text: [有的干部思想解放不够，视野不开阔。]}
      - {fillers: {X: 工作作风}, text: [有的部门作风浮漂，做事拖拉。]}
  - heading: 为基层
    lead_in: “为基层”就是要强化主动服务意识。
    enumerator: "{n}要"
    points:
      - {heading: 服务基层, tags: [服务, 基层]}
      - {heading: 强化基层, tags: [基层]}
closing:
  goal: 加快实现现代化
  slogan: 为基层、为群众，转观念、转作风，提升效能
""",
    # 002: a literal title, sections with a lead-in and sub-headed points, no salutation words
    # beyond the default.
    "002": """
template: training
title: 区政府工作规则培训会讲话稿
speaker: {post: 区长}
date: 2024-10-15
sections:
  - heading: 着眼于建设廉洁型政府贯彻落实好《规则》
    lead_in: 建设廉洁型政府，就是要坚持廉洁用权，干净干事。
    points:
      - {heading: 深入推进作风建设, tags: [作风]}
      - {heading: 强化权力制约和监督, tags: [问责]}
      - {heading: 加强廉政建设, tags: [廉洁]}
""",
    # 003: sections from the skeleton {X}要更{Y}, points 一是要讲大局, no closing thanks.
    "003": """
template: system_meeting
occasion: 全市政府办公室工作会议
speaker: {post: 市长}
date: 2026-03-01
purpose: 主要是看望大家，感谢大家，也提些工作要求
thanks_to: 全市政府办公室系统的同志们
headings: {skeleton: "{X}要更{Y}"}
sections:
  - fillers: {X: 站位, Y: 高}
    lead_in: 办公室是领导作出决策、指导工作的总关口。
    enumerator: "{n}是"
    points:
      - {heading: 要讲大局, tags: [大局]}
      - {heading: 要谋全局, tags: [大局]}
  - fillers: {X: 标准, Y: 严}
    enumerator: "{n}是"
    points:
      - {heading: 要厉行法治, tags: [法治]}
closing: {thanks: false}
""",
    # 004: counted sets 三个清楚 with point headings from {X}清楚, numbered 第一，.
    "004": """
template: summary
title: 政府自身建设总结讲话
speaker: {post: 区长}
date: 2021-02-24
purpose: 围绕政府自身建设，再提三方面要求
sections:
  - heading: 做到“三个清楚”
    enumerator: "第{n}，"
    point_headings: {skeleton: "{X}清楚"}
    points:
      - {fillers: {X: 政策}}
      - {fillers: {X: 情况}}
      - {fillers: {X: 标杆}}
closing:
  goal: 全力推进“四个区”建设
  slogan: 时代呼唤担当，奋斗成就梦想
""",
}


@pytest.mark.parametrize("name", sorted(CORPUS_BRIEFS))
def test_brief_expresses_each_sample_speech(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(CORPUS_BRIEFS[name], encoding="utf-8")
    brief = load_brief(path, KINDS)
    assert brief.template in KINDS
    assert brief.sections and all(section.points for section in brief.sections)


def test_the_documented_example_is_a_valid_brief(tmp_path: Path) -> None:
    doc = (Path(__file__).parent.parent / "docs" / "brief.md").read_text(encoding="utf-8")
    example = doc.split("## A full example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    brief = load_brief(path, KINDS)
    assert brief.headings is not None and brief.headings.skeleton == "{X}要更{Y}"
    assert brief.sections[1].point_headings is not None
    assert brief.length.target_chars == 12 * 220


def test_the_documented_fields_are_the_briefs_and_its_domains_the_known_ones() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "brief.md").read_text(encoding="utf-8")
    for field in ("speaker_role", "domain", "superior", "audience_org", "material"):
        assert f"`{field}`" in doc, field
    for key, (covers, aliases) in DOMAINS.items():
        assert f"| {key} | {covers} | {'、'.join(aliases)} |" in doc, key
    assert f"any of: {' '.join(TOPIC_TAGS)} (" in doc  # the tags, as `vocabulary` knows them
