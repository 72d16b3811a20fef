"""Phrase selection: which bank entry fills each place a template asks for.

Rules (issue 2 §3):
- only `approved` entries of the asked function, fit for the speech kind (`kinds` empty or naming it);
- never an entry whose slots the brief cannot fill, never one the brief avoids, never one twice in a draft,
  never one that repeats the writer's own words anywhere in the speech (6 characters in a row,
  punctuation aside: `干中学、学中干` said twice) or a phrase already drafted (8 characters: a
  four-character run is often part of a requirement sentence in the bank too), nor one that echoes
  the writer's sentences at the same place (three runs of 4 characters: `廉洁是…党员干部…立身之本`
  right after the writer's `廉洁是党员干部的立身之本`);
- entries the brief asks to `use` first; then entries sharing the most of the place's own topic tags
  (a point's), then the most of its context tags (its section's); then untagged (general) entries;
  an entry tagged only with other topics is never used for a tagged request;
- among equals, a choice by `random.Random` seeded from the draft's seed, the speech's occasion and
  the place in the speech, so the same brief, bank and seed give the same draft, two speeches of one
  kind do not open and close alike, and the choice at one place does not depend on how many phrases
  were drawn before it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
import re
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple, TypeVar

from drafter.bank import cache
from drafter.bank.load import Bank, EntryTable
from drafter.bank.model import Entry, fill
from drafter.compose.relevance import THRESHOLD, Index, Scored, bigrams, index_of
from drafter.patterns import LazyPattern
from drafter.vocabulary import KIND_ALIASES

_T = TypeVar("_T")

# Functions whose untyped entries are material (about one subject), not formulas: an archive-mined
# bank has no curated `type`, and its requirement sentences are mostly one speech's facts.
MATERIAL_FUNCTIONS = frozenset({"requirement", "parallel", "quote", "problem"})


# Words that say who speaks, for entries that do not list their `roles` (a mined bank): a guest says
# 我来参加这个会; only closing remarks follow others (再讲一讲, 我都同意, 刚才…讲得很好).
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "guest": ("我来参加", "应邀参加", "来参加这个会"),
    "closing": ("再讲一讲", "再讲几点", "我都同意", "完全同意", "讲得很好", "再强调几点", "补充几点"),
}


def fits_role(entry: Entry, role: str | None) -> bool:
    """Whether `entry` may be said by a speaker in `role`: its `roles`, else its words (`ROLE_WORDS`)."""
    if role is None:
        return True
    if entry.roles:
        return role in entry.roles
    others = _other_roles_words(role)
    return others is None or others.search(entry.text) is None


@functools.cache
def _other_roles_words(role: str) -> re.Pattern[str] | None:
    """Any of the `ROLE_WORDS` of the roles other than `role` (None when there are none): one
    search per entry instead of one per word (a draft with a 50k bank tests some 2,000 entries)."""
    words = [word for other, found in ROLE_WORDS.items() if other != role for word in found]
    return re.compile("|".join(map(re.escape, words))) if words else None


def is_material(entry: Entry) -> bool:
    """Whether an entry is material: typed so, or untyped in one of `MATERIAL_FUNCTIONS`."""
    return _is_material(entry.function, entry.type)


def _is_material(function: str, type_: str | None) -> bool:
    if type_ is not None:
        return type_ == "material"
    return function in MATERIAL_FUNCTIONS


# Fields whose material serves one another's speeches: a speech on the government's own work speaks
# of its cadres and of clean government too (`严肃廉洁纪律` in a 政府自身建设 speech), and a speech
# on either of those of the offices' work style. Any other field takes only its own material.
KINDRED_DOMAINS: dict[str, frozenset[str]] = {
    "政府自身建设": frozenset({"干部教育与队伍建设", "党风廉政"}),
    "干部教育与队伍建设": frozenset({"政府自身建设", "党风廉政"}),
    "党风廉政": frozenset({"政府自身建设", "干部教育与队伍建设"}),
}


def fits_domain(function: str, type_: str | None, field: str | None, domain: str | None) -> bool:
    """Whether an entry of `function`, of this type and field, may be drafted in a speech on
    `domain` (told from the bank's rows, before the entry is built): a formula, material of no
    stated field, or material of that field or of a kindred one (`KINDRED_DOMAINS`). A speech
    whose field is neither given nor clear from its words (`None`) takes no field's material: a
    文明创建 speech is not about 干部教育 because one sentence shares its words."""
    if not _is_material(function, type_) or not field or field == domain:
        return True
    return domain is not None and field in KINDRED_DOMAINS.get(domain, frozenset())


class Pick(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """A chosen entry and its text with the slots filled."""

    entry: Entry
    text: str


COMMON_SHARE = 0.25  # a bigram in more of a function's material than this is common (`Catalog.common`)
OVERLAP = 8  # a bank text sharing this many characters in a row with bank text drafted before repeats it
NEAR = 6  # ... and this many with the writer's words (`对基层的情况、对百姓…` after `对基层的情况、…`)
ECHO = 4  # beside the writer's sentences, ECHOES or more distinct runs of this many say them again
ECHOES = 3  # (`廉洁是…党员干部…立身之本…守住底线` after `廉洁是党员干部的立身之本…守住底线`)

# Punctuation and quotation marks do not make two texts different; a slot is a gap, not text.
_IGNORED = LazyPattern(r"[\s，、。；：！？“”‘’「」『』（）《》…—,.;:!?()\"'-]+")
_SLOT = LazyPattern(r"\{[^{}]*\}")


@functools.lru_cache(maxsize=1 << 16)
def shingles(text: str, size: int = OVERLAP) -> frozenset[str]:
    """Every run of `size` characters in `text`, punctuation aside (to see whether two texts say
    the same thing: `讲大局、识大局` and `讲大局，识大局` do); runs never span a `{slot}`."""
    pieces = [_IGNORED.sub("", piece) for piece in _SLOT.split(text)]
    return frozenset([plain[i : i + size] for plain in pieces for i in range(len(plain) - size + 1)])


# Key terms: a text's content bigrams (relevance `tokens`, less those holding a function word).
# Two texts sharing KEY_SHARED of them, KEY_SHARE of the shorter's, say the same thing in other
# words (`集体决策…民主集中制…科学` and `落实民主集中制，完善集体决策制度…科学化`).
KEY_SHARED = 4
KEY_SHARE = 0.25
_FUNCTION_CHARS = frozenset("的是要和在对为把等了都也就与及其之而于")
# Words with one of those characters that name a subject all the same (`稳定就业`, `要素保障`).
_CONTENT_WORDS = frozenset({"就业", "要素", "对接", "对标", "和谐", "为民", "在建", "成就"})


@functools.lru_cache(maxsize=1 << 16)
def key_terms(text: str) -> frozenset[str]:
    """The content bigrams of `text` (slots aside), for `repeats_terms`."""
    function_chars = _FUNCTION_CHARS
    return frozenset(
        t
        for t in bigrams(text)
        if len(t) == 2
        and ((t[0] not in function_chars and t[1] not in function_chars) or t in _CONTENT_WORDS)
    )


def repeats_terms(
    text: str,
    said: Iterable[frozenset[str]],
    subject: frozenset[str] = frozenset(),
    share: float = KEY_SHARE,
) -> bool:
    """Whether `text` shares enough key terms with any of `said` to say it again (see `KEY_SHARED`).

    `subject`: the key terms of what the place is about (a point's heading, the field): sentences on
    one subject all say them, so they do not count. `share`: of the shorter's key terms the shared
    ones must also be (0 within one paragraph, where `KEY_SHARED` terms say it again)."""
    terms = key_terms(text) - subject
    if len(terms) < KEY_SHARED:
        return False
    for other in said:
        shared = len(terms & other)
        if shared >= KEY_SHARED and shared >= share * min(len(terms), len(other)):
            return True
    return False


SCAN = 64  # drafted sentences up to which `Selector._repeats` compares with each


# What a catalog knows of an entry without building it: id, text, tags (as listed, and as a set),
# slots, whether it is material (`is_material`). Plain data, so that a bank's catalog can be kept
# in the bank cache (`Catalog._fitting`). Not its runs of characters: they would make it four
# times longer to read, and a process drafting for several kinds works each text's out once.
_Row = tuple[str, str, tuple[str, ...], frozenset[str], frozenset[str], bool]


def _row_of(entry: Entry) -> _Row:
    return (
        entry.id,
        entry.text,
        entry.tags,
        frozenset(entry.tags),
        frozenset(entry.slots),
        is_material(entry),
    )


class _Candidate:  # not a NamedTuple (a field is named `index`), nor a dataclass: cheaper to define
    """An entry a draft may use, built only when asked for (`entry`): most are only tested."""

    __slots__ = (
        "_entries",
        "_entry",
        "function",
        "id",
        "index",
        "material",
        "slots",
        "tag_list",
        "tags",
        "text",
    )

    def __init__(self, index: int, row: _Row, entries: EntryTable, function: str) -> None:
        self.index = index  # position in its group (groups are sorted by id)
        self.id, self.text, self.tag_list, self.tags, self.slots, self.material = row
        self._entries = entries
        self.function = function
        self._entry: Entry | None = None

    @property
    def entry(self) -> Entry:
        if self._entry is None:
            self._entry = self._entries.of_function(self.function, self.id)
        return self._entry


class _Group(NamedTuple):  # not a dataclass: cheaper to define (issue 12)
    """The candidates of one function, indexed by id and by tag."""

    all: list[_Candidate]
    by_id: dict[str, _Candidate]
    by_tag: dict[str, list[_Candidate]]
    untagged: list[_Candidate]


class Catalog:
    """A bank's entries that one draft may use, by function, sorted by id, slots parsed, tags indexed.

    Approved entries fit for the speech kind that do not repeat the writer's own words (`said`).
    Built once per draft, so that a pick only looks at the entries sharing a tag with the request.
    """

    def __init__(
        self,
        bank: Bank,
        kind: str,
        said: Iterable[str] = (),
        *,
        domain: str | None = None,
        role: str | None = None,
    ) -> None:
        """`domain`: the speech's field; material of another field is left out. `role`: the
        speaker's role; entries naming other `roles` are left out."""
        self.bank = bank
        self.kind = kind
        self.domain = domain
        self.role = role
        self._indexes: dict[str, Index] = {}
        self._ranks: dict[tuple[str, tuple[str, ...], float], list[Scored]] = {}
        self.said: frozenset[str] = frozenset().union(*(shingles(text, NEAR) for text in said))
        self._probes: frozenset[str] | None = None  # the runs of `_PROBE` in `said` (`_repeating`)
        self._groups: dict[str, _Group] = {}
        self._group_keys: dict[str, tuple[object, ...]] = {}  # what `Bank.memo` keeps each group under
        self._ranked: dict[
            tuple[str, frozenset[str], frozenset[str]], list[tuple[tuple[int, int], _Candidate]]
        ] = {}

    def group(self, function: str) -> _Group:
        if function not in self._groups:
            shared = self._fitting(function)
            said = self.said
            # the entries repeating the writer's words, by place: most drafts leave out none, and
            # drafts leaving out the same share the group built for them (`Bank.memo`)
            out = self._repeating(function, shared) if said else ()
            key = ("group", self._fitting_key(function), out)
            if (group := self.bank.memo.get(key)) is None:
                left_out = set(out)
                kept = [row for i, row in enumerate(shared) if i not in left_out]
                entries = self.bank.entries
                found = [_Candidate(i, row, entries, function) for i, row in enumerate(kept)]
                by_tag: dict[str, list[_Candidate]] = {}
                for candidate in found:
                    for tag in candidate.tags:
                        by_tag.setdefault(tag, []).append(candidate)
                group = _Group(found, {c.id: c for c in found}, by_tag, [c for c in found if not c.tags])
                group = _remember(self.bank, key, group)
            self._groups[function] = group
            self._group_keys[function] = key
        return self._groups[function]

    def _repeating(self, function: str, rows: list[_Row]) -> tuple[int, ...]:
        """The places of the `rows` whose text shares a run of `NEAR` characters with the writer's
        words (`said`). The first draft from a bank does not work out each text's runs (a 50k
        bank's rows for a draft are some 60,000 characters): the rows' plain texts, joined
        (`_plain_texts`), are looked up every `_STEP` characters by their run of `_PROBE`, which
        any shared run of `NEAR` holds one of, and only the rows hit are tested. Later drafts
        test each row, its runs worked out once (`shingles` remembers them)."""
        said = self.said
        key = ("scanned", self._fitting_key(function))
        if key in self.bank.memo:
            return tuple(i for i, row in enumerate(rows) if not shingles(row[1], NEAR).isdisjoint(said))
        _remember(self.bank, key, True)
        plain = self.bank.memo.get(("plain", self._fitting_key(function)))
        joined, starts = plain if plain is not None else _plain_texts(rows)
        probes = self._probes
        if probes is None:
            probes = self._probes = frozenset(
                run[i : i + _PROBE] for run in said for i in range(NEAR - _PROBE + 1)
            )
        hit = sorted(
            {
                bisect.bisect_right(starts, at) - 1
                for at in range(0, len(joined), _STEP)
                if joined[at : at + _PROBE] in probes
            }
        )
        return tuple(i for i in hit if not shingles(rows[i][1], NEAR).isdisjoint(said))

    def _fitting_key(self, function: str) -> tuple[object, ...]:
        return ("fitting", self.bank.entries.version, function, self.kind, self.role, self.domain)

    def _fitting(self, function: str) -> list[_Row]:
        """The function's entries fit for this kind, role and field, sorted by id (`_Row`s): the
        same for every draft of that kind from this bank, so shared (`Bank.memo`), and kept in the
        bank cache under the bank files' content keys, so that a later process builds none of them
        (with their plain texts, `_plain_texts`, for its first draft's `_repeating`)."""
        key = self._fitting_key(function)
        if (found := self.bank.memo.get(key)) is None:
            content = self.bank.entries.content_key()
            stored = None
            plain = None
            if content is not None:
                asked = "\0".join((content, function, self.kind, self.role or "", self.domain or ""))
                stored = cache.content_key(asked.encode(), _CATALOG_SALT)
                if (read := _catalog_from(cache.read(stored, "catalog"))) is not None:
                    found, plain = read
            if found is None:
                found = self._rows(function)
                if stored is not None:
                    plain = _plain_texts(found)
                    cache.write(stored, (found, plain[0], plain[1].tobytes()), "catalog")
            if plain is not None:
                _remember(self.bank, ("plain", key), plain)
            found = _remember(self.bank, key, found)
        return found

    def _rows(self, function: str) -> list[_Row]:
        domain = self.domain

        def fits(type_: str | None, field: str | None) -> bool:  # told from the rows: the
            return fits_domain(function, type_, field, domain)  # others are never built

        entries = sorted(
            (e for e in self.bank.draftable(function, self.kind, fits) if fits_role(e, self.role)),
            key=lambda e: e.id,
        )
        return [_row_of(e) for e in entries]

    def rank(self, function: str, query: Sequence[str], threshold: float) -> list[Scored]:
        """`index(function).rank(query, threshold)`, once per draft (length passes ask again)."""
        key = (function, tuple(query), threshold)
        if (found := self._ranks.get(key)) is None:
            found = self._ranks[key] = self.index(function).rank(query, threshold)
        return found

    def index(self, function: str) -> Index:
        """The BM25 index of the function's material (once per draft, shared by drafts, cached on disk)."""
        if function not in self._indexes:
            # drafts from one bank share the index of the same group (`Bank.memo`)
            group = self.group(function)
            key = ("bm25", self._group_keys[function])
            if (index := self.bank.memo.get(key)) is None:
                # the field is left out: material of other fields is already filtered out, and every
                # document of the field sharing its name's bigrams with the query made them key terms
                material = [(c.id, c.text, c.tag_list) for c in group.all if c.material]
                index = _remember(self.bank, key, index_of(material))
            self._indexes[function] = index
        return self._indexes[function]

    def common(self, function: str) -> Callable[[str], bool]:
        """Whether a bigram is common in the function's material (in more than `COMMON_SHARE` of
        it, and in three entries or more): `安全` in a 安全生产 bank says little about a sentence."""
        index = self.index(function)
        most = max(2, int(COMMON_SHARE * len(index.ids)))
        return lambda term: index.documents(term) > most

    def ranked(
        self, function: str, tags: frozenset[str], context: frozenset[str] = frozenset()
    ) -> list[tuple[tuple[int, int], _Candidate]]:
        """Candidates sharing at least one of `tags` or `context`, with how many of each they share:
        most of `tags` first, then most of `context`, then in id order (cached)."""
        key = (function, tags, context - tags)
        if key not in self._ranked:
            group = self.group(function)
            own: dict[int, int] = {}
            around: dict[int, int] = {}
            for names, counts in ((tags, own), (context - tags, around)):
                for tag in names:
                    for candidate in group.by_tag.get(tag, ()):
                        counts[candidate.index] = counts.get(candidate.index, 0) + 1
            scores = {i: (own.get(i, 0), around.get(i, 0)) for i in own.keys() | around.keys()}
            order = sorted(scores, key=lambda i: (-scores[i][0], -scores[i][1], i))
            self._ranked[key] = [(scores[i], group.all[i]) for i in order]
        return self._ranked[key]


# What a cached catalog was derived with: a change to these makes earlier ones unreachable.
# (Sets sorted: their order changes from one process to the next.)
_CATALOG_SALT = "catalog-3;" + repr(
    (
        ROLE_WORDS,
        sorted(MATERIAL_FUNCTIONS),
        sorted((k, sorted(v)) for k, v in KINDRED_DOMAINS.items()),
        sorted(KIND_ALIASES.items()),  # a kind's entries are those naming it or an old name of it
    )
)


# `Catalog._repeating` looks a run of `_PROBE` characters up every `_STEP`: a run of `NEAR` holds
# one wherever it starts (`_STEP + _PROBE - 1 <= NEAR`).
_STEP = 2
_PROBE = NEAR - _STEP + 1


def _plain_texts(rows: Sequence[_Row]) -> tuple[str, array[int]]:
    """The rows' texts as `shingles` reads them (punctuation out, a NUL for each slot), joined by
    NULs, and where each starts."""
    plains = [_IGNORED.sub("", _SLOT.sub("\0", row[1])) for row in rows]
    starts = array("I", [0, *itertools.accumulate(len(plain) + 1 for plain in plains)][:-1])
    return "\0".join(plains), starts


def _catalog_from(data: object) -> tuple[list[_Row], tuple[str, array[int]]] | None:
    """A catalog and its plain texts read back from the cache (`_fitting`), or None when it is not one."""
    if not (isinstance(data, tuple) and len(data) == 3):
        return None
    rows, joined, starts = data
    if (
        isinstance(rows, list)
        and all(isinstance(row, tuple) and len(row) == 6 for row in rows)
        and isinstance(joined, str)
        and isinstance(starts, bytes)
    ):
        at = array("I")
        if len(starts) == at.itemsize * len(rows):
            at.frombytes(starts)
            return rows, (joined, at)
    return None
    return None


_MEMO_SIZE = 1024  # what a bank keeps for drafts is bounded: a long process drafts from many briefs


def _remember(bank: Bank, key: object, value: _T) -> _T:
    """Keep `value` in `bank.memo` under `key` for later drafts from the same bank."""
    if len(bank.memo) >= _MEMO_SIZE:
        bank.memo.clear()
    bank.memo[key] = value
    return value


def _echoes(text: str, nearby: frozenset[str], echoed: frozenset[str]) -> bool:
    """Whether `text` nearly says again what the writer says beside it (see `NEAR`, `ECHO`)."""
    if not shingles(text, NEAR).isdisjoint(nearby):
        return True
    return len(shingles(text, ECHO) & echoed) >= ECHOES


class Selector:
    """Draws entries from a bank for one draft, remembering what it already used."""

    def __init__(
        self,
        bank: Bank | Catalog,
        *,
        kind: str,
        seed: int,
        slots: Mapping[str, str],
        use: Sequence[str] = (),
        avoid: Iterable[str] = (),
        said: Iterable[str] = (),
        speech: str = "",
    ) -> None:
        """`said`: the writer's own sentences; an entry repeating any of them is never picked
        (with a `Catalog`, give them to the catalog instead). `speech` names the speech (its
        occasion): it is mixed into every random choice with the seed, so that two speeches of one
        kind drafted with the same seed do not open and close with the same formulas."""
        self.catalog = bank if isinstance(bank, Catalog) else Catalog(bank, kind, said)
        if self.catalog.kind != kind:
            raise ValueError(f"catalog is for {self.catalog.kind!r}, not {kind!r}")
        self.kind = kind
        self.seed = seed
        self._draws = f"{seed}|{speech}"
        self.slots = {k: v for k, v in slots.items() if v}
        self.use = list(dict.fromkeys(use))
        self.avoid = set(avoid)
        self.used: set[str] = set()
        self.spoken: set[str] = set()  # runs of characters the bank text drafted so far contains
        self.terms: list[frozenset[str]] = []  # key terms of each bank sentence drafted so far
        self.holders: dict[str, list[int]] = {}  # key term -> which of `terms[:indexed]` hold it
        self.indexed = 0

    def rng(self, site: str) -> random.Random:
        """The random choice at one place of the speech: by seed, speech and place alone."""
        return random.Random(f"{self._draws}|{site}")

    def candidates(self, function: str) -> list[_Candidate]:
        """Entries of `function` this draft may use (before slots and reuse), sorted by id, as the
        catalog knows them (id, text, tags): with a large bank, building them all would cost more
        than the draft."""
        return [c for c in self.catalog.group(function).all if c.id not in self.avoid]

    def pick(
        self,
        function: str,
        *,
        site: str,
        tags: Sequence[str] = (),
        context: Sequence[str] = (),
        slots: Mapping[str, str] | None = None,
        accept: Iterable[str] | None = None,
        needs: Iterable[str] = (),
        near: Iterable[str] = (),
        commit: bool = True,
        formula: bool = False,
        about: Iterable[str] = (),
    ) -> Pick | None:
        """The entry for one place (`site` names it, for the random choice), or None if none fits.

        `tags` are the place's own topics, `context` those of what it is part of (a point's section):
        an entry sharing more of `tags` always comes first. `near` are the writer's sentences at this
        place: an entry sharing `NEAR` characters in a row with them, or `ECHOES` runs of `ECHO`, is
        not picked (the catalog already keeps out those sharing `NEAR` with any of the writer's words).
        `slots` adds values for this place (an ordinal, an earlier speaker); `accept`, when given,
        limits the choice to entries whose raw text is one of those strings; `needs` to entries
        that use all of those slots (so that the brief's own words, e.g. its `purpose`, get said);
        `formula`, to formulas (material is chosen by relevance, `relevant`).
        With `commit=False` the pick is only proposed: `commit(pick)` makes it used. `about`: texts
        saying what the place is about (a heading), whose words a pick may share (`repeats_terms`).
        """
        values = {**self.slots, **{k: v for k, v in (slots or {}).items() if v}}
        available = values.keys()
        allowed = set(accept) if accept is not None else None
        needed = frozenset(needs)
        near = [text for text in near if text]
        nearby = frozenset().union(*(shingles(text, NEAR) for text in near))
        echoed = frozenset().union(*(shingles(text, ECHO) for text in near))
        subject = frozenset().union(*(key_terms(text) for text in about))
        said = [key_terms(text) for text in near]

        def fits(candidate: _Candidate) -> bool:
            text = candidate.text
            return (
                candidate.id not in self.used
                and candidate.id not in self.avoid
                and candidate.slots <= available
                and needed <= candidate.slots
                and (allowed is None or text in allowed)
                and not (formula and candidate.material)
                and shingles(text).isdisjoint(self.spoken)
                and not (near and _echoes(text, nearby, echoed))
                and not self._repeats(text, said, subject)
            )

        group = self.catalog.group(function)
        chosen = next(
            (group.by_id[i].entry for i in self.use if i in group.by_id and fits(group.by_id[i])), None
        )
        if chosen is None:
            tier = self._tier(function, frozenset(tags), frozenset(context), fits)
            if not tier:
                return None
            chosen = self.rng(site).choice(tier).entry
        pick = Pick(chosen, fill(chosen.text, values))
        if commit:
            self.commit(pick)
        return pick

    def relevant(
        self, function: str, query: Sequence[str], threshold: float = THRESHOLD
    ) -> list[tuple[Scored, Entry]]:
        """The function's material about `query` (tokens), best first, leaving out avoided entries."""
        group = self.catalog.group(function)
        return [
            (scored, group.by_id[scored.id].entry)
            for scored in self.catalog.rank(function, query, threshold)
            if scored.id not in self.avoid
        ]

    def usable(
        self,
        entry: Entry,
        *,
        slots: Mapping[str, str] | None = None,
        near: Iterable[str] = (),
        about: Iterable[str] = (),
        heading: str = "",
        pinned: bool = False,
    ) -> Pick | None:
        """`entry` as a pick at this place, or None when it was used, repeats what was said, or
        has a slot the brief cannot fill (`near`, `about`: as for `pick`). Runs of the point's
        `heading` are no echo (`…巩固改善空气质量` under `要持续改善空气质量`, `持续加强林火防治…` under
        `要加强林火防治`: material about a subject names it). A `pinned` entry (the writer's
        `phrases.use`) is the writer's choice: only use and slots can keep it out."""
        values = {**self.slots, **{k: v for k, v in (slots or {}).items() if v}}
        if entry.id in self.used or entry.id in self.avoid or not set(entry.slots) <= values.keys():
            return None
        if pinned:
            return Pick(entry, fill(entry.text, values))
        near = [text for text in near if text]
        nearby = frozenset().union(*(shingles(text, NEAR) for text in near)) - shingles(heading, NEAR)
        echoed = frozenset().union(*(shingles(text, ECHO) for text in near)) - shingles(heading, ECHO)
        if (
            not shingles(entry.text).isdisjoint(self.spoken)
            or (near and _echoes(entry.text, nearby, echoed))
            or self._repeats(
                entry.text, [key_terms(t) for t in near], frozenset().union(*(key_terms(t) for t in about))
            )
        ):
            return None
        return Pick(entry, fill(entry.text, values))

    def commit(self, pick: Pick) -> None:
        """Mark a pick as said: its entry is not used again, nor any entry repeating its words."""
        self.used.add(pick.entry.id)
        self.spoken |= shingles(pick.entry.text)
        self.terms.append(key_terms(pick.entry.text))

    def _repeats(self, text: str, near: list[frozenset[str]], subject: frozenset[str]) -> bool:
        """`repeats_terms(text, [*self.terms, *near], subject)`; once many sentences were drafted,
        with those looked up by term (`holders`), so that a pick late in a long draft costs what
        one early does (below `SCAN` sentences, comparing with each is quicker)."""
        if len(self.terms) < SCAN:
            return repeats_terms(text, [*self.terms, *near], subject)
        terms = key_terms(text) - subject
        if len(terms) < KEY_SHARED:
            return False
        for number in range(self.indexed, len(self.terms)):
            for term in self.terms[number]:
                self.holders.setdefault(term, []).append(number)
        self.indexed = len(self.terms)
        shared: dict[int, int] = {}
        for term in terms:
            for number in self.holders.get(term, ()):
                shared[number] = shared.get(number, 0) + 1
        for number, count in shared.items():
            if count >= KEY_SHARED and count >= KEY_SHARE * min(len(terms), len(self.terms[number])):
                return True
        return repeats_terms(text, near, subject)

    def _tier(
        self,
        function: str,
        tags: frozenset[str],
        context: frozenset[str],
        fits: Callable[[_Candidate], bool],
    ) -> list[_Candidate]:
        """The fitting candidates sharing the most tags with the request, in id order.

        Own tags count before context tags. For an untagged request, every fitting candidate; for
        a tagged one with no tagged match, the untagged (general) ones: an entry tagged only with
        other topics never serves it.
        """
        group = self.catalog.group(function)
        if not tags and not context:
            return [c for c in group.all if fits(c)]
        best = (0, 0)
        tier: list[_Candidate] = []
        for shared, candidate in self.catalog.ranked(function, tags, context):
            if shared < best:
                break
            if fits(candidate):
                best = shared
                tier.append(candidate)
        return tier or [c for c in group.untagged if fits(c)]
