"""Slot roles: the speaker's own office (`org`), the leadership above it (`superior`) and the
audience's system (`audience_org`), as the brief gives them or as its post and region imply.

`{org}` used to stand for all three, so that a 市委组织部 speech said `自觉维护市委组织部的权威`
where the source meant the leadership. A bank entry names the role it means; these defaults fill
a role the brief leaves open only when the post or region says it clearly, and otherwise leave it
empty (an entry needing it is then not drafted).
"""

from __future__ import annotations

import re

from drafter.compose.brief import Brief
from drafter.patterns import LazyPattern

# Levels of government, each with the one above it.
_UPPER = {
    "省": "",
    "市": "省",
    "州": "省",
    "县": "市",
    "区": "市",
    "旗": "市",
    "镇": "县",
    "乡": "县",
    "街道": "区",
}
_LEVEL = LazyPattern(r"(省|市|州|县|区|旗|镇|乡|街道)")
# The heads of a party committee and of a government, by their post (`市委书记`, `副县长`, `区长`).
_PARTY_HEAD = LazyPattern(r"^(?P<level>省|市|州|县|区|旗|镇|乡|街道)(?:党)?(?:委|工委)(?:副)?书记$")
_GOV_HEAD = LazyPattern(r"^(?:常务)?(?:副)?(?P<level>省|市|州|县|区|旗|镇|乡)长$")
# A department of a government (`市应急管理局局长` → `市应急管理局`), the post's tail dropped.
_DEPARTMENT = LazyPattern(
    r"^(?P<org>(?P<level>省|市|州|县|区|旗|镇|乡)[^，、\s]{1,14}?(?:局|委员会|委|办公室|办|厅|署|中心|部))"
    r"(?:党组|党委)?(?:副)?(?:局长|主任|部长|厅长|书记|负责人)?$"
)


def _level(brief: Brief) -> str:
    """The speaker's level (`市`, `县`…): from the post, else from the region (`全县`)."""
    for text in (brief.speaker.post, brief.region or ""):
        match = _LEVEL.search(text.removeprefix("全"))
        if match:
            return match.group(1)
    return ""


def own_org(brief: Brief) -> str:
    """The speaker's own office: `org` as given, else from the post (`市长` → `市政府`)."""
    if brief.org:
        return brief.org
    post = brief.speaker.post.strip()
    if match := _PARTY_HEAD.match(post):
        return match.group("level") + "委"
    if match := _GOV_HEAD.match(post):
        return match.group("level") + "政府"
    if match := _DEPARTMENT.match(post):
        return match.group("org")
    return ""


def superior(brief: Brief) -> str:
    """The leadership above the speaker: `superior` as given, else from the post and level.

    A department's leadership is its own level's party committee and government (`市委、市政府`);
    a government's is its own party committee (`县委`), a deputy head's both (a 副县长 says `在县委、
    县政府的正确领导下`: the government he is deputy in leads him too); a party committee's the
    party committee of the level above (a 区委书记 says `在市委坚强领导下`, not `市委、市政府`).
    """
    if brief.superior:
        return brief.superior
    org = own_org(brief)
    level = _level(brief)
    if not org or not level:
        return ""
    if org == level + "委":
        upper = _UPPER.get(level, "")
        return f"{upper}委" if upper else ""
    if org == level + "政府" and "副" in brief.speaker.post:  # a deputy of the government
        return f"{level}委、{level}政府"
    if org == level + "政府" or org.startswith(level + "委"):  # a government, a party department
        return level + "委"
    return f"{level}委、{level}政府"


def audience_org(brief: Brief) -> str:
    """The audience's system: `audience_org` as given; for a department, its system across the
    region (`市应急管理局` → `全市应急管理系统`); else the region's offices (`全县各级各部门`)."""
    if brief.audience_org:
        return brief.audience_org
    org = own_org(brief)
    level = _level(brief)
    region = brief.region or (f"全{level}" if level else "")
    if not region:
        return ""
    if org and level and org.startswith(level) and org not in (level + "委", level + "政府"):
        body = org[len(level) :]
        body = body[1:] if body.startswith("委") and body.endswith("部") else body  # 市委组织部
        body = re.sub(r"(?:局|委员会|厅|署|部|馆|办公室|中心)$", "", body)
        if body:
            return f"{region}{body}系统"
    return f"{region}各级各部门"


# An earlier speaker named by surname and post (`张县长`, `李副县长`, `王书记`).
_NAMED_GOV_HEAD = LazyPattern(r"(?:常务)?副?(?:省|市|州|县|区|旗|镇|乡)长$")


def outranks(who: str, post: str) -> bool:
    """Whether an earlier speaker (`张县长`) is above the speaker (`副县长`), who then reports what
    they said rather than approving it (`我都同意` is said of a deputy's or a department's report):
    the head whose deputy the speaker is, a government head or deputy before a department's head,
    a party secretary before a government's head."""
    post = post.strip()
    who = who.strip()
    deputy_of = post.removeprefix("常务").removeprefix("副") if post.startswith(("副", "常务副")) else ""
    if deputy_of and who.endswith(deputy_of) and "副" not in who:
        return True
    if _NAMED_GOV_HEAD.search(who) and _DEPARTMENT.match(post):
        return True
    return who.endswith("书记") and "副" not in who and bool(_GOV_HEAD.match(post))


def heads(post: str) -> bool:
    """Whether `post` heads a party committee or a government (`市委书记`, `县长`), not a deputy
    (`副县长`, `常务副市长`) nor a department's head (`市应急管理局局长`)."""
    post = post.strip()
    return "副" not in post and bool(_PARTY_HEAD.match(post) or _GOV_HEAD.match(post))


def leads_party(post: str) -> bool:
    """Whether `post` heads a party committee (`区委书记`, `镇党委书记`; not `县委副书记`): its
    secretary works under the committee above (`在市委的坚强领导下`), he does not rally round it."""
    post = post.strip()
    return "副" not in post and bool(_PARTY_HEAD.match(post))


def leads_region(post: str) -> bool:
    """Whether `post` is a region's leader, a head or a deputy of its party committee or government
    or one of its standing committee (`副县长`, `县委副书记`, `县委常委、组织部部长`), not a department's
    head (`市生态环境局局长`)."""
    post = post.strip()
    return "常委" in post or bool(_PARTY_HEAD.match(post) or _GOV_HEAD.match(post))


# How high a level is: a town's speech does not take a county's or a province's work as its own.
_RANK = {"省": 3, "市": 2, "州": 2, "县": 1, "区": 1, "旗": 1, "镇": 0, "乡": 0, "街道": 0}
# Words that name the scope of a level's work (`推进县域基础设施一体化` is a county's).
_SCOPE = LazyPattern(r"(省|市|县)域")


def rank(brief: Brief) -> int | None:
    """How high the speaker's level is (`_RANK`), None when neither post nor region says it."""
    return _RANK.get(_level(brief))


def beyond_level(rank: int | None, text: str) -> bool:
    """Whether `text` speaks of a level above a speaker's of `rank` (`县域…` in a town's speech)."""
    return rank is not None and any(_RANK[scope] > rank for scope in _SCOPE.findall(text))
