"""`drafter new`, `drafter check`, `drafter schema` through the command line, in process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.compose.starters import brief_schema, brief_schema_text, schema_modeline, starter_text
from drafter.vocabulary import KINDS

GOOD = """\
template: work_meeting
occasion: 全区政府工作会议
speaker: {post: 区长}
date: 2026-11-30
sections:
  - heading: 强化集体决策
    points:
      - text: [集体决策是一种科学的工作方法。]
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["new", "check", "schema"])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_examples(command: str, flag: str) -> None:
    code, out, _ = run(command, flag)
    assert code == 0
    assert f"Usage: main {command}" in out or f"Usage: drafter {command}" in out
    assert "Examples:" in out and f"drafter {command}" in out


def test_main_help_lists_the_brief_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("new", "check", "schema"):
        assert f"  {command} " in out


def test_new_help_names_every_kind() -> None:
    _, out, _ = run("new", "--help")
    for kind in KINDS:
        assert kind in out


# --- new ---------------------------------------------------------------------------------------


def test_new_writes_the_starter(tmp_path: Path) -> None:
    target = tmp_path / "brief.yaml"
    code, out, err = run("new", "summary", "-o", str(target))
    assert (code, out) == (0, "")
    assert err.splitlines()[0] == f"{target}: starter brief for summary written"
    assert target.read_text(encoding="utf-8") == starter_text("summary")
    assert target.read_text(encoding="utf-8").splitlines()[0] == schema_modeline()
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not mkstemp's 0600


def test_new_defaults_to_kind_dot_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the default output is relative to the working folder, so this one test must move into tmp_path
    monkeypatch.chdir(tmp_path)
    code, _, err = run("new", "training")
    assert code == 0 and err.splitlines()[0] == "training.yaml: starter brief for training written"
    assert (tmp_path / "training.yaml").read_text(encoding="utf-8") == starter_text("training")


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "brief.yaml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run("new", "summary", "-o", str(target))
    assert code == 1
    assert err == f"{target}: already exists (use --force to overwrite)\n"
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = run("new", "summary", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8") == starter_text("summary")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.schema.json", "brief.yaml"]  # no temp file


def test_new_to_stdout() -> None:
    code, out, _ = run("new", "system_meeting", "-o", "-")
    assert code == 0 and out == starter_text("system_meeting")


def test_new_unknown_kind_is_one_line(tmp_path: Path) -> None:
    code, out, err = run("new", "speech", "-o", str(tmp_path / "x.yaml"))
    assert (code, out) == (1, "")
    assert err == "speech: no starter brief for this kind; known kinds: " + ", ".join(sorted(KINDS)) + "\n"
    assert not (tmp_path / "x.yaml").exists()


def test_new_then_check_is_ok(tmp_path: Path) -> None:
    paths = []
    for kind in sorted(KINDS):
        paths.append(str(tmp_path / f"{kind}.yaml"))
        assert run("new", kind, "-o", paths[-1])[0] == 0
    code, out, err = run("check", *paths)
    assert code == 0, err
    assert out == "".join(f"{p}: ok\n" for p in paths)


# --- check -------------------------------------------------------------------------------------


def test_check_reports_every_brief_and_fails_if_any_is_bad(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        GOOD.replace("template: work_meeting", "template: 会议").replace("date: 2026-11-30", "date: 明天")
    )
    missing = tmp_path / "missing.yaml"
    code, out, err = run("check", "--no-gaps", str(bad), str(good), str(missing), str(tmp_path))
    assert code == 1
    assert out == f"{good}: ok\n"
    known = ", ".join(sorted(KINDS))
    assert err.splitlines() == [
        f"{bad}:1: template: unknown template '会议'; known templates: {known}",
        f"{bad}:4: date: not a date: '明天' (write it as YYYY-MM-DD, e.g. 2026-11-30)",
        f"{missing}: no such file",
        f"{tmp_path}: is a directory, expected a brief",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty, expected a brief"),
        (b"template: [\n", "YAML syntax error"),
        ("speaker: {post: 区长}\n".encode("gb18030"), "not UTF-8 text (save the brief as UTF-8)"),
    ],
)
def test_check_unreadable_brief_is_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(content)
    code, out, err = run("check", str(path))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1 and err.startswith(str(path)) and message in err
    assert "Traceback" not in err


def test_check_with_own_templates(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "briefing.j2").write_text("{# 情况通报会讲话 #}\n", encoding="utf-8")
    path = tmp_path / "brief.yaml"
    path.write_text(GOOD.replace("template: work_meeting", "template: briefing"), encoding="utf-8")
    assert run("check", str(path))[0] == 1
    code, out, _ = run("check", "--no-gaps", str(path), "--templates", str(folder))  # not draftable
    assert (code, out) == (0, f"{path}: ok\n")


def test_check_missing_templates_folder_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(GOOD, encoding="utf-8")
    code, _, err = run("check", str(path), "--templates", str(tmp_path / "none"))
    assert code == 1
    assert err == f"{tmp_path / 'none'}: --templates: no such folder\n"


def test_check_names_heading_sets_in_the_layered_bank(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "heading_set.yaml").write_text(
        "function: heading_set\n"
        "entries:\n"
        "  - id: heading_set.testonly.pair\n"
        '    text: "{X}要更{Y}"\n'
        "    members: [{X: 站位, Y: 高}, {X: 标准, Y: 严}]\n"
        '    sources: ["003_e8e85886354524de.txt:6"]\n',
        encoding="utf-8",
    )
    path = tmp_path / "brief.yaml"
    path.write_text(GOOD.replace("sections:", "headings: {set: heading_set.testonly.pair}\nsections:"))
    code, _, err = run("check", str(path))
    assert code == 1
    assert err.startswith(
        f"{path}:5: headings.set: no heading set 'heading_set.testonly.pair' in the phrase bank"
    )
    code, out, err = run("check", "--no-gaps", str(path), "--phrasebank", str(bank))
    assert (code, out, err) == (0, f"{path}: ok\n", "")


def test_check_prints_warnings_but_passes(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(GOOD.replace("      - text:", "      - tags: [不存在的标签]\n        text:"))
    code, out, err = run("check", "--no-gaps", str(path))
    assert (code, out) == (0, f"{path}: ok\n")
    assert err == (
        f"{path}:8: sections.0.points.0.tags.0: warning: "
        "tag '不存在的标签' is used by no bank entry, so it steers nothing\n"
    )


def test_check_needs_a_brief() -> None:
    code, _, err = run("check")
    assert code == 2 and "Missing argument 'BRIEF...'" in err


# --- schema ------------------------------------------------------------------------------------


def test_schema_prints_the_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert out == brief_schema_text()
    assert json.loads(out) == json.loads(json.dumps(brief_schema()))
    assert "讲话日期" in out  # Chinese descriptions are not escaped


def test_schema_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.schema.json"
    assert run("schema", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == brief_schema_text()
    code, _, err = run("schema", "-o", str(target))
    assert code == 1 and err.endswith("already exists (use --force to overwrite)\n")


def test_check_font_profile(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(GOOD + "font_profile: windows\n", encoding="utf-8")
    assert run("check", str(path))[:2] == (0, f"{path}: ok\n")
    path.write_text(GOOD + "font_profile: 仿宋\n", encoding="utf-8")
    code, out, err = run("check", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:9: font_profile: font profile '仿宋': unknown "
        "(expected standard, windows, or the path of a .yaml font profile)\n"
    )


def test_check_font_profile_file_problems(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    profile = tmp_path / "fonts.yaml"
    path.write_text(GOOD + f"font_profile: {profile}\n", encoding="utf-8")
    code, _, err = run("check", str(path))
    assert (code, err) == (1, f"{path}:9: font_profile: {profile}: no such file\n")
    profile.write_text("title: [方正小标宋\n", encoding="utf-8")
    code, _, err = run("check", str(path))
    assert code == 1 and err.startswith(f"{path}:9: font_profile: {profile}:2:1: YAML syntax error: ")
    profile.write_text("titel: 宋体\n", encoding="utf-8")
    code, _, err = run("check", str(path))
    assert code == 1 and err.startswith(f"{profile}:1: titel: unknown key")
