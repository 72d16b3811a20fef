"""`merge_candidates`: adds what the bank lacks, keeps every comment, the order and the layout."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from bank_helpers import CORPUS, write_bank

from drafter.bank.load import load_bank
from drafter.bank.merge import merge_candidates
from drafter.errors import BankError

TEAM_CLOSING = """\
# 结尾号召 — 我们办公室的常用结尾。请勿随意删改，改前先在群里说一声。
function: closing.call

entries:
  # 书记最爱用的一句
  - id: closing.call.tuanjie   # 2024 年起固定使用
    text: 同志们，让我们团结一心，为{goal}而努力奋斗！
    tags: [团结]
    sources: ["speech.txt:3"]   # 年终总结会

  - id: closing.call.fendou
    text: '同志们，让我们撸起袖子加油干，为{goal}而奋斗！'
    tags:
      - 担当
    status: approved
    sources: ["speech.txt:3"]
# 文件到此结束
"""

MINED_CLOSING = """\
function: closing.call
entries:
  - id: closing.call.tuanjie-mined
    text: 同志们，让我们 团结一心，为{slogan}而努力奋斗。
    status: candidate
    sources: ["speech.txt:3"]
    mined: {documents: 3, count: 4, score: 2.5}

  # 3 篇讲话出现
  - id: closing.call.jiayou
    text: 同志们，让我们鼓足干劲，为{goal}再立新功！
    status: candidate
    sources: ["speech.txt:3"]
    mined: {documents: 2, count: 2, score: 1.5}

  - id: closing.call.fendou
    text: 同志们，让我们众志成城，为{goal}而努力奋斗！
    status: candidate
    sources: ["speech.txt:3"]
    mined: {documents: 2, count: 2, score: 1.2}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def mined(tmp_path: Path, files: dict[str, str]) -> Path:
    out = tmp_path / "mined"
    out.mkdir()
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def test_merge_appends_only_what_is_missing_and_keeps_everything_people_wrote(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {}, CORPUS)
    (team / "closing.call.yaml").write_text(TEAM_CLOSING, encoding="utf-8")
    out = mined(tmp_path, {"closing.call.yaml": MINED_CLOSING})
    result = merge_candidates(out, team)
    assert [(a.id, a.renamed_from) for a in result.added] == [
        ("closing.call.jiayou", None),
        ("closing.call.fendou-2", "closing.call.fendou"),  # the id is taken by another text
    ]
    assert result.present == 1  # same text as closing.call.tuanjie, ignoring punctuation and slot names
    after = (team / "closing.call.yaml").read_text(encoding="utf-8")
    body, _, _ = TEAM_CLOSING.rpartition("# 文件到此结束\n")
    assert after.startswith(body)  # byte for byte what people wrote, up to the last entry
    assert after.endswith("\n# 文件到此结束\n")  # the closing comment still closes the file
    appended = after[len(body) :]
    assert appended.startswith("\n  # 3 篇讲话出现\n  - id: closing.call.jiayou\n")  # its comment came along
    assert "    mined: {documents: 2, count: 2, score: 1.5}\n" in appended  # and its own layout
    bank = load_bank([team], builtin=False)
    assert list(bank.entries) == [
        "closing.call.tuanjie",
        "closing.call.fendou",
        "closing.call.jiayou",
        "closing.call.fendou-2",
    ]
    assert bank.entries["closing.call.jiayou"].status == "candidate"
    assert "众志成城" in bank.entries["closing.call.fendou-2"].text


def test_second_merge_adds_nothing_and_changes_no_byte(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {}, CORPUS)
    (team / "closing.call.yaml").write_text(TEAM_CLOSING, encoding="utf-8")
    out = mined(tmp_path, {"closing.call.yaml": MINED_CLOSING})
    merge_candidates(out, team)
    first = (team / "closing.call.yaml").read_bytes()
    again = merge_candidates(out, team)
    assert again.added == () and again.present == 3 and again.written == ()
    assert (team / "closing.call.yaml").read_bytes() == first


def test_new_function_file_is_created_in_the_bank_layout(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {}, CORPUS)
    out = mined(
        tmp_path,
        {
            "heading_set.yaml": textwrap.dedent(
                """\
                function: heading_set
                entries:
                  - id: heading_set.yaogeng
                    text: "{X}务求{Y}"
                    status: candidate
                    sources: ["speech.txt:1", "speech.txt:2"]
                    members:
                      - {X: 站位, Y: 高}
                      - {X: 标准, Y: 严}
                """
            )
        },
    )
    result = merge_candidates(out, team)
    assert [a.path.name for a in result.added] == ["heading_set.yaml"]
    text = (team / "heading_set.yaml").read_text(encoding="utf-8")
    assert text.startswith("function: heading_set\nentries:\n  - id: heading_set.yaogeng\n")
    assert "      - {X: 站位, Y: 高}\n" in text
    entry = load_bank([team], builtin=False).entries["heading_set.yaogeng"]
    assert entry.member_texts() == ("站位务求高", "标准务求严")


def test_same_skeleton_counts_as_present(tmp_path: Path) -> None:
    existing = """
        function: heading_set
        entries:
          - id: heading_set.ours
            text: "{A}要更{B}"
            sources: ["speech.txt:1"]
            members: [{A: 作风, B: 实}, {A: 能力, B: 强}]
    """
    team = write_bank(tmp_path / "team", {"sets.yaml": existing}, CORPUS)
    out = mined(
        tmp_path,
        {
            "heading_set.yaml": "function: heading_set\nentries:\n"
            "  - id: heading_set.mined\n    text: '{X}要更{Y}'\n    status: candidate\n"
            "    sources: [speech.txt:1]\n    members: [{X: 站位, Y: 高}, {X: 标准, Y: 严}]\n"
        },
    )
    result = merge_candidates(out, team)
    assert result.added == () and result.present == 1
    assert not (team / "heading_set.yaml").exists()  # and the function's file is found by its content


def test_candidates_go_into_the_file_that_declares_their_function(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {"endings.yaml": TEAM_CLOSING}, CORPUS)
    out = mined(tmp_path, {"closing.call.yaml": MINED_CLOSING})
    merge_candidates(out, team)
    assert not (team / "closing.call.yaml").exists()
    assert "closing.call.jiayou" in (team / "endings.yaml").read_text(encoding="utf-8")


def test_compact_layout_is_kept(tmp_path: Path) -> None:
    compact = (
        "function: closing.call\nentries:\n- id: closing.call.a\n  text: 加油！\n  sources: [speech.txt:3]\n"
    )
    team = write_bank(tmp_path / "team", {"closing.call.yaml": compact}, CORPUS)
    out = mined(tmp_path, {"closing.call.yaml": MINED_CLOSING})
    merge_candidates(out, team)
    after = (team / "closing.call.yaml").read_text(encoding="utf-8")
    assert after.startswith(compact)
    assert "\n- id: closing.call.jiayou\n  text: " in after


def test_bad_candidates_or_bank_stop_the_merge_before_writing(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {}, CORPUS)
    (team / "closing.call.yaml").write_text(TEAM_CLOSING, encoding="utf-8")
    out = mined(tmp_path, {"closing.call.yaml": "function: closing.call\nentries:\n  - id: closing.call.x\n"})
    with pytest.raises(BankError, match=r"mined/closing\.call\.yaml:3: closing\.call\.x: text: missing"):
        merge_candidates(out, team)
    assert (team / "closing.call.yaml").read_text(encoding="utf-8") == TEAM_CLOSING
    with pytest.raises(BankError, match="no such bank folder"):
        merge_candidates(out, tmp_path / "nowhere")


def test_merge_compares_against_the_built_in_bank_and_the_rejections(tmp_path: Path) -> None:
    from drafter.bank.known import record_rejections

    team = tmp_path / "team"
    team.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "closing.thanks.yaml").write_text(
        "function: closing.thanks\nentries:\n"
        "  - {id: closing.thanks.a, text: 谢谢大家！, status: candidate, sources: [a.txt:1]}\n"
        "  - {id: closing.thanks.b, text: 衷心感谢各位的辛勤付出！, status: candidate, sources: [a.txt:2]}\n"
        "  - {id: closing.thanks.c, text: 再次感谢同志们的支持！, status: candidate, sources: [a.txt:3]}\n",
        encoding="utf-8",
    )
    record_rejections(team, {"closing.thanks.b": "衷心感谢各位的辛勤付出！"})
    result = merge_candidates(out, team)
    assert [a.id for a in result.added] == ["closing.thanks.c"]  # a: built in; b: rejected
    assert result.present == 2


def test_approve_and_reject_keep_comments_and_reject_sticks(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from drafter.cli import main

    team = tmp_path / "team"
    team.mkdir()
    (team / "closing.thanks.yaml").write_text(
        "# 团队词库\nfunction: closing.thanks\nentries:\n"
        "  - id: closing.thanks.c  # 好\n    text: 再次感谢同志们的支持与配合！\n"
        "    status: candidate\n"
        "    sources: [a.txt:1]\n"
        "  - id: closing.thanks.d\n    text: 感谢大家的辛勤付出！\n"
        "    status: candidate\n    sources: [a.txt:2]\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(main, ["bank", "approve", "closing.thanks.c", "--bank", str(team)]).exit_code == 0
    assert runner.invoke(main, ["bank", "reject", "closing.thanks.d", "--bank", str(team)]).exit_code == 0
    text = (team / "closing.thanks.yaml").read_text(encoding="utf-8")
    assert text.startswith("# 团队词库\n") and "# 好" in text
    assert "status: approved" in text and "status: deprecated" in text
    out = tmp_path / "mined"
    out.mkdir()
    (out / "closing.thanks.yaml").write_text(
        "function: closing.thanks\nentries:\n"
        "  - {id: closing.thanks.d, text: 感谢大家的辛勤付出。, status: candidate, sources: [a.txt:2]}\n",
        encoding="utf-8",
    )
    assert merge_candidates(out, team).added == ()
    missing = runner.invoke(main, ["bank", "approve", "nope", "--bank", str(team)])
    assert missing.exit_code != 0 and "nope" in missing.output and "Traceback" not in missing.output


def test_review_approves_edits_rejects_and_resumes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from drafter.cli import main

    team = tmp_path / "team"
    team.mkdir()
    (team / "closing.thanks.yaml").write_text(
        "# 团队词库\nfunction: closing.thanks\nentries: []\n", encoding="utf-8"
    )
    mined = tmp_path / "mined"
    mined.mkdir()
    (mined / "closing.thanks.yaml").write_text(
        "function: closing.thanks\nentries:\n"
        "  - {id: closing.thanks.a, text: 谢谢大家！, status: candidate, sources: [a.txt:1]}\n"
        "  - {id: closing.thanks.b, text: 衷心感谢各位的辛勤付出！, status: candidate, sources: [a.txt:2]}\n"
        "  - {id: closing.thanks.c, text: 再次感谢同志们的支持！, status: candidate, sources: [a.txt:3]}\n"
        "  - {id: closing.thanks.d, text: 感谢大家的耐心聆听！, status: candidate, sources: [a.txt:4]}\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "谢谢大家！\n衷心感谢各位的辛勤付出！\n再次感谢同志们的支持！\n感谢大家的耐心聆听！\n"
    )
    args = ["bank", "review", str(mined), "--into", str(team), "--corpus", str(corpus)]
    first = CliRunner().invoke(main, args, input="r\ns\nq\n")
    assert first.exit_code == 0, first.output
    assert first.output.startswith("3 candidates to review")  # 谢谢大家！ is built in
    assert ">     2 | 衷心感谢各位的辛勤付出！" in first.output
    second = CliRunner().invoke(main, args, input="a\ne\n再次感谢同志们的大力支持！\n\nformula\n")
    assert second.exit_code == 0, second.output
    assert second.output.startswith("2 candidates to review") and "0 left" in second.output
    text = (team / "closing.thanks.yaml").read_text(encoding="utf-8")
    assert text.startswith("# 团队词库\n")
    assert "text: 再次感谢同志们的支持！" in text and "text: 再次感谢同志们的大力支持！" in text
    assert text.count("status: approved") == 2
    assert CliRunner().invoke(main, args, input="q\n").output.startswith("0 candidates")
