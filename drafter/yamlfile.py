"""Reading user YAML files safely, remembering the line of every key and item.

Briefs and bank files are loaded through here so that every error can name `FILE:LINE`.
Loading uses PyYAML's safe C loader where available; mappings and sequences come back as
`LocatedDict` / `LocatedList`, plain `dict` / `list` subclasses that also know their lines.
Commands that *edit* user YAML use ruamel.yaml instead (see `drafter.bank.merge`), which keeps comments.

Hostile files are refused before anything is built from them (`check_nodes`): raw control characters
(NUL and the like) name their line; explicit tags (`!!int x`, `!custom`) are refused, since a brief or a
bank never needs one; aliases are limited (none in a brief, a small budget in a bank file) and so is the
size of what they expand to, so that a few hundred bytes cannot stand for gigabytes ("billion laughs");
nesting deeper than a person would write is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

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


class YamlLimits(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """What a user's YAML file may hold beyond plain data."""

    aliases: int  # `*name` references in the whole file
    expanded: int  # nodes the document stands for once every alias is expanded
    depth: int  # nesting of mappings and sequences


BRIEF_LIMITS = YamlLimits(aliases=0, expanded=50_000, depth=32)
BANK_LIMITS = YamlLimits(aliases=200, expanded=500_000, depth=32)

# Characters no text of ours holds: C0 controls but tab and line ends, DEL, C1 controls, and the
# code points XML cannot carry (so that whatever is read can be written to .docx).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_PLAIN_STYLES = (None, "")
_IMPLICIT_TAGS = {
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
}


def control_character(text: str) -> str | None:
    """The first control character in `text` as `U+0000`, or None when there is none."""
    found = _CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


class _Refused(Exception):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def check_nodes(loader: Any, root: yaml.Node, limits: YamlLimits) -> None:
    """Refuse explicit tags, control characters, deep nesting and aliases past `limits` (`_Refused`)."""
    seen: set[int] = set()
    references = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        references += 1
        if id(node) in seen:
            continue
        seen.add(id(node))
        if depth > limits.depth:
            raise _Refused(f"nested more than {limits.depth} levels deep", node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            plain = node.style in _PLAIN_STYLES
            if node.tag != loader.resolve(yaml.ScalarNode, node.value, (plain, not plain)):
                raise _Refused(_tag_message(node.tag), node.start_mark)
            if bad := control_character(node.value):
                raise _Refused(f"control character {bad} in a value (remove it)", node.start_mark)
        elif node.tag not in _IMPLICIT_TAGS:
            raise _Refused(_tag_message(node.tag), node.start_mark)
        stack.extend((child, depth + 1) for child in _children(node))
    aliases = references - len(seen)
    if aliases > limits.aliases:
        allowed = "are not allowed here" if not limits.aliases else f"are limited to {limits.aliases} a file"
        raise _Refused(f"YAML aliases (*name) {allowed}; write the values out", root.start_mark)
    if aliases and _expanded_size(root, limits.expanded) > limits.expanded:
        message = f"YAML aliases expand to more than {limits.expanded} values; write the values out"
        raise _Refused(message, root.start_mark)


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the YAML tag {shown} is not allowed; write the plain value"


def _expanded_size(root: yaml.Node, cap: int) -> int:
    """How many nodes the document stands for with its aliases expanded (more than `cap`: stop counting)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # being counted: their marker is on the stack, so they hold the current node
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes or (not done and id(node) in open_nodes):
            continue  # counted already, or an alias back into its own ancestor (a cycle)
        children = list(_children(node))
        if not done:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(child), cap + 1) for child in children)  # absent: a cycle
        sizes[id(node)] = min(total, cap + 1)
    return sizes[id(root)]


def _first_control(text: str) -> tuple[str, int, int] | None:
    """The first control character of `text`, with its line and column, or None."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return f"U+{ord(found.group()):04X}", line, column


def parse_yaml(text: str, shown: str, limits: YamlLimits = BANK_LIMITS) -> Any:
    """Parse YAML text into located containers; every refusal and syntax error names line and column."""
    if bad := _first_control(text):
        code, line, column = bad
        raise _unusable(shown, f"control character {code} in the file (remove it)", line, column)
    loader = _LocatingLoader(text)  # a SafeLoader subclass
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        check_nodes(loader, root, limits)
        return loader.construct_document(root)
    except _Refused as exc:
        raise _unusable(shown, exc.message, exc.mark.line + 1, exc.mark.column + 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = f"YAML syntax error: {_first_line(exc.problem or exc.context or 'invalid YAML')}"
        raise _unusable(
            shown, problem, mark.line + 1 if mark else None, mark.column + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise _unusable(shown, f"YAML syntax error: {_first_line(str(exc))}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # a value the safe constructor cannot build (a date or number out of range, say)
        raise _unusable(shown, f"unusable YAML value: {_first_line(str(exc))}") from None
    finally:
        loader.dispose()


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "invalid YAML"


def load_yaml(path: Path, *, what: str = "YAML file", limits: YamlLimits = BANK_LIMITS) -> Any:
    """Read and parse a user's YAML file; every failure is one `InputFileError` line."""
    return parse_yaml(read_user_text(path, what=what), display_path(path), limits)


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
