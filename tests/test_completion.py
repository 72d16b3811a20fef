"""Shell completion of values: kinds, font profiles, bank entry ids, formats."""

from __future__ import annotations

from pathlib import Path

from click.shell_completion import ShellComplete

from drafter.cli import main
from drafter.vocabulary import KINDS


def complete(*words: str) -> list[str]:
    *args, incomplete = words
    completer = ShellComplete(main, {}, "drafter", "_DRAFTER_COMPLETE")
    return [item.value for item in completer.get_completions(list(args), incomplete)]


def test_kinds() -> None:
    assert complete("new", "") == sorted(KINDS)
    assert complete("new", "s") == [kind for kind in sorted(KINDS) if kind.startswith("s")]


def test_font_profiles_and_formats() -> None:
    assert complete("draft", "b.yaml", "--font-profile", "") == ["standard", "windows"]
    assert complete("draft", "b.yaml", "--to", "p") == ["pdf"]
    assert complete("draft", "b.yaml", "--format", "") == ["docx", "md", "txt", "pdf"]


def test_bank_ids_including_the_team_bank(tmp_path: Path) -> None:
    assert "closing.call.shidai-huhuan" in complete("bank", "show", "closing.call.s")
    team = tmp_path / "team"
    team.mkdir()
    (team / "quote.yaml").write_text(
        "function: quote\nentries:\n  - id: quote.team-own\n"
        "    text: 功成不必在我。\n    sources: ['a.txt:1']\n",
        encoding="utf-8",
    )
    assert complete("bank", "show", "--phrasebank", str(team), "quote.team") == ["quote.team-own"]


def test_a_bad_bank_completes_nothing_quietly() -> None:
    assert complete("bank", "show", "--phrasebank", "/no/such/folder", "x") == []
