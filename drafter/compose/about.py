"""Whether a bank sentence is about a point: shared words of the point's own, a distinctive word
of its heading's subject, no catalogue; and whether one more sentence piles up the subject's words.

Relevance (`drafter.compose.relevance`) ranks the field's material against a point's words; these
tests decide which of the ranked sentences a point may say (`SpeechContext.material`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from drafter.compose.select import key_terms, shingles

ABOUT_CHARS = 4  # characters of a point's own key terms a sentence must share to be about it
WRITER_RUN = 4  # ... or characters in a row it shares with the writer's sentences under the point
# Words of attitude and effort any field's sentences say (`牢固树立红线意识` shares `牢固树立` with
# `牢固树立宗旨意识`, `在…上下功夫` with `在解决实际困难上下功夫`): a run of the writer's with one of
# them does not make a sentence about the point.
GENERIC_WORDS = ("牢固树立", "下功夫", "积极性", "主动性", "创造性", "紧迫感", "责任感", "使命感")
CATALOGUE_ITEMS = 5  # a sentence listing this many items (four 、) is a catalogue, about no one point


def about(
    own: frozenset[str],
    heading: frozenset[str],
    text: str,
    topic: str = "",
    common: Callable[[str], bool] = lambda term: False,
    writer: Sequence[str] = (),
) -> bool:
    """Whether `text` shares key terms covering `ABOUT_CHARS` characters with a point's own words,
    one of them its heading's subject's (`heading`: the point's topic, the heading's verbs aside, so
    that `推进一网通办` does not share `进一` with `引进一批企业`): a sentence on 招商 is not about
    `重团结` because the writer's sentence under it mentions 招商; the subject's words shared cover
    three characters of it, or one of them is not `common` in the bank (`隐患` under `隐患排查`,
    not `政策` under `惠企政策` nor `监管` under `部门监管责任`). A catalogue (`道路交通、水上运输、
    燃气、消防、危化品、矿山…`) is about everything it lists, so about no one point. Any other
    sentence that says the point's whole subject (`topic`, three characters or more) is about it,
    and so is one that says a distinctive run of the `writer`'s sentences under the point
    (`黑臭水体` under `要加强水环境治理` whose sentence is `抓好黑臭水体整治`): the writer said what
    the point is about in so many words."""
    if catalogue(text):
        return False
    if len(topic) >= 3 and topic in text:
        return True
    terms = key_terms(text)
    shared = own & terms
    if len({c for term in shared for c in term}) < ABOUT_CHARS:
        return False
    # the subject's words, not a common one of them in passing: `支持政策` is not about `惠企政策`
    anchors = heading & terms
    chars = {c for term in anchors for c in term}
    if not heading or len(chars) >= 3 or any(not common(term) for term in anchors):
        return True
    return says_writers_words(writer, text, common)


def says_writers_words(writer: Sequence[str], text: str, common: Callable[[str], bool]) -> bool:
    """Whether `text` shares `WRITER_RUN` characters in a row with one of the `writer`'s sentences,
    a run not made only of `common` words (`黑臭水体`, not `加强监管`)."""
    said = frozenset().union(*(shingles(sentence, WRITER_RUN) for sentence in writer))
    runs = shingles(text, WRITER_RUN) & said
    return any(
        not all(common(run[i : i + 2]) for i in range(WRITER_RUN - 1))
        and not any(word in run for word in GENERIC_WORDS)
        for run in runs
    )


MENTIONS = 4  # a paragraph says a word of its point's subject at most this many times (its heading aside)


_SENTENCE = re.compile(r"(?<=[。！？；])")


def piles(topic: str, said: str, text: str) -> bool:
    """Whether `text` would make a paragraph say a word of its subject in more than `MENTIONS`
    sentences (`特色产业` in five sentences of one paragraph reads as padding; one sentence saying
    `社区养老、居家养老和互助养老` says it once)."""
    sentences = [s for s in _SENTENCE.split(said) if s]
    terms = [term for term in key_terms(topic) if term in text]
    return any(sum(term in sentence for sentence in sentences) + 1 > MENTIONS for term in terms)


RETOLD = 3  # a paragraph says a run of the writer's words (`黑臭水体`) at most this many times


def retells(writer: Sequence[str], topic: str, said: str, text: str) -> bool:
    """Whether `text` would make a paragraph say a run of the `writer`'s words (`WRITER_RUN`
    characters) more than `RETOLD` times (`黑臭水体` four times in a paragraph reads as padding);
    the runs of the point's `topic` are `piles`'s to count."""
    runs = frozenset().union(*(shingles(sentence, WRITER_RUN) for sentence in writer))
    runs -= shingles(topic, WRITER_RUN)
    return any(said.count(run) >= RETOLD for run in shingles(text, WRITER_RUN) & runs)


def catalogue(text: str) -> bool:
    """Whether `text` lists `CATALOGUE_ITEMS` items or more (a list of nouns is about no one point)."""
    return text.count("、") >= CATALOGUE_ITEMS - 1
