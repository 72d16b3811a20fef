"""`validate_bank`: cross-entry errors and warnings, sources followed into the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_helpers import CLOSING, CORPUS, THANKS, write_bank

from drafter.bank import corpus
from drafter.bank.validate import validate_bank
from drafter.speechfile import read_speech
from drafter.vocabulary import KINDS


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def lines(folder: Path, **options: object) -> list[str]:
    report = validate_bank([folder], builtin=False, **options)  # type: ignore[arg-type]
    return [f"{'E' if f.is_error else 'W'} {f}" for f in report.findings]


def test_clean_bank_has_no_findings(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "b", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS}, CORPUS)
    report = validate_bank([folder], builtin=False)
    assert report.findings == ()
    assert report.summary() == "3 entries in 2 files: 0 errors, 0 warnings"


def test_duplicate_text_ignoring_punctuation_and_spaces_and_slot_names(tmp_path: Path) -> None:
    extra = """
        function: closing.thanks
        entries:
          - id: closing.thanks.xiexie
            text: 谢谢大家！
            sources: ["speech.txt:4"]
          - id: closing.thanks.copy
            text: 谢谢 大家。
            sources: ["speech.txt:4"]
          - id: closing.thanks.old
            text: 谢谢大家
            status: deprecated
            sources: ["speech.txt:4"]
    """
    more = """
        function: closing.call
        entries:
          - id: closing.call.other-slot
            text: 同志们，让我们团结一心，为“{slogan}”而努力奋斗！
            sources: ["speech.txt:3"]
    """
    files = {"closing.thanks.yaml": extra, "closing.call.yaml": CLOSING, "more.yaml": more}
    folder = write_bank(tmp_path / "b", files, CORPUS)
    assert lines(folder) == [
        "E b/closing.thanks.yaml:7: closing.thanks.copy: same text as closing.thanks.xiexie "
        "(b/closing.thanks.yaml:4), ignoring punctuation and spaces",
        "E b/more.yaml:4: closing.call.other-slot: same text as closing.call.tuanjie "
        "(b/closing.call.yaml:5), ignoring punctuation and spaces",
    ]


def test_near_duplicates_are_warnings_and_threshold_is_adjustable(tmp_path: Path) -> None:
    text = """
        function: requirement
        entries:
          - id: requirement.a
            text: 要切实加强理论学习，不断提高政治能力和业务水平
            sources: ["speech.txt:1"]
          - id: requirement.b
            text: 要切实加强理论学习，不断提高政治能力和业务本领
            sources: ["speech.txt:1"]
          - id: requirement.c
            text: 坚决反对形式主义、官僚主义
            sources: ["speech.txt:1"]
    """
    folder = write_bank(tmp_path / "b", {"requirement.yaml": text}, CORPUS)
    assert lines(folder) == [
        "W b/requirement.yaml:7: requirement.b: warning: "
        "near-duplicate of requirement.a (b/requirement.yaml:4): similarity 0.83"
    ]
    assert lines(folder, similarity=0.9) == []


def test_sources_missing_file_line_out_of_range_and_outside_corpus(tmp_path: Path) -> None:
    text = """
        function: closing.thanks
        entries:
          - id: closing.thanks.a
            text: 谢谢大家！
            sources:
              - speech.txt:4
              - speech.txt:99
              - gone.txt:1
              - ../outside.txt:1
    """
    (tmp_path / "outside.txt").write_text("x\n", encoding="utf-8")
    folder = write_bank(tmp_path / "b", {"closing.thanks.yaml": text}, CORPUS)
    corpus_dir = tmp_path / "b" / "corpus"
    where = "E b/closing.thanks.yaml"
    assert lines(folder) == [
        f"{where}:7: closing.thanks.a: source speech.txt:99: line 99 is past the end (4 lines)",
        f"{where}:8: closing.thanks.a: source gone.txt:1: no such file in the corpus ({corpus_dir})",
        f"{where}:9: closing.thanks.a: source ../outside.txt:1: points outside the corpus folder",
    ]


def test_an_unreadable_corpus_file_is_a_finding_per_source_and_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = """
        function: closing.thanks
        entries:
          - id: closing.thanks.a
            text: 谢谢大家！
            sources: [latin.txt:1, latin.txt:2]
    """
    folder = write_bank(tmp_path / "b", {"closing.thanks.yaml": text})
    (folder / "corpus").mkdir()
    (folder / "corpus" / "latin.txt").write_bytes(("Café résumé naïve déjà vu.\n" * 40).encode("latin-1"))
    reads: list[Path] = []

    def counted(path: Path) -> list[str]:
        reads.append(path)
        return read_speech(path)

    monkeypatch.setattr(corpus, "read_speech", counted)
    reason = "not Chinese text (only 0% Chinese characters)"
    assert lines(folder) == [
        f"E b/closing.thanks.yaml:5: closing.thanks.a: source latin.txt:1: {reason}",
        f"E b/closing.thanks.yaml:5: closing.thanks.a: source latin.txt:2: {reason}",
    ]
    assert len(reads) == 1


def test_corpus_option_and_missing_corpus_warning(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "b", {"closing.thanks.yaml": THANKS})
    assert lines(folder) == ["W b: warning: no corpus/ subfolder and no --corpus given: sources not checked"]
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "speech.txt").write_text("一\n二\n", encoding="utf-8")
    assert lines(folder, corpus=[archive]) == [
        "E b/closing.thanks.yaml:5: closing.thanks.xiexie: source speech.txt:4: line 4 is past the end "
        "(2 lines)"
    ]


def test_unknown_tags_kinds_and_misfiled_function_are_warnings(tmp_path: Path) -> None:
    text = """
        function: closing.thanks
        entries:
          - id: closing.thanks.a
            text: 谢谢大家！
            tags: [学习, 乡村振兴]
            kinds: [training, banquet]
            sources: ["speech.txt:4"]
          - id: closing.thanks.b
            function: closing.call
            text: 同志们，让我们一起努力！
            sources: ["speech.txt:3"]
    """
    folder = write_bank(tmp_path / "b", {"closing.thanks.yaml": text}, CORPUS)
    assert lines(folder) == [
        "W b/closing.thanks.yaml:5: closing.thanks.a: warning: unknown topic tag '乡村振兴' "
        "(not one of the built-in tags)",
        "W b/closing.thanks.yaml:6: closing.thanks.a: warning: unknown speech kind 'banquet' "
        f"(known: {', '.join(KINDS)})",
        "W b/closing.thanks.yaml:9: closing.thanks.b: warning: "
        "entry of function closing.call in a file of function closing.thanks",
    ]


def test_an_unknown_field_is_an_error(tmp_path: Path) -> None:
    text = """
        function: requirement
        entries:
          - id: requirement.a
            text: 要加强客运车辆、校车和重型货车的检查。
            type: material
            domain: 火星开发
            sources: ["speech.txt:4"]
    """
    folder = write_bank(tmp_path / "b", {"requirement.yaml": text}, CORPUS)
    (line,) = [x for x in lines(folder) if "domain" in x]
    assert line.startswith("E b/requirement.yaml:") and "unknown field '火星开发'" in line


def test_load_errors_are_findings_too_and_stray_files_are_warned(tmp_path: Path) -> None:
    folder = write_bank(
        tmp_path / "b",
        {"closing.call.yaml": CLOSING, "title.yml": "function: title\n", "x.yaml": "[1, 2]\n"},
        CORPUS,
    )
    report = validate_bank([folder], builtin=False)
    assert [str(f) for f in report.findings] == [
        "b/title.yml: warning: ignored: bank files must end in .yaml",
        "b/x.yaml:1: expected a mapping with `function:` and `entries:`, found a list",
    ]
    assert report.summary() == "2 entries in 2 files: 1 error, 1 warning"


def test_team_folder_is_checked_over_the_builtin_bank_without_reporting_it(tmp_path: Path) -> None:
    builtin_text = _any_builtin_text()
    team_text = f"""
        function: closing.call
        entries:
          - id: closing.call.team-copy
            text: "{builtin_text}"
            sources: ["speech.txt:3"]
    """
    folder = write_bank(tmp_path / "team", {"closing.call.yaml": team_text}, CORPUS)
    report = validate_bank([folder])
    assert [f.field for f in report.errors] == ["closing.call.team-copy"]
    assert "same text as" in report.errors[0].message
    assert all(f.file.startswith("team") for f in report.findings)
    assert report.entries == 1


def _any_builtin_text() -> str:
    from drafter.bank.load import load_bank

    return next(e.text for e in load_bank().entries.values() if e.function == "closing.call")


def test_builtin_bank_has_no_errors() -> None:
    report = validate_bank()
    assert report.errors == [], "\n".join(str(f) for f in report.errors)
    assert report.entries > 0


def test_candidate_with_an_existing_text_is_a_warning(tmp_path: Path) -> None:
    mined = """
        function: closing.thanks
        entries:
          - id: closing.thanks.mined
            text: 谢谢大家。
            status: candidate
            sources: ["speech.txt:4"]
    """
    folder = write_bank(tmp_path / "b", {"closing.thanks.yaml": THANKS, "mined.yaml": mined}, CORPUS)
    assert lines(folder) == [
        "W b/mined.yaml:4: closing.thanks.mined: warning: same text as closing.thanks.xiexie "
        "(b/closing.thanks.yaml:4), ignoring punctuation and spaces"
    ]


def test_two_approved_entries_with_one_text_are_an_error_after_a_candidate_too(tmp_path: Path) -> None:
    text = """
        function: closing.thanks
        entries:
          - id: closing.thanks.mined
            text: 谢谢大家。
            status: candidate
            sources: ["speech.txt:4"]
          - id: closing.thanks.xiexie
            text: 谢谢大家！
            sources: ["speech.txt:4"]
          - id: closing.thanks.copy
            text: 谢谢 大家
            sources: ["speech.txt:4"]
    """
    folder = write_bank(tmp_path / "b", {"closing.thanks.yaml": text}, CORPUS)
    assert lines(folder) == [
        "W b/closing.thanks.yaml:8: closing.thanks.xiexie: warning: same text as closing.thanks.mined "
        "(b/closing.thanks.yaml:4), ignoring punctuation and spaces",
        "E b/closing.thanks.yaml:11: closing.thanks.copy: same text as closing.thanks.xiexie "
        "(b/closing.thanks.yaml:8), ignoring punctuation and spaces",
    ]


def test_every_problem_at_once_a_bad_status_does_not_hide_a_bad_source(tmp_path: Path) -> None:
    bad = """
        function: closing.call
        entries:
          - id: closing.call.bad
            text: 同志们，让我们团结一心，为{goal}而努力奋斗！
            status: finished
            sources: ["speech.txt:3", "nowhere.txt:1"]
          - id: closing.call.good
            text: 同志们，让我们撸起袖子加油干，为{goal}而奋斗！
            sources: ["speech.txt:99"]
    """
    folder = write_bank(tmp_path / "b", {"closing.call.yaml": bad}, CORPUS)
    report = validate_bank([folder], builtin=False)
    messages = [f"{f.line}: {f.field}: {f.message}" for f in report.errors]
    assert any(m.startswith("5: closing.call.bad: status:") for m in messages), messages
    assert any(m.startswith("6: closing.call.bad:") and "nowhere.txt" in m for m in messages), messages
    assert any(m.startswith("9: closing.call.good:") and "99" in m for m in messages), messages
    assert report.entries == 2  # the entry that failed to load is counted too
    assert report.summary().startswith("2 entries in 1 file: 3 errors")


def test_a_source_that_is_not_file_line_is_one_error_not_a_crash(tmp_path: Path) -> None:
    bad = """
        function: closing.call
        entries:
          - id: closing.call.bad
            text: 同志们，让我们团结一心，为{goal}而努力奋斗！
            sources: ["speech.tx", "speech.txt:"]
    """
    folder = write_bank(tmp_path / "b", {"closing.call.yaml": bad}, CORPUS)
    message = "closing.call.bad: sources: source 'speech.tx' is not FILE:LINE"
    assert lines(folder) == [f"E b/closing.call.yaml:5: {message}"]


def test_overrides_count_where_they_are_written(tmp_path: Path) -> None:
    base = write_bank(tmp_path / "a", {"closing.call.yaml": CLOSING}, CORPUS)
    override = """
        function: closing.call
        entries:
          - {id: closing.call.tuanjie, status: deprecated}
          - {id: closing.call.fendou, status: bogus}
    """
    top = write_bank(tmp_path / "b", {"closing.call.yaml": override}, CORPUS)
    report = validate_bank([base, top], builtin=False)
    assert report.entries == 4  # two in a/, two overrides in b/ (one of them bad)
    only_top = validate_bank([top], builtin=False)
    assert only_top.entries == 2
