"""Whether this machine can render a .docx (LibreOffice, poppler, CJK fonts), for tests that need it.

On a bare machine those tests skip, saying what to install; `.ci/run` installs the tools and sets
DRAFTER_REQUIRE_RENDER=1, so that in CI a missing tool fails the run instead of skipping silently.
"""

from __future__ import annotations

import os
import shutil

import pytest

INSTALL = "apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai"


def missing_render_tools() -> list[str]:
    """The programs the rendering tests need that are not on PATH."""
    missing = []
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        missing.append("soffice (LibreOffice)")
    if shutil.which("pdftotext") is None:
        missing.append("pdftotext (poppler)")
    return missing


def skip_reason(missing: list[str]) -> str:
    return f"needs {' and '.join(missing)}; to run these tests: {INSTALL}"


def require_render_tools() -> None:
    """Skip the calling test module when the tools are missing (fail instead under CI)."""
    missing = missing_render_tools()
    if not missing:
        return
    if os.environ.get("DRAFTER_REQUIRE_RENDER") == "1":
        pytest.fail(f"DRAFTER_REQUIRE_RENDER=1 but {skip_reason(missing)}", pytrace=False)
    pytest.skip(skip_reason(missing), allow_module_level=True)
