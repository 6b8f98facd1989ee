"""Titles that tell documents apart: a stored title key groups same-titled documents, and a document whose key
others share gets ' · ' and the first detail no other document of its group has (its date, a signatory or person
it names, else its file name). Computed for the documents a page shows, not for the whole corpus."""

from __future__ import annotations

import os.path
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, bindparam, func, select

from .hits import chunks
from .models import DocumentRow, MentionRow, SignatoryRow


def base_title(title: str | None, path: str | None, document_id: int) -> str:
    """The stored title, else the file name, else 'Document N'."""
    return (title or "").strip() or os.path.basename(path or "") or f"Document {document_id}"


def title_key(title: str | None, path: str | None) -> str | None:
    """What groups same-titled documents (stored as documents.title_key): the base title case-folded, spaces
    collapsed; None for a document with neither (its 'Document N' is its own)."""
    key = " ".join(((title or "").strip() or os.path.basename(path or "")).casefold().split())
    return key or None


def display_titles(engine: Engine, ids: Iterable[int] | None = None) -> dict[int, str]:
    """A title per document id (those given, else every stored one) that tells it from the other documents
    with the same title key: ' · ' and its date when no other of them has that date, else the first
    signatory or person it names that no other of them names, else its file name."""
    wanted = None if ids is None else sorted(set(ids))
    with engine.connect() as conn:
        rows = _rows(conn, wanted)
        keys = sorted({r.title_key for r in rows if r.title_key is not None})
        dates = _dates(conn, keys)
        titles = {r.id: base_title(r.title, r.path, r.id) for r in rows}
        for row in rows:
            counts = dates.get(row.title_key)
            if counts is None or sum(counts.values()) < 2:
                continue
            if row.date is not None and counts[row.date] == 1:
                titles[row.id] += " · " + row.date.isoformat()
            else:
                titles[row.id] += " · " + (_unshared_person(conn, row) or os.path.basename(row.path or "")
                                           or f"#{row.id}")
    return titles


def _rows(conn: Any, ids: list[int] | None) -> list[Any]:
    query = select(DocumentRow.id, DocumentRow.title, DocumentRow.path, DocumentRow.date, DocumentRow.title_key)
    if ids is None:
        return list(conn.execute(query))
    return [r for chunk in chunks(ids) for r in conn.execute(query.where(DocumentRow.id.in_(chunk)))]


def _dates(conn: Any, keys: list[str]) -> dict[str, Counter]:
    """Per title key: how many documents carry each date (None: undated)."""
    out: dict[str, Counter] = {}
    for chunk in chunks(keys):
        for key, date, n in conn.execute(
                select(DocumentRow.title_key, DocumentRow.date, func.count())
                .where(DocumentRow.title_key.in_(chunk)).group_by(DocumentRow.title_key, DocumentRow.date)):
            out.setdefault(key, Counter())[date] = n
    return out


def _people(conn: Any, document_id: int) -> list[tuple[str, str]]:
    """(key, name) of the document's signatories, then of the persons it mentions, in reading order."""
    signed = conn.execute(select(SignatoryRow.name).where(SignatoryRow.document_id == document_id)
                          .order_by(SignatoryRow.start, SignatoryRow.id))
    mentioned = conn.execute(select(MentionRow.entity_id, MentionRow.canonical)
                             .where(MentionRow.document_id == document_id, MentionRow.label == "PER")
                             .order_by(MentionRow.start, MentionRow.id))
    return [(name, name) for (name,) in signed] + [(entity_id or canonical, canonical)
                                                   for entity_id, canonical in mentioned]


def _holders(model: Any, *conditions: Any) -> Any:
    """Another document of the title key with a row of `model` matching `conditions` (the person side drives)."""
    return (select(DocumentRow.id).select_from(model).join(DocumentRow, DocumentRow.id == model.document_id)
            .where(*conditions, DocumentRow.title_key == bindparam("key"), DocumentRow.id != bindparam("me"))
            .limit(1))


_SHARED = (
    _holders(SignatoryRow, SignatoryRow.name == bindparam("person")),
    # `label || ''`: the entity's own index leads (SQLite without statistics would walk every PER mention)
    _holders(MentionRow, MentionRow.entity_id == bindparam("person"), MentionRow.label + "" == "PER"),
    _holders(MentionRow, MentionRow.label == "PER", MentionRow.canonical == bindparam("person"), MentionRow.entity_id.is_(None)),
)


def _unshared_person(conn: Any, row: Any) -> str | None:
    """The first person (signatory, then mentioned) of the document whom no other document of its title key
    names; None when every one is shared."""
    seen: set[str] = set()
    for key, name in _people(conn, row.id):
        if key in seen:
            continue
        seen.add(key)
        values = {"key": row.title_key, "me": row.id, "person": key}
        if all(conn.execute(probe, values).first() is None for probe in _SHARED):
            return name
    return None
