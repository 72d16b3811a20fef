"""Cleaning web noise and parsing the outline of a speech."""

from __future__ import annotations

from drafter.miner.clean import clean_lines, is_noise
from drafter.miner.outline import heading_text, parse_outline
from drafter.miner.text import ordinal_value


def test_noise_lines_go_and_line_numbers_stay() -> None:
    raw = [
        "下面是小编为大家整理的讲话,供大家参考。",
        "在全市工作会议上的讲话",
        "更新时间:2024-10 来源:网友投稿",
        "",
        "同志们:",
        "---此处隐藏7400字,下载后查看---",
        "在全市工作会议上的讲话",
        "谢谢大家!",
        "链接地址:http://m.example.com/news/1.html 转载请保留,谢谢!",
    ]
    lines = clean_lines(raw)
    assert [(line.number, line.text) for line in lines] == [
        (2, "在全市工作会议上的讲话"),
        (5, "同志们："),
        (8, "谢谢大家！"),
    ]


def test_is_noise_keeps_speech_sentences() -> None:
    assert not is_noise("要强化资金来源管理，确保专款专用。")
    assert is_noise("百味书屋 导航")
    assert is_noise("2021-02-24 10:53:29")


def test_clean_lines_make_punctuation_full_width() -> None:
    assert clean_lines(["  同志们,时代呼唤担当:(一)好!  "])[0].text == "同志们，时代呼唤担当：（一）好！"
    assert clean_lines(["时间 10:53:29, AB岗"])[0].text == "时间 10:53:29, AB岗"


def test_ordinal_values() -> None:
    assert [ordinal_value(n) for n in ("一", "九", "十", "十二", "二十", "二十三", "7", "两")] == [
        1,
        9,
        10,
        12,
        20,
        23,
        7,
        0,
    ]


def test_heading_text_whole_line_and_run_in() -> None:
    assert heading_text("站位要更高", 1) == "站位要更高"
    assert heading_text("强化集体决策。集体决策是一种科学的工作方法。", 1) == "强化集体决策"
    assert heading_text("有的主要决策者凌驾于集体之上，实行一言堂；二是……", 7) is None
    assert (
        heading_text("做到“三个清楚”，即政策清楚、情况清楚、标杆清楚。", 1)
        == "做到“三个清楚”，即政策清楚、情况清楚、标杆清楚"
    )


def _outline(text: str) -> list[list[str | None]]:
    outline = parse_outline("t.txt", clean_lines(text.splitlines()))
    return [[h.text for h in run] for run in outline.sibling_runs]


def test_siblings_are_grouped_by_parent_and_marker() -> None:
    text = "\n".join(
        [
            "在会议上的讲话",
            "同志们：",
            "开场的话。",
            "一、站位要更高",
            "一是要讲大局。讲大局是基本要求。",
            "二是要谋全局。谋全局是本领。",
            "二、标准要更严",
            "一是要厉行法治。法治是保障。",
            "二是要精细管理。管理要精细。",
            "三、能力要更强",
            "古语说，工欲善其事，必先利其器。",
            "一、善学习。学习是第一位的。",
            "二、带好头。带头是责任。",
        ]
    )
    assert _outline(text) == [
        ["站位要更高", "标准要更严", "能力要更强"],
        ["要讲大局", "要谋全局"],
        ["要厉行法治", "要精细管理"],
        ["善学习", "带好头"],
    ]


def test_repeated_first_ordinal_does_not_split_a_run() -> None:
    text = "题目\n一、严肃纪律\n" + "\n".join(
        f"第一，要严肃{x}纪律。内容。" for x in ("政治", "工作", "廉洁")
    )
    assert ["要严肃政治纪律", "要严肃工作纪律", "要严肃廉洁纪律"] in _outline(text)


def test_inline_enumerations() -> None:
    text = "题目\n四是职能不适应。主要是：其一，转变不到位。说明。其二，管理不到位。其三，监管不到位。"
    assert ["转变不到位", "管理不到位", "监管不到位"] in _outline(text)
    text = "题目\n（一）强化作风。首先，要强化理论武装。说明。其次，要强化政治规矩。说明。第三，要强化纪律。"
    assert ["要强化理论武装", "要强化政治规矩", "要强化纪律"] in _outline(text)


def test_quoted_run_in_headings_and_opening_closing() -> None:
    text = "\n".join(
        [
            "在会议上的讲话",
            "同志们：",
            "这次会议的主要任务是部署工作。",
            "“为基层”就是要强化服务意识。",
            "“为群众”就是要强化宗旨意识。",
            "“两为”就是“为基层、为群众”。",
            "同志们，让我们共同努力！",
            "谢谢大家！",
        ]
    )
    outline = parse_outline("t.txt", clean_lines(text.splitlines()))
    assert [line.text for line in outline.title] == ["在会议上的讲话"]
    assert outline.salutation is not None and outline.salutation.text == "同志们："
    assert [p.text for p in outline.opening()] == ["这次会议的主要任务是部署工作。"]
    assert [p.text for p in outline.closing()] == ["同志们，让我们共同努力！", "谢谢大家！"]
    assert [[h.text for h in run] for run in outline.sibling_runs] == [["为基层", "为群众"]]
