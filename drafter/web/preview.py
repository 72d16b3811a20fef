"""The document model as HTML for the page: the draft as it will print, gaps highlighted.

Like the other writers it only serialises a `Document`: title lines, subtitle and byline, the
salutation, headings of four levels (run-in headings in the paragraph they open), paragraphs.
Bank sentences carry their entry id and sources in a tooltip; marked gaps (`〔待补：…〕`) are
highlighted so that none goes out unnoticed.
"""

from __future__ import annotations

from html import escape

from drafter.document import Document, Heading, Span


def _span(span: Span) -> str:
    if span.gap:
        return f'<mark class="gap">{escape(span.text)}</mark>'
    if span.entry_id is None:
        return escape(span.text)
    where = "；".join(span.sources)
    title = escape(f"{span.entry_id}（{where}）", quote=True)
    return (
        f'<span class="bank" title="{title}" data-entry="{escape(span.entry_id)}">{escape(span.text)}</span>'
    )


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(_span(s) for s in spans)


def render_html(document: Document) -> str:
    """The document as an HTML fragment (a `<div class="page">`)."""
    out = ['<div class="page">']
    out.extend(f'<h1 class="title">{escape(line)}</h1>' for line in document.title)
    out.extend(f'<p class="subtitle">{escape(line)}</p>' for line in document.subtitle)
    out.extend(f'<p class="byline">{escape(line)}</p>' for line in document.byline)
    if document.salutation:
        out.append(f'<p class="salutation">{escape(document.salutation)}</p>')
    for block in document.blocks:
        if isinstance(block, Heading) and block.run_in:
            head = f'<strong class="h{block.level}">{_spans(block.spans)}</strong>'
            out.append(f"<p>{head}{_spans(block.body)}</p>")
        elif isinstance(block, Heading):
            out.append(f'<p class="heading h{block.level}">{_spans(block.spans)}</p>')
        else:
            out.append(f"<p>{_spans(block.spans)}</p>")
    out.append("</div>")
    return "\n".join(out)
