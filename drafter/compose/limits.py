"""A length pass's budgets and caps, and whether another pass would draft the same text.

A point's character budget and sentence cap enter a render only through a few questions (is the
budget spent, would a sentence overrun it, is the cap reached, did the material fill a share of the
budget). `Limits` answers them for one render and remembers each answer. A later pass whose budgets
and caps give every answer alike drafts the same text (the choices are seeded by place, not by
order), so it need not be rendered again (`Limits.alike`); only what its gaps stand for
(`owed`: the budget less what the material filled) changes with the budgets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# (a point's budget, its cap, its gap budget, the render's figures) -> the answer
Question = Callable[[int, int, int, float, float], bool]


def _spent(budget: int, cap: int, gap: int, spent: float, _: float) -> bool:
    return spent >= budget


def _overrun(budget: int, cap: int, gap: int, amount: float, _: float) -> bool:
    return amount > budget


def _full(budget: int, cap: int, gap: int, taken: float, _: float) -> bool:
    return taken >= cap


def _below(budget: int, cap: int, gap: int, filled: float, share: float) -> bool:
    return filled < gap * share


class Limits:
    """The budgets (characters) and caps (sentences) of one render, by point key, and every
    question the render asked of them. `floors`: budgets the gaps are judged against when larger
    (a short draft's even shares before a sibling's cap: `pipeline.SpeechContext`)."""

    def __init__(
        self,
        budgets: Mapping[str, int],
        caps: Mapping[str, int],
        floors: Mapping[str, int] | None = None,
    ) -> None:
        self.budgets = budgets
        self.caps = caps
        self.floors = floors or {}
        self._asked: list[tuple[Question, str, float, float, bool]] = []

    def _limits(self, key: str) -> tuple[int, int, int]:
        budget = self.budgets.get(key, 0)
        return budget, self.caps.get(key, 0), max(budget, self.floors.get(key, 0))

    def _ask(self, question: Question, key: str, figure: float, share: float = 0.0) -> bool:
        answer = question(*self._limits(key), figure, share)
        self._asked.append((question, key, figure, share, answer))
        return answer

    def spent(self, key: str, spent: float) -> bool:
        """Whether `spent` characters use up the point's budget (`spent(key, 0)`: it has none)."""
        return self._ask(_spent, key, spent)

    def overrun(self, key: str, amount: float) -> bool:
        """Whether `amount` characters run past the point's budget."""
        return self._ask(_overrun, key, amount)

    def full(self, key: str, taken: int) -> bool:
        """Whether `taken` sentences reach the point's cap (`full(key, 0)`: it may take none)."""
        return self._ask(_full, key, taken)

    def below(self, key: str, filled: int, share: float) -> bool:
        """Whether `filled` characters are less than `share` of the point's gap budget (its budget,
        or its floor when that is larger; `below(key, 0, 1)`: it has one)."""
        return self._ask(_below, key, filled, share)

    def owed(self, key: str, filled: int) -> int:
        """The characters a point's gap stands for: its gap budget less what its material filled."""
        return self._limits(key)[2] - filled

    def alike(self, later: Limits) -> bool:
        """Whether a render with `later`'s budgets and caps would get every answer this one got
        (renders with other floors are never alike)."""
        return later.floors == self.floors and all(
            question(*later._limits(key), figure, share) == answer
            for question, key, figure, share, answer in self._asked
        )
