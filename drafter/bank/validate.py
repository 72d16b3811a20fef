"""`drafter bank validate`: everything `load_bank` rejects, and what only the whole bank shows.

Errors: anything that stops loading (schema, YAML, encoding, duplicate ids in one folder, unknown
functions and slots, heading-set members that do not fill the skeleton), two approved entries with
the same text (ignoring punctuation and spaces), sources whose file is missing or unreadable or
whose line is out of range.
Warnings: the same text where either entry is a candidate (deprecated entries are not compared),
near-duplicate texts, material (`type: material`, or untyped requirement, parallel, quote and
problem entries) that carries a particular of its source (`bank.particulars`), unknown topic
tags and speech kinds, an entry filed under another function's file, a bank folder without a
corpus to check sources against, files not named *.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drafter.bank.corpus import Corpus
from drafter.bank.folder import folder_files
from drafter.bank.load import Bank, Origin, assemble, bank_layers, paused_gc
from drafter.bank.model import SOURCE_PATTERN, Entry
from drafter.bank.particulars import describe, find_particulars
from drafter.bank.similar import similar_pairs
from drafter.bank.text import comparable
from drafter.errors import Finding, display_path
from drafter.vocabulary import KINDS, TOPIC_TAGS, kind_name

DEFAULT_SIMILARITY = 0.8
# Untyped entries of these functions are material unless marked `type: formula`.
MATERIAL_FUNCTIONS = frozenset({"requirement", "parallel", "quote", "problem"})
MIN_COMPARED_LENGTH = 6  # shorter texts (`谢谢大家！`) are only compared exactly


@dataclass(frozen=True)
class Report:
    """The findings of one validation, errors and warnings, in file and line order."""

    findings: tuple[Finding, ...]
    entries: int
    files: int

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    def summary(self) -> str:
        """One line for the end of the output."""
        return (
            f"{_count(self.entries, 'entry', 'entries')} in {_count(self.files, 'file')}: "
            f"{_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')}"
        )


def _count(number: int, one: str, many: str = "") -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def _sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.file, finding.line or 0, finding.column or 0, finding.field)


class _Checker:
    """Cross-entry checks over the entries of the reported layers."""

    def __init__(self, bank: Bank, reported: set[int], corpus: Corpus) -> None:
        self.bank, self.reported, self.corpus = bank, reported, corpus
        self.findings: list[Finding] = []

    def _at(self, entry_id: str, name: str, message: str, severity: str = "error") -> None:
        origin = self.bank.field_origin(entry_id, name)
        if origin is None or origin.layer not in self.reported:
            return
        line = origin.line_of(name)
        self.findings.append(Finding(display_path(origin.path), line, entry_id, message, severity))

    def _where(self, entry_id: str) -> str:
        origin = self.bank.field_origin(entry_id, "text")
        return f"{display_path(origin.path)}:{origin.line_of('text')}" if origin else "?"

    def duplicates(self, similarity: float) -> None:
        live = [(key, entry) for key, entry in self.bank.entries.items() if entry.status != "deprecated"]
        by_text: dict[str, list[str]] = defaultdict(list)
        for key, entry in live:
            by_text[comparable(entry)].append(key)
        for keys in by_text.values():
            approved = [key for key in keys if self.bank.entries[key].status == "approved"]
            for later in keys[1:]:
                # Two approved entries would both be drafted; a candidate is only noise for reviewers.
                both_draftable = later in approved and later != approved[0]
                earlier = approved[0] if both_draftable else keys[0]
                message = f"same text as {earlier} ({self._where(earlier)}), ignoring punctuation and spaces"
                self._at(later, "text", message, "error" if both_draftable else "warning")
        texts = [text for text in by_text if len(text) >= MIN_COMPARED_LENGTH]
        position = {key: n for n, key in enumerate(self.bank.entries)}
        for i, j, score in similar_pairs(texts, similarity):
            first, second = sorted((by_text[texts[i]][0], by_text[texts[j]][0]), key=position.__getitem__)
            message = f"near-duplicate of {first} ({self._where(first)}): similarity {score:.2f}"
            self._at(second, "text", message, "warning")

    def vocabulary(self, entry_id: str, entry: Entry) -> None:
        for tag in entry.tags:
            if tag not in TOPIC_TAGS:
                self._at(
                    entry_id, "tags", f"unknown topic tag {tag!r} (not one of the built-in tags)", "warning"
                )
        for kind in entry.kinds:
            if kind_name(kind) not in KINDS:  # an old name (`summary`) still names its kind
                message = f"unknown speech kind {kind!r} (known: {', '.join(KINDS)})"
                self._at(entry_id, "kinds", message, "warning")

    def sources(self, entry_id: str, entry: Entry) -> None:
        origin = self.bank.field_origin(entry_id, "sources")
        if origin is None or origin.layer not in self.reported:
            return
        if not self.corpus.folders_for(origin.folder):
            return  # reported once per folder by `corpus_folders`
        lines = origin.source_lines if "sources" in origin.given else ()
        for number, source in enumerate(entry.sources):
            found = self.corpus.find(source, origin.folder)
            if found.problem:
                line = lines[number] if number < len(lines) else origin.line_of("sources")
                self.findings.append(Finding(display_path(origin.path), line, entry_id, found.problem))

    def particulars(self, entry_id: str, entry: Entry) -> None:
        """Material that carries a particular of its source (a warning; `--strict` fails on it)."""
        material = entry.type == "material" or (entry.type is None and entry.function in MATERIAL_FUNCTIONS)
        if not material or entry.status == "deprecated":
            return
        found = find_particulars(entry.text)
        if found:
            message = (
                f"text: carries a particular ({describe(found)}) — make it a slot "
                "or mark it status: deprecated"
            )
            self._at(entry_id, "text", message, "warning")

    def rejected_sources(self, origin: Origin) -> None:
        """Sources of an entry that failed to load, checked all the same: one problem never hides another."""
        raw = origin.item.raw or {}
        written = raw.get("sources")
        if not isinstance(written, list) or not self.corpus.folders_for(origin.folder):
            return
        lines = origin.source_lines
        label = origin.item.label()
        for number, source in enumerate(written):
            if not isinstance(source, str) or not re.match(SOURCE_PATTERN, source):
                continue  # not FILE:LINE: the entry's own error says so
            found = self.corpus.find(source, origin.folder)
            if found.problem:
                line = lines[number] if number < len(lines) else origin.line_of("sources")
                self.findings.append(Finding(display_path(origin.path), line, label, found.problem))

    def filed_function(self, entry_id: str, entry: Entry) -> None:
        origin = self.bank.origin(entry_id)
        if origin is None or origin.layer not in self.reported:
            return
        function = origin.file.function
        if function and entry.function != function:
            message = f"entry of function {entry.function} in a file of function {function}"
            self._at(entry_id, "function", message, "warning")


def _folder_findings(folder: Path, corpus: Corpus) -> list[Finding]:
    shown = display_path(folder)
    findings = []
    if folder.is_dir():
        for path in sorted(p for p in folder.glob("*.yml") if not p.name.startswith(".")):
            message = "ignored: bank files must end in .yaml"
            findings.append(Finding(display_path(path), None, "", message, "warning"))
        if not folder_files(folder).bank:
            findings.append(Finding(shown, None, "", "no bank files (*.yaml) in this folder", "warning"))
        if not corpus.folders_for(folder):
            message = "no corpus/ subfolder and no --corpus given: sources not checked"
            findings.append(Finding(shown, None, "", message, "warning"))
    return findings


def validate_bank(
    folders: Sequence[Path] = (),
    *,
    builtin: bool = True,
    corpus: Sequence[Path] = (),
    similarity: float = DEFAULT_SIMILARITY,
) -> Report:
    """Validate bank folders stacked over the built-in bank (or the built-in bank when none given).

    Findings are reported for the given folders only; the built-in bank below them is used to
    resolve overrides and duplicates. Problems that stop the stack from loading are always reported.
    """
    with paused_gc():
        return _validate(bank_layers(folders, builtin=builtin), len(folders), corpus, similarity)


def _validate(layers: list[Path], given: int, corpus: Sequence[Path], similarity: float) -> Report:
    reported = set(range(len(layers) - given, len(layers))) if given else set(range(len(layers)))
    bank, findings = assemble(layers)
    sources = Corpus(extra=corpus)
    checker = _Checker(bank, reported, sources)
    checker.duplicates(similarity)
    for entry_id, entry in bank.entries.items():
        checker.vocabulary(entry_id, entry)
        checker.sources(entry_id, entry)
        checker.filed_function(entry_id, entry)
        checker.particulars(entry_id, entry)
    rejected = [origin for origin in bank.rejected if origin.layer in reported]
    for origin in rejected:
        checker.rejected_sources(origin)
    for layer in sorted(reported):
        findings.extend(_folder_findings(layers[layer], sources))
    files = sum(len(folder_files(layers[layer]).bank) for layer in reported if layers[layer].is_dir())
    # every entry written in a reported folder, loaded or not (an override counts where it is written)
    origins = [*(o for chain in bank.origins.values() for o in chain), *bank.rejected]
    written = {(o.layer, str(o.path), o.item.position) for o in origins}
    entries = sum(1 for layer, _, _ in written if layer in reported)
    all_findings = sorted([*findings, *checker.findings], key=_sort_key)
    return Report(tuple(all_findings), entries, files)
