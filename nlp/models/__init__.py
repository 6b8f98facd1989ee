"""Models shipped inside the package (no download): the Kazakh NER trained on KazNERD.

`kazakh_entities(text)` returns plain (start, end, label) tuples with labels PER, ORG, LOC; no spaCy
type leaves this module. Recipe: `python -m nlp.train.kk_ner`; data: KazNERD (Yeshpanov, Khassanov,
Varol, LREC 2022, CC BY 4.0).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import NlpError

MODELS = Path(__file__).resolve().parent
KK_NER = MODELS / "kk_ner"
# KazNERD labels → the product's (GPE and LOCATION are both places).
KK_LABELS = {"PERSON": "PER", "ORGANISATION": "ORG", "GPE": "LOC", "LOCATION": "LOC"}


class ModelError(NlpError):
    """A shipped model is missing or cannot be loaded."""


@cache
def load_kazakh_ner():
    """The Kazakh NER pipeline (spaCy Language), loaded once from nlp/models/kk_ner."""
    if not (KK_NER / "config.cfg").is_file():
        raise ModelError(f"the Kazakh NER model is missing at {KK_NER}; train it: python -m nlp.train.kk_ner")
    import spacy

    try:
        return spacy.load(KK_NER)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the Kazakh NER model at {KK_NER}: {exc}") from exc


def kazakh_entities(text: str) -> list[tuple[int, int, str]]:
    """Named entities of Kazakh `text` as (char start, char end, label), label in PER/ORG/LOC."""
    if not text.strip():
        return []
    doc = load_kazakh_ner()(text)
    return [(ent.start_char, ent.end_char, KK_LABELS[ent.label_]) for ent in doc.ents
            if ent.label_ in KK_LABELS]


def kazakh_entities_batch(texts: list[str], batch_size: int = 64) -> list[list[tuple[int, int, str]]]:
    """`kazakh_entities` for many texts at once (faster: spaCy batches them)."""
    out: list[list[tuple[int, int, str]]] = []
    for doc in load_kazakh_ner().pipe(texts, batch_size=batch_size):
        out.append([(e.start_char, e.end_char, KK_LABELS[e.label_]) for e in doc.ents if e.label_ in KK_LABELS])
    return out


__all__ = ["KK_LABELS", "ModelError", "kazakh_entities", "kazakh_entities_batch", "load_kazakh_ner"]
