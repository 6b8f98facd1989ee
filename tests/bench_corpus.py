"""A generated corpus of any size for `make bench` and tests, recombined from the sample corpus.

The samples (samples/: seed .txt files and PDFs) are read once through the real pipeline
(corpus.build_sample_corpus into a scratch SQLite file); their stored passages, with the figures,
mentions, demands, addressees and signatories inside them, are the material. Document i takes a sample
document's structure (format, kind, language, pages, header paragraphs), swaps about a third of its other
paragraphs for paragraphs of the same language from any sample, gets a date in 2015–2026 (figure years
and periods move with it), and its figures get places, subsets and values drawn so that indicators
recur across documents, most statements of a moment agree and some disagree. Quotes keep the sample's
words (a figure's value may differ from the number quoted). Everything is decided by (GENERATOR_VERSION,
i), so document i is the same in every corpus size.

`generate(seeds, n)` yields (Document, Analysis) pairs for corpus.store_document or corpus.bulk.bulk_store;
`corpus_database(n)` builds (or reuses) data/bench/sqlite-<n>-v<version>-<seed digest>.db.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import random
import re
import tempfile
import zlib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest import Document, PageSpan, Paragraph
from nlp import Analysis

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CACHE = ROOT / "data" / "bench"
GENERATOR_VERSION = 1
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2026, 12, 31)
UNDATED = 0.03  # share of documents without a date
SWAP = 0.3  # chance that a body paragraph is replaced by another sample paragraph of its language
DISSENT = 0.15  # chance that a document's figure for an indicator and year disagrees with the others
DOCS_PER_VARIANT = 2000  # one more subset of each concept per this many documents (topics grow with the archive)
SUBSETS = ("rural", "urban", "youth", "women", "pensioners", "private", "state", "small_business", "farms",
           "schools", "hospitals", "villages", "seasonal", "long_term", "regional", "municipal", "export",
           "import", "households", "students")
ABROAD = ("Russia", "South Korea", "Turkey", "Germany", "United Arab Emirates", "Poland", "United States",
          "China", "Uzbekistan", "Kyrgyzstan", "United Kingdom and European Union")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERCENT_UNITS = frozenset({"percent", "rate"})


@dataclass
class Unit:
    """One stored paragraph of a sample document with the items inside it (offsets relative to the paragraph)."""

    language: str
    page: int
    text: str
    items: list[tuple[str, Any]] = field(default_factory=list)  # (Analysis field, item)
    header: bool = False  # holds an addressee or a signatory: stays where it is


@dataclass
class Seed:
    """A sample document as stored: its document columns and its paragraphs."""

    stem: str
    suffix: str
    format: str
    kind: str
    language: str
    page_count: int | None
    pages: list[int]
    title: str | None
    date: dt.date | None
    meta: dict
    response_due: dt.date | None
    units: list[Unit]


def _units(session: Any, document_id: int) -> list[Unit]:
    """The document's passages as Units, each with the stored items that lie inside it."""
    from sqlmodel import select

    from corpus.models import PassageRow
    from corpus.rows import ROW_KINDS

    passages = session.exec(select(PassageRow).where(PassageRow.document_id == document_id)
                            .order_by(PassageRow.seq)).all()
    units = {p.id: Unit(p.language, p.page or 1, p.text) for p in passages}
    starts = {p.id: (p.start, p.end) for p in passages}
    for kind in ROW_KINDS:
        for row in session.exec(select(kind.row).where(kind.row.document_id == document_id)).all():
            if row.passage_id not in units or row.end > starts[row.passage_id][1]:
                continue  # outside a paragraph: not recombinable
            item = kind.item_of(row)
            item.start -= starts[row.passage_id][0]
            item.end -= starts[row.passage_id][0]
            units[row.passage_id].items.append((kind.field, item))
            units[row.passage_id].header |= kind.field in ("addressee", "signatories")
    return [units[p.id] for p in passages]


def load_seeds(url: str) -> list[Seed]:
    """The stored sample documents of the corpus at `url` as Seeds."""
    from sqlmodel import Session, select

    from corpus import get_engine
    from corpus.models import DocumentRow, PageRow

    seeds = []
    with Session(get_engine(url)) as session:
        for d in session.exec(select(DocumentRow).order_by(DocumentRow.id)).all():
            pages = session.exec(select(PageRow.number).where(PageRow.document_id == d.id)
                                 .order_by(PageRow.number)).all()
            path = Path(d.path)
            seeds.append(Seed(path.stem, path.suffix, d.format, d.kind, d.language, d.page_count, list(pages),
                              d.title, d.date, d.meta, d.response_due, _units(session, d.id)))
    return seeds


def sample_seeds(samples: Path = SAMPLES) -> list[Seed]:
    """The sample corpus read through the real pipeline (ingest, nlp, store) into a scratch database."""
    from corpus import build_sample_corpus, close_engine

    with tempfile.TemporaryDirectory(prefix="saual-seeds-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'seeds.db'}"
        report = build_sample_corpus(url, samples)
        if not report.ok:
            raise RuntimeError(f"the sample corpus did not ingest cleanly: {report.failed}")
        try:
            return load_seeds(url)
        finally:
            close_engine(url)


def seed_digest(seeds: list[Seed]) -> str:
    """A short digest of the material (texts and items): a changed pipeline gives a new cache key."""
    h = hashlib.sha256()
    for s in seeds:
        h.update(repr((s.stem, s.kind, s.language, s.date, s.pages)).encode())
        for u in s.units:
            h.update(repr((u.language, u.page, u.text, u.items)).encode())
    return h.hexdigest()[:10]


def _cumulative(n: int) -> list[float]:
    """Zipf-like cumulative weights 1, 1/2, … 1/n (popular choices first)."""
    total, out = 0.0, []
    for k in range(1, n + 1):
        total += 1 / k
        out.append(total)
    return out


class Generator:
    """Document i of a generated corpus of `n` documents from `seeds` (see the module docstring)."""

    def __init__(self, seeds: list[Seed], n: int):
        from ingest.resources import read_table

        self.seeds = seeds
        self.pool: dict[str, list[Unit]] = {}
        for s in seeds:
            for u in s.units:
                if not u.header:
                    self.pool.setdefault(u.language, []).append(u)
        regions = read_table(ROOT / "nlp" / "gazetteer" / "data" / "kz_regions.tsv")
        self.home = ["Kazakhstan", *(cells[2] for _, cells in regions)]
        variants = max(1, n // DOCS_PER_VARIANT)
        pairs = [f"{a}.{b}" for i, a in enumerate(SUBSETS) for b in SUBSETS[i + 1:]]
        self.variants = [None, *(list(SUBSETS) + pairs)[:variants - 1]]
        self.weights = {"variant": _cumulative(len(self.variants)), "home": _cumulative(len(self.home)),
                        "abroad": _cumulative(len(ABROAD))}

    def document(self, i: int) -> tuple[Document, Analysis]:
        """The i-th generated document and its analysis."""
        rng = random.Random(f"saual-bench-{GENERATOR_VERSION}-{i}")
        seed = rng.choice(self.seeds)
        units = [u if u.header or n < 2 or rng.random() >= SWAP or u.language not in self.pool
                 else rng.choice(self.pool[u.language]) for n, u in enumerate(seed.units)]
        date = None if rng.random() < UNDATED else FIRST_DAY + dt.timedelta(
            days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        delta = (date.year if date else 2025) - (seed.date.year if seed.date else 2025)
        text, paragraphs, analysis = self._assemble(rng, seed, units, delta, date)
        due = seed.response_due
        if due and date and seed.date:
            due += date - seed.date
        analysis.response_due = due
        doc = Document(path=f"bench/{i:06d}_{seed.stem}{seed.suffix}",
                       sha256=hashlib.sha256(f"saual-bench-{GENERATOR_VERSION}-{i}".encode()).hexdigest(),
                       format=seed.format, text=text, pages=_pages(seed, paragraphs), paragraphs=paragraphs,
                       page_count=seed.page_count, title=seed.title, date=date, kind=seed.kind,
                       language=seed.language, metadata=seed.meta)
        return doc, analysis

    def _assemble(self, rng: random.Random, seed: Seed, units: list[Unit], delta: int,
                  date: dt.date | None) -> tuple[str, list[Paragraph], Analysis]:
        """The text of `units` (blank lines between), their paragraphs and their items moved into place."""
        parts, paragraphs, analysis, pos = [], [], Analysis(), 0
        stated: dict[tuple, float] = {}
        for n, unit in enumerate(units):
            if n:
                parts.append("\n\n")
                pos += 2
            page = seed.units[n].page
            paragraphs.append(Paragraph(pos, pos + len(unit.text), page, unit.language))
            parts.append(unit.text)
            for name, item in unit.items:
                moved = copy.copy(item)
                moved.start, moved.end, moved.page = item.start + pos, item.end + pos, page
                if name == "figures":
                    self._vary(rng, moved, delta, date, stated)
                getattr(analysis, name).append(moved)
            pos += len(unit.text)
        return "".join(parts), paragraphs, analysis

    def _vary(self, rng: random.Random, figure: Any, delta: int, date: dt.date | None,
              stated: dict[tuple, float]) -> None:
        """Move the figure's years by `delta`, give it a place and subset, and a value agreeing or not."""
        if figure.year is not None:
            figure.year += delta
        elif figure.period and figure.period.startswith("now") and date is not None:
            figure.year = date.year  # what nlp gives a present statement in a dated document
        if figure.period:
            figure.period = _YEAR.sub(lambda m: str(int(m.group()) + delta), figure.period)
        if not figure.indicator:
            return
        concept, unit, place = (figure.indicator.split("|") + ["", "", ""])[:3]
        variant = self.variants[_pick(rng, self.weights["variant"])]
        if place in ABROAD:
            place = ABROAD[_pick(rng, self.weights["abroad"])]
        elif place != "-" and rng.random() < 0.5:
            place = self.home[_pick(rng, self.weights["home"])]
        concept = f"{concept}.{variant}" if variant else concept
        figure.indicator = f"{concept}|{unit}|{place}"[:128]
        figure.place = None if place == "-" else place
        key = (figure.indicator, figure.year)
        if key not in stated:  # one document states one value per indicator and year
            stated[key] = _truth(figure.indicator, figure.year, unit) * _stance(rng)
        factor = stated[key] * rng.uniform(0.985, 1.015)
        figure.value = _round(figure.value * factor, unit)
        if figure.value_max is not None:
            figure.value_max = _round(figure.value_max * factor, unit)


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    """An index drawn with the Zipf-like weights."""
    return rng.choices(range(len(cumulative)), cum_weights=cumulative)[0]


def _truth(indicator: str, year: int | None, unit: str) -> float:
    """The indicator's true value (as a factor of the sample's) in a year: a size and a yearly trend."""
    h = zlib.crc32(indicator.encode())
    size = 0.7 + (h % 1000) / 1000 * 0.6 if unit in _PERCENT_UNITS else 0.3 + (h % 1000) / 1000 * 2.7
    trend = -0.05 + (h >> 10) % 1000 / 1000 * 0.15
    return size * (1 + trend) ** ((year or 2025) - 2025)


def _stance(rng: random.Random) -> float:
    """1 for a document that agrees; else a factor 20–80 % off, up or down."""
    if rng.random() >= DISSENT:
        return 1.0
    off = rng.uniform(1.2, 1.8)
    return off if rng.random() < 0.5 else 1 / off


def _round(value: float, unit: str) -> float:
    """Three significant digits, as documents state numbers; percentages kept within 0–100."""
    if value == 0:
        return 0.0
    value = float(f"{value:.3g}")
    return min(value, 100.0) if unit == "percent" else value


def _pages(seed: Seed, paragraphs: list[Paragraph]) -> list[PageSpan]:
    """Page spans as ingest.assemble makes them: each page from its first to its last paragraph."""
    bounds: dict[int, list[int]] = {}
    for p in paragraphs:
        b = bounds.setdefault(p.page, [p.start, p.end])
        b[1] = p.end
    numbers = seed.pages or range(1, (seed.page_count or max(bounds, default=1)) + 1)
    pages, last_end = [], 0
    for n in numbers:
        s, e = bounds.get(n, (last_end, last_end))
        pages.append(PageSpan(n, s, e))
        last_end = e
    return pages


def generate(seeds: list[Seed], n: int, start: int = 0) -> Iterator[tuple[Document, Analysis]]:
    """Documents start … n-1 of a generated corpus of n documents."""
    generator = Generator(seeds, n)
    for i in range(start, n):
        yield generator.document(i)


_worker: Generator | None = None


def _start_worker(seeds: list[Seed], n: int) -> None:
    global _worker
    _worker = Generator(seeds, n)


def _rows(span: tuple[int, int]) -> Any:
    """Documents span[0] … span[1]-1 as a corpus.bulk.RowBatch (run in a worker process)."""
    from corpus.bulk import rows_for

    return rows_for(_worker.document(i) for i in range(*span))


def build_database(url: str, seeds: list[Seed], n: int, workers: int = 2, batch: int = 500) -> None:
    """Store documents 0 … n-1 at `url` through the bulk path: `workers` processes generate the rows
    (corpus.bulk.rows_for), this one inserts them (corpus.bulk.insert_rows) in order."""
    import multiprocessing

    from corpus import get_engine
    from corpus.bulk import insert_rows

    spans = [(start, min(start + batch, n)) for start in range(0, n, batch)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(max(1, workers), _start_worker, (seeds, n)) as pool:
        engine = get_engine(url)
        pending = deque(pool.apply_async(_rows, (span,)) for span in spans[:2 * workers])
        for span in spans[2 * workers:] + [None] * len(pending):  # at most 2 batches a worker ahead
            insert_rows(engine, pending.popleft().get())
            if span is not None:
                pending.append(pool.apply_async(_rows, (span,)))


def corpus_database(n: int, seeds: list[Seed] | None = None, folder: Path = CACHE, workers: int = 2) -> Path:
    """The SQLite file of a generated corpus of n documents, built once per size, generator version and
    sample material (data/bench/, gitignored); an interrupted build leaves only a `.part` file."""
    from corpus import close_engine

    seeds = seeds if seeds is not None else sample_seeds()
    path = folder / f"sqlite-{n}-v{GENERATOR_VERSION}-{seed_digest(seeds)}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    for old in part.parent.glob(part.name + "*"):
        old.unlink()
    url = f"sqlite:///{part}"
    try:
        build_database(url, seeds, n, workers)
    finally:
        close_engine(url)
    part.rename(path)
    return path
