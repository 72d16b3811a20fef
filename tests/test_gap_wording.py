"""A gap asks for what its point lacks: reasons for a point on why, measures for a task."""

from __future__ import annotations

import pytest

from drafter.compose.gap_wording import gap_wanted, purpose


@pytest.mark.parametrize(
    ("kind", "section", "point", "problems", "expected"),
    [
        ("mobilization", "统一思想，深刻认识创建工作的重要意义", "这是提升城区品质的必然要求", False, "why"),
        ("system_meeting", "充分认识防汛形势", "要克服麻痹思想", False, "why"),
        ("mobilization", "强化保障，确保创建工作取得实效", "实行领导包片", False, "guarantee"),
        ("mobilization", "突出重点，全面完成创建各项任务", "整治背街小巷和老旧小区", False, "task"),
        ("training", "加强理论学习", "要学深悟透", False, "exhort"),
        ("symposium", "乡村医生是守护群众健康的第一道防线", "要充分肯定大家的付出", False, "why"),
        ("work_meeting", "正视存在的问题", "要抓好道路交通安全", True, "problems"),
        # under a section on the arrangements, a point on them, and a task of its own there
        ("commendation", "加强领导，为关工委工作创造良好条件", "各级党委要重视支持", False, "guarantee"),
        ("mobilization", "加强领导，强化保障", "畅通举报渠道", False, "task"),
        # a principle wants its demands; a chair's points remind the meeting of them
        ("closing_remarks", "把握三个原则", "坚持群众自愿", False, "exhort"),
        ("chair_script", "", "把好兵员质量关", False, "remind"),
    ],
)
def test_purpose_follows_the_headings_then_the_kind(
    kind: str, section: str, point: str, problems: bool, expected: str
) -> None:
    assert purpose(kind, section, point, problems) == expected


def test_a_reason_is_asked_for_by_topic_not_by_a_heading_that_argues_already() -> None:
    wanted = gap_wanted("提升城区品质", "这是提升城区品质的必然要求", "why")
    assert wanted == "联系本地实际，讲清提升城区品质的现实意义和紧迫性"


def test_a_point_under_an_arguing_section_asks_for_local_facts() -> None:
    assert gap_wanted("麻痹思想", "要克服麻痹思想", "why") == "可举本地实情和事例，讲清为什么要克服麻痹思想"
    # a finding is shown, not argued for; a recognition says what it recognises
    assert (
        gap_wanted("应急管理任务", "应急管理任务越来越重", "why")
        == "可举本地实情和数据，讲清应急管理任务越来越重"
    )
    assert gap_wanted("付出", "要充分肯定大家的付出", "why") == "可举一两个本地典型事例，讲讲大家的付出"


def test_a_task_is_named_by_its_heading_verb_and_all() -> None:
    wanted = gap_wanted("背街小巷和老旧小区", "整治背街小巷和老旧小区", "task")
    assert wanted.startswith("整治背街小巷和老旧小区的具体举措")
    assert gap_wanted("学深悟透", "要学深悟透", "exhort").startswith("学深悟透的具体要求")


def test_a_long_heading_gives_way_to_the_topic() -> None:
    heading = "要把安全生产摆在更加突出的位置坚决遏制重特大事故发生"
    assert gap_wanted("安全生产", heading, "task").startswith("安全生产的")


def test_a_sentence_is_no_subject_of_a_gap() -> None:
    topic = "希望全市上下以阅读节为契机，把书香城市建设不断推向深入"
    assert gap_wanted(topic, topic, "account") == "这方面的具体做法、实际数据或事例"


def test_a_task_gap_does_not_ask_for_what_the_writer_gave() -> None:
    said = ("县农业农村局每月调度一次进度。",)
    assert gap_wanted("调度", "实行一月一调度", "task", said) == "实行一月一调度的具体举措"
    assert gap_wanted("调度", "实行一月一调度", "task", ("秋收前完成。",)).endswith("具体举措、责任单位")
    assert gap_wanted("调度", "实行一月一调度", "task").endswith("具体举措、责任单位、时间节点")


def test_an_occasion_that_assigns_no_work_asks_for_facts() -> None:
    assert purpose("commendation", "办好人民满意的教育", "要加大教育投入", False) == "account"
    assert gap_wanted("教育投入", "要加大教育投入", "account") == "加大教育投入的具体做法、实际数据或事例"
    # ... unless it commits to work (`今天的问题逐项办理`, to the entrepreneurs heard)
    assert purpose("symposium", "服务外贸企业", "今天的问题逐项办理", False) == "task"


def test_a_gap_says_no_de_twice_nor_asks_for_checks_of_checks() -> None:
    """`办好群众“最忧”的事的具体举措` reads badly; `严格考核问责` wants its standards, not 督查办法."""
    assert gap_wanted("最忧的事", "要办好群众“最忧”的事", "task") == (
        "办好群众“最忧”的事，需写明具体举措、责任单位、时间节点"
    )
    assert gap_wanted("考核问责", "严格考核问责", "guarantee") == "严格考核问责的督查标准、通报频次和问责情形"
    # the writer named the time limit (`办结时限`): it is not asked for again
    said = ("会后，市政府办公室要把大家提出的问题列成清单，明确牵头部门和办结时限。",)
    assert gap_wanted("意见建议", "要把企业家的意见建议逐条梳理", "task", said).endswith("，需写明具体举措")


def test_a_check_whose_reports_are_timed_is_not_asked_their_frequency() -> None:
    said = ("县安委办每半月通报一次。",)
    assert gap_wanted("督查问责", "严格督查问责", "guarantee", said) == "严格督查问责的督查标准和问责情形"
    # ... nor, when the writer says how failures are answered for, their 问责情形
    said = ("县安委办每半月通报一次，发生亡人火灾的一律倒查责任。",)
    assert gap_wanted("督查问责", "严格督查问责", "guarantee", said) == "严格督查问责的督查标准"
    said = ("对工作滞后的县（区）约谈主要负责同志。",)
    assert gap_wanted("督查问责", "严格督查问责", "guarantee", said) == "严格督查问责的督查标准和通报频次"
    assert gap_wanted("督查问责", "严格督查问责", "guarantee") == "严格督查问责的督查标准、通报频次和问责情形"
    assert gap_wanted("兵员质量关", "把好兵员质量关", "remind") == "把好兵员质量关的具体要求"
