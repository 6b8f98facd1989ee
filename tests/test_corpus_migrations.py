"""Migrations and engine settings: upgrade from empty, models match the migration, downgrade round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

import corpus
from corpus.models import ALL_TABLES, DERIVED_TABLES, LOG_TABLES, SQLModel
from nlp import Analysis

SEARCH_OBJECTS = {"passages_fts", "passages_tri"}
HEAD = "0016_card_summary"  # the newest migration (0006: person clusters, 0007: failed files and document versions, 0008: translation links, 0009: reply links, 0010: PostgreSQL trigram index, 0011: mentions by document and key, 0012: recomputes owed, 0013: explorer indexes, 0014: title keys, 0015: PostgreSQL recency + vector index, 0016: card summaries)
EXPLORER_INDEXES = {"ix_documents_newest", "ix_documents_facets", "ix_figures_facets"}  # migration-only (0013)


def table_names(engine) -> set[str]:
    names = set(inspect(engine).get_table_names())
    return {n for n in names if not n.startswith("passages_fts_") and not n.startswith("passages_tri_")}


def test_fresh_database_is_migrated_to_head(engine) -> None:
    assert corpus.schema_revision(engine) == HEAD
    expected = set(ALL_TABLES) | set(DERIVED_TABLES) | set(LOG_TABLES) | {"alembic_version", "pending_recomputes"}
    if engine.dialect.name == "sqlite":
        expected |= SEARCH_OBJECTS
    assert table_names(engine) == expected
    if engine.dialect.name == "postgresql":
        columns = {c["name"]: c for c in inspect(engine).get_columns("passages")}
        assert "search_vector" in columns
        assert "ix_passages_recent_search" in {i["name"] for i in inspect(engine).get_indexes("passages")}


def test_models_and_migration_agree(engine) -> None:
    def relevant(diff) -> bool:
        op = diff[0] if isinstance(diff, tuple) else diff[0][0]
        name = str(diff[1] if isinstance(diff, tuple) else diff[0][2])
        if op == "remove_table" and ("passages_fts" in name or "passages_tri" in name or "alembic" in name):
            return False
        if op == "remove_column" and isinstance(diff, tuple) and diff[3].name == "search_vector":
            return False
        # PostgreSQL search indexes and the explorer's order and facet indexes are migration-only, like the FTS tables
        return op != "remove_index" or not any(s in str(diff[1].name) for s in ("recent_search", "text_trgm",
                                                                                 *EXPLORER_INDEXES))

    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert [d for d in diffs if relevant(d)] == []


def test_important_filters_are_indexed(engine) -> None:
    indexed = {tuple(i["column_names"]) for i in inspect(engine).get_indexes("documents")}
    assert {("date",), ("kind",), ("language",)} <= indexed
    for table in ("figures", "mentions", "demands", "addressees", "signatories"):
        assert ("document_id",) in {tuple(i["column_names"]) for i in inspect(engine).get_indexes(table)}


def test_explorer_indexes_come_and_go_with_0013(engine) -> None:
    """The newest-first order of documents and the figures' facet columns are indexed at head, not at 0010."""
    def present() -> set[str]:  # from the catalogue: SQLAlchemy does not reflect SQLite's expression indexes
        sql = ("SELECT name FROM sqlite_master WHERE type = 'index'" if engine.dialect.name == "sqlite"
               else "SELECT indexname FROM pg_indexes")
        with engine.connect() as conn:
            return set(EXPLORER_INDEXES) & set(conn.execute(text(sql)).scalars())

    assert present() == set(EXPLORER_INDEXES)
    corpus.downgrade(engine, "0010_passage_trigrams")
    assert present() == set()
    corpus.migrate(engine)
    assert present() == set(EXPLORER_INDEXES)


def test_downgrade_to_base_and_back(engine, make_document) -> None:
    corpus.store_document(engine, make_document([("Кореяда мигранттар", "kk")]), Analysis())
    corpus.downgrade(engine, "base")
    assert corpus.schema_revision(engine) is None
    assert table_names(engine) <= {"alembic_version"}
    corpus.migrate(engine)
    assert corpus.schema_revision(engine) == HEAD
    assert corpus.count_documents(engine) == 0
    doc = make_document([("Кореяда мигранттар", "kk")])
    assert corpus.store_document(engine, doc, Analysis()).created
    assert [h.path for h in corpus.search(engine, "корея")] == ["synthetic.txt"]


def test_title_keys_are_filled_by_0014(engine, make_document) -> None:
    """Documents stored before 0014 get their title key from the migration, as store_document gives it."""
    for path, title in (("a.txt", "  Депутаттық   САУАЛ "), ("b/Запрос.TXT", None)):
        corpus.store_document(engine, make_document([(f"Мәтін {path}", "kk")], path=path, title=title), Analysis())
    corpus.downgrade(engine, "0013_explorer_indexes")
    with engine.connect() as conn:
        assert "title_key" not in {c["name"] for c in inspect(conn).get_columns("documents")}
    corpus.migrate(engine)
    with engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT path, title_key FROM documents")).all())
    assert keys == {"a.txt": "депутаттық сауал", "b/Запрос.TXT": "запрос.txt"}


def test_0016_fills_the_card_summaries_from_the_stored_cards(engine, tmp_path: Path) -> None:
    """Cards stored before 0016 get their summary columns from their JSON, equal to what a recompute stores."""
    from tests.fixtures_db import write_conflict_documents

    assert corpus.ingest_paths(engine, [write_conflict_documents(tmp_path)]).ok
    columns = ("kind", "source_kinds", "sources", "figure_count", "pairs_total", "confidence")
    expected = {c.id: {k: v for k, v in corpus.card_summary(c).items() if k in columns}
                for c in corpus.list_conflicts(engine)}
    assert len(expected) == 2
    corpus.downgrade(engine, "0015_pg_search")
    assert "kind" not in {c["name"] for c in inspect(engine).get_columns("conflicts")}
    corpus.migrate(engine)
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, {', '.join(columns)} FROM conflicts")).mappings().all()
    assert {r["id"]: {k: r[k] for k in columns} for r in rows} == expected
    assert all(r["kind"] == "official vs unofficial" and r["sources"] >= 2 for r in rows)
    assert corpus.conflict_page(engine).total == 2


def test_migrate_twice_is_harmless(engine) -> None:
    corpus.migrate(engine)
    assert corpus.schema_revision(engine) == HEAD


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    engine = corpus.get_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        corpus.close_engine(f"sqlite:///{tmp_path / 'x.db'}")


def test_deleting_a_document_cascades_and_leaves_the_index_clean(engine, make_document) -> None:
    doc_id = corpus.store_document(engine, make_document([("Кореяда мигранттар", "kk")]), Analysis()).document_id
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM documents WHERE id = :d"), {"d": doc_id})
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM passages")).scalar() == 0
    assert corpus.search(engine, "корея") == []
    assert corpus.search(engine, "грант") == []


def test_engines_are_cached_per_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    try:
        assert corpus.get_engine(url) is corpus.get_engine(url)
    finally:
        corpus.close_engine(url)


def test_database_url_order(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAUAL_DATABASE_URL", raising=False)
    assert corpus.database_url() == f"sqlite:///{tmp_path / 'data' / 'saual.db'}"
    assert (tmp_path / "data").is_dir()
    monkeypatch.setenv("SAUAL_DATABASE_URL", "postgresql://u@h/db")
    assert corpus.database_url() == "postgresql://u@h/db"
    assert corpus.database_url("sqlite:///x.db") == "sqlite:///x.db"


@pytest.mark.parametrize("url, expected", [
    ("postgresql://u:p@h:5432/db", "postgresql+psycopg://u:p@h:5432/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///data/saual.db", "sqlite:///data/saual.db"),
])
def test_normalise_url(url, expected) -> None:
    assert corpus.normalise_url(url) == expected


@pytest.mark.parametrize("url, message", [
    ("mysql://u@h/db", "unsupported database 'mysql'"),
    ("postgresql+psycopg2://u@h/db", "psycopg 3"),
    ("not a url", "invalid database URL"),
])
def test_bad_urls_are_corpus_errors(url, message) -> None:
    with pytest.raises(corpus.CorpusError, match=message):
        corpus.get_engine(url)


def test_unreachable_postgres_is_a_corpus_error() -> None:
    with pytest.raises(corpus.CorpusError, match="cannot migrate"):
        corpus.get_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_conflicts_migration_down_and_up(engine) -> None:
    """0002 alone: the conflicts table (indexed by indicator and first_seen) goes and comes back."""
    indexes = {tuple(i["column_names"]) for i in inspect(engine).get_indexes("conflicts")}
    assert {("indicator",), ("first_seen",)} <= indexes
    corpus.downgrade(engine, "0001")
    assert "conflicts" not in table_names(engine) and corpus.schema_revision(engine) == "0001"
    corpus.migrate(engine)
    assert "conflicts" in table_names(engine) and corpus.schema_revision(engine) == HEAD


def test_stored_cards_migration_down_and_up(engine) -> None:
    """0003 alone: the stored card columns (and the place index) go and come back."""
    assert {"card", "spread", "place"} <= {c["name"] for c in inspect(engine).get_columns("conflicts")}
    corpus.downgrade(engine, "0002")
    assert not {"card", "spread", "place"} & {c["name"] for c in inspect(engine).get_columns("conflicts")}
    corpus.migrate(engine)
    assert corpus.schema_revision(engine) == HEAD
    assert ("place",) in {tuple(i["column_names"]) for i in inspect(engine).get_indexes("conflicts")}


def test_upgrade_from_the_first_schema_keeps_the_data(engine) -> None:
    """A corpus holding real documents at the first released schema (0001) upgrades to head with nothing lost:
    every row of every table that 0001 has is still there, and search, figures and documents read back."""
    import ingest
    from nlp import analyze

    samples = Path(__file__).resolve().parent.parent / "samples"
    for path in [samples / "pdf" / "8930.pdf", *sorted((samples / "seeds").glob("*.txt"))]:
        doc = ingest.read(path)
        corpus.store_document(engine, doc, analyze(doc))
    corpus.downgrade(engine, "0001")
    first = table_names(engine) - {"alembic_version"}
    with engine.connect() as conn:
        before = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in sorted(first)}
    assert before["documents"] == 3 and before["figures"] > 0 and before["mentions"] > 0
    corpus.migrate(engine)
    assert corpus.schema_revision(engine) == HEAD
    with engine.connect() as conn:
        after = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in sorted(first)}
    assert after == before
    assert corpus.search(engine, "Корея") and corpus.count_documents(engine) == 3
    assert len(corpus.list_figures(engine)) == before["figures"]


def test_recent_search_index_comes_and_goes_with_0015(engine) -> None:
    """PostgreSQL: the (recency, vector) GIN index replaces the vector's own index at 0015, and back at 0013;
    SQLite has neither (its FTS5 tables serve search) at either revision."""
    sql = ("SELECT name FROM sqlite_master WHERE type = 'index'" if engine.dialect.name == "sqlite"
           else "SELECT indexname FROM pg_indexes WHERE tablename = 'passages'")
    postgres = engine.dialect.name == "postgresql"

    def present() -> set[str]:
        with engine.connect() as conn:
            return {"ix_passages_recent_search", "ix_passages_search_vector"} & set(conn.execute(text(sql)).scalars())

    assert present() == ({"ix_passages_recent_search"} if postgres else set())
    corpus.downgrade(engine, "0013_explorer_indexes")
    assert present() == ({"ix_passages_search_vector"} if postgres else set())
    corpus.migrate(engine)
    assert present() == ({"ix_passages_recent_search"} if postgres else set())
