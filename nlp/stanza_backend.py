"""Optional stanza NER backend (`SAUAL_NER_BACKEND=stanza`): kk/ru models installed locally, never downloaded.

stanza is imported lazily; its entities are adapted to the spans the rest of nlp.entities uses:
(start, end, label) with label PER/ORG/LOC, offsets into the text that was tagged.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

# stanza's label sets: WikiNER (ru: PER LOC ORG MISC), KazNERD (kk: PERSON GPE LOCATION ORGANISATION ...),
# OntoNotes-style (PERSON GPE LOC ORG FAC NORP ...). Everything else is dropped.
LABELS = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
}


class StanzaUnavailable(Exception):
    """stanza or its model for a language is not installed locally (nothing is downloaded during a run)."""


def resources_dir() -> Path:
    """Where stanza's models are looked for: $STANZA_RESOURCES_DIR, else stanza's default."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env) if env else Path.home() / "stanza_resources"


@cache
def pipeline(lang: str, model_dir: str | None = None) -> Any:
    """A tokenize+ner stanza Pipeline for `lang` built from local models only."""
    try:
        import stanza
    except ImportError:
        raise StanzaUnavailable("stanza is not installed (pip install -e '.[dev]' installs it)") from None
    where = Path(model_dir) if model_dir else resources_dir()
    from stanza.pipeline.core import PipelineRequirementsException

    try:
        return stanza.Pipeline(lang, processors="tokenize,ner", dir=str(where), download_method=None,
                               use_gpu=False, logging_level="WARN")
    except (OSError, ValueError, KeyError, PipelineRequirementsException) as exc:
        raise StanzaUnavailable(
            f"stanza models for '{lang}' are not installed in {where}: "
            f"run python -c \"import stanza; stanza.download('{lang}', processors='tokenize,ner')\" once "
            f"({type(exc).__name__})") from None


def document_spans(doc: Any, text: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, label) of a stanza Document's entities (any object with `.ents` of
    `.start_char/.end_char/.type/.text`); offsets re-anchored on `text` when they drift."""
    out = []
    for ent in getattr(doc, "ents", None) or []:
        label = LABELS.get(str(ent.type).upper())
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        if start is None or end is None:
            continue
        if text is not None and text[start:end] != ent.text:
            found = text.find(ent.text, max(0, start - 10))
            if found < 0:
                continue
            start, end = found, found + len(ent.text)
        out.append((start, end, label))
    return out


def stanza_entities(text: str, lang: str, model_dir: str | None = None) -> list[tuple[int, int, str]]:
    """Run stanza's NER for `lang` on `text`; StanzaUnavailable when stanza or the model is missing."""
    nlp = pipeline(lang, model_dir)
    return document_spans(nlp(text), text)
