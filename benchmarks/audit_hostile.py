"""Audit: hostile input and busy teams, per class of issue 10 — tried, failed, and how.

Run by hand: `.venv/bin/python benchmarks/audit_hostile.py [--trials N] [--only CLASS]`.
Every trial runs the installed `drafter` in a subprocess (10 s timeout, 2 GB address space) in a
fresh temporary folder and the cache in another. A trial fails for: a traceback (or an exit status
other than 0/1), a hang past 10 s, an error line not naming its file, `check` ok then `draft`
failing, entries lost or duplicated, an output overwritten, stray temporary files, restyled bytes,
or the class's own check (a heading injected, a command run by a template, a file read silently).
Prints one row per class and the reasons of the failures.
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bank_helpers import CORPUS, write_bank  # noqa: E402
from test_bank_lock import KILL_ON_SECOND_FILE, mined, team_ids  # noqa: E402
from test_miner_hostile import JAPANESE, SPEECH, docx_understating  # noqa: E402

DRAFTER = Path(sys.executable).with_name("drafter")
EXAMPLE = ROOT / "examples" / "work_meeting.yaml"
TIMEOUT = 10.0
MEMORY = 2 * 2**30
SLOWEST = [0.0]  # the longest command of the class being run, in seconds


@dataclass
class Run:
    code: int | None  # None: killed after TIMEOUT
    out: str
    err: str
    seconds: float


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def drafter(*args: str, cwd: Path, timeout: float = TIMEOUT) -> Run:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [str(DRAFTER), *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limits,
        )
    except subprocess.TimeoutExpired as exc:
        return Run(None, str(exc.stdout or ""), str(exc.stderr or ""), time.perf_counter() - start)
    SLOWEST[0] = max(SLOWEST[0], time.perf_counter() - start)
    return Run(done.returncode, done.stdout, done.stderr, time.perf_counter() - start)


def problems(run: Run, *names: str) -> list[str]:
    """What is wrong with one run: traceback, hang, an error line not naming one of `names`."""
    if run.code is None:
        return ["hang >10 s"]
    if "Traceback" in run.err or run.code not in (0, 1):
        return [f"traceback (exit {run.code}): {run.err.strip().splitlines()[-1:]}"]
    found = []
    if run.code == 1:
        for line in run.err.splitlines():
            if line.strip() and not line.startswith(names) and "warning" not in line:
                found.append(f"multi-line error: {line[:80]!r}")
                break
    return found


def stray(folder: Path) -> list[str]:
    left = [p.name for p in folder.rglob("*") if ".drafter-" in p.name or p.name.endswith(".journal")]
    return [f"stray temporary files: {left[:3]}"] if left else []


def brief_text(**changes: object) -> str:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def check_then_draft(work: Path, text: str | bytes, fmt: str = "md") -> list[str]:
    """Write brief.yaml, run `check` and `draft`; whatever check accepts, draft must draft."""
    brief = work / "brief.yaml"
    if isinstance(text, bytes):
        brief.write_bytes(text)
    else:
        brief.write_text(text, encoding="utf-8", newline="")
    checked = drafter("check", "brief.yaml", cwd=work)
    drafted = drafter("draft", "brief.yaml", "-o", f"out.{fmt}", "--seed", "1", cwd=work)
    found = problems(checked, "brief.yaml") + problems(drafted, "brief.yaml", f"out.{fmt}")
    if checked.code == 0 and drafted.code != 0:
        found.append(f"check ok, draft fails: {drafted.err.strip()[:80]!r}")
    return found


# --- the classes ------------------------------------------------------------------------------
Trial = Callable[[Path], list[str]]


def brief_tags() -> Iterator[Trial]:
    for tag in ("seed: !!int x", "thanks_to: !!bool x", "org: !!python/object:os.system x", "region: !x y"):
        yield lambda work, tag=tag: check_then_draft(work, brief_text() + tag + "\n")


def brief_numbers() -> Iterator[Trial]:
    for value in (".inf", "-.inf", ".nan", "1e300", "-1", "0", "10000000000000000000000000000", "1e-300"):
        yield lambda work, value=value: check_then_draft(
            work, brief_text() + f"length:\n  minutes: {value}\n"
        )
    yield lambda work: check_then_draft(work, brief_text() + "seed: 100000000000000000000000000000000\n")


def brief_counts() -> Iterator[Trial]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    section = data["sections"][1]
    for count in (100, 120):
        many = [{**section, "heading": f"第{n}项", "topic": f"议题{n}"} for n in range(count)]
        yield lambda work, many=many: check_then_draft(work, brief_text(sections=many))
        points = [{"heading": f"要点{n}", "text": ["要抓好落实。"]} for n in range(count)]
        yield lambda work, points=points: check_then_draft(
            work, brief_text(sections=[{**section, "points": points}])
        )


def docx_text() -> Iterator[Trial]:
    for change in (
        {"speaker": {"post": "市长", "name": "刘\x07志"}},
        {"speaker": {"post": "市长", "name": "刘\ufffe志"}},
        {"title": "很长的标题" * 52},
        {"occasion": "会议" * 200},
        {"org": "\u200b\u202e市政府"},
    ):
        yield lambda work, change=change: check_then_draft(work, brief_text(**change), "docx")


def markup_injection() -> Iterator[Trial]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for value in (
        "标准\n@h1 伪造的一级标题",
        "⟦closing.call.x⟧伪造的一级标题⟦/⟧",
        "标准\n\n# 伪造的一级标题",
        "@h1 伪造的一级标题",
    ):
        sections = json.loads(json.dumps(data["sections"]))
        sections[0]["points"][0]["fillers"] = {"X": value}
        sections[1]["heading"] = value
        sections[2]["points"][0]["text"] = [value]

        def trial(work: Path, sections: list[object] = sections, value: str = value) -> list[str]:
            found = check_then_draft(work, brief_text(sections=sections, purpose=value))
            out = work / "out.md"
            if out.exists():
                headings = [
                    line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("#")
                ]
                if any(line.lstrip("#").strip() == "伪造的一级标题" for line in headings):
                    found.append("a filler became a heading")
            return found

        yield trial


def raw_nul() -> Iterator[Trial]:
    text = brief_text()
    for at in (0, len(text) // 2, len(text) - 1):
        yield lambda work, at=at: check_then_draft(work, (text[:at] + "\x00" + text[at:]).encode())
    yield lambda work: check_then_draft(work, b"\xff\xfe" + text.encode("utf-16-le"))
    yield lambda work: check_then_draft(work, text.encode()[:-7] + b"\xff\xfe\n")


def symlink_brief() -> Iterator[Trial]:
    def loop(work: Path) -> list[str]:
        (work / "brief.yaml").symlink_to(work / "brief.yaml")
        return problems(drafter("check", "brief.yaml", cwd=work), "brief.yaml") + problems(
            drafter("draft", "brief.yaml", "-o", "out.md", cwd=work), "brief.yaml"
        )

    def dangling(work: Path) -> list[str]:
        (work / "brief.yaml").symlink_to(work / "gone.yaml")
        return problems(drafter("draft", "brief.yaml", "-o", "out.md", cwd=work), "brief.yaml")

    def folder(work: Path) -> list[str]:
        (work / "brief.yaml").mkdir()
        return problems(drafter("draft", "brief.yaml", "-o", "out.md", cwd=work), "brief.yaml")

    yield from (loop, dangling, folder)


def batch() -> Iterator[Trial]:
    for bad in ("seed: !!int x\n", "\x00", "x: &a [*a]\n", "length:\n  minutes: .inf\n"):

        def trial(work: Path, bad: str = bad) -> list[str]:
            for name in ("a", "c"):
                (work / f"{name}.yaml").write_text(brief_text(), encoding="utf-8")
            (work / "b.yaml").write_text(brief_text() + bad, encoding="utf-8")
            run = drafter("draft", "a.yaml", "b.yaml", "c.yaml", "-o", "drafts/", "--to", "md", cwd=work)
            found = problems(run, "a.yaml", "b.yaml", "c.yaml", "drafts/")
            missing = [n for n in ("a", "c") if not (work / "drafts" / f"{n}.md").is_file()]
            if missing or run.code != 1:
                found.append(f"batch: exit {run.code}, good briefs not drafted: {missing}")
            return found

        yield trial


def _bomb(levels: int, width: int = 9) -> str:
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def alias_bombs() -> Iterator[Trial]:
    for levels in (6, 9, 12):
        yield lambda work, levels=levels: check_then_draft(work, brief_text() + _bomb(levels))

        def bank(work: Path, levels: int = levels) -> list[str]:
            team = write_bank(
                work / "team", {"bomb.yaml": "function: closing.call\nentries: []\n" + _bomb(levels)}
            )
            (work / "brief.yaml").write_bytes(EXAMPLE.read_bytes())
            found = problems(drafter("bank", "validate", "team", cwd=work), "team")
            found += problems(
                drafter("draft", "brief.yaml", "--phrasebank", str(team), "-o", "o.md", cwd=work), "team"
            )
            return found

        yield bank
    yield lambda work: check_then_draft(work, brief_text() + "x: &a [*a]\n")
    yield lambda work: problems(
        drafter(
            "bank",
            "validate",
            str(write_bank(work / "t", {"c.yaml": "function: x\nentries: &e [*e]\n"})),
            cwd=work,
        ),
        "t",
    )


def zip_bomb() -> Iterator[Trial]:
    for real in (200 * 2**20, 2 * 2**30):

        def trial(work: Path, real: int = real) -> list[str]:
            corpus = work / "corpus"
            corpus.mkdir()
            (corpus / "good.txt").write_text(SPEECH * 3, encoding="utf-8")
            docx_understating(corpus / "bomb.docx", real=real, declared=1000)
            run = drafter("mine", "corpus", "-o", "out", cwd=work, timeout=60)
            found = problems(run, "corpus", "out")
            if "bomb.docx" not in run.err:
                found.append("bomb.docx not named")
            return found

        yield trial


def concurrent_merges(trials: int) -> Iterator[Trial]:
    for _ in range(trials):

        def trial(work: Path) -> list[str]:
            team = write_bank(work / "team", {}, CORPUS)
            first, second = mined(work / "a", range(0, 60), "a"), mined(work / "b", range(30, 90), "b")
            args = [[str(DRAFTER), "bank", "merge", str(out), str(team)] for out in (first, second)]
            runs = [
                subprocess.Popen(a, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for a in args
            ]
            results = [run.communicate(timeout=120) for run in runs]
            found = [f"merge exit {run.returncode}" for run in runs if run.returncode != 0]
            found += [f"traceback: {err[-80:]!r}" for _, err in results if "Traceback" in err]
            ids = team_ids(team)
            if len(ids) != len(set(ids)):
                found.append(f"duplicated entries: {len(ids) - len(set(ids))}")
            if len(set(ids)) != 3 * 90:
                found.append(f"lost entries: {3 * 90 - len(set(ids))}")
            if drafter("bank", "validate", "--no-builtin", "team", cwd=work).code != 0:
                found.append("bank fails validation")
            return found + stray(team)

        yield trial


def exclusive_outputs(trials: int) -> Iterator[Trial]:
    for _ in range(trials):

        def trial(work: Path) -> list[str]:
            (work / "brief.yaml").write_bytes(EXAMPLE.read_bytes())
            (work / "other.yaml").write_text(brief_text(purpose="另一份稿子"), encoding="utf-8")
            args = [[str(DRAFTER), "draft", name, "-o", "out.md"] for name in ("brief.yaml", "other.yaml")]
            runs = [
                subprocess.Popen(a, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for a in args
            ]
            results = [run.communicate(timeout=60) for run in runs]
            codes = sorted(run.returncode for run in runs)
            found = [] if codes == [0, 1] else [f"overwritten output: exit codes {codes}"]
            found += [f"traceback: {err[-80:]!r}" for _, err in results if "Traceback" in err]
            return found + stray(work)

        yield trial


def killed_merge(trials: int) -> Iterator[Trial]:
    for _ in range(trials):

        def trial(work: Path) -> list[str]:
            team = write_bank(work / "team", {}, CORPUS)
            out = mined(work / "mined", range(5), "m")
            python = str(DRAFTER.with_name("python"))
            killed = subprocess.run(
                [python, "-c", KILL_ON_SECOND_FILE, str(out), str(team)], cwd=work, capture_output=True
            )
            found = [] if killed.returncode == -9 else [f"not killed: {killed.returncode}"]
            validate = drafter("bank", "validate", "--no-builtin", "team", cwd=work)
            if "interrupted" not in validate.out + validate.err:
                found.append("half-done merge not reported by validate")
            again = drafter("bank", "merge", "mined", "team", cwd=work)
            found += problems(again, "team", "mined")
            if "interrupted" not in again.err:
                found.append("half-done merge not reported by the next merge")
            if sorted(team_ids(team)) != sorted(
                f"{f}.m{n}" for f in ("closing.call", "closing.thanks", "transition") for n in range(5)
            ):
                found.append("entries lost or duplicated after the next merge")
            return found + stray(team)

        yield trial


def templates() -> Iterator[Trial]:
    expressions = [
        "cycler.__init__.__globals__.os.popen('touch {marker}').read()",
        "joiner.__init__.__globals__['os'].system('touch {marker}')",
        "lipsum.__globals__['os'].popen('touch {marker}')",
        "''.__class__.__mro__[1].__subclasses__()",
        "self._TemplateReference__context.environment",
    ]
    text = EXAMPLE.read_text(encoding="utf-8").replace("template: work_meeting", "template: evil", 1)
    for expression in expressions:

        def trial(work: Path, expression: str = expression) -> list[str]:
            marker = work / "ran"
            (work / "mine").mkdir()
            body = "{# 通报会讲话 #}\n@title 标题\n{{ " + expression.format(marker=marker) + " }}\n"
            (work / "mine" / "evil.j2").write_text(body, encoding="utf-8")
            (work / "brief.yaml").write_text(text, encoding="utf-8")
            run = drafter("draft", "brief.yaml", "--templates", "mine", "-o", "out.md", cwd=work)
            found = problems(run, "mine/", "brief.yaml")
            return found + (["a template ran a command"] if marker.exists() else [])

        yield trial

    def include(work: Path) -> list[str]:
        (work / "outside").mkdir()
        (work / "outside" / "secret.j2").write_text("机密内容\n", encoding="utf-8")
        (work / "mine").mkdir()
        (work / "mine" / "_link.j2").symlink_to(work / "outside" / "secret.j2")
        (work / "mine" / "evil.j2").write_text(
            '{# 试 #}\n@title 题\n{% include "_link.j2" %}\n', encoding="utf-8"
        )
        (work / "brief.yaml").write_text(text, encoding="utf-8")
        run = drafter("draft", "brief.yaml", "--templates", "mine", "-o", "out.md", cwd=work)
        leaked = (work / "out.md").exists() and "机密" in (work / "out.md").read_text(encoding="utf-8")
        return problems(run, "mine/", "brief.yaml") + (
            ["an include followed a symlink out"] if leaked else []
        )

    def tampered(work: Path) -> list[str]:
        (work / "mine").mkdir()
        (work / "mine" / "evil.j2").write_text("{# 我的 #}\n@title 标题\n", encoding="utf-8")
        (work / "brief.yaml").write_text(text, encoding="utf-8")
        found = problems(
            drafter("draft", "brief.yaml", "--templates", "mine", "-o", "a.md", cwd=work), "mine/"
        )
        marker = work / "ran"
        code = marshal.dumps(compile(f"open({str(marker)!r}, 'w').close()", "<cache>", "exec"))
        compiled = list(Path(os.environ["DRAFTER_CACHE_DIR"]).rglob("*.marshal"))
        if not compiled:
            found.append("no compiled template cached (cannot tamper)")
        for path in compiled:
            path.write_bytes(code)
        run = drafter("draft", "brief.yaml", "--templates", "mine", "-o", "b.md", cwd=work)
        return found + problems(run, "mine/") + (["a tampered cache ran"] if marker.exists() else [])

    yield from (include, tampered)


def corpus_oddities(big_too: bool) -> Iterator[Trial]:
    def odd(work: Path) -> list[str]:
        corpus = work / "corpus"
        (corpus / "locked").mkdir(parents=True)
        (corpus / "good.txt").write_text(SPEECH * 3, encoding="utf-8")
        (corpus / "locked" / "x.txt").write_text(SPEECH, encoding="utf-8")
        os.chmod(corpus / "locked", 0)
        (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
        (corpus / "dangling.txt").symlink_to(work / "gone.txt")
        (corpus / "dirloop").symlink_to(corpus)
        os.mkfifo(corpus / "pipe.txt")
        (corpus / "bad-byte.txt").write_bytes((SPEECH * 3).encode().replace("深刻".encode(), b"\xff", 1))
        (corpus / "japanese.txt").write_bytes(JAPANESE.encode("shift_jis"))
        (corpus / "random.txt").write_bytes(random.Random(1).randbytes(20000))
        run = drafter("mine", "corpus", "-o", "out", cwd=work, timeout=60)
        os.chmod(corpus / "locked", 0o755)
        found = problems(run, "corpus", "out")
        unnamed = [
            n
            for n in ("loop.txt", "dangling.txt", "pipe.txt", "japanese.txt", "random.txt")
            if n not in run.err
        ]
        if os.geteuid() != 0 and "locked" not in run.err:
            unnamed.append("locked")
        if unnamed:
            found.append(f"read silently or skipped without a word: {unnamed}")
        if "bad-byte.txt" in run.err and "skipped" in run.err.split("bad-byte.txt", 1)[1].split("\n", 1)[0]:
            found.append("one bad byte cost the whole speech")
        return found

    def ordinals(work: Path) -> list[str]:
        (work / "c").mkdir()
        numerals = "一二三四五六七八九"
        line = "".join(f"{numerals[n % 9]}、要抓落实。" for n in range(200_000))
        (work / "c" / "one-line.txt").write_text(SPEECH + line + "\n", encoding="utf-8")
        return problems(drafter("mine", "c", "-o", "out", cwd=work), "c", "out")

    def big(work: Path) -> list[str]:
        (work / "c").mkdir()
        with (work / "c" / "big.txt").open("w", encoding="utf-8") as handle:
            while handle.tell() < 40 * 2**20:
                handle.write(SPEECH * 200)
        run = drafter("mine", "c", "-o", "out", cwd=work, timeout=TIMEOUT * 6)  # a time, not only a hang
        slow = [f"slow: {run.seconds:.1f} s (over {TIMEOUT:g} s)"] if run.seconds > TIMEOUT else []
        return problems(run, "c", "out") + slow

    yield from (big,) if big_too else (odd, ordinals)


_ENTRY = "- id: closing.call.{0}\n  text: 同志们，{1}！\n  sources: [speech.txt:3]\n"
ODD_FILES = {  # bank files of one function, each written in a way a person might
    "flow.yaml": "function: closing.call\nentries:\n"
    '  - {id: closing.call.x1, text: "冲", sources: ["speech.txt:3"]}\n',
    "flowtags.yaml": "function: closing.call\nentries:\n"
    + _ENTRY.format("x2", "干")
    + "  tags: [团结, 奋斗]\n",
    "bom.yaml": "\ufefffunction: closing.call\nentries:\n" + _ENTRY.format("x3", "上"),
    "crlf.yaml": ("function: closing.call\nentries:\n" + _ENTRY.format("x4", "拼")).replace("\n", "\r\n"),
    "indent4.yaml": "function: closing.call\nentries:\n    -   id: closing.call.x5\n"
    "        text: 同志们，闯！\n        sources:\n            - speech.txt:3\n",
    "quoted.yaml": "'function': \"closing.call\"\n\"entries\":\n- 'id': 'closing.call.x6'\n"
    "  \"text\": '同志们，创！'\n  sources: ['speech.txt:3']\n",
    "comments.yaml": "# 团队\nfunction: closing.call  # 号召\nentries:   # 条目\n# 第一条\n"
    + _ENTRY.format("x7", "赢"),
    "noeol.yaml": "function: closing.call\nentries:\n" + _ENTRY.format("x8", "进").rstrip("\n"),
    "empty.yaml": "function: closing.call\nentries: []\n",
}


def merge_bytes() -> Iterator[Trial]:
    for name, text in ODD_FILES.items():

        def trial(work: Path, name: str = name, text: str = text) -> list[str]:
            team = write_bank(work / "team", {}, CORPUS)
            (team / name).write_bytes(text.encode("utf-8"))
            out = mined(work / "mined", range(2), "m")
            for other in out.glob("*.yaml"):
                if other.name != "closing.call.yaml":
                    other.unlink()
            os.rename(out / "closing.call.yaml", out / name)  # merged into the team file of its function
            run = drafter("bank", "merge", "mined", "team", cwd=work)
            found = problems(run, "team", "mined")
            after = (team / name).read_bytes()
            before = text.encode("utf-8").replace(
                b"entries: []", b"entries:"
            )  # the one line merge must change
            if not after.startswith(before.rstrip(b"\r\n")):
                found.append("restyled bytes (the file's own text changed)")
            if b"\r\n" in before and after.replace(b"\r\n", b"").count(b"\n"):
                found.append("line ends changed")
            if "m0" not in after.decode("utf-8"):
                found.append("candidate not merged into the file")
            return found + stray(team)

        yield trial


def classes(trials: int) -> dict[str, Callable[[], Iterator[Trial]]]:
    return {
        "brief tags (!!int, !!bool, !x)": brief_tags,
        "brief numbers (.inf, 1e300, nan, huge)": brief_numbers,
        "100+ sections / points": brief_counts,
        "control chars, 256+ char title to .docx": docx_text,
        "fillers with newline, ⟦⟧, @h1": markup_injection,
        "raw NUL, UTF-16, bad byte in brief": raw_nul,
        "brief symlink loop / dangling / folder": symlink_brief,
        "batch with one bad brief": batch,
        "alias bombs (brief, bank)": alias_bombs,
        "zip bomb .docx (understated header)": zip_bomb,
        f"two bank merges at once x{trials}": lambda: concurrent_merges(trials),
        f"two drafts to one new output x{trials}": lambda: exclusive_outputs(trials),
        f"kill -9 of a merge, then next run x{max(1, trials // 4)}": lambda: killed_merge(
            max(1, trials // 4)
        ),
        "templates: python, symlink include, tampered cache": templates,
        "corpus oddities, one 200k-ordinal line": lambda: corpus_oddities(big_too=False),
        "a 40 MB corpus document": lambda: corpus_oddities(big_too=True),
        "merge bytes on 9 odd files": merge_bytes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20, help="trials of each concurrency class")
    parser.add_argument("--only", default="", help="run the classes whose name holds this text")
    options = parser.parse_args()
    rows = []
    for name, make in classes(options.trials).items():
        if options.only not in name:
            continue
        tried = failed = 0
        SLOWEST[0] = 0.0
        start = time.perf_counter()
        for trial in make():
            tried += 1
            with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as cache:
                os.environ["DRAFTER_CACHE_DIR"] = cache
                try:
                    found = trial(Path(work))
                except Exception as exc:  # the audit's own failure counts too
                    found = [f"audit error: {exc!r}"[:120]]
                finally:
                    for path in Path(work).rglob("*"):
                        if path.is_dir() and not path.is_symlink():
                            path.chmod(0o755)
            failed += bool(found)
            if found:
                print(f"  {name}: {found}", file=sys.stderr)
        rows.append((name, tried, failed, time.perf_counter() - start, SLOWEST[0]))
        print(
            f"{name:<55} tried {tried:>3}  failed {failed:>3}  slowest command {SLOWEST[0]:.1f} s", flush=True
        )
    print("\n| class | tried | failed | slowest command (s) |\n|---|---:|---:|---:|")
    for name, tried, failed, _, slowest in rows:
        print(f"| {name} | {tried} | {failed} | {slowest:.1f} |")


if __name__ == "__main__":
    main()
