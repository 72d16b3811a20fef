"""Composing a draft: brief + bank + template → outline markup → `Document`, with trace and length.

`compose()` is the in-process API the CLI, the tests and the benchmarks use. It plans the draft
(`drafter.compose.plan`), renders the brief's template with a `SpeechContext` (the object templates call
`phrase(...)` and `speech.elaborate(point)` on), parses the markup (`drafter.compose.outline`) and repeats
the rendering until the length lands near the target (`drafter.compose.length`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from drafter.bank.load import Bank
from drafter.bank.model import fill
from drafter.compose.brief import Brief
from drafter.compose.length import (
    AIM,
    DEFAULT_POINT_BUDGET,
    MAX_PASSES,
    LengthFigures,
    balance,
    rescale,
    within,
)
from drafter.compose.outline import clean_user_text, end_sentence, mark, parse_outline, strip_marks
from drafter.compose.paragraph import stage
from drafter.compose.plan import (
    DraftWarning,
    Plan,
    PointView,
    SectionView,
    bare,
    earlier_work,
    own_words,
    plan_draft,
    sentence,
)
from drafter.compose.select import Catalog, Pick, Selector
from drafter.compose.templating import TEMPLATE_SUFFIX, TemplateSet, chinese_number
from drafter.document import Document, DocumentMeta
from drafter.errors import SelectionError
from drafter.trace import TraceRow, trace_rows

# What fills a point, in turn, until its budget is spent (a material the bank cannot supply drops out).
POINT_MATERIALS: tuple[str, ...] = ("requirement", "parallel", "requirement", "quote", "requirement")
PROBLEM_MATERIALS: tuple[str, ...] = ("problem",)
ONCE_PER_POINT = frozenset({"quote", "parallel"})  # more than one of these in a paragraph is too much
# A four-character run is a fragment (抓铁有痕、踏石留印); in a point it is said as a requirement,
# led by one of the verbs the corpus leads such runs with (chosen by seed and point, for variety).
PARALLEL_FRAMES: tuple[str, ...] = ("真正做到", "切实做到", "要做到", "自觉做到")
_RUN_VERBS = ("要", "做到", "切实", "真正", "坚持")  # a run starting so needs no frame


@dataclass(frozen=True)
class Elaboration:
    """A point's bank material, in the order a speech says it.

    `lead`: a quote, said right after the heading (`“不谋全局者，不足以谋一域”。`); `body`: requirement
    or problem sentences, after the writer's own, by `stage` (why, what, how, close); `end`:
    four-character runs (`切实做到……`) that sum up. Iterating gives all of them in that order.
    """

    lead: list[str]
    body: list[str]
    end: list[str]

    def __iter__(self) -> Iterator[str]:
        return iter([*self.lead, *self.body, *self.end])

    def __len__(self) -> int:
        return len(self.lead) + len(self.body) + len(self.end)


def _framed(function: str, pick: Pick) -> str:
    """A pick as a sentence of a paragraph: an end mark when it has none, and before a four-character
    run without a verb of its own the first of `PARALLEL_FRAMES` (`SpeechContext._reframe` settles it)."""
    marked = mark(pick.entry.id, pick.text)
    ended = end_sentence(marked)
    if function == "parallel" and ended != marked and not pick.text.startswith(_RUN_VERBS):
        return PARALLEL_FRAMES[0] + ended
    return ended


@dataclass(frozen=True)
class Enumerator:
    """A family of ordinals (`{n}是`, `第{n}，`) for one enumeration."""

    family: str
    entry_id: str | None = None

    def at(self, n: int) -> str:
        return fill(self.family, {"n": chinese_number(n)})

    def label(self, n: int, heading: str) -> str:
        """A run-in point heading: ordinal + heading + 。 (`一要` + `要讲大局` gives `一要讲大局`)."""
        ordinal = self.at(n)
        if ordinal.endswith("要") and strip_marks(heading).startswith("要"):
            ordinal = ordinal[:-1]
        return end_sentence(ordinal + heading) if heading else ordinal


class SpeechContext:
    """What a template sees as `speech` (and `phrase`): the planned parts and the selection helpers."""

    def __init__(self, brief: Brief, plan: Plan, selector: Selector, budgets: Mapping[str, int]) -> None:
        self.brief = brief
        self.sections = plan.sections
        self._selector = selector
        self._budgets = budgets
        self._calls: dict[str, int] = {}
        self._enumerators: dict[tuple[str, ...], Enumerator] = {}
        self._closed_with_run = False  # whether the point drafted last ended on a four-character run
        title = brief.title
        if isinstance(title, list):
            self.title_lines = [clean_user_text(t) for t in title]
        elif title:
            self.title_lines = [clean_user_text(title)]
        else:
            self.title_lines = [f"在{clean_user_text(brief.occasion or '')}上的讲话"]
        subtitle = clean_user_text(brief.subtitle or "")
        self.subtitle_lines = [subtitle if subtitle.startswith("—") else "——" + subtitle] if subtitle else []
        speaker = "　".join(x for x in (brief.speaker.post, brief.speaker.name) if x)
        date = brief.date
        self.byline_lines = [clean_user_text(speaker), f"（{date.year}年{date.month}月{date.day}日）"]
        salutation = clean_user_text(brief.salutation)
        self.salutation = salutation if salutation.endswith(("：", ":")) else salutation + "："
        self.achievements = [sentence(a) for a in brief.achievements]
        self.purpose = sentence(brief.purpose) if brief.purpose else ""
        self.acknowledgements = [
            (clean_user_text(a.who), bare(a.did), earlier_work(a.did)) for a in brief.acknowledge
        ]
        self.situation = [sentence(t) for t in brief.situation]
        self.goal = plan.slots.get("goal", "")
        self.closing_text = [sentence(t) for t in brief.closing.text]
        self.closing_thanks = brief.closing.thanks
        self.slogan = plan.slots.get("slogan", "")

    def _site(self, function: str) -> str:
        count = self._calls.get(function, 0)
        self._calls[function] = count + 1
        return f"{function}#{count}"

    def phrase(
        self,
        function: str,
        tags: Sequence[str] = (),
        needs: Sequence[str] = (),
        only: Sequence[str] = (),
        **slots: object,
    ) -> str:
        """A bank phrase of `function` with provenance markers, or "" when none fits.

        `tags` steer the choice by topic; `needs` names slots the phrase must use; `only`, when
        given, names the entries that may serve (a formula that fits one place of one kind of
        speech, such as the wrap-up after a diagnosis); `slots` adds values for this place
        (`earlier_speaker=`, `topic=`, `count=`).
        """
        values = {k: clean_user_text(str(v)) for k, v in slots.items() if v}
        site = self._site(function)
        accept = None
        if only:
            wanted = set(only)
            accept = [e.text for e in self._selector.candidates(function) if e.id in wanted]
        pick = self._selector.pick(
            function, site=site, tags=list(tags), slots=values, needs=needs, accept=accept
        )
        return mark(pick.entry.id, pick.text) if pick is not None else ""

    def enumerator(self, *families: str) -> Enumerator:
        """One of `families` (e.g. "{n}是", "{n}要") that the bank approves; the first one if none is."""
        if not families:
            raise SelectionError('enumerator(): name at least one family, such as "{n}是"')
        if families not in self._enumerators:  # one numbering style for like enumerations in a draft
            # not committed: ordinals are reused, unlike phrases
            pick = self._selector.pick(
                "enumerator", site=self._site("enumerator"), slots={"n": "一"}, accept=families, commit=False
            )
            if pick is None:
                self._enumerators[families] = Enumerator(families[0])
            else:
                self._enumerators[families] = Enumerator(pick.entry.text, pick.entry.id)
        return self._enumerators[families]

    def numbering(self, section: SectionView, *families: str) -> Enumerator:
        """The section's own numbering when the brief sets one, else `enumerator(*families)`."""
        if section.enumerator:
            return Enumerator(clean_user_text(section.enumerator))
        return self.enumerator(*families)

    def elaborate(self, point: PointView) -> Elaboration:
        """Bank sentences for a point (marked), as many as its character budget holds."""
        budget = self._budgets.get(point.key, 0)
        materials = list(PROBLEM_MATERIALS if point.problems else POINT_MATERIALS)
        if self._closed_with_run:  # paragraphs that all end on `做到……` read as a drill
            materials = [m for m in materials if m != "parallel"]
        own = point.own_tags or point.tags
        around = [t for t in point.tags if t not in own]
        near = [*point.nearby, *point.text]
        result: list[tuple[str, str, str]] = []  # function, text, text as said (marked)
        spent = 0
        turn = 0
        while spent < budget and materials:
            function = materials[turn % len(materials)]
            pick = self._selector.pick(
                function,
                site=f"{point.key}.{function}.{turn}",
                tags=own,
                # a saying leads the point only when it is on the point's own topic
                context=around if function != "quote" else [],
                slots={"topic": point.topic},
                near=near,
                commit=False,
            )
            if pick is None:
                materials = [m for m in materials if m != function]
                continue
            said = _framed(function, pick)
            size = len(strip_marks(said))
            if spent + size / 2 > budget:  # more than half of it beyond the budget: the point is full
                break
            self._selector.commit(pick)
            result.append((function, pick.text, said))
            spent += size
            turn += 1
            if function in ONCE_PER_POINT:
                materials = [m for m in materials if m != function]
        run = any(function == "parallel" for function, _, _ in result)
        self._closed_with_run = run
        # the body reasons its way through the point: why, what, how, then the close (`stage`)
        staged = [(stage(f, text, run), said) for f, text, said in result if f not in ("quote", "parallel")]
        body = [said for _, said in sorted(staged, key=lambda s: s[0])]
        end = [said for function, _, said in result if function == "parallel"]
        if end:  # reframed once the paragraph is known, so that its frame does not echo a sentence
            end = [self._reframe(point, [*point.text, *map(strip_marks, body)], text) for text in end]
        return Elaboration(
            lead=[said for function, _, said in result if function == "quote"], body=body, end=end
        )

    def _reframe(self, point: PointView, said: Sequence[str], framed: str) -> str:
        """A framed run (`切实做到……。`) led by a frame the paragraph does not say already."""
        frame = next((f for f in PARALLEL_FRAMES if framed.startswith(f)), None)
        if frame is None:  # the run brings its own verb
            return framed
        paragraph = "".join(said)
        fresh = [f for f in PARALLEL_FRAMES if f not in paragraph] or list(PARALLEL_FRAMES)
        chosen = random.Random(f"{self._selector.seed}|{point.key}.frame").choice(fresh)
        return chosen + framed[len(frame) :]


class _BankSources(Mapping[str, tuple[str, ...]]):
    """Entry id → sources, read from the bank only for the ids a draft uses (entries build lazily)."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self.bank.entries[key].sources

    def __iter__(self) -> Iterator[str]:
        return iter(self.bank.entries)

    def __len__(self) -> int:
        return len(self.bank.entries)


@dataclass(frozen=True)
class Draft:
    """A composed speech: the document, its markup, where each bank sentence came from, its length."""

    document: Document
    markup: str
    trace: tuple[TraceRow, ...]
    length: LengthFigures
    warnings: tuple[DraftWarning, ...]
    seed: int


def _meta(brief: Brief, context: SpeechContext) -> DocumentMeta:
    return DocumentMeta(
        title="　".join(context.title_lines),
        author=brief.speaker.name or brief.speaker.post,
        date=brief.date,
        font_profile=brief.font_profile,
    )


def compose(brief: Brief, bank: Bank, templates: TemplateSet, seed: int | None = None) -> Draft:
    """Draft the speech a brief asks for, from `bank`, with the brief's template in `templates`."""
    seed = brief.seed if seed is None else seed
    plan = plan_draft(brief, bank)
    sources = _BankSources(bank)
    info = templates.infos.get(brief.template)
    name = str(info.path) if info is not None else brief.template + TEMPLATE_SUFFIX
    keys = [p.key for p in plan.points]
    target = brief.length.target_chars

    catalog = Catalog(bank, brief.template, said=own_words(brief, plan))

    def render(budgets: list[int]) -> tuple[str, Document]:
        selector = Selector(
            catalog,
            kind=brief.template,
            seed=seed,
            slots=plan.slots,
            use=brief.phrases.use,
            avoid=brief.phrases.avoid,
        )
        context = SpeechContext(brief, plan, selector, dict(zip(keys, budgets, strict=True)))
        markup = templates.render(
            brief.template, {"brief": brief, "speech": context, "phrase": context.phrase}
        )
        return markup, parse_outline(markup, sources, name=name, meta=_meta(brief, context))

    if target is None:
        markup, document = render([DEFAULT_POINT_BUDGET] * len(keys))
    else:
        markup, document = render([0] * len(keys))
        fixed = document.body_chars()
        if fixed < target:  # else the draft without bank material in its points is the closest
            own = [len(p.heading_plain) + sum(len(t) for t in p.text) for p in plan.points]
            budgets = balance(target - fixed, own)
            best = (target - fixed, markup, document)
            for _ in range(MAX_PASSES):
                markup, document = render(budgets)
                actual = document.body_chars()
                if abs(actual - target) < best[0]:
                    best = (abs(actual - target), markup, document)
                if within(actual, target, AIM):
                    break
                budgets = rescale(budgets, fixed, actual, target)
            _, markup, document = best

    length = LengthFigures(document.body_chars(), brief.length.rate, target)
    warnings = list(plan.warnings)
    if (shortfall := length.shortfall()) is not None:
        warnings.append(DraftWarning(("length",), shortfall))
    return Draft(document, markup, tuple(trace_rows(document)), length, tuple(warnings), seed)
