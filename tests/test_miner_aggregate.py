"""The map/reduce interface: per-document results pickle, merging is associative, scores are stable."""

from __future__ import annotations

import functools
import pickle
from pathlib import Path

from sample_speeches import copy_samples, sample_paths

from drafter.miner.aggregate import Count, Tally, finalize, merge
from drafter.miner.candidates import Candidate, DocumentCandidates, formula_key, formula_keys
from drafter.miner.mine import mine_document, mine_lines, mine_paths
from drafter.miner.read import find_sources, read_lines


def _doc(name: str, *items: tuple[str, str, int]) -> DocumentCandidates:
    doc = DocumentCandidates(name)
    for function, text, line in items:
        doc.add(Candidate(function, text, text, line))
    return doc


def _shape(tally: Tally) -> dict[tuple[str, str], tuple[int, int, list[str]]]:
    return {k: (c.documents, c.count, sorted(c.sources)) for k, c in tally.counts.items()}


def test_merge_is_associative_and_commutative() -> None:
    a = Tally.of(_doc("a.txt", ("closing.thanks", "谢谢大家！", 9), ("salutation", "同志们：", 2)))
    b = Tally.of(_doc("b.txt", ("closing.thanks", "谢谢大家！", 30)))
    c = Tally.of(_doc("c.txt", ("closing.thanks", "谢谢！", 5), ("closing.thanks", "谢谢大家！", 7)))
    left = merge(merge(a, b), c)
    right = merge(a, merge(b, c))
    swapped = merge(c, merge(b, a))
    assert _shape(left) == _shape(right) == _shape(swapped)
    assert _shape(left)[("closing.thanks", "谢谢大家")] == (3, 3, ["a.txt:9", "b.txt:30", "c.txt:7"])
    assert left.documents == 3
    assert finalize(left) == finalize(swapped)


def test_punctuation_and_spaces_do_not_make_formulas_different() -> None:
    doc = _doc("a.txt", ("transition", "这里需要强调的是", 3), ("transition", "这里，需要强调的是", 9))
    tally = Tally.of(doc)
    assert list(tally.counts) == [("transition", "这里需要强调的是")]
    assert _shape(tally)[("transition", "这里需要强调的是")] == (1, 2, ["a.txt:3", "a.txt:9"])


def test_keys_of_many_texts_at_once_are_each_text_key() -> None:
    texts = ["这里，需要强调的是：", "  同志们 ：", "", "（一）抓落实", "含\0空字符，的行", "、；"]
    assert formula_keys(texts) == [formula_key(text) for text in texts]
    assert formula_keys(texts[:4]) == [formula_key(text) for text in texts[:4]]
    assert formula_keys([]) == []


def test_merge_leaves_its_inputs_alone() -> None:
    a = Tally.of(_doc("a.txt", ("salutation", "同志们：", 2)))
    before = _shape(a)
    merge(a, a)
    assert _shape(a) == before


def test_repeats_in_one_document_count_once_as_a_document() -> None:
    doc = _doc(
        "a.txt",
        ("closing.thanks", "谢谢！", 3),
        ("closing.thanks", "谢谢！", 8),
        ("closing.thanks", "谢谢！", 3),
    )
    formula = finalize(Tally.of(doc))["closing.thanks"][0]
    assert (formula.documents, formula.count, formula.sources) == (1, 2, ("a.txt:3", "a.txt:8"))


def test_finalize_ranks_spread_over_documents_first() -> None:
    tally = Tally.of(_doc("a.txt", ("salutation", "各位领导：", 1), ("salutation", "同志们：", 2)))
    tally.absorb(Tally.of(_doc("b.txt", ("salutation", "同志们：", 4))))
    ranked = finalize(tally)["salutation"]
    assert [f.text for f in ranked] == ["同志们：", "各位领导："]
    assert ranked[0].score > ranked[1].score


def test_document_results_pickle() -> None:
    path = sample_paths()[3]
    doc = mine_document(path.read_text(encoding="utf-8"), path.name)
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc
    assert _shape(Tally.of(copy)) == _shape(Tally.of(doc))
    assert mine_document(path.read_text(encoding="utf-8"), path.name) == doc  # deterministic


def test_map_reduce_in_any_grouping_equals_the_streaming_run(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "samples")
    sources = find_sources([corpus], lambda message: None)
    streamed = finalize(mine_paths([corpus], warn=lambda message: None).tally)
    tallies = [Tally.of(mine_lines(read_lines(s), s.name)) for s in sources]
    # Dask-style: fold partitions, then combine the partial tallies
    partial = [functools.reduce(merge, tallies[:2], Tally()), functools.reduce(merge, tallies[2:], Tally())]
    assert finalize(functools.reduce(merge, reversed(partial))) == streamed
    # Spark-style: reduceByKey on (function, key) pairs
    by_key: dict[tuple[str, str], Count] = {}
    for tally in reversed(tallies):
        for key, count in tally.counts.items():
            if key in by_key:
                by_key[key].absorb(count)
            else:
                by_key[key] = count
    assert finalize(Tally(by_key, documents=len(sources))) == streamed
