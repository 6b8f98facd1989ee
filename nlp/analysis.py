"""Values that nlp produces for a Document: figures, entities, demands, addressee, signatories.

Each item keeps character offsets into Document.text and the page it is on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Quoted:
    """What every extracted item has: the quoted text and its character offsets into Document.text."""

    text: str
    start: int
    end: int


@dataclass
class Figure(Quoted):
    """A number the document states, normalised (value in base units) with what it counts."""

    value: float
    qualifier: str = "exact"  # exact, about, more_than, less_than, at_least, up_to, range
    unit: str = "count"
    value_max: float | None = None
    page: int | None = None
    what: str | None = None
    indicator: str | None = None
    place: str | None = None
    year: int | None = None
    period: str | None = None
    source: str | None = None
    source_kind: str = "unknown"  # official, unofficial, unknown
    kind: str = "statistic"  # statistic, money, count, rate, norm, proposal, duration
    contrast: bool = False  # its sentence sets it against official figures (`ресми сандар … көрсетпейді`)
    lang_part: str | None = None  # kk or ru: the language of its paragraph in a bilingual document
    translation: int | None = None  # index (in the figures) of the same figure in the other half of a bilingual inquiry

    @property
    def approx(self) -> bool:
        return self.qualifier in {"about", "more_than", "less_than", "at_least", "up_to"}


@dataclass
class Entity(Quoted):
    """A named person (PER), organisation (ORG) or place (LOC), with its base form and link."""

    label: str  # PER, ORG, LOC
    canonical: str
    page: int | None = None
    name_en: str | None = None
    id: str | None = None


@dataclass
class Demand(Quoted):
    """A question, proposal or demand of an inquiry, numbered as in the text."""

    type: str  # question, proposal, demand
    procedural: bool = False
    page: int | None = None
    number: int | None = None
    directed_to: str | None = None
    rhetorical: bool = False  # a question inside the argument that expects no answer
    lang_part: str | None = None  # kk or ru: the half of a bilingual inquiry it stands in
    translation: int | None = None  # index (in the demands) of its counterpart in the other half
    label: str | None = None  # where the item stands as its list numbers it: 2, 1.2, 1.б, б (number: its top item's)


@dataclass
class Addressee(Quoted):
    """Whom an inquiry is addressed to."""

    name: str
    name_en: str | None = None
    position: str | None = None


@dataclass
class Signatory(Quoted):
    """A deputy who signed the inquiry."""

    name: str
    faction: str | None = None
    id: str | None = None  # the deputy of the gazetteer it names (`kz.deputy.<slug>`)


@dataclass
class ReplyReference(Quoted):
    """What a reply cites of the inquiry it answers (date, number), whom it addresses and who signed it."""

    page: int | None = None
    cited_date: dt.date | None = None  # the inquiry's date as the reply cites it
    cited_number: str | None = None  # the inquiry's number as the reply cites it
    outgoing_number: str | None = None  # the reply's own number (`Исх. №`, `Шығ. №`)
    incoming_number: str | None = None  # a registration number (`Вх. №`, `Кір. №`)
    deputies: list[str] = field(default_factory=list)  # as the address block writes them
    body: str | None = None  # the letterhead as written
    body_id: str | None = None  # the letterhead's body in the gazetteer
    signer: str | None = None
    signer_position: str | None = None
    signer_en: str | None = None  # the signer in the gazetteer
    signer_body: str | None = None  # the body of the signer's post in the gazetteer


@dataclass
class Analysis:
    """Everything nlp found in one Document."""

    figures: list[Figure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    demands: list[Demand] = field(default_factory=list)
    addressee: list[Addressee] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    reply_to: list[ReplyReference] = field(default_factory=list)
    response_due: dt.date | None = None
