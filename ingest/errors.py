"""Errors raised by ingest: each names the file and the reason in one line."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read into a Document; str() is `path: reason`."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
