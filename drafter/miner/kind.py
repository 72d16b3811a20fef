"""Formula or material (`Entry.type`), and a material candidate's field (`Entry.domain`).

Openings, closings, titles, transitions, enumerators and heading skeletons are the genre's glue:
formulas. A requirement, problem, parallel run, quote or heading set that speaks of one field —
by the field's words in `drafter.vocabulary.DOMAINS` (its description and aliases) — is material
of that field; without such words it is a formula, usable under any topic.

A field's word inside a phrase of another sense does not count (`安全` in `国家安全`, `生态` in
`科研生态`, `教育` in `主题教育`), and a text whose words point to several fields about equally (a
heading set across the economy) is given none: a wrong field hides material where it is needed.
"""

from __future__ import annotations

import re
from functools import cache

from drafter.vocabulary import DOMAINS

ALWAYS_FORMULA = frozenset(
    {"title", "salutation", "transition", "enumerator", "heading", "section.lead_in", "closing.call"}
)
ALWAYS_FORMULA_PREFIXES = ("opening.", "closing.")


# Phrases in which a field's word means something else: removed before the words are counted.
_OTHER_SENSE_RE = re.compile(
    "国家安全|安全观|和安全|安全基石|主权、安全|安全、发展|金融安全|粮食安全|能源安全|安全防线"
    "|[科研政治产业创新文化网络]{2}生态|生态圈|主题教育|宣传教育|警示教育|党性教育|教育引导|理想信念教育"
    "|养老金融|养老保险基金"
)


@cache
def _domain_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    result = []
    for domain, (description, aliases) in DOMAINS.items():
        words = {w for w in description.split("、") if len(w) >= 2} | {a for a in aliases if len(a) >= 2}
        result.append((domain, tuple(sorted(words, key=lambda w: (-len(w), w)))))
    return tuple(result)


def domain_of(text: str) -> str | None:
    """The field `text` speaks of most (by its words), or None.

    For the members of a set (`a／b／c`), the field must be the one of at least half the members.
    """
    members = text.split("／")
    if len(members) > 1:
        fields = [_field(m) for m in members]
        best = max(set(fields) - {None}, key=lambda f: (fields.count(f), str(f)), default=None)
        return best if best is not None and 2 * fields.count(best) >= len(members) else None
    return _field(text)


def _field(text: str) -> str | None:
    text = _OTHER_SENSE_RE.sub("", text)
    hits = sorted(
        ((sum(text.count(w) for w in words), domain) for domain, words in _domain_words()),
        key=lambda item: -item[0],
    )
    best, second = hits[0], hits[1]
    if best[0] == 0 or best[0] < 2 * second[0]:
        return None  # no field's words, or two fields' about equally
    return best[1]


def kind_of(function: str, text: str) -> tuple[str, str | None]:
    """(`formula` | `material`, domain or None) of a mined candidate."""
    if function in ALWAYS_FORMULA or function.startswith(ALWAYS_FORMULA_PREFIXES):
        return "formula", None
    domain = domain_of(text)
    return ("material", domain) if domain else ("formula", None)
