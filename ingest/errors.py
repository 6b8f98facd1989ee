"""Errors raised by ingest: each names the file and the reason in one line; all derive from IngestError."""

from __future__ import annotations

import os


def shown_path(path: str | os.PathLike) -> str:
    """The path as printable UTF-8 text: bytes of a file name that are not UTF-8 become `\\xff`."""
    try:
        raw = os.fsencode(path)
    except UnicodeError:  # a str with surrogates that are not escaped bytes
        return os.fspath(path).encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


class IngestError(Exception):
    """A file that cannot be read into a Document; str() is `path: reason` (just `reason` without a path)."""

    def __init__(self, path: str, reason: str):
        self.path = shown_path(path) if path else ""
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)
