"""Files an ingest run could not store, kept with their reason so they can be listed and retried.

A failure is recorded per path (the newest reason, the first hash seen, how many attempts); a later run
that stores or skips the same path clears it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from .errors import CorpusError, db_reason
from .models import FailedFileRow


@dataclass
class FailedFile:
    """A file that did not go in: where, its bytes' hash when it could be read, why, when, how often."""

    path: str
    sha256: str | None
    reason: str
    failed_at: dt.datetime
    attempts: int


def record_failure(engine: Engine, path: str, reason: str, sha256: str | None = None) -> None:
    """Record (or update) the failure of `path`; the attempt count grows with each run that fails it."""
    try:
        with Session(engine) as session, session.begin():
            row = session.execute(select(FailedFileRow).where(FailedFileRow.path == path)).scalars().first()
            if row is None:
                session.add(FailedFileRow(path=path, sha256=sha256, reason=reason))
            else:
                row.reason, row.attempts = reason, row.attempts + 1
                row.sha256 = sha256 or row.sha256
                row.failed_at = dt.datetime.now(dt.UTC)
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot record the failure of {path}: {db_reason(exc)}") from exc


def clear_failure(engine: Engine, path: str) -> None:
    """Forget the failure of `path` (it was stored, or found already stored)."""
    try:
        with engine.begin() as conn:
            conn.execute(delete(FailedFileRow).where(FailedFileRow.path == path))
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot clear the failure of {path}: {db_reason(exc)}") from exc


def list_failures(engine: Engine) -> list[FailedFile]:
    """Every recorded failure, newest first."""
    stmt = select(FailedFileRow).order_by(FailedFileRow.failed_at.desc(), FailedFileRow.id.desc())
    try:
        with Session(engine) as session:
            rows = session.execute(stmt).scalars().all()
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot list failed files: {db_reason(exc)}") from exc
    return [FailedFile(r.path, r.sha256, r.reason, r.failed_at, r.attempts) for r in rows]
