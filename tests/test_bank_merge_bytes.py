"""`bank merge` and `bank approve` write back only the lines they change: flow style, BOM, line ends."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from drafter.bank.merge import merge_candidates
from drafter.bank.review import approve

ENTRY = "id: closing.call.a\n{i}text: 同志们，让我们团结一心，为{{goal}}而努力奋斗！\n{i}sources: [a.txt:1]\n"
ODD_FILES = {
    "flow tags": "function: closing.call\nentries:\n  - " + ENTRY.format(i="    ") + "    tags: [团,奋]\n",
    "flow entries": "function: closing.call\nentries: [{id: closing.call.a, text: '同志们，让我们团结一心，"
    "为{goal}而努力奋斗！', tags: [团结], sources: [a.txt:1]}]\n",
    "byte-order mark": "\ufefffunction: closing.call\nentries:\n  - " + ENTRY.format(i="    "),
    "CRLF": ("function: closing.call\nentries:\n  - " + ENTRY.format(i="    ")).replace("\n", "\r\n"),
    "BOM and CRLF": ("\ufeff# 团队\nfunction: closing.call\nentries:\n  - " + ENTRY.format(i="    ")).replace(
        "\n", "\r\n"
    ),
    "no final line end": "function: closing.call\nentries:\n  - " + ENTRY.format(i="    ").rstrip("\n"),
    "document markers": "---\nfunction: closing.call\nentries:\n- id: closing.call.a\n"
    '  text:   "同志们，让我们团结一心，为{goal}而努力奋斗！"\n  tags:   [ 团结 ]\n'
    "  sources: [a.txt:1]\n...\n",
    "odd spacing": "function:   closing.call\nentries:\n    -   " + ENTRY.format(i="        ") + "\n\n",
    "folded text": "function: closing.call\nentries:\n  - id: closing.call.a\n    text: >-\n"
    "      同志们，让我们团结一心，\n      为{goal}而努力奋斗！\n    sources: [a.txt:1]\n",
    "entries first": "entries:\n  - " + ENTRY.format(i="    ") + "function: closing.call  # 放在最后\n",
}
MINED = (
    "function: closing.call\nentries:\n  - id: closing.call.new\n"
    "    text: 同志们，让我们鼓足干劲，为{goal}再立新功！\n    tags: [干劲]\n    status: candidate\n"
    '    sources: ["speech.txt:3"]\n'
)


def untouched(before: bytes, after: bytes) -> bool:
    """Whether every line of `before` is in `after` with its bytes (line ends aside), in order."""
    old = [line.rstrip(b"\r\n") for line in before.splitlines()]
    new = [line.rstrip(b"\r\n") for line in after.splitlines()]
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return all(op in ("equal", "insert") for op, *_ in ops)


def same_form(before: bytes, after: bytes) -> None:
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    assert (b"\r\n" in after) == (b"\r\n" in before)
    assert after.count(b"\r\n") == after.count(b"\n") or b"\r\n" not in before  # no mixed line ends
    assert after.endswith(b"\n") == before.endswith(b"\n")


@pytest.mark.parametrize("name", list(ODD_FILES))
def test_merge_keeps_the_bytes_of_every_line_it_does_not_change(tmp_path: Path, name: str) -> None:
    team, out = tmp_path / "team", tmp_path / "mined"
    team.mkdir()
    out.mkdir()
    before = ODD_FILES[name].encode("utf-8")
    (team / "closing.call.yaml").write_bytes(before)
    (out / "closing.call.yaml").write_text(MINED, encoding="utf-8")
    assert [a.id for a in merge_candidates(out, team).added] == ["closing.call.new"]
    after = (team / "closing.call.yaml").read_bytes()
    same_form(before, after)
    data = YAML(typ="safe").load(after.decode("utf-8-sig"))
    assert [e["id"] for e in data["entries"]] == ["closing.call.a", "closing.call.new"]
    if name == "flow entries":  # one line, kept a flow list, grows in place
        assert after.count(b"\n") == 2 and b"entries: [{id: closing.call.a, text: '" in after
    else:
        assert untouched(before, after)


@pytest.mark.parametrize("name", ["CRLF", "BOM and CRLF", "flow tags", "odd spacing"])
def test_approve_changes_one_line(tmp_path: Path, name: str) -> None:
    team = tmp_path / "team"
    team.mkdir()
    text = re.sub(r"\n( +)text:", r"\n\1status: candidate\n\1text:", ODD_FILES[name], count=1)
    if "\r\n" in text:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    before = text.encode("utf-8")
    (team / "closing.call.yaml").write_bytes(before)
    assert approve(team, ["closing.call.a"]) == ["closing.call.a"]
    after = (team / "closing.call.yaml").read_bytes()
    same_form(before, after)
    assert before.replace(b"status: candidate", b"status: approved") == after
