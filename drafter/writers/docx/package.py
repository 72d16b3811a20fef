"""Saving reproducibly: pinned document properties and ZIP timestamps, so one Document gives one file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from drafter.document import DocumentMeta


def set_core_properties(document: Any, meta: DocumentMeta, title: str) -> None:
    """Title, author = the issuing body (the brief's `org`, else none), created = modified = the speech's
    date; no last editor (drafter is none), nothing else, no "now"."""
    props = document.core_properties
    root = props._element
    for child in list(root):  # a reference document's own properties describe the template, not the draft
        root.remove(child)
    props.title = title
    props.author = meta.author
    props.revision = 1
    props.language = "zh-CN"
    if meta.date is not None:
        stamp = dt.datetime(meta.date.year, meta.date.month, meta.date.day, tzinfo=dt.UTC)
        props.created = stamp
        props.modified = stamp
    for element in list(root):  # python-docx writes empty elements for "" values; drop them
        if len(element) == 0 and not (element.text or "").strip():
            root.remove(element)


def save_pinned(document: Any, when: dt.date | None) -> bytes:
    """The .docx bytes with every ZIP entry stamped with the speech's date (or 1980-01-01)."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = (
        (when.year, when.month, when.day, 0, 0, 0) if when and when.year >= 1980 else (1980, 1, 1, 0, 0, 0)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()
