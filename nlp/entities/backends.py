"""The statistical NER backends: the shipped Kazakh model, natasha/slovnet for Russian, optional stanza.

Each returns `Span`s (source `ner`) for a batch of paragraphs of one language; a missing model logs
one line and yields nothing (or falls back to the shipped models), so the rules and the gazetteer
still run.
"""

from __future__ import annotations

import bisect
import logging
import os

from ..models import ModelError, kazakh_entities_batch, load_kazakh_ner
from ..ru import russian_entities
from .span import LABELS, EntityError, Span
from .threads import one_blas_thread

log = logging.getLogger(__name__)
BACKENDS = ("default", "stanza", "rules")  # rules: gazetteer and written rules only, no model
_JOIN = "\n\n"
_warned: set[str] = set()


def backend_setting(backend: str | None = None) -> str:
    """The NER backend: the argument, else $SAUAL_NER_BACKEND, else `default` (shipped models)."""
    name = (backend or os.environ.get("SAUAL_NER_BACKEND") or "default").strip().lower()
    if name not in BACKENDS:
        raise EntityError(f"unknown NER backend {name!r}: choose one of {', '.join(BACKENDS)}")
    return name


def _warn_once(key: str, message: str, exc: Exception) -> None:
    """Log `message` the first time `key` fails in this process."""
    if key not in _warned:
        _warned.add(key)
        log.warning(message, exc)


def _kazakh_backend():
    """The shipped Kazakh model's batch tagger, or None (one logged line) when its files are missing."""
    try:
        load_kazakh_ner()
    except ModelError as exc:
        _warn_once("kk-model", "Kazakh NER model unavailable, gazetteer and rules only: %s", exc)
        return None
    return kazakh_entities_batch


def _stanza_spans(text: str, lang: str) -> list[tuple[int, int, str]] | None:
    """stanza's spans, or None (with one logged line per language) when stanza or its model is missing."""
    from ..stanza_backend import StanzaUnavailable, stanza_entities

    try:
        return stanza_entities(text, lang)
    except StanzaUnavailable as exc:
        _warn_once(lang, "stanza backend unavailable, using the shipped models: %s", exc)
        return None


def _spans(found: list[tuple[int, int, str]]) -> list[Span]:
    return [Span(s, e, label, "ner") for s, e, label in found if label in LABELS]


def ner_batch(texts: list[str], lang: str, backend: str = "default") -> list[list[Span]]:
    """The statistical model's spans for each of `texts` (paragraphs of one language), batched."""
    if backend == "rules" or not texts:
        return [[] for _ in texts]
    if backend == "stanza":
        found = [_stanza_spans(t, lang) for t in texts]
        if all(f is not None for f in found):
            return [_spans(f) for f in found]
    if lang == "kk":
        fn = _kazakh_backend()
        if fn is None:
            return [[] for _ in texts]
        with one_blas_thread():
            return [_spans(spans) for spans in fn(texts)]
    if lang == "ru":
        with one_blas_thread():
            return russian_batch(texts)
    return [[] for _ in texts]


def russian_batch(texts: list[str]) -> list[list[Span]]:
    """Russian spans of many paragraphs from one call on their blank-line-joined text (slovnet batches
    the sentences, about 5x faster than a call per paragraph); spans crossing a join are dropped."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(_JOIN)
    out: list[list[Span]] = [[] for _ in texts]
    for r in russian_entities(_JOIN.join(texts)):
        if r.label not in LABELS:
            continue
        i = bisect.bisect_right(starts, r.start) - 1
        if r.end <= starts[i] + len(texts[i]):
            out[i].append(Span(r.start - starts[i], r.end - starts[i], r.label, "ner", canonical=r.canonical))
    return out


def ner_spans(text: str, lang: str, backend: str = "default") -> list[Span]:
    """The statistical model's spans for one paragraph."""
    return ner_batch([text], lang, backend)[0]
