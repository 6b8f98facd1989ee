"""Serialise a Document and its Analysis to the `saual.extraction/1` contract (docs/extraction.schema.json)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ingest import Document

from .analysis import Analysis

SCHEMA_ID = "saual.extraction/1"


def to_contract(doc: Document, analysis: Analysis) -> dict[str, Any]:
    """The JSON object `saual extract --json` prints for one document."""
    figures = []
    for f in analysis.figures:
        item = asdict(f)
        item["approx"] = f.approx
        figures.append(item)
    return {
        "schema": SCHEMA_ID,
        "source": {
            "path": doc.path,
            "sha256": doc.sha256,
            "format": doc.format,
            "pages": doc.page_count,
            "ocr": doc.ocr,
        },
        "language": doc.language,
        "kind": doc.kind,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "response_due": analysis.response_due.isoformat() if analysis.response_due else None,
        "text": doc.text,
        "addressee": [asdict(a) for a in analysis.addressee],
        "signatories": [asdict(s) for s in analysis.signatories],
        "figures": figures,
        "entities": [asdict(e) for e in analysis.entities],
        "demands": [asdict(d) for d in analysis.demands],
    }
