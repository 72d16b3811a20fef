"""Loading bank folders: the format, bad files reported all at once, layering, the content cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bank_helpers import CLOSING, CORPUS, THANKS, write_bank

from drafter.bank import cache, parallel
from drafter.bank.load import Bank, assemble, builtin_bank_dir, load_bank, load_folder
from drafter.bank.model import Entry
from drafter.bank.parse import CachedItems
from drafter.errors import BankError
from drafter.vocabulary import SLOTS


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # findings name files relative to the working folder


def messages(folder: Path, *layers: Path) -> list[str]:
    with pytest.raises(BankError) as caught:
        load_bank([folder, *layers], builtin=False)
    return [str(f) for f in caught.value.findings]


def test_loads_entries_in_file_order_with_function_from_file(tmp_path: Path) -> None:
    folder = write_bank(
        tmp_path / "bank", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS}, CORPUS
    )
    bank = load_bank([folder], builtin=False)
    assert list(bank.entries) == ["closing.call.tuanjie", "closing.call.fendou", "closing.thanks.xiexie"]
    entry = bank.entries["closing.call.fendou"]
    assert entry.function == "closing.call"
    assert entry.kinds == ("work_meeting",)
    assert entry.status == "approved"
    assert [e.id for e in bank.draftable("closing.thanks")] == ["closing.thanks.xiexie"]
    origin = bank.origin("closing.call.fendou")
    assert origin is not None and origin.line == 9 and origin.line_of("kinds") == 12
    assert [e.id for e in load_folder(folder)] == list(bank.entries)


def test_builtin_bank_is_loaded_from_package_data() -> None:
    bank = load_bank()
    assert builtin_bank_dir().joinpath("corpus").is_dir()
    assert all(origin.folder == builtin_bank_dir() for chain in bank.origins.values() for origin in chain)


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    folder = write_bank(
        tmp_path / "b", {"title.yaml": "function: title\nentries:\n  - id: title.a\n    text: [oops\n"}
    )
    assert messages(folder) == ["b/title.yaml:5:1: YAML syntax error: did not find expected ',' or ']'"]


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "title.yaml").write_bytes(
        "function: title\nentries:\n  - id: title.a\n    text: 讲话\n".encode("gbk")
    )
    assert messages(folder) == ["b/title.yaml:4: not UTF-8 text (save the bank file as UTF-8)"]


def test_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "b", {"title.yaml": "- function: title\n"})
    assert messages(folder) == [
        "b/title.yaml:1: expected a mapping with `function:` and `entries:`, found a list"
    ]


def test_entry_that_is_not_a_mapping_and_entries_that_are_not_a_list(tmp_path: Path) -> None:
    folder = write_bank(
        tmp_path / "b",
        {
            "a.yaml": "function: title\nentries:\n  - just a string\n",
            "b.yaml": "function: title\nentries: {id: title.x}\n",
        },
    )
    assert messages(folder) == [
        "b/a.yaml:3: entries[0]: expected a mapping (one entry with id, text, ...), found text",
        "b/b.yaml:2: entries: expected a list of entries, found a mapping",
    ]


def test_entry_without_text_where_its_id_first_appears(tmp_path: Path) -> None:
    folder = write_bank(
        tmp_path / "b", {"title.yaml": "function: title\nentries:\n  - id: title.a\n    sources: [x.txt:1]\n"}
    )
    assert messages(folder) == [
        "b/title.yaml:3: title.a: text: missing: an entry needs a text where its id first appears"
    ]


def test_duplicate_id_across_two_files_of_one_folder(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "b", {"closing.call.yaml": CLOSING, "more.yaml": CLOSING})
    expected = [
        "b/more.yaml:4: closing.call.tuanjie: defined twice in one bank folder "
        "(also at b/closing.call.yaml:4)",
        "b/more.yaml:9: closing.call.fendou: defined twice in one bank folder "
        "(also at b/closing.call.yaml:9)",
    ]
    assert messages(folder) == expected
    assert messages(folder) == expected  # the files read back from the cache this time


def test_schema_problems_are_all_reported_with_their_lines(tmp_path: Path) -> None:
    text = """
        function: title
        entries:
          - id: Title.Y
            text: 在{place}上的讲话
            status: draft
            tags: 学习
            sources: ["a.txt"]
            colour: red
    """
    folder = write_bank(tmp_path / "b", {"title.yaml": text, "closing.call.yaml": CLOSING})
    assert messages(folder) == [
        "b/title.yaml:3: Title.Y: id: 'Title.Y' is not an id: use lowercase dotted words, "
        "e.g. closing.call.shidai-huhuan",
        f"b/title.yaml:4: Title.Y: text: unknown slot {{place}} (known slots: {', '.join(SLOTS)})",
        "b/title.yaml:5: Title.Y: status: must be one of approved, candidate, deprecated, not 'draft'",
        "b/title.yaml:6: Title.Y: tags: expected a list, found text",
        "b/title.yaml:7: Title.Y: sources: source 'a.txt' is not FILE:LINE",
        "b/title.yaml:8: Title.Y: colour: unknown key (expected one of: id, text, function, tags, kinds, "
        "type, domain, roles, status, sources, members, note, mined)",
    ]


def test_file_level_problems(tmp_path: Path) -> None:
    folder = write_bank(
        tmp_path / "b",
        {"x.yaml": "function: closing\nentries: []\nextra: 1\n", "y.yaml": "entries: []\n", "z.yaml": "\n"},
    )
    found = messages(folder)
    assert found[0].startswith("b/x.yaml:1: function: unknown function 'closing' (expected one of: title, ")
    assert found[1:] == [
        "b/x.yaml:3: extra: unknown key (expected function, entries)",
        "b/y.yaml:1: function: missing: say which function the file's entries have",
        "b/z.yaml: is empty, expected `function:` and `entries:`",
    ]


def test_slot_and_heading_set_problems(tmp_path: Path) -> None:
    text = """
        function: heading_set
        entries:
          - id: heading_set.s
            text: "{X}要更{Y}"
            sources: ["a.txt:1"]
            members:
              - {X: 站位, Y: 高}
              - {X: 标准, Z: 严}
          - id: heading_set.t
            text: 站位要更高
            sources: ["a.txt:1"]
            members: [{X: 站位}, {X: 标准}]
          - id: heading_set.u
            text: "{X}要更{Y"
            sources: ["a.txt:1"]
          - id: heading_set.v
            text: "{X}要更{Y}"
            sources: ["a.txt:1"]
            members: [{X: 站位, Y: 高}]
    """
    folder = write_bank(tmp_path / "b", {"heading_set.yaml": text})
    assert messages(folder) == [
        "b/heading_set.yaml:8: heading_set.s: members[1]: no value for {Y} of the skeleton {X}要更{Y}",
        "b/heading_set.yaml:8: heading_set.s: members[1].Z: {Z} is not a slot of the skeleton {X}要更{Y}",
        "b/heading_set.yaml:10: heading_set.t: text: a heading set's text is its skeleton and needs slots, "
        "e.g. {X}要更{Y}",
        "b/heading_set.yaml:14: heading_set.u: text: unbalanced { or }: write slots as {name}, e.g. {topic}",
        "b/heading_set.yaml:19: heading_set.v: members: a heading set needs at least two members, "
        "each giving its slot values",
    ]


def test_bad_slot_forms(tmp_path: Path) -> None:
    text = """
        function: requirement
        entries:
          - id: requirement.a
            text: 要{}落实
            sources: ["a.txt:1"]
          - id: requirement.b
            text: 要{topic:>3}落实
            sources: ["a.txt:1"]
          - id: requirement.c
            text: 要落实
            members: [{X: a}, {X: b}]
            sources: ["a.txt:1"]
    """
    folder = write_bank(tmp_path / "b", {"requirement.yaml": text})
    assert messages(folder) == [
        "b/requirement.yaml:4: requirement.a: text: slot {} has no name: write slots as {name}, e.g. {topic}",
        "b/requirement.yaml:7: requirement.b: text: slot {topic:>3}: write slots as plain {name}, "
        "e.g. {topic}",
        "b/requirement.yaml:11: requirement.c: members: only heading_set entries have members",
    ]


def test_bad_file_leaves_nothing_half_loaded(tmp_path: Path) -> None:
    good = write_bank(tmp_path / "good", {"closing.call.yaml": CLOSING})
    bad = write_bank(tmp_path / "bad", {"closing.thanks.yaml": "function: closing.thanks\nentries: [\n"})
    with pytest.raises(BankError):
        load_bank([good, bad], builtin=False)
    bank, findings = assemble([good, bad])
    assert len(findings) == 1 and len(bank) == 2  # assemble (for validate) keeps what did load


def test_missing_folder(tmp_path: Path) -> None:
    assert messages(tmp_path / "nowhere") == ["nowhere: no such folder (expected a bank folder)"]


def test_later_layer_adds_overrides_and_deprecates_by_id(tmp_path: Path) -> None:
    base = write_bank(tmp_path / "base", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS})
    team = write_bank(
        tmp_path / "team",
        {
            "closing.call.yaml": """
                function: closing.call
                entries:
                  - id: closing.call.fendou
                    status: deprecated
                  - id: closing.call.tuanjie
                    tags: [团结, 担当]
                    note: 书记爱用
                  - id: closing.call.team-new
                    text: 同志们，让我们以更加饱满的热情，为{goal}而努力奋斗！
                    sources: ["x.txt:1"]
            """
        },
    )
    bank = load_bank([base, team], builtin=False)
    assert list(bank.entries) == [
        "closing.call.tuanjie",
        "closing.call.fendou",
        "closing.thanks.xiexie",
        "closing.call.team-new",
    ]
    fendou = bank.entries["closing.call.fendou"]
    assert fendou.status == "deprecated" and fendou.text.startswith("同志们，让我们撸起袖子")
    tuanjie = bank.entries["closing.call.tuanjie"]
    assert tuanjie.tags == ("团结", "担当") and tuanjie.note == "书记爱用"
    assert tuanjie.sources == ("speech.txt:3",)  # not given by the override: kept from below
    assert [e.id for e in bank.draftable("closing.call")] == ["closing.call.tuanjie", "closing.call.team-new"]
    chain = bank.origins["closing.call.fendou"]
    assert [o.folder.name for o in chain] == ["base", "team"] and chain[-1].given == ("id", "status")
    field_origin = bank.field_origin("closing.call.fendou", "sources")
    assert field_origin is not None and field_origin.folder.name == "base"


def test_override_problems_point_into_the_override(tmp_path: Path) -> None:
    base = write_bank(tmp_path / "base", {"closing.call.yaml": CLOSING})
    team = write_bank(
        tmp_path / "team",
        {"closing.call.yaml": "function: closing.call\nentries:\n- id: closing.call.fendou\n  status: x\n"},
    )
    assert messages(base, team) == [
        "team/closing.call.yaml:4: closing.call.fendou: status: must be one of approved, candidate, "
        "deprecated, not 'x'"
    ]


def test_one_id_in_two_layers_is_an_override_not_a_duplicate(tmp_path: Path) -> None:
    base = write_bank(tmp_path / "base", {"closing.call.yaml": CLOSING})
    team = write_bank(tmp_path / "team", {"closing.call.yaml": CLOSING.replace("团结一心", "同心同德")})
    bank = load_bank([base, team], builtin=False)
    assert "同心同德" in bank.entries["closing.call.tuanjie"].text


def test_repeat_load_comes_from_the_cache_and_equals_the_first(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "bank", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS})
    first = load_bank([folder], builtin=False)
    cached = list(cache.cache_dir().rglob("*.marshal"))
    assert len(cached) == 2
    second = load_bank([folder], builtin=False)
    assert dict(second.entries) == dict(first.entries)
    assert second.origins["closing.call.fendou"][0].line_of("kinds") == 12
    # The cache is keyed by content: an edited file is parsed again.
    (folder / "closing.thanks.yaml").write_text(THANKS.replace("谢谢大家", "谢谢各位"), encoding="utf-8")
    assert load_bank([folder], builtin=False).entries["closing.thanks.xiexie"].text == "谢谢各位！"


def test_broken_cache_is_ignored(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "bank", {"closing.call.yaml": CLOSING})
    expected = dict(load_bank([folder], builtin=False).entries)
    for path in cache.cache_dir().rglob("*.marshal"):
        path.write_bytes(b"\x00garbage")
    assert dict(load_bank([folder], builtin=False).entries) == expected


def test_unwritable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "cache"))
    folder = write_bank(tmp_path / "bank", {"closing.call.yaml": CLOSING})
    assert len(load_bank([folder], builtin=False)) == 2
    assert len(load_bank([folder], builtin=False)) == 2


def test_cache_location_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAFTER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "drafter"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == Path(os.path.expanduser("~")) / ".cache" / "drafter"


def test_bad_files_are_not_cached(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "b", {"title.yaml": "- function: title\n"})
    with pytest.raises(BankError):
        load_bank([folder], builtin=False)
    assert not list(cache.cache_dir().rglob("*.marshal"))


def test_entries_from_cached_rows_are_built_on_first_use(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "bank", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS})
    load_bank([folder], builtin=False)
    bank = load_bank([folder], builtin=False)
    assert [e.id for e in bank.draftable("closing.thanks")] == ["closing.thanks.xiexie"]
    assert bank.entries.ids_where("closing.call", "approved") == [
        "closing.call.tuanjie",
        "closing.call.fendou",
    ]
    assert bank.entries["closing.call.tuanjie"] is bank.entries["closing.call.tuanjie"]
    assert bank.entries["closing.call.tuanjie"].fields_set == {"id", "text", "tags", "sources"}
    assert bank.entries.tags() == {"团结", "担当"}  # read from the rows and the built entry alike


MATERIAL = """\
function: requirement
entries:
  - id: requirement.anquan
    text: 压紧压实安全生产责任。
    type: material
    domain: 安全生产
    sources: ["a.txt:1"]
  - id: requirement.zuofeng
    text: 持续深化作风建设。
    type: material
    domain: 政府自身建设
    sources: ["a.txt:2"]
  - id: requirement.dandang
    text: 要敢于担当、善于作为。
    sources: ["a.txt:3"]
"""


@pytest.mark.parametrize("warm", [False, True])
def test_entries_are_filtered_by_type_and_domain_before_they_are_built(tmp_path: Path, warm: bool) -> None:
    folder = write_bank(tmp_path / "bank", {"requirement.yaml": MATERIAL})
    if warm:
        load_bank([folder], builtin=False)
    bank = load_bank([folder], builtin=False)
    seen: list[tuple[str | None, str | None]] = []

    def fits(type_: str | None, domain: str | None) -> bool:
        seen.append((type_, domain))
        return domain != "安全生产"

    kept = bank.draftable("requirement", "work_meeting", fits)
    assert [e.id for e in kept] == ["requirement.zuofeng", "requirement.dandang"]
    assert sorted(seen, key=str) == [("material", "安全生产"), ("material", "政府自身建设"), (None, None)]
    if warm:  # the entry left out was never decoded
        assert bank.entries._built.keys() == {"requirement.zuofeng", "requirement.dandang"}
    extra = {"text": "要真抓实干。", "function": "requirement", "domain": "安全生产", "sources": ("a.txt:4",)}
    bank.entries["requirement.extra"] = Entry(id="requirement.extra", **extra)  # the index is made again
    assert [e.id for e in bank.draftable("requirement", None, fits)] == [
        "requirement.zuofeng",
        "requirement.dandang",
    ]


def test_bank_from_a_plain_dict_still_works() -> None:
    entry = Entry(id="closing.thanks.a", text="谢谢！", function="closing.thanks", sources=("a.txt:1",))
    bank = Bank({entry.id: entry})
    assert bank.draftable("closing.thanks") == [entry] and len(bank) == 1 and bank.origin(entry.id) is None


def test_many_uncached_files_parse_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_bank(tmp_path / "bank", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS})
    (folder / "broken.yaml").write_text("function: title\nentries: [\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    results = parallel.parse_in_parallel(sorted(folder.glob("*.yaml")))
    assert sorted(path.name for path in results) == [
        "broken.yaml",
        "closing.call.yaml",
        "closing.thanks.yaml",
    ]
    assert [str(f) for f in results[folder / "broken.yaml"][1]] == [
        "bank/broken.yaml:3:1: YAML syntax error: did not find expected node content"
    ]
    assert len(results[folder / "closing.call.yaml"][0].items) == 2
    assert len(list(cache.cache_dir().rglob("*.marshal"))) == 2  # the workers filled the cache
    again = parallel.parse_in_parallel(sorted(folder.glob("*.yaml")))
    # one uncached file left: parsed here later; the cached ones come back as read on the way
    assert sorted(path.name for path in again) == ["closing.call.yaml", "closing.thanks.yaml"]
    assert all(isinstance(parsed.items, CachedItems) for parsed, _ in again.values())
    (folder / "broken.yaml").unlink()
    bank = load_bank([folder], builtin=False)
    assert list(bank.entries) == ["closing.call.tuanjie", "closing.call.fendou", "closing.thanks.xiexie"]


def test_a_cached_bank_tells_tags_and_kinds_as_its_entries_do_after_an_override(tmp_path: Path) -> None:
    team = write_bank(tmp_path / "team", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS})
    override = (
        "function: closing.call\nentries:\n  - {id: closing.call.fendou, tags: [作风], kinds: [training]}"
    )
    mine = write_bank(tmp_path / "mine", {"closing.call.yaml": override + "\n"})
    for _ in range(2):  # parsed, then read back from the cache
        bank = load_bank([team, mine], builtin=False)
        entries = list(bank.entries.values())
        assert bank.entries.tags() == {tag for entry in entries for tag in entry.tags} == {"团结", "作风"}
        assert [e.id for e in bank.draftable("closing.call", "training")] == [
            "closing.call.tuanjie",
            "closing.call.fendou",
        ]
        assert [e.id for e in bank.draftable("closing.call", "work_meeting")] == ["closing.call.tuanjie"]
        assert [o.layer for o in bank.origins["closing.call.fendou"]] == [0, 1]


def test_reading_every_cached_entry_builds_each_once_and_leaves_the_collector_as_it_was(
    tmp_path: Path,
) -> None:
    import gc

    folder = write_bank(tmp_path / "bank", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS})
    load_bank([folder], builtin=False)
    bank = load_bank([folder], builtin=False)
    collecting = gc.isenabled()
    first = bank.entries["closing.call.fendou"]
    assert list(bank.entries.values()) == [bank.entries[key] for key in bank.entries]
    assert dict(bank.entries.items())["closing.call.fendou"] is first
    assert [e.id for e in bank.draftable("closing.call", "work_meeting")] == list(bank.entries)[:2]
    assert gc.isenabled() == collecting


def test_a_warm_load_has_the_origins_of_a_cold_one_in_bank_order(tmp_path: Path) -> None:
    base = write_bank(tmp_path / "base", {"closing.call.yaml": CLOSING, "closing.thanks.yaml": THANKS})
    override = "function: closing.call\nentries:\n  - {id: closing.call.fendou, status: deprecated}\n"
    team = write_bank(
        tmp_path / "team", {"a.yaml": override, "closing.thanks.yaml": THANKS.replace("xiexie", "t")}
    )

    def origins(bank: Bank) -> list[tuple[str, list[tuple[str, int]]]]:
        return [(key, [(o.path.name, o.line) for o in chain]) for key, chain in bank.origins.items()]

    cold = load_bank([base, team], builtin=False)
    warm = load_bank([base, team], builtin=False)
    assert origins(warm) == origins(cold)
    assert [key for key, _ in origins(warm)] == [
        "closing.call.tuanjie",
        "closing.call.fendou",
        "closing.thanks.xiexie",
        "closing.thanks.t",
    ]
    assert len(warm.origins) == 4 and "closing.thanks.t" in warm.origins
    assert [o.layer for o in warm.origins["closing.call.fendou"]] == [0, 1]


def test_files_found_to_hold_new_ids_are_added_without_their_ids_next_time(tmp_path: Path) -> None:
    base = write_bank(tmp_path / "base", {"closing.call.yaml": CLOSING})
    team = write_bank(tmp_path / "team", {"closing.thanks.yaml": THANKS})
    cold = load_bank([base, team], builtin=False)
    warm = load_bank([base, team], builtin=False)  # from the cache, its ids looked at: the stack is noted
    assert len(list(cache.cache_dir().glob("stack/*/*.marshal"))) == 1

    def known() -> Bank:
        bank = load_bank([base, team], builtin=False)
        assert bank.entries._pending  # no id put in the table
        return bank

    bank = known()
    assert len(bank.entries) == 3 and bank.entries.tags() == cold.entries.tags()
    thanks = bank.entries.of_function("closing.thanks", "closing.thanks.xiexie")
    assert thanks == cold.entries["closing.thanks.xiexie"] and bank.entries._pending
    assert "closing.thanks.xiexie" in bank.entries and bank.entries._pending  # built: known
    assert [e.id for e in bank.draftable("closing.call")] == ["closing.call.tuanjie", "closing.call.fendou"]
    assert bank.entries.content_key() == warm.entries.content_key() is not None
    assert "closing.call.nope" not in bank.entries and not bank.entries._pending  # looked in every file
    assert list(bank.entries) == list(cold.entries)
    assert dict(bank.entries.items()) == dict(cold.entries.items())
    assert known().entries.of_function("closing.thanks", "closing.call.fendou").id == "closing.call.fendou"
    assert known().entries["closing.call.fendou"] == cold.entries["closing.call.fendou"]
    changed = known()
    changed.entries["closing.thanks.xiexie"] = cold.entries["closing.call.fendou"]
    assert len(changed.entries) == 3 and changed.entries.content_key() is None
    assert [e.id for e in changed.draftable("closing.call")] == [
        "closing.call.tuanjie",
        "closing.call.fendou",
        "closing.call.fendou",
    ]
    assert [key for key, _ in known().origins.items()] == list(cold.origins)


def test_a_stack_with_an_id_twice_is_never_noted(tmp_path: Path) -> None:
    base = write_bank(tmp_path / "base", {"closing.call.yaml": CLOSING})
    team = write_bank(tmp_path / "team", {"closing.call.yaml": CLOSING})  # overrides every entry
    for _ in range(3):
        bank = load_bank([base, team], builtin=False)
        assert not bank.entries._pending
        assert [o.layer for o in bank.origins["closing.call.fendou"]] == [0, 1]
    assert not list(cache.cache_dir().glob("stack/*/*.marshal"))
