"""`drafter draft` and `drafter templates` through Click, in process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from drafter.cli import main
from drafter.commands.draft import plan_outputs, trace_path
from drafter.vocabulary import KIND_ROLES, KINDS, ROLE_LABELS

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    copy = tmp_path / "speech.yaml"
    shutil.copy(EXAMPLES / "training.yaml", copy)
    return copy


def test_draft_markdown_to_a_file_prints_the_length(brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "draft.md"
    result = run("draft", brief, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 加强工作规范　注重工作方法\n")
    assert "**（一）强化集体决策。**" in text
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{out}: 约")]
    assert lines and lines[0].endswith("分钟")
    # gaps, if any, are summed up on the last line with target and reached length
    last = result.stderr.splitlines()[-1]
    assert last == lines[0] or ("处待补，约需补写" in last and "目标" in last and "已写" in last)


def test_no_gaps_leaves_gaps_unmarked(brief: Path, tmp_path: Path) -> None:
    marked, quiet = tmp_path / "a.md", tmp_path / "b.md"
    assert run("draft", brief, "-o", marked).exit_code == 0
    result = run("draft", brief, "-o", quiet, "--no-gaps")
    assert result.exit_code == 0 and "待补" not in quiet.read_text(encoding="utf-8")
    assert "处待补" not in result.stderr


def test_suggest_lists_material_with_score_id_and_source(brief: Path) -> None:
    result = run("suggest", brief, "--top", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("领域：")
    assert "sections.0.points.0" in result.stdout
    import re

    scored = re.compile(r"^    \d+\.\d\d  [a-z][a-z0-9_.-]+  \S+:\d+  \S")
    assert any(scored.match(line) for line in result.stdout.splitlines()), result.stdout


def test_text_format_by_option(brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.txt"
    assert run("draft", brief, "-o", out, "--format", "txt").exit_code == 0
    assert "　　（一）强化集体决策。" in out.read_text(encoding="utf-8")


def test_existing_output_needs_force(brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.md"
    out.write_text("mine", encoding="utf-8")
    result = run("draft", brief, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"{out}: already exists (use --force to overwrite)\n"
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("draft", brief, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_seed_gives_another_draft_and_the_same_seed_the_same(tmp_path: Path) -> None:
    outputs = []
    for name, seed in (("a", "3"), ("b", "3"), ("c", "4")):
        out = tmp_path / f"{name}.md"
        assert run("draft", EXAMPLES / "system_meeting.yaml", "-o", out, "--seed", seed).exit_code == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] != outputs[2]


def test_several_briefs_into_a_folder(tmp_path: Path) -> None:
    briefs = sorted(EXAMPLES.glob("*.yaml"))
    out = tmp_path / "drafts"
    result = run("draft", *briefs, "-o", out, "--format", "md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{b.stem}.md" for b in briefs)


def test_one_bad_brief_is_reported_and_the_others_drafted(brief: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("template: training\nspeaker: [1\n", encoding="utf-8")
    out = tmp_path / "drafts"
    result = run("draft", bad, brief, "-o", out, "--format", "md")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:3:1: YAML syntax error: ")
    assert "Traceback" not in result.output
    assert (out / "speech.md").exists() and not (out / "bad.md").exists()


def test_trace_is_written_beside_the_draft(brief: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.md"
    assert run("draft", brief, "-o", out, "--trace").exit_code == 0
    lines = trace_path(out).read_text(encoding="utf-8").splitlines()
    assert trace_path(out) == tmp_path / "draft.trace.tsv"
    assert lines[0] == "block\twhere\tentry\tsource\ttext"
    for line in lines[1:]:
        block, _where, entry, source, text = line.split("\t")
        assert int(block) >= 1 and entry and text
        assert all(":" in s for s in source.split("; "))


def test_default_format_is_docx(brief: Path, tmp_path: Path) -> None:
    import docx

    result = run("draft", brief, "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(tmp_path / "out" / "speech.docx"))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "加强工作规范" or texts[0].startswith("加强工作规范")
    assert any(t.startswith("（一）强化集体决策。") for t in texts)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.md", "--format", "txt"], "x.md: the suffix .md does not match --format txt"),
        (
            ["-o", "x.doc"],
            "x.doc: cannot tell the format from .doc; use a .docx, .md, .txt or .pdf name or --format",
        ),
    ],
)
def test_output_format_conflicts_are_one_line(brief: Path, args: list[str], message: str) -> None:
    result = run("draft", brief, *args)
    assert result.exit_code == 1
    assert result.stderr == message + "\n"


def test_output_plan_defaults_to_the_brief_name_here() -> None:
    jobs = plan_outputs([Path("a/会议.yaml"), Path("b.yaml")], None, "md")
    assert plan_outputs([Path("a.yaml")], "drafts", "txt")[0].output == Path("drafts/a.txt")
    assert [(j.output, j.fmt) for j in jobs] == [(Path("会议.md"), "md"), (Path("b.md"), "md")]
    assert plan_outputs([Path("a.yaml")], None, None)[0].output == Path("a.docx")


def test_same_stem_twice_is_refused() -> None:
    from drafter.errors import OutputError

    with pytest.raises(OutputError, match="would be drafted to this file"):
        plan_outputs([Path("x/a.yaml"), Path("y/a.yaml")], None, "md")


def test_bad_template_in_own_folder_names_file_and_line(brief: Path, tmp_path: Path) -> None:
    own = tmp_path / "tpl"
    own.mkdir()
    (own / "training.j2").write_text(
        "{# 坏的培训模板 #}\n@title 题\n{{ speech.nothing_here }}\n", encoding="utf-8"
    )
    result = run("draft", brief, "-o", tmp_path / "x.md", "--templates", own)
    assert result.exit_code == 1
    expected = (
        "undefined in template: 'drafter.compose.pipeline.SpeechContext object'"
        " has no attribute 'nothing_here'"
    )
    assert result.stderr == f"{own / 'training.j2'}:3: {expected}\n"


def test_own_template_drafts(brief: Path, tmp_path: Path) -> None:
    own = tmp_path / "tpl"
    own.mkdir()
    (own / "training.j2").write_text(
        '{# 极简培训讲话 #}\n{% import "_speech.j2" as m with context %}\n{{ m.header() }}\n'
        "{% for sec in speech.sections %}\n@h1 {{ sec.topic }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    out = tmp_path / "x.md"
    assert run("draft", brief, "-o", out, "--templates", own).exit_code == 0
    assert "## 工作规范\n\n## 工作方法\n" in out.read_text(encoding="utf-8")


def test_templates_lists_name_and_purpose(tmp_path: Path) -> None:
    (tmp_path / "briefing.j2").write_text("{# 情况通报会讲话 #}\n@title 题\n", encoding="utf-8")
    result = run("templates", "--templates", tmp_path)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    names = [line.split()[0] for line in lines]
    assert names == sorted(["briefing", *KINDS])
    width = max(len(name) for name in names)
    own = lines[names.index("briefing")]
    assert own.startswith("briefing".ljust(width) + "  情况通报会讲话  [")
    assert "讲话人" not in own  # a team's template says what its comment says
    assert "工作会议讲话" in lines[-1]


def test_templates_say_whom_each_built_in_template_serves() -> None:
    lines = dict(line.split(maxsplit=1) for line in run("templates").output.splitlines())
    for kind, described in KINDS.items():
        roles = "、".join(f"{ROLE_LABELS[r]}（{r}）" for r in KIND_ROLES[kind])
        assert lines[kind] == f"{described}  讲话人：{roles}"
    assert lines["closing_remarks"].endswith("讲话人：作总结讲话的领导（closing）")
    assert lines["deployment"].endswith("讲话人：召集会议的领导（convener）")


@pytest.mark.parametrize("command", ["draft", "templates"])
def test_help_has_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"drafter {command}" in result.output


def test_uneven_parallel_headings_warn_with_the_line(tmp_path: Path) -> None:
    text = (EXAMPLES / "system_meeting.yaml").read_text(encoding="utf-8")
    brief = tmp_path / "uneven.yaml"
    brief.write_text(text.replace("{X: 站位, Y: 高}", "{X: 政治站位, Y: 高}"), encoding="utf-8")
    result = run("draft", brief, "-o", tmp_path / "x.md")
    assert result.exit_code == 0
    line = text.splitlines().index("headings:") + 1
    assert (
        f"{brief}:{line}: headings: warning: 并列标题字数不一：政治站位要更高（7字）、标准要更严（5字）"
        in result.stderr
    )


def test_check_lists_the_gaps_before_drafting_unless_told_not_to() -> None:
    heldout = Path(__file__).parent / "heldout" / "fangxun_shi.yaml"
    result = run("check", heldout)
    assert result.exit_code == 0, result.output
    gaps = [line for line in result.stderr.splitlines() if "warning: 待补：" in line]
    assert gaps and all("fangxun_shi.yaml:" in line for line in gaps)
    assert "处待补，约需补写" in result.stderr.splitlines()[-1]
    assert result.output.strip().endswith("fangxun_shi.yaml: ok")
    quiet = run("check", heldout, "--no-gaps")
    assert quiet.exit_code == 0 and "待补" not in quiet.stderr
