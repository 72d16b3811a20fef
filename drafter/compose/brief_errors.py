"""A brief's pydantic errors as readable sentences, each at the field it is about.

Imported only for a brief with problems or one the plain check of `drafter.compose.brief_build`
doubts: pydantic validates it (`validated`) and its errors are worded here.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from drafter.compose.brief import Brief
from drafter.compose.brief_build import from_model
from drafter.compose.brief_load import Loc, describe, show
from drafter.compose.brief_model import Brief as BriefModel

DATE_HINT = "write it as YYYY-MM-DD, e.g. 2026-11-30"

# What a list field holds, for "needs at least one …".
_ITEM_NOUNS = {"sections": "section", "points": "point"}


def validated(data: Any) -> tuple[Brief | None, list[tuple[Loc, str]]]:
    """The brief pydantic makes of `data`, or None and its errors as `(loc, message)`."""
    try:
        return from_model(BriefModel.model_validate(data)), []
    except ValidationError as exc:
        return None, _model_problems(exc)


# ---------------------------------------------------------------------------------------------
# pydantic errors as sentences


def _model_problems(exc: ValidationError) -> list[tuple[Loc, str]]:
    located: list[tuple[Loc, str]] = []
    unions: dict[Loc, list[tuple[Loc, ErrorDetails]]] = {}
    for error in exc.errors():
        loc, union_at = _data_loc(error["loc"])
        if union_at is None:
            located.append(_message(loc, error))
        else:
            unions.setdefault(loc[:union_at], []).append((loc, error))
    for key, branches in unions.items():
        located.extend(_union_messages(key, branches))
    return located


def _union_messages(key: Loc, branches: list[tuple[Loc, ErrorDetails]]) -> list[tuple[Loc, str]]:
    """Errors from the branches of a union (`title: text | list`) as what the writer meant."""
    fitting = [
        (loc, error) for loc, error in branches if len(loc) > len(key) or error["type"] not in _EXPECTED
    ]
    if fitting:
        # the value had the shape of one branch (a list, say): report that branch's own problems
        return [_message(loc, error) for loc, error in fitting]
    wanted = [w for w in dict.fromkeys(_EXPECTED.get(error["type"], "") for _, error in branches) if w]
    got = describe(branches[0][1]["input"])
    return [(key, f"expected {' or '.join(wanted) or 'another value'}, got {got}")]


_EXPECTED = {
    "string_type": "a text",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def _message(loc: Loc, error: ErrorDetails) -> tuple[Loc, str]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in ("extra_forbidden", "invalid_key"):
        return loc, _unknown_field(loc)
    if loc and loc[-1] == "[key]":
        return loc[:-1], f"names must be text, got {describe(value)}"
    if kind == "missing":
        return loc, "is required"
    if kind.startswith("date") or (
        kind == "value_error" and str(ctx.get("error", "")).startswith("not a date")
    ):
        if value is None:
            return loc, f"is empty ({DATE_HINT})"
        return loc, f"not a date: {show(value)} ({DATE_HINT})"
    if kind == "string_too_short":
        return loc, "must not be empty"
    if kind == "too_short":
        noun = _ITEM_NOUNS.get(str(loc[-1]) if loc else "", "item")
        return loc, _at_least(int(ctx.get("min_length", 1)), noun)
    if kind == "literal_error":
        return loc, f"must be one of {ctx.get('expected', '')}, got {show(value)}"
    if kind in ("greater_than", "greater_than_equal"):
        bound = ctx.get("gt", ctx.get("ge"))
        bound = int(bound) if isinstance(bound, float) and bound.is_integer() else bound
        relation = "greater than" if kind == "greater_than" else "at least"
        return loc, f"must be {relation} {bound}, got {show(value)}"
    if kind == "value_error":
        return _blamed(loc, str(ctx.get("error", error["msg"])))
    if kind in ("list_type", "tuple_type"):
        return loc, f"expected a list (one '- ' line per item), got {describe(value)}"
    if kind in _EXPECTED:
        return loc, f"expected {_EXPECTED[kind]}, got {describe(value)}"
    return loc, error["msg"]


def _at_least(count: int, noun: str) -> str:
    return f"needs at least one {noun}" if count == 1 else f"needs at least {count} {noun}s"


def _blamed(loc: Loc, message: str) -> tuple[Loc, str]:
    """A model validator names the field it blames as `field: message`; move it into the path."""
    head, sep, rest = message.partition(": ")
    model = _model_at((*loc, ""))
    if sep and model is not None and head in model.model_fields:
        return (*loc, head), rest
    return loc, message


def _unknown_field(loc: Loc) -> str:
    name = str(loc[-1])
    model = _model_at(loc)
    if model is None:
        return "unknown field"
    fields = list(model.model_fields)
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    if close:
        return f"unknown field; did you mean {close[0]!r}?"
    return f"unknown field; expected one of: {', '.join(fields)}"


# ---------------------------------------------------------------------------------------------
# walking the model's types along an error location


def _unwrap(annotation: Any) -> Any:
    """The annotation without `Annotated[...]` and without `| None`."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if _is_union(annotation):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return annotation


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _step(annotation: Any, part: int | str) -> Any:
    """The type one location part further in, or None when it cannot be told."""
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field is not None else None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple) and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _data_loc(loc: Loc) -> tuple[Loc, int | None]:
    """The error location without pydantic's union branch tags, and where the first union was."""
    annotation: Any = BriefModel
    kept: list[int | str] = []
    union_at: int | None = None
    parts = list(loc)
    while parts:
        current = _unwrap(annotation)
        if annotation is not None and _is_union(current):
            if union_at is None:
                union_at = len(kept)
            parts.pop(0)  # the branch tag, e.g. 'list[constrained-str]'
            annotation = None
            continue
        part = parts.pop(0)
        kept.append(part)
        annotation = _step(annotation, part) if annotation is not None else None
    return tuple(kept), union_at


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class whose field the last part of `loc` names."""
    annotation: Any = BriefModel
    for part in loc[:-1]:
        annotation = _step(annotation, part)
        if annotation is None:
            return None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
