"""Particulars in a draft (figures, dates, places, bodies…) that its brief does not give."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.bank.particulars import find_particulars
from drafter.errors import InputFileError, display_path
from drafter.lint.read import Paragraph

Found = tuple[int, str, str]

_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def read_brief_text(path: Path) -> str:
    """The brief's text as written (any field may give a particular), and the offices its post
    and region imply, which drafts name (`市委书记` implies the leadership above, `省委、省政府`)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{display_path(path)}: cannot read the brief: {exc}") from None
    return "\n".join([text, *_implied(path)])


def _implied(path: Path) -> list[str]:
    """The slot roles a draft of the brief fills (`drafter.compose.roles`); none when the brief
    does not load (its text alone is then what it gives)."""
    from drafter.compose import roles
    from drafter.compose.brief_load import load_brief
    from drafter.compose.templating import TemplateSet
    from drafter.errors import DrafterError

    try:
        loaded = load_brief(path, TemplateSet().names())
    except DrafterError:
        return []
    return [roles.own_org(loaded), roles.superior(loaded), roles.audience_org(loaded)]


def check(paragraphs: list[Paragraph], brief_text: str) -> list[Found]:
    """Particulars of the draft not in the brief (its dates count also as 2026年3月18日)."""
    dates = [f"{int(y)}年{int(m)}月{int(d)}日" for y, m, d in _ISO_DATE_RE.findall(brief_text)]
    brief_text = "\n".join([brief_text, *dates])
    found: list[Found] = []
    for p in paragraphs:
        for particular in find_particulars(p.text):
            bare = particular.text.strip('“”"')
            if bare not in brief_text:
                message = f"提要中没有的{particular.label}，请核实或删去"
                found.append((p.number, "particular", message))
    return found
