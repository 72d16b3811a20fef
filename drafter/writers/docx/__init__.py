"""The GB/T 9704-2012 .docx writer: `write_docx(document, options) -> bytes`.

The steps, each in its own module: open the base document (`base`: drafter's own, or the office's
`--reference-docx`), set up the page (`layout`), install the named styles for a font profile
(`fonts`, `styles`) and the font table with East Asian fallbacks (`fonttable`), write the text
(`body`, `titles`), add page-number footers (`footer`) and, with `--annotate`, provenance comments
(`comments`), then save with pinned properties and timestamps (`package`). See docs/docx.md.
"""

from __future__ import annotations

from typing import Any

from drafter.document import Document
from drafter.writers import RenderOptions
from drafter.writers.docx import base, fonttable, layout, package, styles
from drafter.writers.docx.body import write_body
from drafter.writers.docx.fonts import FontProfile, FontProfileError, resolve_profile
from drafter.writers.docx.footer import add_page_number_footers

__all__ = ["FontProfile", "FontProfileError", "write_docx"]


def write_docx(doc: Document, options: RenderOptions) -> bytes:
    """Serialise `doc` as an official-format .docx; the same Document and options give the same bytes."""
    profile = resolve_profile(options.font_profile or doc.meta.font_profile)
    reference = options.reference_docx is not None
    document = base.open_reference(options.reference_docx) if options.reference_docx else base.open_base()
    body = document.element.body
    _clear_body(body)
    if reference:
        from drafter.writers.docx import comments  # only reference documents and --annotate need it

        comments.drop_existing_comments(document)
    section = document.sections[-1]
    layout.apply_page_setup(section._sectPr, keep_existing=reference)
    styles_element = document.styles.element
    if not reference:
        styles.set_document_defaults(styles_element, profile)
    style_ids = styles.install_styles(styles_element, profile, keep_existing=reference)
    fonttable.add_font_table(document, profile)
    placed = write_body(body, doc, style_ids)
    if not (reference and _has_footer(section)):
        add_page_number_footers(document, style_ids)
    if options.annotate:
        from drafter.writers.docx import comments

        comments.annotate(document, placed, doc.meta.date)
    title = doc.meta.title or "".join(doc.title)
    package.set_core_properties(document, doc.meta, title)
    return package.save_pinned(document, doc.meta.date)


def _clear_body(body: Any) -> None:
    """Remove everything but the final section properties (a reference document's own text goes)."""
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _has_footer(section: Any) -> bool:
    """Whether a reference document's section brings footers of its own."""
    return bool(section._sectPr.xpath("./w:footerReference"))
