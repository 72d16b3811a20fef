"""Page numbers `— N —`: 4号 宋体, odd pages at the right and even pages at the left, one character in.

Word has no page-number object, only a `PAGE` field, which python-docx cannot make: it is built
here from `w:fldChar begin / w:instrText / separate / cached result / end`. Odd and even pages get
their own footers (the default footer serves odd pages once `w:evenAndOddHeaders` is on). That
switch applies to headers too: a house template's header is then copied to the even pages, which
would otherwise have none.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.writers.docx import layout, styles
from drafter.writers.docx.body import run_element

DASH = "—"  # U+2014, the 一字线 on each side of the number


def add_page_number_footers(document: Any, style_ids: dict[str, str]) -> None:
    """Odd-page (default) and even-page footers with the page number, on every section."""
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        section.different_first_page_header_footer = False
        _fill(section.footer, style_ids[styles.PAGE_NUMBER], odd=True)
        _fill(section.even_page_footer, style_ids[styles.PAGE_NUMBER], odd=False)
        _even_header_from_default(section)


_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _even_header_from_default(section: Any) -> None:
    """Give even pages the section's own header when it has one and no even header of its own.

    The header's relationships (a letterhead image, a hyperlink) are carried over and renumbered.
    """
    default, even = section.header, section.even_page_header
    if default.is_linked_to_previous or not even.is_linked_to_previous:
        return
    source_part = default.part
    even.is_linked_to_previous = False
    target_part = even.part
    root = even._element
    for child in list(root):
        root.remove(child)
    renumbered: dict[str, str] = {}
    for child in default._element:
        copied = copy.deepcopy(child)
        for element in copied.iter():
            for name, value in list(element.attrib.items()):
                if not name.startswith(_R_NS) or value not in source_part.rels:
                    continue
                if value not in renumbered:
                    rel = source_part.rels[value]
                    target = rel.target_ref if rel.is_external else rel.target_part
                    renumbered[value] = target_part.relate_to(
                        target, rel.reltype, is_external=rel.is_external
                    )
                element.set(name, renumbered[value])
        root.append(copied)


def _fill(footer: Any, style_id: str, *, odd: bool) -> None:
    footer.is_linked_to_previous = False
    root = footer._element
    for child in list(root):
        root.remove(child)
    root.append(page_number_paragraph(style_id, odd=odd))


def page_number_paragraph(style_id: str, *, odd: bool) -> Any:
    """`— N —` aligned right (odd) or left (even), one 4号 character from the edge of the 版心."""
    paragraph = OxmlElement("w:p")
    p_pr = OxmlElement("w:pPr")
    p_pr.append(OxmlElement("w:pStyle", attrs={qn("w:val"): style_id}))
    side = "right" if odd else "left"
    p_pr.append(OxmlElement("w:ind", attrs={qn(f"w:{side}"): str(layout.PAGE_NUMBER_CHAR)}))
    p_pr.append(OxmlElement("w:jc", attrs={qn("w:val"): side}))
    paragraph.append(p_pr)
    paragraph.append(run_element(f"{DASH} "))
    for run in _page_field_runs():
        paragraph.append(run)
    paragraph.append(run_element(f" {DASH}"))
    return paragraph


def _page_field_runs() -> list[Any]:
    """The runs of a complex `PAGE` field showing the current page number (cached result `1`)."""
    instruction = run_element()
    instr_text = OxmlElement("w:instrText")
    instr_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_text.text = " PAGE "
    instruction.append(instr_text)
    return [
        _fld_char_run("begin"),
        instruction,
        _fld_char_run("separate"),
        run_element("1"),
        _fld_char_run("end"),
    ]


def _fld_char_run(kind: str) -> Any:
    run = run_element()
    run.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))
    return run
