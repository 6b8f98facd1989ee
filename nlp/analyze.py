"""`analyze(doc) -> Analysis`: the one entry from a Document to what it says.

Figures come from nlp.figures; entities and demands are filled in by their own modules as those
capabilities land.
"""

from __future__ import annotations

from ingest import Document

from .analysis import Analysis
from .figures import extract_figures


def analyze(doc: Document) -> Analysis:
    """Run every extractor over the document; each item keeps offsets and page."""
    return Analysis(figures=extract_figures(doc))
