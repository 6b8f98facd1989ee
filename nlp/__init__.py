"""nlp: Document → Analysis (figures, entities, demands, addressee, signatories)."""

from .analysis import Addressee, Analysis, Demand, Entity, Figure, Signatory
from .analyze import analyze
from .contract import SCHEMA_ID, to_contract

__all__ = [
    "SCHEMA_ID",
    "Addressee",
    "Analysis",
    "Demand",
    "Entity",
    "Figure",
    "Signatory",
    "analyze",
    "to_contract",
]

from .numbers import NumberMatch, find_numbers

__all__ += ["NumberMatch", "find_numbers"]

from .figures import extract_figures
from .sentences import clauses, sentences

__all__ += ["clauses", "extract_figures", "sentences"]

from .gazetteer import Place, PlaceMention, find_places, place_by_id, resolve_place

__all__ += ["Place", "PlaceMention", "find_places", "place_by_id", "resolve_place"]

from .indicators import INDICATOR_CONCEPTS, describe_indicator, indicator_for
from .sources import SourceCue, attribute, find_sources

__all__ += ["INDICATOR_CONCEPTS", "SourceCue", "attribute", "describe_indicator", "find_sources", "indicator_for"]
