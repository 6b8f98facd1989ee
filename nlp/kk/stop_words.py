"""Kazakh stop words (data/stop_words.txt): pronouns, postpositions, conjunctions, particles."""

from __future__ import annotations

from .data import data_lines

STOP_WORDS = frozenset(w.lower() for line in data_lines("stop_words.txt") for w in line.split())
