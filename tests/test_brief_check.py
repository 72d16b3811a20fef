"""Checking a valid brief against the phrase bank: heading sets, entry ids, tags."""

from __future__ import annotations

from pathlib import Path

from drafter.bank.load import load_bank
from drafter.compose.brief_check import check_against_bank
from drafter.compose.brief_load import load_brief_located

KNOWN = ("closing_remarks", "system_meeting", "training", "work_meeting")

BANK = """\
function: heading_set
entries:
  - id: heading_set.testonly.yaogeng
    text: "{X}要更{Y}"
    members:
      - {X: 站位, Y: 高}
      - {X: 标准, Y: 严}
    sources: ["003_e8e85886354524de.txt:6"]
  - id: heading_set.testonly.draft
    text: "{X}清楚"
    status: candidate
    members: [{X: 政策}, {X: 情况}, {X: 标杆}]
    sources: ["004_f2a58c95e92b24d2.txt:14"]
  - id: heading_set.testonly.qingchu
    text: "{X}清楚"
    members: [{X: 政策}, {X: 情况}, {X: 标杆}]
    sources: ["004_f2a58c95e92b24d2.txt:14"]
"""

QUOTES = """\
function: quote
entries:
  - id: quote.testonly.qiju
    text: 古语说，工欲善其事，必先利其器。
    tags: [测试专用标签]
    sources: ["000_a9a5cc2008b403cf.txt:10"]
"""

BRIEF = """\
template: system_meeting
occasion: 全市政府办公室工作会议
speaker: {{post: 市长}}
date: 2026-03-01
headings:
  set: {set}
sections:
  - points:
      - heading: 要讲大局
        tags: [大局]
  - point_headings:
      set: {point_set}
    points:
      - tags: [测试专用标签]
      - tags: [不存在的标签]
      - {{}}
phrases:
  use: [quote.testonly.qiju]
  avoid: [quote.testonly.qijv]
"""


def check(tmp_path: Path, set_id: str, point_set: str) -> list[str]:
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir(exist_ok=True)
    (bank_dir / "heading_set.yaml").write_text(BANK, encoding="utf-8")
    (bank_dir / "quote.yaml").write_text(QUOTES, encoding="utf-8")
    path = tmp_path / "brief.yaml"
    path.write_text(BRIEF.format(set=set_id, point_set=point_set), encoding="utf-8")
    loaded = load_brief_located(path, KNOWN)
    findings = check_against_bank(loaded, load_bank([bank_dir]))
    return [f"{f.line}: {f.field}: {f.severity}: {f.message}" for f in findings]


def test_good_sets_and_entries_pass(tmp_path: Path) -> None:
    found = check(tmp_path, "heading_set.testonly.yaogeng", "heading_set.testonly.qingchu")
    assert [f for f in found if ": error: " in f] == [
        "19: phrases.avoid.0: error: no entry "
        "'quote.testonly.qijv' in the phrase bank; "
        "did you mean 'quote.testonly.qiju'?"
    ]


def test_tags_no_entry_carries_are_warnings(tmp_path: Path) -> None:
    found = check(tmp_path, "heading_set.testonly.yaogeng", "heading_set.testonly.qingchu")
    warnings = [f for f in found if ": warning: " in f]
    assert warnings == [
        "15: sections.1.points.1.tags.0: warning: "
        "tag '不存在的标签' is used by no bank entry, so it steers nothing"
    ]


def test_unknown_set_suggests_a_heading_set(tmp_path: Path) -> None:
    found = check(tmp_path, "heading_set.testonly.yaogen", "heading_set.testonly.qingchu")
    assert found[0] == (
        "6: headings.set: error: no heading set 'heading_set.testonly.yaogen' in the phrase bank; "
        "did you mean 'heading_set.testonly.yaogeng'?"
    )


def test_set_must_be_a_heading_set(tmp_path: Path) -> None:
    found = check(tmp_path, "quote.testonly.qiju", "heading_set.testonly.qingchu")
    assert found[0] == "6: headings.set: error: 'quote.testonly.qiju' is a quote entry, not a heading_set"


def test_set_must_be_approved(tmp_path: Path) -> None:
    found = check(tmp_path, "heading_set.testonly.yaogeng", "heading_set.testonly.draft")
    assert found[0] == (
        "12: sections.1.point_headings.set: error: "
        "the heading set 'heading_set.testonly.draft' is candidate; drafts use approved entries only"
    )


def test_set_needs_a_member_for_every_section_or_point(tmp_path: Path) -> None:
    found = check(tmp_path, "heading_set.testonly.qingchu", "heading_set.testonly.yaogeng")
    errors = [f for f in found if ": error: " in f]
    assert errors[:1] == [
        "12: sections.1.point_headings.set: error: "
        "the heading set 'heading_set.testonly.yaogeng' has 2 members but there are 3 points"
    ]
    assert not any(f.startswith("6: headings.set") for f in errors)  # 3 members for 2 sections
