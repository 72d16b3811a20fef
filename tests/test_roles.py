"""Slot roles: own office, superior, audience's system, from the brief or its post and region."""

from __future__ import annotations

from typing import Any

import pytest

from drafter.compose import roles
from drafter.compose.brief import Brief
from drafter.compose.brief_build import parse_brief


def _brief(post: str, **changes: Any) -> Brief:
    data: dict[str, Any] = {
        "template": "work_meeting",
        "occasion": "会议",
        "speaker": {"post": post},
        "date": "2026-01-01",
        "sections": [{"points": [{"text": ["a"]}]}],
        **changes,
    }
    return parse_brief(data)


@pytest.mark.parametrize(
    ("post", "org", "superior", "audience"),
    [
        ("市长", "市政府", "市委", "全市各级各部门"),
        ("县委书记", "县委", "市委", "全县各级各部门"),
        ("市应急管理局局长", "市应急管理局", "市委、市政府", "全市应急管理系统"),
        ("市委组织部部长", "市委组织部", "市委", "全市组织系统"),
        ("副县长", "县政府", "县委、县政府", "全县各级各部门"),  # his government leads him too
        ("主任", "", "", ""),
    ],
)
def test_defaults_from_the_post(post: str, org: str, superior: str, audience: str) -> None:
    brief = _brief(post)
    assert (roles.own_org(brief), roles.superior(brief), roles.audience_org(brief)) == (
        org,
        superior,
        audience,
    )


def test_the_brief_wins_over_the_defaults() -> None:
    brief = _brief("市长", org="市政府办公室", superior="省委、省政府", audience_org="全市政府系统")
    assert (roles.own_org(brief), roles.superior(brief), roles.audience_org(brief)) == (
        "市政府办公室",
        "省委、省政府",
        "全市政府系统",
    )


def test_domain_aliases_are_stored_as_keys_and_unknown_ones_rejected() -> None:
    assert _brief("市长", domain="防汛").domain == "防汛抗旱与应急"
    with pytest.raises(ValueError, match="unknown domain"):
        _brief("市长", domain="天文")


@pytest.mark.parametrize(
    ("who", "post", "expected"),
    [
        ("张县长", "副县长", True),
        ("李副县长", "县应急管理局局长", True),
        ("王书记", "县长", True),
        ("李副县长", "县长", False),
        ("县应急管理局", "副县长", False),
        ("张县长", "县委书记", False),
        ("张局长", "县应急管理局局长", False),  # a peer, not a government head
    ],
)
def test_a_superior_is_recognised_by_the_posts(who: str, post: str, expected: bool) -> None:
    assert roles.outranks(who, post) is expected


@pytest.mark.parametrize(
    ("post", "expected"),
    [
        ("县长", True),
        ("市委书记", True),
        ("镇党委书记", True),
        ("副县长", False),
        ("常务副市长", False),
        ("县委副书记", False),
        ("市应急管理局局长", False),
        ("区委常委、区总工会主席", False),
    ],
)
def test_the_head_of_a_committee_or_a_government_is_told_by_the_post(post: str, expected: bool) -> None:
    assert roles.heads(post) is expected


def test_a_town_does_not_take_a_countys_work_as_its_own() -> None:
    town = _brief("镇党委书记", region="全镇")
    county = _brief("县长", region="全县")
    text = "推进县域基础设施一体化规划建设管护。"
    assert roles.beyond_level(roles.rank(town), text) and not roles.beyond_level(roles.rank(county), text)
    assert not roles.beyond_level(roles.rank(town), "补齐村内道路、饮水等短板。")


def test_an_offices_system_is_named_without_its_kind_of_office() -> None:
    assert roles.audience_org(_brief("县档案馆馆长", org="县档案馆")) == "全县档案系统"
    assert roles.audience_org(_brief("县政务服务中心主任", org="县政务服务中心")) == "全县政务服务系统"
