"""Composing drafts in process: structure, determinism, seeds, no reuse, layering, length, warnings."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafter.bank.load import Bank, load_bank
from drafter.bank.model import Entry
from drafter.compose.brief import Brief
from drafter.compose.brief_build import parse_brief
from drafter.compose.length import within
from drafter.compose.outline import mark
from drafter.compose.paragraph import CLOSE, HOW, WHAT, WHY, stage
from drafter.compose.pipeline import _NAMED, PARALLEL_FRAMES, Draft, Enumerator, SpeechContext, compose
from drafter.compose.plan import plan_draft
from drafter.compose.select import Selector
from drafter.compose.templating import TemplateSet
from drafter.document import Heading

TEMPLATES = TemplateSet()
TAGS = ("学习", "调研", "落实", "作风")
# the subjects of the rich bank's material and of the writer's words in `brief`
TOPICS = tuple(
    "统筹推进 深化改革 强化担当 服务群众 提升效能 转变作风 "
    "守住底线 凝聚合力 创新方法 狠抓落实 优化环境 夯实基层".split()
)
# ... and the subjects of the writer's second clause under each point, which no heading says: the
# bank's sentences on them are about the point through the writer's words, without saying its
# heading's subject again (`about.MENTIONS`)
DETAILS = tuple("茶叶基地 冷链物流 电商直播 林下经济 光伏电站 人才公寓 数据中心 智慧停车 口袋公园".split())


def entry(entry_id: str, text: str, **fields: Any) -> dict[str, Any]:
    return {"id": entry_id, "text": text, "sources": [f"{entry_id.split('.')[0]}.txt:{len(text)}"], **fields}


def rich_bank_files() -> dict[str, list[dict[str, Any]]]:
    """A bank with plenty of material of every kind the templates ask for."""
    rng = random.Random(7)
    # each sentence's own words come from a wide pool, as real sentences do: two sentences share
    # their subject's words, not every other bigram (which would say the same thing again)
    words = "".join(chr(c) for c in range(0x4E00 + 300, 0x4E00 + 900))

    topics = TOPICS + DETAILS

    def sentence(lead: str) -> str:
        # long sentences (a point's bank sentences say its subject in one at most: `MENTIONS`) of
        # clauses on one of the writer's subjects (see `brief`; a sentence naming two points'
        # subjects spans them: `SpeechContext._elsewhere`), said in its first clause (what a sentence is on:
        # `about.lead_clause`), with more beside it than a restatement of the heading has
        # (`about.WHOLE_REST`), and in its last (a sentence saying it once among 80 characters of
        # others is not clearly about it: `MATERIAL_SHARE`), each clause with some words of its own
        # (sentences opening alike are not said in one paragraph)
        subject = rng.choice(topics)
        count = rng.randint(11, 15)

        def clause(i: int) -> str:
            if i == 0:  # a word of its own before the subject: sentences on it do not open alike
                return (
                    "".join(rng.choice(words) for _ in range(2))
                    + subject
                    + "".join(rng.choice(words) for _ in range(rng.randint(9, 11)))
                )
            said = subject if i == count - 1 else ""
            return said + "".join(rng.choice(words) for _ in range(rng.randint(4, 8)))

        clauses = [clause(i) for i in range(count)]
        return f"{lead}{'，'.join(clauses)}。"

    return {
        "opening.purpose": [entry("opening.purpose.renwu", "这次会议的主要任务是{purpose}。")],
        "opening.acknowledge": [
            entry("opening.acknowledge.tongyi", "刚才，{earlier_speaker}对{earlier_work}作了部署，我都同意。")
        ],
        "opening.review": [
            entry("opening.review.ganxie", "借此机会，我代表{org}向{thanks_to}表示衷心的感谢！")
        ],
        "opening.transition": [
            entry("opening.transition.jiang", "下面，我围绕{topics}{count}个方面，讲几点意见。")
        ],
        "section.lead_in": [entry("section.lead_in.qiangdiao", "关于{topic}方面，我强调{count}点：")],
        "enumerator": [
            entry("enumerator.n-shi", "{n}是"),
            entry("enumerator.n-yao", "{n}要"),
            entry("enumerator.di-n", "第{n}，"),
        ],
        "requirement": [
            entry(f"requirement.r{i:03}", sentence("要"), tags=[TAGS[i % 4]] if i % 3 else [])
            for i in range(160)
        ],
        "parallel": [entry(f"parallel.p{i:02}", sentence("做到")) for i in range(30)],
        "quote": [entry(f"quote.q{i:02}", f"古语说，第{i}句古语。") for i in range(20)],
        "problem": [entry(f"problem.w{i:02}", sentence("有的")) for i in range(40)],
        "closing.call": [entry("closing.call.fendou", "同志们，让我们为{goal}而努力奋斗！")],
        "closing.thanks": [entry("closing.thanks.xiexie", "谢谢大家！")],
        "heading_set": [
            entry(
                "heading_set.yaogeng",
                "{X}要更{Y}",
                members=[{"X": "站位", "Y": "高"}, {"X": "标准", "Y": "严"}, {"X": "能力", "Y": "强"}],
            )
        ],
    }


def write_bank(folder: Path, files: dict[str, list[dict[str, Any]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for function, entries in files.items():
        text = yaml.safe_dump({"function": function, "entries": entries}, allow_unicode=True, sort_keys=False)
        (folder / f"{function}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def rich_bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    return load_bank([write_bank(tmp_path_factory.mktemp("bank"), rich_bank_files())], builtin=False)


def brief(**changes: Any) -> Brief:
    return parse_brief(brief_data(**changes))


def brief_data(**changes: Any) -> dict[str, Any]:
    """The data of `brief()`, to change before it is parsed."""
    data: dict[str, Any] = {
        "template": "system_meeting",
        "occasion": "全市政府办公室工作会议",
        "speaker": {"post": "市长", "name": "张华"},
        "date": "2026-03-18",
        "org": "市政府",
        "purpose": "部署今年的工作",
        "thanks_to": "同志们",
        "acknowledge": [{"who": "王区长", "did": "对本月的重点工作进行了安排部署"}],
        "achievements": ["去年工作成效明显。"],
        "headings": {"set": "heading_set.yaogeng"},
        "sections": [
            {
                "topic": f"主题{i}",
                "tags": [TAGS[i]],
                # the writer's words are about what the bank's material says (so that it is relevant)
                "points": [
                    {
                        # a heading that says its subject with a verb of its own (`about.restates`)
                        "heading": f"要抓好{TOPICS[(3 * i + j) % 12]}",
                        "text": [f"我们{TOPICS[(3 * i + j) % 12]}，{DETAILS[3 * i + j]}。"],
                    }
                    for j in range(3)
                ],
            }
            for i in range(3)
        ],
        "closing": {"goal": "开创新局面"},
        "length": {"chars": 2400},
    }
    data.update(changes)
    return data


def test_draft_structure_follows_the_template(rich_bank: Bank) -> None:
    draft = compose(brief(), rich_bank, TEMPLATES)
    doc = draft.document
    assert doc.title == ("在全市政府办公室工作会议上的讲话",)
    assert doc.byline == ("市长　张华", "（2026年3月18日）")
    assert doc.salutation == "同志们："
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [h.text for h in headings if h.level == 1] == [
        "一、站位要更高",
        "二、标准要更严",
        "三、能力要更强",
    ]
    points = [h.text for h in headings if h.level == 3]
    assert points[:3] in (
        ["一是要抓好统筹推进。", "二是要抓好深化改革。", "三是要抓好强化担当。"],
        ["一要抓好统筹推进。", "二要抓好深化改革。", "三要抓好强化担当。"],
    )
    # one numbering style for all the sections' points
    assert len({p[1] for p in points}) == 1 and len(points) == 9
    opening = doc.blocks[0].text
    # who speaks after others (the default with acknowledged speakers) begins with them
    assert opening.startswith(
        "刚才，王区长对本月的重点工作作了部署，我都同意。这次会议的主要任务是部署今年的工作。"
    )
    assert doc.blocks[-1].text == "谢谢大家！"
    assert doc.blocks[-2].text == "同志们，让我们为开创新局面而努力奋斗！"
    # the heading set member carries its provenance
    assert headings[0].spans[-1].entry_id == "heading_set.yaogeng"


def test_same_brief_and_seed_give_the_same_draft_and_another_seed_another(rich_bank: Bank) -> None:
    first = compose(brief(), rich_bank, TEMPLATES)
    assert compose(brief(), rich_bank, TEMPLATES).markup == first.markup
    assert compose(brief(seed=0), rich_bank, TEMPLATES, seed=1).markup != first.markup
    assert (
        compose(brief(seed=5), rich_bank, TEMPLATES).markup
        == compose(brief(), rich_bank, TEMPLATES, seed=5).markup
    )


def test_no_entry_is_used_twice(rich_bank: Bank) -> None:
    draft = compose(brief(length={"chars": 4000}), rich_bank, TEMPLATES)
    ids = [row.entry_id for row in draft.trace if not row.entry_id.startswith("heading_set.")]
    assert len(ids) == len(set(ids)) > 15


@pytest.mark.parametrize("target", [1500, 2000, 2400, 3000])
def test_length_lands_within_15_percent_when_the_bank_has_enough(rich_bank: Bank, target: int) -> None:
    draft = compose(brief(length={"chars": target}), rich_bank, TEMPLATES)
    # where a point has too little material, its gap says how much the writer must add
    length = draft.length
    assert within(length.chars, target) or (length.gaps and within(length.chars + length.missing, target)), (
        length
    )
    # a point says its subject in one bank sentence (`about.MENTIONS`): the others must be on the
    # writer's words and score as clearly about the point, which few of the rich bank's do
    assert length.gaps <= len(brief_data()["sections"]) * 3, length
    assert not [w for w in draft.warnings if w.loc == ("length",)]


def test_minutes_at_the_speaking_rate(rich_bank: Bank) -> None:
    draft = compose(brief(length={"minutes": 10, "rate": 200}), rich_bank, TEMPLATES)
    length = draft.length
    assert length.target == 2000 and within(length.chars + length.missing, 2000), length
    assert (
        draft.length.summary()
        == f"约{round(draft.length.chars, -1)}字，约{round(draft.length.chars / 200)}分钟"
    )


def test_thin_bank_warns_about_the_length(tmp_path: Path) -> None:
    files = {k: v for k, v in rich_bank_files().items() if k not in ("requirement", "parallel", "quote")}
    thin = load_bank([write_bank(tmp_path, files)], builtin=False)
    draft = compose(brief(length={"chars": 5000}), thin, TEMPLATES)
    assert draft.length.chars < 5000 * 0.85
    # the draft says where it is short: gaps at the points, else a length warning
    assert draft.gaps or [w for w in draft.warnings if str(w).startswith("length: 篇幅约")]


def test_avoid_and_use(rich_bank: Bank) -> None:
    plain = compose(brief(), rich_bank, TEMPLATES)
    used = {row.entry_id for row in plain.trace}
    avoided = sorted(i for i in used if i.startswith("requirement."))[:3]
    unused = sorted(set(rich_bank.entries) - used - {"heading_set.yaogeng"})
    wanted = next(i for i in unused if i.startswith("requirement."))
    other = compose(brief(phrases={"avoid": avoided, "use": [wanted]}), rich_bank, TEMPLATES)
    ids = {row.entry_id for row in other.trace}
    assert not ids & set(avoided)
    assert wanted in ids


def test_problems_section_uses_problem_entries(rich_bank: Bank) -> None:
    sections = brief_data()["sections"]
    sections[0]["role"] = "problems"
    draft = compose(
        brief(
            template="work_meeting",
            headings=None,
            sections=[{**s, "heading": f"第{i}部分"} for i, s in enumerate(sections)],
        ),
        rich_bank,
        TEMPLATES,
    )
    first = [r.entry_id.split(".")[0] for r in draft.trace if r.where.startswith("一、")]
    later = [r.entry_id.split(".")[0] for r in draft.trace if r.where.startswith("二、")]
    assert "problem" in first and "problem" not in later


def test_uneven_skeleton_headings_warn(rich_bank: Bank) -> None:
    sections = brief_data()["sections"]
    fillers = [{"X": "站位", "Y": "高"}, {"X": "工作标准", "Y": "严"}, {"X": "能力", "Y": "强"}]
    draft = compose(
        brief(
            headings={"skeleton": "{X}要更{Y}"},
            sections=[{**s, "fillers": f} for s, f in zip(sections, fillers, strict=True)],
        ),
        rich_bank,
        TEMPLATES,
    )
    expected = "headings: 并列标题字数不一：站位要更高（5字）、工作标准要更严（7字）、能力要更强（5字）"
    assert expected in [str(w) for w in draft.warnings]


def test_team_folder_deprecating_a_builtin_entry_keeps_it_out(tmp_path: Path) -> None:
    example = Path(__file__).parent.parent / "examples" / "training.yaml"
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    chosen = compose(parse_brief(data), load_bank(), TEMPLATES)
    victim = next(row.entry_id for row in chosen.trace if not row.entry_id.startswith("heading_set."))
    entry: Entry = load_bank().entries[victim]
    team = tmp_path / "team"
    team.mkdir()
    dumped = json.loads(json.dumps(entry.dump()))  # tuples as lists, as YAML writes them
    deprecated = {k: v for k, v in dumped.items() if v is not None} | {"status": "deprecated"}
    text = yaml.safe_dump({"function": entry.function, "entries": [deprecated]}, allow_unicode=True)
    (team / f"{entry.function}.yaml").write_text(text, encoding="utf-8")
    again = compose(parse_brief(data), load_bank([team]), TEMPLATES)
    assert victim not in {row.entry_id for row in again.trace}
    assert entry.text not in again.markup


def test_bank_text_never_repeats_the_writers_own_words(rich_bank: Bank) -> None:
    plain = compose(brief(), rich_bank, TEMPLATES)
    repeated = next(row.text for row in plain.trace if row.entry_id.startswith("requirement."))
    sections = brief_data()["sections"]
    sections[1]["points"][0]["text"] = [repeated[1:30]]
    again = compose(brief(sections=sections), rich_bank, TEMPLATES)
    assert repeated not in [row.text for row in again.trace]


def test_phrase_only_limits_the_choice_to_the_named_entries(rich_bank: Bank) -> None:
    b = brief()
    plan = plan_draft(b, rich_bank)
    selector = Selector(rich_bank, kind=b.template, seed=0, slots=plan.slots)
    speech = SpeechContext(b, plan, selector)
    assert "quote.q07" in speech.phrase("quote", only=["quote.q07"])
    assert speech.phrase("quote", only=["quote.q07"]) == ""  # used: nothing else may serve
    assert speech.phrase("quote", only=["quote.none"]) == ""


def test_a_run_in_label_keeps_a_bank_headings_provenance() -> None:
    heading = mark("heading_set.jiangdaju", "要讲大局")
    assert Enumerator("{n}是").label(1, heading) == "一是" + heading + "。"
    assert Enumerator("{n}要").label(2, heading) == "二" + heading + "。"  # 二要 + 要讲大局: one 要
    assert Enumerator("第{n}，").label(3, "政策清楚。") == "第三，政策清楚。"
    assert Enumerator("{n}是").label(1, "这是新任干部转变角色的需要") == "第一，这是新任干部转变角色的需要。"
    assert Enumerator("{n}要").label(1, "各级党委要重视支持") == "一是各级党委要重视支持。"  # not 一要…要


def test_a_four_character_run_is_framed_by_a_frame_its_paragraph_does_not_say(rich_bank: Bank) -> None:
    b = brief()
    plan = plan_draft(b, rich_bank)
    speech = SpeechContext(b, plan, Selector(rich_bank, kind=b.template, seed=0, slots=plan.slots), {})
    point = plan.sections[0].points[0]
    framed = PARALLEL_FRAMES[0] + "守土有责、守土负责、守土尽责。"
    said = [f"{PARALLEL_FRAMES[0]}令行禁止。"]
    reframed = speech._reframe(point, said, framed)
    assert reframed.endswith("守土有责、守土负责、守土尽责。") and not reframed.startswith(PARALLEL_FRAMES[0])
    assert speech._reframe(point, [], "坚持守土有责。") == "坚持守土有责。"  # a run with its own verb


def test_the_call_rallies_around_the_party_committee_alone(rich_bank: Bank) -> None:
    b = brief(superior="市委、市政府")
    plan = plan_draft(b, rich_bank)
    speech = SpeechContext(b, plan, Selector(rich_bank, kind=b.template, seed=0, slots=plan.slots), {})
    assert speech._rally("让我们更加紧密地团结在市委、市政府周围，…") == "让我们更加紧密地团结在市委周围，…"
    assert speech._rally("我们要在市委、市政府的正确领导下，…") == "我们要在市委、市政府的正确领导下，…"


def test_a_party_secretary_works_under_the_committee_above(rich_bank: Bank) -> None:
    b = brief(speaker={"post": "区委书记"}, superior="市委")
    plan = plan_draft(b, rich_bank)
    speech = SpeechContext(b, plan, Selector(rich_bank, kind=b.template, seed=0, slots=plan.slots), {})
    assert speech._rally("我们要更加紧密团结在市委周围，锐意进取！") == "我们要在市委的坚强领导下，锐意进取！"
    assert speech._rally("让我们更加紧密地团结在市委周围，…") == "让我们在市委的坚强领导下，…"


def test_a_model_named_after_his_role_is_named() -> None:
    """A commendation's gap asks for named models only where the writer names none."""
    assert _NAMED.search("退休教师周德明在村里办“四点半课堂”十一年。")
    assert _NAMED.search("老党员王秀兰结对帮扶了十九名留守儿童。")
    assert _NAMED.search("张华同志扎根山区三十年。")
    assert _NAMED.search("城东街道禁毒社工陈晓燕八年如一日帮扶社区戒毒人员。")
    assert _NAMED.search("“青禾”禁毒志愿服务队三年走进全市200多所中小学。")  # a collective by name
    assert not _NAMED.search("有的老师在山区学校一干就是三十年。")


def _calls(folder: Path, calls: dict[str, str], **brief_fields: Any) -> set[str]:
    """The closing calls (of `calls`, by name) that eight seeds of a brief end on."""
    files = rich_bank_files()
    files["closing.call"] = [entry(f"closing.call.{name}", text) for name, text in calls.items()]
    bank = load_bank([write_bank(folder, files)], builtin=False)
    ids = set()
    for seed in range(8):
        draft = compose(brief(org=None, **brief_fields), bank, TEMPLATES, seed=seed)
        ids |= {row.entry_id for row in draft.trace if row.entry_id.startswith("closing.call.")}
    return {i.removeprefix("closing.call.") for i in ids}


def test_only_a_regions_leader_rallies_and_only_a_head_says_the_eras_slogans(tmp_path: Path) -> None:
    calls = {
        "rally": "让我们更加紧密地团结在{superior}周围，为{goal}而不懈奋斗！",
        "lofty": "我们要勇做只争朝夕的行动者、脚踏实地的实干家，为{goal}而努力奋斗！",
        "together": "让我们团结一心，为{goal}而努力奋斗！",
        "plain": "{audience_org}要坚定信心、久久为功，为{goal}而共同努力。",
        "hope": "希望大家开拓创新、拼搏奉献，为{goal}而共同努力。",
    }
    assert _calls(tmp_path / "a", calls, speaker={"post": "市长"}) & {"rally", "lofty"}
    # a deputy rallies, but not round the party committee, nor with the era's slogans
    assert _calls(tmp_path / "b", calls, speaker={"post": "副市长"}) <= {"together", "plain", "hope"}
    # a department's head rallies no region: he asks his own system, or hopes
    assert _calls(tmp_path / "c", calls, speaker={"post": "市应急管理局局长"}) <= {"plain", "hope"}
    # a visitor hopes
    assert _calls(tmp_path / "d", calls, speaker={"post": "市长"}, speaker_role="guest") == {"hope"}
    # safety is held, not striven for (…而努力奋斗)
    assert _calls(tmp_path / "g", calls, speaker={"post": "市长"}, domain="安全生产") <= {"plain", "hope"}
    # discipline is kept, not believed in (坚定信心)
    assert "plain" not in _calls(tmp_path / "h", calls, speaker={"post": "市长"}, domain="党风廉政")
    # cadres' words are not said to entrepreneurs
    cadres = {"cadre": "希望大家担当使命、奋发有为，共同努力{goal}！", "hope": calls["hope"]}
    visitor = {"speaker": {"post": "市长"}, "speaker_role": "guest"}
    assert "cadre" in _calls(tmp_path / "e", cadres, **visitor)
    assert _calls(tmp_path / "f", cadres, **visitor, audience="各位企业家") == {"hope"}


def test_a_seasons_task_is_not_persisted_in_for_years(tmp_path: Path) -> None:
    calls = {
        "rally": "让我们团结一心，为{goal}而努力奋斗！",
        "plain": "{audience_org}要坚定信心、久久为功，为{goal}而共同努力。",
    }
    assert "plain" in _calls(tmp_path / "a", calls, occasion="全市生态环境保护工作会议")
    assert _calls(tmp_path / "b", calls, occasion="全市秋粮收购工作会议") == {"rally"}
    assert _calls(tmp_path / "c", calls, occasion="全县今冬明春火灾防控工作会议") == {"rally"}


def test_point_headings_from_a_bank_set_are_said_without_their_marker(rich_bank: Bank) -> None:
    sections = brief_data()["sections"]
    sections[0]["point_headings"] = {"set": "heading_set.yaogeng"}
    for point in sections[0]["points"]:
        point["heading"] = None
    draft = compose(brief(sections=sections), rich_bank, TEMPLATES)
    points = [b for b in draft.document.blocks if isinstance(b, Heading) and b.level == 3][:3]
    assert [p.text[2:] for p in points] == ["站位要更高。", "标准要更严。", "能力要更强。"]
    assert [p.spans[1].entry_id for p in points] == ["heading_set.yaogeng"] * 3


# A point's paragraph reasons its way through: why it matters, what to do, how, a firm close.
STAGED = {
    "requirement.why": "作风建设永远在路上。",
    "requirement.what": "要强化责任意识，全面提升政府执行力。",
    "requirement.how": "对群众反映的问题，要及时调查核实。",
    "requirement.close": "要加强督查督办力量，确保督查队伍精干高效。",
}


def _staged_bank(folder: Path, function: str, texts: dict[str, str]) -> Bank:
    files = {
        k: v for k, v in rich_bank_files().items() if k not in ("requirement", "parallel", "quote", "problem")
    }
    files[function] = [entry(i, t) for i, t in texts.items()]
    return load_bank([write_bank(folder, files)], builtin=False)


def _one_point(use: tuple[str, ...] = (), **section: Any) -> list[dict[str, Any]]:
    """One section of one point; `use` pins entries to the point (material needs to be about it)."""
    point = {"heading": "要转作风", "text": ["自己的话。"], "phrases": {"use": list(use)}}
    return [{"topic": "作风", "points": [point], **section}]


def _point_body(draft: Draft) -> list[str | None]:
    """The sources of a point's sentences in order (None: the writer's), its gap aside."""
    point = next(b for b in draft.document.blocks if isinstance(b, Heading) and b.run_in)
    return [span.entry_id for span in point.body if not span.gap]


def test_a_points_bank_sentences_go_why_what_how_close_after_the_writers_own(tmp_path: Path) -> None:
    bank = _staged_bank(tmp_path, "requirement", STAGED)
    for seed in range(8):  # whatever order a seed picks them in
        ids = _point_body(compose(brief(sections=_one_point(tuple(STAGED)), seed=seed), bank, TEMPLATES))
        assert ids == [None, *STAGED], (seed, ids)  # the writer's sentence first, then the stages


def test_a_diagnosis_says_how_things_stand_first_and_what_refers_back_last(tmp_path: Path) -> None:
    problems = {
        "problem.qingkuang": "从当前的情况看，自身建设还不尽如人意。",
        "problem.youde": "有的干部思想解放不够，视野不开阔。",
        "problem.youxie": "有些干部平时不注意学习，办法不多。",
        "problem.zhexie": "这些消极因素，严重损害政府形象。",
    }
    bank = _staged_bank(tmp_path, "problem", problems)
    for seed in range(8):
        draft = compose(
            brief(
                template="work_meeting",
                headings=None,
                seed=seed,
                sections=_one_point(tuple(problems), role="problems", heading="问题"),
            ),
            bank,
            TEMPLATES,
        )
        ids = _point_body(draft)
        assert ids[:2] == [None, "problem.qingkuang"] and ids[-1] == "problem.zhexie", (seed, ids)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("作风建设永远在路上。", WHY),
        ("调查研究是领导干部的“必修课”、“基本功”，要坚决杜绝“拍脑袋”行为。", WHY),  # a statement, then 要
        ("只有树立标杆，才有努力的方向、才有前进的动力。", WHY),
        ("当前形势对政府工作的规范化提出了更高要求，我们要主动适应。", WHY),
        ("各级党委、政府的决策部署要落实落地，很大程度上取决于督查督办工作。", WHY),
        ("要强化落实意识，全面提升政府执行力。", WHAT),
        ("建设廉洁型政府，就是要坚持廉洁用权，干净干事。", WHAT),  # 就是要: an obligation
        ("大胆创新各项工作机制特别是决策执行机制，善于结合起来。", WHAT),  # 特别是: no statement
        ("实行流程式、全过程督查督办，紧紧抓住关键环节。", WHAT),
        ("对于一些疑难问题，要多去寻找法律法规方面的破解办法。", HOW),
        ("凡是外地先进的做法和经验，我们都可以借鉴运用。", HOW),
        ("在执法环节，要完善执法程序，避免程序不规范引发纠纷。", HOW),
        ("坚决贯彻落实好各项决策部署，确保落地生根、开花结果。", CLOSE),
        ("如果出现问题，将严格按照相关规定追责。", CLOSE),
        ("真正做到“当天的事当天办，安排的事马上办”，确保“件件有着落，事事有回音”。", CLOSE),
        ("大力践行“一线工作法”，真正做到政策在一线落实、问题在一线解决。", CLOSE),
    ],
)
def test_stage_reads_a_sentence_by_how_it_opens_and_ends(text: str, expected: int) -> None:
    assert stage("requirement", text) == expected


def test_a_four_character_run_closes_instead_of_a_sentence_that_achieves() -> None:
    achieves = "大力践行“一线工作法”，真正做到政策在一线落实、问题在一线解决。"
    assert stage("requirement", achieves, run=True) == WHAT  # not 真正做到……。切实做到……。
    assert stage("requirement", "如果出现问题，将严格按照相关规定追责。", run=True) == CLOSE


def test_a_count_of_one_is_never_announced(rich_bank: Bank) -> None:
    sections = brief_data()["sections"][:1]
    sections[0]["points"] = sections[0]["points"][:1]
    blocks = compose(brief(sections=sections, headings=None), rich_bank, TEMPLATES).document.blocks
    text = "".join(b.text for b in blocks)
    assert "一点" not in text and "一个方面" not in text
    # with two parts the bank's counted transition is said
    sections = brief_data()["sections"][:2]
    blocks = compose(brief(sections=sections, headings=None), rich_bank, TEMPLATES).document.blocks
    text = "".join(b.text for b in blocks)
    assert "两个方面" in text


def test_sections_with_points_are_announced_as_parts_not_as_points() -> None:
    """`这里，我着重强调两点` announces two points; two sections of two points each are two parts."""
    bank = load_bank()
    sections = [
        {"heading": heading, "points": [{"heading": p, "text": [f"{p}。"]} for p in points]}
        for heading, points in (
            ("提升政务服务效能", ("要推进一网通办", "要压缩审批时限")),
            ("强化惠企政策落实", ("要兑现惠企政策", "要帮助企业纾困")),
        )
    ]
    for seed in range(12):
        data = brief_data(template="work_meeting", sections=sections, acknowledge=[], headings=None)
        blocks = compose(parse_brief(data), bank, TEMPLATES, seed=seed).document.blocks
        first = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and not b.run_in and i)
        opening = "".join(b.text for b in blocks[:first])
        assert "两点" not in opening, opening


def test_a_deputy_closes_on_the_call_without_a_governors_motto() -> None:
    """`新的征程已经启航，…。让我们…` opens a governor's closing; a deputy closes on the call alone."""
    bank = load_bank()
    for seed in range(12):
        data = brief_data(template="work_meeting", speaker={"post": "副县长"}, acknowledge=[], headings=None)
        blocks = compose(parse_brief(data), bank, TEMPLATES, seed=seed).document.blocks
        call = next(
            b.text
            for b in reversed(blocks)
            if any((span.entry_id or "").startswith("closing.call.") for span in getattr(b, "spans", ()))
            or "奋斗" in b.text
        )
        # the call itself: 让我们…, 我们要…, 全市各级各部门要…; no motto before it
        assert re.match(r"^(?:同志们，)?(?:让我们|我们|[^，。！]+要)", call), call


def test_a_short_draft_marks_a_point_its_material_half_fills(tmp_path: Path) -> None:
    """Four sentences under a point of a draft far below its length: the writer must still add."""
    bank = _staged_bank(tmp_path, "requirement", STAGED)
    short = compose(brief(sections=_one_point(tuple(STAGED)), length={"chars": 6000}), bank, TEMPLATES)
    point = next(b for b in short.document.blocks if isinstance(b, Heading) and b.run_in)
    assert any(span.gap for span in point.body) and _point_body(short)[1:] == list(STAGED)
