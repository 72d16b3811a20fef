"""Loading briefs: every bad input gives its exact one-line message, and all of them at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.compose.brief_load import load_brief, load_brief_located
from drafter.compose.brief_model import Brief
from drafter.errors import BriefError

KNOWN = ("closing_remarks", "system_meeting", "training", "work_meeting")

GOOD = """\
template: work_meeting
occasion: 全区政府工作会议
speaker:
  post: 区长
  name: 王明
date: 2026-11-30
sections:
  - heading: 强化集体决策
    points:
      - text:
          - 集体决策是一种科学的工作方法。
        tags: [决策]
"""


def write(tmp_path: Path, text: str, name: str = "brief.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, known: tuple[str, ...] = KNOWN) -> list[str]:
    """The findings of a bad brief, as printed, with the file shown as `brief.yaml`."""
    with pytest.raises(BriefError) as caught:
        load_brief(path, known)
    lines = [str(f).replace(str(path), "brief.yaml", 1) for f in caught.value.findings]
    assert str(caught.value).replace(str(path), "brief.yaml").splitlines() == lines
    return lines


def edited(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def test_good_brief_loads(tmp_path: Path) -> None:
    brief = load_brief(write(tmp_path, GOOD), KNOWN)
    assert brief.speaker.name == "王明"
    assert brief.sections[0].points[0].tags == ["决策"]


def test_located_brief_knows_the_line_of_each_field(tmp_path: Path) -> None:
    loaded = load_brief_located(write(tmp_path, GOOD), KNOWN)
    assert loaded.line(("speaker", "name")) == 5
    assert loaded.line(("sections", 0, "points", 0, "tags")) == 12
    assert loaded.line(("sections", 0, "lead_in")) == 8  # absent: its section's line


def test_utf8_with_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert load_brief(path, KNOWN).template == "work_meeting"


# --- files that are not briefs -----------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert problems(tmp_path / "brief.yaml") == ["brief.yaml: no such file"]


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "brief.yaml"
    folder.mkdir()
    assert problems(folder) == ["brief.yaml: is a directory, expected a brief"]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(GOOD.encode("utf-8").replace("王明".encode(), "王明".encode("gbk")))
    assert problems(path) == ["brief.yaml:5: not UTF-8 text (save the brief as UTF-8)"]


def test_empty_file(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "\n  \n")) == ["brief.yaml: is empty, expected a brief"]


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, edited("  name: 王明\n", "  name: [王明\n"))
    with pytest.raises(BriefError) as caught:
        load_brief(path, KNOWN)
    message = str(caught.value).replace(str(path), "brief.yaml")
    assert message == "brief.yaml:6:5: YAML syntax error: did not find expected ',' or ']'"
    assert [f.line for f in caught.value.findings] == [6]
    assert problems(path) == [message]  # the finding names the column too


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "- template: training\n")) == [
        "brief.yaml:1: expected a mapping of brief fields (template:, speaker:, sections: …), got a list"
    ]


# --- fields ------------------------------------------------------------------------------------


def test_unknown_key_suggests_the_field_at_its_level(tmp_path: Path) -> None:
    path = write(tmp_path, edited("        tags: [决策]", "        tag: [决策]"))
    assert problems(path) == ["brief.yaml:12: sections.0.points.0.tag: unknown field; did you mean 'tags'?"]


def test_unknown_key_without_a_close_match_lists_the_fields(tmp_path: Path) -> None:
    path = write(tmp_path, edited("  name: 王明", "  name: 王明\n  zzz: 1"))
    assert problems(path) == ["brief.yaml:6: speaker.zzz: unknown field; expected one of: post, name"]


def test_misspelt_required_field_is_reported_twice_over(tmp_path: Path) -> None:
    path = write(tmp_path, edited("speaker:", "speeker:"))
    assert problems(path) == [
        "brief.yaml:1: speaker: is required",
        "brief.yaml:3: speeker: unknown field; did you mean 'speaker'?",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("date: 2026-11-30", "date: 2026-11-31", "brief.yaml:6: date: not a date: '2026-11-31' ({hint})"),
        (
            "date: 2026-11-30",
            "date: 2026年11月30日",
            "brief.yaml:6: date: not a date: '2026年11月30日' ({hint})",
        ),
        ("date: 2026-11-30", "date: 20261130", "brief.yaml:6: date: not a date: 20261130 ({hint})"),
        ("date: 2026-11-30", "date:", "brief.yaml:6: date: is empty ({hint})"),
    ],
)
def test_a_date_that_is_not_a_date(tmp_path: Path, old: str, new: str, expected: str) -> None:
    hint = "write it as YYYY-MM-DD, e.g. 2026-11-30"
    assert problems(write(tmp_path, edited(old, new))) == [expected.format(hint=hint)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "date: 2026-11-30",
            "date: 2026-11-30\nseed: abc",
            "brief.yaml:7: seed: expected a whole number, got 'abc'",
        ),
        (
            "date: 2026-11-30",
            "date: 2026-11-30\nseed: 1.5",
            "brief.yaml:7: seed: expected a whole number, got the number 1.5",
        ),
        (
            "speaker:\n  post: 区长\n  name: 王明",
            "speaker: 区长",
            "brief.yaml:3: speaker: expected a mapping, got '区长'",
        ),
        (
            "          - 集体决策是一种科学的工作方法。",
            "          - [集体决策]",
            "brief.yaml:11: sections.0.points.0.text.0: expected a text, got a list",
        ),
        (
            "      - text:\n          - 集体决策是一种科学的工作方法。",
            "      - text: 集体决策是一种科学的工作方法。",
            "brief.yaml:10: sections.0.points.0.text: expected a list (one '- ' line per item), "
            "got '集体决策是一种科学的工作方法。'",
        ),
        (
            "occasion: 全区政府工作会议",
            "occasion: 全区政府工作会议\ntitle: 5",
            "brief.yaml:3: title: expected a text or a list, got the number 5",
        ),
        (
            "occasion: 全区政府工作会议",
            "occasion: 全区政府工作会议\ntitle: [加强工作规范, 7]",
            "brief.yaml:3: title.1: expected a text, got the number 7",
        ),
        (
            "    points:",
            "    role: review\n    points:",
            "brief.yaml:9: sections.0.role: "
            "must be one of 'requirements', 'problems' or 'example', got 'review'",
        ),
        (
            "date: 2026-11-30",
            "date: 2026-11-30\nclosing: {thanks: maybe}",
            "brief.yaml:7: closing.thanks: expected true or false, got 'maybe'",
        ),
        (
            "date: 2026-11-30",
            "date: 2026-11-30\nlength: {minutes: 0}",
            "brief.yaml:7: length.minutes: must be greater than 0, got 0",
        ),
    ],
)
def test_wrong_types(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert problems(write(tmp_path, edited(old, new))) == [expected]


def test_empty_sections(tmp_path: Path) -> None:
    text = GOOD.split("sections:")[0] + "sections: []\n"
    assert problems(write(tmp_path, text)) == ["brief.yaml:7: sections: needs at least one section"]


def test_empty_points(tmp_path: Path) -> None:
    text = GOOD.split("    points:")[0] + "    points: []\n"
    assert problems(write(tmp_path, text)) == ["brief.yaml:9: sections.0.points: needs at least one point"]


def test_blank_text(tmp_path: Path) -> None:
    path = write(tmp_path, edited("  post: 区长", "  post: ' '"))
    assert problems(path) == ["brief.yaml:4: speaker.post: must not be empty"]


def test_missing_required_fields(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "template: training\n")) == [
        "brief.yaml:1: date: is required",
        "brief.yaml:1: sections: is required",
        "brief.yaml:1: speaker: is required",
    ]


def test_cross_field_rules_blame_a_field(tmp_path: Path) -> None:
    both = edited("date: 2026-11-30", "date: 2026-11-30\nlength:\n  minutes: 10\n  chars: 2000")
    assert problems(write(tmp_path, both)) == ["brief.yaml:9: length.chars: give minutes or chars, not both"]
    untitled = edited("occasion: 全区政府工作会议\n", "")
    assert problems(write(tmp_path, untitled, "b2.yaml")) == [
        "brief.yaml:1: title: give a title or an occasion (the title is then 在{occasion}上的讲话)"
    ]


def test_heading_plan_with_both_sources(tmp_path: Path) -> None:
    path = write(
        tmp_path, edited("sections:", "headings: {skeleton: '{X}要更{Y}', set: heading_set.a.b}\nsections:")
    )
    assert problems(path)[0] == "brief.yaml:7: headings: give exactly one of skeleton or set"


# --- rules beyond the model --------------------------------------------------------------------


def test_unknown_template_lists_the_known_ones(tmp_path: Path) -> None:
    path = write(tmp_path, edited("template: work_meeting", "template: work-meeting"))
    assert problems(path) == [
        "brief.yaml:1: template: unknown template 'work-meeting' (did you mean 'work_meeting'?); "
        "known templates: closing_remarks, system_meeting, training, work_meeting"
    ]
    path = write(tmp_path, edited("template: work_meeting", "template: 表彰大会"))
    assert problems(path) == [
        "brief.yaml:1: template: unknown template '表彰大会'; "
        "known templates: closing_remarks, system_meeting, training, work_meeting"
    ]


SKELETON = """\
template: system_meeting
occasion: 全市政府办公室工作会议
speaker: {post: 市长}
date: 2026-03-01
headings:
  skeleton: "{X}要更{Y}"
sections:
  - fillers: {X: 站位, Y: 高}
    points:
      - heading: 要讲大局
  - fillers: {X: 标准, Z: 严}
    points:
      - heading: 要厉行法治
  - points:
      - heading: 要坚持学习
  - heading: 作风要更实
    fillers: {X: 作风, Y: 实}
    point_headings: {skeleton: "{X}清楚"}
    enumerator: 第一
    points:
      - fillers: {X: 政策}
      - heading: 情况清楚
      - tags: [落实]
      - fillers: {X: ''}
"""


def test_skeleton_fillers_give_exactly_the_skeleton_slots(tmp_path: Path) -> None:
    assert problems(write(tmp_path, SKELETON)) == [
        "brief.yaml:11: sections.1.fillers: missing Y for the skeleton '{X}要更{Y}'",
        "brief.yaml:11: sections.1.fillers.Z: the skeleton '{X}要更{Y}' has no slot 'Z'; its slots are X, Y",
        "brief.yaml:14: sections.2.fillers: "
        "the section needs fillers for the skeleton '{X}要更{Y}' (X, Y) or a literal heading",
        "brief.yaml:17: sections.3.fillers: give a literal heading or fillers, not both",
        "brief.yaml:19: sections.3.enumerator: "
        "must contain {n} (the ordinal) and no other slot, e.g. {n}是, got '第一'",
        "brief.yaml:23: sections.3.points.2.fillers: "
        "the point needs fillers for the skeleton '{X}清楚' (X) or a literal heading",
        "brief.yaml:24: sections.3.points.3.fillers.X: must not be empty",
    ]


def test_fillers_need_a_skeleton(tmp_path: Path) -> None:
    text = SKELETON.replace('headings:\n  skeleton: "{X}要更{Y}"\n', "")
    found = problems(write(tmp_path, text))
    assert found[0] == "brief.yaml:6: sections.0.fillers: fillers need a skeleton: add headings.skeleton"
    text = SKELETON.replace('skeleton: "{X}要更{Y}"', "set: heading_set.yaogeng.bangongshi")
    found = problems(write(tmp_path, text, "set.yaml"))
    assert (
        found[0]
        == "brief.yaml:8: sections.0.fillers: headings.set takes its headings from the bank; drop fillers"
    )


@pytest.mark.parametrize(
    ("skeleton", "message"),
    [
        ("{X要更高", "not a valid skeleton: '{X要更高' (slots are written {X})"),
        ("站位要更高", "the skeleton '站位要更高' has no slot; write slots as {X}"),
        ("{}要更{}", "not a valid skeleton: '{}要更{}' (slots are written {X})"),
    ],
)
def test_bad_skeletons(tmp_path: Path, skeleton: str, message: str) -> None:
    text = SKELETON.split("sections:")[0].replace("{X}要更{Y}", skeleton) + "sections:\n  - points: [{}]\n"
    assert problems(write(tmp_path, text)) == [f"brief.yaml:6: headings.skeleton: {message}"]


def test_all_problems_are_reported_at_once_in_reading_order(tmp_path: Path) -> None:
    text = (
        GOOD.replace("template: work_meeting", "template: nope")
        .replace("  post: 区长", "  pots: 区长")
        .replace("date: 2026-11-30", "date: 2026-02-30")
        .replace("        tags: [决策]", "        tags: 决策")
    )
    found = problems(write(tmp_path, text))
    assert [line.split(": ")[0:2] for line in found] == [
        ["brief.yaml:1", "template"],
        ["brief.yaml:3", "speaker.post"],
        ["brief.yaml:4", "speaker.pots"],
        ["brief.yaml:6", "date"],
        ["brief.yaml:12", "sections.0.points.0.tags"],
    ]


def test_no_known_templates_skips_the_template_check(tmp_path: Path) -> None:
    assert load_brief(write(tmp_path, GOOD), ()).template == "work_meeting"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "occasion: 全区政府工作会议",
            "occasion: 全区政府工作会议\ntitle: []",
            "brief.yaml:3: title: needs at least one item",
        ),
        (
            "    points:",
            "    fillers: {1: 站位}\n    points:",
            "brief.yaml:9: sections.0.fillers.1: names must be text, got the number 1",
        ),
    ],
)
def test_odd_shapes(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert expected in problems(write(tmp_path, edited(old, new)))


def test_a_field_name_that_is_not_text(tmp_path: Path) -> None:
    found = problems(write(tmp_path, GOOD + "1: x\n"))
    assert found == [f"brief.yaml:13: 1: unknown field; expected one of: {', '.join(Brief.model_fields)}"]


@pytest.mark.parametrize("skeleton", ["{X:>3}要更高", "{X!r}要更高", "{X.y}要更高", "{0}要更高"])
def test_skeleton_slots_are_plain_names(tmp_path: Path, skeleton: str) -> None:
    text = SKELETON.split("sections:")[0].replace("{X}要更{Y}", skeleton) + "sections:\n  - points: [{}]\n"
    assert problems(write(tmp_path, text)) == [
        f"brief.yaml:6: headings.skeleton: not a valid skeleton: {skeleton!r} (slots are written {{X}})"
    ]


def test_a_key_written_twice_is_reported(tmp_path: Path) -> None:
    text = edited("        tags: [决策]", "        tags: [决策]\n        text: [第二句。]")
    assert problems(write(tmp_path, text)) == [
        "brief.yaml:13: sections.0.points.0.text: "
        "written twice (lines 10 and 13); only the later one would count"
    ]
