"""Reading user YAML files safely, remembering the line of every key and item.

Briefs and bank files are loaded through here so that every error can name `FILE:LINE`.
Loading uses PyYAML's safe C loader where available; mappings and sequences come back as
`LocatedDict` / `LocatedList`, plain `dict` / `list` subclasses that also know their lines.
Commands that *edit* user YAML use ruamel.yaml instead (see `drafter.bank.merge`), which keeps comments.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import Finding, InputFileError, display_path

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedDict(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]
    # keys written twice in this mapping, as (key, first line, repeated line): YAML keeps the last
    # value silently, so loaders that care can report them
    duplicate_keys: tuple[tuple[Any, int, int], ...] = ()


class LocatedList(list[Any]):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _LocatingLoader(_BaseLoader):  # type: ignore[misc]
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LocatedDict:
    own = {id(key_node) for key_node, _ in node.value}  # keys written here, not merged in by `<<:`
    loader.flatten_mapping(node)
    result = LocatedDict()
    written: dict[Any, int] = {}
    duplicates: list[tuple[Any, int, int]] = []
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                "found an unhashable key",
                key_node.start_mark,
            ) from None
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
        if id(key_node) in own:
            if key in written:
                duplicates.append((key, written[key], result.key_lines[key]))
            written[key] = result.key_lines[key]
    if duplicates:
        result.duplicate_keys = tuple(duplicates)
    return result


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """A date or time, or the plain text when it only looks like one (`2026-11-31`).

    PyYAML raises a bare ValueError for an impossible date; keeping the text lets validation
    report it with its line, as for any other value that is not a date.
    """
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LocatingLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _unusable(shown: str, message: str, line: int | None = None, column: int | None = None) -> InputFileError:
    """The error for a file that cannot be used, carrying its one finding so callers need not parse it."""
    return InputFileError(findings=[Finding(shown, line, "", message, column=column)])


def read_user_bytes(path: Path, *, what: str = "file") -> bytes:
    """Read a file a user named, or raise one clear `InputFileError` (missing, a folder, unreadable).

    `-` is standard input.
    """
    if str(path) == "-":
        from drafter.stdio import read_stdin_bytes

        return read_stdin_bytes()
    shown = display_path(path)
    if path.is_dir():
        raise _unusable(shown, f"is a directory, expected a {what}")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _unusable(shown, "no such file") from None
    except OSError as exc:
        raise _unusable(shown, f"cannot read: {exc.strerror}") from None


def decode_user_text(raw: bytes, shown: str, *, what: str) -> str:
    """The UTF-8 text of a user's file (without a byte-order mark), or an `InputFileError` naming the line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _unusable(shown, f"not UTF-8 text (save the {what} as UTF-8)", line) from None


def read_user_text(path: Path, *, what: str = "file") -> str:
    """Read a UTF-8 text file a user gave us, or raise one clear `InputFileError`."""
    shown = display_path(path)
    text = decode_user_text(read_user_bytes(path, what=what), shown, what=what)
    if not text.strip():
        raise _unusable(shown, f"is empty, expected a {what}")
    return text


def parse_yaml(text: str, shown: str) -> Any:
    """Parse YAML text into located containers; a syntax error names line and column."""
    try:
        return yaml.load(text, Loader=_LocatingLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = f"YAML syntax error: {exc.problem or exc.context or 'invalid YAML'}"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise _unusable(shown, problem, line, column) from None
    except yaml.YAMLError as exc:
        raise _unusable(shown, f"YAML syntax error: {exc}") from None


def load_yaml(path: Path, *, what: str = "YAML file") -> Any:
    """Read and parse a user's YAML file; every failure is one `InputFileError` line."""
    return parse_yaml(read_user_text(path, what=what), display_path(path))


def line_of(data: Any, loc: Sequence[int | str]) -> int | None:
    """The line of the deepest element of `loc` (a pydantic-style path) found in located data."""
    line: int | None = getattr(data, "line", None) or None
    node = data
    for part in loc:
        if isinstance(node, LocatedDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LocatedList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
