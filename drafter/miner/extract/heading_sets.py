"""Parallel heading sets (whole sibling sets, with skeleton and slot values) and heading skeletons.

Sources of sets: sibling runs of the outline (numbered headings on their own lines or run in, and
enumerations inside a paragraph) and unnumbered run-in headings — three or more short sentences of
one paragraph that share a skeleton (`要快字当头。…要绝对执行。…要闭环管理。`) — and the points a
heading names after `即` (`…，即政策清楚、情况清楚、标杆清楚`).
A set has 3-7 distinct members; numbered sets inside a paragraph and unnumbered ones must also be
of comparable length. Every set with a skeleton of two or more fixed characters also yields a
`heading` candidate keyed by the skeleton alone, so the same formula is counted across documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from drafter.miner.candidates import Candidate, Members
from drafter.miner.outline import Outline, Paragraph
from drafter.miner.skeleton import Skeleton, skeleton_of
from drafter.miner.text import SPACES, has_placeholder

MIN_MEMBERS, MAX_MEMBERS = 3, 7
_UNNUMBERED_MAX = 10
_NUMBERED_START_RE = re.compile("^(?:[一二三四五六七八九十]+[是要、]|其[一二三四五六七八九十]|第|（|[①-⑩])")
_PUNCT = "，、：；。！？“”《》（）"
_PUNCT_RE = re.compile(f"[{_PUNCT}]")
# A sentence that may be short (`Outline.sentence_matches`): at most `_UNNUMBERED_MAX` characters before
# its final marks, none of them punctuation; found in the whole document at once.
# (Spaces and characters taken possessively: the sentence never starts with a space, no backtracking.)
_SHORT_RE = re.compile(f"\0[{SPACES}]*+([^\0{_PUNCT}]{{2,{_UNNUMBERED_MAX}}}+[。！？；：{SPACES}]*)(?=\0)")


def extract(outline: Outline) -> Iterator[Candidate]:
    seen: set[tuple[str, ...]] = set()
    for run in outline.sibling_runs:
        members = [h.text for h in run]
        if any(m is None for m in members):
            continue
        # `做到“三个清楚”，即政策清楚、…`: the member is the part before 即; the named points are a set below
        texts = [m.split("，即", 1)[0] for m in members if m is not None]
        symmetric_needed = run[0].inline or run[0].level > 4
        yield from _set_candidates(texts, run[0].line, symmetric_needed, seen, numbered=True)
    for line, texts in _unnumbered_runs(outline):
        yield from _set_candidates(texts, line, True, seen, numbered=False)
    for paragraph in outline.paragraphs:
        # a heading that names its own points: `做到“三个清楚”，即政策清楚、情况清楚、标杆清楚`
        text = paragraph.heading.text if paragraph.heading else None
        if text and "即" in text:
            named = text.rsplit("即", 1)[1].split("、")
            yield from _set_candidates(named, paragraph.line, True, seen, numbered=False)


def _set_candidates(
    texts: Sequence[str], line: int, symmetric_needed: bool, seen: set[tuple[str, ...]], *, numbered: bool
) -> Iterator[Candidate]:
    members = tuple(texts)
    if not MIN_MEMBERS <= len(members) <= MAX_MEMBERS or len(set(members)) != len(members) or members in seen:
        return
    if any(len(m) < 2 or len(m) > 30 or has_placeholder(m) for m in members):
        return
    lengths = [len(m) for m in members]
    if symmetric_needed and max(lengths) > 2 * min(lengths):
        return
    skeleton = skeleton_of(members)
    if skeleton is not None and _weak(skeleton):
        skeleton = None  # `{X}教育{Y}`: one content word the members share by chance is no formula
    literal = _literal_length(skeleton)
    if not numbered and literal < 1:
        return
    seen.add(members)
    yield _heading_set(members, skeleton, literal, line, numbered=numbered)
    if skeleton is not None and literal >= 2:
        yield Candidate(
            "heading",
            skeleton.text,
            skeleton.text,
            line,
            quality=1.0 + 0.2 * literal,
            note="如：" + "／".join(members),
        )


def _heading_set(
    members: tuple[str, ...], skeleton: Skeleton | None, literal: int, line: int, *, numbered: bool
) -> Candidate:
    if skeleton is None:
        text = "{X}"
        values: Members = tuple((("X", m),) for m in members)
        quality = 1.0
    else:
        text, values = skeleton.text, skeleton.values
        quality = 1.5 + min(literal, 4) * 0.25
    lengths = [len(m) for m in members]
    if max(lengths) - min(lengths) <= 1:
        quality += 0.5  # equal length is what makes a set read as parallel
    if not numbered:
        quality -= 0.25
    return Candidate(
        "heading_set",
        "／".join(members),
        text,
        line,
        quality=round(quality, 3),
        members=values,
        note="／".join(members),
    )


_FUNCTION_CHARS = frozenset("要更之与和及的为把以在一")


def _weak(skeleton: Skeleton) -> bool:
    """Slots at both ends around one short literal without a function word (`{X}持续{Y}`)."""
    text = skeleton.text
    literal = skeleton.literal
    return (
        text.startswith("{")
        and text.endswith("}")
        and text.count("{") == 2
        and len(literal) <= 2
        and not set(literal) & _FUNCTION_CHARS
    )


def _literal_length(skeleton: Skeleton | None) -> int:
    """How many fixed characters, punctuation aside, the skeleton has (0 without one)."""
    return len(_PUNCT_RE.sub("", skeleton.literal)) if skeleton is not None else 0


def _unnumbered_runs(outline: Outline) -> Iterator[tuple[int, list[str]]]:
    shorts: list[str] = []
    current: Paragraph | None = None
    for paragraph, found in outline.sentence_matches(_SHORT_RE):
        if paragraph is not current:
            if current is not None:
                yield from _short_groups(current.line, shorts)
            current, shorts = paragraph, []
        if paragraph.heading is not None and _first_sentence(outline.marked, found.start()):
            continue  # the first sentence of a headed paragraph is the numbered heading itself
        body = found.group(1).rstrip().rstrip("。！？；：")
        is_short = 2 <= len(body) <= _UNNUMBERED_MAX and not _PUNCT_RE.search(body)
        if is_short and not _NUMBERED_START_RE.match(body):
            shorts.append(body)
    if current is not None:
        yield from _short_groups(current.line, shorts)


def _first_sentence(marked: str, start: int) -> bool:
    """Whether the sentence at `start` in `Outline.marked` is the first of its paragraph."""
    before = marked[marked.rfind("\n", 0, start) + 1 : start]
    return not before.replace("\0", "").strip()  # nothing but empty pieces before it


def _short_groups(line: int, shorts: list[str]) -> Iterator[tuple[int, list[str]]]:
    """A paragraph's short sentences, and those of them with one first character, when three or more."""
    if len(shorts) < MIN_MEMBERS:
        return
    yield line, shorts
    by_first: dict[str, list[str]] = {}
    for short in shorts:
        by_first.setdefault(short[0], []).append(short)
    for group in by_first.values():
        if MIN_MEMBERS <= len(group) < len(shorts):
            yield line, group
