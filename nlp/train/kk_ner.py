"""Train the shipped Kazakh NER on KazNERD: `python -m nlp.train.kk_ner [--work DIR] [--no-train]`.

KazNERD (Yeshpanov, Khassanov, Varol, "KazNERD: Kazakh Named Entity Recognition Dataset", LREC 2022,
CC BY 4.0; nlp/train/kaznerd/) ships here as its validation and test files. Sentences are grouped by a
normalised key (lower case, letters and digits only) so that typographic variants of one sentence
never straddle train and test; ~15% of groups are held out (by a hash of the key: deterministic),
~5% more pick the best checkpoint, the rest train. Text is re-tokenised with `spacy.blank("kk")`
(abbreviation endings split off: `АҚШ-тың` → `АҚШ` `-тың`, the entity keeps `АҚШ`). PERSON, GPE,
ORGANISATION and LOCATION are trained (`--all-types`: every type) and scored (exact spans).
Writes nlp/models/kk_ner and nlp/train/kk_ner_report.json (`--no-package`: WORK/report.json only).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import NlpError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KAZNERD = HERE / "kaznerd"
FILES = ("IOB2_valid.txt", "IOB2_test.txt")
CONFIG = HERE / "kk_ner.cfg"
REPORT = HERE / "kk_ner_report.json"
MODEL_DIR = ROOT / "nlp" / "models" / "kk_ner"
WORK = ROOT / "build" / "kk_ner"
LABELS = ("PERSON", "GPE", "ORGANISATION", "LOCATION")
TEST_SHARE, DEV_SHARE = 15, 5  # percent of sentence groups
CITATION = ('Yeshpanov, Khassanov, Varol, "KazNERD: Kazakh Named Entity Recognition Dataset", '
            "LREC 2022 (CC BY 4.0)")
NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "»", "”", "…"}
NO_SPACE_AFTER = {"(", "«", "“", "„"}


class TrainingError(NlpError):
    """The KazNERD files are missing or malformed, or training failed."""


@dataclass(frozen=True)
class Sentence:
    """One KazNERD sentence: tokens with IOB2 tags, and its source file."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    source: str


def read_iob(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL-2002 `token TAG` file (blank line between sentences)."""
    if not path.is_file():
        raise TrainingError(f"missing KazNERD file {path}")
    out: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if tokens:
                out.append(Sentence(tuple(tokens), tuple(tags), path.name))
            tokens, tags = [], []
            continue
        token, _, tag = line.rpartition(" ")
        if not token or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise TrainingError(f"{path}:{n}: expected 'token TAG', got {line!r}")
        tokens.append(token)
        tags.append(tag)
    if tokens:
        out.append(Sentence(tuple(tokens), tuple(tags), path.name))
    return out


def group_key(sentence: Sentence) -> str:
    """The sentence's base id: its letters and digits, lower-cased (quotes, case, spacing ignored)."""
    return "".join(ch for tok in sentence.tokens for ch in tok.lower() if ch.isalnum())


def split_of(key: str) -> str:
    """`test`, `dev` or `train` for a group key, by a stable hash."""
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 100
    return "test" if bucket < TEST_SHARE else "dev" if bucket < TEST_SHARE + DEV_SHARE else "train"


def text_and_spans(sentence: Sentence, keep: tuple[str, ...] | None = LABELS) -> tuple[str, list[tuple[int, int, str]]]:
    """Detokenised text (no space inside quotes/brackets, before punctuation) and entity spans of `keep`
    (None: every KazNERD type)."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, tok in enumerate(sentence.tokens):
        if i and tok not in NO_SPACE_BEFORE and sentence.tokens[i - 1] not in NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        starts.append(pos)
        parts.append(tok)
        pos += len(tok)
    spans: list[tuple[int, int, str]] = []
    label, begin = None, 0
    for i, tag in enumerate((*sentence.tags, "O")):
        if label is not None and not (tag.startswith("I-") and tag[2:] == label):
            end = starts[i - 1] + len(sentence.tokens[i - 1])
            if keep is None or label in keep:
                spans.append((starts[begin], end, label))
            label = None
        if tag.startswith("B-") or (tag.startswith("I-") and label is None):
            label, begin = tag[2:], i
    return "".join(parts), spans


def to_doc(nlp, sentence: Sentence, keep: tuple[str, ...] | None = LABELS):
    """A spaCy Doc of the sentence tokenised by `nlp`, entities aligned to its tokens."""
    text, spans = text_and_spans(sentence, keep)
    doc = nlp.make_doc(text)
    ents = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None or not len(span):
            continue
        last = span.end
        while last > span.start + 1 and doc[last - 1].text[:1] in "-‐–" and len(doc[last - 1]) > 1:
            last -= 1  # `АҚШ` `-тың`: the ending is not part of the name
        ents.append(doc[span.start:last])
        ents[-1].label_ = label
    doc.ents = ents
    return doc


def build_corpus(work: Path, keep: tuple[str, ...] | None = LABELS) -> dict:
    """Read KazNERD, split by group, write train/dev/test DocBins under `work`; counts per split."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("kk")
    sentences = [s for name in FILES for s in read_iob(KAZNERD / name)]
    bins = {"train": DocBin(), "dev": DocBin(), "test": DocBin()}
    groups: dict[str, set[str]] = {k: set() for k in bins}
    counts = {k: 0 for k in bins}
    for sentence in sentences:
        key = group_key(sentence)
        part = split_of(key)
        groups[part].add(key)
        counts[part] += 1
        bins[part].add(to_doc(nlp, sentence, keep))
    work.mkdir(parents=True, exist_ok=True)
    for part, docbin in bins.items():
        docbin.to_disk(work / f"{part}.spacy")
    return {"sentences": counts, "groups": {k: len(v) for k, v in groups.items()},
            "total_sentences": len(sentences)}


def train(work: Path) -> float:
    """Run `spacy train` on one BLAS/OpenMP thread; returns wall seconds."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(work / "out"),
           "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy")]
    start = time.perf_counter()
    done = subprocess.run(cmd, check=False, env=env, cwd=ROOT)
    if done.returncode:
        raise TrainingError(f"spacy train failed with exit code {done.returncode}")
    return time.perf_counter() - start


def score(gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]) -> dict:
    """Exact-span P/R/F (percent) per label of LABELS and overall, from per-sentence span sets."""
    counts = {label: [0, 0, 0] for label in LABELS}  # true positives, predicted, gold
    for g, p in zip(gold, pred, strict=True):
        for span in p:
            counts[span[2]][1] += 1
            counts[span[2]][0] += span in g
        for span in g:
            counts[span[2]][2] += 1

    def prf(tp: int, npred: int, ngold: int) -> dict:
        p, r = tp / npred if npred else 0.0, tp / ngold if ngold else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(200 * p * r / (p + r) if p + r else 0, 2)}

    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"overall": prf(*total), "per_type": {label: prf(*c) for label, c in counts.items()}}


def evaluate(model: Path, work: Path) -> dict:
    """Per-type and overall P/R/F on the held-out DocBin (LABELS only), and the pipeline's words/s."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    gold_docs = list(DocBin().from_disk(work / "test.spacy").get_docs(nlp.vocab))
    texts = [d.text for d in gold_docs]
    start = time.perf_counter()
    predicted = list(nlp.pipe(texts, batch_size=256))
    seconds = time.perf_counter() - start

    def spans(doc) -> set[tuple[int, int, str]]:
        return {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}

    words = sum(len(d) for d in gold_docs)
    return {**score([spans(d) for d in gold_docs], [spans(d) for d in predicted]),
            "words": words, "words_per_second": round(words / seconds)}


def package(model: Path) -> int:
    """Copy the trained pipeline to nlp/models/kk_ner (attribution in meta.json, no local paths); bytes."""
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(model, MODEL_DIR)
    config_path = MODEL_DIR / "config.cfg"
    config = re.sub(r'^(train|dev) = ".*"$', r"\1 = null", config_path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    config_path.write_text(config, encoding="utf-8")  # no paths of the training machine
    meta_path = MODEL_DIR / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({"name": "kk_ner", "version": "1.0.0", "license": "CC BY 4.0",
                 "description": "Kazakh NER (PERSON, GPE, ORGANISATION, LOCATION) trained on KazNERD",
                 "sources": [{"name": "KazNERD", "url": "https://github.com/IS2AI/KazNERD",
                              "license": "CC BY 4.0", "author": CITATION}]})
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    return sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> None:
    """Convert, split, train, evaluate, package and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=WORK, help="scratch directory (DocBins, checkpoints)")
    parser.add_argument("--no-train", action="store_true", help="only convert and split")
    parser.add_argument("--eval-only", action="store_true", help="evaluate and package an existing run")
    parser.add_argument("--all-types", action="store_true",
                        help="train every KazNERD type (only LABELS are scored and used downstream)")
    parser.add_argument("--no-package", action="store_true",
                        help="write the report to WORK/report.json and leave nlp/models alone (experiments)")
    args = parser.parse_args(argv)
    keep = None if args.all_types else LABELS
    corpus = build_corpus(args.work, keep)
    print(json.dumps(corpus))
    if args.no_train:
        return
    seconds = None if args.eval_only else train(args.work)
    best = args.work / "out" / "model-best"
    result = evaluate(best, args.work)
    size = sum(p.stat().st_size for p in best.rglob("*") if p.is_file()) if args.no_package else package(best)
    report_path = args.work / "report.json" if args.no_package else REPORT
    report = {"data": CITATION, "labels": list(LABELS), "trained_labels": "all KazNERD types" if keep is None
              else list(LABELS), "split": corpus, "held_out": result,
              "training_seconds": round(seconds) if seconds else None,
              "model_bytes": size, "config": str(CONFIG.relative_to(ROOT))}
    if seconds is None and report_path.is_file():
        report["training_seconds"] = json.loads(report_path.read_text(encoding="utf-8")).get("training_seconds")
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
