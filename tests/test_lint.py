"""`drafter lint`: each rule on a bad draft, clean drafts in every format, the brief option."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.lint import lint_draft, lint_paragraphs
from drafter.lint.read import paragraphs_of

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).parent.parent / "examples"

GOOD = """# 在全县安全生产工作会议上的讲话

同志们：

这次会议的主要任务是部署今年的安全生产工作。下面，我讲三点意见。

## 一、压实安全生产责任

**一要压实企业主体责任。**企业是安全生产的责任主体。要督促企业落实全员安全生产责任制。

**二要压实部门监管责任。**各行业主管部门要管行业必须管安全。要坚持问题导向，盯紧重点环节。

## 二、抓好重点领域整治

加强客运车辆、校车和重型货车的检查，严查超速超载。

## 三、提升应急处置能力

要健全应急预案，定期组织演练，确保关键时刻拉得出、用得上。

同志们，让我们扎实工作，坚决守住安全底线！
"""


def rules(text: str, brief: str | None = None) -> list[tuple[int, str]]:
    return [(n, rule) for n, rule, _ in lint_paragraphs(paragraphs_of(text.splitlines()), brief)]


def test_a_clean_draft_has_no_findings() -> None:
    assert rules(GOOD) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("要把{topic}摆在突出位置。", [(1, "placeholder")]),
        ("今年要完成……任务。", [(1, "placeholder")]),
        ("XX县要抓好落实。", [(1, "placeholder")]),
        ("抓好落实。〔待补：本领域的具体举措、责任单位、时间节点〕", [(1, "gap")]),
        ("要抓好落实，做到件件有回音。\n要抓好落实，做到件件有回音。", [(2, "repeated-sentence")]),
        ("要不断学习理论。要不断学习业务。要不断学习法律。", [(1, "repeated-opening")]),
        ("提高“三种能力”，即提高学习理解能力、提高转化落实能力。", [(1, "ji-repetition")]),
        ("要推行“一网通办。", [(1, "unpaired")]),
        ("要推行一网通办）。", [(1, "unpaired")]),
        ("一是要推行一网通办。今年底前完成。", [(1, "lone-enumerator")]),
        ("一、站位要更高\n正文。\n二、在标准上要更严更实更细更好更快\n正文。", [(3, "uneven-headings")]),
        ("一、站位要更高\n正文。", [(1, "lone-enumerator")]),
    ],
)
def test_each_rule_on_a_bad_draft(text: str, expected: list[tuple[int, str]]) -> None:
    assert rules(text) == expected


def test_parallel_problem_series_are_not_repeated_openings() -> None:
    assert rules("有的部门推诿扯皮。有的部门敷衍应付。") == []


def test_particulars_the_brief_does_not_give() -> None:
    text = "在中共上海市委的坚强领导下，全县建成森林防火隔离带1万公里。"
    assert rules(text, "occasion: 全县森林防火工作会议\n") == [(1, "particular"), (1, "particular")]
    assert rules(text, "points: [中共上海市委, 建成隔离带1万公里]\n") == []
    assert rules("（2026年3月18日）", "date: 2026-03-18\n") == []


def test_offices_the_post_implies_are_given(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("让我们更加紧密地团结在市委、市政府周围。\n", encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text(
        "template: commendation\noccasion: 全市表彰大会\nspeaker: {post: 市应急管理局局长}\n"
        "date: 2026-06-30\n"
        "sections:\n  - heading: 学习先进\n    points: [{heading: 学习先进事迹}]\n",
        encoding="utf-8",
    )
    assert lint_draft(draft, brief) == []
    brief.write_text(brief.read_text(encoding="utf-8").replace("市应急管理局局长", "区长"), encoding="utf-8")
    assert [f.field for f in lint_draft(draft, brief)] == ["particular"]


def write_docx(path: Path, text: str) -> Path:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line.lstrip("# ").replace("**", ""))
    document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".md", ".txt", ".docx"])
def test_cli_exit_codes_and_lines_in_every_format(tmp_path: Path, suffix: str) -> None:
    runner = CliRunner()
    good, bad = tmp_path / f"good{suffix}", tmp_path / f"bad{suffix}"
    bad_text = GOOD.replace("严查超速超载", "严查超速超载〔待补：具体举措〕")
    if suffix == ".docx":
        write_docx(good, GOOD)
        write_docx(bad, bad_text)
    else:
        good.write_text(GOOD, encoding="utf-8")
        bad.write_text(bad_text, encoding="utf-8")
    result = runner.invoke(main, ["lint", str(good)])
    assert (result.exit_code, result.output) == (0, "")
    result = runner.invoke(main, ["lint", str(bad)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"{bad}:8: gap: 待补之处尚未补写：〔待补：具体举措〕"]


def test_lint_finds_what_issue_8_complained_of_in_the_drafts_of_then(tmp_path: Path) -> None:
    draft = tmp_path / "then.md"
    draft.write_text(
        "## 二、提高“三种能力”，即提高学习理解能力、提高转化落实能力\n\n"
        "今后专项资金都要列出任务清单、项目清单、政策清单三张清单。\n",
        encoding="utf-8",
    )
    found = [(f.field, f.message) for f in lint_draft(draft, EXAMPLES / "closing_remarks.yaml")]
    assert ("particular", "提要中没有的专项行动或口号“三张清单”，请核实或删去") in found
    assert any(rule == "ji-repetition" and "即提高学习理解能力" in message for rule, message in found)


def test_the_goldens_of_now_trip_no_rule_of_lint_but_their_gaps() -> None:
    for example in sorted(EXAMPLES.glob("*.yaml")):
        name = example.stem
        found = {f.field for f in lint_draft(GOLDEN / f"{name}.md", example)}
        assert found <= {"gap"}, (name, found)


def test_an_unreadable_draft_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(empty)])
    assert result.exit_code == 1 and "empty file" in result.output and "Traceback" not in result.output


def test_a_lone_inline_enumerator() -> None:
    assert rules("要抓好三件事：一是抓学习。") == [(1, "lone-enumerator")]
    assert rules("要抓好两件事：一是抓学习，二是抓落实。") == []
    assert rules("要坚持统一是非标准。") == []


def test_run_in_numbered_headings_are_compared_by_their_first_sentence() -> None:
    text = (
        "一、要在实践中磨炼。到基层一线和吃劲岗位经受锻炼，多岗位历练，多派干部挂职锻炼，增强本领。\n\n"
        "二、要增强斗争本领。敢于直面矛盾。\n"
    )
    assert [r for r in rules(text) if r[1] == "uneven-headings"] == []
