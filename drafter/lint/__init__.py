"""`drafter lint`: what a writer must fix in a draft before it goes to the leader.

A draft is read as numbered paragraphs (`read.read_draft`: .md, .txt or .docx, drafted or edited by
hand); each rule module looks at them and returns findings `DRAFT:PARAGRAPH: rule: message`.
"""

from __future__ import annotations

from pathlib import Path

from drafter.errors import Finding, display_path
from drafter.lint import brief, headings, placeholders, punctuation, repeats
from drafter.lint.read import Paragraph, read_draft

__all__ = ["Paragraph", "lint_draft", "lint_paragraphs", "read_draft"]


def lint_paragraphs(paragraphs: list[Paragraph], brief_text: str | None = None) -> list[tuple[int, str, str]]:
    """`(paragraph number, rule, message)` for every finding, in paragraph order."""
    found = [
        *placeholders.check(paragraphs),
        *repeats.check(paragraphs),
        *headings.check(paragraphs),
        *punctuation.check(paragraphs),
    ]
    if brief_text is not None:
        found.extend(brief.check(paragraphs, brief_text))
    return sorted(found, key=lambda item: item[0])


def lint_draft(path: Path, brief_path: Path | None = None) -> list[Finding]:
    """The findings on one draft file, optionally against the brief it was drafted from."""
    brief_text = brief.read_brief_text(brief_path) if brief_path is not None else None
    shown = display_path(path)
    return [
        Finding(shown, n, rule, message) for n, rule, message in lint_paragraphs(read_draft(path), brief_text)
    ]
