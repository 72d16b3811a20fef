"""`Record`: the plain frozen class of a brief's parts, of bank entries and of a draft's plan views.

Not a dataclass: defining the brief's ten of those costs about 2 ms at import, these nothing; not a
pydantic model: importing pydantic costs more than the rest of a draft (issue 12). Validation is
done before a record is built (`drafter.compose.brief_build`, `drafter.bank.parse`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar


class Record:
    """A frozen record built by keyword: its fields are `FIELDS` (by default its `__slots__`).

    `DEFAULTS` gives the optional fields' defaults; one that is a class (`list`, `Closing`) is called
    for a fresh value. `fields_set` names the fields that were given (pydantic's `model_fields_set`).
    Equal when of one class with equal fields.
    """

    __slots__ = ("fields_set",)
    FIELDS: ClassVar[tuple[str, ...]] = ()
    DEFAULTS: ClassVar[dict[str, Any]] = {}
    fields_set: frozenset[str]

    def __init_subclass__(cls) -> None:
        if "FIELDS" not in cls.__dict__:
            cls.FIELDS = cls.__slots__

    def __init__(self, *, fields_set: Iterable[str] = (), **values: Any) -> None:
        for name in self.FIELDS:
            if name in values:
                value = values.pop(name)
            elif name in self.DEFAULTS:
                value = self.DEFAULTS[name]
                value = value() if isinstance(value, type) else value
            else:
                raise TypeError(f"{type(self).__name__}: missing {name}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: unknown {', '.join(values)}")
        object.__setattr__(self, "fields_set", frozenset(fields_set))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (type(self), self.fields_set, self.dump(nested=False))

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def dump(self, *, nested: bool = True) -> dict[str, Any]:
        """The fields as a dict, records within as dicts too (unless `nested` is false)."""
        values = {name: getattr(self, name) for name in self.FIELDS}
        if nested:
            return {k: v.dump() if isinstance(v, Record) else v for k, v in values.items()}
        return values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"


def _rebuilt(cls: type[Record], fields_set: frozenset[str], values: dict[str, Any]) -> Record:
    return cls(fields_set=fields_set, **values)
