"""Length targets, budgets and the figures the CLI prints."""

from __future__ import annotations

from drafter.compose.brief import Brief
from drafter.compose.brief_build import parse_brief
from drafter.compose.gap_wording import GapNote
from drafter.compose.length import LengthFigures, balance, rescale, share, sibling_capped, within


def make_brief(length: dict[str, object]) -> Brief:
    return parse_brief(
        {
            "template": "training",
            "occasion": "会议",
            "speaker": {"post": "区长"},
            "date": "2026-11-30",
            "sections": [{"points": [{"text": ["话。"]}]}],
            "length": length,
        }
    )


def test_target_from_minutes_or_chars() -> None:
    assert make_brief({"minutes": 15}).length.target_chars == 3300
    assert make_brief({"minutes": 10, "rate": 250}).length.target_chars == 2500
    assert make_brief({"chars": 1800}).length.target_chars == 1800
    assert make_brief({}).length.target_chars is None


def test_share_is_even_and_never_negative() -> None:
    assert share(10, 3) == [4, 3, 3]
    assert sum(share(2999, 7)) == 2999
    assert share(-50, 2) == [0, 0]
    assert share(10, 0) == []


def test_rescale_moves_budgets_toward_the_target() -> None:
    # 1000 fixed, budgets 2000 gave only 1500 of material: ask for 4/3 more
    assert rescale([1000, 1000], fixed=1000, actual=2500, target=3000) == [1333, 1333]
    assert rescale([500, 500], fixed=3500, actual=4000, target=3000) == [0, 0]
    assert rescale([0, 0], fixed=1000, actual=1000, target=2000) == [500, 500]


def test_within_tolerance() -> None:
    assert within(850, 1000) and within(1150, 1000)
    assert not within(849, 1000) and not within(1151, 1000)


def test_summary_and_shortfall_messages() -> None:
    figures = LengthFigures(chars=3287, rate=220, target=3300)
    assert figures.summary() == "约3290字，约15分钟"
    assert figures.shortfall() is None
    assert LengthFigures(chars=80, rate=220, target=None).summary() == "约80字，约1分钟"
    short = LengthFigures(chars=1000, rate=220, target=3000).shortfall()
    assert short is not None and short.startswith("篇幅约1000字，比目标3000字少2000字：")
    long = LengthFigures(chars=4000, rate=220, target=3000).shortfall()
    assert long is not None and long.startswith("篇幅约4000字，比目标3000字多1000字：")


def test_balance_evens_out_the_points() -> None:
    assert balance(100, [10, 10, 10]) == [34, 33, 33]
    # the long point gets nothing, the others are raised to one level
    assert balance(100, [0, 50, 200]) == [75, 25, 0]
    assert balance(10, [0, 50]) == [10, 0]
    assert balance(-5, [5, 5]) == [0, 0]
    assert sum(balance(997, [3, 80, 41, 0, 120])) == 997
    assert balance(5, []) == []


def test_a_point_is_held_to_twice_its_shortest_sibling_with_material() -> None:
    keys = ["s1.p1", "s1.p2", "s2.p1", "s2.p2"]
    own = [30, 30, 30, 30]
    budgets = [400, 400, 400, 400]
    # s1.p2 reached 30 + 40 characters (a gap for the rest); s2.p2's bank had nothing for it
    notes = [GapNote("s1.p2", "…", 360), GapNote("s2.p2", "…", 400)]
    assert sibling_capped(budgets, notes, own, keys) == [2 * 70 - 30, 400, 400, 400]
