"""`LazyPattern`: compiled on first use, matching as the compiled pattern does."""

from __future__ import annotations

import re

from drafter.patterns import LazyPattern


def test_a_lazy_pattern_is_compiled_on_first_use_and_matches_as_re_does() -> None:
    source = r"(?P<level>省|市|县)长$"
    lazy, compiled = LazyPattern(source), re.compile(source)
    assert lazy._compiled is None
    for text in ("副县长", "市长", "局长", "县长助理"):
        found, expected = lazy.search(text), compiled.search(text)
        assert (found and found.group("level")) == (expected and expected.group("level"))
        assert bool(lazy.match(text)) == bool(compiled.match(text))
        assert bool(lazy.fullmatch(text)) == bool(compiled.fullmatch(text))
    assert lazy.compiled is lazy.compiled
    assert lazy.sub("X", "县长和市长", 1) == compiled.sub("X", "县长和市长", 1) == "县长和X"
    words = LazyPattern(r"[，。]")
    assert words.split("甲，乙。丙") == ["甲", "乙", "丙"]
    assert words.findall("甲，乙。") == ["，", "。"]
    assert [m.start() for m in words.finditer("甲，乙。")] == [1, 3]
    assert LazyPattern("a", re.IGNORECASE).search("A") is not None
