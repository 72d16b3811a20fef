"""Quality of the miner on the five sample speeches: recall of heading sets, no noise, traceable sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sample_speeches import copy_samples

from drafter.bank.load import load_folder
from drafter.bank.model import Entry
from drafter.miner.aggregate import Formula, finalize
from drafter.miner.mine import mine_paths
from drafter.miner.output import write_bank

FIXTURE = Path(__file__).parent / "fixtures" / "heading_sets.yaml"
# Written independently of drafter.miner.clean: what a reader recognises as the web page, not the speech.
NOISE_WORDS = (
    "小编", "推荐访问", "更新时间", "来源", "此处隐藏", "下载", "百味书屋", "免责声明", "链接地址",
    "http", ".com", "版权", "转载", "网友投稿", "精选文档", "供大家参考", "相关文章", "推荐文章", "导航",
    "经典文章", "广告", "文库",
)  # fmt: skip
# The noise lines of the sample corpus, by file and line number.
NOISE_LINES = {
    "001_aaac5f0b48bd72b0.txt": {1, 58},
    "002_cac9beac749c294e.txt": {3, 13},
    "004_f2a58c95e92b24d2.txt": {1, 5, 6, 8, 16, 42, 44, 45, 47, 49, 51, 53},
}
PLACEHOLDER = re.compile(r"XX|(?<![A-Za-z{])X(?![A-Za-z}])|×")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_samples(tmp_path_factory.mktemp("samples"))


@pytest.fixture(scope="module")
def mined(corpus: Path) -> dict[str, list[Formula]]:
    warnings: list[str] = []
    run = mine_paths([corpus], warn=warnings.append)
    assert warnings == []
    assert run.files_read == 5
    return finalize(run.tally)


def _member_texts(formula: Formula) -> tuple[str, ...]:
    assert formula.members is not None
    return tuple(formula.text.format_map(dict(values)) for values in formula.members)


def test_heading_set_recall(mined: dict[str, list[Formula]]) -> None:
    expected = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["sets"]
    found = {_member_texts(f) for f in mined["heading_set"]}
    hits = [s for s in expected if tuple(s["members"]) in found]
    recall = len(hits) / len(expected)
    missed = [s["members"] for s in expected if s not in hits]
    assert recall >= 0.9, f"recall {recall:.2f}, missed {missed}"


def test_heading_sets_point_at_their_first_member(mined: dict[str, list[Formula]], corpus: Path) -> None:
    for formula in mined["heading_set"]:
        first = _member_texts(formula)[0]
        for source in formula.sources:
            name, _, line = source.rpartition(":")
            text = (corpus / name).read_text(encoding="utf-8").splitlines()[int(line) - 1]
            assert first.replace("，", "") in text.replace(",", "").replace("，", ""), (source, first)


def test_every_function_yields_candidates(mined: dict[str, list[Formula]]) -> None:
    expected = {
        "title", "salutation", "opening.acknowledge", "opening.review", "opening.transition",
        "opening.purpose", "section.lead_in", "transition", "heading_set", "heading", "enumerator",
        "requirement", "parallel", "problem", "quote", "closing.call", "closing.thanks",
    }  # fmt: skip
    assert expected <= set(mined)


def test_known_formulas_are_found(mined: dict[str, list[Formula]]) -> None:
    texts = {name: {f.text for f in formulas} for name, formulas in mined.items()}
    assert "{X}要更{Y}" in texts["heading"]
    assert "{X}不适应" in texts["heading"]
    assert "同志们：" in texts["salutation"]
    assert "谢谢大家！" in texts["closing.thanks"]
    assert "刚才，{earlier_speaker}对{earlier_work}进行安排部署，我都同意。" in texts["opening.acknowledge"]
    assert "关于{topic}方面，我强调{count}点：" in texts["section.lead_in"]
    assert "古语说，工欲善其事，必先利其器。" in texts["quote"]
    assert "在{occasion}上的讲话" in texts["title"]


def test_no_noise_and_no_placeholder_in_any_output(mined: dict[str, list[Formula]]) -> None:
    for formulas in mined.values():
        for formula in formulas:
            shown = [formula.text, formula.note or "", *(v for m in formula.members or () for _, v in m)]
            for text in shown:
                assert not any(word in text for word in NOISE_WORDS), text
                assert not PLACEHOLDER.search(text), text
            for source in formula.sources:
                name, _, line = source.rpartition(":")
                assert int(line) not in NOISE_LINES.get(name, set()), (source, formula.text)


def test_sources_resolve_to_corpus_lines(mined: dict[str, list[Formula]], corpus: Path) -> None:
    lengths = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in corpus.glob("*.txt")}
    for formulas in mined.values():
        for formula in formulas:
            assert formula.sources
            for source in formula.sources:
                name, _, line = source.rpartition(":")
                assert 1 <= int(line) <= lengths[name]


def test_output_loads_as_a_bank(mined: dict[str, list[Formula]], tmp_path: Path) -> None:
    written = write_bank(mined, tmp_path / "out", documents=5, force=False)
    entries: list[Entry] = load_folder(tmp_path / "out")
    assert len(written) == len(mined)
    assert len(entries) == sum(len(f) for f in mined.values())
    assert {e.status for e in entries} == {"candidate"}
    assert all(e.mined is not None for e in entries)
    sets = [e for e in entries if e.function == "heading_set"]
    assert ("站位要更高", "标准要更严", "能力要更强", "作风要更实", "导向要更明") in {
        e.member_texts() for e in sets
    }
