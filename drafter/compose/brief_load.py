"""Loading a brief from YAML and reporting every problem in it at once, each with its line.

`load_brief` is what `drafter draft` and `drafter check` call. Problems become `Finding`s
(`FILE:LINE: path.to.field: message`, list indices counted from 0): unreadable files and YAML
syntax errors, then every pydantic error turned into a readable sentence
(`drafter.compose.brief_errors`), then the rules that need more than the model (known templates,
heading skeletons against their fillers). A valid brief is built without pydantic
(`drafter.compose.brief_build`); pydantic validates only a brief that has problems or that the
plain check doubts, so that its errors read as always.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from drafter.bank.slots import slots_of
from drafter.compose.brief import Brief
from drafter.compose.brief_build import fast_brief
from drafter.errors import BriefError, Finding, InputFileError, display_path
from drafter.vocabulary import kind_name
from drafter.yamlfile import (
    BRIEF_LIMITS,
    LocatedDict,
    LocatedList,
    control_character,
    line_of,
    parse_yaml,
    read_user_text,
)

Loc = tuple[int | str, ...]


class LoadedBrief(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """A valid brief with what it was read from: the shown file name and the located YAML data."""

    brief: Brief
    shown: str
    data: LocatedDict

    def line(self, loc: Sequence[int | str]) -> int | None:
        """The line of a field of this brief (of its nearest existing parent when absent)."""
        return line_of(self.data, loc)

    def finding(self, loc: Sequence[int | str], message: str, severity: str = "error") -> Finding:
        return Finding(self.shown, self.line(loc), dotted(loc), message, severity)


def load_brief(path: Path, known_templates: Collection[str]) -> Brief:
    """The brief in `path`, or a `BriefError` whose findings are all of its problems."""
    return load_brief_located(path, known_templates).brief


def load_brief_located(path: Path, known_templates: Collection[str]) -> LoadedBrief:
    """Like `load_brief`, keeping the located YAML data so later checks can name lines."""
    shown = display_path(path)
    try:
        data = parse_yaml(read_user_text(path, what="brief"), shown, BRIEF_LIMITS)
    except InputFileError as exc:
        raise BriefError(findings=exc.findings) from None
    if not isinstance(data, LocatedDict):
        got = describe(data)
        message = f"expected a mapping of brief fields (template:, speaker:, sections: …), got {got}"
        finding = Finding(shown, getattr(data, "line", None) or 1, "", message)
        raise BriefError(findings=[finding])
    brief = fast_brief(data)
    problems = [*_rule_problems(data, known_templates), *bound_problems(data)]
    duplicates = list(_duplicate_keys(data, (), shown))
    if brief is None or problems or duplicates:
        from drafter.compose.brief_errors import validated  # pydantic: only for a doubtful brief

        brief, model_problems = validated(data)
        problems += model_problems
    findings = [Finding(shown, line_of(data, loc), dotted(loc), message) for loc, message in problems]
    findings += duplicates
    if findings or brief is None:
        raise BriefError(findings=sorted(set(findings), key=reading_order))
    return LoadedBrief(brief, shown, data)


def _duplicate_keys(node: Any, loc: Loc, shown: str) -> Iterator[Finding]:
    """Keys written twice in one mapping: YAML would silently keep only the later value."""
    if isinstance(node, LocatedDict):
        for key, first, again in node.duplicate_keys:
            message = f"written twice (lines {first} and {again}); only the later one would count"
            yield Finding(shown, again, dotted((*loc, key)), message)
        for key, value in node.items():
            yield from _duplicate_keys(value, (*loc, key), shown)
    elif isinstance(node, LocatedList):
        for index, item in enumerate(node):
            yield from _duplicate_keys(item, (*loc, index), shown)


def dotted(loc: Sequence[int | str]) -> str:
    """A field path as the user sees it: `sections.1.points`."""
    return ".".join(str(part) for part in loc)


def reading_order(finding: Finding) -> tuple[int, str, str]:
    """How a brief's findings are listed: by line, then field and message."""
    return (finding.line or 0, finding.field, finding.message)


# ---------------------------------------------------------------------------------------------
# values in words


def describe(value: Any) -> str:
    """The kind of a wrong value, in words, with the value itself when it is short."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return show(value)


def show(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


# ---------------------------------------------------------------------------------------------
# rules beyond the model, checked on the raw data so they are reported with the model's errors


def _rule_problems(data: LocatedDict, known_templates: Collection[str]) -> Iterator[tuple[Loc, str]]:
    yield from _template_problems(data.get("template"), known_templates)
    yield from _agenda_problems(data)
    sections = data.get("sections")
    headings = data.get("headings")
    if isinstance(sections, list):
        yield from _plan_problems(headings, sections, ("headings",), ("sections",), "section")
        for index, section in enumerate(sections):
            if not isinstance(section, Mapping):
                continue
            here: Loc = ("sections", index)
            yield from _enumerator_problems(section.get("enumerator"), (*here, "enumerator"))
            points = section.get("points")
            if isinstance(points, list):
                plan = section.get("point_headings")
                yield from _plan_problems(plan, points, (*here, "point_headings"), (*here, "points"), "point")


def _close_matches(name: str, choices: Sequence[str], cutoff: float) -> list[str]:
    """The closest of `choices` to a mistyped name (difflib is imported only for a brief with problems)."""
    import difflib

    return difflib.get_close_matches(name, choices, n=1, cutoff=cutoff)


def _template_problems(name: Any, known: Collection[str]) -> Iterator[tuple[Loc, str]]:
    if not isinstance(name, str) or not name.strip() or not known or kind_name(name.strip()) in known:
        return
    names = sorted(known)
    close = _close_matches(name.strip(), names, 0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    yield ("template",), f"unknown template {name.strip()!r}{hint}; known templates: {', '.join(names)}"


# The template that runs through an agenda (a chair's script); no other template reads one.
AGENDA_TEMPLATE = "chair_script"


def _agenda_problems(data: LocatedDict) -> Iterator[tuple[Loc, str]]:
    """A chair's script needs its agenda; an agenda in a speech would silently say nothing."""
    template = data.get("template")
    if not isinstance(template, str):
        return
    agenda = data.get("agenda")
    if template.strip() == AGENDA_TEMPLATE and not agenda:
        yield (
            ("agenda",),
            "the chair_script template needs the agenda: a list of items {who, does}, e.g. "
            "- {who: 县委书记李明同志, does: 讲话}",
        )
    elif template.strip() != AGENDA_TEMPLATE and agenda:
        ignored = f"{template.strip()!r} would ignore it"
        yield ("agenda",), f"only the chair_script template reads an agenda; {ignored}"


def _enumerator_problems(enumerator: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if not isinstance(enumerator, str):
        return
    slots = _slots(enumerator)
    if slots != ("n",):
        yield loc, f"must contain {{n}} (the ordinal) and no other slot, e.g. {{n}}是, got {enumerator!r}"


def _slots(text: str) -> tuple[str, ...] | None:
    """The slots of a skeleton, or None when it is not a valid skeleton (plain `{name}` slots only)."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return None
    for _, name, spec, conversion in fields:
        if name is not None and (not name.isidentifier() or spec or conversion):
            return None
    return slots_of(text)


def _plan_problems(
    plan: Any, items: list[Any], plan_loc: Loc, items_loc: Loc, noun: str
) -> Iterator[tuple[Loc, str]]:
    """Each item's heading against the plan: skeleton fillers give exactly the skeleton's slots."""
    skeleton = plan.get("skeleton") if isinstance(plan, Mapping) else None
    has_set = isinstance(plan, Mapping) and plan.get("set") is not None
    slots: tuple[str, ...] | None = None
    if isinstance(skeleton, str):
        slots = _slots(skeleton)
        if slots is None:
            yield (*plan_loc, "skeleton"), f"not a valid skeleton: {skeleton!r} (slots are written {{X}})"
        elif not slots:
            yield (*plan_loc, "skeleton"), f"the skeleton {skeleton!r} has no slot; write slots as {{X}}"
            slots = None
    source = f"{dotted(plan_loc)}.skeleton"
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        here: Loc = (*items_loc, index)
        fillers = item.get("fillers")
        heading = item.get("heading")
        literal = isinstance(heading, str) and bool(heading.strip())
        if isinstance(fillers, Mapping):
            if has_set:
                yield (
                    (*here, "fillers"),
                    f"{dotted(plan_loc)}.set takes its headings from the bank; drop fillers",
                )
            elif not isinstance(skeleton, str):
                yield (*here, "fillers"), f"fillers need a skeleton: add {source}"
            elif literal:
                yield (*here, "fillers"), "give a literal heading or fillers, not both"
            elif slots is not None:
                yield from _filler_problems(fillers, slots, skeleton, (*here, "fillers"))
        elif slots is not None and not literal:
            needed = ", ".join(slots)
            yield (
                (*here, "fillers"),
                (f"the {noun} needs fillers for the skeleton {skeleton!r} ({needed}) or a literal heading"),
            )


def _filler_problems(
    fillers: Mapping[Any, Any], slots: tuple[str, ...], skeleton: str, loc: Loc
) -> Iterator[tuple[Loc, str]]:
    missing = [slot for slot in slots if slot not in fillers]
    if missing:
        yield loc, f"missing {', '.join(missing)} for the skeleton {skeleton!r}"
    for key, value in fillers.items():
        if not isinstance(key, str):
            continue  # the model reports a key that is not text
        if key not in slots:
            close = _close_matches(str(key), slots, 0.5)
            hint = f"; did you mean {close[0]!r}?" if close else f"; its slots are {', '.join(slots)}"
            yield (*loc, key), f"the skeleton {skeleton!r} has no slot {key!r}{hint}"
        elif isinstance(value, str) and not value.strip():
            yield (*loc, key), "must not be empty"


# ---------------------------------------------------------------------------------------------
# bounds: what a speech can hold, so that whatever `check` accepts `draft` can draft

MAX_MINUTES = 600  # ten hours of speaking
MAX_RATE = 1000  # characters a minute
MAX_CHARS = 200_000
MAX_SEED = 2**63 - 1
MAX_ITEMS = 99  # sections, points, and the items of any list (numbered up to 九十九)
MAX_TEXT = 5_000  # characters in one value
MAX_LINE = 200  # characters in a title, name or other one-line field (and the whole title)
_ONE_LINE_FIELDS = frozenset(
    {"title", "subtitle", "occasion", "post", "name", "who", "salutation", "org", "region", "audience"}
)
_RESERVED = "⟦⟧"  # the outline's provenance markers


def bound_problems(data: LocatedDict) -> Iterator[tuple[Loc, str]]:
    """Numbers, counts and texts past what a speech can hold."""
    length = data.get("length")
    if isinstance(length, Mapping):
        yield from _number_bound(length.get("minutes"), ("length", "minutes"), MAX_MINUTES, "minutes")
        yield from _number_bound(length.get("rate"), ("length", "rate"), MAX_RATE, "characters a minute")
        yield from _number_bound(length.get("chars"), ("length", "chars"), MAX_CHARS, "characters")
    seed = data.get("seed")
    if isinstance(seed, int) and not isinstance(seed, bool) and not -MAX_SEED <= seed <= MAX_SEED:
        yield ("seed",), f"must be between -{MAX_SEED} and {MAX_SEED}"
    title = data.get("title")
    if isinstance(title, list) and sum(len(t) for t in title if isinstance(t, str)) > MAX_LINE:
        yield ("title",), f"too long: the title lines together must be at most {MAX_LINE} characters"
    yield from _walk_bounds(data, ())


def _number_bound(value: Any, loc: Loc, most: int, unit: str) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):  # pydantic reads "1e300" (a string to YAML 1.1) as a number
        try:
            value = float(value)
        except ValueError:
            return
    if isinstance(value, bool) or not isinstance(value, int | float):
        return  # the model reports a value that is not a number
    if value != value or value in (float("inf"), float("-inf")):
        yield loc, f"must be a finite number, got {value}"
    elif value > most:
        yield loc, f"must be at most {most} {unit}, got {show(value)}"


def _walk_bounds(node: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _walk_bounds(value, (*loc, key))
    elif isinstance(node, list):
        if len(node) > MAX_ITEMS:
            yield loc, f"too many items: at most {MAX_ITEMS}, got {len(node)}"
            return
        for index, item in enumerate(node):
            yield from _walk_bounds(item, (*loc, index))
    elif isinstance(node, str):
        field = next((part for part in reversed(loc) if isinstance(part, str)), "")
        most = (
            MAX_LINE if field in _ONE_LINE_FIELDS or "fillers" in loc or field == "enumerator" else MAX_TEXT
        )
        if len(node) > most:
            yield loc, f"too long: at most {most} characters, got {len(node)}"
        if bad := control_character(node):
            yield loc, f"control character {bad} in the text (remove it)"
        if any(mark in node for mark in _RESERVED):
            yield loc, f"the characters {_RESERVED} are reserved for drafter's markup; remove them"
