"""Checks of a valid brief against the phrase bank it will be drafted with (`drafter check`).

A brief can be valid on its own yet fail to draft: a `headings.set` that names no heading set,
a set with fewer members than there are sections, `phrases.use` naming an entry that does not
exist. Tags that no entry carries are warnings: they steer nothing, which is worth knowing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from drafter.bank.load import Bank
from drafter.compose.brief_load import LoadedBrief, Loc, reading_order
from drafter.errors import DrafterError, Finding
from drafter.vocabulary import TOPIC_TAGS


def check_against_bank(loaded: LoadedBrief, bank: Bank) -> list[Finding]:
    """Every problem of a valid brief that only the bank can reveal, in reading order."""
    findings = [loaded.finding(loc, message) for loc, message in _errors(loaded, bank)]
    findings += [loaded.finding(loc, message, "warning") for loc, message in _warnings(loaded, bank)]
    return sorted(findings, key=reading_order)


def _errors(loaded: LoadedBrief, bank: Bank) -> Iterator[tuple[Loc, str]]:
    brief = loaded.brief
    if brief.headings is not None and brief.headings.set is not None:
        yield from _set_problems(
            bank, brief.headings.set, ("headings", "set"), len(brief.sections), "sections"
        )
    for index, section in enumerate(brief.sections):
        plan = section.point_headings
        if plan is not None and plan.set is not None:
            loc: Loc = ("sections", index, "point_headings", "set")
            yield from _set_problems(bank, plan.set, loc, len(section.points), "points")
    for key, ids in (("use", brief.phrases.use), ("avoid", brief.phrases.avoid)):
        for index, entry_id in enumerate(ids):
            if entry_id not in bank.entries:
                hint = _did_you_mean(entry_id, bank.entries)
                yield ("phrases", key, index), f"no entry {entry_id!r} in the phrase bank{hint}"


def _set_problems(bank: Bank, set_id: str, loc: Loc, needed: int, noun: str) -> Iterator[tuple[Loc, str]]:
    entry = bank.entries.get(set_id)
    if entry is None:
        sets = [e.id for e in bank.entries.values() if e.function == "heading_set"]
        hint = _did_you_mean(set_id, sets) if sets else " (the bank has no heading sets)"
        yield loc, f"no heading set {set_id!r} in the phrase bank{hint}"
    elif entry.function != "heading_set":
        yield loc, f"{set_id!r} is a {entry.function} entry, not a heading_set"
    elif entry.status != "approved":
        yield loc, f"the heading set {set_id!r} is {entry.status}; drafts use approved entries only"
    elif len(entry.members or ()) < needed:
        have = len(entry.members or ())
        yield loc, f"the heading set {set_id!r} has {have} members but there are {needed} {noun}"


def _warnings(loaded: LoadedBrief, bank: Bank) -> Iterator[tuple[Loc, str]]:
    known = set(TOPIC_TAGS) | bank.entries.tags()
    for s_index, section in enumerate(loaded.brief.sections):
        places: list[tuple[Loc, list[str]]] = [(("sections", s_index, "tags"), section.tags)]
        places += [
            (("sections", s_index, "points", p, "tags"), pt.tags) for p, pt in enumerate(section.points)
        ]
        for loc, tags in places:
            for t_index, tag in enumerate(tags):
                if tag not in known:
                    hint = _did_you_mean(tag, sorted(known))
                    yield (*loc, t_index), f"tag {tag!r} is used by no bank entry, so it steers nothing{hint}"


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    import difflib  # only for a brief with a problem

    options = sorted(choices)
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_font_profile(loaded: LoadedBrief) -> list[Finding]:
    """The brief's `font_profile` names a built-in profile or a readable profile file."""
    name = loaded.brief.font_profile
    if not name:
        return []
    from drafter.writers.docx.fonts import FontProfileError, resolve_profile  # imports python-docx

    try:
        resolve_profile(name)
    except FontProfileError as exc:
        # a profile file that does not validate names the lines of its own problems
        return list(exc.findings) or [loaded.finding(("font_profile",), str(exc))]
    except DrafterError as exc:  # a file that cannot be read: reported at the brief's font_profile
        return [loaded.finding(("font_profile",), str(exc))]
    return []
