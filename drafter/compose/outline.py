"""Outline markup: what speech templates render to, and its parser into a `Document`.

The markup is line-based, so that a template reads like the speech it produces:

    @title 加强工作规范                 one line of the title (repeat for a two-part title)
    @subtitle ——推动全区走在前列         a subtitle line (repeatable)
    @byline 区长 张三                   a line under the title: speaker, date (repeatable)
    @salutation 同志们：                the salutation, on its own line
    @h1 一、站位要更高                   a heading of level 1-4 on its own line
    @h3+ 一是要讲大局。                  a run-in heading: the paragraph right after it is its body
    any other line                      paragraph text; consecutive lines join without a separator
    ¶                                   (a line of its own) ends a paragraph; so does any directive
    (blank line)                        nothing: templates may space their output freely, and a
                                        phrase that the bank cannot supply leaves no gap

Text that came from the phrase bank is wrapped in provenance markers, `⟦ENTRY-ID⟧text⟦/⟧`, which
templates never write by hand (the `phrase(...)` helper does); the parser turns them into spans
that carry the entry id and its sources. Markers do not span lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from drafter.document import Block, Document, DocumentMeta, Heading, Paragraph, Span
from drafter.errors import TemplateError
from drafter.patterns import LazyPattern

OPEN_MARK = "⟦"
CLOSE_MARK = "⟧"
END_MARK = "⟦/⟧"
PARAGRAPH_END = "¶"
_MARKER = LazyPattern(r"⟦([^⟦⟧/][^⟦⟧]*)⟧(.*?)⟦/⟧")
_DIRECTIVE = LazyPattern(r"^@(title|subtitle|byline|salutation|h([1-4])(\+?))(?:\s+(.*))?$")


GAP_ID = "gap"  # the marker of a gap (`⟦gap⟧〔待补：…〕⟦/⟧`); bank ids always hold a dot


def mark_gap(text: str) -> str:
    """A gap as outline markup: the parser makes it a `Span` with `gap=True`."""
    return mark(GAP_ID, text)


def mark(entry_id: str, text: str) -> str:
    """Bank text wrapped in provenance markers, as the `phrase(...)` helper emits it."""
    return f"{OPEN_MARK}{entry_id}{CLOSE_MARK}{text}{END_MARK}"


def strip_marks(text: str) -> str:
    """Markup text without its provenance markers (to measure or compare it)."""
    return _MARKER.sub(lambda m: m.group(2), text)


# A text ending in one of these needs no 。 (a colon leads into what follows: 我讲三点：).
SENTENCE_END = "。！？；：…”」』）)"
_FINAL_PUNCTUATION = "。！？；，、：:;,.!?"


def one_line(text: str) -> str:
    """Text on one line: line breaks and the spaces around them dropped (Chinese needs no spaces)."""
    return "".join(part.strip() for part in text.splitlines())


_CLOSERS = "”」』）)"


def end_sentence(markup: str, end: str = "。") -> str:
    """Markup with `end` added unless its text, markers aside, already ends a sentence.

    A closing quote or bracket ends one only when what it closes does (`……”。` after `推行“一网通办”`,
    none after `“没有调查就没有发言权。”`)."""
    markup = markup.rstrip()
    text = strip_marks(markup).rstrip(_CLOSERS)
    return markup if not text or text[-1] in SENTENCE_END else markup + end


def strip_end(text: str) -> str:
    """Text without its final punctuation (to fill a slot or embed it in another sentence)."""
    return text.rstrip().rstrip(_FINAL_PUNCTUATION)


def clean_user_text(text: str) -> str:
    """A writer's text made safe for one line of markup: no line breaks, no marker characters."""
    line = one_line(text).replace(OPEN_MARK, "").replace(CLOSE_MARK, "")
    # a line of markup that starts with @ or is ¶ alone is a directive; a writer's text never is
    if line.startswith("@"):
        line = "＠" + line[1:]
    return "" if line == PARAGRAPH_END else line


class _Builder:  # not a dataclass: cheaper to define (issue 12)
    def __init__(self, sources: Mapping[str, tuple[str, ...]], name: str) -> None:
        self.sources, self.name = sources, name
        self.title: list[str] = []
        self.subtitle: list[str] = []
        self.byline: list[str] = []
        self.salutation: str | None = None
        self.blocks: list[Block] = []
        self.lines: list[str] = []  # the paragraph being collected
        self.run_in: tuple[int, tuple[Span, ...]] | None = None  # a run-in heading awaiting its body

    def fail(self, number: int, message: str) -> TemplateError:
        return TemplateError(f"{self.name}: outline line {number}: {message}")

    def spans(self, text: str, number: int) -> tuple[Span, ...]:
        result: list[Span] = []
        position = 0
        for match in _MARKER.finditer(text):
            if match.start() > position:
                result.append(Span(text[position : match.start()]))
            entry_id = match.group(1)
            if entry_id == GAP_ID:
                result.append(Span(match.group(2), gap=True))
            else:
                result.append(Span(match.group(2), entry_id, self.sources.get(entry_id, ())))
            position = match.end()
        if position < len(text):
            result.append(Span(text[position:]))
        if any(OPEN_MARK in s.text or CLOSE_MARK in s.text for s in result):
            raise self.fail(number, "unbalanced provenance marker")
        return tuple(_merge(result))

    def flush(self, number: int) -> None:
        """End the paragraph being collected (and any run-in heading waiting for it)."""
        body = self.spans("".join(self.lines), number) if self.lines else ()
        if self.run_in is not None:
            level, heading = self.run_in
            self.blocks.append(Heading(level, heading, body))
            self.run_in = None
        elif body:
            self.blocks.append(Paragraph(body))
        self.lines = []

    def plain(self, text: str, number: int) -> str:
        return "".join(s.text for s in self.spans(text, number))


def _merge(spans: list[Span]) -> list[Span]:
    """Adjacent spans of the same origin joined, empty spans dropped."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if (
            merged
            and merged[-1].entry_id is None
            and span.entry_id is None
            and not (merged[-1].gap or span.gap)
        ):
            merged[-1] = Span(merged[-1].text + span.text)
        else:
            merged.append(span)
    return merged


def parse_outline(
    markup: str,
    sources: Mapping[str, tuple[str, ...]] | None = None,
    *,
    name: str = "template",
    meta: DocumentMeta | None = None,
) -> Document:
    """Parse outline markup into a `Document`; `sources` maps entry ids to their `FILE:LINE` sources."""
    builder = _Builder(sources or {}, name)
    lines = markup.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if line == PARAGRAPH_END:
            builder.flush(number)
            continue
        if not line.startswith("@"):
            builder.lines.append(line)
            continue
        match = _DIRECTIVE.match(line)
        if match is None:
            raise builder.fail(number, f"unknown directive {line.split()[0]!r}")
        builder.flush(number)
        directive, level, run_in, text = match.group(1), match.group(2), match.group(3), match.group(4) or ""
        text = text.strip()
        if not text:
            raise builder.fail(number, f"@{directive} needs text")
        if level:
            spans = builder.spans(text, number)
            if run_in:
                builder.run_in = (int(level), spans)
            else:
                builder.blocks.append(Heading(int(level), spans))
        elif builder.blocks:
            raise builder.fail(number, f"@{directive} must come before the body")
        elif directive == "title":
            builder.title.append(builder.plain(text, number))
        elif directive == "subtitle":
            builder.subtitle.append(builder.plain(text, number))
        elif directive == "byline":
            builder.byline.append(builder.plain(text, number))
        else:
            builder.salutation = builder.plain(text, number)
    builder.flush(len(lines) + 1)
    if not builder.title:
        raise TemplateError(f"{name}: the outline has no @title line")
    return Document(
        title=tuple(builder.title),
        subtitle=tuple(builder.subtitle),
        byline=tuple(builder.byline),
        salutation=builder.salutation,
        blocks=tuple(builder.blocks),
        meta=meta or DocumentMeta(title="".join(builder.title)),
    )


def join_cn(items: Sequence[str]) -> str:
    """A、B和C; quoted items stand side by side without 、 (“三个清楚”“三种能力”和“三项纪律”);
    items that hold 和 are listed with 、 alone (`办好就业和教育实事、办好医疗和养老实事`)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if any("和" in item for item in items):
        return "、".join(items)
    head = items[0]
    for item in items[1:-1]:
        head += ("" if head.endswith("”") and item.startswith("“") else "、") + item
    return head + "和" + items[-1]
