"""Which stored table each Analysis field goes to: the store writes rows by iterating ROW_KINDS.

Every registered nlp extractor (nlp.extractors) needs a RowKind here (a test checks it), so a new
capability is its extractor, its row model in corpus/models.py and one line below.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from sqlmodel import SQLModel

from nlp import Addressee, Demand, Entity, Figure, ReplyReference, Signatory

from .models import AddresseeRow, DemandRow, FigureRow, MentionRow, ReplyRefRow, SignatoryRow
from .text import clean

SPAN_COLUMNS = frozenset({"id", "document_id", "passage_id", "page", "start", "end", "text"})


@dataclass(frozen=True)
class RowKind:
    """An Analysis field (`field`) of `item`s stored as rows of `row`; `renames`: row column → item attribute."""

    field: str
    item: type
    row: type[SQLModel]
    renames: dict[str, str] = field(default_factory=dict)

    def item_of(self, row: SQLModel) -> Any:
        """The extracted item back from its stored row (what get_document returns)."""
        column = {attr: col for col, attr in self.renames.items()}
        return self.item(**{f.name: getattr(row, column.get(f.name, f.name)) for f in fields(self.item)
                            if hasattr(row, column.get(f.name, f.name))})

    def items_of(self, rows: list[SQLModel]) -> list[Any]:
        """The items back from one document's rows, in their order; a stored translation link (`translation_of`,
        a row id) becomes the counterpart's index in the list, as the extractor gave it."""
        items = [self.item_of(row) for row in rows]
        index = {row.id: i for i, row in enumerate(rows)}
        for item, row in zip(items, rows, strict=True):
            other = getattr(row, "translation_of", None)
            if other in index and hasattr(item, "translation"):
                item.translation = index[other]
        return items

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
    RowKind("figures", Figure, FigureRow),
    RowKind("entities", Entity, MentionRow, {"entity_id": "id"}),
    RowKind("demands", Demand, DemandRow),
    RowKind("addressee", Addressee, AddresseeRow),
    RowKind("signatories", Signatory, SignatoryRow, {"entity_id": "id"}),
    RowKind("reply_to", ReplyReference, ReplyRefRow),
)
