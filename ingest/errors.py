"""Errors raised by ingest: each names the file and the reason in one line; all derive from IngestError."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read into a Document; str() is `path: reason` (just `reason` without a path)."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)
