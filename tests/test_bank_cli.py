"""`drafter bank ...` from the command line: output, exit codes, help, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bank_helpers import CITING_MIXED, CLOSING, CORPUS, THANKS, write_bank, write_mixed_corpus
from click.testing import CliRunner

from drafter.bank.schema import bank_file_schema_text
from drafter.cli import main

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "drafter" / "schemas" / "bank.schema.json"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return write_bank(
        tmp_path / "team", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS}, CORPUS
    )


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["bank", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["", "validate", "search", "show", "stats", "schema", "merge"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(*([command] if command else []), "-h")
    assert code == 0 and "Usage:" in out
    if command:
        assert "Example:" in out


def test_validate_clean_team_bank(team: Path) -> None:
    assert run("validate", "team", "--no-builtin") == (0, "3 entries in 2 files: 0 errors, 0 warnings\n", "")


def test_validate_reports_findings_and_exits_1(tmp_path: Path) -> None:
    write_bank(
        tmp_path / "team", {"closing.thanks.yaml": THANKS.replace("speech.txt:4", "speech.txt:40")}, CORPUS
    )
    code, out, _ = run("validate", "team", "--no-builtin")
    assert code == 1
    assert out.splitlines() == [
        "team/closing.thanks.yaml:5: closing.thanks.xiexie: source speech.txt:40: line 40 is past the end "
        "(4 lines)",
        "1 entry in 1 file: 1 error, 0 warnings",
    ]


def test_validate_warnings_pass_unless_strict(tmp_path: Path) -> None:
    write_bank(tmp_path / "b", {"closing.thanks.yaml": THANKS})
    code, out, _ = run("validate", "b", "--no-builtin")
    assert code == 0
    assert out.splitlines() == [
        "b: warning: no corpus/ subfolder and no --corpus given: sources not checked",
        "1 entry in 1 file: 0 errors, 1 warning",
    ]
    assert run("validate", "b", "--no-builtin", "--strict")[0] == 1
    write_bank(tmp_path / "archive", {}, CORPUS)
    assert run("validate", "b", "--no-builtin", "--strict", "--corpus", "archive/corpus") == (
        0,
        "1 entry in 1 file: 0 errors, 0 warnings\n",
        "",
    )


def test_validate_follows_sources_into_gbk_text_and_docx(tmp_path: Path) -> None:
    write_bank(tmp_path / "team", {"closing.thanks.yaml": CITING_MIXED})
    write_mixed_corpus(tmp_path / "archive")
    code, out, err = run("validate", "team", "--corpus", "archive", "--no-builtin")
    assert (code, err) == (1, "")
    where = "team/closing.thanks.yaml"
    assert out.splitlines() == [
        f"{where}:8: closing.thanks.xiexie: source gbk.txt:5: line 5 is past the end (4 lines)",
        f"{where}:9: closing.thanks.xiexie: source speech.docx:9: paragraph 9 is past the end (4 paragraphs)",
        f"{where}:10: closing.thanks.xiexie: source broken.docx:1: corrupt .docx (File is not a zip file)",
        "1 entry in 1 file: 3 errors, 0 warnings",
    ]


def test_validate_builtin_bank_by_default() -> None:
    code, out, _ = run("validate")
    assert code == 0, out
    assert " 0 errors, " in out.splitlines()[-1]


def test_validate_missing_folder_is_a_usage_error() -> None:
    code, _, err = run("validate", "nowhere")
    assert code == 2 and "nowhere" in err


def test_search_filters_and_layering(team: Path) -> None:
    code, out, _ = run("search", "让我们", "--phrasebank", "team", "--no-builtin")
    assert code == 0
    assert out.splitlines() == [
        "closing.call.tuanjie\t同志们，让我们团结一心，为{goal}而努力奋斗！",
        "closing.call.fendou\t同志们，让我们撸起袖子加油干，为{goal}而奋斗！",
    ]
    assert (
        run("search", "让我们", "--tag", "担当", "--phrasebank", "team", "--no-builtin")[1].count("\n") == 1
    )
    assert run("search", "", "--function", "closing.thanks", "--phrasebank", "team", "--no-builtin")[1] == (
        "closing.thanks.xiexie\t谢谢大家！\n"
    )


def test_search_falls_back_to_close_matches_and_says_when_nothing_matches(team: Path) -> None:
    out = run("search", "团结一致努力奋斗", "--phrasebank", "team", "--no-builtin")[1]
    assert out.splitlines()[0].startswith("closing.call.tuanjie\t")
    code, out, err = run("search", "乡村振兴", "--phrasebank", "team", "--no-builtin")
    assert (code, out, err) == (0, "", "no entry matches\n")


def test_search_builtin_bank() -> None:
    code, out, _ = run("search", "同志们")
    assert code == 0 and out


def test_show_prints_fields_origin_and_source_in_context(team: Path) -> None:
    code, out, _ = run("show", "closing.call.fendou", "--phrasebank", "team", "--no-builtin")
    assert code == 0
    assert out.splitlines() == [
        "closing.call.fendou",
        "  function  closing.call",
        "  status    approved",
        "  text      同志们，让我们撸起袖子加油干，为{goal}而奋斗！",
        "  tags      担当",
        "  kinds     work_meeting",
        "  defined   team/closing.call.yaml:9 (team)",
        "  sources:",
        "    speech.txt:3",
        "           2 | 同志们：",
        "      >    3 | 同志们，让我们团结一心，为建设美好家园而努力奋斗！",
        "           4 | 谢谢大家！",
    ]


def test_show_prints_gbk_and_docx_sources_as_mined_and_says_why_others_cannot(tmp_path: Path) -> None:
    write_bank(tmp_path / "team", {"closing.thanks.yaml": CITING_MIXED})
    write_mixed_corpus(tmp_path / "archive")
    code, out, _ = run(
        "show", "closing.thanks.xiexie", "--corpus", "archive", "--phrasebank", "team", "--no-builtin"
    )
    assert code == 0
    assert out.splitlines()[-13:] == [
        "  sources:",
        "    gbk.txt:4",
        "           3 | 同志们，让我们团结一心，为建设美好家园而努力奋斗！",
        "      >    4 | 谢谢大家！",
        "    speech.docx:4",
        "           3 | 同志们，让我们团结一心，为建设美好家园而努力奋斗！",
        "      >    4 | 谢谢大家！",
        "    gbk.txt:5",
        "      (source gbk.txt:5: line 5 is past the end (4 lines))",
        "    speech.docx:9",
        "      (source speech.docx:9: paragraph 9 is past the end (4 paragraphs))",
        "    broken.docx:1",
        "      (source broken.docx:1: corrupt .docx (File is not a zip file))",
    ]


def test_show_override_chain_and_unknown_id(team: Path, tmp_path: Path) -> None:
    override = "function: closing.call\nentries:\n  - id: closing.call.fendou\n    status: deprecated\n"
    write_bank(tmp_path / "mine", {"closing.call.yaml": override})
    layers = ["--phrasebank", "team", "--phrasebank", "mine", "--no-builtin"]
    out = run("show", "closing.call.fendou", *layers)[1]
    assert "\n  status    deprecated\n" in out
    assert "\n  defined   team/closing.call.yaml:9 (team)\n" in out
    assert "\n  override  mine/closing.call.yaml:3 (mine): sets status\n" in out
    code, out, err = run("show", "closing.call.fendu", "--phrasebank", "team", "--no-builtin")
    assert (code, out) == (1, "")
    assert err == (
        "closing.call.fendu: no entry with this id in the bank "
        "(did you mean closing.call.fendou, closing.call.tuanjie?)\n"
    )


def test_show_builtin_entry_with_its_corpus() -> None:
    from drafter.bank.load import load_bank

    code, out, _ = run("show", next(iter(load_bank().entries)))
    assert code == 0 and "(built-in bank)" in out and "      > " in out


def test_stats(team: Path) -> None:
    code, out, _ = run("stats", "--phrasebank", "team", "--no-builtin")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "3 entries (approved 3, candidate 0, deprecated 0)"
    assert lines[3].split() == ["closing.call", "2", "0", "0", "2"]
    assert lines[4].split() == ["closing.thanks", "1", "0", "0", "1"]
    assert lines[-2:] == ["团结  1", "担当  1"]


def test_bad_bank_is_one_line_per_problem_on_stderr(tmp_path: Path) -> None:
    write_bank(
        tmp_path / "bad", {"title.yaml": "function: title\nentries:\n  - id: title.a\n    text: [oops\n"}
    )
    code, out, err = run("stats", "--phrasebank", "bad")
    assert (code, out) == (1, "")
    assert err == "bad/title.yaml:5:1: YAML syntax error: did not find expected ',' or ']'\n"


def test_schema_command_matches_the_committed_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert out == bank_file_schema_text()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == out, "refresh it: drafter bank schema > " + str(
        SCHEMA_FILE
    )
    schema = json.loads(out)
    assert schema["properties"]["function"]["enum"][0] == "title"
    assert schema["$defs"]["Entry"]["required"] == ["id"]


def test_merge_prints_what_it_added(team: Path, tmp_path: Path) -> None:
    out_dir = write_bank(
        tmp_path / "mined",
        {
            "closing.call.yaml": """
                function: closing.call
                entries:
                  - id: closing.call.jiayou
                    text: 同志们，让我们鼓足干劲，为{goal}再立新功！
                    status: candidate
                    sources: ["speech.txt:3"]
                  - id: closing.call.same
                    text: 同志们让我们团结一心为{goal}而努力奋斗
                    status: candidate
                    sources: ["speech.txt:3"]
            """
        },
    )
    code, out, _ = run("merge", str(out_dir), "team")
    assert code == 0
    assert out.splitlines() == [
        "added closing.call.jiayou to team/closing.call.yaml: 同志们，让我们鼓足干劲，为{goal}再立新功！",
        "1 candidates added to 1 file; 1 already present",
    ]
    assert run("merge", str(out_dir), "team")[1] == "0 candidates added to 0 files; 2 already present\n"


def test_pre_commit_hook_runs_bank_validate() -> None:
    hooks_file = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"
    hooks = yaml.safe_load(hooks_file.read_text(encoding="utf-8"))
    assert hooks == [
        {
            "id": "drafter-bank-validate",
            "name": "drafter bank validate",
            "description": hooks[0]["description"],
            "entry": "drafter bank validate",
            "language": "python",
            "files": r"\.ya?ml$",
            "pass_filenames": False,
        }
    ]
    assert run(*hooks[0]["entry"].split()[2:], "-h")[0] == 0
