"""`--annotate`: a Word comment on every bank sentence, naming the entry and where it came from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.writers.docx.body import PlacedSpan, run_element

AUTHOR = "drafter"
INITIALS = "DR"


def comment_text(entry_id: str, sources: tuple[str, ...]) -> str:
    """What the reviewer reads: the entry id on the first line, its sources on the second."""
    where = "；".join(sources) if sources else "未记录"
    return f"词条：{entry_id}\n来源：{where}"


GAP_COMMENT = "待补：词库中没有与本要点相关的素材，请补写本地的具体内容后删去此标记。"


def annotate(document: Any, placed: list[PlacedSpan], when: dt.date | None) -> None:
    """Attach one comment per placed bank span; comment dates are the speech's date, never now.

    The comments are built directly: python-docx's `add_comment` looks for a free id by scanning
    every comment, which makes a long annotated speech quadratic.
    """
    if not placed:
        return
    document.comments  # noqa: B018 -- creates and wires the comments part when the document has none
    root = _comments_root(document)
    if root is None:
        raise LookupError("python-docx made no comments part")
    ids = [int(c.get(qn("w:id"))) for c in root.iterfind(qn("w:comment"))]
    next_id = max(ids, default=-1) + 1
    stamp = f"{when.isoformat()}T00:00:00Z" if when else None
    for item in placed:
        if (item.span.entry_id is None and not item.span.gap) or not item.runs:
            continue
        gap = item.span.gap
        text = GAP_COMMENT if gap else comment_text(item.span.entry_id or "", item.span.sources)
        root.append(_comment(next_id, text, stamp))
        item.runs[0].addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(next_id)}))
        item.runs[-1].addnext(_reference_run(next_id))
        item.runs[-1].addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(next_id)}))
        next_id += 1


def _comment(comment_id: int, text: str, stamp: str | None) -> Any:
    attrs = {qn("w:id"): str(comment_id), qn("w:author"): AUTHOR, qn("w:initials"): INITIALS}
    if stamp:
        attrs[qn("w:date")] = stamp
    comment = OxmlElement("w:comment", attrs=attrs)
    for number, line in enumerate(text.split("\n")):
        paragraph = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        p_pr.append(OxmlElement("w:pStyle", attrs={qn("w:val"): "CommentText"}))
        paragraph.append(p_pr)
        if number == 0:  # Word's own comments start with the annotation mark
            mark = run_element(char_style="CommentReference")
            mark.append(OxmlElement("w:annotationRef"))
            paragraph.append(mark)
        paragraph.append(run_element(line))
        comment.append(paragraph)
    return comment


def _reference_run(comment_id: int) -> Any:
    run = run_element(char_style="CommentReference")
    run.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    return run


def _comments_root(document: Any) -> Any | None:
    """The `w:comments` element of the document's comments part, if it has one."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            return rel.target_part.element
    return None


def drop_existing_comments(document: Any) -> None:
    """Remove comments a reference document brought along: their anchors went with its body."""
    root = _comments_root(document)
    if root is not None:
        for child in list(root):
            root.remove(child)
