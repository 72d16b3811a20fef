"""The document a draft is written into: drafter's own small base package, or the office's reference .docx.

The base package is assembled in memory from the `base-*.xml` parts shipped beside this module
(readable, diffable XML rather than an opaque binary), then opened with python-docx.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from drafter.errors import InputFileError, display_path
from drafter.yamlfile import read_user_bytes

# package member name → shipped part
_BASE_PARTS = {
    "[Content_Types].xml": "base-content-types.xml",
    "_rels/.rels": "base-package-rels.xml",
    "word/_rels/document.xml.rels": "base-document-rels.xml",
    "word/document.xml": "base-document.xml",
    "word/styles.xml": "base-styles.xml",
    "word/settings.xml": "base-settings.xml",
    "docProps/core.xml": "base-core.xml",
    "docProps/app.xml": "base-app.xml",
}


class ReferenceDocxError(InputFileError):
    """A `--reference-docx` file that is missing, corrupt or not a Word document."""


@functools.cache
def base_package() -> bytes:
    """The built-in base .docx as bytes (built once per process)."""
    here = Path(__file__).parent
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for member, resource in _BASE_PARTS.items():
            package.writestr(
                zipfile.ZipInfo(member, (1980, 1, 1, 0, 0, 0)), here.joinpath(resource).read_bytes()
            )
    return buffer.getvalue()


def open_base() -> Any:
    """A fresh python-docx Document on the built-in base package."""
    return docx.Document(io.BytesIO(base_package()))


def open_reference(path: Path) -> Any:
    """The office's reference document, or one clear `ReferenceDocxError` line."""
    shown = display_path(path)
    data = read_user_bytes(path, what="reference .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReferenceDocxError(
            f"{shown}: not a .docx file (a Word document is a ZIP package; save it as .docx)"
        )
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError:  # python-docx: the main part is not a Word document (.dotx, .xlsx …)
        raise ReferenceDocxError(
            f"{shown}: not a Word document (a template .dotx or another Office file?): save it as .docx"
        ) from None
    # lxml's XMLSyntaxError is a SyntaxError: a part that is not well-formed XML
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, SyntaxError, EOFError) as exc:
        raise ReferenceDocxError(f"{shown}: damaged .docx, cannot be read ({_short(exc)})") from None


def _short(exc: BaseException) -> str:
    """The first line of an exception message, without python-docx's repetitions of the path."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
