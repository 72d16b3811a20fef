"""Templates from --templates run sandboxed, stay in their folders, and a tampered cache never runs."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from jinja2.sandbox import SandboxedEnvironment

from drafter.bank import cache
from drafter.cli import main
from drafter.compose.template_cache import FOLDER, KEY_FILE
from drafter.compose.templating import TemplateSet, discover_templates
from drafter.errors import TemplateError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def brief_for(tmp_path: Path, template: str) -> Path:
    text = (EXAMPLES / "work_meeting.yaml").read_text(encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text(text.replace("template: work_meeting", f"template: {template}", 1), encoding="utf-8")
    return brief


@pytest.mark.parametrize(
    "expression",
    [
        "cycler.__init__.__globals__.os.popen('touch {marker}').read()",
        "joiner.__init__.__globals__['os'].system('touch {marker}')",
        "''.__class__.__mro__[1].__subclasses__()",
        "range.__self__",
        "lipsum.__globals__['os'].popen('touch {marker}')",
    ],
)
def test_a_template_cannot_reach_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expression: str
) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "ran"
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "evil.j2").write_text(
        "{# 通报会讲话 #}\n@title 标题\n{{ " + expression.format(marker=marker) + " }}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["draft", str(brief_for(tmp_path, "evil")), "--templates", str(folder), "-o", "out.md"]
    )
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mine/evil.j2:3: "), result.output
    assert "Traceback" not in result.output
    assert not marker.exists() and not (tmp_path / "out.md").exists()


def test_the_remembered_attribute_check_answers_as_jinjas() -> None:
    def function() -> None:
        pass

    generator = (n for n in range(1))
    cases = [
        (function, "__globals__"),
        (function, "x"),
        (str, "mro"),
        (str, "upper"),
        (type, "mro"),
        ("", "upper"),
        ("", "_private"),
        (generator, "gi_frame"),
        (generator, "send"),
        (function.__code__, "co_consts"),
        (TemplateSet().render, "__func__"),
        (TemplateSet().render, "x"),
    ]
    remembered, plain = TemplateSet().env, SandboxedEnvironment()
    for _ in range(2):  # asked again: answered from what was remembered
        for obj, attr in cases:
            assert remembered.is_safe_attribute(obj, attr, None) == plain.is_safe_attribute(obj, attr, None)


def test_includes_stay_inside_the_template_folders(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.j2").write_text("机密内容\n", encoding="utf-8")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "_link.j2").symlink_to(outside / "secret.j2")
    (folder / "linked.j2").symlink_to(outside / "secret.j2")
    (folder / "inside.j2").write_text("{# 内 #}\n@title 内\n", encoding="utf-8")
    for name, source in {
        "viaLink": '{% include "_link.j2" %}',
        "dotdot": '{% include "../outside/secret.j2" %}',
        "extends": '{% extends "_link.j2" %}',
        "imports": '{% import "../outside/secret.j2" as x %}',
    }.items():
        (folder / f"{name}.j2").write_text("{# 试 #}\n@title 题\n" + source + "\n", encoding="utf-8")
        with pytest.raises(TemplateError, match="template not found") as caught:
            TemplateSet(folder).render(name, {})
        assert "机密" not in str(caught.value)
    assert "linked" not in discover_templates(folder)  # a symlinked template out of the folder is no template
    (folder / "ok.j2").write_text('{# 行 #}\n{% include "inside.j2" %}\n', encoding="utf-8")
    assert TemplateSet(folder).render("ok", {}) == "@title 内\n"


def _compiled_files() -> list[Path]:
    return sorted((cache.cache_dir() / FOLDER).rglob("*.marshal"))


def _hostile_code(marker: Path) -> bytes:
    return marshal.dumps(compile(f"open({str(marker)!r}, 'w').close()", "<cache>", "exec"))


def test_a_tampered_cache_is_ignored_never_run(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "mine.j2").write_text("{# 我的 #}\n@title {{ x }}\n", encoding="utf-8")
    assert TemplateSet(folder).render("mine", {"x": "一"}) == "@title 一\n"
    files = _compiled_files()
    assert files
    marker = tmp_path / "ran"
    for path in files:
        signed = marshal.loads(path.read_bytes())
        for forged in (
            _hostile_code(marker),  # unsigned code, as the cache used to hold
            marshal.dumps(signed[:32] + _hostile_code(marker)),  # a signature kept, the code replaced
            marshal.dumps(signed[:-1] + b"\x00"),  # one byte changed
        ):
            path.write_bytes(forged)
            assert TemplateSet(folder).render("mine", {"x": "二"}) == "@title 二\n"
            assert not marker.exists()
    # Another user's key (or one others can read) is not trusted: nothing is cached or read.
    key = cache.cache_dir() / KEY_FILE
    os.chmod(key, 0o644)
    shutil.rmtree(cache.cache_dir() / FOLDER)
    assert TemplateSet(folder).render("mine", {"x": "三"}) == "@title 三\n"
    assert not _compiled_files()
