"""A long hand-built speech for the .docx writer tests: every heading level, run-in headings, bank spans."""

from __future__ import annotations

import datetime as dt

from drafter.document import Document, DocumentMeta, Heading, Paragraph, Span

TITLE = "在全市安全生产暨防汛抗旱工作部署会议上的讲话"
DATE = dt.date(2026, 11, 30)
BANK_ID = "requirement.zuofeng.001"
BANK_SOURCES = ("003_e8e85886354524de.txt:14", "001_aaac5f0b48bd72b0.txt:22")

_REVIEW = (
    "今年以来，全市各级各部门认真贯彻落实市委、市政府决策部署，坚持稳中求进工作总基调，"
    "统筹推进各项工作，经济社会发展保持了稳中有进、持续向好的良好态势，为完成全年目标任务打下了坚实基础。"
)
_DEMAND = (
    "各级领导干部要切实增强责任感和紧迫感，把思想和行动统一到市委、市政府的决策部署上来，"
    "以时不我待的精神状态抓好各项工作的落实，确保各项任务按时保质完成，向全市人民交出满意的答卷。"
)
_STYLE = (
    "古语说，“道虽迩，不行不至；事虽小，不为不成。”我们要发扬钉钉子精神，一锤接着一锤敲，一任接着一任干。"
)

_LEVEL1 = (
    "一、提高政治站位，切实增强做好工作的责任感",
    "二、突出工作重点，全力推动各项任务落地见效",
    "三、强化组织保障，确保各项部署落到实处",
)
_LEVEL2 = ("（一）要把握好工作重点", "（二）要落实好工作责任")


def sample_document(*, font_profile: str | None = None) -> Document:
    """About six pages of speech with all four heading levels and run-in headings."""
    blocks: list[Heading | Paragraph] = [
        Paragraph(
            (
                Span(_REVIEW),
                Span(
                    "借此机会，我代表市政府向大家表示衷心的感谢！",
                    "opening.review.002",
                    ("000_a9a5cc2008b403cf.txt:3",),
                ),
            )
        ),
    ]
    for part, heading in enumerate(_LEVEL1, 1):
        blocks.append(Heading(1, (Span(heading),)))
        blocks.append(Paragraph((Span(_REVIEW), Span(_DEMAND, BANK_ID, BANK_SOURCES))))
        for sub in _LEVEL2:
            blocks.append(Heading(2, (Span(sub),)))
            blocks.append(Paragraph((Span(_DEMAND), Span(_REVIEW))))
            blocks.append(Heading(3, (Span(f"{part}.强化集体决策。"),), (Span(_STYLE), Span(_DEMAND))))
            blocks.append(Heading(4, (Span("（1）坚持问题导向。"),), (Span(_REVIEW),)))
    blocks.append(
        Paragraph(
            (
                Span(
                    "同志们，让我们紧密团结在一起，为推动全市经济社会高质量发展而努力奋斗！",
                    "closing.call.001",
                    ("004_f2a58c95e92b24d2.txt:40",),
                ),
            )
        )
    )
    blocks.append(Paragraph((Span("谢谢大家！"),)))
    return Document(
        title=(TITLE,),
        byline=("（2026年11月30日）", "市长  张三"),
        salutation="同志们：",
        blocks=tuple(blocks),
        meta=DocumentMeta(title=TITLE, author="张三", date=DATE, font_profile=font_profile),
    )


def short_document(**meta: object) -> Document:
    """A page of speech: title, byline, salutation, one heading, one bank paragraph."""
    return Document(
        title=("在全市工作会议上的讲话",),
        byline=("（2026年11月30日）",),
        salutation="同志们：",
        blocks=(
            Heading(1, (Span("一、站位要更高"),)),
            Paragraph((Span("要把学习贯彻落到实处。"), Span(_DEMAND, BANK_ID, BANK_SOURCES))),
        ),
        meta=DocumentMeta(title="在全市工作会议上的讲话", author="张三", date=DATE, **meta),  # type: ignore[arg-type]
    )
