"""Recomputes an ingest still owes (conflict cards of indicators, person keys, reply links), kept as rows.

A run marks them before it stores a document and clears them after its one recompute at the end, so a run
killed in between leaves them marked and the next run (even one that adds nothing) finishes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine, Text, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Field, SQLModel

from .errors import CorpusError, db_reason

CARDS, PERSONS, LINKS = "cards", "persons", "links"  # key: an indicator; ""; a document's sha256


class PendingRow(SQLModel, table=True):
    """One recompute owed: what kind and for which key."""

    __tablename__ = "pending_recomputes"


    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)
    key: str = Field(sa_type=Text)


@dataclass
class Pending:
    """The recomputes owed, gathered: indicators for cards, whether persons, documents (sha256) for links."""

    indicators: set[str] = field(default_factory=set)
    persons: bool = False
    links: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)  # documents this run stored and linked (no relink owed)
    written: set[tuple[str, str]] = field(default_factory=set)  # marks this run wrote (not written again)

    def marks(self) -> set[tuple[str, str]]:
        """As (kind, key) rows."""
        return ({(CARDS, i) for i in self.indicators} | {(LINKS, s) for s in self.links}
                | ({(PERSONS, "")} if self.persons else set()))


def mark_pending(engine: Engine, indicators: Iterable[str], persons: bool, sha256: str | None,
                 written: set[tuple[str, str]] | None = None) -> None:
    """Record the recomputes one document will owe once stored (committed before the document is); marks in
    `written` (this run's so far) are not written again, and the new ones are added to it."""
    wanted = Pending({i for i in indicators if i}, persons, {sha256} if sha256 else set()).marks()
    wanted -= written if written is not None else set()
    if not wanted:
        return
    try:
        with engine.begin() as conn:
            have = {tuple(r) for r in conn.execute(select(PendingRow.kind, PendingRow.key))}
            rows = [{"kind": k, "key": v} for k, v in sorted(wanted - have)]
            if rows:
                conn.execute(PendingRow.__table__.insert(), rows)
    except SQLAlchemyError as exc:
        raise CorpusError(f"marking recomputes failed: {db_reason(exc)}") from exc
    if written is not None:
        written |= wanted


def pending(engine: Engine) -> Pending:
    """Every recompute still owed."""
    out = Pending()
    try:
        with engine.connect() as conn:
            for kind, key in conn.execute(select(PendingRow.kind, PendingRow.key)):
                if kind == CARDS:
                    out.indicators.add(key)
                elif kind == LINKS:
                    out.links.add(key)
                else:
                    out.persons = True
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading owed recomputes failed: {db_reason(exc)}") from exc
    return out


def clear_pending(engine: Engine, done: Pending) -> None:
    """Forget the recomputes done (marks added meanwhile by another run stay)."""
    marks = done.marks()
    try:
        with engine.begin() as conn:
            for kind in {k for k, _ in marks}:
                keys = sorted(v for k, v in marks if k == kind)
                for start in range(0, len(keys), 500):
                    conn.execute(delete(PendingRow).where(PendingRow.kind == kind,
                                                          PendingRow.key.in_(keys[start:start + 500])))
    except SQLAlchemyError as exc:
        raise CorpusError(f"clearing owed recomputes failed: {db_reason(exc)}") from exc
