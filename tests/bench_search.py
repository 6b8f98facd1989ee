"""The `search` section of `make bench`: p50/p95 latency of typical queries on generated corpora, SQLite and
PostgreSQL.

Corpora: tests/bench_corpus.py (SQLite files cached in data/bench/; on PostgreSQL the same generator loads a
database through corpus.bulk on a throwaway cluster started here, or on $SAUAL_BENCH_PG_URL's server).
Queries: Kazakh and Russian words and phrases, with language, kind and date filters, an entity filter, and
the facet counts. Each query runs once untimed, then `rounds` times (at least 3, fewer than `rounds` once 8 s are spent); wall-clock latency in ms.
$SAUAL_BENCH_PG_SIZES (comma-separated) limits the PostgreSQL sizes (loading 100k there takes long).
$SAUAL_BENCH_PG_DATABASE names the database of a size instead of `bench_{n}` (e.g. `mycopy_{n}`: a copy made
with CREATE DATABASE … TEMPLATE bench_100000, migrated on its own; an existing database is used as it is).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .bench_conflicts import bench_sizes

TARGET_MS = 50.0  # p95 at 100k documents (issue 11)
ROUNDS = 20
MIN_ROUNDS, BUDGET_MS = 3, 8000.0  # a slow query stops after 3 runs once it has taken 8 s (p95 = the worst)
SINCE = dt.date(2020, 1, 1)


def queries(entity: str | None) -> list[tuple[str, Callable]]:
    """(name, fn(engine)) of the typical queries; `entity` a frequent entity key of the corpus."""
    from corpus import entity_facets, facets, search

    out = [
        ("kk word: мигранттар", lambda e: search(e, "мигранттар", limit=20)),
        ("ru word: тарифы", lambda e: search(e, "тарифы", limit=20)),
        ("kk phrase: еңбек мигранты", lambda e: search(e, "еңбек мигранты", limit=20)),
        ("ru phrase: кредитные товарищества", lambda e: search(e, "кредитные товарищества", limit=20)),
        ("ru word + language, kind", lambda e: search(e, "граждан", language="ru", kind="inquiry", limit=20)),
        ("kk phrase + date from 2020", lambda e: search(e, "ауыл шаруашылығы", date_from=SINCE, limit=20)),
        ("substring (compound): миграц", lambda e: search(e, "миграц", limit=20)),
        ("facets: kk word", lambda e: facets(e, "мемлекеттік")),
        ("facets: ru word", lambda e: facets(e, "министерство")),
        ("entity facet: kk word", lambda e: entity_facets(e, "мемлекеттік")),
        ("entity facet: ru word", lambda e: entity_facets(e, "министерство")),
    ]
    if entity:
        out.append((f"ru word + entity {entity[:24]}", lambda e: search(e, "министерство", entity=entity, limit=20)))
    return out


def top_entity(engine) -> str | None:
    """The most mentioned entity key (corpus.list_entities, first row), for the entity filter."""
    from corpus import list_entities

    rows = list_entities(engine, limit=1)
    return rows[0].key if rows else None


def latencies(engine, rounds: int = ROUNDS) -> list[tuple[str, float, float]]:
    """(query, p50 ms, p95 ms) for each typical query."""
    out = []
    for name, fn in queries(top_entity(engine)):
        fn(engine)
        times: list[float] = []
        while len(times) < rounds and (len(times) < MIN_ROUNDS or sum(times) < BUDGET_MS):
            start = time.perf_counter()
            fn(engine)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out.append((name, statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]))
    return out


@contextmanager
def postgres_base() -> Iterator[str | None]:
    """A PostgreSQL server URL: $SAUAL_BENCH_PG_URL, else a throwaway cluster (None when it cannot start)."""
    from .fixtures_db import postgres_bindir

    given = os.environ.get("SAUAL_BENCH_PG_URL")
    if given:
        yield given
        return
    bindir = postgres_bindir()
    if bindir is None:
        yield None
        return
    tmp = Path(tempfile.mkdtemp(prefix="saual-bench-pg-"))
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(tmp, user="postgres", group="postgres")
    port = 55000 + os.getpid() % 5000
    run = lambda *a: subprocess.run([*prefix, str(bindir / a[0]), *a[1:]], capture_output=True, check=True)
    try:
        run("initdb", "-D", str(tmp / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
            "--no-sync")
        run("pg_ctl", "-D", str(tmp / "data"), "-l", str(tmp / "log"), "-w", "-o",
            f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(tmp / "data"), "-m", "fast", "-w", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def postgres_corpus(base: str, n: int) -> str:
    """A database `bench_<n>` ($SAUAL_BENCH_PG_DATABASE) on the server holding generated documents 0 … n-1
    (built once per server)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from .bench_corpus import build_database, sample_seeds

    url = make_url(base)
    name = os.environ.get("SAUAL_BENCH_PG_DATABASE", "bench_{n}").format(n=n)
    with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname="postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return str(url.set(database=name).render_as_string(hide_password=False))
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' LC_COLLATE \'C.UTF-8\' '
                     "LC_CTYPE 'C.UTF-8'")
    target = url.set(database=name).render_as_string(hide_password=False)
    build_database(target, sample_seeds(), n)
    with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=name, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return target


def search_section(sizes: tuple[int, ...] | None = None) -> dict[tuple[str, int], list[tuple[str, float, float]]]:
    """Print p50/p95 per query, database and size; return them keyed by (dialect, size)."""
    from corpus import close_engine, get_engine

    from .bench_corpus import corpus_database

    results: dict[tuple[str, int], list[tuple[str, float, float]]] = {}
    sizes = bench_sizes(sizes)
    for n in sizes:
        url = f"sqlite:///{corpus_database(n)}"
        results[("sqlite", n)] = latencies(get_engine(url))
        close_engine(url)
    pg_sizes = tuple(int(x) for x in os.environ.get("SAUAL_BENCH_PG_SIZES", "").split(",") if x) or sizes
    with postgres_base() as base:
        for n in pg_sizes if base else ():
            url = postgres_corpus(base, n)
            results[("postgresql", n)] = latencies(get_engine(url))
            close_engine(url)
    print_search(results)
    return results


def print_search(results: dict[tuple[str, int], list[tuple[str, float, float]]]) -> None:
    """One row per query: p50/p95 ms for every (database, size)."""
    keys = list(results)
    print(f"\n## Search latency, ms p50/p95 (wall clock, {ROUNDS} runs; target p95 ≤ {TARGET_MS:.0f} ms at 100k)")
    print(f"{'query':<40} " + " ".join(f"{d[:6] + ' ' + format(n, ','):>16}" for d, n in keys))
    for i, (name, _, _) in enumerate(results[keys[0]]):
        cells = [f"{results[k][i][1]:7.1f}/{results[k][i][2]:<7.1f}" for k in keys]
        print(f"{name:<40} " + " ".join(f"{c:>16}" for c in cells))


if __name__ == "__main__":
    search_section()
