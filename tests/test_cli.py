"""The root command group: lazy registration, help everywhere, version, user errors as one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from drafter import __version__
from drafter.cli import COMMANDS, DrafterGroup, main
from drafter.errors import DrafterError


def _command_paths() -> list[list[str]]:
    """Every command and subcommand, as the words that invoke it."""
    paths: list[list[str]] = []
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert command is not None
        paths.append([name])
        if isinstance(command, click.Group):
            paths.extend([name, sub] for sub in command.list_commands(ctx))
    return paths


def test_every_named_command_loads_as_its_own_name() -> None:
    ctx = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert isinstance(command, click.Command)
        assert command.name == name


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["drft"])
    assert result.exit_code == 2
    assert "No such command 'drft'" in result.output


@pytest.mark.parametrize("path", _command_paths(), ids=" ".join)
def test_every_command_has_help(path: list[str]) -> None:
    for flag in ("--help", "-h"):
        result = CliRunner().invoke(main, [*path, flag])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Usage: ")
        assert "Traceback" not in result.output


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"drafter, version {__version__}\n"


def test_a_user_error_from_any_command_is_one_line_and_exit_1() -> None:
    @click.group(cls=DrafterGroup)
    def root() -> None:
        pass

    @root.command("fail")
    def fail() -> None:
        raise DrafterError("brief.yaml:3: date: not a date")

    # DrafterGroup resolves names through COMMANDS; a stand-in registration keeps this test local.
    root.get_command = lambda ctx, name: fail if name == "fail" else None  # type: ignore[method-assign]
    result = CliRunner().invoke(root, ["fail"])
    assert result.exit_code == 1
    assert result.stderr == "brief.yaml:3: date: not a date\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


NO_METADATA = """
import sys
from pathlib import Path
from drafter.cli import run
sys.argv = ["drafter", "draft", sys.argv[1], "-o", sys.argv[2]]
try:
    run()
except SystemExit as exc:
    assert not exc.code, exc.code
assert Path(sys.argv[-1]).read_text(encoding="utf-8").strip()
print("importlib.metadata" in sys.modules, "pydantic" in sys.modules)
"""


def test_the_console_script_drafts_without_importing_package_metadata(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    brief = Path(__file__).resolve().parent.parent / "examples" / "work_meeting.yaml"
    seen = []
    for name in ("cold.md", "warm.md"):
        done = subprocess.run(
            [sys.executable, "-c", NO_METADATA, str(brief), str(tmp_path / name)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        seen.append(done.stdout.split())
    assert seen[0] == ["False", "True"]  # pydantic validated the bank's YAML, finding no plugins
    assert seen[1] == ["False", "False"]  # from the warm bank cache, nothing needs pydantic


def test_plugins_the_user_asks_for_are_looked_for() -> None:
    from drafter import cli

    assert cli._no_plugins().get_plugins() == ()
    assert cli._no_plugins().PYDANTIC_ENTRY_POINT_GROUP == "pydantic"  # the real loader's other names
