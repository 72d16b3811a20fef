"""The Jinja environment: discovery, overrides, errors that name the template file and line."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from drafter.bank import cache
from drafter.compose.outline import mark
from drafter.compose.template_cache import FOLDER
from drafter.compose.templating import TemplateSet, chinese_count, chinese_number, discover_templates
from drafter.errors import TemplateError
from drafter.vocabulary import KINDS


def test_builtin_templates_are_the_speech_kinds_and_say_what_they_are_for() -> None:
    infos = discover_templates()
    assert list(infos) == sorted(KINDS)
    for info in infos.values():
        assert info.path.is_file()
        # a speech (讲话), an address (致辞) or a chair's script (主持词)
        assert any(word in info.description for word in ("讲话", "致辞", "主持词")), info.name


def test_own_folder_adds_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "briefing.j2").write_text("{# 情况通报会讲话 #}\n@title {{ speech }}\n", encoding="utf-8")
    (tmp_path / "training.j2").write_text("{# 我们自己的培训讲话 #}\n@title 培训\n", encoding="utf-8")
    (tmp_path / "_parts.j2").write_text("{% macro x() %}{% endmacro %}\n", encoding="utf-8")
    infos = discover_templates(tmp_path)
    assert infos["briefing"].description == "情况通报会讲话"
    assert infos["training"].path == tmp_path / "training.j2"
    assert infos["training"].description == "我们自己的培训讲话"
    assert "_parts" not in infos
    assert "summary" in infos  # built-in ones stay


def test_missing_own_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="--templates: no such folder"):
        discover_templates(tmp_path / "nowhere")


def _render_error(folder: Path, name: str, context: dict[str, object] | None = None) -> str:
    with pytest.raises(TemplateError) as caught:
        TemplateSet(folder).render(name, context or {})
    return str(caught.value)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.j2").write_text("{# 坏模板 #}\n@title 题\n{% if x %}\n没有结束\n", encoding="utf-8")
    message = _render_error(tmp_path, "bad")
    assert message.startswith(f"{tmp_path / 'bad.j2'}:4: template syntax error: ")
    assert "endif" in message


def test_undefined_variable_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.j2").write_text("{# 坏模板 #}\n@title 题\n\n{{ speech.nothing }}\n", encoding="utf-8")
    message = _render_error(tmp_path, "bad", {"speech": {}})
    expected = "undefined in template: 'dict object' has no attribute 'nothing'"
    assert message == f"{tmp_path / 'bad.j2'}:4: {expected}"


def test_error_inside_an_imported_macro_names_the_macro_file(tmp_path: Path) -> None:
    macros = "{% macro part() %}\n{{ missing }}\n{% endmacro %}\n"
    (tmp_path / "_parts.j2").write_text(macros, encoding="utf-8")
    uses = '{# 用宏 #}\n{% import "_parts.j2" as p with context %}\n@title 题\n{{ p.part() }}\n'
    (tmp_path / "uses.j2").write_text(uses, encoding="utf-8")
    message = _render_error(tmp_path, "uses")
    assert message == f"{tmp_path / '_parts.j2'}:2: undefined in template: 'missing' is undefined"


def test_unknown_template_lists_the_known_ones() -> None:
    known = "、".join(sorted(KINDS))
    with pytest.raises(TemplateError, match=f"unknown template 'speech'; known templates: {known}$"):
        TemplateSet().render("speech", {})


def _compiled_files() -> list[Path]:
    return sorted((cache.cache_dir() / FOLDER).rglob("*.marshal"))


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of taken from the cache")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)


def test_compiled_templates_are_cached_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine.j2").write_text("{# 我的 #}\n@title {{ x | cn }}\n", encoding="utf-8")
    assert TemplateSet(tmp_path).render("mine", {"x": 3}) == "@title 三\n"
    assert len(_compiled_files()) == 1
    with monkeypatch.context() as patched:
        _no_compiling(patched)
        assert TemplateSet(tmp_path).render("mine", {"x": 12}) == "@title 十二\n"
    # An edited template is compiled again.
    (tmp_path / "mine.j2").write_text("{# 我的 #}\n@title 第{{ x | cn }}\n", encoding="utf-8")
    assert TemplateSet(tmp_path).render("mine", {"x": 3}) == "@title 第三\n"
    assert len(_compiled_files()) == 2


def test_errors_from_a_cached_template_name_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.j2").write_text("{# 坏模板 #}\n@title 题\n\n{{ speech.nothing }}\n", encoding="utf-8")
    first = _render_error(tmp_path, "bad", {"speech": {}})
    _no_compiling(monkeypatch)
    assert _render_error(tmp_path, "bad", {"speech": {}}) == first


def test_broken_or_unwritable_template_cache_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mine.j2").write_text("{# 我的 #}\n@title {{ x }}\n", encoding="utf-8")
    TemplateSet(tmp_path).render("mine", {"x": "一"})
    for path in _compiled_files():
        path.write_bytes(b"\x00garbage")
    assert TemplateSet(tmp_path).render("mine", {"x": "二"}) == "@title 二\n"
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "cache"))
    assert TemplateSet(tmp_path).render("mine", {"x": "三"}) == "@title 三\n"


def test_chinese_numerals() -> None:
    assert [chinese_number(n) for n in (1, 2, 10, 11, 20, 23)] == ["一", "二", "十", "十一", "二十", "二十三"]
    assert chinese_count(2) == "两" and chinese_count(3) == "三"


def test_text_filters_see_through_provenance_markers(tmp_path: Path) -> None:
    line = "@title {{ a | sentence }}|{{ b | sentence }}|{{ c | sentence('！') }}|"
    line += "{{ d | bare }}|{{ e | one_line }}"
    (tmp_path / "mine.j2").write_text("{# 我的 #}\n" + line + "\n", encoding="utf-8")
    marked = mark("heading_set.a", "要讲大局。")
    values = {
        "a": marked,
        "b": mark("heading_set.a", "要讲大局"),
        "c": "加油",
        "d": "目标。",
        "e": "一\n  二",
    }
    rendered = TemplateSet(tmp_path).render("mine", values)
    assert rendered == f"@title {marked}|{values['b']}。|加油！|目标|一二\n"
