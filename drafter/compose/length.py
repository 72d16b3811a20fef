"""Length: from the brief's target to how much formulaic material each point gets, and back to figures.

A draft is rendered once with no bank material in its points, to measure what the template, the
brief's own sentences and the opening and closing take (the fixed part). What remains of the target
is shared among the points as character budgets that make the points alike in length (a point the
writer said much about gets less); the selection step fills each budget with requirement sentences,
four-character runs and quotes. When the result misses the target, the
budgets are scaled by how far it missed and the draft rendered again (at most `MAX_PASSES` times).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from drafter.compose.gap_wording import GapNote

TOLERANCE = 0.15  # the draft should land within ±15% of the target when the bank has enough
AIM = 0.05  # a pass within ±5% is kept without another try
MAX_PASSES = 4
DEFAULT_POINT_BUDGET = 160  # characters of bank material per point when the brief sets no length


def share(total: int, parts: int) -> list[int]:
    """`total` characters split into `parts` budgets as evenly as integers allow (none negative)."""
    if parts <= 0:
        return []
    total = max(total, 0)
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def balance(total: int, own: list[int]) -> list[int]:
    """`total` characters of bank material shared so that points end up alike in length.

    `own` is what each point already says in the writer's words; a point that says more gets less,
    and none gets a negative share (water-filling: raise a common level until the total is spent).
    """
    if not own:
        return []
    total = max(total, 0)
    order = sorted(own)
    level = 0.0
    for count in range(1, len(order) + 1):
        level = (total + sum(order[:count])) / count
        if count == len(order) or level <= order[count]:
            break
    shares = [max(0.0, level - o) for o in own]
    budgets = [int(x) for x in shares]
    # hand out what rounding down left over, largest remainders first (ties by position)
    rest = total - sum(budgets)
    for i in sorted(range(len(own)), key=lambda i: (budgets[i] - shares[i], i))[:rest]:
        budgets[i] += 1
    return budgets


def rescale(budgets: list[int], fixed: int, actual: int, target: int) -> list[int]:
    """Budgets adjusted after a pass that gave `actual` characters, `fixed` of them not from budgets."""
    filled = actual - fixed
    wanted = target - fixed
    if wanted <= 0:
        return [0] * len(budgets)
    if filled <= 0:
        return share(wanted, len(budgets))
    factor = wanted / filled
    return [max(0, round(b * factor)) for b in budgets]


def within(actual: int, target: int, tolerance: float = TOLERANCE) -> bool:
    return abs(actual - target) <= tolerance * target


class LengthFigures(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """How long a draft is, and how long it was meant to be."""

    chars: int
    rate: int
    target: int | None
    gaps: int = 0  # marked gaps (`〔待补：…〕`), not counted in `chars`
    missing: int = 0  # characters the gaps stand for, about

    @property
    def minutes(self) -> float:
        return self.chars / self.rate

    @property
    def on_target(self) -> bool:
        return self.target is None or within(self.chars, self.target)

    def summary(self) -> str:
        """`约N字，约M分钟`: characters to the nearest ten, minutes to the nearest whole (at least 1)."""
        chars = round(self.chars, -1) if self.chars >= 100 else self.chars
        minutes = max(1, round(self.minutes))
        return f"约{chars}字，约{minutes}分钟"

    def figures(self) -> str:
        """`目标3300字，已写2390字，待补2处（约650字）`: target, reached and gaps, for the CLI."""
        parts = [f"目标{self.target}字"] if self.target is not None else []
        parts.append(f"已写{self.chars}字")
        if self.gaps:
            parts.append(f"待补{self.gaps}处（约{self.missing}字）")
        return "，".join(parts)

    def shortfall(self) -> str | None:
        """A warning when the draft misses the target by more than the tolerance, else None."""
        if self.target is None or self.on_target:
            return None
        if self.chars < self.target:
            return (
                f"篇幅约{self.chars}字，比目标{self.target}字少{self.target - self.chars}字："
                "词库中适用的素材不够，可在简报中多写几句要点内容，或扩充词库"
            )
        return (
            f"篇幅约{self.chars}字，比目标{self.target}字多{self.chars - self.target}字："
            "简报自己的内容已超过目标，可精简要点或调高目标篇幅"
        )


# A point whose amount the brief leaves unset may take up to this many more when the draft is short
# of its length with every point's material capped (a long speech of few points).
EXTRA_CAP = 2


def widened(extra: Mapping[str, int], notes: Sequence[GapNote], keys: Sequence[str]) -> dict[str, int]:
    """One more sentence (up to `EXTRA_CAP`) for the points of sections without a gap: a point may
    grow past its siblings only when none of them is short of material (siblings stay balanced)."""
    short = {n.point.split(".")[0] for n in notes}
    return {k: min(extra.get(k, 0) + (k.split(".")[0] not in short), EXTRA_CAP) for k in keys}


BALANCE = 2  # the longest point of a section at most this many times its shortest with bank material


def sibling_capped(
    budgets: list[int], notes: Sequence[GapNote], own: Sequence[int], keys: Sequence[str]
) -> list[int]:
    """Budgets under which no point grows past `BALANCE` times its shortest sibling that the bank
    had some material for (the writer's words and the material counted): a point the bank knows
    much about does not run on beside a sibling it knows little about, whose gap says the rest."""
    size = {k: (b, o) for k, b, o in zip(keys, budgets, own, strict=True)}
    reached: dict[str, int] = {}
    for note in notes:
        budget, said = size[note.point]
        if note.chars < budget:  # the bank had something for it
            reached[note.point.split(".")[0]] = min(
                reached.get(note.point.split(".")[0], 1 << 30), said + budget - note.chars
            )
    short = {n.point for n in notes}
    capped = []
    for key, budget, said in zip(keys, budgets, own, strict=True):
        limit = reached.get(key.split(".")[0])
        if limit is None or key in short:
            capped.append(budget)
        else:
            capped.append(min(budget, max(BALANCE * limit - said, 0)))
    return capped


def rescale_filled(
    budgets: list[int], notes: Sequence[GapNote], fixed: int, actual: int, target: int, keys: Sequence[str]
) -> list[int]:
    """Budgets after a pass: a point with a gap keeps its budget (more would not fill it: the bank has
    nothing more about it); the others are scaled (`rescale`), but never above their even share, so
    that siblings stay balanced (a gap is said instead of padding the points that have material)."""
    short = {n.point for n in notes}
    scaled = rescale(budgets, fixed, actual, target)
    return [b if k in short else min(s, b) for k, b, s in zip(keys, budgets, scaled, strict=True)]
