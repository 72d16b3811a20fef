"""The miner's small text helpers: the spaces listed, punctuation made full-width."""

from __future__ import annotations

import re

from drafter.miner.text import SPACES, normalize_text


def test_listed_spaces_are_the_regex_spaces() -> None:
    listed = re.compile(f"[{SPACES}]")
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    assert listed.findall(every) == re.findall(r"\s", every)


def test_punctuation_goes_back_to_half_width_between_ascii_characters() -> None:
    between = re.compile("[，：；！？（）](?<=[\x20-\x7e][，：；！？（）])(?=[\x20-\x7e])")  # the definition
    halves = dict(zip("，：；！？（）", ",:;!?()", strict=True))
    for text in [
        "10:53:29",
        "a,b,c",
        "a，，b",
        "x(,)y",
        "会议:开始",
        "1;2;3",
        "(a)",
        "a, b。c:d",
        ":a:",
        "a:",
    ]:
        full = text
        for half, whole in zip(",:;!?()", "，：；！？（）", strict=True):
            full = full.replace(half, whole)
        assert normalize_text(text) == between.sub(lambda m: halves[m.group(0)], full), text
