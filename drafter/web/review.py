"""Bank review on the page: the `drafter bank review` loop, one candidate at a time.

The steps are `drafter.bank.review`'s, called in process exactly as the CLI calls them (`pending`,
`context`, `accept`, `decline`), so the team bank is written the same way: round trip, atomic
files, the bank's lock, rejections in `rejected.txt`. A skip lasts as long as the server runs,
as a skip in the terminal lasts one session. Edits are checked with the bank's own entry checks
before anything is written; their messages name the field they concern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafter.bank import review as steps
from drafter.bank.checks import entry_problems, schema_problems
from drafter.bank.known import known, presence_key
from drafter.bank.model import slots_of, validate_entry
from drafter.bank.parse import plain
from drafter.errors import DrafterError, Finding, display_path
from drafter.vocabulary import DOMAINS, ENTRY_TYPES, SLOTS

EDITABLE = ("text", "domain", "type")


@dataclass
class ReviewDesk:
    """Review of the candidates in `mined` into the team bank `into` (sources shown from `corpus`)."""

    mined: Path
    into: Path
    corpus: Path | None = None
    skipped: set[str] = field(default_factory=set)
    _todo: list[steps.Pending] | None = field(default=None, repr=False)

    def _pending(self, fresh: bool = False) -> list[steps.Pending]:
        """`steps.pending` (read afresh on `fresh`, ~1 s for a whole corpus mined), less what the
        team bank has learned since: each decision drops what `known` now holds or rejected."""
        if fresh or self._todo is None:
            self._todo = steps.pending(self.mined, self.into)
        else:
            keys, ids = known(self.into)
            self._todo = [
                c
                for c in self._todo
                if c.id not in ids
                and presence_key(str(c.item.get("text", "")), c.item.get("members")) not in keys
            ]
        return self._todo

    def _find(self, entry_id: str) -> steps.Pending:
        for candidate in self._todo if self._todo is not None else self._pending():
            if candidate.id == entry_id:
                return candidate
        raise DrafterError(
            findings=[
                Finding(display_path(self.mined), None, "id", f"no candidate {entry_id!r} left to review")
            ]
        )

    def state(self, fresh: bool = False) -> dict[str, Any]:
        """The next candidate not skipped (None when none is left), with what is left and skipped."""
        todo = self._pending(fresh)
        left = [c for c in todo if c.id not in self.skipped]
        result: dict[str, Any] = {
            "mined": display_path(self.mined),
            "into": display_path(self.into),
            "left": len(todo),
            "skipped": len(todo) - len(left),
            "candidate": None,
            "slots": SLOTS,
            "domains": {k: v[0] for k, v in DOMAINS.items()},
            "types": ENTRY_TYPES,
        }
        if left:
            result["candidate"] = self._shown(left[0])
        return result

    def _shown(self, candidate: steps.Pending) -> dict[str, Any]:
        item = plain(candidate.item)
        text = str(item.get("text", ""))
        return {
            "id": candidate.id,
            "function": candidate.function,
            "file": display_path(candidate.path),
            "text": text,
            "slots": list(slots_of(text)) if "{" in text else [],
            "domain": item.get("domain") or "",
            "type": item.get("type") or "",
            "tags": list(item.get("tags") or []),
            "note": item.get("note") or "",
            "mined": item.get("mined") or {},
            "sources": [str(s) for s in item.get("sources") or []],
            "context": [
                {"number": line.number, "text": line.text, "source": line.source}
                for line in steps.context(candidate, self.corpus, around=2)
            ],
        }

    def decide(self, entry_id: str, action: str, edits: dict[str, Any] | None = None) -> dict[str, Any]:
        """Approve (with `edits` of text, domain, type), reject or skip `entry_id`; then the next."""
        if action == "skip":
            self._find(entry_id)
            self.skipped.add(entry_id)
        elif action == "approve":
            candidate = self._find(entry_id)
            changes = self._checked(candidate, edits or {})
            steps.accept(candidate, self.into, changes)
        elif action == "reject":
            steps.decline(self._find(entry_id), self.into)
        elif action == "unskip":
            self.skipped.clear()
        else:
            message = f"unknown action {action!r} (expected approve, reject, skip or unskip)"
            raise DrafterError(findings=[Finding("request", None, "action", message)])
        return self.state()

    def _checked(self, candidate: steps.Pending, edits: dict[str, Any]) -> dict[str, str]:
        """The edits that change the candidate, after the bank's checks on the entry they make."""
        changes: dict[str, str] = {}
        for key in EDITABLE:
            value = edits.get(key)
            if value is None:
                continue
            if not isinstance(value, str):
                raise DrafterError(findings=[Finding("request", None, key, "expected text")])
            value = value.strip()
            if value != str(candidate.item.get(key) or ""):
                changes[key] = value
        if changes.get("text") == "" and "text" in edits:
            raise DrafterError(findings=[Finding(candidate.id, None, "text", "is empty")])
        data = {**plain(candidate.item), **{k: v for k, v in changes.items() if v}}
        data.setdefault("function", candidate.function)
        data["status"] = "approved"
        try:
            entry = validate_entry(data)
        except ValidationError as exc:
            problems = schema_problems(exc)
        else:
            problems = entry_problems(entry, function_given=False)
        if problems:
            shown = display_path(candidate.path)
            raise DrafterError(
                findings=[Finding(shown, None, ".".join(map(str, loc)), message) for loc, message in problems]
            )
        return changes
