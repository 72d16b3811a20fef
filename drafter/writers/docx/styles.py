"""The named styles of a draft, so that a writer restyles the whole speech in Word in one place.

Every paragraph of a draft uses one of these paragraph styles; the heading sentence of a run-in
heading uses the character style linked to its heading style. All speech styles are based on
讲话正文, which carries the line pitch and character condensing of the page grid. Fonts are given
for every script slot (`w:eastAsia` for Chinese, the Latin font for digits and letters), with
`w:hint="eastAsia"` so that quotes, dashes and ellipses take the Chinese font, and never through
theme fonts. Names avoid the Chinese display names of Word's built-in styles (正文, 标题, 页脚).
"""

from __future__ import annotations

import copy
from typing import Any, NamedTuple

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter.writers.docx import layout
from drafter.writers.docx.fonts import FontProfile


class StyleSpec(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """One named style of the built-in layout."""

    name: str  # what Word shows, and what a reference document is searched for
    style_id: str
    kind: str  # "paragraph" or "character"
    based_on: str | None  # the *name* of the parent style
    font: str  # a FontProfile role
    size: int = layout.BODY_SIZE  # half-points
    bold: bool = False
    centred: bool = False
    indent: bool = True  # two-character first-line indent
    space_before: int = 0  # twips
    outline_level: int | None = None
    keep_next: bool = False
    link: str | None = None  # the name of the linked paragraph/character style
    grid: bool = True  # exact line pitch and condensed characters of the page grid


BODY = "讲话正文"
TITLE = "讲话标题"
SUBTITLE = "讲话副标题"
BYLINE = "讲话署名"
SALUTATION = "称谓"
HEADINGS = ("一级标题", "二级标题", "三级标题", "四级标题")
HEADING_CHARS = tuple(f"{name} 字符" for name in HEADINGS)
PAGE_NUMBER = "页码"

_HEADING_FONTS = ("heiti", "kaiti", "fangsong", "fangsong")
_HEADING_BOLD = (False, False, True, False)

SPECS: tuple[StyleSpec, ...] = (
    StyleSpec(BODY, "SpeechBody", "paragraph", "Normal", "fangsong"),
    StyleSpec(
        TITLE,
        "SpeechTitle",
        "paragraph",
        BODY,
        "title",
        size=layout.TITLE_SIZE,
        centred=True,
        indent=False,
        keep_next=True,
    ),
    StyleSpec(
        SUBTITLE, "SpeechSubtitle", "paragraph", BODY, "kaiti", centred=True, indent=False, keep_next=True
    ),
    StyleSpec(BYLINE, "SpeechByline", "paragraph", BODY, "kaiti", centred=True, indent=False, keep_next=True),
    StyleSpec(
        SALUTATION,
        "SpeechSalutation",
        "paragraph",
        BODY,
        "fangsong",
        indent=False,
        space_before=layout.LINE_PITCH,
    ),
    *(
        StyleSpec(
            name,
            f"SpeechHeading{level}",
            "paragraph",
            BODY,
            font,
            bold=bold,
            outline_level=level - 1,
            keep_next=True,
            link=f"{name} 字符",
        )
        for level, (name, font, bold) in enumerate(
            zip(HEADINGS, _HEADING_FONTS, _HEADING_BOLD, strict=True), 1
        )
    ),
    *(
        StyleSpec(f"{name} 字符", f"SpeechHeading{level}Char", "character", None, font, bold=bold, link=name)
        for level, (name, font, bold) in enumerate(
            zip(HEADINGS, _HEADING_FONTS, _HEADING_BOLD, strict=True), 1
        )
    ),
    StyleSpec(
        PAGE_NUMBER,
        "SpeechPageNumber",
        "paragraph",
        "Normal",
        "songti",
        size=layout.PAGE_NUMBER_SIZE,
        indent=False,
        grid=False,
    ),
)

# Styles python-docx's comments refer to; added only when missing, with plain small text.
_COMMENT_STYLES = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="CommentReference">'
    '<w:name w:val="annotation reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>',
)


def font_element(latin: str, east_asian: str) -> Any:
    """`w:rFonts` with every script slot named and no theme fonts."""
    return OxmlElement(
        "w:rFonts",
        attrs={
            qn("w:ascii"): latin,
            qn("w:hAnsi"): latin,
            qn("w:eastAsia"): east_asian,
            qn("w:cs"): latin,
            qn("w:hint"): "eastAsia",
        },
    )


def set_document_defaults(styles_element: Any, profile: FontProfile) -> None:
    """Body fonts in docDefaults, so that anything unstyled (comments, footers) is Chinese too."""
    r_pr = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    old = r_pr.find(qn("w:rFonts"))
    new = font_element(profile.latin, profile.fangsong)
    if old is None:
        r_pr.insert(0, new)
    else:
        old.addprevious(new)
        r_pr.remove(old)


def install_styles(styles_element: Any, profile: FontProfile, *, keep_existing: bool) -> dict[str, str]:
    """Add the named styles; returns style name → style id for the writer to use.

    With `keep_existing` (a reference document) a style the document already has by name is used
    as it is, and only missing ones are added: the office's design wins.
    """
    existing = {
        (s.get(qn("w:type")), name.get(qn("w:val"))): s.get(qn("w:styleId"))
        for s in styles_element.iterfind(qn("w:style"))
        if (name := s.find(qn("w:name"))) is not None
    }
    used_ids = {s.get(qn("w:styleId")) for s in styles_element.iterfind(qn("w:style"))}
    ids: dict[str, str] = {"Normal": _normal_id(styles_element)}
    taken_from_reference: set[str] = set()
    for spec in SPECS:
        if keep_existing and (spec.kind, spec.name) in existing:
            ids[spec.name] = existing[(spec.kind, spec.name)]
            taken_from_reference.add(spec.name)
            continue
        style_id = spec.style_id
        while style_id in used_ids:  # a reference document may use our id for a style of its own
            style_id += "X"
        used_ids.add(style_id)
        ids[spec.name] = style_id
        element = _style_element(spec, style_id, ids, profile)
        if spec.kind == "character" and spec.link in taken_from_reference:
            _copy_run_properties(styles_element, ids[spec.link], element)
        styles_element.append(element)
    for spec in SPECS:  # links both ways, now that every id is known
        if spec.link and spec.name not in taken_from_reference:
            _set_child(_find_style(styles_element, ids[spec.name]), "w:link", ids[spec.link])
    for xml in _COMMENT_STYLES:
        element = parse_xml(xml)
        if element.get(qn("w:styleId")) not in used_ids:
            styles_element.append(element)
    return ids


def _style_element(spec: StyleSpec, style_id: str, ids: dict[str, str], profile: FontProfile) -> Any:
    style = OxmlElement("w:style", attrs={qn("w:type"): spec.kind, qn("w:styleId"): style_id})
    style.append(OxmlElement("w:name", attrs={qn("w:val"): spec.name}))
    parent = spec.based_on or "DefaultParagraphFont"
    style.append(OxmlElement("w:basedOn", attrs={qn("w:val"): ids.get(parent, parent)}))
    if spec.kind == "paragraph":
        style.append(OxmlElement("w:next", attrs={qn("w:val"): ids.get(BODY, "SpeechBody")}))
    style.append(OxmlElement("w:uiPriority", attrs={qn("w:val"): "1"}))
    style.append(OxmlElement("w:qFormat"))
    if spec.kind == "paragraph":
        style.append(_paragraph_properties(spec))
    style.append(_run_properties(spec, profile))
    return style


def _paragraph_properties(spec: StyleSpec) -> Any:
    p_pr = OxmlElement("w:pPr")
    if spec.keep_next:
        p_pr.append(OxmlElement("w:keepNext"))
    if spec.name == BODY:  # no widow control: every full page keeps its 22 lines
        p_pr.append(OxmlElement("w:widowControl", attrs={qn("w:val"): "0"}))
    if spec.font == "title":
        p_pr.append(OxmlElement("w:snapToGrid", attrs={qn("w:val"): "0"}))
    spacing = {qn("w:before"): str(spec.space_before), qn("w:after"): "0"}
    if spec.grid:
        spacing |= {qn("w:line"): str(layout.LINE_PITCH), qn("w:lineRule"): "exact"}
    else:
        spacing |= {qn("w:line"): "240", qn("w:lineRule"): "auto"}
    p_pr.append(OxmlElement("w:spacing", attrs=spacing))
    if spec.indent:
        indent = {qn("w:firstLineChars"): "200", qn("w:firstLine"): str(2 * layout.BODY_CHAR)}
    else:
        indent = {qn("w:firstLineChars"): "0", qn("w:firstLine"): "0", qn("w:left"): "0", qn("w:right"): "0"}
    p_pr.append(OxmlElement("w:ind", attrs=indent))
    p_pr.append(OxmlElement("w:jc", attrs={qn("w:val"): "center" if spec.centred else "both"}))
    if spec.outline_level is not None:
        p_pr.append(OxmlElement("w:outlineLvl", attrs={qn("w:val"): str(spec.outline_level)}))
    return p_pr


def _run_properties(spec: StyleSpec, profile: FontProfile) -> Any:
    r_pr = OxmlElement("w:rPr")
    east_asian = getattr(profile, spec.font)
    latin = profile.songti if spec.font == "songti" else profile.latin
    r_pr.append(font_element(latin, east_asian))
    bold = spec.bold or (spec.font == "title" and profile.title_bold)
    for tag in ("w:b", "w:bCs"):
        r_pr.append(OxmlElement(tag, attrs={qn("w:val"): "1" if bold else "0"}))
    if spec.grid and spec.kind == "paragraph":
        r_pr.append(OxmlElement("w:spacing", attrs={qn("w:val"): str(layout.CHAR_CONDENSE)}))
    elif not spec.grid:
        r_pr.append(OxmlElement("w:spacing", attrs={qn("w:val"): "0"}))
    r_pr.append(OxmlElement("w:sz", attrs={qn("w:val"): str(spec.size)}))
    r_pr.append(OxmlElement("w:szCs", attrs={qn("w:val"): str(spec.size)}))
    # A page number is all digits and dashes: Chinese as its Latin language too, so that `—` is a
    # full-width 一字线 even where a program ignores w:hint.
    latin_lang = "zh-CN" if spec.font == "songti" else "en-US"
    r_pr.append(OxmlElement("w:lang", attrs={qn("w:val"): latin_lang, qn("w:eastAsia"): "zh-CN"}))
    return r_pr


def _normal_id(styles_element: Any) -> str:
    for style in styles_element.iterfind(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
            return str(style.get(qn("w:styleId")))
    return "Normal"


def _find_style(styles_element: Any, style_id: str) -> Any:
    for style in styles_element.iterfind(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    raise KeyError(style_id)


def _set_child(style: Any, tag: str, value: str) -> None:
    """Set a `w:link`-like child, placed after w:basedOn/w:next as the schema orders them."""
    old = style.find(qn(tag))
    if old is not None:
        style.remove(old)
    anchor = style.find(qn("w:next"))
    if anchor is None:
        anchor = style.find(qn("w:basedOn"))
    anchor.addnext(OxmlElement(tag, attrs={qn("w:val"): value}))


def _copy_run_properties(styles_element: Any, source_id: str, target: Any) -> None:
    """Make a character style look like the reference's paragraph style it is linked to."""
    source = _find_style(styles_element, source_id).find(qn("w:rPr"))
    if source is None:
        return
    old = target.find(qn("w:rPr"))
    target.remove(old)
    target.append(copy.deepcopy(source))
