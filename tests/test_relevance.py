"""Relevance ranking, the speech's field, formulas versus material, gaps, roles (issue 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from drafter.bank import cache
from drafter.bank.load import load_bank
from drafter.bank.model import Entry, validate_entry
from drafter.compose.brief import Brief
from drafter.compose.brief_build import parse_brief
from drafter.compose.pipeline import compose
from drafter.compose.relevance import Index, index_of, infer_domain, tokens
from drafter.compose.select import ROLE_WORDS, fits_role, is_material
from drafter.compose.templating import TemplateSet
from drafter.writers import RenderOptions, get_writer

TEMPLATES = TemplateSet()


def entry(entry_id: str, text: str, **fields: Any) -> dict[str, Any]:
    return {"id": entry_id, "text": text, "sources": ["a.txt:1"], **fields}


SCAFFOLD = {
    "opening.purpose": [entry("opening.purpose.renwu", "这次会议的主要任务是{purpose}。")],
    "opening.transition": [
        entry("opening.transition.zaijiang", "下面，我再讲一讲。"),
        entry("opening.transition.canjia", "我来参加这个会，主要是看望大家。"),
        entry("opening.transition.jiang", "下面，我围绕{topics}讲几点意见。"),
    ],
    "enumerator": [entry("enumerator.n-yao", "{n}要")],
    "closing.call": [entry("closing.call.fendou", "同志们，让我们为{goal}而努力奋斗！")],
    "closing.thanks": [entry("closing.thanks.xiexie", "谢谢大家！")],
}
MIXED = [
    entry(
        "requirement.fangxun-wuzi",
        "要备齐冲锋舟、编织袋等防汛物资，抢险队伍提前到位。",
        domain="防汛抗旱与应急",
    ),
    entry(
        "requirement.fangxun-xuncha", "要加强堤防巡查，汛期物资储备点每天检查一遍。", domain="防汛抗旱与应急"
    ),
    entry(
        "requirement.shenpi",
        "要深化审批制度改革，压缩审批时限，物资采购和项目审批一网通办。",
        domain="营商环境与招商",
    ),
    entry("requirement.shenji", "要加强审计监督，审计发现的问题及时移送。"),
]


def write_bank(folder: Path, files: dict[str, list[dict[str, Any]]]) -> Path:
    for function, entries in files.items():
        text = yaml.safe_dump({"function": function, "entries": entries}, allow_unicode=True, sort_keys=False)
        (folder / f"{function}.yaml").write_text(text, encoding="utf-8")
    return folder


def _bank(tmp_path: Path, requirement: list[dict[str, Any]]) -> Any:
    files = {**SCAFFOLD, "requirement": requirement}
    return load_bank([write_bank(tmp_path, files)], builtin=False)


def _brief(**changes: Any) -> Brief:
    data: dict[str, Any] = {
        "template": "system_meeting",
        "occasion": "全县防汛抗旱工作会议",
        "speaker": {"post": "县长"},
        "date": "2026-05-20",
        "purpose": "部署今年的防汛工作",
        "sections": [
            {
                "heading": "压实防汛责任",
                "points": [
                    {"heading": "要备足防汛物资", "text": ["物资是抢险的底气。"]},
                    {"heading": "要强化堤防巡查", "text": ["汛期巡查不能断。"]},
                ],
            }
        ],
        "closing": {"goal": "夺取防汛抗旱工作的全面胜利"},
        "length": {"chars": 600},
    }
    data.update(changes)
    return parse_brief(data)


def test_bm25_ranks_what_is_about_the_query_first_and_drops_the_rest() -> None:
    index = Index(
        [("a", tokens("备足防汛物资和抢险队伍")), ("b", tokens("深化审批制度改革")), ("c", tokens("防汛"))]
    )
    ranked = [s.id for s in index.rank(tokens("要备足防汛物资"))]
    assert ranked[0] == "a" and "b" not in ranked


def test_an_index_is_built_once_and_read_back_from_the_bank_cache() -> None:
    entries = [("a", "备足防汛物资和抢险队伍", ("防汛",)), ("b", "深化审批制度改革", ()), ("c", "防汛", ())]
    built = index_of(entries)
    assert len(list(cache.cache_dir().glob("relevance/*/*.marshal"))) == 1
    again = index_of(entries)
    assert again is not built and again.plain() == built.plain()
    query = tokens("要备足防汛物资")
    assert (
        again.rank(query)
        == built.rank(query)
        == Index([(i, tokens(" ".join((text, *tags)))) for i, text, tags in entries]).rank(query)
    )
    # read back, its postings and weights are unpacked as they are looked up, equal to those built
    assert dict(again.postings) == dict(built.postings) and dict(again.idf) == dict(built.idf)
    assert again.idf.get("审批") == built.idf["审批"] and again.idf.get("无关") is None
    index_of(entries[:2])
    assert len(list(cache.cache_dir().glob("relevance/*/*.marshal"))) == 2  # keyed by content


def test_the_field_is_inferred_from_the_briefs_words() -> None:
    assert infer_domain(["全县防汛抗旱工作会议", "备足防汛物资"]) == "防汛抗旱与应急"
    assert infer_domain(["全市优化营商环境推进大会"]) == "营商环境与招商"
    assert infer_domain(["会议"]) is None
    assert infer_domain(["全市网络安全宣传周闭幕式", "网络安全为人民，网络安全靠人民"]) is None


def test_a_flood_point_gets_no_approval_material_from_a_mixed_bank(tmp_path: Path) -> None:
    draft = compose(_brief(), _bank(tmp_path, MIXED), TEMPLATES)
    ids = {row.entry_id for row in draft.trace}
    assert draft.domain == "防汛抗旱与应急"
    assert "requirement.fangxun-wuzi" in ids
    assert "requirement.shenpi" not in ids and "requirement.shenji" not in ids
    assert "审批" not in draft.markup and "审计" not in draft.markup


def test_a_point_the_bank_knows_nothing_about_gets_a_gap_in_every_format(tmp_path: Path) -> None:
    brief = _brief(
        sections=[
            {
                "heading": "压实防汛责任",
                "points": [
                    {"heading": "要备足防汛物资", "text": ["物资是抢险的底气。"]},
                    {"heading": "要做好转移安置", "text": ["群众生命安全第一。"]},
                ],
            }
        ]
    )
    draft = compose(brief, _bank(tmp_path, MIXED), TEMPLATES)
    assert "s1.p2" in [g.point for g in draft.gaps]
    assert draft.gap_summary().startswith(f"{len(draft.gaps)} 处待补，约需补写")
    gap = "〔待补：做好转移安置的具体举措、责任单位、时间节点〕"
    for fmt in ("md", "txt"):
        assert gap in get_writer(fmt)(draft.document, RenderOptions()).decode("utf-8")
    docx = get_writer("docx")(draft.document, RenderOptions())
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        body = package.read("word/document.xml").decode("utf-8")
        notes = package.read("word/comments.xml").decode("utf-8")
    assert "w:highlight" in body and "转移安置" in body and "待补" in notes
    # the gap is not counted as speech text, and --no-gaps leaves it out
    assert draft.length.gaps == len(draft.gaps) and draft.length.chars == draft.document.body_chars()
    quiet = compose(brief, _bank(tmp_path, MIXED), TEMPLATES, gaps=False)
    assert "待补" not in quiet.markup and not quiet.gaps


def test_material_none_keeps_a_point_to_the_writers_words(tmp_path: Path) -> None:
    brief = _brief(
        sections=[
            {
                "heading": "责任",
                "points": [{"heading": "要备足防汛物资", "text": ["a。"], "material": "none"}],
            }
        ]
    )
    draft = compose(brief, _bank(tmp_path, MIXED), TEMPLATES)
    assert not [r for r in draft.trace if r.entry_id.startswith("requirement.")] and not draft.gaps


def test_siblings_are_balanced_when_material_exists(tmp_path: Path) -> None:
    many = [
        entry(
            f"requirement.wuzi{i}",
            f"要备足防汛物资第{i}批，冲锋舟和编织袋按{i}号库点存放。",
            domain="防汛抗旱与应急",
        )
        for i in range(12)
    ] + [
        entry(
            f"requirement.xuncha{i}",
            f"要强化堤防巡查第{i}段，巡查人员按{i}号段落实。",
            domain="防汛抗旱与应急",
        )
        for i in range(12)
    ]
    draft = compose(_brief(length={"chars": 2000}), _bank(tmp_path, many), TEMPLATES)
    sizes = [len(b.body_text) for b in draft.document.blocks if getattr(b, "run_in", False)]
    assert len(sizes) == 2 and max(sizes) <= 2 * min(sizes), sizes


def test_untyped_requirements_are_material_and_typed_ones_follow_their_type() -> None:
    def make(**fields: Any) -> Entry:
        return validate_entry({"id": "requirement.x", "text": "要……", "sources": ["a.txt:1"], **fields})

    assert is_material(make(function="requirement"))
    assert not is_material(make(function="requirement", type="formula"))
    assert not is_material(make(function="opening.purpose"))


def test_speaker_role_chooses_the_opening(tmp_path: Path) -> None:
    bank = _bank(tmp_path, MIXED)
    convener = compose(_brief(), bank, TEMPLATES).markup
    guest = compose(_brief(speaker_role="guest"), bank, TEMPLATES, seed=0).markup
    assert "我来参加这个会" not in convener and "再讲一讲" not in convener
    assert "再讲一讲" not in guest

    def make(text: str, **fields: Any) -> Entry:
        return validate_entry({"id": "transition.x", "text": text, "sources": ["a.txt:1"], **fields})

    assert fits_role(make("我来参加这个会。"), "guest") and not fits_role(
        make("我来参加这个会。"), "convener"
    )
    assert fits_role(make("刚才讲得很好，我都同意。"), "closing")
    assert not fits_role(make("刚才讲得很好，我都同意。"), "guest")
    assert fits_role(make("下面讲几点。", roles=["guest"]), "guest")
    assert not fits_role(make("下面讲几点。", roles=["guest"]), "closing")


def test_role_defaults_to_closing_after_acknowledged_speakers() -> None:
    assert _brief().role == "convener"
    assert _brief(acknowledge=[{"who": "王县长", "did": "作了部署"}]).role == "closing"
    assert _brief(speaker_role="guest").role == "guest"


def test_an_entry_without_roles_fits_a_role_unless_it_says_another_roles_words() -> None:
    texts = ["我来参加这个会。", "再讲几点，我都同意。", "下面讲几点。", "应邀参加，再强调几点。", "补充几点"]
    for role in ("convener", "guest", "closing", None):
        for text in texts:
            entry = validate_entry({"id": "transition.x", "text": text, "sources": ["a.txt:1"]})
            said = {other for other, words in ROLE_WORDS.items() if any(w in text for w in words)}
            word_by_word = role is None or said <= {role}
            assert fits_role(entry, role) == word_by_word, (role, text)


def test_every_alias_names_one_field() -> None:
    from drafter.vocabulary import DOMAINS

    names = [alias for _, aliases in DOMAINS.values() for alias in aliases] + list(DOMAINS)
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
