"""The gazetteer's side: its places, bodies and officials as spans, and links (id, English name) of
every kept span to a gazetteer record."""

from __future__ import annotations

import re

from ..gazetteer import find_bodies, find_officials, find_places, link, load_bodies
from .base_forms import person_name_en
from .span import Span
from .vocabulary import has_stem

_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def gazetteer_spans(text: str, lang: str, offset: int = 0) -> list[Span]:
    """Places (not deictic, not adjectives), bodies and officials of the gazetteer."""
    out = []
    for m in find_places(text, lang, deictic=False):
        if m.adjective or m.deictic:
            continue
        out.append(Span(offset + m.start, offset + m.end, "LOC", "gaz", m.canonical or None, m.id, m.name_en))
    for m in find_bodies(text, lang):
        out.append(Span(offset + m.start, offset + m.end, "ORG", "gaz", m.canonical or None, m.id, m.name_en))
    for m in find_officials(text, lang):
        # the base form is the surface's own (the document's name form), the link the record's
        out.append(Span(offset + m.start, offset + m.end, "PER", "gaz", None, m.id, m.name_en))
    return out


def link_span(span: Span, text: str, lang: str) -> None:
    """id and name_en from the gazetteer when it knows the mention; a transliteration for persons."""
    surface = text[span.start:span.end]
    if span.label == "PER" and span.source != "gaz":
        media = link(surface, "ORG", lang)
        if media is not None and media.kind == "media":
            span.label, span.canonical = "ORG", surface  # `Kazinform тілшісі`: an agency, never a person
    if span.id is None:
        rec = link(surface, span.label, lang)
        if rec is None and span.canonical and span.canonical != surface:
            rec = link(span.canonical, span.label, lang)
        if rec is not None:
            span.id, span.name_en = rec.id, rec.name_en
    if span.name_en is None and span.label == "PER" and span.canonical:
        span.name_en = person_name_en(span.canonical)


def party_as_faction(span: Span, text: str, lang: str) -> None:
    """A party's name followed by the word for faction (over a line or paragraph break too) names its
    faction: `«AMANAT» партиясы ⏎ Фракциясының мүшелері`. `text` is the whole document."""
    bodies = load_bodies()
    party = bodies.get(span.id or "")
    nxt = _NEXT_WORD.match(text, span.end)
    if party is None or party.kind != "party" or nxt is None or not has_stem(nxt.group(1), lang, "faction"):
        return
    faction = next((b for b in bodies.values() if b.kind == "faction" and b.parent == party.id), None)
    if faction is not None:
        span.id, span.name_en = faction.id, faction.name_en
        span.canonical = (faction.names(lang) or faction.names("kk"))[0]
