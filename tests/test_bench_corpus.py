"""The bench corpus generator (tests/bench_corpus.py) and the bulk path (corpus/bulk.py), untimed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from corpus import close_engine, get_engine, recompute_conflicts, store_document
from corpus.bulk import TABLES, bulk_store
from corpus.models import DocumentRow, FigureRow, PassageRow

from .bench_corpus import Generator, build_database, load_seeds

N = 50


@pytest.fixture(scope="module")
def seeds(sample_corpus_url: str):
    """The sample corpus as ingested by the real pipeline, read back as generator seeds."""
    try:
        return load_seeds(sample_corpus_url)
    finally:
        close_engine(sample_corpus_url)


def test_generated_corpus_has_documents_indicators_and_conflicts(seeds, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    build_database(url, seeds, N, workers=1, batch=20)  # three batches: ids carried across them
    engine = get_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(DocumentRow)).scalar_one() == N
            languages = set(conn.execute(select(PassageRow.language).distinct()).scalars())
            keyed = conn.execute(select(func.count()).select_from(FigureRow)
                                 .where(FigureRow.indicator.is_not(None))).scalar_one()
            years = set(conn.execute(select(func.extract("year", DocumentRow.date)).distinct()).scalars())
        assert {"kk", "ru"} <= languages
        assert keyed >= 2 * N  # the samples give about five figures a document
        assert len(years) >= 5  # dates spread over 2015–2026
        assert recompute_conflicts(engine), "no conflict card in the generated corpus"
    finally:
        close_engine(url)


def test_generation_is_deterministic(seeds) -> None:
    a, b = Generator(seeds, N).document(7), Generator(seeds, N).document(7)
    assert a[0] == b[0] and a[1] == b[1]


def _rows(engine, document_id: int) -> dict[str, list[dict]]:
    """Every row of one document by table, without ids, sha256 and added_at (passages named by seq)."""
    out: dict[str, list[dict]] = {}
    with engine.connect() as conn:
        seq = {r.id: r.seq for r in conn.execute(select(PassageRow.id, PassageRow.seq)
                                                 .where(PassageRow.document_id == document_id))}
        for table in TABLES:
            key = table.c.id if table.name == "documents" else table.c.document_id
            rows = [dict(r) for r in conn.execute(select(table).where(key == document_id)
                                                  .order_by(table.c.id)).mappings()]
            for row in rows:
                for column in ("id", "document_id", "sha256", "added_at"):
                    row.pop(column, None)
                if "passage_id" in row:
                    row["passage_id"] = seq.get(row["passage_id"])
            out[table.name] = rows
    return out


def _fts_matches(engine, document_id: int, words: list[str]) -> list[list[int]]:
    """SQLite: the passages (by seq) of the document each word finds in both full-text indexes."""
    out = []
    with engine.connect() as conn:
        for index in ("passages_fts", "passages_tri"):
            for word in words:
                out.append(sorted(conn.exec_driver_sql(
                    f"SELECT p.seq FROM {index} JOIN passages p ON p.id = {index}.rowid "
                    f"WHERE {index} MATCH ? AND p.document_id = ?", (f'"{word}"', document_id)).scalars()))
    return out


def test_bulk_rows_equal_store_rows(seeds, engine) -> None:
    generator = Generator(seeds, N)
    pairs = [generator.document(i) for i in range(3)]
    stored = [store_document(engine, doc, analysis).document_id for doc, analysis in pairs]
    twins = [(dataclasses.replace(doc, sha256="b" + doc.sha256[1:]), analysis) for doc, analysis in pairs]
    assert bulk_store(engine, twins, batch_size=2) == 3
    store_document(engine, *generator.document(3))  # the store path still works after the bulk path
    with engine.connect() as conn:
        bulked = [conn.execute(select(DocumentRow.id).where(DocumentRow.sha256 == doc.sha256)).scalar_one()
                  for doc, _ in twins]
    for a, b, (doc, analysis) in zip(stored, bulked, pairs):
        assert analysis.figures and _rows(engine, a)["figures"]
        assert _rows(engine, a) == _rows(engine, b)
        if engine.dialect.name == "sqlite":
            words = [w for w in doc.text.split() if w.isalpha() and len(w) > 4][:5]
            assert _fts_matches(engine, a, words) == _fts_matches(engine, b, words)
