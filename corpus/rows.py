"""Which stored table each Analysis field goes to: the store writes rows by iterating ROW_KINDS.

Every registered nlp extractor (nlp.extractors) needs a RowKind here (a test checks it), so a new
capability is its extractor, its row model in corpus/models.py and one line below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import SQLModel

from .models import AddresseeRow, DemandRow, FigureRow, MentionRow, SignatoryRow
from .text import clean

SPAN_COLUMNS = frozenset({"id", "document_id", "passage_id", "page", "start", "end", "text"})


@dataclass(frozen=True)
class RowKind:
    """An Analysis field (`field`) stored as rows of `row`; `renames`: row column → item attribute."""

    field: str
    row: type[SQLModel]
    renames: dict[str, str] = field(default_factory=dict)

    def columns(self, item: Any) -> dict[str, Any]:
        """The row's own columns (span columns aside) from an extracted item, strings cleaned."""
        out = {}
        for column in self.row.model_fields:
            if column in SPAN_COLUMNS:
                continue
            value = getattr(item, self.renames.get(column, column), None)
            out[column] = clean(value) if isinstance(value, str) else value
        return out


ROW_KINDS: tuple[RowKind, ...] = (
    RowKind("figures", FigureRow),
    RowKind("entities", MentionRow, {"entity_id": "id"}),
    RowKind("demands", DemandRow),
    RowKind("addressee", AddresseeRow),
    RowKind("signatories", SignatoryRow),
)
