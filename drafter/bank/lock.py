"""Editing a bank folder: one command at a time, every edit whole, an interrupted one completed.

Every function that edits a bank folder (`bank merge`, `bank review`, `bank approve|reject`, and
the web page, which calls the same functions) does it inside `editing(folder)`:

- an OS-level lock on `FOLDER/.drafter.lock` (the `filelock` package: `flock` on POSIX,
  `LockFileEx` on Windows), so two merges into one team bank run one after the other, the second
  seeing what the first added; the lock dies with its process, so a killed command never leaves a
  folder locked;
- the files to write are collected and committed together: when more than one file changes, a
  journal (`FOLDER/.drafter-edit.journal`: each file's new text and the hashes of its text before
  and after) is written first and removed when every file is in place;
- on entering, a journal left by a killed command is found, said in a warning line, and completed:
  a file still as it was before gets its new text, a file already written is left, and a file
  changed by hand since is left as it is and named.

Reading a bank (`load_bank`) takes no lock (every file is replaced whole, so a reader sees each file
before or after an edit), but warns when it finds a journal (`interrupted_edit`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import click

from drafter.atomic import remove_stale_temporaries, write_atomic
from drafter.errors import BankError, Finding, display_path

LOCK_FILE = ".drafter.lock"
JOURNAL_FILE = ".drafter-edit.journal"
LOCK_TIMEOUT = 120.0  # seconds to wait for another command editing the same folder


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


class Edit:
    """The files an edit of one bank folder writes, committed together when the edit ends.

    A plain class: a draft imports this module (`interrupted_edit`), and defining a dataclass
    costs it about half a millisecond (issue 12).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.writes: dict[Path, bytes] = {}
        self.notices: list[str] = []  # what was found on entering (an interrupted edit)

    def write(self, path: Path, text: str | bytes) -> None:
        """Write `text` to `path` (a file of the folder) when the edit commits."""
        self.writes[path] = text.encode("utf-8") if isinstance(text, str) else text

    def read_text(self, path: Path) -> str:
        """The text of `path` as this edit leaves it (what it will write, else what is there)."""
        pending = self.writes.get(path)
        return pending.decode("utf-8") if pending is not None else path.read_text(encoding="utf-8")

    def commit(self) -> None:
        changed = {path: data for path, data in self.writes.items() if _read(path) != data}
        journal = self.folder / JOURNAL_FILE
        if len(changed) > 1:
            record = [
                {
                    "file": path.name,
                    "before": _digest(_read(path)),
                    "after": _digest(data),
                    "text": data.decode("utf-8"),
                }
                for path, data in changed.items()
            ]
            write_atomic(journal, json.dumps({"pid": os.getpid(), "files": record}), force=True)
        for path, data in changed.items():
            write_atomic(path, data, force=True)
        if len(changed) > 1:
            journal.unlink()
        self.writes.clear()


def interrupted_edit(folder: Path) -> Finding | None:
    """A warning when `folder` holds the journal of an edit that did not finish, else None."""
    if not (folder / JOURNAL_FILE).is_file():
        return None
    message = (
        f"an edit of this bank (bank merge, review, approve or reject) was interrupted; {JOURNAL_FILE} "
        "lists its files, and the next of those commands completes it"
    )
    return Finding(display_path(folder), None, "", message, "warning")


def _complete(folder: Path) -> str | None:
    """Complete the edit a journal in `folder` describes; what was done, in one line (None: no journal)."""
    journal = folder / JOURNAL_FILE
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        files = [(str(f["file"]), f["before"], f["after"], str(f["text"])) for f in record["files"]]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink()
        return f"{JOURNAL_FILE}: an interrupted edit's journal is unreadable (removed); check the bank files"
    finished: list[str] = []
    changed_since: list[str] = []
    for name, before, after, text in files:
        path = folder / Path(name).name
        now = _digest(_read(path))
        if now == after:
            continue
        if now == before:
            write_atomic(path, text, force=True)
            finished.append(name)
        else:
            changed_since.append(name)
    journal.unlink()
    message = f"an edit of this bank was interrupted (process {record.get('pid', '?')}): "
    message += f"completed it ({len(files) - len(changed_since)} of {len(files)} files in place"
    message += f", {len(finished)} written now)" if finished else ")"
    if changed_since:
        message += f"; changed by hand since, left as they are: {', '.join(changed_since)}"
    return message


@contextlib.contextmanager
def editing(folder: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[Edit]:
    """Lock bank folder `folder`, complete an interrupted edit, and yield an `Edit` committed on success.

    What an interrupted edit needed is also printed as a warning line on standard error.
    """
    import filelock  # here: only commands that edit a bank need it

    lock = filelock.FileLock(folder / LOCK_FILE, timeout=timeout, is_singleton=True)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise BankError(
            f"{display_path(folder)}: another drafter command is editing this bank ({LOCK_FILE}); "
            f"waited {timeout:g} s, try again when it has ended"
        ) from None
    except OSError as exc:
        raise BankError(
            f"{display_path(folder)}: cannot lock the bank folder: {exc.strerror or exc}"
        ) from None
    try:
        remove_stale_temporaries(folder)
        edit = Edit(folder)
        if done := _complete(folder):
            edit.notices.append(done)
            click.echo(str(Finding(display_path(folder), None, "", done, "warning")), err=True)
        yield edit
        edit.commit()
    finally:
        lock.release()
