"""The GB/T 9704-2012 page: A4, margins 37/35/28/26 mm, 22 lines of 28 characters.

All lengths are twips (1/20 pt, 1/1440 inch) unless the name says otherwise.
Density: exact line spacing of 579 twips gives 22 lines in the 225 mm 版心 height. 28 characters of
3号 (16 pt) need 448 pt, but the 版心 is 156 mm = 442.2 pt wide, so every character is condensed by
0.5 pt (`w:spacing w:val="-10"`): 28 × 15.5 pt = 434 pt fits, 29 (449.5 pt) do not. Condensing by only
0.25 pt also gives 28, but leaves too little room for a closing mark hanging at the end of a justified
line, which LibreOffice then drops from the page altogether. A `linesAndChars` docGrid
would do the same in Word, but LibreOffice draws such a grid with 14 characters a line, so the
section has no character grid and both programs get 28 from the condensed spacing.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

PAGE_WIDTH = 11906  # 210 mm
PAGE_HEIGHT = 16838  # 297 mm
MARGIN_TOP = 2098  # 37 mm
MARGIN_BOTTOM = 1984  # 35 mm
MARGIN_LEFT = 1587  # 28 mm
MARGIN_RIGHT = 1474  # 26 mm
HEADER_DISTANCE = 851  # 15 mm; a speech has no header, Word needs a value
# The page number's line starts about 7 mm below the 版心 (35 mm - 7 mm - one 14 pt line ≈ 22 mm).
FOOTER_DISTANCE = 1247  # 22 mm

LINE_PITCH = 579  # 28.95 pt: 22 lines in 225 mm
CHAR_CONDENSE = -10  # twentieths of a point: 28 characters of 16 pt in 156 mm

BODY_SIZE = 32  # half-points: 3号 16 pt
TITLE_SIZE = 44  # 2号 22 pt
PAGE_NUMBER_SIZE = 28  # 4号 14 pt

BODY_CHAR = 320  # one 3号 character
PAGE_NUMBER_CHAR = 280  # one 4号 character: page numbers sit one character in from the edge

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TITLE_CHARS_PER_LINE = 20  # 2号 characters that fit the 版心 width (442 pt / 21.75 pt)

# Children of w:sectPr that come after w:docGrid, in schema order.
_AFTER_DOCGRID = ("w:printerSettings", "w:sectPrChange")


def apply_page_setup(sect_pr: Any, *, keep_existing: bool) -> None:
    """Give a section A4 paper, the GB/T 9704 margins and line pitch.

    With `keep_existing` (a reference document) only what the section lacks is added.
    """
    pg_sz = sect_pr.find(qn("w:pgSz"))
    if pg_sz is None or not keep_existing:
        pg_sz = sect_pr.get_or_add_pgSz()
        _set(pg_sz, w=PAGE_WIDTH, h=PAGE_HEIGHT)
        pg_sz.attrib.pop(qn("w:orient"), None)
    pg_mar = sect_pr.find(qn("w:pgMar"))
    if pg_mar is None or not keep_existing:
        pg_mar = sect_pr.get_or_add_pgMar()
        _set(
            pg_mar,
            top=MARGIN_TOP,
            bottom=MARGIN_BOTTOM,
            left=MARGIN_LEFT,
            right=MARGIN_RIGHT,
            header=HEADER_DISTANCE,
            footer=FOOTER_DISTANCE,
            gutter=0,
        )
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        _insert_before(sect_pr, grid, _AFTER_DOCGRID)
    elif keep_existing:
        return
    grid.attrib.pop(qn("w:type"), None)  # no character grid: see the module docstring
    grid.attrib.pop(qn("w:charSpace"), None)
    _set(grid, linePitch=LINE_PITCH)


def _set(element: Any, **values: int) -> None:
    for name, value in values.items():
        element.set(qn(f"w:{name}"), str(value))


def _insert_before(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    """Insert `child` before the first existing successor, or append it."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)
