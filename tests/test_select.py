"""Phrase selection: status, kinds, slots, tags, use/avoid, no reuse, determinism."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from bank_helpers import write_bank
from hypothesis import given
from hypothesis import strategies as st

from drafter.bank.load import Bank, EntryTable
from drafter.bank.model import Entry, validate_entry
from drafter.compose.select import NEAR, Catalog, Selector, shingles


def entry(entry_id: str, text: str, **fields: object) -> Entry:
    function = entry_id.rsplit(".", 1)[0]
    return validate_entry(
        {"id": entry_id, "text": text, "function": function, "sources": ["a.txt:1"], **fields}
    )


def bank_of(*entries: Entry) -> Bank:
    return Bank(EntryTable({e.id: e for e in entries}))


def selector(
    bank: Bank,
    *,
    seed: int = 0,
    kind: str = "training",
    slots: Mapping[str, str] | None = None,
    use: Sequence[str] = (),
    avoid: Sequence[str] = (),
) -> Selector:
    return Selector(bank, kind=kind, seed=seed, slots=slots or {}, use=use, avoid=avoid)


def test_only_approved_entries_fit_for_the_kind() -> None:
    bank = bank_of(
        entry("closing.thanks.a", "谢谢大家！", status="candidate"),
        entry("closing.thanks.b", "谢谢！", status="deprecated"),
        entry("closing.thanks.c", "我今天就讲这么多，谢谢！", kinds=["summary"]),
        entry("closing.thanks.d", "谢谢大家！"),
    )
    pick = selector(bank).pick("closing.thanks", site="x")
    assert pick is not None and pick.entry.id == "closing.thanks.d"
    assert (
        selector(bank, kind="summary", use=["closing.thanks.c"]).pick("closing.thanks", site="x") is not None
    )


def test_never_twice_and_none_when_exhausted() -> None:
    s = selector(bank_of(entry("requirement.a", "要学习。"), entry("requirement.b", "要调研。")))
    ids = {p.entry.id for p in (s.pick("requirement", site="1"), s.pick("requirement", site="2")) if p}
    assert ids == {"requirement.a", "requirement.b"}
    assert s.pick("requirement", site="3") is None


def test_slots_are_filled_and_unfillable_entries_skipped() -> None:
    bank = bank_of(
        entry("opening.transition.a", "下面，我围绕{topics}讲{count}点。"),
        entry("opening.transition.b", "下面，我讲讲{goal}。"),
    )
    s = selector(bank, slots={"topics": "规范和方法", "count": "两", "goal": ""})
    pick = s.pick("opening.transition", site="x")
    assert pick is not None and pick.text == "下面，我围绕规范和方法讲两点。"
    assert s.pick("opening.transition", site="y") is None  # {goal} has no value
    # a value given for one place fills it there
    pick = selector(bank).pick("opening.transition", site="x", slots={"goal": "目标"})
    assert pick is not None and pick.text == "下面，我讲讲目标。"


def test_needs_and_accept_narrow_the_choice() -> None:
    bank = bank_of(
        entry("opening.purpose.a", "我来看望大家。"),
        entry("opening.purpose.b", "这次会议的任务是{purpose}。"),
        entry("enumerator.a", "{n}是"),
        entry("enumerator.b", "第{n}，"),
    )
    s = selector(bank, slots={"purpose": "部署工作"})
    pick = s.pick("opening.purpose", site="x", needs=["purpose"])
    assert pick is not None and pick.text == "这次会议的任务是部署工作。"
    pick = s.pick("enumerator", site="x", slots={"n": "一"}, accept=["第{n}，"])
    assert pick is not None and pick.entry.id == "enumerator.b"


def test_tags_steer_and_other_topics_are_never_used() -> None:
    bank = bank_of(
        entry("requirement.lian", "要守住廉洁底线。", tags=["廉洁"]),
        entry("requirement.xue", "要坚持学习。", tags=["学习"]),
        entry("requirement.xuediao", "要学习调研。", tags=["学习", "调研"]),
        entry("requirement.general", "要真抓实干。"),
    )
    s = selector(bank)
    first = s.pick("requirement", site="1", tags=["学习", "调研"])
    second = s.pick("requirement", site="2", tags=["学习", "调研"])
    third = s.pick("requirement", site="3", tags=["学习", "调研"])
    assert [p.entry.id if p else None for p in (first, second, third)] == [
        "requirement.xuediao",  # shares two tags
        "requirement.xue",  # shares one
        "requirement.general",  # then untagged ones; never the 廉洁 one
    ]
    assert s.pick("requirement", site="4", tags=["学习"]) is None


def test_use_comes_first_and_avoid_never() -> None:
    bank = bank_of(*(entry(f"quote.q{i}", f"古语说，第{i}句。") for i in range(6)))
    s = selector(bank, use=["quote.q4"], avoid=["quote.q0", "quote.q1", "quote.q2"])
    picks = [s.pick("quote", site=str(i)) for i in range(4)]
    assert picks[0] is not None and picks[0].entry.id == "quote.q4"
    assert {p.entry.id for p in picks if p} == {"quote.q3", "quote.q4", "quote.q5"}
    assert picks[3] is None


def test_choice_is_deterministic_and_varies_with_seed_and_place() -> None:
    bank = bank_of(*(entry(f"parallel.p{i:02}", f"第{i}组四字格。") for i in range(30)))

    def draw(seed: int) -> list[str]:
        s = selector(bank, seed=seed)
        return [p.entry.id for p in (s.pick("parallel", site=f"s{i}") for i in range(5)) if p]

    assert draw(1) == draw(1)
    assert len({tuple(draw(seed)) for seed in range(5)}) > 1
    assert len(set(draw(1))) == 5


def test_entries_repeating_the_writers_words_are_skipped() -> None:
    bank = bank_of(
        entry("requirement.a", "要坚持按程序办事、按制度运转，用制度管人管事。"),
        entry("requirement.b", "要真抓实干、务求实效。"),
    )
    s = Selector(bank, kind="training", seed=0, slots={}, said=["我们始终坚持按程序办事、按制度运转。"])
    first = s.pick("requirement", site="1")
    assert first is not None and first.entry.id == "requirement.b"
    assert s.pick("requirement", site="2") is None


_TEXTS = st.text(alphabet="按程序办事制度运转，。 {}ab", max_size=30)


@given(texts=st.lists(_TEXTS, max_size=8), said=st.lists(_TEXTS, max_size=3))
def test_the_rows_repeating_the_writers_words_are_those_whose_runs_meet_them(
    texts: list[str], said: list[str]
) -> None:
    catalog = Catalog(Bank({}), "training", said)
    rows = [(f"requirement.{i}", text, (), frozenset(), frozenset(), False) for i, text in enumerate(texts)]
    expected = tuple(
        i for i, (_, text, *_) in enumerate(rows) if not shingles(text, NEAR).isdisjoint(catalog.said)
    )
    assert catalog._repeating("requirement", rows) == expected  # the first draft's scan
    assert catalog._repeating("requirement", rows) == expected  # a later draft's, row by row


def test_a_phrase_already_drafted_is_not_repeated_by_another_entry() -> None:
    bank = bank_of(
        entry("requirement.a", "要抓铁有痕、踏石留印，干在实处。"),
        entry("parallel.b", "抓铁有痕、踏石留印"),
        entry("parallel.c", "真抓实干、务求实效"),
    )
    s = selector(bank)
    proposed = s.pick("requirement", site="1", commit=False)
    assert proposed is not None and not s.used  # only proposed
    s.commit(proposed)
    picks = [s.pick("parallel", site=str(i)) for i in range(2)]
    assert [p.entry.id if p else None for p in picks] == ["parallel.c", None]


def test_a_bank_sentence_nearly_repeating_the_writers_words_beside_it_is_not_chosen() -> None:
    # 对基层的情况、对百姓的需求… after the writer's 对基层的情况、百姓的需求…: a run of 6, punctuation aside
    bank = bank_of(
        entry("requirement.a", "对基层的情况、对百姓的需求、对企业反映的发展困难要做到心中有数。"),
        entry("requirement.b", "要真抓实干、务求实效。"),
    )
    near = ["很多问题一到现场就具体了，对基层的情况、百姓的需求、企业的困难都要心中有数。"]
    s = selector(bank)
    first = s.pick("requirement", site="1", near=near)
    assert first is not None and first.entry.id == "requirement.b"
    assert s.pick("requirement", site="2", near=near) is None
    elsewhere = selector(bank, use=["requirement.a"]).pick("requirement", site="1")
    assert elsewhere is not None and elsewhere.entry.id == "requirement.a"  # away from those words it may


def test_a_bank_sentence_echoing_several_runs_of_the_writers_words_is_not_chosen() -> None:
    # no run of 6 in common, but 党员干部…立身之本…守住底线: the same sentence said again in other words
    bank = bank_of(
        entry("requirement.a", "廉洁是每一名党员干部应当恪守的立身之本和行为准则，要牢牢守住底线。"),
        entry("requirement.b", "要坚决守住底线。"),
    )
    near = ["廉洁是党员干部的立身之本，每个人都要找准位置、守住底线。"]
    picks = [selector(bank, seed=seed).pick("requirement", site="1", near=near) for seed in range(5)]
    assert {p.entry.id for p in picks if p} == {"requirement.b"}


def test_repeats_of_the_writers_words_are_found_whatever_the_punctuation() -> None:
    bank = bank_of(entry("requirement.a", "讲大局，识大局是基本的政治要求，更是必备的政治素质。"))
    s = Selector(bank, kind="training", seed=0, slots={}, said=["我们要讲大局、识大局是基本的政治要求。"])
    assert s.pick("requirement", site="1") is None


def test_a_places_own_tags_come_before_its_context_tags() -> None:
    bank = bank_of(
        entry("requirement.zuofeng", "要转变作风、提升效能。", tags=["作风", "效能"]),
        entry("requirement.xuexi", "要坚持学习。", tags=["学习"]),
        entry("requirement.lian", "要守住廉洁底线。", tags=["廉洁"]),
    )
    s = selector(bank)
    picks = [s.pick("requirement", site=str(i), tags=["学习"], context=["作风", "效能"]) for i in range(4)]
    assert [p.entry.id if p else None for p in picks] == [
        "requirement.xuexi",  # the point's own topic, though the other shares two section tags
        "requirement.zuofeng",  # then the section's
        None,  # never another topic
        None,
    ]


def test_a_formula_the_writer_already_used_anywhere_is_not_said_again() -> None:
    # 干中学、学中干……缺什么补什么 in one point's text; the bank's fuller form must not close another point
    bank = bank_of(
        entry("parallel.a", "干中学、学中干，干什么学什么，缺什么补什么"), entry("parallel.b", "真抓实干")
    )
    s = Selector(bank, kind="training", seed=0, slots={}, said=["每个同志都要干中学、学中干，缺什么补什么。"])
    assert [p.entry.id if p else None for p in (s.pick("parallel", site=str(i)) for i in range(2))] == [
        "parallel.b",
        None,
    ]


def test_late_in_a_long_draft_drafted_sentences_are_looked_up_by_term_with_the_same_result() -> None:
    from itertools import islice, permutations

    from drafter.compose.select import SCAN, Pick, key_terms, repeats_terms

    words = ["安全", "生产", "隐患", "排查", "责任", "落实", "应急", "救援", "防汛", "物资", "队伍", "演练"]
    texts = ["".join(ws) for ws in islice(permutations(words, 5), 0, 40_000, 400)]
    chooser = selector(bank_of())
    probes = [*texts[: SCAN + 30 : 3], "安全生产责任落实", "防汛物资队伍", "这句与前面无关"]
    near = [key_terms("应急救援演练")]
    answers = set()
    for number, text in enumerate(texts[: SCAN + 30]):
        chooser.commit(Pick(entry(f"requirement.t{number}", text), text))
        if number in (SCAN - 2, SCAN - 1, SCAN + 10, SCAN + 29):
            for probe in probes:
                expected = repeats_terms(probe, [*chooser.terms, *near])
                assert chooser._repeats(probe, near, frozenset()) == expected
                answers.add(expected)
    assert len(chooser.terms) > SCAN and chooser.holders  # the lookup was used
    assert answers == {True, False}


def test_a_catalog_of_a_cached_bank_is_kept_in_the_bank_cache_and_read_back_alike(tmp_path: Path) -> None:
    from drafter.bank import cache
    from drafter.bank.load import load_bank
    from drafter.compose.select import Catalog, _plain_texts

    folder = write_bank(tmp_path / "bank", {"requirement.yaml": REQUIREMENTS})
    parsed = load_bank([folder], builtin=False)  # from YAML: nothing derived from it is cached
    assert parsed.entries.content_key() is None
    first, second = (load_bank([folder], builtin=False) for _ in range(2))  # from the bank cache
    assert first.entries.content_key() == second.entries.content_key() is not None

    def rows(catalog: Catalog) -> list[tuple[object, ...]]:
        group = catalog.group("requirement")
        return [(c.id, c.text, c.tag_list, c.tags, c.slots, c.material, c.entry) for c in group.all]

    built = rows(Catalog(first, "work_meeting"))
    assert len(list(cache.cache_dir().glob("catalog/*/*.marshal"))) == 1
    assert rows(Catalog(second, "work_meeting")) == built == rows(Catalog(parsed, "work_meeting"))
    assert [row[0] for row in built] == ["requirement.a", "requirement.b"]  # sorted; c is for others
    read = Catalog(second, "work_meeting")  # its plain texts were read back with it
    plain = second.memo[("plain", read._fitting_key("requirement"))]
    assert plain == _plain_texts(read._fitting("requirement"))
    rows(Catalog(second, "training"))
    assert len(list(cache.cache_dir().glob("catalog/*/*.marshal"))) == 2  # keyed by what it is for
    del second.entries["requirement.a"]  # a bank changed after loading: its catalog is not kept
    assert second.entries.content_key() is None


REQUIREMENTS = """
    function: requirement
    entries:
      - id: requirement.b
        text: 要{region}压实安全生产责任，做到守土有责
        tags: [安全生产]
        sources: ["a.txt:1"]
      - id: requirement.c
        text: 要抓好培训
        kinds: [training]
        sources: ["a.txt:2"]
      - id: requirement.a
        text: 要备足防汛物资和抢险队伍
        type: material
        sources: ["a.txt:3"]
"""


def test_a_cached_catalog_is_found_by_another_process() -> None:
    import subprocess
    import sys

    from drafter.compose.select import _CATALOG_SALT

    shown = "from drafter.compose.select import _CATALOG_SALT as s; print(s, end='')"
    for seed in ("1", "2"):  # sets are ordered by hash, which changes with the process
        env = {**os.environ, "PYTHONHASHSEED": seed}
        found = subprocess.run(
            [sys.executable, "-c", shown], capture_output=True, text=True, env=env, check=True
        )
        assert found.stdout == _CATALOG_SALT
