"""`analyze(doc) -> Analysis`: the one entry from a Document to what it says.

Figures come from nlp.figures and entities from nlp.entities; demands are filled in by their own
module as that capability lands.
"""

from __future__ import annotations

from ingest import Document

from .analysis import Analysis
from .entities import extract_entities
from .figures import extract_figures


def analyze(doc: Document) -> Analysis:
    """Run every extractor over the document; each item keeps offsets and page."""
    return Analysis(figures=extract_figures(doc), entities=extract_entities(doc))
