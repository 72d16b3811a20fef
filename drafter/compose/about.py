"""Whether a bank sentence is about a point: shared words of the point's own, a distinctive word
of its heading's subject, no catalogue; and whether one more sentence piles up the subject's words.

Relevance (`drafter.compose.relevance`) ranks the field's material against a point's words; these
tests decide which of the ranked sentences a point may say (`SpeechContext.material`).
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.compose.select import key_terms

ABOUT_CHARS = 4  # characters of a point's own key terms a sentence must share to be about it
CATALOGUE_ITEMS = 5  # a sentence listing this many items (four 、) is a catalogue, about no one point


def about(
    own: frozenset[str],
    heading: frozenset[str],
    text: str,
    topic: str = "",
    common: Callable[[str], bool] = lambda term: False,
) -> bool:
    """Whether `text` shares key terms covering `ABOUT_CHARS` characters with a point's own words,
    one of them its heading's subject's (`heading`: the point's topic, the heading's verbs aside, so
    that `推进一网通办` does not share `进一` with `引进一批企业`): a sentence on 招商 is not about
    `重团结` because the writer's sentence under it mentions 招商; the subject's words shared cover
    three characters of it, or one of them is not `common` in the bank (`隐患` under `隐患排查`,
    not `政策` under `惠企政策` nor `监管` under `部门监管责任`). A catalogue (`道路交通、水上运输、
    燃气、消防、危化品、矿山…`) is about everything it lists, so about no one point. Any other
    sentence that says the point's whole subject (`topic`, three characters or more) is about it."""
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
    return not heading or len(chars) >= 3 or any(not common(term) for term in anchors)


MENTIONS = 4  # a paragraph says a word of its point's subject at most this many times (its heading aside)


def piles(topic: str, said: str, text: str) -> bool:
    """Whether `text` would make a paragraph say a word of its subject more than `MENTIONS` times
    (`特色产业` five times in one paragraph reads as padding)."""
    return any(said.count(term) + text.count(term) > MENTIONS for term in key_terms(topic) if term in text)


def catalogue(text: str) -> bool:
    """Whether `text` lists `CATALOGUE_ITEMS` items or more (a list of nouns is about no one point)."""
    return text.count("、") >= CATALOGUE_ITEMS - 1
