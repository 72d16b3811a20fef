"""The miner's document-wide scans find what a loop over every sentence of every paragraph finds.

The extractors look for their sentences with one regex call over `Outline.marked` instead of
testing each sentence of `Paragraph.sentences` in Python; these tests hold each scan to the loop it
replaced (kept here as the reference), on drawn paragraphs full of marks, spaces and NULs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.bank import particulars
from drafter.miner import clean
from drafter.miner.candidates import Candidate
from drafter.miner.document_kind import _NEWS_WORDS, _SPEAKER_WORDS, _WORDS
from drafter.miner.extract import heading_sets, problems, quotes, requirements
from drafter.miner.outline import Heading, Outline, Paragraph
from drafter.miner.text import PLACEHOLDER_RE, SPACES, normalize_text

SCANS = settings(max_examples=300, deadline=None, derandomize=True, database=None)
# what the scans turn on: sentence marks, colons, commas, quotes, spaces, NUL, the lead words
ALPHABET = (
    "。！？；：，、“”《》 \u3000\t\x00"
    "要必须坚决务必切实一定决不能绝允许"
    "有的些一少数个别干部门位同志学习落实快好其X"
)
_HEADING = Heading("cn、", 1, 1, None, 1)


@st.composite
def outlines(draw: st.DrawFn) -> Outline:
    piece = st.text(alphabet=ALPHABET, max_size=14)  # short pieces: many short sentences
    texts = draw(st.lists(st.lists(piece, max_size=6).map("".join), max_size=6))
    headed = draw(st.lists(st.booleans(), min_size=len(texts), max_size=len(texts)))
    outline = Outline("drawn.txt")
    for number, (text, heading) in enumerate(zip(texts, headed, strict=True), start=1):
        outline.paragraphs.append(Paragraph(number, text, _HEADING if heading else None))
    return outline


@given(outlines())
@SCANS
def test_the_marked_text_holds_every_sentence_between_two_nuls(outline: Outline) -> None:
    every_piece = re.compile(f"\0[{SPACES}]*+([^\0]*)(?=\0)")
    found = [(p.line, m.group(1).rstrip()) for p, m in outline.sentence_matches(every_piece)]
    assert [item for item in found if item[1]] == [
        (p.line, s) for p in outline.paragraphs for s in p.sentences
    ]


def _sentence_loop(outline: Outline, leads: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    for paragraph in outline.paragraphs:
        for sentence in paragraph.sentences:
            if sentence.startswith(leads):
                yield paragraph.line, sentence


@given(outlines())
@SCANS
def test_requirements_and_problems_are_the_sentences_that_open_with_their_words(outline: Outline) -> None:
    for pattern, leads in (
        (requirements._CLAUSE_RE, requirements._LEADS),
        (problems._SOME_CLAUSE_RE, problems._SOME),
    ):
        found = [(p.line, m.group(1).rstrip()) for p, m in outline.sentence_matches(pattern)]
        assert found == list(_sentence_loop(outline, leads))


def _sayings(outline: Outline) -> Iterator[Candidate]:
    """The loop `quotes.extract` ran over every sentence (its stand-alone sayings)."""
    for paragraph in outline.paragraphs:
        for sentence in paragraph.sentences:
            quoted = quotes._QUOTED_SENTENCE_RE.match(sentence) if sentence[0] == "“" else None
            couplet = quotes._COUPLET_RE.match(sentence) if sentence.count("，") == 1 else None
            if quoted and not quotes.has_placeholder(sentence):
                yield Candidate("quote", quoted.group(1), "", paragraph.line)
            elif (
                couplet and len(couplet.group(1)) == len(couplet.group(2)) and quotes._may_be_saying(sentence)
            ):
                yield Candidate("quote", sentence, "", paragraph.line)


@given(
    outlines(),
    st.lists(st.sampled_from(["“好好学习天天向上”。", "学习落实，落实学习。", "“快好”"]), max_size=3),
)
@SCANS
def test_sayings_are_the_whole_sentences_that_are_quotations_or_couplets(
    outline: Outline, more: list[str]
) -> None:
    outline.paragraphs.append(Paragraph(99, "".join(more)))
    found = [
        (c.line, c.text.strip("“”") if c.text.startswith("“") else c.text) for c in quotes.extract(outline)
    ]
    expected = [(c.line, c.key) for c in _sayings(outline)]
    assert [item for item in found if item in expected] == expected  # the lead-in quotes aside
    assert len(found) - len(expected) == len(list(quotes._LEAD_RE.finditer(outline.text)))


def _short_runs(outline: Outline) -> Iterator[tuple[int, list[str]]]:
    """The loop `heading_sets._unnumbered_runs` ran over every sentence."""
    for paragraph in outline.paragraphs:
        parts = paragraph.sentences[1:] if paragraph.heading is not None else paragraph.sentences
        shorts = []
        for sentence in parts:
            body = sentence.rstrip("。！？；：")
            short = 2 <= len(body) <= 10 and not heading_sets._PUNCT_RE.search(body)
            if short and not heading_sets._NUMBERED_START_RE.match(body):
                shorts.append(body)
        if len(shorts) >= 3:
            yield paragraph.line, shorts
            by_first: dict[str, list[str]] = {}
            for short in shorts:
                by_first.setdefault(short[0], []).append(short)
            yield from ((paragraph.line, g) for g in by_first.values() if 3 <= len(g) < len(shorts))


@given(outlines())
@settings(SCANS, suppress_health_check=[HealthCheck.too_slow])
def test_unnumbered_runs_are_the_short_sentences_of_each_paragraph(outline: Outline) -> None:
    assert list(heading_sets._unnumbered_runs(outline)) == list(_short_runs(outline))


@given(st.text(alphabet="".join(set("".join(_NEWS_WORDS + _SPEAKER_WORDS))) + "，x", max_size=80))
@SCANS
def test_one_scan_counts_the_speaker_and_news_words_as_counting_each_word(text: str) -> None:
    words = _WORDS.find_matches_as_indexes(text.encode())
    speaker = sum(index < len(_SPEAKER_WORDS) for index, _, _ in words)
    assert (speaker, len(words) - speaker) == (
        sum(map(text.count, _SPEAKER_WORDS)),
        sum(map(text.count, _NEWS_WORDS)),
    )


@given(outlines())
@SCANS
def test_the_sentences_saying_a_word_are_those_the_loop_over_every_sentence_finds(outline: Outline) -> None:
    words = ("：", "要必")
    expected = [(p.line, s) for p in outline.paragraphs for s in p.sentences if any(w in s for w in words)]
    assert [(p.line, s) for p, s in outline.sentences_saying(words)] == expected


@given(outlines())
@SCANS
def test_the_paragraphs_saying_a_word_are_those_that_hold_it(outline: Outline) -> None:
    words = ("：", "要必", "落实")
    expected = [p for p in outline.paragraphs if any(word in p.text for word in words)]
    assert outline.paragraphs_saying(words) == expected


PLAIN = "要的一是好学习落实 \u3000\u2003\ufeff\t：，。"  # and what a dateline, a credit, a title need:
MARKED = PLAIN + "记者电日（2020年）小编"
WORDS = ("要的", "学习落实", "\u3000\u3000", "  ", "\ufeff", "记者", "日电", "（2020年）", "（", "小编", "。")
WORDS += ("新华社北京3月5日电",)


LINES = (
    st.text(alphabet=PLAIN, min_size=20, max_size=60)
    | st.text(alphabet=MARKED, max_size=50)
    | st.lists(st.sampled_from(WORDS), max_size=30).map("".join)  # long lines holding the marks' words
)


def _paragraphs_line_by_line(lines: list[str]) -> list[clean.Line]:
    """The reference: `clean.paragraphs` with every line that no noise marker makes noise cut up by
    `_segments` (what `paragraphs` tells without calling it for most lines)."""
    text = normalize_text("\n".join(line.replace("\n", " ") for line in lines))
    credit = any(word in text for word in clean._CREDIT_WORDS)
    title = "（" in text if credit else clean._TITLE_DATE_RE.search(text) is not None
    marks = clean._Marks("日电" in text, credit, title)
    found = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if clean._NOISE_RE.search(raw) is None:
            pieces = [
                line for line in clean._segments(raw, marks) if not (len(line) <= 24 and clean.is_noise(line))
            ]
            found += [clean.Line(number, line) for line in pieces]
    return found


@given(st.lists(LINES, max_size=8))
@SCANS
def test_plain_lines_are_cleaned_as_every_line_is(lines: list[str]) -> None:
    assert clean.paragraphs(lines) == _paragraphs_line_by_line(lines)


@given(st.text(alphabet="".join(set("".join(clean.NOISE_MARKERS))) + "\n，x", max_size=120))
@SCANS
def test_the_noise_automaton_finds_where_the_alternation_of_markers_matches(text: str) -> None:
    found = [start for _, start, _ in clean._NOISE_MARKERS.find_matches_as_indexes(text.encode())]
    # (the automaton reads UTF-8: its finds are byte offsets)
    assert found == [len(text[: match.start()].encode()) for match in clean._NOISE_RE.finditer(text)]


def _names_by_position(
    names: frozenset[str], text: str, where: Callable[[str, int, int], bool] | None
) -> Iterator[tuple[int, int]]:
    """The reference: at each position in turn, the longest name there that `where` takes."""
    position = 0
    while position < len(text) - 1:
        for end in range(len(text), position + 1, -1):
            if text[position:end] in names and (where is None or where(text, position, end)):
                yield position, end
                position = end - 1
                break
        position += 1


_PLACES = particulars.place_names()
# names side by side (a name's end may start another), halves of names, and what stands around them
_PLACE_PIECES = [*sorted(_PLACES[0] | _PLACES[1]), "在", "的", "、", "，", "市", "省", "人民"]
_PLACE_TEXTS = st.lists(
    st.sampled_from(_PLACE_PIECES).flatmap(lambda name: st.sampled_from([name, name[1:], name[:-1]])),
    max_size=8,
).map("".join)


@given(_PLACE_TEXTS)
@SCANS
def test_the_gazetteer_finds_the_leftmost_longest_names_a_loop_over_positions_finds(text: str) -> None:
    gazetteers = particulars._gazetteers()
    assert gazetteers is not None
    names, cities = gazetteers
    assert list(names.finditer(text)) == list(_names_by_position(names.names, text, None))
    for where in (particulars._after_place_word, particulars._before_place_word):
        assert list(cities.finditer(text, where)) == list(_names_by_position(cities.names, text, where))


# lead words, their pieces and what may follow them, side by side
_QUOTE_PIECES = [
    *quotes._LEADS,
    "正如",
    "所说",
    "有句",
    "老",
    "话说",
    "，",
    "：",
    "“",
    "”",
    "。",
    "！",
    "\n",
    "x",
]
_QUOTE_SAYINGS = ["正如古人所说", "正如有句老话所说", "工作要落实。", "“干部要干事”", "说到做到！"]
_QUOTE_TEXTS = st.lists(st.sampled_from(_QUOTE_PIECES + _QUOTE_SAYINGS), max_size=16).map("".join)


@given(_QUOTE_TEXTS)
@SCANS
def test_the_quote_leads_tried_where_a_lead_word_starts_are_what_the_regex_scan_finds(text: str) -> None:
    found = [match.span() for match in quotes.lead_matches(text)]
    assert found == [match.span() for match in quotes._LEAD_RE.finditer(text)]


_PLACEHOLDER_ALTERNATION = re.compile(r"XX|(?<![A-Za-z{])X(?![A-Za-z}])|×|某某|ＸＸ")


@given(st.text(alphabet="XＸ×某{}aZ要 ", max_size=12))
@SCANS
def test_the_placeholder_scan_finds_what_the_alternation_finds(text: str) -> None:
    found = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
    assert found == [(m.start(), m.end()) for m in _PLACEHOLDER_ALTERNATION.finditer(text)]


# boundaries, what markers open with and go on with, circled digits, and other characters, side by side
_INLINE_PIECES = [
    *"：。；，、\n一二三十其第首再最先次后是要①⑩⑪x好",
    "其一，",
    "第二，",
    "首先、",
    "一是",
    "二要",
]


@given(st.lists(st.sampled_from(_INLINE_PIECES), max_size=24).map("".join))
@SCANS
def test_inline_markers_tried_where_the_automaton_finds_are_what_the_regex_scan_finds(text: str) -> None:
    from drafter.miner.outline import _INLINE_RE, inline_matches

    found = [match.span() for match in inline_matches(text)]
    assert found == [match.span() for match in _INLINE_RE.finditer("\n" + text)]


@given(st.text(alphabet=" \u3000\u2003\t\n\xa0x好，", max_size=40))
@SCANS
def test_glue_opened_by_its_class_splits_as_the_alternation(line: str) -> None:
    alternation = re.compile(f"[{SPACES}]{{2,}}|[\u3000\u2003]")
    assert clean._GLUE_RE.split(line) == alternation.split(line)
