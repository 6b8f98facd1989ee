"""Demands of an inquiry: questions, proposals and requests (the registered `demands` extractor)."""

from .extract import demands_of

__all__ = ["demands_of"]
