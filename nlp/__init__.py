"""nlp: Document → Analysis (figures, entities, demands, addressee, signatories, a reply's reference)."""

from .analysis import Addressee, Analysis, Demand, Entity, Figure, Quoted, ReplyReference, Signatory
from .analyze import analyze
from .contract import SCHEMA_ID, to_contract
from .errors import NlpError

__all__ = [
    "SCHEMA_ID",
    "Addressee",
    "Analysis",
    "Demand",
    "Entity",
    "Figure",
    "NlpError",
    "Quoted",
    "ReplyReference",
    "Signatory",
    "analyze",
    "to_contract",
]

from .numbers import NumberMatch, find_numbers

__all__ += ["NumberMatch", "find_numbers"]

from .figures import extract_figures
from .lang import clauses, sentences

__all__ += ["clauses", "extract_figures", "sentences"]

from .gazetteer import Place, PlaceMention, find_places, place_by_id, resolve_place

__all__ += ["Place", "PlaceMention", "find_places", "place_by_id", "resolve_place"]

from .gazetteer import (
    Body,
    BodyMention,
    LinkedRecord,
    Official,
    PersonMention,
    PositionMention,
    find_bodies,
    find_officials,
    find_positions,
    is_not_org,
    link,
    link_org,
    link_person,
    record_by_id,
)

__all__ += ["Body", "BodyMention", "LinkedRecord", "Official", "PersonMention", "PositionMention", "find_bodies",
            "find_officials", "find_positions", "is_not_org", "link", "link_org", "link_person", "record_by_id"]

from .attribution import attribute
from .indicators import (
    INDICATOR_CONCEPTS,
    complementary_whole,
    describe_indicator,
    disjoint,
    indicator_for,
    part_of,
)
from .sources import SourceCue, find_sources

__all__ += ["INDICATOR_CONCEPTS", "SourceCue", "attribute", "complementary_whole", "describe_indicator", "disjoint",
            "find_sources", "indicator_for", "part_of"]

from .demands import demands_of
from .entities import extract_entities
from .extractors import Extractor, extractor, extractors
from .lang import Segmentation, segment

__all__ += ["Extractor", "Segmentation", "demands_of", "extract_entities", "extractor", "extractors", "segment"]

from .inquiry import (
    ResponseTerm,
    defers,
    extract_addressee,
    extract_reply_to,
    extract_signatories,
    point_number,
    reply_reference,
    response_due,
    response_term,
)

__all__ += ["ResponseTerm", "defers", "extract_addressee", "extract_reply_to", "extract_signatories", "point_number",
            "reply_reference", "response_due", "response_term"]
