"""The entity pipeline of one paragraph (`spans_of`) and of a segmented document (`entities_of`,
the registered extractor): model spans batched per language, then rules, gazetteer and conventions."""

from __future__ import annotations

from ingest import Document

from ..analysis import Entity
from ..extractors import extractor
from ..lang import Segmentation, segment
from .backends import backend_setting, ner_batch, ner_spans
from .base_forms import canonical_of
from .filters import (
    common_word,
    covered,
    keep,
    lowercase_words,
    merge_particles,
    not_entities,
    repair,
    resolve,
    strip_titles,
    trim,
)
from .linking import gazetteer_spans, link_span, party_as_faction
from .rules import rule_spans, signature_spans
from .span import Span


def _model_spans(ner: list[Span], text: str, lang: str, lower_words: frozenset[str]) -> list[Span]:
    """The model's spans trimmed and repaired; a bad one must not push out the gazetteer's or the
    rules' shorter spans it overlaps, so the conventions drop it before overlaps are resolved."""
    model = [repair(trim(Span(s.start, s.end, s.label, s.source, s.canonical), text), text, lang) for s in ner]
    return [s for s in model if s.size > 0 and keep(s, text, lang)
            and not (s.source == "ner" and common_word(s, text, lang, lower_words))]


def spans_of(text: str, lang: str, offset: int = 0, backend: str = "default",
             ner: list[Span] | None = None, lower_words: frozenset[str] | None = None) -> list[Span]:
    """Every kept, linked, non-overlapping span of one paragraph (offsets shifted by `offset`);
    `ner`: the model's spans when already computed (batched over the document); `lower_words`: the
    words the document writes in lower case (a model span capitalised only by its sentence start and
    written lower case elsewhere is a common word)."""
    if ner is None:
        ner = ner_spans(text, lang, backend)
    if lower_words is None:
        lower_words = lowercase_words(text)
    cands = gazetteer_spans(text, lang, 0) + rule_spans(text, lang, 0) + _model_spans(ner, text, lang, lower_words)
    posts, laws = not_entities(text, lang)
    out = []
    for s in merge_particles(resolve(cands), text):
        s = strip_titles(trim(s, text), text, lang)
        if s.size <= 0 or not keep(s, text, lang):
            continue
        if s.source == "ner" and common_word(s, text, lang, lower_words):
            continue
        if s.source != "gaz" and s.label in ("ORG", "PER") and covered(s, posts):
            continue  # `Көлік министрі`, `Премьер-Министру`: a post, not its holder or a body
        if s.source != "gaz" and s.label == "ORG" and covered(s, laws):
            continue  # `Салық кодексі`, eGov: not organisations
        s.canonical = canonical_of(s, text, lang)
        link_span(s, text, lang)
        out.append(Span(s.start + offset, s.end + offset, s.label, s.source, s.canonical, s.id, s.name_en))
    return out


def extract_entities(doc: Document, backend: str | None = None) -> list[Entity]:
    """Every PER/ORG/LOC mention of the document, in text order, with page, base form and link.

    `backend`: `default` (the shipped kk/ru models) or `stanza` (local stanza models); None reads
    $SAUAL_NER_BACKEND.
    """
    return entities_of(segment(doc), backend)


@extractor("entities", Entity)
def entities_of(segmentation: Segmentation, backend: str | None = None) -> list[Entity]:
    """The entities of a segmented document (the registered extractor)."""
    backend = backend_setting(backend)
    doc = segmentation.doc
    paras = [(p.start, p.text, p.script_lang, p.page) for p in segmentation.segments if p.text.strip()]
    model: dict[int, list[Span]] = {i: [] for i in range(len(paras))}
    for lang in ("kk", "ru"):
        mine = [i for i, p in enumerate(paras) if p[2] == lang]
        for i, spans in zip(mine, ner_batch([paras[i][1] for i in mine], lang, backend), strict=True):
            model[i] = spans
    for i, spans in signature_spans([(p[1], p[2]) for p in paras]).items():
        model[i] = model[i] + spans
    lower = lowercase_words(doc.text)
    out: list[Entity] = []
    for i, (start, text, lang, page) in enumerate(paras):
        for s in spans_of(text, lang, start, backend, model.get(i, []), lower):
            if s.label == "ORG":
                party_as_faction(s, doc.text, lang)
            out.append(Entity(text=doc.text[s.start:s.end], start=s.start, end=s.end, label=s.label,
                              canonical=s.canonical or doc.text[s.start:s.end], page=doc.page_at(s.start) or page,
                              name_en=s.name_en, id=s.id))
    return out
