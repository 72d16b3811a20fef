"""Near-duplicate search: the prefix-filtered join finds exactly the pairs a full comparison finds."""

from __future__ import annotations

import itertools
import random

import pytest

from drafter.bank.similar import jaccard, similar_pairs
from drafter.bank.text import bigrams, normalize


def brute_force(texts: list[str], threshold: float) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, j in itertools.combinations(range(len(texts)), 2)
        if jaccard(bigrams(texts[i]), bigrams(texts[j])) >= threshold
    ]


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.8, 0.95, 1.0])
@pytest.mark.parametrize("with_short", [True, False])
def test_same_pairs_as_comparing_every_pair(threshold: float, with_short: bool) -> None:
    rng = random.Random(11)
    bases = [
        "要切实加强理论学习不断提高政治能力",
        "坚决反对形式主义官僚主义",
        "同志们让我们团结一心努力奋斗",
        "谢谢大家",
    ]
    texts = []
    for _ in range(250):
        chars = list(rng.choice(bases))
        for _ in range(rng.randint(0, 4)):
            chars[rng.randrange(len(chars))] = rng.choice("的一是在不了有和人")
        texts.append("".join(chars))
    if not with_short:  # every pair must then share two prefix tokens: the stricter filter
        texts = [text for text in texts if len(text) >= 6]
    found = sorted((i, j) for i, j, _ in similar_pairs(texts, threshold))
    assert found == brute_force(texts, threshold)
    assert found  # the sample does hold similar texts


def test_similarity_values_and_bad_threshold() -> None:
    pairs = list(similar_pairs(["要加强学习", "要加强学习啊", "完全不同的话"], 0.7))
    assert pairs == [(0, 1, pytest.approx(0.8))]
    with pytest.raises(ValueError):
        list(similar_pairs(["a"], 0))


def test_normalize_ignores_punctuation_spaces_and_slot_names() -> None:
    assert normalize("关于 {topic} 方面，我强调三点：") == normalize("关于{X}方面我强调三点")
    assert normalize("谢谢大家！") == "谢谢大家"
    assert normalize("“五大发展理念”") == "五大发展理念"
    assert bigrams("谢谢") == frozenset({"谢谢"}) and bigrams("谢") == frozenset({"谢"})
