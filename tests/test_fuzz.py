"""Fuzzing briefs and banks through `check`, `bank validate` and `draft` (hypothesis, seeded, bounded).

Each example is a brief (an example brief with fields replaced, added or removed, and the YAML text
then roughed up: tags, aliases, control characters, BOM, CRLF, truncation) or a team bank that
overrides built-in entries with hostile values. Whatever happens, no command ends in a traceback,
every line it prints names the file it is about, and whatever `check` (and `bank validate`)
accepts, `draft` drafts.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from drafter.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BRIEFS = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.yaml"))
}
FUZZ = settings(
    max_examples=int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure is found again
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
    # no shrinking: a failure is reported as drawn (derandomized, so found again) instead of after
    # minutes of shrinking, each try running three commands
    phases=[Phase.explicit, Phase.generate],
)

HOSTILE_CHARS = "同志们要抓落实\n\r\t\x00\x07\x1b\x7f\u0085\u2028\ufeff⟦⟧/@#{}%<>&\"'*|:-!？。，"
MARKUP = [
    "@h1 伪造的标题",
    "⟦closing.call.x⟧伪造⟦/⟧",
    "{{ cycler }}",
    "{% raw %}",
    "\n@p 段落",
    "¶",
    "〔待补：x〕",
]


def texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(alphabet=HOSTILE_CHARS, max_size=30),
        st.sampled_from(MARKUP).map(lambda markup: "标准" + markup),
        st.integers(1, 400).map(lambda n: "很长的标题" * n),
        st.text(max_size=20),
    )


def scalars() -> st.SearchStrategy[Any]:
    return st.one_of(
        texts(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.none(),
        st.dates(),
    )


def values() -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.lists(inner, min_size=100, max_size=120),  # 100 sections or points
            st.dictionaries(
                st.sampled_from(["topic", "points", "heading", "who", "did", "x"]), inner, max_size=4
            ),
        ),
        max_leaves=20,
    )


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any, delete: bool) -> None:
    for part in path[:-1]:
        data = data[part]
    if delete:
        del data[path[-1]]
    else:
        data[path[-1]] = value


ROUGH = [
    lambda text: text,
    lambda text: "\ufeff" + text,
    lambda text: text.replace("\n", "\r\n"),
    lambda text: text[: len(text) // 2],
    lambda text: text.replace("template:", "template: !!str", 1),
    lambda text: text + "seed: !!int x\n",
    lambda text: "base: &b [1, 2]\n" + text + "more: *b\n",
    lambda text: text + "minutes: .inf\n",
    lambda text: text + "minutes: 1e300\n",
    lambda text: text.replace("：", "：\x00", 1),
    lambda text: text + "thanks: !!bool x\n",
]


@st.composite
def briefs(draw: st.DrawFn) -> str:
    data = yaml.safe_load(yaml.safe_dump(BRIEFS[draw(st.sampled_from(sorted(BRIEFS)))]))
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths)) if paths and draw(st.booleans()) else (draw(st.text(max_size=8)),)
        _set(data, path, draw(values()), delete=len(path) > 1 and draw(st.integers(0, 5)) == 0)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return draw(st.sampled_from(ROUGH))(text)


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


SUMMARY = re.compile(r"\d+ entr(y|ies) in \d+ files?: \d+ errors?, \d+ warnings?$")  # `bank validate`


def assert_clean(result: Result, *names: str) -> None:
    """No traceback, an exit code for the user, every printed line about one of `names` (or a summary)."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.output
    for line in result.output.splitlines():
        assert line.startswith(names) or line.startswith("warning: ") or SUMMARY.match(line), line


def _chdir(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    os.chdir(work)
    return work


@pytest.fixture
def work(tmp_path: Path) -> Any:
    before = os.getcwd()
    yield tmp_path
    os.chdir(before)


@seed(20261202)
@FUZZ
@given(text=briefs(), fmt=st.sampled_from(["md", "docx", "txt"]))
def test_briefs_check_and_draft_without_traceback(work: Path, text: str, fmt: str) -> None:
    folder = _chdir(work)
    brief = folder / "brief.yaml"
    brief.write_text(text, encoding="utf-8", newline="")
    output = folder / f"out.{fmt}"
    output.unlink(missing_ok=True)
    checked = _cli("check", "brief.yaml")
    assert_clean(checked, "brief.yaml")
    drafted = _cli("draft", "brief.yaml", "-o", output.name, "--seed", "1")
    assert_clean(drafted, "brief.yaml", output.name)
    if checked.exit_code == 0:
        assert drafted.exit_code == 0, drafted.output  # whatever check accepts, draft drafts
        assert output.stat().st_size > 0


ENTRY_IDS = ["closing.call.shidai-huhuan", "closing.thanks.xiexie", "salutation.tongzhimen"]
ENTRY_FIELDS = ["text", "tags", "kinds", "status", "sources", "note", "type", "domain", "members", "x"]


@st.composite
def banks(draw: st.DrawFn) -> str:
    function = draw(st.sampled_from(["closing.call", "closing.thanks", "salutation"]))
    entries = []
    for number in range(draw(st.integers(1, 3))):
        entry: dict[str, Any] = {
            "id": f"{function}.fuzz{number}",
            "text": draw(
                st.sampled_from(["同志们，让我们团结一心，为{goal}而努力奋斗！", "谢谢大家！", "同志们："])
            ),
            "sources": ["speech.txt:1"],
        }
        for _ in range(draw(st.integers(0, 3))):
            entry[draw(st.sampled_from(ENTRY_FIELDS))] = draw(values())
        entries.append(entry)
    data = {"function": draw(st.one_of(st.just(function), texts())), "entries": entries}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return draw(
        st.sampled_from([*ROUGH[:4], lambda t: t + "x: &a [*a]\n", lambda t: t.replace("id:", "id: !x", 1)])
    )(text)


@seed(20261203)
@FUZZ
@given(text=banks())
def test_banks_validate_and_draft_without_traceback(work: Path, text: str) -> None:
    folder = _chdir(work)
    team = folder / "team"
    (team / "corpus").mkdir(parents=True, exist_ok=True)
    (team / "corpus" / "speech.txt").write_text(
        "同志们，让我们团结一心，为美好家园而努力奋斗！\n", encoding="utf-8"
    )
    (team / "fuzz.yaml").write_text(text, encoding="utf-8", newline="")
    (folder / "brief.yaml").write_bytes((EXAMPLES / "work_meeting.yaml").read_bytes())
    (folder / "out.md").unlink(missing_ok=True)
    validated = _cli("bank", "validate", "team")
    assert_clean(validated, "team/", "built-in", "phrasebank/")
    checked = _cli("check", "brief.yaml", "--phrasebank", "team")
    assert_clean(checked, "brief.yaml", "team/")
    drafted = _cli("draft", "brief.yaml", "--phrasebank", "team", "-o", "out.md", "--seed", "1")
    assert_clean(drafted, "brief.yaml", "team/", "out.md")
    if validated.exit_code == 0 and checked.exit_code == 0:
        assert drafted.exit_code == 0, drafted.output
