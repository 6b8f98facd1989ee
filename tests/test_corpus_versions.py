"""Revised documents: a changed file at the same path supersedes the stored version; search, figures, listings
and inquiries read the newest, the old one stays readable as history and says so (issue 10)."""

from __future__ import annotations

from pathlib import Path

import corpus
from tests.test_app_entities import run_page

FIRST = "По данным министерства, в 2024 году в Казахстане работали 11 тыс. мигрантов. Первая редакция.\n"
SECOND = "По данным министерства, в 2024 году в Казахстане работали 12 тыс. мигрантов. Исправленная редакция.\n"


def _ingest_twice(engine, tmp_path: Path) -> tuple[int, int]:
    path = tmp_path / "release.txt"
    path.write_text(FIRST, encoding="utf-8")
    corpus.ingest_paths(engine, [path])
    path.write_text(SECOND, encoding="utf-8")
    report = corpus.ingest_paths(engine, [path])
    assert report.added == [str(path)]
    [newest] = [d.id for d in corpus.list_documents(engine) if d.path == str(path)]
    old, new = (v for v, _ in corpus.versions_of(engine, newest))
    return old, new


def test_the_newest_version_is_read(engine, tmp_path: Path) -> None:
    old, new = _ingest_twice(engine, tmp_path)
    assert corpus.versions_of(engine, old) == [(old, False), (new, True)]
    assert [d.id for d in corpus.list_documents(engine)] == [new]
    assert corpus.search(engine, "первая") == [] and corpus.search(engine, "исправленная")
    assert [f.value for f in corpus.list_figures(engine)] == [12000]
    assert sum(corpus.figure_facets(engine)["source_kind"].values()) == 1
    history = corpus.get_document(engine, old)
    assert history.superseded_by == new and "Первая" in history.text and history.figures  # kept, readable
    assert corpus.get_document(engine, new).superseded_by is None


def test_removing_the_newest_restores_the_previous(engine, tmp_path: Path) -> None:
    old, new = _ingest_twice(engine, tmp_path)
    corpus.remove_document(engine, new)
    assert corpus.get_document(engine, new) is None
    assert corpus.get_document(engine, old).superseded_by is None
    assert [f.value for f in corpus.list_figures(engine)] == [11000]


def test_document_page_says_a_newer_version_exists(db_url: str, tmp_path: Path, monkeypatch) -> None:
    old, new = _ingest_twice(corpus.get_engine(db_url), tmp_path)
    at = run_page(db_url, monkeypatch, "views/document.py", doc=str(old))
    assert any("newer version" in w.value for w in at.warning)
    at = run_page(db_url, monkeypatch, "views/document.py", doc=str(new))
    assert not any("newer version" in w.value for w in at.warning)


def test_entities_count_the_newest_version(engine, tmp_path: Path) -> None:
    _ingest_twice(engine, tmp_path)
    kazakhstan = [e for e in corpus.list_entities(engine) if e.name_en == "Kazakhstan"]
    assert [(e.mentions, e.documents) for e in kazakhstan] == [(1, 1)]


def test_conflict_cards_compare_the_newest_version(engine, tmp_path: Path) -> None:
    other = tmp_path / "deputies.txt"
    other.write_text("Депутаты считают, что в 2024 году в Казахстане работали 20 тыс. мигрантов.\n", encoding="utf-8")
    corpus.ingest_paths(engine, [other])
    _ingest_twice(engine, tmp_path)
    values = sorted(f.value for c in corpus.list_conflicts(engine) for f in c.figures)
    assert 12000 in values and 11000 not in values, values


def _page(body: str) -> str:
    return ('<html><head><title>Пресс-релиз</title><meta property="og:url" content="https://example.kz/news/42">'
            f'</head><body><article><h1>Пресс-релиз</h1><p>{body}</p></article></body></html>')


def test_the_same_source_url_supersedes(engine, tmp_path: Path) -> None:
    """A page saved twice under different names (same og:url, other text): the later one is the newest."""
    first, second = tmp_path / "news-42.html", tmp_path / "news-42 (1).html"
    first.write_text(_page(FIRST.strip()), encoding="utf-8")
    corpus.ingest_paths(engine, [first])
    second.write_text(_page(SECOND.strip()), encoding="utf-8")
    corpus.ingest_paths(engine, [second])
    docs = corpus.list_documents(engine)
    assert [d.path for d in docs] == [str(second)]
    assert [newest for _, newest in corpus.versions_of(engine, docs[0].id)] == [False, True]
    assert [f.value for f in corpus.list_figures(engine)] == [12000]
