"""The classes of candidate a bank keeper rejects, each kept out by a mechanism of the miner.

Each test gives the miner a short speech holding one class of bad candidate (found in the precision
review of `benchmarks/miner_precision.md`) and checks that it does not come out, or comes out slotted.
"""

from __future__ import annotations

from drafter.miner.candidates import Candidate
from drafter.miner.extract.slots import slot_region
from drafter.miner.kind import domain_of
from drafter.miner.mine import mine_document
from drafter.miner.particulars import refine, reusable


def _mined(text: str, function: str) -> list[str]:
    found = mine_document(text, "s.txt").found
    return [f.candidate.text for (fn, _), f in found.items() if fn == function]


def _speech(*paragraphs: str) -> str:
    return "\n".join(["在全市工作会议上的讲话", "同志们：", *paragraphs]) + "\n"


def test_places_become_region_and_bodies_superior() -> None:
    text = "让我们团结在党中央周围，在中共上海市委的坚强领导下，攻坚克难，为{goal}而努力奋斗！"
    assert (
        reusable("closing.call", text)
        == "让我们团结在党中央周围，在{superior}的坚强领导下，攻坚克难，为{goal}而努力奋斗！"
    )
    assert reusable("requirement", "要加快建设经济强省、美丽河北。") == "要加快建设经济强省、美丽{region}。"


def test_a_particular_without_a_slot_drops_the_candidate() -> None:
    assert reusable("requirement", "要确保2026年投资增长10%。") is None  # figure, date
    assert reusable("requirement", "要全面落实党中央决定的各项部署。") is None  # national-only
    assert reusable("quote", "实干兴滇，笃行致远。") is None  # a province by its literary name
    assert reusable("closing.call", "奋力谱写中原大地推进现代化新篇章，为{goal}作出新的更大贡献！") is None


def test_a_slot_never_cuts_a_word() -> None:
    assert reusable("quote", "岱青海蓝绘盛景，奋楫扬帆启新程。") is None  # 青海 inside 岱青海蓝
    assert (
        slot_region("要建立健全市场法规，全市上下要一起抓。") == "要建立健全市场法规，{region}上下要一起抓。"
    )


def test_glue_functions_drop_quoted_coinages() -> None:
    assert reusable("section.lead_in", "必须做到“{count}个聚焦”：") is None
    assert reusable("section.lead_in", "重点抓好以下{count}个方面：") == "重点抓好以下{count}个方面："
    assert reusable("closing.call", "开展好“六抓六比”活动，为{goal}而努力奋斗！") is None


def test_heading_sets_with_dated_placed_or_prose_members_are_dropped() -> None:
    def kept(members: str) -> bool:
        return refine(Candidate("heading_set", members, "{X}", 1, note=members)) is not None

    assert not kept("2025年工作回顾／“十四五”时期发展成就／2026年重点工作")
    assert not kept("美丽云南建设取得决定性进展／推进共同富裕取得决定性进展／改革开放取得决定性进展")
    assert not kept("“结合”的前提是彼此契合／“结合”的结果是互相成就／“结合”筑牢了道路根基")
    assert kept("要了解群众“最盼”的事／要办好群众“最忧”的事／要查纠群众“最怨”的事")


def test_parallel_runs_with_count_terms_or_places_are_dropped() -> None:
    def kept(run: str) -> bool:
        return refine(Candidate("parallel", run, run, 1)) is not None

    assert not kept("四化同步、城乡融合、五区共兴")
    assert not kept("立足湖北、依托武汉、面向中部")
    assert kept("统一思想、统一意志、统一行动")


def test_titles_lose_year_byline_and_dated_subtitle() -> None:
    speech = "\n".join(
        [
            "2026年上海市政府工作报告",
            "——2026年2月3日在上海市第十六届人民代表大会第四次会议上",
            "各位代表：",
            "现在，我代表市人民政府，向大会报告工作，请予审议。",
        ]
    )
    assert _mined(speech, "title") == ["{region}政府工作报告"]
    assert _mined(speech, "opening.purpose") == ["现在，我代表{org}向大会报告工作，请予审议。"]
    assert _mined(_speech("我们要讲大局。").replace("讲话", "讲话稿"), "title") == ["在{occasion}上的讲话"]
    assert _mined("为实现目标任务而团结奋斗※习近平\n同志们：\n我们要讲大局，我们要团结。\n", "title") == []


def test_closings_come_from_the_last_paragraphs_and_keep_their_frame() -> None:
    speech = _speech(
        "同志们，今天我想讲的是落实问题，希望大家共同努力。",
        "一、抓落实。要抓好各项工作的落实。",
        "同志们，新的起点有新的任务，我们要真正做到“为基层、为群众”，不断开创政府工作新局面，为全面建设现代化城市作出新的更大贡献！",
    )
    assert _mined(speech, "closing.call") == ["不断开创政府工作新局面，为{goal}作出新的更大贡献！"]


def test_the_goal_slot_never_takes_the_standing_phrases() -> None:
    speech = _speech(
        "一、抓落实。要抓好各项工作的落实。",
        "让我们更加紧密地团结在以习近平同志为核心的党中央周围，在省委坚强领导下，为建设美好家园而努力奋斗！",
    )
    assert _mined(speech, "closing.call") == [
        "让我们更加紧密地团结在以习近平同志为核心的党中央周围，在{superior}坚强领导下，为{goal}而努力奋斗！"
    ]


def test_a_call_that_lost_a_name_or_a_salutation_is_no_closing() -> None:
    speech = _speech(
        "一、抓落实。要抓好各项工作的落实。",
        "同志们，朋友们：",
        "实践证明大家为的发展做出了贡献，希望大家共同努力把事情办好。",
    )
    assert _mined(speech, "closing.call") == []


def test_not_runs_that_demand_are_not_problems() -> None:
    speech = _speech(
        "要一体推进不敢腐、不能腐、不想腐，确保党永远不变质、不变色、不变味。",
        "必须始终保持定力，不动摇、不松劲、不开口子。",
        "有的干部抓工作不具体、不深入、不扎实，克服有效需求不足。",
    )
    problems = _mined(speech, "problem")
    assert "不具体、不深入、不扎实" in problems
    assert "有效需求不足" in problems
    assert not {"不敢腐、不能腐、不想腐", "不变质、不变色、不变味", "不动摇、不松劲、不开口子"} & set(
        problems
    )


def test_task_pairs_and_numbered_headings_are_not_sayings() -> None:
    speech = _speech(
        "一是坚持依法行政，推进法治政府建设。",
        "加强财源建设，规范非税收入。",
        "五年历程充满挑战，各项成绩来之不易。",
        "三分决策，七分执行。",
    )
    assert _mined(speech, "quote") == ["三分决策，七分执行。"]


def test_weak_skeletons_make_no_heading() -> None:
    speech = _speech("一、优化教育资源供给", "二、引导规范民办教育发展", "三、推进教育数字化", "要抓好落实。")
    assert _mined(speech, "heading") == []


def test_fields_are_not_read_from_words_of_another_sense() -> None:
    assert domain_of("要推进高水平对外开放，维护国家主权、安全、发展利益。") is None
    assert domain_of("要加强科研诚信和作风学风建设，推动形成风清气正的科研生态。") is None
    assert domain_of("要树立先进典型，加强宣传教育，营造主动服务基层的工作氛围。") is None
    assert domain_of("要推进学前教育普及普惠安全优质发展，推动义务教育优质均衡发展。") == "民生与社会事业"
    # a set across fields gets none; one of a field by at least half its members gets that field
    assert domain_of("产业体系建设取得进展／深化改革取得进展／推进共同富裕取得进展") is None
    assert domain_of("加强大气污染防治／加强生态保护修复／推动绿色低碳发展") == "生态环境"
