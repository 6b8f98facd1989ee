"""The compiled vocabulary of figures for one language: counted nouns, cues, present predicates, addresses.

Everything is data in nlp/resources/ (`counted_<lang>.tsv`, `figcues_<lang>.tsv`, `present_<lang>.tsv`,
`address_<lang>.tsv`); this module only compiles it once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import WORD_RE
from ..lang.resources import alternation, form_regex, forms, lang_rows, rows

CURRENCIES = frozenset({"KZT", "USD", "EUR", "RUB", "CNY", "GBP", "KRW"})
__all__ = ["CURRENCIES", "WORD_RE", "Lexicon", "lexicon"]


@dataclass
class Lexicon:
    """The compiled resources of one language."""

    counted: re.Pattern
    counted_payload: dict[str, tuple[str, str]]
    cues: re.Pattern
    cue_payload: dict[str, str]
    present: re.Pattern
    address: re.Pattern


def _address_regex(lang: str) -> re.Pattern:
    """Text ending right before a house/room number: `кабинет `, `зал № `, `ул. Абая, `, `Абай даңғылы, 10, `."""
    table: dict[str, list[str]] = {"street": [], "room": []}
    for cell, role in lang_rows("address", (lang,)):
        table[role].extend(form_regex(f) for f in forms(cell))
    name = r"(?:\s*[^\W\d_][^\s,;:!?()]*){0,4}"
    chain = r"(?:\s*,\s*\d+(?:/\d+)?[^\W\d_]?)*"
    street = rf"(?<!\w)(?:{alternation(table['street'])}){name}{chain}\s*,\s*$"
    room = rf"(?<!\w)(?:{alternation(table['room'])})\s*(?:№\s*)?$"
    return re.compile(f"{street}|{room}", re.IGNORECASE)


def _groups(entries: list[tuple[str, object]], prefix: str, ends: str) -> tuple[str, dict[str, object]]:
    """One named group per form (longest first) and the payload of each group name."""
    entries = sorted(entries, key=lambda it: len(it[0]), reverse=True)
    alts = [f"(?P<{prefix}{i}>{form_regex(f, ends)})" for i, (f, _) in enumerate(entries)]
    return "(?:" + "|".join(alts) + ")", {f"{prefix}{i}": p for i, (_, p) in enumerate(entries)}


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled figure vocabulary of one language (built once)."""
    ends = alternation([re.escape(e) for e, *_ in rows("endings_kk.tsv")]) if lang == "kk" else ""
    counted, counted_payload = _groups([(f, (u, k)) for c, u, k in lang_rows("counted", (lang,)) for f in forms(c)],
                                       "c", ends)
    cues, cue_payload = _groups([(f, k) for c, k in lang_rows("figcues", (lang,)) for f in forms(c)], "k", ends)
    present = [form_regex(f, ends) for c, *_ in lang_rows("present", (lang,)) for f in forms(c)]
    return Lexicon(
        counted=re.compile(counted, re.IGNORECASE),
        counted_payload=counted_payload,  # type: ignore[arg-type]
        cues=re.compile(r"(?<!\w)" + cues, re.IGNORECASE),
        cue_payload=cue_payload,  # type: ignore[arg-type]
        present=re.compile(r"(?<!\w)(?:" + alternation(present) + ")", re.IGNORECASE),
        address=_address_regex(lang),
    )
