"""The order of a point's sentences: why it matters, what to do, how in a given case, then a close.

The bank's sentences for one point are picked by topic; `stage` tells where each belongs, so that
the paragraph reasons its way through the point as the model speeches do.
"""

from __future__ import annotations

from drafter.patterns import LazyPattern

# How a point's paragraph reasons in the model speeches (003, 001): why it matters or how things
# stand (`作风建设永远在路上。`), what to do (`要……`), how in a given case (`对于……，要……`), and a
# close (`……，确保……。`, `……追责。`). A point's bank sentences are said in that order (`stage`),
# those of one stage in the order they were picked; the writer's own come before them all.
WHY, WHAT, HOW, CLOSE = range(4)
# An obligation: 要 (not 重要、主要、需要、只要、要求 …), 必须, 一定 …
_DIRECTIVE = LazyPattern(
    r"(?<![重主需只纲摘提首紧])要(?![求素点害])|必须|务必|一定|不能|不得|决不|绝不|严禁|坚决"
)
# A statement: X是Y (not 特别是、凡是、无论是、就是要 …), 只有……才, 在于, 等于 …; said before any
# obligation (`调查研究是……基本功，要……`), or anywhere for a verdict (`……，很大程度上取决于……`).
_STATEMENT = LazyPattern(
    r"(?<![别还凡论管而或但总])是(?![要否])|只有|才能|就能|在于|等于|重在|离不开"
    r"|很难|永远在路上|日新月异|相辅相成"
)
_VERDICT = LazyPattern(r"取决于|关乎|事关|至关重要|不可或缺|意义重大")
_SITUATION = LazyPattern(r"^(?:当前|目前|现在|今年|近年来|面对)")  # how things stand
# A close: the last clause ensures or forbids (`确保……`, `决不……`) or the sentence calls to account;
# or the last clause achieves (`真正做到……`, `始终……`), which a four-character run does better.
_FIRM = LazyPattern(r"(?:^|[，；：。])(?:确保|坚决|决不|绝不|严禁)[^，；：。]*$|追责|追究|严肃处理")
_ACHIEVES = LazyPattern(r"(?:^|[，；：。])(?:真正|始终|切实|自觉做到|做到)[^，；：。]*$")
# A measure scoped to a case (`对于……，`, `凡是……`, `在执法环节，`, `需要彼此配合协调的，`).
_SCOPED = LazyPattern(
    r"^(?:对(?!照)|凡|针对|无论|不管|只要|[^，。]{2,20}的，|在[^，]{1,12}(?:方面|环节|上|中)，)"
)
_QUOTED = LazyPattern(r"“[^”]*”")
# A diagnosis opens on how things stand and ends on what refers back to it (`这些消极因素……`).
_PROBLEM_OPENS = LazyPattern(r"^(?:从当前|当前|目前)")
_PROBLEM_SUMS_UP = LazyPattern(r"^(?:这些|这种|这两种|以上|虽然)")


OPENING = 5  # characters two sentences of a paragraph may not both open with (`要不断学习…`)
# Openings that a parallel series repeats on purpose (`有的……有的……`).
PARALLEL_OPENINGS = ("有的", "有些", "一些", "既要", "不是", "要么")
_PLAIN = LazyPattern(r"[\s，。！？；：、“”‘’（）《》…—]")


def opening_run(text: str) -> str:
    """The first `OPENING` characters of a sentence, punctuation aside ("" for a parallel series
    opening or a sentence too short): two sentences of one paragraph may not share it."""
    if text.startswith(PARALLEL_OPENINGS):
        return ""
    run = _PLAIN.sub("", text)[:OPENING]
    return run if len(run) == OPENING else ""


# A slogan list: the last clause of a sentence runs three or more short items side by side
# (`不打折扣、不做选择、不搞变通。`), or achieves (`做到……`): a `做到` run after it piles list on list.
SLOGAN_ITEM = range(2, 9)  # the lengths of an item: Chinese characters and quotation marks
_LAST_CLAUSE = LazyPattern(r"[^，；：。！？]*$")


def _item_character(character: str) -> bool:
    return "\u4e00" <= character <= "\u9fff" or character in "“”"


def slogan_list(clause: str) -> bool:
    """Whether `clause` ends on three or more items parted by 、: the last two whole, the first the
    end of what comes before (what `(?:[\u4e00-\u9fff“”]{2,8}、){2,}[\u4e00-\u9fff“”]{2,8}$`
    finds in a clause not ending on a line break, without the 1.5 ms of compiling its three classes
    of 21,000 characters at import)."""
    parts = clause.split("、")
    if len(parts) < 3:
        return False
    first, *items = parts[-3:]
    whole = all(len(item) in SLOGAN_ITEM and all(map(_item_character, item)) for item in items)
    return whole and len(first) >= 2 and _item_character(first[-2]) and _item_character(first[-1])


def ends_on_slogan_list(text: str) -> bool:
    """Whether a sentence ends on a slogan list or a 做到 clause (see `slogan_list`)."""
    plain = text.rstrip("。！？；").rstrip()
    clause = _LAST_CLAUSE.search(plain)
    last = clause.group(0) if clause else plain
    return slogan_list(last) or "做到" in last


def stage(function: str, text: str, run: bool = False) -> int:
    """Where a bank sentence goes in a point's paragraph: `WHY`, `WHAT`, `HOW` or `CLOSE`.

    Read from how the sentence opens and ends, quotations aside: a statement made before any
    obligation, or how things stand now, is `WHY`; one whose last clause ensures or forbids, or
    that calls to account, is `CLOSE`, and so is one whose last clause achieves (`真正做到……`)
    unless the paragraph ends on a four-character run (`run`), which closes it instead; one
    scoped to a case is `HOW`; any other (`要……`, `坚持……`) `WHAT`. A problem is `WHY` when it
    says how things stand, `CLOSE` when it refers back to what was said, else `HOW`.
    """
    plain = _QUOTED.sub("“”", text).rstrip("。！；")
    if function == "problem":
        if _PROBLEM_OPENS.match(plain):
            return WHY
        return CLOSE if _PROBLEM_SUMS_UP.match(plain) else HOW
    obligation = _DIRECTIVE.search(plain)
    stated = _STATEMENT.search(plain)
    if (
        _SITUATION.match(plain)
        or _VERDICT.search(plain)
        or (stated and (not obligation or stated.start() < obligation.start()))
    ):
        return WHY
    if _FIRM.search(plain) or (not run and _ACHIEVES.search(plain)):
        return CLOSE
    return HOW if _SCOPED.match(plain) else WHAT
