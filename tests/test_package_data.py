"""The folders shipped as package data are found, editable install or not."""

from __future__ import annotations

import pytest

from drafter.package_data import package_dir


def test_the_built_in_bank_and_templates_are_found() -> None:
    assert (package_dir("drafter.phrasebank") / "closing.call.yaml").is_file()
    assert any(package_dir("drafter.templates").glob("*.j2"))


def test_a_missing_package_is_named() -> None:
    with pytest.raises(ModuleNotFoundError, match=r"drafter\.nowhere"):
        package_dir("drafter.nowhere")
