"""Checks on one entry that pydantic cannot express: functions, slots, heading-set members.

Each problem is `(loc, message)`, `loc` a pydantic-style path into the entry (`("members", 2)`),
so that the caller can find its line in the YAML file with `yamlfile.line_of`.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from drafter.bank.model import Entry
from drafter.vocabulary import DOMAINS, FUNCTIONS, SLOTS, STATUSES

if TYPE_CHECKING:
    from pydantic import ValidationError

Loc = tuple[int | str, ...]
Problem = tuple[Loc, str]

# Functions whose slots are a skeleton's own placeholders ({X}要更{Y}), filled by members or fillers.
SKELETON_FUNCTIONS = frozenset({"heading_set", "heading"})


def function_problem(function: str) -> str | None:
    """Why a function name is not allowed, or None when it is one of `vocabulary.FUNCTIONS`."""
    if function in FUNCTIONS:
        return None
    return f"unknown function {function!r} (expected one of: {', '.join(FUNCTIONS)})"


def slot_problems(text: str, function: str) -> list[Problem]:
    """Slots must be plain `{name}`s; outside skeletons, names from `vocabulary.SLOTS`."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return [(("text",), "unbalanced { or }: write slots as {name}, e.g. {topic}")]
    problems: list[Problem] = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if not name or name.isdigit():
            problems.append((("text",), f"slot {shown} has no name: write slots as {{name}}, e.g. {{topic}}"))
        elif spec or conversion or not name.isidentifier():
            problems.append((("text",), f"slot {shown}: write slots as plain {{name}}, e.g. {{topic}}"))
        elif function not in SKELETON_FUNCTIONS and name not in SLOTS:
            problems.append((("text",), f"unknown slot {shown} (known slots: {', '.join(SLOTS)})"))
    return problems


def _member_problems(entry: Entry) -> list[Problem]:
    if entry.function != "heading_set":
        return [(("members",), "only heading_set entries have members")] if entry.members is not None else []
    skeleton = entry.slots
    if not skeleton:
        return [(("text",), "a heading set's text is its skeleton and needs slots, e.g. {X}要更{Y}")]
    members = entry.members or ()
    if len(members) < 2:
        return [(("members",), "a heading set needs at least two members, each giving its slot values")]
    problems: list[Problem] = []
    for index, member in enumerate(members):
        for slot in skeleton:
            if slot not in member:
                problems.append((("members", index), f"no value for {{{slot}}} of the skeleton {entry.text}"))
        for key in member:
            if key not in skeleton:
                problems.append(
                    (("members", index, key), f"{{{key}}} is not a slot of the skeleton {entry.text}")
                )
    return problems


def entry_problems(entry: Entry, *, function_given: bool) -> list[Problem]:
    """What is wrong with a schema-valid entry; the file's own function is checked by the caller."""
    problems: list[Problem] = []
    if function_given and (why := function_problem(entry.function)):
        problems.append((("function",), why))
    problems.extend(slot_problems(entry.text, entry.function))
    if not any(loc == ("text",) for loc, _ in problems):
        problems.extend(_member_problems(entry))
    if entry.domain is not None and entry.domain not in DOMAINS:  # the field filter would never match
        problems.append(
            (("domain",), f"unknown field {entry.domain!r} (expected one of: {'、'.join(DOMAINS)})")
        )
    return problems


def kind_of(value: Any) -> str:
    """A wrong value's kind in words, as messages say what they found instead."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "text"
    return f"{type(value).__name__} {value!r}"


def schema_problems(error: ValidationError) -> list[Problem]:
    """Pydantic's errors on one entry, each as a short message a bank editor understands."""
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        kind, value = err["type"], err.get("input")
        if kind == "missing":
            message = "missing"
            if loc == ("text",):
                message = "missing: an entry needs a text where its id first appears"
            elif loc == ("sources",):
                message = "missing: an entry needs its sources (FILE:LINE) where its id first appears"
        elif kind == "extra_forbidden":
            message = f"unknown key (expected one of: {', '.join(Entry.FIELDS)})"
        elif kind == "string_pattern_mismatch" and loc == ("id",):
            message = f"{value!r} is not an id: use lowercase dotted words, e.g. closing.call.shidai-huhuan"
        elif kind == "literal_error" and loc == ("status",):
            message = f"must be one of {', '.join(STATUSES)}, not {value!r}"
        elif kind == "string_type":
            message = f"expected text, found {kind_of(value)}"
        elif kind in {"tuple_type", "list_type"}:
            message = f"expected a list, found {kind_of(value)}"
        elif kind in {"dict_type", "model_type"}:
            message = f"expected a mapping, found {kind_of(value)}"
        elif kind == "too_short" and loc == ("sources",):
            message = "needs at least one source (FILE:LINE)"
        elif kind == "string_too_short":
            message = "is empty"
        elif kind == "value_error":
            message = str(err["msg"]).removeprefix("Value error, ")
        else:
            message = str(err["msg"])
        problems.append((loc, message))
    return problems


def loc_text(loc: Sequence[int | str]) -> str:
    """A pydantic path as a reader writes it: `members[2].X`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
