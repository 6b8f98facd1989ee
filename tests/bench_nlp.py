"""The `extractors` section of `make bench`: words/s per core of each registered extractor, per language.

Each sample document (samples/) is split by paragraph language into a Kazakh and a Russian document
(written as text and read back through ingest), so every extractor is timed on text of one language.
Segmentation (nlp.lang.segment, sentences and tokens) is its own row; each extractor is timed on
segmentations built and warmed beforehand; words per CPU second of the process (all its threads), median
of several runs, so other load on the machine moves the numbers little.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 10_000  # words/s per core, per language and extractor (issue 11)
WORDS = re.compile(r"\w+")


def language_documents(paths: list[Path] | None = None) -> dict[str, list]:
    """The samples split by paragraph language: {"kk": [Document…], "ru": [Document…]}."""
    import ingest

    paths = paths or sorted((ROOT / "samples" / "pdf").glob("*.pdf")) + sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    parts: dict[str, list[str]] = {"kk": [], "ru": []}
    for p in paths:
        doc = ingest.read(p)
        for lang, texts in parts.items():
            paras = [doc.text[q.start:q.end] for q in doc.paragraphs if q.language == lang]
            if paras:
                texts.append("\n\n".join(paras))
    out: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang, texts in parts.items():
            out[lang] = []
            for i, text in enumerate(texts):
                path = Path(tmp) / f"{lang}-{i}.txt"
                path.write_text(text, encoding="utf-8")
                out[lang].append(ingest.read(path))
    return out


def warm(segmentation) -> object:
    """Compute the segmentation's shared lazies (sentences, clauses, tokens) so no extractor pays them."""
    for seg in segmentation.segments:
        _ = [sentence.clauses for sentence in seg.sentences], seg.tokens
    return segmentation


def median_rate(run, words: int, budget: float = 1.0, rounds: int = 5) -> float:
    """Words per CPU second of this process (per core, whatever else the machine runs): the median of `rounds`
    timings of run(), each repeating it until `budget`/rounds CPU seconds pass."""
    rates = []
    for _ in range(rounds):
        start, n = time.process_time(), 0
        while True:
            run()
            n += 1
            sec = time.process_time() - start
            if sec >= budget / rounds:
                break
        rates.append(words * n / sec)
    return statistics.median(rates)


def extractor_rates(budget: float = 1.0) -> list[tuple[str, str, float, int]]:
    """Rows (stage, language, words/s, words) for segmentation, every registered extractor and analyze()."""
    from nlp import analyze, extractors
    from nlp.lang import segment

    docs = language_documents()
    rows: list[tuple[str, str, float, int]] = []
    for lang, ds in docs.items():
        words = sum(len(WORDS.findall(d.text)) for d in ds)
        for d in ds:
            analyze(d)  # models, indexes and compiled resources load once per process
        rows.append(("segment", lang, median_rate(lambda ds=ds: [warm(segment(d)) for d in ds], words, budget), words))
        for ex in extractors():
            segs = [warm(segment(d)) for d in ds]
            rows.append((ex.name, lang, median_rate(lambda r=ex.run, segs=segs: [r(s) for s in segs], words, budget), words))
        rows.append(("analyze (all)", lang, median_rate(lambda ds=ds: [analyze(d) for d in ds], words, budget), words))
    return rows


def extractors_section(budget: float = 1.0) -> list[tuple[str, str, float, int]]:
    """Print the extractor table (words/s per core against the target) and return its rows."""
    rows = extractor_rates(budget)
    print("\n## NLP: words/s per core, per language and extractor (median of 5)")
    print(f"{'stage':<16} {'lang':<5} {'words':>6} {'words/s':>10} {'target':>8}  ok")
    for stage, lang, rate, words in rows:
        print(f"{stage:<16} {lang:<5} {words:6d} {rate:10.0f} {TARGET:8d}  {'yes' if rate >= TARGET else 'NO'}")
    return rows


if __name__ == "__main__":
    extractors_section()
