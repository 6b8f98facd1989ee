"""Serialise a Document and its Analysis to the `saual.extraction/1` contract (docs/extraction.schema.json)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ingest import Document

from .analysis import Analysis
from .extractors import extractors

SCHEMA_ID = "saual.extraction/1"


def to_contract(doc: Document, analysis: Analysis) -> dict[str, Any]:
    """The JSON object `saual extract --json` prints for one document."""
    to_json = {ex.name: ex.to_json for ex in extractors()}

    def items(name: str) -> list[dict[str, Any]]:
        return [to_json.get(name, asdict)(item) for item in getattr(analysis, name)]

    out = {
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
        "addressee": items("addressee"),
        "signatories": items("signatories"),
        "figures": items("figures"),
        "entities": items("entities"),
        "demands": items("demands"),
    }
    for name in to_json:  # a newly registered extractor's field joins the contract too
        out.setdefault(name, items(name))
    return out
