"""Formula or material (`Entry.type`), and a material candidate's field (`Entry.domain`).

Openings, closings, titles, transitions, enumerators and heading skeletons are the genre's glue:
formulas. A requirement, problem, parallel run, quote or heading set that speaks of one field —
by the field's words in `drafter.vocabulary.DOMAINS` (its description and aliases) — is material
of that field; without such words it is a formula, usable under any topic.
"""

from __future__ import annotations

from functools import cache

from drafter.vocabulary import DOMAINS

ALWAYS_FORMULA = frozenset(
    {"title", "salutation", "transition", "enumerator", "heading", "section.lead_in", "closing.call"}
)
ALWAYS_FORMULA_PREFIXES = ("opening.", "closing.")


@cache
def _domain_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    result = []
    for domain, (description, aliases) in DOMAINS.items():
        words = {w for w in description.split("、") if len(w) >= 2} | {a for a in aliases if len(a) >= 2}
        result.append((domain, tuple(sorted(words, key=lambda w: (-len(w), w)))))
    return tuple(result)


def domain_of(text: str) -> str | None:
    """The field `text` speaks of most (by its words), or None."""
    best: tuple[int, str] | None = None
    for domain, words in _domain_words():
        hits = sum(text.count(w) for w in words)
        if hits and (best is None or hits > best[0]):
            best = (hits, domain)
    return best[1] if best else None


def kind_of(function: str, text: str) -> tuple[str, str | None]:
    """(`formula` | `material`, domain or None) of a mined candidate."""
    if function in ALWAYS_FORMULA or function.startswith(ALWAYS_FORMULA_PREFIXES):
        return "formula", None
    domain = domain_of(text)
    return ("material", domain) if domain else ("formula", None)
