"""A read-only corpus (SAUAL_READ_ONLY / `saual serve --read-only`): reads work, every write is refused by the
database itself, an unmigrated database is a clear error, and the explorer renders (issue 10). SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import corpus
from corpus import CorpusError
from tests.test_app_entities import run_page


def test_reads_work_and_writes_are_refused(db_url: str, make_document) -> None:
    from nlp import analyze

    writable = corpus.get_engine(db_url)
    doc = make_document([("По данным министерства, в 2024 году в стране работали 11 тыс. человек.", "ru")])
    corpus.store_document(writable, doc, analyze(doc))
    engine = corpus.get_engine(db_url, read_only=True)
    assert engine is not writable
    assert len(corpus.search(engine, "министерства")) >= 1
    with pytest.raises(Exception, match="(?i)read.?only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM documents"))
    other = make_document([("Другой текст: 5 тыс. человек в 2023 году.", "ru")], path="other.txt")
    with pytest.raises(Exception, match="(?i)read.?only"):
        corpus.store_document(engine, other, analyze(other))
    with writable.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar_one() == 1


def test_read_only_needs_a_migrated_database(db_url: str, monkeypatch) -> None:
    monkeypatch.setenv(corpus.ENV_READ_ONLY, "1")
    with pytest.raises(CorpusError, match="read-only .* not at the current schema"):
        corpus.get_engine(db_url)
    assert corpus.read_only_setting() and not corpus.read_only_setting(False)


def test_explorer_renders_read_only(sample_corpus_url: str, monkeypatch) -> None:
    monkeypatch.setenv(corpus.ENV_READ_ONLY, "1")
    at = run_page(sample_corpus_url, monkeypatch, None, q="министр")
    assert at.markdown, "the Search page rendered nothing"
