"""Font profiles: which installed font plays each role of the GB/T 9704 layout.

GB/T 9704 names fonts (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体) that a stock Windows PC lacks, so font
names are a choice, not constants. A profile is `standard`, `windows`, or the path of a writer's own
YAML file (`.yaml`/`.yml`) that starts from one of those and overrides some roles:

    extends: windows          # optional, default standard
    title: 方正小标宋_GBK
    title_bold: false
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from drafter.errors import Finding, InputFileError, display_path
from drafter.yamlfile import LocatedDict, load_yaml


class FontProfileError(InputFileError):
    """A font profile that is unknown or whose YAML file does not validate."""


class FontProfile(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """The font of each role; `latin` serves digits and Latin letters everywhere."""

    name: str
    fangsong: str  # body, level-3 and level-4 headings
    kaiti: str  # level-2 headings, speaker/date line, subtitle
    heiti: str  # level-1 headings
    title: str  # the title
    songti: str  # page numbers
    latin: str = "Times New Roman"
    title_bold: bool = False  # embolden the title font (for a plain 宋体 standing in for 小标宋)


STANDARD = FontProfile(
    name="standard",
    fangsong="仿宋_GB2312",
    kaiti="楷体_GB2312",
    heiti="黑体",
    title="方正小标宋简体",
    songti="宋体",
)

# A stock Windows PC has 仿宋, 楷体, 黑体 and 宋体 but no 小标宋: bold 宋体 is the closest in shape
# (a serif face with heavy strokes), so it stands in for the title.
WINDOWS = FontProfile(
    name="windows",
    fangsong="仿宋",
    kaiti="楷体",
    heiti="黑体",
    title="宋体",
    songti="宋体",
    title_bold=True,
)

BUILTIN_PROFILES: dict[str, FontProfile] = {p.name: p for p in (STANDARD, WINDOWS)}
DEFAULT_PROFILE = "standard"

_FONT_ROLES = ("fangsong", "kaiti", "heiti", "title", "songti", "latin")
_PROFILE_KEYS = ("extends", *_FONT_ROLES, "title_bold")


def resolve_profile(name: str | None) -> FontProfile:
    """The profile called `name`: a built-in name, or a YAML file path; None means the default."""
    if name is None or name == "":
        return BUILTIN_PROFILES[DEFAULT_PROFILE]
    if name in BUILTIN_PROFILES:
        return BUILTIN_PROFILES[name]
    if name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name:
        return load_profile_file(Path(name))
    known = ", ".join(sorted(BUILTIN_PROFILES))
    raise FontProfileError(
        f"font profile {name!r}: unknown (expected {known}, or the path of a .yaml font profile)"
    )


def load_profile_file(path: Path) -> FontProfile:
    """Read a writer's own profile; every problem in the file is reported at once."""
    data = load_yaml(path, what="font profile")
    shown = display_path(path)
    if not isinstance(data, LocatedDict):
        raise FontProfileError(f"{shown}:1: expected a mapping of font roles ({', '.join(_FONT_ROLES)})")
    findings: list[Finding] = []
    base = BUILTIN_PROFILES[DEFAULT_PROFILE]
    changes: dict[str, str | bool] = {}
    for key in sorted(data, key=str):
        line = data.key_lines.get(key)
        value = data[key]
        if key not in _PROFILE_KEYS:
            findings.append(
                Finding(shown, line, str(key), f"unknown key (expected one of {', '.join(_PROFILE_KEYS)})")
            )
        elif key == "extends":
            if value in BUILTIN_PROFILES:
                base = BUILTIN_PROFILES[value]
            else:
                known = ", ".join(sorted(BUILTIN_PROFILES))
                findings.append(Finding(shown, line, key, f"expected one of {known}, got {value!r}"))
        elif key == "title_bold":
            if isinstance(value, bool):
                changes[key] = value
            else:
                findings.append(Finding(shown, line, key, f"expected true or false, got {value!r}"))
        elif isinstance(value, str) and value.strip():
            changes[key] = value.strip()
        else:
            findings.append(Finding(shown, line, key, f"expected a font name, got {value!r}"))
    if findings:
        raise FontProfileError(findings=findings)
    return base._replace(name=shown, **changes)  # type: ignore[arg-type]
