"""Busy teams: two merges into one bank at once, a merge killed half-way, exclusive outputs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bank_helpers import CORPUS, write_bank
from ruamel.yaml import YAML

from drafter.bank.load import load_bank
from drafter.bank.lock import JOURNAL_FILE, editing
from drafter.bank.validate import validate_bank

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FUNCTIONS = ("closing.call", "closing.thanks", "transition")


def mined(folder: Path, numbers: range, tag: str) -> Path:
    """A mined folder: one candidate per number and function, the ids naming which run mined it."""
    folder.mkdir()
    for function in FUNCTIONS:
        lines = [f"function: {function}", "entries:"]
        for n in numbers:
            lines += [
                f"  - id: {function}.{tag}{n}",
                f"    text: 同志们，{function}要把第{n}号任务落到实处！",
                "    status: candidate",
                '    sources: ["speech.txt:3"]',
            ]
        (folder / f"{function}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run_drafter(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.Popen(
        [sys.executable, "-m", "drafter", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def team_ids(team: Path) -> list[str]:
    ids: list[str] = []
    for path in sorted(team.glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        ids += [item["id"] for item in data["entries"]]
    return ids


def test_two_merges_at_once_lose_nothing_and_duplicate_nothing(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {}, CORPUS)
    first = mined(tmp_path / "a", range(0, 60), "a")
    second = mined(tmp_path / "b", range(30, 90), "b")  # 30 texts both runs found
    runs = [run_drafter("bank", "merge", str(out), str(team), cwd=tmp_path) for out in (first, second)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    ids = team_ids(team)
    assert len(ids) == len(set(ids)), "duplicate ids"
    texts = {entry.text for entry in load_bank([team], builtin=False).entries.values()}
    wanted = {f"同志们，{f}要把第{n}号任务落到实处！" for f in FUNCTIONS for n in range(90)}
    assert texts == wanted  # every candidate of both runs, each once
    assert len(ids) == 3 * 90
    for folder in (team, first, second):
        assert not validate_bank([folder], builtin=False).errors
    assert not [p for p in team.iterdir() if p.name.endswith(".tmp") or p.name == JOURNAL_FILE]


KILL_ON_SECOND_FILE = """
import os, signal, sys
import drafter.atomic
real = os.replace
written = []
def replace(src, dst):
    if str(dst).endswith(".yaml"):
        written.append(dst)
        if len(written) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
drafter.atomic.os.replace = replace
from drafter.cli import run
sys.argv = ["drafter", "bank", "merge", sys.argv[1], sys.argv[2]]
run()
"""


def test_a_merge_killed_half_way_is_reported_and_completed_by_the_next_command(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {}, CORPUS)
    (team / "closing.call.yaml").write_text(
        "# 团队的结尾号召\r\nfunction: closing.call\r\nentries: []\r\n", encoding="utf-8"
    )
    out = mined(tmp_path / "mined", range(5), "m")
    killed = subprocess.run(
        [sys.executable, "-c", KILL_ON_SECOND_FILE, str(out), str(team)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    assert (team / JOURNAL_FILE).is_file()
    leftovers = [p.name for p in team.iterdir() if p.name.endswith(".tmp")]
    assert leftovers  # the killed process's temporary file, waiting for the next command
    assert len(team_ids(team)) == 5  # one of three files merged: half done

    check = run_drafter("bank", "validate", "--no-builtin", str(team), cwd=tmp_path)
    stdout, _ = check.communicate(timeout=120)
    assert "was interrupted" in stdout and "completes it" in stdout

    again = run_drafter("bank", "merge", str(out), str(team), cwd=tmp_path)
    stdout, stderr = again.communicate(timeout=120)
    assert again.returncode == 0, stderr
    assert "was interrupted" in stderr and "completed it" in stderr
    assert "0 candidates added" in stdout  # the journal finished what the killed merge began
    assert sorted(team_ids(team)) == sorted(f"{f}.m{n}" for f in FUNCTIONS for n in range(5))
    assert not [p for p in team.iterdir() if p.name.endswith(".tmp") or p.name == JOURNAL_FILE]
    assert (team / "closing.call.yaml").read_bytes().startswith(b"# \xe5\x9b\xa2")
    assert b"\r\n" in (team / "closing.call.yaml").read_bytes()


def test_a_file_changed_by_hand_after_a_kill_is_left_as_it_is(tmp_path: Path) -> None:
    import json

    team = tmp_path / "team"
    team.mkdir()
    (team / "a.yaml").write_text("function: closing.call\nentries: []\n", encoding="utf-8")
    record = {
        "pid": 1,
        "files": [
            {"file": "a.yaml", "before": "0" * 64, "after": "1" * 64, "text": "function: x\n"},
        ],
    }
    (team / JOURNAL_FILE).write_text(json.dumps(record), encoding="utf-8")
    with editing(team) as edit:
        assert "changed by hand since, left as they are: a.yaml" in edit.notices[0]
    assert (team / "a.yaml").read_text(encoding="utf-8") == "function: closing.call\nentries: []\n"
    assert not (team / JOURNAL_FILE).exists()


def test_a_second_editor_waits_for_the_lock_then_gives_a_clear_error(tmp_path: Path) -> None:
    from drafter.errors import BankError

    holder = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from drafter.bank.lock import editing
        with editing(Path(sys.argv[1])):
            print("locked", flush=True)
            time.sleep(30)
        """
    )
    team = tmp_path / "team"
    team.mkdir()
    other = subprocess.Popen([sys.executable, "-c", holder, str(team)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "locked"
        with (
            pytest.raises(BankError, match="another drafter command is editing this bank"),
            editing(team, timeout=0.2),
        ):
            pass
    finally:
        other.kill()
        other.communicate()
    with editing(team, timeout=5):  # the lock died with its process
        pass


@pytest.mark.parametrize("command", ["draft", "mine"])
def test_two_commands_to_one_new_output_exactly_one_succeeds(tmp_path: Path, command: str) -> None:
    corpus = tmp_path / "speeches"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(CORPUS["speech.txt"] * 3, encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_bytes((EXAMPLES / "work_meeting.yaml").read_bytes())
    for trial in range(3):
        target = tmp_path / f"out{trial}"
        if command == "draft":
            args = ["draft", str(brief), "-o", f"{target}.md"]
        else:
            args = ["mine", str(corpus), "-o", str(target)]
        runs = [run_drafter(*args, cwd=tmp_path) for _ in range(2)]
        results = [run.communicate(timeout=300) for run in runs]
        codes = sorted(run.returncode for run in runs)
        assert codes[0] == 0 and codes[1] != 0, results
        failed = results[[run.returncode for run in runs].index(codes[1])]
        assert "already exists" in failed[1] and "Traceback" not in failed[1]
        assert len(failed[1].strip().splitlines()) == 1
