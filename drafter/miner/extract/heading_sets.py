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
from drafter.miner.outline import Outline
from drafter.miner.skeleton import Skeleton, skeleton_of
from drafter.miner.text import has_placeholder

MIN_MEMBERS, MAX_MEMBERS = 3, 7
_UNNUMBERED_MAX = 10
_NUMBERED_START_RE = re.compile("^(?:[一二三四五六七八九十]+[是要、]|其[一二三四五六七八九十]|第|（|[①-⑩])")
_PUNCT_RE = re.compile("[，、：；。！？“”《》（）]")


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
    found: dict[tuple[str, bool], list[list[str]]] = {}  # a repeated paragraph is split once
    for paragraph in outline.paragraphs:
        key = (paragraph.text, paragraph.heading is not None)
        groups = found.get(key)
        if groups is None:
            groups = found[key] = _short_groups(paragraph.sentences, headed=key[1])
        for group in groups:
            yield paragraph.line, group


def _short_groups(parts: list[str], *, headed: bool) -> list[list[str]]:
    """A paragraph's short sentences, and those of them with one first character, when three or more."""
    if headed:
        parts = parts[1:]  # the first sentence is the numbered heading itself
    shorts: list[str] = []
    for sentence in parts:
        if len(sentence) > _UNNUMBERED_MAX and sentence[_UNNUMBERED_MAX] not in "。！？；：":
            continue  # too long however its final marks are stripped (most sentences: cheap test first)
        body = sentence.rstrip("。！？；：")
        is_short = 2 <= len(body) <= _UNNUMBERED_MAX and not _PUNCT_RE.search(body)
        if is_short and not _NUMBERED_START_RE.match(body):
            shorts.append(body)
    if len(shorts) < MIN_MEMBERS:
        return []
    groups: list[list[str]] = [shorts]
    by_first: dict[str, list[str]] = {}
    for short in shorts:
        by_first.setdefault(short[0], []).append(short)
    groups.extend(g for g in by_first.values() if MIN_MEMBERS <= len(g) < len(shorts))
    return groups
