"""Place gazetteer (kk/ru/en names as data files) and its matcher for Kazakh and Russian text.

`find_places(text, lang)` returns `PlaceMention`s (Kazakh endings and Russian cases handled),
`resolve_place(phrase)` one `Place`, `place_by_id(id)` a record. Data format: data/README.md.
"""

from .matcher import PlaceMention, find_places, resolve_place
from .records import GazetteerError, Place, load_places, place_by_id

__all__ = ["GazetteerError", "Place", "PlaceMention", "find_places", "load_places", "place_by_id",
           "resolve_place"]
