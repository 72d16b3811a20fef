"""The built-in phrase bank: it loads, every entry is traceable to its corpus line, and it is big enough.

Each entry's text must be a cut of the line it cites: split at slots and punctuation, every literal
chunk of two or more characters must occur in the cited line (punctuation-normalised). A heading
set's members are checked the same way against the lines of its sources.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from drafter.bank.load import builtin_bank_dir, load_bank
from drafter.bank.model import Entry, fill, slots_of, validate_entry
from drafter.cli import main
from drafter.vocabulary import DOMAINS, ENTRY_TYPES, FUNCTIONS, KINDS, SLOTS, TOPIC_TAGS

BANK_DIR = builtin_bank_dir()
CORPUS_DIR = BANK_DIR / "corpus"

# Minimum approved entries per function that every speech kind must find (entries without kinds
# suit all kinds). Opening and closing formulas are used once per draft; the body functions feed
# every section and point. Where a minimum is below the curation target, the sample corpus holds no
# more (opening.acknowledge: one formula; opening.transition: two for every kind; closing.thanks:
# three; salutation: one; opening.purpose: four once the dated 新常态 openings left).
MINIMUM_PER_KIND: dict[str, int] = {
    "title": 2,
    "salutation": 1,
    "opening.purpose": 4,
    "opening.acknowledge": 1,
    "opening.review": 5,
    "opening.transition": 2,
    "section.lead_in": 8,
    "transition": 8,
    "heading_set": 6,
    "heading": 6,
    "enumerator": 4,
    "requirement": 60,
    "parallel": 20,
    "problem": 10,
    "quote": 6,
    "closing.call": 5,
    "closing.thanks": 2,
}

# Topic tags every kind of speech leans on; each must be carried by at least this many requirements.
MINIMUM_REQUIREMENTS_PER_TAG = 3

# Separators: punctuation that splits a text into chunks (half- and full-width).
_SEPARATORS = "，。、；：！？（）【】…—,.;:!?()[] \u3000\t①②③④⑤"
# Quotation marks are dropped rather than split on: a text may quote or unquote a corpus phrase.
_QUOTES = "“”‘’《》\"'"
_SLOT = re.compile(r"\{[a-zA-Z_]+\}")

NOISE = (
    "小编",
    "推荐访问",
    "百味书屋",
    "此处隐藏",
    "下载后查看",
    "免责声明",
    "链接地址",
    "网友投稿",
    "来源",
    "XX",
    "×",
)
HALF_WIDTH = (",", ":", ";", "!", "?", "(", ")")
HEADING_FUNCTIONS = ("heading_set", "heading")


def _normalise(line: str) -> str:
    """The line with quotation marks dropped and other punctuation turned into one separator."""
    line = line.translate({ord(c): None for c in _QUOTES})
    return line.translate({ord(c): "|" for c in _SEPARATORS})


def chunks(text: str) -> list[str]:
    """The literal pieces of a text (slots and punctuation removed) that are at least two characters."""
    pieces = _normalise(_SLOT.sub("|", text)).split("|")
    return [p for p in pieces if len(p) >= 2]


@cache
def corpus_lines(name: str) -> tuple[str, ...]:
    return tuple((CORPUS_DIR / name).read_text(encoding="utf-8").splitlines())


def source_line(source: str) -> str:
    name, _, number = source.rpartition(":")
    assert (CORPUS_DIR / name).is_file(), f"{source}: no such speech in the bank's corpus"
    lines = corpus_lines(name)
    index = int(number)
    assert 1 <= index <= len(lines), f"{source}: the file has {len(lines)} lines"
    return _normalise(lines[index - 1])


def _raw_files() -> list[tuple[Path, dict[str, Any]]]:
    files = []
    for path in sorted(BANK_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        files.append((path, data))
    return files


def _file_function(path: Path) -> str:
    """The function a bank file holds: its name (`requirement.yaml`), a function and a kind
    (`closing.call.training.yaml`), or the requirements of one field (`material.minsheng.yaml`)."""
    if path.stem.startswith("material."):
        return "requirement"
    named = [f for f in FUNCTIONS if path.stem == f or path.stem.startswith(f + ".")]
    return max(named, key=len) if named else path.stem


def _id_prefix(path: Path) -> str:
    """How the ids of a file begin: `requirement.`, or `material.minsheng.` for a field's material."""
    return path.stem + "." if path.stem.startswith("material.") else _file_function(path) + "."


ENTRIES: list[Entry] = sorted(load_bank().entries.values(), key=lambda e: e.id)


def test_chunks_split_at_slots_and_punctuation() -> None:
    assert chunks("刚才，{earlier_speaker}对{earlier_work}进行安排部署，我都同意。") == [
        "刚才",
        "进行安排部署",
        "我都同意",
    ]
    assert chunks("要坚持“学以致用”原则") == ["要坚持学以致用原则"]


def test_every_function_has_its_own_file() -> None:
    files = _raw_files()
    assert sorted(path.stem for path, _ in files if path.stem in FUNCTIONS) == sorted(FUNCTIONS)
    for path, data in files:
        assert isinstance(data, dict), path.name
        assert data["function"] == _file_function(path), path.name
        assert data["entries"], f"{path.name}: no entries"


def test_every_file_starts_with_a_comment_saying_what_it_is_for() -> None:
    for path, _ in _raw_files():
        assert path.read_text(encoding="utf-8").startswith("# "), path.name


def test_ids_are_unique_and_carry_their_function() -> None:
    seen: Counter[str] = Counter()
    for path, data in _raw_files():
        for entry in data["entries"]:
            seen[entry["id"]] += 1
            assert entry["id"].startswith(_id_prefix(path)), entry["id"]
    assert [i for i, n in seen.items() if n > 1] == []
    assert len(ENTRIES) == sum(seen.values())


def _comparable(entry: Entry) -> str:
    """What makes two entries the same phrase: the literal text, or a heading set's member texts."""
    texts = entry.member_texts() if entry.function == "heading_set" else (entry.text,)
    return "/".join(_normalise(_SLOT.sub("□", t)).replace("|", "") for t in texts)


def test_texts_are_unique_within_a_function() -> None:
    keys = Counter((e.function, _comparable(e)) for e in ENTRIES if e.function != "enumerator")
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_is_traceable_to_its_corpus_lines(entry: Entry) -> None:
    lines = [source_line(s) for s in entry.sources]
    if entry.function == "heading_set":
        members = entry.member_texts()
        for member in members:
            wanted = chunks(member)
            assert any(all(c in line for c in wanted) for line in lines), f"{entry.id}: {member} not found"
        for source, line in zip(entry.sources, lines, strict=True):
            assert any(all(c in line for c in chunks(m)) for m in members), (
                f"{entry.id}: {source} holds no member"
            )
    else:
        for source, line in zip(entry.sources, lines, strict=True):
            missing = [c for c in chunks(entry.text) if c not in line]
            assert missing == [], f"{entry.id}: {source} lacks {missing}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_uses_known_names_and_clean_text(entry: Entry) -> None:
    assert entry.status == "approved"
    assert set(entry.kinds) <= set(KINDS), entry.kinds
    assert set(entry.tags) <= set(TOPIC_TAGS), entry.tags
    texts = [entry.text, *entry.member_texts()]
    for text in texts:
        bare = _SLOT.sub("", text)
        assert not any(word in bare for word in NOISE), text
        assert not any(mark in bare for mark in HALF_WIDTH), f"half-width punctuation in {text}"
        assert "{" not in bare and "}" not in bare, text
    if entry.function in HEADING_FUNCTIONS:
        assert entry.slots, f"{entry.id}: a heading skeleton needs slots"
    else:
        assert set(entry.slots) <= set(SLOTS), entry.slots
    if entry.function == "enumerator":
        assert "n" in entry.slots
    if entry.function == "heading_set":
        assert entry.members is not None and len(entry.members) >= 2
        for member in entry.members:
            assert set(member) == set(entry.slots), member
            fill(entry.text, member)
    else:
        assert entry.members is None, entry.id


# How texts end, by function: whole sentences (joined into paragraphs as they are), lead-ins that
# announce what follows, connectives that begin the next sentence, and phrases that templates embed.
SENTENCE_ENDINGS = {
    "requirement": "。！？",
    "problem": "。！？",
    "quote": "。！？",
    "opening.purpose": "。",
    "opening.review": "。！",
    "opening.acknowledge": "。",
    "closing.call": "。！",
    "closing.thanks": "！",
    "opening.transition": "。：",
    "section.lead_in": "。：",
    "transition": "，。",
    "salutation": "：",
}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_ends_as_its_function_is_used(entry: Entry) -> None:
    endings = SENTENCE_ENDINGS.get(entry.function)
    if entry.function == "enumerator":  # markers: 一是, 第一，
        assert entry.text[-1] in "是要，", entry.text
    elif endings is None:  # titles, headings and parallel runs are phrases
        assert entry.text[-1] not in "。，；：！", entry.text
    else:
        assert entry.text[-1] in endings, entry.text


def test_slots_of_heading_skeletons_are_named() -> None:
    assert slots_of("{X}要更{Y}") == ("X", "Y")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_enough_entries_per_function(kind: str) -> None:
    bank = load_bank()
    short = {}
    for function, minimum in MINIMUM_PER_KIND.items():
        found = [e for e in bank.draftable(function) if not e.kinds or kind in e.kinds]
        if len(found) < minimum:
            short[function] = f"{len(found)} < {minimum}"
    assert short == {}


def test_minimum_table_covers_every_function() -> None:
    assert sorted(MINIMUM_PER_KIND) == sorted(FUNCTIONS)


def test_requirement_tags_are_spread() -> None:
    bank = load_bank()
    counts = Counter(tag for e in bank.draftable("requirement") for tag in e.tags)
    thin = {tag: counts[tag] for tag in TOPIC_TAGS if counts[tag] < MINIMUM_REQUIREMENTS_PER_TAG}
    assert thin == {}


def test_validate_strict_finds_nothing_in_the_builtin_bank() -> None:
    """No entry carries a particular of its source speech (figures, named campaigns, anecdotes)."""
    result = CliRunner().invoke(main, ["bank", "validate", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].endswith("0 errors, 0 warnings"), result.output


# Every entry is typed. The files of one function each (`requirement.yaml`), curated for issue 8:
# a formula there is of no field. The files that add a field's material or an occasion's formulas
# (`material.anquan.yaml`, `closing.call.commendation.yaml`) are held to their material's field.
CURATED = {
    e.id
    for path, data in _raw_files()
    if path.stem in FUNCTIONS
    for e in map(validate_entry, data["entries"])
}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_is_a_formula_or_material_of_a_known_field(entry: Entry) -> None:
    assert entry.type in ENTRY_TYPES, f"{entry.id}: no type"
    if entry.type == "material":
        assert entry.domain in DOMAINS, f"{entry.id}: material needs its domain"
    if entry.id in CURATED and entry.type == "formula":
        assert entry.domain is None, f"{entry.id}: a formula belongs to no field"


# Texts that are true only of the speech they come from (issue 8): the curation removed them or
# made them slots; none may come back.
SOURCE_ONLY = (
    "先斩后奏",
    "只管争取不管推进",
    "我经常讲",
    "三本账",
    "四分之一",
    "零失误",
    "三张清单",
    "一月一",
    "带案下访",
    "稳增长、调结构",
    "经济增速换档",
)


def test_no_entry_only_works_in_its_source() -> None:
    found = [(e.id, w) for e in ENTRIES for w in SOURCE_ONLY if w in e.text]
    assert found == []


# `{superior}` (the leadership above) and `{audience_org}` (the audience's system) where the source
# meant them, not the speaker's own office (`各级领导班子都要自觉维护{org}的权威` read 维护市委组织部的权威).
@pytest.mark.parametrize(
    ("entry_id", "role"),
    [
        ("requirement.jilv.zhengling-changtong", "superior"),
        ("requirement.luoshi.buzhebukou", "superior"),
        ("requirement.zhanwei.zhongxin-gongzuo", "superior"),
        ("requirement.jili.guanxin-ganbu", "audience_org"),
        ("section.lead_in.zuofeng-haohuai", "audience_org"),
    ],
)
def test_entries_name_the_role_they_mean(entry_id: str, role: str) -> None:
    entry = load_bank().entries[entry_id]
    assert role in entry.slots and "org" not in entry.slots
