"""Errors of nlp: one base class that the CLI turns into a one-line message."""

from __future__ import annotations


class NlpError(Exception):
    """A failure of an nlp stage (a missing model file, a malformed resource, a bad setting)."""
