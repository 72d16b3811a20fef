"""`summary` was renamed `closing_remarks` (closing remarks after others have spoken); the old
name keeps working wherever a writer or a team bank may still write it."""

from __future__ import annotations

from pathlib import Path

from drafter.bank.load import load_bank
from drafter.compose.brief_load import load_brief
from drafter.compose.starters import starter_text
from drafter.compose.templating import discover_templates
from drafter.vocabulary import KIND_ALIASES, KINDS, kind_name

ROOT = Path(__file__).parent.parent


def test_every_alias_names_a_kind_and_no_kind_is_an_alias() -> None:
    assert KIND_ALIASES == {"summary": "closing_remarks"}
    assert set(KIND_ALIASES.values()) <= set(KINDS)
    assert not set(KIND_ALIASES) & set(KINDS)
    assert kind_name("summary") == "closing_remarks" and kind_name("training") == "training"


def test_a_brief_naming_summary_drafts_closing_remarks(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "closing_remarks.yaml").read_text(encoding="utf-8")
    path = tmp_path / "old.yaml"
    path.write_text(text.replace("template: closing_remarks", "template: summary"), encoding="utf-8")
    assert load_brief(path, discover_templates()).template == "closing_remarks"


def test_the_old_starter_name_gives_the_closing_remarks_starter() -> None:
    assert starter_text("summary") == starter_text("closing_remarks")


def test_a_team_entry_of_kind_summary_serves_closing_remarks(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    (folder / "corpus").mkdir(parents=True)
    (folder / "corpus" / "s.txt").write_text("我今天就讲这些，谢谢！\n", encoding="utf-8")
    (folder / "closing.thanks.yaml").write_text(
        "function: closing.thanks\nentries:\n  - id: closing.thanks.team\n    text: 我今天就讲这些，谢谢！\n"
        '    kinds: [summary]\n    sources: ["s.txt:1"]\n',
        encoding="utf-8",
    )
    bank = load_bank([folder])
    assert [e.id for e in bank.draftable("closing.thanks", "closing_remarks") if e.id.endswith("team")] == [
        "closing.thanks.team"
    ]
    assert not any(e.id.endswith("team") for e in bank.draftable("closing.thanks", "training"))
