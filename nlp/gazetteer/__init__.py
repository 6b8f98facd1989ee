"""Gazetteer (kk/ru/en names as data files) and its matchers for Kazakh and Russian text.

Places: `find_places(text, lang)` → `PlaceMention`s, `resolve_place(phrase)`, `place_by_id(id)`.
Bodies (state bodies, Parliament, parties/factions, companies): `find_bodies`, `link_org`.
Officials: `find_officials`, `link_person`. Position titles (not bodies): `find_positions`.
Laws/programmes/platforms (never organisations): `find_not_orgs`, `is_not_org`.
`link(surface, label)` dispatches on PER/ORG/LOC; `record_by_id(id)` finds any record.
Data format: data/README.md.
"""

from dataclasses import dataclass

from .bodies import Body, Position, body_by_id, load_bodies, load_positions
from .body_index import surface_conflicts
from .deputies import Deputy, deputy_of, load_deputies
from .matcher import PlaceMention, find_places, resolve_place
from .organisations import (
    BodyMention,
    NotOrgMention,
    PositionMention,
    find_bodies,
    find_not_orgs,
    find_positions,
    is_not_org,
    link_org,
    link_position,
)
from .people import Official, PersonMention, find_officials, link_person, load_officials, official_by_id
from .records import GazetteerError, Place, load_places, place_by_id
from .terms import holders, post_at, term_rank


@dataclass(frozen=True)
class LinkedRecord:
    """What a linked entity gets: the record id, English name and kind (person for officials)."""

    id: str
    name_en: str
    kind: str


_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
           "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC"}


def link(surface: str, label: str, lang: str | None = None, date: str | None = None) -> LinkedRecord | None:
    """Link a recognised entity (label PER/ORG/LOC, KazNERD labels too) to a gazetteer record, else None."""
    kind = _LABELS.get(label.upper())
    if kind == "PER":
        o = link_person(surface, lang, date)
        return LinkedRecord(o.id, o.name_en, "person") if o else None
    if kind == "ORG":
        b = link_org(surface, lang)
        return LinkedRecord(b.id, b.name_en, b.kind) if b else None
    if kind == "LOC":
        p = resolve_place(surface, lang)
        return LinkedRecord(p.id, p.name_en, p.kind) if p else None
    return None


def record_by_id(record_id: str) -> Place | Body | Official | Position:
    """Any gazetteer record (place, body, official, position) by id; GazetteerError when unknown."""
    for table in (load_places(), load_bodies(), load_officials(), load_positions()):
        if record_id in table:
            return table[record_id]
    raise GazetteerError(f"unknown gazetteer id {record_id!r}")


__all__ = [
    "Body",
    "BodyMention",
    "Deputy",
    "GazetteerError",
    "LinkedRecord",
    "NotOrgMention",
    "Official",
    "PersonMention",
    "Place",
    "PlaceMention",
    "Position",
    "PositionMention",
    "body_by_id",
    "deputy_of",
    "find_bodies",
    "find_not_orgs",
    "find_officials",
    "find_places",
    "find_positions",
    "holders",
    "is_not_org",
    "link",
    "link_org",
    "link_person",
    "link_position",
    "load_bodies",
    "load_deputies",
    "load_officials",
    "load_places",
    "load_positions",
    "official_by_id",
    "place_by_id",
    "post_at",
    "record_by_id",
    "resolve_place",
    "surface_conflicts",
    "term_rank",
]
