"""The team's loop from mined candidate to bank entry: mine, review, re-mine, merge."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sample_speeches import copy_samples

from drafter.bank.known import presence_key, rejected
from drafter.bank.load import load_bank
from drafter.bank.merge import merge_candidates
from drafter.bank.review import pending
from drafter.cli import main


def _mine(corpus: Path, out: Path) -> None:
    result = CliRunner().invoke(main, ["mine", str(corpus), "-o", str(out), "-q", "--force"])
    assert result.exit_code == 0, result.output


def test_review_then_mine_again_keeps_decisions(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    mined, team = tmp_path / "mined", tmp_path / "team"
    team.mkdir()
    _mine(corpus, mined)
    todo = pending(mined, team)
    first, second, third = todo[0], todo[1], todo[2]
    keys = "a\nr\ne\n改过的{topic}文本\n\nformula\nq\n"
    result = CliRunner().invoke(main, ["bank", "review", str(mined), "--into", str(team)], input=keys)
    assert result.exit_code == 0, result.output
    assert "3 decided" in result.output
    entries = load_bank([team], builtin=False).entries
    assert entries[first.id].status == "approved"
    assert entries[third.id].text == "改过的{topic}文本"
    assert second.id in rejected(team)

    _mine(corpus, mined)  # the next mining run finds all three again
    left = {c.id for c in pending(mined, team)}
    assert left <= {c.id for c in todo} - {first.id, second.id, third.id}
    # what else left the queue has the text (for a set: the skeleton) of one decided
    decided = {presence_key(str(c.item["text"]), c.item.get("members")) for c in (first, second, third)}
    assert all(
        presence_key(str(c.item["text"]), c.item.get("members")) in decided for c in todo if c.id not in left
    )
    merged = merge_candidates(mined, team)
    assert second.id not in {a.id for a in merged.added}  # rejected stays rejected


def test_merge_adds_nothing_the_builtin_bank_has(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    mined, team = tmp_path / "mined", tmp_path / "team"
    team.mkdir()
    _mine(corpus, mined)
    builtin = {presence_key(e.text, e.members) for e in load_bank([], builtin=True).entries.values()}
    added = merge_candidates(mined, team).added
    assert added
    entries = load_bank([team], builtin=False).entries
    assert not {presence_key(entries[a.id].text, entries[a.id].members) for a in added} & builtin


def test_sets_without_a_skeleton_are_told_apart_by_their_members() -> None:
    one = presence_key("{X}", [{"X": "规划一张图"}, {"X": "上下一盘棋"}])
    other = presence_key("{X}", [{"X": "政策清楚"}, {"X": "情况清楚"}])
    assert one != other
    # a skeleton is the formula: the same skeleton is the same entry, whatever its examples
    assert presence_key("{X}要更{Y}", [{"X": "站位", "Y": "高"}]) == presence_key("{A}要更{B}", None)


def test_a_scripted_rejection_holds_for_merge_and_the_next_mining_run(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    mined, team = tmp_path / "mined", tmp_path / "team"
    team.mkdir()
    _mine(corpus, mined)
    target = next(c for c in pending(mined, team) if c.function == "problem")
    result = CliRunner().invoke(main, ["bank", "reject", target.id, "--bank", str(mined)])
    assert result.exit_code == 0, result.output
    _mine(corpus, mined)  # --force over the same folder: its rejected.txt is kept and read
    entry = load_bank([mined], builtin=False).entries[target.id]
    assert entry.status == "deprecated"
    assert target.id not in {c.id for c in pending(mined, team)}
    assert target.id not in {a.id for a in merge_candidates(mined, team).added}
