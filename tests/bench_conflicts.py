"""The `conflicts` section of `make bench`: conflict cards at 1k, 10k and 100k generated documents (SQLite).

For each size the generated corpus (tests/bench_corpus.py, cached under data/bench/) is measured in
place: a full `recompute_conflicts(engine)` (cards table emptied before each run), `list_conflicts(engine)`,
and the incremental recompute for the indicators of one newly stored document (stored through
corpus.store_document; those documents are deleted again afterwards). Times are medians of `rounds` runs.
Sizes: `--sizes 1000,10000` on the command line or SAUAL_BENCH_SIZES.
"""

from __future__ import annotations

import itertools
import math
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

SIZES = (1_000, 10_000, 100_000)
ENV_SIZES = "SAUAL_BENCH_SIZES"
BUDGET = 120.0  # seconds of repeated runs per measurement


@dataclass
class Measured:
    """One corpus size: what it holds and the median times in seconds."""

    documents: int
    figures: int
    indicators: int
    cards: int
    full: float
    incremental: float
    listing: float
    incremental_figures: float


def bench_sizes(sizes: tuple[int, ...] | None = None) -> tuple[int, ...]:
    """The sizes to run: given, else $SAUAL_BENCH_SIZES (comma-separated), else 1k, 10k, 100k."""
    if sizes:
        return sizes
    given = os.environ.get(ENV_SIZES, "")
    return tuple(int(s) for s in given.replace(" ", "").split(",") if s) or SIZES


def median_time(run: Callable[[], object], rounds: int, before: Callable[[], object] | None = None,
                budget: float = BUDGET) -> float:
    """The median of `rounds` timed runs of `run` (`before` runs untimed ahead of each); fewer runs once
    they have taken `budget` seconds (a full recompute at 100k documents is timed once or twice)."""
    times: list[float] = []
    while len(times) < rounds and sum(times) < budget:
        if before:
            before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _counts(engine) -> tuple[int, int, int]:
    """Documents, figures and distinct indicator keys stored."""
    from sqlalchemy import func, select

    from corpus.models import DocumentRow, FigureRow

    with engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(DocumentRow)).scalar_one(),
                conn.execute(select(func.count()).select_from(FigureRow)).scalar_one(),
                conn.execute(select(func.count(FigureRow.indicator.distinct()))).scalar_one())


def _clear_cards(engine) -> None:
    from corpus.models import ConflictRow

    with engine.begin() as conn:
        conn.execute(ConflictRow.__table__.delete())


def _incremental(engine, generator, n: int, rounds: int) -> tuple[float, float]:
    """Median recompute time for the indicators of one new document (documents n, n+1, … of the same
    corpus, stored through store_document and deleted again), and their median number of figures."""
    from sqlalchemy import delete, func, select

    from corpus import recompute_conflicts, store_document
    from corpus.models import DocumentRow, FigureRow

    times, touched, added = [], [], []
    try:
        for r in range(rounds):
            doc, analysis = generator.document(n + r)
            added.append(doc.sha256)
            store_document(engine, doc, analysis)
            keys = {f.indicator for f in analysis.figures if f.indicator}
            start = time.perf_counter()
            recompute_conflicts(engine, keys)
            times.append(time.perf_counter() - start)
            with engine.connect() as conn:
                touched.append(conn.execute(select(func.count()).select_from(FigureRow)
                                            .where(FigureRow.indicator.in_(keys))).scalar_one())
    finally:
        with engine.begin() as conn:
            conn.execute(delete(DocumentRow).where(DocumentRow.sha256.in_(added)))
    return statistics.median(times), statistics.median(touched)


def measure(n: int, seeds, rounds: int) -> Measured:
    """Build (or reuse) the corpus of n documents and time the three operations on it."""
    from corpus import close_engine, get_engine, list_conflicts, recompute_conflicts

    from .bench_corpus import Generator, corpus_database

    path = corpus_database(n, seeds)
    url = f"sqlite:///{path}"
    engine = get_engine(url)
    try:
        _clear_cards(engine)
        documents, figures, indicators = _counts(engine)
        cards: list = []
        full = median_time(lambda: cards.__setitem__(slice(None), recompute_conflicts(engine)), rounds,
                           before=lambda: _clear_cards(engine))
        listing = median_time(lambda: list_conflicts(engine), rounds)
        incremental, touched = _incremental(engine, Generator(seeds, n), n, rounds)
    finally:
        close_engine(url)
    return Measured(documents, figures, indicators, len(cards), full, incremental, listing, touched)


def growth(small: tuple[int, float], large: tuple[int, float]) -> str:
    """The time ratio between two sizes and the exponent it implies (1 = linear)."""
    (n1, t1), (n2, t2) = small, large
    if t1 <= 0 or t2 <= 0:
        return "n/a"
    exponent = math.log(t2 / t1) / math.log(n2 / n1)
    word = "≈ linear" if 0.8 <= exponent <= 1.2 else ("sublinear" if exponent < 0.8 else "superlinear")
    return f"×{t2 / t1:.1f} for ×{n2 / n1:.0f} documents (exponent {exponent:.2f}, {word})"


def report(results: dict[int, Measured]) -> None:
    """The conflicts table (Markdown, ready for docs/BENCHMARKS.md) and the growth between sizes."""
    print("\n## Conflicts: cards over generated corpora (SQLite, median times)")
    print("| documents | figures | indicators | cards | full recompute s | list_conflicts s "
          "| incremental (1 document) ms | its indicators' figures |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for m in results.values():
        print(f"| {m.documents:,} | {m.figures:,} | {m.indicators:,} | {m.cards:,} | {m.full:.2f} "
              f"| {m.listing:.2f} | {m.incremental * 1000:.1f} | {m.incremental_figures:,.0f} |")
    sizes = sorted(results)
    for a, b in itertools.pairwise(sizes):
        for name in ("full", "listing", "incremental"):
            print(f"- {name} {b:,}/{a:,}: {growth((a, getattr(results[a], name)), (b, getattr(results[b], name)))}")


def conflicts(sizes: tuple[int, ...] | None = None, rounds: int = 3) -> dict[int, Measured]:
    """Conflict recomputation and listing time as the generated corpus grows (see the module docstring)."""
    from .bench_corpus import sample_seeds

    seeds = sample_seeds()
    results = {}
    for n in bench_sizes(sizes):
        start = time.perf_counter()
        results[n] = measure(n, seeds, rounds)
        print(f"[conflicts] {n:,} documents measured in {time.perf_counter() - start:.0f} s", flush=True)
    report(results)
    return results
