"""The public query plan (corpus.query_plan), the shared hit header, and corpus/'s import hygiene."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import create_engine

import corpus
from corpus import DocumentHeader, QueryPlan, SpanHit, query_plan

CORPUS = Path(corpus.__file__).resolve().parent


@pytest.fixture(scope="module")
def sqlite_engine():
    return create_engine("sqlite://")


@pytest.fixture(scope="module")
def postgres_engine():
    return create_engine("postgresql+psycopg://u@h/db")  # never connected: only the dialect is read


@pytest.mark.parametrize("query", [None, "", "   ", "***", "\x02\x03"])
def test_a_query_without_words_has_no_plan(sqlite_engine, query) -> None:
    assert query_plan(sqlite_engine, query) is None


def test_sqlite_plan_quotes_words_with_their_stems(sqlite_engine) -> None:
    plan = query_plan(sqlite_engine, "Квотой ее NEAR(x)")
    assert isinstance(plan, QueryPlan)
    assert plan.tokens == ["квотой", "ее", "near", "x"]
    assert plan.params == {"fts_words": '("квотой"* OR "квот"*) AND "ее" AND "near"* AND "x"'}
    assert "passages_fts MATCH :fts_words" in plan.hits_sql


def test_sqlite_plan_adds_substrings_for_long_words(sqlite_engine) -> None:
    plan = query_plan(sqlite_engine, "грант Кореяда")
    assert plan.params == {"fts_words": '"грант"* AND ("кореяда"* OR "корея"*)',
                           "fts_substrings": '"грант" "кореяда"'}
    assert "passages_tri" in plan.hits_sql


def test_postgres_plan(postgres_engine) -> None:
    plan = query_plan(postgres_engine, "Кореяда ее")
    assert plan.params == {"tsq": "('кореяда':* | 'корея':*) & 'ее'"}
    plan = query_plan(postgres_engine, "мигрант квотой")
    assert plan.params == {"tsq": "'мигрант':* & ('квотой':* | 'квот':*)", "sub0": "%мигрант%",
                           "sub1": "%квотой%"}
    assert "LIKE :sub0" in plan.hits_sql  # the form the trigram index (migration 0010) serves


def test_plan_selects_bind_their_parameters(sqlite_engine) -> None:
    plan = query_plan(sqlite_engine, "мигрант")
    for clause, column in ((plan.passage_ids(), "pid"), (plan.document_ids(), "did")):
        assert set(clause.compile().params) == set(plan.params)
        assert [c.name for c in clause.selected_columns] == [column]


def test_other_dialects_are_refused() -> None:
    fake = type("Engine", (), {"dialect": type("Dialect", (), {"name": "oracle"})()})()  # only the name is read
    with pytest.raises(corpus.CorpusError, match="not available on oracle"):
        query_plan(fake, "мигрант")


# --- one document header for every hit ------------------------------------------------------------------

HEADER = {"document_id", "title", "path", "date"}


@pytest.mark.parametrize("hit, kind, language", [
    (corpus.SearchHit, "kind", "doc_language"),
    (corpus.FigureHit, "doc_kind", "language"),
    (corpus.EntityMention, "doc_kind", "doc_language"),
    (corpus.DemandHit, None, "language"),
])
def test_every_hit_carries_the_document_header(hit, kind, language) -> None:
    assert issubclass(hit, DocumentHeader)
    names = {f.name for f in dataclasses.fields(hit)}
    assert HEADER <= names and language in names
    assert (hit.KIND, hit.LANGUAGE) == (kind, language)
    row = {"document_id": 7, "d_title": "T", "d_path": "a.pdf", "d_kind": "inquiry", "d_language": "kk",
           "d_date": None, "id": 1, "passage_id": 2, "page": 3, "start": 4, "end": 5, "text": "x"}
    header = hit.header(row)
    expected = {"document_id": 7, "title": "T", "path": "a.pdf", "date": None, language: "kk"}
    if kind:
        expected[kind] = "inquiry"
    if issubclass(hit, SpanHit):
        expected |= {"id": 1, "passage_id": 2, "page": 3, "start": 4, "end": 5, "text": "x"}
    assert header == expected


# --- no module of corpus/ imports another's private name -------------------------------------------------

@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.py")), ids=lambda p: str(p.relative_to(CORPUS)))
def test_no_private_name_is_imported_across_modules(path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [f"{node.module}.{alias.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               for alias in node.names
               if alias.name.startswith("_") and not alias.name.startswith("__")
               and (node.level or (node.module or "").startswith("corpus"))]
    assert private == []
