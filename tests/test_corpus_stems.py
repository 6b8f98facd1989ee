"""Russian query stems are Snowball's (PostgreSQL's `russian` configuration), so both databases find alike."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

import corpus
from corpus.text import MIN_STEM, query_stems, stem_kk, stem_ru
from nlp import Analysis
from tests.fixtures_db import fresh_database


@pytest.mark.parametrize("word, stem", [
    # nouns and adjectives in every case and number
    ("квотой", "квот"), ("квотами", "квот"), ("квоты", "квот"), ("мигрантами", "мигрант"),
    ("гражданам", "граждан"), ("трудовых", "трудов"), ("трудовой", "трудов"), ("миграцию", "миграц"),
    ("сенатом", "сенат"), ("сенате", "сенат"), ("министерства", "министерств"),
    # derivational -ость, doubled н, verbs and reflexives: the hand-made ending list left these alone
    ("безопасности", "безопасн"), ("деятельность", "деятельн"), ("государственных", "государствен"),
    ("вводится", "ввод"), ("возобновились", "возобнов"), ("заявил", "заяв"), ("говорит", "говор"),
    ("выделяемых", "выделя"),
    # Snowball cuts deeper than MIN_STEM letters: the stem keeps the word's first MIN_STEM letters
    ("кореи", "коре"), ("защите", "защи"), ("базой", "базо"), ("вода", "вода"),
    # already a stem, or too short to lose anything
    ("мигрант", "мигрант"), ("еще", "еще"), ("ая", "ая"),
])
def test_russian_stems(word, stem) -> None:
    assert stem_ru(word) == stem
    assert len(stem) >= min(MIN_STEM, len(word)) and word.startswith(stem)


@pytest.mark.parametrize("word, stem", [
    ("кореяда", "корея"), ("мигранттарының", "мигрант"), ("азаматтарының", "азамат"), ("құқықтарын", "құқық"),
    ("сенатында", "сенат"), ("жоспарлары", "жоспар"), ("мигранттарымен", "мигрант"), ("елдерде", "елдер"),
    ("сенате", "сенате"),  # -те after a back vowel breaks vowel harmony
])
def test_kazakh_stems_keep_their_ending_lists(word, stem) -> None:
    assert stem_kk(word) == stem


@pytest.mark.parametrize("token, stems", [
    ("вводится", ["ввод"]),
    ("безопасности", ["безопасн"]),
    ("кореи", ["коре"]),
    ("кореяда", ["корея"]),  # the Kazakh stem; Snowball's кореяд starts with it and adds nothing
    ("құқықтарын", ["құқық"]),  # Kazakh letters: no Russian stem
    ("защищается", ["защища"]),  # щ: no Kazakh stem
])
def test_query_stems_join_both_languages(token, stems) -> None:
    assert query_stems(token) == stems


# --- the same documents on SQLite and PostgreSQL ----------------------------------------------------------

DOCUMENTS = {
    "security.txt": [("Правительство обеспечивает безопасный ввод квот на привлечение рабочей силы.", "ru")],
    "rights.txt": [("Министерство заявило о защите прав трудовых мигрантов в Корее.", "ru")],
    "employment.txt": [("Государственные программы поддержки занятости граждан продолжаются.", "ru")],
    "inquiry_kk.txt": [("Кореяда жұмыс істейтін мигранттар көп.", "kk")],
}

QUERIES = {
    "безопасности": {"security.txt"},  # -ости: безопасн* finds безопасный
    "вводится": {"security.txt"},  # a verb form: ввод* finds ввод
    "квотой": {"security.txt"},
    "защитой": {"rights.txt"},
    "государственных": {"employment.txt"},  # doubled н: государствен* finds Государственные
    "занятость": {"employment.txt"},
    "программами": {"employment.txt"},
    "мигрантами": {"rights.txt", "inquiry_kk.txt"},
    "Кореи": {"rights.txt", "inquiry_kk.txt"},
}


@pytest.fixture(scope="module")
def both_engines(request, tmp_path_factory, make_document):
    """The same four documents in a SQLite and a PostgreSQL database."""
    engines = {}
    with (fresh_database(request, "sqlite", tmp_path_factory.mktemp("lite")) as lite,
          fresh_database(request, "postgresql", tmp_path_factory.mktemp("pg")) as pg):
        for name, url in (("sqlite", lite), ("postgresql", pg)):
            engines[name] = corpus.get_engine(url)
            for path, paragraphs in DOCUMENTS.items():
                doc = make_document(paragraphs, path=path, date=dt.date(2025, 1, 1))
                corpus.store_document(engines[name], doc, Analysis())
        yield engines


@pytest.mark.postgres
@pytest.mark.parametrize("query, paths", list(QUERIES.items()))
def test_russian_inflected_queries_find_the_same_documents_on_sqlite_and_postgres(both_engines, query, paths):
    found = {name: {h.path for h in corpus.search(engine, query)} for name, engine in both_engines.items()}
    assert found == {"sqlite": paths, "postgresql": paths}
    for engine in both_engines.values():
        assert all(h.rank > 0 for h in corpus.search(engine, query))  # word matches, not substrings


@pytest.mark.postgres
def test_postgres_russian_configuration_stems_as_snowball(both_engines) -> None:
    words = ["квотами", "трудовых", "безопасности", "государственных", "вводится", "возобновились", "заявил",
             "миграцию", "гражданам", "деятельность", "выделяемых", "министерства"]
    with both_engines["postgresql"].connect() as conn:
        lexemes = {w: conn.execute(text("SELECT lexeme FROM unnest(to_tsvector('russian', :w))"), {"w": w}).scalar()
                   for w in words}
    assert lexemes == {w: stem_ru(w) for w in words}


@pytest.mark.parametrize("content", ["ның\tcase\tnot-free\n", "nin\tcase\n"])
def test_a_malformed_ending_file_is_a_corpus_error(tmp_path, monkeypatch, content) -> None:
    from corpus import text as corpus_text

    (tmp_path / "query_endings_kk.tsv").write_text(content, encoding="utf-8")
    monkeypatch.setattr(corpus_text, "RESOURCES", tmp_path)
    corpus_text._endings.cache_clear()
    try:
        with pytest.raises(corpus.CorpusError, match="query_endings_kk.tsv:1"):
            stem_kk("кореяда")
    finally:
        corpus_text._endings.cache_clear()
