"""`-` is standard input for a brief and standard output for a draft; a .docx never goes to a terminal."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from drafter.cli import main
from drafter.commands.draft import plan_outputs

EXAMPLE = Path(__file__).parent.parent / "examples" / "training.yaml"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def test_brief_from_stdin_markdown_to_stdout(tmp_path: Path) -> None:
    result = run("draft", "-", "--to", "md", stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "约" in result.stderr and "字" in result.stderr
    assert list(tmp_path.iterdir()) == []  # no file, no folder named -


def test_same_draft_through_stdout_as_in_a_file(tmp_path: Path) -> None:
    assert run("draft", EXAMPLE, "-o", "draft.txt").exit_code == 0
    piped = run("draft", EXAMPLE, "-o", "-", "--format", "txt")
    assert piped.exit_code == 0
    assert piped.stdout_bytes == (tmp_path / "draft.txt").read_bytes()
    assert not (tmp_path / "-").exists()


def test_docx_to_stdout_when_it_is_not_a_terminal() -> None:
    result = run("draft", EXAMPLE, "-o", "-")  # CliRunner's stdout is not a terminal
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(result.stdout_bytes)) as package:
        assert "word/document.xml" in package.namelist()


def test_docx_to_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.stdio

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(drafter.stdio.sys, "stdout", Terminal())
    with pytest.raises(Exception, match="stdout is a terminal"):
        drafter.stdio.check_stdout_takes("docx")
    drafter.stdio.check_stdout_takes("md")  # text is fine on a terminal


def test_check_reads_stdin() -> None:
    result = run("check", "-", stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout == "-: ok\n"


def test_a_bad_brief_on_stdin_is_named_dash() -> None:
    result = run("check", "-", stdin="template: nonesuch\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("-:")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["draft", "-", "-", "-o", "x/"], "standard input can be read only once"),
        (["draft", str(EXAMPLE), str(EXAMPLE), "-o", "-"], "standard output takes one draft"),
        (["draft", str(EXAMPLE), "-o", "-", "--to", "md", "--trace"], "--trace: needs -o FILE"),
    ],
)
def test_what_stdout_cannot_do_is_one_line(args: list[str], message: str) -> None:
    result = run(*args, stdin="")
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_output_plan_of_dash() -> None:
    (job,) = plan_outputs([Path("b.yaml")], "-", "md")
    assert (str(job.output), job.fmt) == ("-", "md")
    (job,) = plan_outputs([Path("-")], None, None)
    assert (str(job.output), job.fmt) == ("-", "docx")


def test_docx_options_with_markdown_warn_in_one_line() -> None:
    result = run("draft", EXAMPLE, "-o", "d.md", "--annotate", "--font-profile", "windows")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: --font-profile, --annotate: only for .docx and .pdf output, ignored for .md"
    ]


def test_docx_options_with_docx_do_not_warn() -> None:
    result = run("draft", EXAMPLE, "-o", "d.docx", "--annotate")
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.stderr
