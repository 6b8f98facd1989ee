"""Errors raised by corpus: storage and search problems with a clear one-line message."""

from __future__ import annotations


class CorpusError(Exception):
    """The corpus cannot store, migrate or answer; str() says what and why."""
