"""Russian entities: slovnet spans repaired by rules, with base forms (the public value type lives here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.ru.canon import person_base, phrase_base
from nlp.ru.model import raw_spans
from nlp.ru.rules import repair

_WORD = re.compile(r"«[^«»]*»|\"[^\"]*\"|[^\s]+")
LABELS = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class RuEntity:
    """One Russian entity mention: offsets into the text, PER/ORG/LOC, text and nominative base form."""

    start: int
    end: int
    label: str
    text: str
    canonical: str


def canonical(text: str, label: str) -> str:
    """The base form of a mention: nominative singular of the name or of the phrase head."""
    words = _WORD.findall(" ".join(text.split()))
    if label == "PER":
        # initials glued to a surname (`О.А.Бектенов`, `Л.Рсалина`) are separated for parsing
        parts: list[str] = []
        for w in words:
            m = re.match(r"^((?:\w\.\s?)+)(\w{2,}.*)$", w)
            parts.extend([m.group(1), m.group(2)] if m else [w])
        return " ".join(person_base([p.rstrip(",") for p in parts]))
    return " ".join(phrase_base(words))


def russian_entities(text: str) -> list[RuEntity]:
    """PER/ORG/LOC mentions of a Russian text, in order, with canonical base forms."""
    if not text.strip():
        return []
    out = []
    for s, e, label in repair(text, raw_spans(text)):
        mention = text[s:e]
        out.append(RuEntity(s, e, label, mention, canonical(mention, label)))
    return out
