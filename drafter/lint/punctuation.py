"""Unpaired quotes and brackets within a paragraph."""

from __future__ import annotations

from drafter.lint.read import Paragraph

Found = tuple[int, str, str]

PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "〔": "〕", "【": "】", "[": "]"}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}


def unpaired(text: str) -> list[str]:
    """The marks of a text that have no partner, in order (an opener left open, a stray closer)."""
    stack: list[str] = []
    strays: list[str] = []
    for char in text:
        if char in PAIRS:
            stack.append(char)
        elif char in _CLOSERS:
            if stack and stack[-1] == _CLOSERS[char]:
                stack.pop()
            elif _CLOSERS[char] in stack:
                while stack and stack[-1] != _CLOSERS[char]:
                    strays.append(stack.pop())
                stack.pop()
            else:
                strays.append(char)
    return strays + stack


def check(paragraphs: list[Paragraph]) -> list[Found]:
    found: list[Found] = []
    for p in paragraphs:
        marks = unpaired(p.text)
        if marks:
            shown = " ".join(marks)
            found.append((p.number, "unpaired", f"引号或括号不成对：{shown}"))
    return found
