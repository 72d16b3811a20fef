"""A point reads as an argument (issue 8 §4): no two sentences of a paragraph open alike, no 做到 run
right after a slogan list, no sentence saying again in other words what the paragraph said.
(Siblings' balance: test_relevance.py; the ±15% length: test_compose.py.)"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from test_relevance import SCAFFOLD, _brief, entry, write_bank

from drafter.bank.load import load_bank
from drafter.compose.outline import strip_marks
from drafter.compose.paragraph import ends_on_slogan_list, opening_run, slogan_list
from drafter.compose.pipeline import compose
from drafter.compose.select import key_terms, repeats_terms
from drafter.compose.templating import TemplateSet
from drafter.lint.repeats import sentences

TEMPLATES = TemplateSet()
FLOOD = "防汛抗旱与应急"
# entries about other things, so that document frequency tells common bigrams from rare ones
OTHERS = [entry(f"requirement.qita{i}", f"第{i}号文件要按程序签批，办文质量要再提高。") for i in range(8)]


def _paragraphs(markup: str) -> list[str]:
    """The point paragraphs of a draft (a run-in heading and its sentences)."""
    found, current = [], None
    for line in markup.splitlines():
        if line.startswith("@h3+"):
            current = []
            found.append(current)
        elif line.startswith(("@", "¶")) or not line.strip():
            current = None if line.startswith("¶") else current
        elif current is not None:
            current.append(strip_marks(line))
    return ["".join(p) for p in found]


def _draft(tmp_path: Path, requirement: list[dict[str, Any]], **files: Any) -> str:
    bank = load_bank([write_bank(tmp_path, {**SCAFFOLD, "requirement": requirement, **files})], builtin=False)
    return compose(_brief(length={"chars": 1200}), bank, TEMPLATES).markup


def test_no_two_sentences_of_a_paragraph_open_with_the_same_run(tmp_path: Path) -> None:
    assert opening_run("要不断学习理论，增强政治敏锐性。") == opening_run("要不断学习法律，做到依法行政。")
    assert opening_run("有的干部不学习。") == ""  # a parallel series repeats its opening on purpose
    same = [
        entry("requirement.a", "要加快推进防汛物资库点建设，按点调用。", domain=FLOOD),
        entry("requirement.b", "要加快推进防汛物资台账管理，逐项清点。", domain=FLOOD),
        entry("requirement.c", "要加快推进防汛物资集结，抢险前到位。", domain=FLOOD),
    ]
    markup = _draft(tmp_path, [*same, *OTHERS])
    paragraph = _paragraphs(markup)[0]
    runs = [opening_run(s) for s in sentences(paragraph)]
    runs = [r for r in runs if r]
    assert runs and len(runs) == len(set(runs)), paragraph
    assert sum(s.startswith("要加快推进") for s in sentences(paragraph)) == 1, paragraph


def test_a_slogan_list_is_what_its_pattern_finds() -> None:
    pattern = re.compile(r"(?:[\u4e00-\u9fff“”]{2,8}、){2,}[\u4e00-\u9fff“”]{2,8}$")
    rng = random.Random(3)

    def run(most: int) -> str:  # Chinese characters, quotation marks and others
        return "".join(rng.choice("不打折扣“”丿不打a") for _ in range(rng.randint(0, most)))

    clauses = [run(12) + "、".join(run(10) for _ in range(rng.randint(1, 4))) for _ in range(20000)]
    clauses += [entry.text for entry in load_bank().entries.values()]
    for clause in clauses:
        assert slogan_list(clause) == bool(pattern.search(clause)), clause


def test_no_zuodao_run_right_after_a_slogan_list(tmp_path: Path) -> None:
    assert ends_on_slogan_list("要第一时间落实，不打折扣、不做选择、不搞变通。")
    assert ends_on_slogan_list("各级干部要做到日常工作能尽责。")
    assert not ends_on_slogan_list("要备足冲锋舟、编织袋等防汛物资，抢险队伍提前到位。")
    listing = [
        entry(
            "requirement.wuzi",
            # (a list of three: four items would make a catalogue, about no one point)
            "防汛物资抢险前要第一时间备足，冲锋舟、编织袋、救生衣。",
            domain=FLOOD,
        ),
        *OTHERS,
    ]
    runs = [
        entry("parallel.wuzi", "物资备齐、抢险到位、底气十足", domain=FLOOD),
        *(entry(f"parallel.qita{i}", f"第{i}文签批、办文提质、程序规范") for i in range(6)),
    ]
    markup = _draft(tmp_path, listing, parallel=runs)
    paragraph = _paragraphs(markup)[0]
    assert "编织袋、救生衣" in paragraph and "做到" not in paragraph, paragraph


def test_a_sentence_saying_the_same_in_other_words_is_not_drafted(tmp_path: Path) -> None:
    a = "集体决策的目的是落实民主集中制，凝聚集体智慧，使决策更加科学。"
    b = "要认真落实民主集中制，完善集体决策制度，提高决策的科学化水平。"
    assert repeats_terms(b, [key_terms(a)])
    assert not repeats_terms("要加强堤防巡查，汛期每天检查一遍。", [key_terms(a)])
    twins = [
        entry(
            "requirement.wuzi-a", "防汛物资储备到位，冲锋舟编织袋储备充足，抢险队伍集结待命。", domain=FLOOD
        ),
        entry("requirement.wuzi-b", "抢险队伍集结待命，编织袋冲锋舟等防汛物资储备足额。", domain=FLOOD),
        *OTHERS,
    ]
    paragraph = _paragraphs(_draft(tmp_path, twins))[0]
    assert ("集结待命" in paragraph) and paragraph.count("集结待命") == 1, paragraph


def test_own_field_material_comes_before_a_kindred_fields(tmp_path: Path) -> None:
    kindred = [
        entry("requirement.own", "全面从严治党主体责任要落实到班子成员。", domain="党风廉政"),
        entry("requirement.kin", "一岗双责要落到每个班子成员，主体责任不走样。", domain="政府自身建设"),
        *OTHERS,
    ]
    bank = load_bank([write_bank(tmp_path, {**SCAFFOLD, "requirement": kindred})], builtin=False)
    brief = _brief(
        occasion="全局党风廉政建设工作会议",
        domain="党风廉政",
        sections=[
            {
                "heading": "压实责任",
                "points": [{"heading": "要落实主体责任", "text": ["班子成员要履行一岗双责。"]}],
            }
        ],
    )
    from drafter.compose.suggest import suggest

    _, points = suggest(brief, bank)
    ranked = [m.id for m in points[0].material]
    assert ranked[:1] == ["requirement.own"], ranked  # at half weight (the kindred one says more)
