"""Writing mined formulas as a phrase-bank folder: one YAML file per function, best first.

Every entry has status `candidate`, its sources (`FILE:LINE`) and `mined: {documents, count,
score}`, in the format of `drafter.bank.model`. Ids are the function plus a short stable hash of
the formula's key, so that a re-run gives the same ids. The folder is staged beside OUT and moved
into place whole (a new or empty OUT: one `rename`, which fails when another run filled OUT first,
so of two runs to one new OUT exactly one succeeds) or, with `force`, file by file with
`os.replace`; a reader never sees a half-written file. A staging folder left by a killed run is
removed by the next (`drafter.atomic.remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import math
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from drafter.atomic import mode_for_new, remove_stale_temporaries, temporary_prefix
from drafter.errors import MineError, display_path
from drafter.miner.aggregate import Formula
from drafter.miner.kind import kind_of
from drafter.vocabulary import FUNCTIONS

_Dumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def entry_id(function: str, key: str) -> str:
    """`heading_set.3f9a0c1b2d`: stable across runs for the same formula."""
    digest = hashlib.sha1(f"{function}\n{key}".encode()).hexdigest()[:10]
    return f"{function}.{digest}"


def entry_data(formula: Formula, rejected_ids: frozenset[str] = frozenset()) -> dict[str, Any]:
    """One bank entry as plain data, keys in the order a reviewer reads them.

    An entry rejected in OUT before (`drafter bank reject ID --bank OUT`, listed in its
    `rejected.txt`) is written `deprecated`, so that mining again does not bring it back.
    """
    data: dict[str, Any] = {"id": entry_id(formula.function, formula.key), "text": formula.text}
    # a set's field is read from its members (the note lists them), each on its own
    basis = (
        formula.note if formula.members is not None and formula.note else formula.text + (formula.note or "")
    )
    kind, domain = kind_of(formula.function, basis)
    data["type"] = kind
    if domain:
        data["domain"] = domain
    if formula.tags:
        data["tags"] = list(formula.tags)
    data["status"] = "deprecated" if data["id"] in rejected_ids else "candidate"
    data["sources"] = list(formula.sources)
    if formula.members is not None:
        data["members"] = [dict(values) for values in formula.members]
    if formula.note:
        data["note"] = formula.note
    data["mined"] = {"documents": formula.documents, "count": formula.count, "score": formula.score}
    return data


def render_file(
    function: str, formulas: Sequence[Formula], documents: int, rejected_ids: frozenset[str] = frozenset()
) -> str:
    """The YAML text of one bank file."""
    header = (
        f"# drafter mine 从 {documents} 篇讲话中挖掘的候选词条（{FUNCTIONS.get(function, function)}），"
        "按评分从高到低排列。\n"
        "# 审阅后把要保留的词条改为 status: approved，或用 drafter bank merge 并入词库。\n"
    )
    body = {"function": function, "entries": [entry_data(f, rejected_ids) for f in formulas]}
    try:
        node = _node(body)
    except TypeError:  # a value of a type `_node` does not know: what PyYAML makes of it
        dumped = yaml.dump(body, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    else:
        dumped = yaml.serialize(node, Dumper=_Dumper, allow_unicode=True, width=1000)
    return header + str(dumped)


def _node(data: Any) -> yaml.Node:
    """The node `yaml.dump(data, sort_keys=False)` represents `data` by (half the time of the dump).

    For the plain data of `entry_data` only (no value twice, so no aliases); TypeError for any other.
    """
    kind = type(data)
    if kind is str:
        return yaml.ScalarNode(_STR, data)
    if kind is dict:
        return yaml.MappingNode(
            _MAP, [(_node(key), _node(value)) for key, value in data.items()], flow_style=False
        )
    if kind is list:
        return yaml.SequenceNode(_SEQ, [_node(item) for item in data], flow_style=False)
    if kind is int:
        return yaml.ScalarNode(_INT, str(data))
    if kind is float and math.isfinite(data):
        value = repr(data).lower()
        return yaml.ScalarNode(
            _FLOAT, value.replace("e", ".0e", 1) if "." not in value and "e" in value else value
        )
    raise TypeError(f"not represented here: {kind.__name__}")


def _rejected_ids(out: Path) -> frozenset[str]:
    """The ids rejected in an existing OUT (its `rejected.txt`), to be written `deprecated` again."""
    if not (out / "rejected.txt").is_file():  # drafter.bank.known.REJECTS_FILE, not imported yet
        return frozenset()
    from drafter.bank.known import rejected  # only then: it loads the bank machinery (~80 ms)

    return frozenset(rejected(out))


def check_output(out: Path, *, force: bool) -> None:
    """Fail early (before mining) if OUT cannot be the output folder."""
    shown = display_path(out)
    if out.exists() and not out.is_dir():
        raise MineError(f"{shown}: is a file, expected a folder for the mined bank files")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise MineError(f"{shown}: already exists and is not empty (use --force to overwrite)")
    probe = out.parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise MineError(f"{shown}: cannot write here (folder {display_path(probe)} is not writable)")


def write_bank(
    by_function: dict[str, list[Formula]], out: Path, *, documents: int, force: bool
) -> list[Path]:
    """Write one file per function into OUT; returns the files written."""
    check_output(out, force=force)
    rejected_ids = _rejected_ids(out)
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(parent)
        stage = Path(tempfile.mkdtemp(prefix=temporary_prefix(out.name), dir=parent))
    except OSError as exc:
        raise MineError(f"{display_path(out)}: cannot write: {exc.strerror}") from None
    names: list[str] = []
    try:
        for function, formulas in sorted(by_function.items()):
            if formulas:
                name = f"{function}.yaml"
                (stage / name).write_text(
                    render_file(function, formulas, documents, rejected_ids), encoding="utf-8"
                )
                names.append(name)
        if not force or not out.exists():
            os.chmod(stage, mode_for_new(0o777))  # mkdtemp's folder is its owner's alone
            try:
                os.rename(stage, out)  # onto a missing or empty folder only
            except OSError as exc:
                if exc.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR, errno.ENOTDIR):
                    raise MineError(
                        f"{display_path(out)}: already exists and is not empty (use --force to overwrite)"
                    ) from None
                raise
        else:
            for name in names:
                os.replace(stage / name, out / name)
            for function in FUNCTIONS:  # files of an earlier run that this run did not produce
                stale = out / f"{function}.yaml"
                if f"{function}.yaml" not in names and stale.exists():
                    stale.unlink()
    except OSError as exc:
        raise MineError(f"{display_path(out)}: cannot write: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(stage)
    return [out / name for name in names]
