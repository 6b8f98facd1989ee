"""Raw Russian NER spans from slovnet's news model, loaded from the files natasha ships (no download).

natasha's own package is never imported (its __init__ pulls pymorphy2 and yargy); only the model
files in its package data are read, through slovnet and navec directly.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ..errors import NlpError

EMBEDDING = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
NER_MODEL = "data/model/slovnet_ner_news_v1.tar"
BATCH = 64
_BLOCK = re.compile(r"\n[ \t]*\n")


class RuNerError(NlpError):
    """The Russian NER model cannot be loaded (package or model file missing)."""


class RawSpan(NamedTuple):
    """One span as the statistical model gives it: character offsets and PER/ORG/LOC."""

    start: int
    end: int
    label: str


def _data_dir() -> Path:
    """natasha's installed package folder, found without executing its __init__."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise RuNerError("the Russian NER needs the 'natasha' package (pip install natasha)")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def tagger():
    """The slovnet NER tagger with navec embeddings (loaded once, about 2 s)."""
    try:
        from navec import Navec
        from slovnet import NER
    except ImportError as err:  # pragma: no cover - depends on the install
        raise RuNerError(f"the Russian NER needs slovnet and navec: {err}") from err
    base = _data_dir()
    emb, model = base / EMBEDDING, base / NER_MODEL
    for path in (emb, model):
        if not path.is_file():
            raise RuNerError(f"natasha model file missing: {path}")
    ner = NER.load(str(model), batch_size=BATCH)
    ner.navec(Navec.load(str(emb)))
    return ner


def chunks(text: str) -> list[tuple[int, str]]:
    """Sentence-sized pieces of text with their offsets: blocks split at blank lines, then razdel."""
    from razdel import sentenize

    out: list[tuple[int, str]] = []
    pos = 0
    for m in [*_BLOCK.finditer(text), None]:
        end = m.start() if m else len(text)
        block = text[pos:end]
        for s in sentenize(block):
            if s.text.strip():
                out.append((pos + s.start, s.text))
        pos = m.end() if m else end
    return out


def raw_spans(text: str) -> list[RawSpan]:
    """All model spans of text, in order; sentences are batched shortest-first to limit padding."""
    pieces = chunks(text)
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i][1]))
    marks = tagger().map([pieces[i][1] for i in order])
    out: list[RawSpan] = []
    for i, markup in zip(order, marks):
        offset = pieces[i][0]
        out.extend(RawSpan(offset + s.start, offset + s.stop, s.type) for s in markup.spans)
    return sorted(out, key=lambda s: (s.start, s.end))
