"""Errors raised by corpus: storage and search problems with a clear one-line message."""

from __future__ import annotations


class CorpusError(Exception):
    """The corpus cannot store, migrate or answer; str() says what and why."""


def db_reason(exc: BaseException) -> str:
    """The first line of what the database driver said (SQLAlchemy wraps it in exc.orig)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
