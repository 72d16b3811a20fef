"""The brief: the short YAML file a writer fills in to get a draft.

A brief is "skeleton + the speaker's own substance": the template (speech kind) supplies the
skeleton and the phrase bank the formulas; the brief supplies the occasion, the people and the
things the leader wants to say. Field descriptions are Chinese: they appear in editors through
the JSON Schema while a writer types (`drafter.compose.brief_model`, the pydantic models that
write the schema and word the errors). The classes here are plain frozen records, built from
a brief's YAML by `drafter.compose.brief_build` without importing pydantic when the brief is valid;
`fields_set` names the fields the brief gave (pydantic's `model_fields_set`).

Fields added to the first model (for the composer; all optional, defaults keep old briefs valid):

- `Brief.situation`: the speaker's own sentences on the situation and tasks, said in the opening
  after the review (001 line 5 `“十四五”时期，是我市…`, 003 line 5 `当前，经济的新常态…`).
- `Section.role`: `requirements` (default: requirement sentences, 四字格, quotes) or `problems`
  (a diagnosis section such as 001's `思想观念不适应 / 工作作风不适应`: use `problem` entries).
- `Section.enumerator`: how the points are numbered inline, a pattern with `{n}` such as `{n}是`,
  `{n}要`, `第{n}，` (003 `一是要讲大局`, 001 `一要服务基层`, 004 `第一，`); unset: the template decides.
- `Closing.text`: the speaker's own closing sentences (000 line 16 `希望大家进一步树立…`).
- `Closing.thanks`: end with a thanks line (`谢谢大家！`); default true (003 ends without one).

Added for issue 8 (drafting core):

- `Brief.speaker_role`: `convener` (a leader opening a meeting of his own), `guest` (a visiting
  leader), `closing` (closing remarks after others have spoken). Unset: `closing` when the brief
  acknowledges earlier speakers, else `convener` (`Brief.role`). It chooses openings and transitions.
- `Brief.domain`: the speech's field, a key or alias of `vocabulary.DOMAINS` (stored as the key);
  unset, it is inferred from the brief's words (`drafter.compose.relevance.infer_domain`). Bank
  material of another field is never drafted.
- `Brief.superior`, `Brief.audience_org`: slot roles besides `org` (the speaker's own office): the
  leadership above it (`市委、市政府`) and the audience's system (`全市应急管理系统`); defaults come
  from the post and region (`drafter.compose.roles`).
- `Point.material`: how much bank material a point gets: `none`, `few` (at most two sentences),
  `more` (up to the budget, up to six); unset, the budget decides (at most four).
- `Point.phrases`: per-point `use` / `avoid`, as the brief-wide `phrases`.

Added for issue 9 (occasions):

- `Brief.agenda`: the items of a meeting a chair's script (`chair_script`) runs through, each
  `{who, does, what}`: who speaks, what they do (a key of `vocabulary.AGENDA_ACTS`: 讲话, 部署,
  发言, 宣读, 颁奖 …) and, where the act needs it, what (`宣读《关于表彰……的决定》`). Required by
  `chair_script` and read by no other template (`brief_load` checks both).
- `Brief.attendees`: who attends, said when a chair opens the meeting (`出席今天会议的有……`).
- `Brief.honoured`: whom a commendation honours (`{honoured}` in the bank), default
  `受到表彰的先进集体和先进个人` (`Brief.honoured_or_default`).
- `Section.role: example`: a part about the honoured (their deeds, what to learn from them): the
  `commendation` template fills it with the writer's words and the bank's formulas of learning from
  them, never with requirement sentences.

Cross-field rules a model cannot see alone (known templates, skeleton slots against fillers,
heading sets in the bank) are checked by `drafter.compose.brief_load` and `drafter.compose.brief_check`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from drafter.record import Record
from drafter.vocabulary import AGENDA_ACTS

SectionRole = Literal["requirements", "problems", "example"]
AgendaAct = Literal["讲话", "部署", "发言", "表态发言", "汇报", "宣读", "颁奖", "授课"]
DEFAULT_HONOURED = "受到表彰的先进集体和先进个人"
SpeakerRole = Literal["convener", "guest", "closing"]
MaterialAmount = Literal["none", "few", "more"]


class Speaker(Record):
    """Who speaks: the post and, optionally, the name."""

    __slots__ = ("name", "post")
    DEFAULTS: ClassVar[dict[str, Any]] = {"name": ""}
    post: str
    name: str


class Acknowledgement(Record):
    """An earlier speaker to acknowledge, and what they did."""

    __slots__ = ("did", "who")
    who: str
    did: str


class AgendaItem(Record):
    """One item of a meeting's agenda: who speaks, what they do and, where needed, what about."""

    __slots__ = ("does", "what", "who")
    DEFAULTS: ClassVar[dict[str, Any]] = {"what": None}
    who: str
    does: AgendaAct
    what: str | None

    def _said(self, pattern: str) -> str:
        what = (self.what or "").strip().rstrip("。，；")
        return pattern.replace("{what}", what) if pattern else ""

    @property
    def ask(self) -> str:
        """How the chair asks for it, after `请{who}`: `讲话`, `对全县安全生产工作作安排部署`."""
        return self._said(AGENDA_ACTS[self.does][1])

    @property
    def done(self) -> str:
        """How the chair recalls it, after `刚才，{who}`: `作了讲话`; "" when it is not recalled."""
        return self._said(AGENDA_ACTS[self.does][2])


class HeadingPlan(Record):
    """How a run of sibling headings is built: from a skeleton with per-item fillers, or a bank set."""

    __slots__ = ("set", "skeleton")
    DEFAULTS: ClassVar[dict[str, Any]] = {"skeleton": None, "set": None}
    skeleton: str | None
    set: str | None


class PhraseChoice(Record):
    """The writer's say over the bank: entries to prefer and entries never to use."""

    __slots__ = ("avoid", "use")
    DEFAULTS: ClassVar[dict[str, Any]] = {"use": list, "avoid": list}
    use: list[str]
    avoid: list[str]


class Point(Record):
    """One point of a section: an optional sub-heading, the writer's own sentences, topic tags."""

    __slots__ = ("fillers", "heading", "material", "phrases", "tags", "text")
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "heading": None,
        "fillers": None,
        "text": list,
        "tags": list,
        "material": None,
        "phrases": PhraseChoice,
    }
    heading: str | None
    fillers: dict[str, str] | None
    text: list[str]
    tags: list[str]
    material: MaterialAmount | None
    phrases: PhraseChoice


class Section(Record):
    """One part of the body: heading, optional lead-in, points."""

    __slots__ = (
        "enumerator",
        "fillers",
        "heading",
        "lead_in",
        "point_headings",
        "points",
        "role",
        "tags",
        "topic",
    )
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "heading": None,
        "fillers": None,
        "topic": None,
        "lead_in": None,
        "role": "requirements",
        "enumerator": None,
        "point_headings": None,
        "tags": list,
    }
    heading: str | None
    fillers: dict[str, str] | None
    topic: str | None
    lead_in: str | None
    role: SectionRole
    enumerator: str | None
    point_headings: HeadingPlan | None
    tags: list[str]
    points: list[Point]


class Closing(Record):
    """The end of the speech."""

    __slots__ = ("goal", "slogan", "text", "thanks")
    DEFAULTS: ClassVar[dict[str, Any]] = {"goal": None, "slogan": None, "text": list, "thanks": True}
    goal: str | None
    slogan: str | None
    text: list[str]
    thanks: bool


class Length(Record):
    """Target length: minutes at a speaking rate, or characters."""

    __slots__ = ("chars", "minutes", "rate")
    DEFAULTS: ClassVar[dict[str, Any]] = {"minutes": None, "chars": None, "rate": 220}
    minutes: float | None
    chars: int | None
    rate: int

    @property
    def target_chars(self) -> int | None:
        if self.chars is not None:
            return self.chars
        return round(self.minutes * self.rate) if self.minutes is not None else None


class Brief(Record):
    """A request for one speech draft."""

    __slots__ = (
        "achievements",
        "acknowledge",
        "agenda",
        "attendees",
        "audience",
        "audience_org",
        "closing",
        "date",
        "domain",
        "font_profile",
        "headings",
        "honoured",
        "length",
        "occasion",
        "org",
        "phrases",
        "purpose",
        "region",
        "salutation",
        "sections",
        "seed",
        "situation",
        "speaker",
        "speaker_role",
        "subtitle",
        "superior",
        "template",
        "thanks_to",
        "title",
    )
    DEFAULTS: ClassVar[dict[str, Any]] = {
        **dict.fromkeys(("title", "subtitle", "occasion", "speaker_role", "domain", "org", "superior"), None),
        **dict.fromkeys(("audience_org", "region", "audience", "purpose", "thanks_to", "honoured"), None),
        **dict.fromkeys(("attendees", "headings", "font_profile"), None),
        **dict.fromkeys(("acknowledge", "achievements", "agenda", "situation"), list),
        "salutation": "同志们",
        "closing": Closing,
        "length": Length,
        "phrases": PhraseChoice,
        "seed": 0,
    }
    template: str
    title: str | list[str] | None
    subtitle: str | None
    occasion: str | None
    speaker: Speaker
    date: dt.date
    salutation: str
    speaker_role: SpeakerRole | None
    domain: str | None
    org: str | None
    superior: str | None
    audience_org: str | None
    region: str | None
    audience: str | None
    purpose: str | None
    acknowledge: list[Acknowledgement]
    achievements: list[str]
    thanks_to: str | None
    honoured: str | None
    attendees: str | None
    agenda: list[AgendaItem]
    situation: list[str]
    headings: HeadingPlan | None
    sections: list[Section]
    closing: Closing
    length: Length
    phrases: PhraseChoice
    font_profile: str | None
    seed: int

    @property
    def honoured_or_default(self) -> str:
        """Whom a commendation honours: `honoured` as given, else `受到表彰的先进集体和先进个人`."""
        return (self.honoured or "").strip() or DEFAULT_HONOURED

    @property
    def honoured_again(self) -> str:
        """The honoured once named in full: their field's words dropped (`受到表彰的禁毒工作先进集体
        和先进个人` → `受到表彰的先进集体和先进个人`), so the long name is not said three times."""
        full = self.honoured_or_default
        fielded = full.startswith("受到表彰的") and full.endswith("先进集体和先进个人")
        return DEFAULT_HONOURED if fielded else full

    @property
    def role(self) -> SpeakerRole:
        """The speaker's role: as given, else `closing` after acknowledged speakers, else `convener`."""
        if self.speaker_role is not None:
            return self.speaker_role
        return "closing" if self.acknowledge else "convener"
