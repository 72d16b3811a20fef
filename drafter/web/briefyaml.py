"""Between the form's data (JSON) and a brief file (YAML), keeping a person's comments.

The page edits a brief as plain data. Saving writes YAML that `drafter draft` reads; when the brief
came from a file, its text is loaded with ruamel's round-trip loader and the new values are written
into that tree, so comments, key order and untouched scalars survive.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafter.errors import Finding, InputFileError
from drafter.yamlfile import parse_yaml


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096  # one sentence a line, as writers keep them
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _plain(value: Any) -> Any:
    """YAML data as JSON-able data (dates as ISO text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def brief_data(text: str, shown: str) -> dict[str, Any]:
    """The brief in `text` as plain data for the form, or an `InputFileError` naming the line."""
    data = parse_yaml(text, shown)
    if not isinstance(data, dict):
        message = "expected a mapping of brief fields (template:, speaker:, sections: …)"
        raise InputFileError(findings=[Finding(shown, 1, "", message)])
    result: dict[str, Any] = _plain(data)
    return result


def _cleaned(value: Any) -> Any:
    """Form data without the empty values a form always has (blank inputs, empty lists)."""
    if isinstance(value, dict):
        items = ((k, _cleaned(v)) for k, v in value.items())
        return {k: v for k, v in items if v not in (None, "", [], {})}
    if isinstance(value, list):
        items_ = [_cleaned(v) for v in value]
        return [v for v in items_ if v not in (None, "", [], {})]
    if isinstance(value, str):
        return value.strip()
    return value


def _merge(old: Any, new: Any) -> Any:
    """`new` written into the round-trip node `old`, reusing its nodes (and so their comments)."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else value
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value)
            else:
                old.append(value)
        del old[len(new) :]
        return old
    if isinstance(old, dt.date) and isinstance(new, str) and old.isoformat() == new:
        return old
    return new


def _dates(data: dict[str, Any]) -> dict[str, Any]:
    """The brief's `date` as a YAML date rather than quoted text."""
    value = data.get("date")
    if isinstance(value, str):
        with contextlib.suppress(ValueError):  # left as text: `drafter check` names the problem
            data["date"] = dt.date.fromisoformat(value)
    return data


def brief_yaml(data: dict[str, Any], original: str | None = None) -> str:
    """The brief file for `data`; with `original` (the file it came from), its comments are kept."""
    new = _dates(_cleaned(data))
    yaml = _yaml()
    tree: Any = None
    if original:
        try:
            tree = yaml.load(original)
        except Exception:  # an original that no longer parses: write the data alone
            tree = None
    tree = _merge(tree, new) if isinstance(tree, CommentedMap) else new
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    return buffer.getvalue()


PHRASE_ACTIONS = ("use", "avoid", "none")


def with_phrase(data: dict[str, Any], point: str, entry_id: str, action: str) -> dict[str, Any]:
    """`data` with `entry_id` pinned (`use`), banned (`avoid`) or neither (`none`) in `phrases`.

    `point` is a point's path (`sections.0.points.1`), whose own `phrases` change, or "" for the
    brief's. An id is in one list at most: pinning takes it off `avoid` and banning off `use`.
    """
    if action not in PHRASE_ACTIONS:
        message = f"unknown action {action!r} (expected one of: {', '.join(PHRASE_ACTIONS)})"
        raise InputFileError(findings=[Finding("request", None, "action", message)])
    target: Any = data
    for part in point.split(".") if point else []:
        if isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        elif isinstance(target, dict) and part in target:
            target = target[part]
        else:
            target = None
            break
    if not isinstance(target, dict):
        raise InputFileError(findings=[Finding("request", None, point, "no such point in the brief")])
    phrases = target.get("phrases")
    phrases = dict(phrases) if isinstance(phrases, dict) else {}
    for key in ("use", "avoid"):
        ids = [i for i in phrases.get(key) or [] if i != entry_id]
        if key == action:
            ids.append(entry_id)
        phrases[key] = ids
    target["phrases"] = {k: v for k, v in phrases.items() if v}
    return data
