"""Building a `Brief` from a brief's YAML data: a plain-Python check first, pydantic on any doubt.

A draft reads a brief that is nearly always valid, and pydantic costs more to import and to build
its models than the rest of a draft (issue 12). `fast_brief` accepts only values whose meaning is
beyond doubt (a text that is a `str`, a date that is a date, a whole number that is an `int`, no
unknown key …) and gives the same values pydantic would; anything else makes it return None, and
`drafter.compose.brief_model` decides, words the errors, and its result is copied into the plain
classes (`from_model`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, get_args

from drafter.compose import brief as plain
from drafter.record import Record
from drafter.vocabulary import AGENDA_NEEDS_WHAT, domain_key, kind_name

if TYPE_CHECKING:
    from pydantic import BaseModel

Check = Callable[[Any], Any]


class _Doubt(Exception):
    """The plain check cannot vouch for a value: pydantic decides."""


# Characters Python's `str.strip` removes and pydantic's (Rust's) trimming keeps.
_ODD_SPACE = frozenset("\x1c\x1d\x1e\x1f")


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _Doubt
    return value


def _text(value: Any) -> str:
    """A `Text`: a `str`, stripped, not empty."""
    stripped = _str(value).strip()
    if not stripped or not _ODD_SPACE.isdisjoint(value):
        raise _Doubt
    return stripped


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _list(check: Check, least: int = 0) -> Check:
    def checked(value: Any) -> list[Any]:
        if not isinstance(value, list) or len(value) < least:
            raise _Doubt
        return [check(item) for item in value]

    return checked


def _choice(*allowed: str) -> Check:
    def checked(value: Any) -> str:
        text = _str(value)
        if text not in allowed:
            raise _Doubt
        return text

    return checked


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _Doubt
    return int(value)


def _positive_int(value: Any) -> int:
    number = _int(value)
    if number <= 0:
        raise _Doubt
    return number


def _positive_float(value: Any) -> float:
    if type(value) not in (int, float) or not value > 0 or value > 1e300:
        raise _Doubt  # (a huge whole number would not convert)
    return float(value)


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _Doubt
    return value


def _date(value: Any) -> dt.date:
    if type(value) is not dt.date:
        raise _Doubt
    return value


def _fillers(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _Doubt
    return {_str(key): _str(item) for key, item in value.items()}


def _title(value: Any) -> str | list[str]:
    return value if type(value) is str else _list(_text, 1)(value)


def _record(cls: type[Record], checks: Mapping[str, Check]) -> Check:
    """A check of a mapping into `cls`: known keys only, every required one, each value checked."""
    required = [name for name in cls.FIELDS if name not in cls.DEFAULTS]

    def checked(value: Any) -> Record:
        if not isinstance(value, dict) or not all(name in value for name in required):
            raise _Doubt
        try:
            values = {key: checks[key](item) for key, item in value.items()}
        except (KeyError, TypeError):  # an unknown or unhashable key
            raise _Doubt from None
        return cls(fields_set=values, **values)

    return checked


_OPTIONAL_STR = _optional(_str)
_PHRASES = _record(plain.PhraseChoice, {"use": _list(_str), "avoid": _list(_str)})
_HEADING_PLAN = _record(plain.HeadingPlan, {"skeleton": _OPTIONAL_STR, "set": _OPTIONAL_STR})
_AGENDA_ITEM = _record(
    plain.AgendaItem, {"who": _text, "does": _choice(*get_args(plain.AgendaAct)), "what": _OPTIONAL_STR}
)
_POINT = _record(
    plain.Point,
    {
        "heading": _OPTIONAL_STR,
        "fillers": _optional(_fillers),
        "text": _list(_text),
        "tags": _list(_text),
        "material": _optional(_choice(*get_args(plain.MaterialAmount))),
        "phrases": _PHRASES,
    },
)
_SECTION = _record(
    plain.Section,
    {
        "heading": _OPTIONAL_STR,
        "fillers": _optional(_fillers),
        "topic": _OPTIONAL_STR,
        "lead_in": _OPTIONAL_STR,
        "role": _choice(*get_args(plain.SectionRole)),
        "enumerator": _OPTIONAL_STR,
        "point_headings": _optional(_HEADING_PLAN),
        "tags": _list(_text),
        "points": _list(_POINT, 1),
    },
)
_CLOSING = _record(
    plain.Closing,
    {"goal": _OPTIONAL_STR, "slogan": _OPTIONAL_STR, "text": _list(_text), "thanks": _bool},
)
_LENGTH = _record(
    plain.Length,
    {"minutes": _optional(_positive_float), "chars": _optional(_positive_int), "rate": _positive_int},
)
_BRIEF_CHECKS: dict[str, Check] = {
    "template": lambda value: kind_name(_text(value)),
    "title": _optional(_title),
    "subtitle": _OPTIONAL_STR,
    "occasion": _OPTIONAL_STR,
    "speaker": _record(plain.Speaker, {"post": _text, "name": _str}),
    "date": _date,
    "salutation": _text,
    "speaker_role": _optional(_choice(*get_args(plain.SpeakerRole))),
    "domain": _OPTIONAL_STR,  # then turned into its key below
    "acknowledge": _list(_record(plain.Acknowledgement, {"who": _text, "did": _text})),
    "achievements": _list(_text),
    "agenda": _list(_AGENDA_ITEM),
    "situation": _list(_text),
    "headings": _optional(_HEADING_PLAN),
    "sections": _list(_SECTION, 1),
    "closing": _CLOSING,
    "length": _LENGTH,
    "phrases": _PHRASES,
    "seed": _int,
    **dict.fromkeys(
        ("org", "superior", "audience_org", "region", "audience", "purpose", "thanks_to", "honoured"),
        _OPTIONAL_STR,
    ),
    **dict.fromkeys(("attendees", "font_profile"), _OPTIONAL_STR),
}
_BRIEF = _record(plain.Brief, _BRIEF_CHECKS)


def _rules_hold(brief: plain.Brief) -> bool:
    """The models' own cross-field rules (their `model_validator`s)."""
    plans = [brief.headings, *(section.point_headings for section in brief.sections)]
    return (
        bool(brief.title or brief.occasion)
        and all(plan is None or (plan.skeleton is None) != (plan.set is None) for plan in plans)
        and (brief.length.minutes is None or brief.length.chars is None)
        and all(item.does not in AGENDA_NEEDS_WHAT or (item.what or "").strip() for item in brief.agenda)
    )


def fast_brief(data: Any) -> plain.Brief | None:
    """The brief of valid `data`, as pydantic would build it; None when pydantic must decide."""
    try:
        brief = _BRIEF(data)
    except _Doubt:
        return None
    assert isinstance(brief, plain.Brief)
    if not _rules_hold(brief):
        return None
    if brief.domain is not None:
        key = domain_key(brief.domain)
        if key is None:
            return None
        object.__setattr__(brief, "domain", key)  # as the model's validator stores it
    return brief


def from_model(model: BaseModel) -> Any:
    """A pydantic brief (or part) as the plain class of the same name, lists and dicts copied."""
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        cls: type[Record] = getattr(plain, type(model).__name__)
        values = {name: from_model(getattr(model, name)) for name in cls.FIELDS}
        return cls(fields_set=model.model_fields_set, **values)
    if isinstance(model, list):
        return [from_model(item) for item in model]
    if isinstance(model, dict):
        return dict(model)
    return model


def parse_brief(data: Any) -> plain.Brief:
    """The brief of `data`; pydantic's `ValidationError` when it is not valid."""
    brief = fast_brief(data)
    if brief is None:
        from drafter.compose.brief_model import Brief as BriefModel

        brief = from_model(BriefModel.model_validate(data))
    assert isinstance(brief, plain.Brief)
    return brief
