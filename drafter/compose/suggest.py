"""What the bank offers each point, ranked: the in-process API behind `drafter suggest` (and the web page).

For every point of a brief: the material about it, by relevance score (`relevance.Index`, the
same ranking and filters a draft uses: the speech's field, the speaker's role, the speech kind,
`phrases.avoid`), and the formulas that may frame it. A writer pins an entry with `phrases.use`
(per point or brief-wide) or bans it with `phrases.avoid`.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.bank.load import Bank
from drafter.compose.brief import Brief
from drafter.compose.pipeline import SpeechContext, speech_domain
from drafter.compose.plan import own_words, plan_draft
from drafter.compose.select import Catalog, Selector, is_material


@dataclass(frozen=True)
class Suggestion:
    """One entry a point could use: id, score (None for a formula), text, sources, and whether a
    draft takes it by itself (`drafted`: material clearly about the point, `MATERIAL_SHARE`; the
    rest is there for the writer to pin)."""

    id: str
    score: float | None
    text: str
    sources: tuple[str, ...]
    drafted: bool = True


@dataclass(frozen=True)
class PointSuggestions:
    """A point (`key` `s1.p2`, its brief location, heading) and what the bank offers it."""

    key: str
    loc: tuple[str | int, ...]
    heading: str
    material: tuple[Suggestion, ...]
    formulas: tuple[Suggestion, ...]


def suggest(brief: Brief, bank: Bank, top: int = 5) -> tuple[str | None, list[PointSuggestions]]:
    """The speech's field and, for every point, its `top` material and formulas."""
    plan = plan_draft(brief, bank)
    domain = speech_domain(brief, plan)
    catalog = Catalog(bank, brief.template, said=own_words(brief, plan), domain=domain, role=brief.role)
    selector = Selector(
        catalog,
        kind=brief.template,
        seed=brief.seed,
        slots=plan.slots,
        avoid=brief.phrases.avoid,
        speech=brief.occasion or "",
    )
    context = SpeechContext(brief, plan, selector)
    result: list[PointSuggestions] = []
    for s, section in enumerate(plan.sections):
        for p, point in enumerate(section.points):
            functions = ("problem",) if point.problems else ("requirement",)
            avoid = set(point.avoid)
            drafted = {entry.id for _, _, entry in context.material(point, functions)}
            material = [
                Suggestion(entry.id, round(score, 3), entry.text, entry.sources, entry.id in drafted)
                for score, _, entry in context.material(point, functions, floored=False)
            ]
            formulas = [
                Suggestion(c.entry.id, None, c.entry.text, c.entry.sources)
                for function in (*functions, "parallel")
                for c in catalog.group(function).all
                if not is_material(c.entry) and c.entry.id not in avoid and c.entry.id not in selector.avoid
            ]
            result.append(
                PointSuggestions(
                    point.key,
                    ("sections", s, "points", p),
                    point.heading_plain,
                    tuple(material[:top]),
                    tuple(formulas[:top]),
                )
            )
    return domain, result
