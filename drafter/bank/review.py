"""Review steps as in-process functions: approve or reject candidates by id in a bank folder.

Edits go through the ruamel.yaml round trip, so comments, order and layout survive; each file is
written atomically. Rejections are also recorded in the folder's `rejected.txt`
(`drafter.bank.known`), so that the same candidate mined again stays rejected.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.util import load_yaml_guess_indent

from drafter.atomic import write_atomic
from drafter.bank.known import record_rejections
from drafter.errors import BankError, display_path


def _edit(folder: Path, ids: set[str], status: str) -> dict[str, str]:
    """Set `status` on the entries `ids` in `folder`'s YAML files; returns id → text of those found."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text(encoding="utf-8-sig")
        if not any(i in text for i in ids):
            continue
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096
        _, indent, offset = load_yaml_guess_indent(text)
        indent, offset = indent or 4, offset if offset is not None else 2
        yaml.indent(mapping=max(2, indent - offset), sequence=indent, offset=offset)
        data: Any = yaml.load(text)
        entries = data.get("entries") if isinstance(data, dict) else None
        changed = False
        for item in entries or []:
            if isinstance(item, dict) and item.get("id") in ids:
                found[str(item["id"])] = str(item.get("text", ""))
                if item.get("status") != status:
                    item["status"] = status
                    changed = True
        if changed:
            buffer = io.StringIO()
            yaml.dump(data, buffer)
            write_atomic(path, buffer.getvalue(), force=True)
    missing = sorted(ids - set(found))
    if missing:
        raise BankError(f"{display_path(folder)}: no entry with id {', '.join(missing)}")
    return found


def approve(folder: Path, ids: list[str]) -> list[str]:
    """Mark entries approved; returns their ids."""
    return sorted(_edit(folder, set(ids), "approved"))


def reject(folder: Path, ids: list[str]) -> list[str]:
    """Mark entries deprecated and record them as rejected in `folder`; returns their ids."""
    found = _edit(folder, set(ids), "deprecated")
    record_rejections(folder, found)
    return sorted(found)
