"""`analyze(doc) -> Analysis`: the one entry from a Document to what it says.

The document is segmented once (nlp.lang.segment) and every registered extractor (nlp.extractors)
runs over the same segmentation, filling the Analysis field of its name.
"""

from __future__ import annotations

from ingest import Document

from .analysis import Analysis
from .extractors import extractors
from .inquiry import response_due
from .lang import segment


def analyze(doc: Document) -> Analysis:
    """Run every registered extractor over the document; each item keeps offsets and page."""
    segmentation = segment(doc)
    analysis = Analysis(**{ex.name: ex.run(segmentation) for ex in extractors()})
    analysis.response_due = response_due(doc)
    return analysis
