"""The one place that builds the Jinja environment for speech templates.

Built-in templates ship as package data (`drafter.templates`); a writer's own folder
(`--templates DIR`) is searched first, so it can add templates or override built-in ones
(and the shared `_*.j2` macro files too). A speech template is a `NAME.j2` file whose name does
not start with `_`; its first line is a Jinja comment saying what it is for:

    {# 工作会议讲话：回顾成绩、剖析问题、提出要求 #}

Rendering uses Jinja's `SandboxedEnvironment` (a template reads its data and calls drafter's
helpers, but cannot reach Python internals such as `__globals__`), `StrictUndefined` and a fixed
set of filters; any template error becomes a `TemplateError` naming the template file and line.
Templates are found by `_FolderLoader`, which keeps `{% include %}`, `{% import %}` and
`{% extends %}` inside the template folders (no `..`, no symbolic link leading out). Compiled
templates are cached between runs, signed (`drafter.compose.template_cache`).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple

from drafter.compose.outline import end_sentence, one_line, strip_end
from drafter.errors import TemplateError, display_path
from drafter.package_data import package_dir
from drafter.patterns import LazyPattern
from drafter.vocabulary import CHINESE_NUMERALS

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

TEMPLATE_SUFFIX = ".j2"
_DESCRIPTION = LazyPattern(r"\A\s*\{#-?\s*(.*?)\s*-?#\}", re.DOTALL)


class TemplateInfo(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """A speech template: its name (what a brief's `template:` says), what it is for, its file."""

    name: str
    description: str
    path: Path


def builtin_templates_dir() -> Path:
    """The folder of the built-in templates, shipped as package data."""
    return package_dir("drafter.templates")


def _description(path: Path) -> str:
    try:
        head = path.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return ""
    match = _DESCRIPTION.match(head)
    return " ".join(match.group(1).split()) if match else ""


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise TemplateError(f"{display_path(folder)}: --templates: no such folder")
    if not folder.is_dir():
        raise TemplateError(f"{display_path(folder)}: --templates: not a folder")


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, its symbolic links followed, is a file within `folder` (also resolved)."""
    try:
        return path.resolve(strict=True).is_relative_to(folder.resolve(strict=True)) and path.is_file()
    except (OSError, RuntimeError):  # missing, dangling or a symlink loop
        return False


def discover_templates(extra_dir: Path | None = None) -> dict[str, TemplateInfo]:
    """Speech templates by name, sorted: the built-in ones, then `extra_dir`'s adding or overriding."""
    folders = [builtin_templates_dir()]
    if extra_dir is not None:
        _check_folder(extra_dir)
        folders.append(extra_dir)
    found: dict[str, TemplateInfo] = {}
    for folder in folders:
        for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")):
            name = path.name[: -len(TEMPLATE_SUFFIX)]
            if name.startswith("_") or not inside(path, folder):
                continue
            found[name] = TemplateInfo(name, _description(path), path)
    return dict(sorted(found.items()))


MAX_CHINESE_NUMBER = 99_999_999


def chinese_number(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 1010 → 一千零一十 (counts and ordinals)."""
    if value < 1 or value > MAX_CHINESE_NUMBER:
        raise ValueError(f"no Chinese numeral for {value}")
    if value < 20:  # 十, 十二: no leading 一 before 十
        return CHINESE_NUMERALS[value - 1] if value <= 10 else "十" + CHINESE_NUMERALS[value - 11]
    high, low = divmod(value, 10_000)
    if not high:
        return _below_10000(low)
    text = _below_10000(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _below_10000(low, tens_one=True)
    return text


def _below_10000(value: int, *, tens_one: bool = False) -> str:
    """A number from 1 to 9999 (`tens_one`: 一十 for 10-19, as after 百, 千 or 万)."""
    if value < 20 and not tens_one:
        return chinese_number(value)
    digits = [(value // unit) % 10 for unit in (1000, 100, 10, 1)]
    units = ("千", "百", "十", "")
    text = ""
    zero = False
    for digit, unit in zip(digits, units, strict=True):
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += CHINESE_NUMERALS[digit - 1] + unit
    return text


def chinese_count(value: int) -> str:
    """A count before a measure word: 2 → 两 (两个方面), otherwise as `chinese_number`."""
    return "两" if value == 2 else chinese_number(value)


def _one_line(value: object) -> str:
    return one_line(str(value))


def _end_sentence(value: object, mark: str = "。") -> str:
    return end_sentence(str(value), mark)


def _strip_end(value: object) -> str:
    return strip_end(str(value))


# Filters take whatever a template gives them (a number, a brief's field) as text.
FILTERS: dict[str, Callable[..., Any]] = {
    "cn": chinese_number,
    "cn_count": chinese_count,
    "one_line": _one_line,
    "sentence": _end_sentence,
    "bare": _strip_end,
}


class TemplateSet:
    """The available templates and the environment that renders them."""

    def __init__(self, extra_dir: Path | None = None) -> None:
        # here, not at the top: `drafter new` and `drafter check` only discover templates
        import jinja2

        from drafter.compose.template_cache import CompiledTemplates

        self.infos = discover_templates(extra_dir)
        search = [extra_dir] if extra_dir is not None else []
        search.append(builtin_templates_dir())
        self.env = _environment_class()(
            loader=_folder_loader(search),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self.env.filters.update(FILTERS)
        self.env.bytecode_cache = CompiledTemplates(self.env)  # last: the options and filters key it

    def names(self) -> list[str]:
        return list(self.infos)

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """Render template `name` with `context`; every failure is a `TemplateError` naming file and line."""
        import jinja2

        if name not in self.infos:
            known = "、".join(self.infos) or "（无）"
            raise TemplateError(f"template: unknown template {name!r}; known templates: {known}")
        try:
            template = self.env.get_template(name + TEMPLATE_SUFFIX)
            return template.render(context)
        except jinja2.TemplateSyntaxError as exc:
            where = _where(exc.filename, exc.lineno)
            raise TemplateError(f"{where}: template syntax error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            where = _where(*_template_frame(sys.exc_info()[2]))
            raise TemplateError(f"{where}: template not found: {exc.name}") from None
        except jinja2.UndefinedError as exc:
            where = _where(*_template_frame(sys.exc_info()[2]))
            raise TemplateError(f"{where}: undefined in template: {exc.message}") from None
        except TemplateError as exc:
            # raised by a helper the template called (e.g. a bad phrase request): add the place
            where = _where(*_template_frame(sys.exc_info()[2]))
            raise TemplateError(f"{where}: {exc}", exc.findings) from None
        except jinja2.exceptions.SecurityError as exc:
            where = _where(*_template_frame(sys.exc_info()[2]))
            raise TemplateError(f"{where}: template error: not allowed in a template: {exc}") from None
        except (jinja2.TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
            filename, line = _template_frame(sys.exc_info()[2])
            if filename is None:
                raise
            raise TemplateError(f"{_where(filename, line)}: template error: {exc}") from None


@functools.cache
def _environment_class() -> type[SandboxedEnvironment]:
    """Jinja's `SandboxedEnvironment`, its check of each attribute a template reads remembered by
    the object's type and the attribute's name, all that the check looks at (a draft reads some
    thousand attributes, of a few dozen kinds)."""
    from jinja2.sandbox import SandboxedEnvironment

    class SpeechEnvironment(SandboxedEnvironment):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._safe: dict[tuple[type, str], bool] = {}

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            kind = type(obj)
            if (safe := self._safe.get((kind, attr))) is None:
                safe = super().is_safe_attribute(obj, attr, value)
                if obj.__class__ is kind:  # else `isinstance` may answer by the other class
                    self._safe[kind, attr] = safe
            return safe

    return SpeechEnvironment


def _folder_loader(folders: list[Path]) -> Any:
    """A Jinja loader over `folders` (first wins) that finds only files inside them (`inside`)."""
    import jinja2

    class FolderLoader(jinja2.FileSystemLoader):
        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            source, filename, uptodate = super().get_source(environment, template)
            found = Path(filename)
            folder = next(folder for folder in folders if found.is_relative_to(folder))
            if not inside(found, folder):  # a symbolic link out of its folder
                raise jinja2.TemplateNotFound(template)
            return source, filename, uptodate

    return FolderLoader([str(folder) for folder in folders], encoding="utf-8")


def _template_frame(tb: TracebackType | None) -> tuple[str | None, int | None]:
    """The innermost traceback frame that is a template (Jinja rewrites frames to template lines)."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIX):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _where(filename: str | None, line: int | None) -> str:
    shown = display_path(filename) if filename else "template"
    return f"{shown}:{line}" if line else shown
