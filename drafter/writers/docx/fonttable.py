"""The font table (`word/fontTable.xml`): what Word needs to stand in for a font a PC lacks.

GB/T 9704 names 仿宋_GB2312 and 楷体_GB2312, which Windows 10 and later no longer ship; without a
font table Word has no hint and falls back to its default East Asian font (宋体/等线). Each font the
profile names gets an entry with its alternative name (the font Windows does ship: 仿宋_GB2312 →
仿宋, whose English name is FangSong), its PANOSE class, the GB2312 character set (0x86) and family
and pitch, which Word uses to choose the closest installed font. A reference .docx keeps its own
table; entries it lacks are added.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree  # type: ignore[import-untyped]

from drafter.writers.docx.fonts import FontProfile


class FontFacts(NamedTuple):
    """What the font table says about one font."""

    alt_name: str | None
    panose: str
    charset: str  # hex: 86 is GB2312, 00 ANSI
    family: str  # roman | swiss | modern | script | decorative | auto
    pitch: str  # fixed | variable


GB2312 = "86"

# PANOSE, family and pitch as Word records them for these fonts on a Chinese Windows PC.
KNOWN_FONTS: dict[str, FontFacts] = {
    "仿宋_GB2312": FontFacts("仿宋", "02010609030101010101", GB2312, "modern", "fixed"),
    "楷体_GB2312": FontFacts("楷体", "02010609030101010101", GB2312, "modern", "fixed"),
    "仿宋": FontFacts("FangSong", "02010609060101010101", GB2312, "modern", "fixed"),
    "楷体": FontFacts("KaiTi", "02010609060101010101", GB2312, "modern", "fixed"),
    "黑体": FontFacts("SimHei", "02010609060101010101", GB2312, "modern", "fixed"),
    "宋体": FontFacts("SimSun", "02010600030101010101", GB2312, "auto", "variable"),
    "方正小标宋简体": FontFacts("宋体", "02000000000000000000", GB2312, "script", "variable"),
    "方正小标宋_GBK": FontFacts("宋体", "02000000000000000000", GB2312, "script", "variable"),
    "Times New Roman": FontFacts(None, "02020603050405020304", "00", "roman", "variable"),
}


def _facts(name: str) -> FontFacts:
    known = KNOWN_FONTS.get(name)
    if known is not None:
        return known
    east_asian = any(ord(c) > 0x2E7F for c in name)
    return FontFacts(None, "00000000000000000000", GB2312 if east_asian else "00", "auto", "variable")


def font_element(name: str) -> Any:
    """One `w:font` entry."""
    facts = _facts(name)
    font = parse_xml(f"<w:font {nsdecls('w')}/>")
    font.set(qn("w:name"), name)
    children = [("w:altName", facts.alt_name)] if facts.alt_name else []
    children += [
        ("w:panose1", facts.panose),
        ("w:charset", facts.charset),
        ("w:family", facts.family),
        ("w:pitch", facts.pitch),
    ]
    for tag, value in children:
        child = parse_xml(f"<{tag} {nsdecls('w')}/>")
        child.set(qn("w:val"), value)
        font.append(child)
    return font


def profile_fonts(profile: FontProfile) -> list[str]:
    """The fonts a profile names, each once, in role order."""
    names = [profile.fangsong, profile.kaiti, profile.heiti, profile.title, profile.songti, profile.latin]
    return list(dict.fromkeys(names))


def add_font_table(document: Any, profile: FontProfile) -> None:
    """Give the document a font table with an entry for every font of `profile`."""
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            part = rel.target_part
            if isinstance(part, XmlPart):
                _add_missing(part.element, profile)
            else:  # python-docx loads parts it has no class for as bytes
                root = parse_xml(part.blob)
                _add_missing(root, profile)
                part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            return
    root = parse_xml(f"<w:fonts {nsdecls('w', 'r')}/>")
    _add_missing(root, profile)
    main.relate_to(
        XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, root, main.package), RT.FONT_TABLE
    )


def _add_missing(root: Any, profile: FontProfile) -> None:
    present = {font.get(qn("w:name")) for font in root.iterfind(qn("w:font"))}
    for name in profile_fonts(profile):
        if name not in present:
            root.append(font_element(name))
