"""The drafting core as the page needs it, in process: brief data in; findings, draft and files out.

A brief from the form is written to a private temporary file under the name the writer knows it
by and read exactly as `drafter check` and `drafter draft` read it, so the page shows the same
messages (`brief.yaml:12: sections.0.points: …`) and drafts what the CLI would draft.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.bank.load import Bank, load_bank
from drafter.compose.suggest import Suggestion
from drafter.compose.templating import TemplateSet
from drafter.errors import DrafterError, Finding
from drafter.web.briefyaml import brief_yaml
from drafter.web.preview import render_html
from drafter.writers import RenderOptions, get_writer

MEDIA_TYPES: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
}


def finding_data(finding: Finding) -> dict[str, Any]:
    """A finding for the page: where it belongs in the form, and the line `drafter check` prints."""
    return {"field": finding.field, "line": finding.line, "severity": finding.severity, "text": str(finding)}


@dataclass
class Workspace:
    """What one `drafter serve` works with: the bank stack and the templates, loaded once."""

    phrasebanks: tuple[Path, ...] = ()
    templates_dir: Path | None = None
    _bank: Bank | None = field(default=None, repr=False)
    _templates: TemplateSet | None = field(default=None, repr=False)

    @property
    def bank(self) -> Bank:
        if self._bank is None:
            self._bank = load_bank(list(self.phrasebanks))
        return self._bank

    def forget_bank(self) -> None:
        """Read the bank again at the next draft (after the review changed the team bank)."""
        self._bank = None

    @property
    def templates(self) -> TemplateSet:
        if self._templates is None:
            self._templates = TemplateSet(self.templates_dir)
        return self._templates

    def template_list(self) -> list[dict[str, str]]:
        return [{"name": i.name, "description": i.description} for i in self.templates.infos.values()]

    def _load(self, data: dict[str, Any], name: str) -> tuple[Any, list[Finding]]:
        """The checked brief (or None) and every finding, as `drafter check` gives them."""
        from drafter.compose.brief_check import check_against_bank, check_font_profile
        from drafter.compose.brief_load import load_brief_located

        with tempfile.TemporaryDirectory(prefix="drafter-web-") as folder:
            path = Path(folder) / (Path(name).name or "brief.yaml")
            path.write_text(brief_yaml(data), encoding="utf-8")
            try:
                loaded = load_brief_located(path, self.templates.names())
            except DrafterError as exc:
                return None, [_renamed(f, name) for f in exc.findings]
        findings = check_against_bank(loaded, self.bank) + check_font_profile(loaded)
        findings = [_renamed(f, name) for f in findings]
        if any(f.is_error for f in findings):
            return None, findings
        return loaded, findings

    def check(self, data: dict[str, Any], name: str = "brief.yaml") -> list[dict[str, Any]]:
        return [finding_data(f) for f in self._load(data, name)[1]]

    def draft(
        self, data: dict[str, Any], seed: int | None = None, name: str = "brief.yaml"
    ) -> dict[str, Any]:
        """The live draft: HTML, length figures, gaps and findings (no HTML when the brief has errors)."""
        from drafter.compose.pipeline import compose

        loaded, findings = self._load(data, name)
        result: dict[str, Any] = {"findings": [finding_data(f) for f in findings], "html": None}
        if loaded is None:
            return result
        try:
            draft = compose(loaded.brief, self.bank, self.templates, seed=seed)
        except DrafterError as exc:
            result["findings"].append({"field": "", "line": None, "severity": "error", "text": str(exc)})
            return result
        warnings = [loaded.finding(w.loc, w.message, "warning") for w in draft.warnings]
        result["findings"] += [finding_data(_renamed(w, name)) for w in warnings]
        result.update(
            html=render_html(draft.document),
            used=sorted({s.entry_id for s in draft.document.spans() if s.entry_id is not None}),
            suggestions=self._suggestions(loaded),
            length=draft.length.summary(),
            chars=draft.length.chars,
            target=draft.length.target,
            gaps=[span.text for span in draft.document.gaps()],
            seed=draft.seed,
        )
        return result

    def _suggestions(self, loaded: Any, top: int = 5) -> dict[str, Any]:
        """What `drafter suggest` shows, per point: material with its score, formulas, sources."""
        from drafter.compose.suggest import suggest

        domain, points = suggest(loaded.brief, self.bank, top)
        return {
            "domain": domain,
            "points": [
                {
                    "path": ".".join(str(part) for part in point.loc),
                    "key": point.key,
                    "heading": point.heading,
                    "material": [_suggestion(s) for s in point.material],
                    "formulas": [_suggestion(s) for s in point.formulas],
                }
                for point in points
            ],
        }

    def file(
        self, data: dict[str, Any], fmt: str, seed: int | None = None, name: str = "brief.yaml"
    ) -> bytes:
        """The draft as a file of format `fmt` (docx, md, txt, or pdf when LibreOffice is there)."""
        from drafter.compose.pipeline import compose

        loaded, findings = self._load(data, name)
        if loaded is None:
            raise DrafterError(findings=[f for f in findings if f.is_error])
        draft = compose(loaded.brief, self.bank, self.templates, seed=seed)
        if fmt == "pdf":
            return _pdf(get_writer("docx")(draft.document, RenderOptions()))
        if fmt not in MEDIA_TYPES:
            raise DrafterError(f"format: expected one of {', '.join(MEDIA_TYPES)}, got {fmt!r}")
        return get_writer(fmt)(draft.document, RenderOptions())


def _suggestion(item: Suggestion) -> dict[str, Any]:
    return {
        "id": item.id,
        "score": item.score,
        "text": item.text,
        "sources": list(item.sources),
        "drafted": item.drafted,
    }


def _renamed(finding: Finding, name: str) -> Finding:
    """A finding about the temporary file, named as the writer's brief."""
    return Finding(name, finding.line, finding.field, finding.message, finding.severity, finding.column)


def _pdf(docx: bytes) -> bytes:
    from drafter.writers.docx.preview import render_pdf

    with tempfile.TemporaryDirectory(prefix="drafter-web-pdf-") as folder:
        source = Path(folder) / "draft.docx"
        source.write_bytes(docx)
        return render_pdf(source, Path(folder) / "out").read_bytes()
