"""Whether a bank sentence is about a point: shared words of the point's own, a distinctive word
of its heading's subject, no catalogue; and whether one more sentence piles up the subject's words.

Relevance (`drafter.compose.relevance`) ranks the field's material against a point's words; these
tests decide which of the ranked sentences a point may say (`SpeechContext.material`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from drafter.compose.generic import GENERIC_TERMS
from drafter.compose.select import key_terms, shingles
from drafter.patterns import LazyPattern

ABOUT_CHARS = 4  # characters of a point's own key terms a sentence must share to be about it
WRITER_RUN = 4  # ... or characters in a row it shares with the writer's sentences under the point
# Words of attitude and effort any field's sentences say (`牢固树立红线意识` shares `牢固树立` with
# `牢固树立宗旨意识`, `在…上下功夫` with `在解决实际困难上下功夫`): a run of the writer's with one of
# them does not make a sentence about the point.
GENERIC_WORDS = ("牢固树立", "下功夫", "积极性", "主动性", "创造性", "紧迫感", "责任感", "使命感")
CATALOGUE_ITEMS = 4  # a sentence listing this many items (three 、) is a catalogue, about no one point
_CJK = LazyPattern(r"[\u4e00-\u9fff]+")


class Subject(NamedTuple):
    """What a point's heading is about: its topic, the topic's words (`words`: key terms, the
    bigrams that straddle two generic words aside: `境治` of `水环境治理`, said by every `环境治理`),
    those of them that are not generic (`distinctive`: `水环`), and, when all are, the one said
    least in the genre (`head`: `整合` of `统筹整合能力`)."""

    topic: str
    words: frozenset[str]
    distinctive: frozenset[str]
    head: str = ""


def subject_of(topic: str, generic: Callable[[str], bool]) -> Subject:
    """The `Subject` of a point whose heading's subject is `topic` (its verbs aside)."""
    words = key_terms(topic) - straddling(topic, generic)
    distinctive = frozenset(t for t in words if not generic(t))
    if distinctive or not words:
        return Subject(topic, words, distinctive)
    # a word generic only in this speech (its field's name, or common in its material) is said most;
    # a task's word (`整治` of `农村环境整治`) says what is done, not what it is done to
    named = [t for t in words if t not in TASK_WORDS] or list(words)
    head = max(named, key=lambda t: (GENERIC_TERMS.get(t, -1), topic.rfind(t)))
    return Subject(topic, words, distinctive, head)


def aspect_of(
    subject: Subject, writer: Sequence[str], nearby: Sequence[str], generic: Callable[[str], bool]
) -> frozenset[str]:
    """The words that say which aspect of a vague `subject` (no distinctive word) a point is on,
    when the `writer`'s sentences qualify it (`扑火` of `专业扑火队伍要常态化开展演练` under
    `加强队伍建设`): the key terms of the writer's sentences and of the section's heading and
    lead-in (`nearby`) that are neither `generic` nor straddling two vague words. Nothing when the
    writer leaves the subject unqualified (`把资源、资金、项目整合好` under `提高统筹整合能力`)."""
    if subject.distinctive or not any(
        _qualifies(sentence[at - 2 : at], generic)
        for sentence in writer
        for word in subject.words
        for at in _occurrences(sentence, word)
    ):
        return frozenset()
    return frozenset(
        term
        for text in [*writer, *nearby]
        for term in key_terms(text) - straddling(text, generic)
        if not generic(term) and term not in TASK_WORDS
    )


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _qualifies(term: str, generic: Callable[[str], bool]) -> bool:
    """Whether `term`, right before a subject's word, is a word of its own qualifying it (`扑火` of
    `扑火队伍`; not `项目` of `项目整合`, nor `越要` of `越要统筹`)."""
    return len(term) == 2 and _CJK.fullmatch(term) is not None and not _vague(term, generic)


def straddling(text: str, generic: Callable[[str], bool]) -> frozenset[str]:
    """The bigrams of `text` that straddle two vague words (`境治` in `环境治理`, `本公` in `基本公共`):
    a bigram between two generic ones (or stop bigrams) is most likely no word of its own."""
    found = set()
    for run in _CJK.findall(text):
        for i in range(1, len(run) - 2):
            if _vague(run[i - 1 : i + 1], generic) and _vague(run[i + 1 : i + 3], generic):
                found.add(run[i : i + 2])
    return frozenset(found)


def _vague(term: str, generic: Callable[[str], bool]) -> bool:
    return generic(term) or term not in key_terms(term)  # a stop bigram or one with a function word


def about(
    own: frozenset[str],
    subject: Subject,
    text: str,
    generic: Callable[[str], bool] = lambda term: False,
    writer: Sequence[str] = (),
    aspect: frozenset[str] = frozenset(),
) -> bool:
    """Whether `text` is about a point. It shares key terms covering `ABOUT_CHARS` characters
    with the point's own words, and its heading's subject:
    - one of the subject's distinctive words (`隐患` under `隐患排查`, `水环` under `水环境治理`;
      not `保障` under `待遇保障`, nor `公共` and `管理` under `公共秩序管理`);
    - or, when every word of the subject is `generic`, its head (`整合` under `统筹整合能力`)
      or three characters of it in a row (`监管责任` under `部门监管责任`; not `环境…整治` under
      `推进农村环境整治`).
    A catalogue (`道路交通、水上运输、燃气、消防、危化品、矿山…`) is about everything it lists,
    so about no one point. Any other sentence that says the point's whole topic (three
    characters or more) is about it, and so is one that says a distinctive run of the
    `writer`'s sentences under the point (`黑臭水体` under `要加强水环境治理` whose sentence is
    `抓好黑臭水体整治`): the writer said what the point is about in so many words.

    A heading whose subject says nothing of its own (`加强队伍建设`, `备足物资`) is on the
    `aspect` the writer's sentences and its section give (`扑火` of `专业扑火队伍要常态化开展演练`
    under `提升扑救能力`): a sentence on the subject must say one of those words too, or it is on
    another aspect (`综合性应急救援队伍建设` under it). A subject's first word, when distinctive,
    names its kind (`毒品` of `毒品违法犯罪`): a sentence that leaves it unsaid is on another kind."""
    if catalogue(text) or _elsewhere_of_town(subject.topic, text):
        return False
    if aspect and aspect.isdisjoint(key_terms(text)):
        return False
    kind = _ACT.sub("", subject.topic)
    qualifier = kind[:2]
    if len(kind) >= 4 and qualifier in subject.distinctive and qualifier not in text:
        # the subject's own kind unsaid (`毒品` of `毒品违法犯罪`, `耕地` of `耕地红线`): a sentence on
        # its head alone is on another kind (`突出违法犯罪`, `宅基地…红线`), unless it says the writer's
        return says_writers_words(writer, text, generic)
    lead = lead_clause(text)
    if len(subject.topic) >= 3 and subject.topic in lead:
        return True
    shared = own & key_terms(text)
    if len({c for term in shared for c in term}) < ABOUT_CHARS:
        return False
    if not subject.words:
        return True
    # the subject said in the clause the sentence is on; or later, when that clause is on the
    # point's own words too (`拓展农民参与产业发展渠道和方式，促进农民稳定增收` under `带动农民增收`)
    terms = key_terms(lead)
    on = text if any(not generic(term) for term in own & terms) else lead
    terms = key_terms(on)
    if subject.distinctive:
        if subject.distinctive & terms:
            return True
    elif subject.head in terms or _longest_shared(subject.topic, on) >= 3:
        return True
    return says_writers_words(writer, on, generic)


def strays(text: str, context: frozenset[str], generic: Callable[[str], bool]) -> bool:
    """Whether a clause after the one `text` is on (`lead_clause`) sets a task of its own on a
    subject nothing around the point says (`健全土壤污染源头预防体系` after `提升工业园区污水收集处理
    效能` under `补齐污水收集处理短板`): it opens on a task's verb (`_VERB`), says words that are not
    `generic`, and none of them is in the point's `context` (its heading, the writer's sentences,
    its section's words, the field). What the task brings is no task (`集中财力办大事`)."""
    lead = lead_clause(text)
    rest = text[len(lead) :] if text.startswith(lead) else ""
    for clause in _CLAUSE.split(rest):
        if not _VERB.match(clause):
            continue
        terms = key_terms(clause) - straddling(clause, generic)
        if any(not generic(term) for term in terms) and terms.isdisjoint(context):
            return True
    return False


# Clauses that frame the one after them (`聚焦…薄弱环节，补齐…短板`, `对于基层和企业反映的问题，…`),
# and clauses too short to say what a sentence is on (`为此，`)
_FRAMING = LazyPattern(r"^要?(?:聚焦|围绕|按照|根据|依据|对照|针对|对于|立足|着眼|紧扣|紧盯|以|在|对)")
_SHORT_CLAUSE = 6


def lead_clause(text: str) -> str:
    """The clause a sentence is on: its first, with the next when the first frames it or is too
    short to say anything (`健全空地一体联合应急救援体系` of `…，提升应急物资储备保障能力。`: what
    follows it is said on the way)."""
    clauses = [clause for clause in _CLAUSE.split(text) if clause]
    if not clauses:
        return text
    lead = clauses[0]
    if len(clauses) > 1 and (len(lead) < _SHORT_CLAUSE or _FRAMING.match(lead)):
        lead += "，" + clauses[1]
    return lead


# The country and the town: a sentence on one is not about a point on the other (`基本实现城市建成区
# 生活污水处理能力全覆盖` under `集中整治农村人居环境`); 城乡 is both.
_COUNTRY = ("农村", "乡村")
_TOWN = ("城市", "城区", "城镇")


def _elsewhere_of_town(topic: str, text: str) -> bool:
    """Whether `text` is on the town when `topic` is on the country, or the other way round."""
    if "城乡" in text:
        return False
    for one, other in ((_COUNTRY, _TOWN), (_TOWN, _COUNTRY)):
        if any(w in topic for w in one) and not any(w in text for w in one):
            return any(w in text for w in other)
    return False


def says_writers_words(writer: Sequence[str], text: str, generic: Callable[[str], bool]) -> bool:
    """Whether `text` shares `WRITER_RUN` characters in a row with one of the `writer`'s sentences,
    a run with a word of its own: a bigram neither `generic` nor straddling two vague words of
    `text` (`黑臭水体`, not `加强监管` nor `基本公共`)."""
    said = frozenset().union(*(shingles(sentence, WRITER_RUN) for sentence in writer))
    runs = shingles(text, WRITER_RUN) & said
    if not runs:
        return False
    across = straddling(text, generic)
    return any(
        any(
            not _vague(b, generic) and b not in across
            for b in (run[i : i + 2] for i in range(WRITER_RUN - 1))
        )
        and not any(word in run for word in GENERIC_WORDS)
        and any(_heads(run, sentence, generic) for sentence in writer)
        for run in runs
    )


# Words after a noun that make it a task without changing what it is about (`黑臭水体整治`).
TASK_WORDS = frozenset(
    {"整治", "治理", "管理", "保护", "防治", "建设", "工作", "改造", "提升", "攻坚", "行动", "项目", "问题"}
)
_CLAUSE_END = LazyPattern(r"[，。；：、！？,;:和与及并]")  # a clause, or a conjunct of it


def _heads(run: str, sentence: str, generic: Callable[[str], bool]) -> bool:
    """Whether `run` is what the writer's `sentence` is about where it says it, not a word that
    modifies another (`公共卫生` of `落实基本公共卫生服务补助`, `县级医院` of `到县级医院进修`): the rest
    of its clause after it says nothing of its own (`抓好黑臭水体整治`: 整治)."""
    at = sentence.find(run)
    if at < 0:
        return False
    rest = _CLAUSE_END.split(sentence[at + len(run) :], maxsplit=1)[0]
    rest = "".join(_CJK.findall(rest))
    return all(
        _vague(rest[i : i + 2], generic) or rest[i : i + 2] in TASK_WORDS for i in range(0, len(rest) - 1, 2)
    )


# the bank's sentences of a paragraph say a word of its point's subject in this many at most (the
# heading and the writer's sentences aside)
MENTIONS = 1


_SENTENCE = LazyPattern(r"(?<=[。！？；])")


def piles(topic: str, said: str, text: str) -> bool:
    """Whether `text` would make the bank's sentences of a paragraph (`said`) say a word of its
    subject in more than `MENTIONS` sentences (`空气质量` in two of them after the heading and the
    writer's reads as padding; one sentence saying `社区养老、居家养老和互助养老` says it once)."""
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


_CLAUSE = LazyPattern(r"[，；。！？：,;:]")


def catalogue(text: str) -> bool:
    """Whether `text` lists `CATALOGUE_ITEMS` items or more (`开展燃气、危化品、高层建筑、“九小场所”等
    领域…`, `加快补齐教育、医疗、养老、托幼等民生短板`, `实行流程式、全过程督查督办，紧紧抓住立项、实施、
    反馈等关键环节`): a sentence that busy is a programme's, about no one point. A parallel run
    alone is no list (`认真调研、充分准备、深入研究、反复酝酿`: one clause of items alike in length)."""
    clauses = [c for c in _CLAUSE.split(text) if c]
    if len(clauses) == 1 and _parallel(clauses[0].split("、")):
        return False
    if text.count("、") >= CATALOGUE_ITEMS - 1:
        return True
    return any(_LISTED.search(clause) for clause in clauses)


# three items or more that 等 closes (`非法倾倒处置固废、生活垃圾填埋场环境污染隐患、建筑垃圾无序堆放等
# 重点领域`): examples of a programme's fields
_LISTED = LazyPattern(r"[^、]+、[^、]+、[^、]{2,}等")


def _parallel(items: list[str]) -> bool:
    """Whether a clause's 、-list is a parallel run: no 等 ends it, its items alike in length."""
    return "等" not in items[-1] and len({len(item) for item in items}) == 1


RESTATED = 4  # characters of a heading's task a sentence says word for word to restate it
RESTATED_REST = 5  # ... or characters beside the heading's topic in the clause a sentence opens on
_LEAD = LazyPattern(r"^(?:[一二三四五六七八九十]+[是要]|要)")
_QUOTES = str.maketrans("", "", "“”‘’「」《》")


def restates(heading: str, text: str, topic: str = "") -> bool:
    """Whether `text` says its point's heading again, verb and all (`坚持和发展新时代“枫桥经验”，…`
    under `要坚持和发展新时代枫桥经验`, `增强斗争本领，…` under `要增强斗争本领`), or opens on its
    `topic` with little else (`要深入贯彻中央八项规定精神，…` under `要严守中央八项规定精神`:
    `RESTATED_REST` characters beside it): right after the heading it reads as saying it twice.
    Its subject in a clause of its own is no restatement (`提升农村道路交通安全设施标准` under
    `要抓好道路交通安全`)."""
    task = _LEAD.sub("", heading).translate(_QUOTES).rstrip("。！；")
    plain = text.translate(_QUOTES)
    if len(task) >= RESTATED and task in plain:
        return True
    clauses = [clause for clause in _CLAUSE.split(plain) if clause]
    return _opens_on(topic, plain) or any(_says_in_order(task, clause) for clause in clauses)


def _says_in_order(task: str, clause: str) -> bool:
    """Whether `clause` (any of a sentence's) says the heading's whole `task` with one insertion
    (`构建亲清统一的新型政商关系` under `构建亲清政商关系`, `深入打好蓝天、碧水、净土保卫战` under
    `深入打好蓝天保卫战`), or its verb after its object (`开展人居环境整治提升` under `整治人居环境`,
    `加快重点行业落后产能淘汰` under `淘汰落后产能`)."""
    if len(task) < RESTATED:
        return False
    for cut in range(2, len(task) - 1):
        at = clause.find(task[:cut])
        if at >= 0 and task[cut:] in clause[at + cut :]:
            return True
    return task[2:] + task[:2] in clause  # the verb after its object: `落后产能淘汰`


def says_a_writers_clause(writer: Sequence[str], text: str) -> bool:
    """Whether `text` opens on what a clause of the `writer`'s is on, another verb aside (`抓实河湖长制，
    …` after `落实河湖长制，抓好黑臭水体整治。`), or its first clause says an object of the writer's with
    a word inserted (`推进扬尘污染精细治理` after `抓好扬尘治理和工业废气排放管控`): it says that clause
    again."""
    plain = text.translate(_QUOTES)
    clauses = [clause for sentence in writer for clause in _CLAUSE.split(sentence) if clause]
    first = _CLAUSE.split(plain, maxsplit=1)[0]
    objects = [part for clause in clauses for part in _CONJUNCT.split(_VERB.sub("", clause)) if part]
    return any(_opens_on(clause, plain) for clause in clauses) or any(
        _says_in_order(part, first) for part in objects
    )


SAID_RUN = 5  # characters in a row of the writer's (his subject's aside) a bank sentence says again


def says_a_writers_run(writer: Sequence[str], text: str, topic: str = "") -> bool:
    """Whether `text` says `SAID_RUN` characters in a row of the `writer`'s sentences that are not
    the point's `topic` (`大力开展以商招商、场景招商、产业链招商` after `围绕主导产业链招商补链`): beside
    his sentence it says that word again."""
    said = frozenset().union(*(shingles(s.translate(_QUOTES), SAID_RUN) for s in writer))
    return not (shingles(text.translate(_QUOTES), SAID_RUN) & said).issubset(shingles(topic, SAID_RUN))


# The verbs a task opens on (`抓好扬尘治理`).
_TASK_VERBS = "抓好|抓实|推进|加强|做好|强化|落实|完善|健全|提升|开展|实施|深化|加快|推动|加大|发挥"
# The verb a writer's clause opens on: its object said with another verb and a word inserted
# (`推进扬尘污染精细治理` after `抓好扬尘治理`) says the clause again.
_VERB = LazyPattern(rf"^要?(?:{_TASK_VERBS})")


# The act a topic may open on (`严打毒品违法犯罪`, `兑现惠企政策`): the subject's kind follows it.
_ACT = LazyPattern(
    rf"^(?:{_TASK_VERBS}|做实|严打|严守|严防|严把|守住|兑现|压缩|压实|帮助|保障|提高|优化|规范|促进|打好|打赢)"
)


def _opens_on(subject: str, text: str) -> bool:
    """Whether the clause `text` opens on says `subject` with `RESTATED_REST` characters beside it at
    most (a run of `RESTATED` of them in a row)."""
    first = _CLAUSE.split(text, maxsplit=1)[0]
    said = _longest_shared(subject, first)
    if said >= RESTATED and len(first) - said <= RESTATED_REST:
        return True
    # the whole subject in the first conjunct, with a verb and a word or two beside it (`健全网格化
    # 管理服务机制` under `要推进网格化管理`, `加快重点行业落后产能淘汰和…` under `要淘汰落后产能`)
    conjunct = _CONJUNCT.split(first, maxsplit=1)[0]
    whole = _TAIL.sub("", _VERB.sub("", subject))  # `党建引领` of `发挥党建引领作用`
    return len(whole) >= 3 and whole in conjunct and len(conjunct) - len(whole) <= WHOLE_REST


WHOLE_REST = 8  # characters beside a whole subject in the conjunct a sentence opens on
_TAIL = LazyPattern(r"(?:作用|工作)$")  # words a subject ends on that say nothing of it
_CONJUNCT = LazyPattern(r"[和与及、]")


def _longest_shared(topic: str, text: str) -> int:
    """The length of the longest run of `topic` that `text` says (`中央八项规定精神` of
    `严守中央八项规定精神` in `要深入贯彻中央八项规定精神`)."""
    for size in range(len(topic), 0, -1):
        if any(topic[i : i + size] in text for i in range(len(topic) - size + 1)):
            return size
    return 0
