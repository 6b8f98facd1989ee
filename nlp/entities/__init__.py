"""Named entities (PER, ORG, LOC) of a Document: per-language NER, gazetteer, rules and the conventions.

Per paragraph (in its own language) the statistical NER of that language proposes spans (backends);
the gazetteer (places, bodies, officials: linking) and a few written rules (initials + surname,
salutations, quoted organisation names: rules) add theirs; overlaps go to the longest span, then to
the gazetteer. The gold conventions are applied last (filters): no titles, laws or demonyms; base
form (base_forms) and English name. Words that steer it: nlp/resources (vocabulary).
"""

from .backends import BACKENDS, backend_setting, ner_batch, ner_spans, russian_batch
from .base_forms import (
    canonical_of,
    kazakh_base,
    kazakh_surname_base,
    person_canonical,
    person_name_en,
    russian_surname_base,
    transliterate,
)
from .extract import entities_of, extract_entities, spans_of
from .filters import keep, lowercase_words, resolve
from .linking import gazetteer_spans
from .rules import rule_spans, signature_spans
from .span import LABELS, PRIORITY, EntityError, Span
from .vocabulary import entity_words

__all__ = [
    "BACKENDS", "LABELS", "PRIORITY", "EntityError", "Span", "backend_setting", "canonical_of", "entities_of",
    "entity_words", "extract_entities", "gazetteer_spans", "kazakh_base", "kazakh_surname_base", "keep",
    "lowercase_words", "ner_batch", "ner_spans", "person_canonical", "person_name_en", "resolve", "rule_spans",
    "russian_batch", "russian_surname_base", "signature_spans", "spans_of", "transliterate",
]
