"""spaCy component `saual_ru_ner`: sets doc.ents from the repaired Russian NER (no natasha types leak)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.ru.entities import canonical, russian_entities

if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)


class RussianNer:
    """Pipeline component: entity spans aligned to the spaCy tokens (expanded to whole tokens)."""

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        taken: set[int] = set()
        for ent in russian_entities(doc.text):
            span = doc.char_span(ent.start, ent.end, label=ent.label, alignment_mode="expand")
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            span._.canonical = ent.canonical if span.text == ent.text else canonical(span.text, ent.label)
            taken.update(range(span.start, span.end))
            spans.append(span)
        doc.ents = spans
        return doc


@Language.factory("saual_ru_ner")
def make_ru_ner(nlp: Language, name: str) -> RussianNer:
    """Factory registered with spaCy: `nlp = spacy.blank("ru"); nlp.add_pipe("saual_ru_ner")`."""
    return RussianNer()
