"""Full-text search and facets on the same small corpus, in SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpus
from corpus import HIGHLIGHT_END, HIGHLIGHT_START
from corpus.search import _restore_original, substring_snippet
from corpus.text import query_stems, query_tokens, split_highlights
from nlp import Analysis

KK_INQUIRY = [
    ("ДЕПУТАТТЫҚ САУАЛ", "kk"),
    ("Оңтүстік Кореяда жұмыс істейтін еңбек мигранттарының саны 126 мыңнан асты.", "kk"),
    ("Кореяға заңсыз кеткен азаматтардың құқықтарын қорғау қажет.", "kk"),
    ("Көші-қон саласындағы іс-шаралар жоспары әлі бекітілген жоқ.", "kk"),
]
RU_PRESS = [
    ("Депутатский запрос о трудовых мигрантах в Республике Корея", "ru"),
    ("Всё ещё нет ответа на вопрос о защите прав граждан. Её решение затягивается.", "ru"),
    ("Квота квота квота: квоты на привлечение иностранной рабочей силы.", "ru"),
]
RU_REPLY = [
    (("Министерство труда сообщает о мерах по защите прав граждан за рубежом, включая вопросы, "
      "связанные с квотой на привлечение рабочей силы, и другие меры поддержки."), "ru"),
    ("Ёлочные игрушки не относятся к предмету запроса.", "ru"),
]
NEWS_BILINGUAL = [
    ("Сенатта еңбек мигранттары туралы кездесу өтті.", "kk"),
    ("В Сенате прошла встреча по вопросам трудовой миграции.", "ru"),
]


@pytest.fixture(scope="module")
def search_engine(module_engine, make_document):
    """A shared engine with four small documents: kk inquiry, ru press release, ru reply, bilingual news."""
    engine = module_engine
    docs = [
        make_document(KK_INQUIRY, path="inquiry_kk.txt", kind="inquiry", date=dt.date(2025, 5, 21), title="Сауал"),
        make_document(RU_PRESS, path="press_ru.txt", kind="press_release", date=dt.date(2024, 3, 10)),
        make_document(RU_REPLY, path="reply_ru.txt", kind="reply"),
        make_document(NEWS_BILINGUAL, path="news.txt", kind="news", language="kk+ru", date=dt.date(2025, 7, 1)),
    ]
    for doc in docs:
        corpus.store_document(engine, doc, Analysis())
    return engine


def marked(snippet: str) -> list[str]:
    return [text for text, hit in split_highlights(snippet) if hit]


def passage_text(engine, hit) -> str:
    return corpus.get_document(engine, hit.document_id).text[hit.start:hit.end]


# --- matching ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, expected_words", [
    # Kazakh suffixes: every query word matches as a word start
    ("Корея", {"Кореяда", "Кореяға", "Корея"}),
    ("мигрант", {"мигранттарының", "мигранттары", "мигрантах"}),
    ("құқық", {"құқықтарын"}),
    ("ҚОРҒАУ", {"қорғау"}),
    # ё is е in the index only: both spellings find both, the text keeps its ё
    ("еще", {"ещё"}),
    ("всё", {"Всё"}),
    ("елочные", {"Ёлочные"}),
])
def test_query_words_find_their_forms_and_are_highlighted(search_engine, query, expected_words) -> None:
    hits = corpus.search(search_engine, query)
    assert hits, query
    found = {w for h in hits for w in marked(h.snippet)}
    assert expected_words <= found | {w for h in hits for w in passage_text(search_engine, h).split()
                                      if w.strip(".,:") in expected_words} and expected_words & found
    for hit in hits:
        assert HIGHLIGHT_START in hit.snippet and HIGHLIGHT_END in hit.snippet
        assert marked(hit.snippet)


@pytest.mark.parametrize("query, found", [
    # Russian: the Snowball stem of the query word matches as a word start
    ("квотой", "Квота"),
    ("квотами", "квоты"),
    ("мигрантами", "мигрантах"),
    ("трудовых", "трудовой"),
    ("миграцию", "миграции"),
    ("гражданам", "граждан"),
    ("Сенатом", "Сенате"),
    ("Кореи", "Корея"),
    # Kazakh: one chain of case, possessive and plural endings
    ("Кореяда", "Корея"),
    ("Кореядағы", "Кореяға"),
    ("мигранттарымен", "мигрантах"),
    ("азаматтарының", "азаматтардың"),
    ("құқықтары", "құқықтарын"),
    ("жоспарлары", "жоспары"),
    ("Сенатында", "Сенатта"),
    ("саласында", "саласындағы"),
])
def test_inflected_query_words_find_other_forms(search_engine, query, found) -> None:
    hits = corpus.search(search_engine, query)
    words = {w for h in hits for w in marked(h.snippet)}
    assert found in words, (query, words)
    assert all(h.rank > 0 for h in hits)  # word-start matches, not the substring tier


@pytest.mark.parametrize("query, first_words", [
    ("Кореяға", {"Кореяға"}),  # the exact form first, other forms of the stem after
    ("Сенате", {"Сенате"}),
    ("квоты", {"квоты", "Квота"}),
])
def test_exact_form_ranks_before_stem_matches(search_engine, query, first_words) -> None:
    hits = corpus.search(search_engine, query)
    assert len(hits) >= 2
    assert first_words & set(marked(hits[0].snippet))


@pytest.mark.parametrize("query", ["еее", "ее", "ая", "квот", "мигрант", "грант"])
def test_short_or_uninflected_words_are_not_stemmed(search_engine, query) -> None:
    assert query_stems(query) == []


@pytest.mark.parametrize("token, stems", [
    ("квотой", ["квот"]),
    ("трудовых", ["трудов"]),
    ("кореяда", ["корея"]),
    ("мигранттарының", ["мигрант"]),
    ("құқықтарын", ["құқық"]),  # Kazakh letters: no Russian ending is tried
    ("защите", ["защи"]),  # щ: no Kazakh ending is tried; Snowball's защ keeps MIN_STEM letters
    ("сенате", ["сенат"]),  # -те after a back vowel breaks vowel harmony: not Kazakh
    ("елдерде", ["елдер"]),  # ел is too short to lose the plural
    ("вода", []),  # вод would leave three letters
    ("мигрант", []),
    ("126", []),
    ("quota", []),
])
def test_query_stems(token, stems) -> None:
    assert query_stems(token) == stems


def test_prefix_match_finds_kazakh_case_forms(search_engine) -> None:
    hits = corpus.search(search_engine, "Корея")
    texts = [passage_text(search_engine, h) for h in hits]
    assert any("Кореяда" in t for t in texts)
    assert any("Кореяға" in t for t in texts)
    assert any("Республике Корея" in t for t in texts)


def test_every_word_must_match(search_engine) -> None:
    hits = corpus.search(search_engine, "мигрант Корея")
    assert hits
    for hit in hits:
        text = passage_text(search_engine, hit).lower()
        assert "мигрант" in text and "коре" in text
    assert len({h.passage_id for h in hits}) == 2  # the kk inquiry passage and the ru press title


def test_substring_inside_a_word_is_found_after_word_matches(search_engine) -> None:
    hits = corpus.search(search_engine, "грант")  # no word starts with it; мигрант... contain it
    assert len(hits) >= 3
    assert all(h.rank == 0.0 for h in hits)
    for hit in hits:
        assert "грант" in passage_text(search_engine, hit).lower()
        assert [w.lower() for w in marked(hit.snippet)] == ["грант"] * len(marked(hit.snippet))
    mixed = corpus.search(search_engine, "квот")
    assert mixed[0].rank > 0.0


def test_stored_text_keeps_yo_while_the_snippet_shows_it(search_engine) -> None:
    hit = corpus.search(search_engine, "еще")[0]
    assert "ещё" in passage_text(search_engine, hit)
    assert "ещё" in hit.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def test_ranking_puts_the_denser_passage_first(search_engine) -> None:
    hits = corpus.search(search_engine, "квот")
    assert len(hits) == 2
    assert "Квота квота квота" in passage_text(search_engine, hits[0])
    assert "Министерство" in passage_text(search_engine, hits[1])
    assert hits[0].rank > hits[1].rank > 0


def test_hits_carry_document_and_passage_fields(search_engine) -> None:
    hit = corpus.search(search_engine, "Кореяға")[0]
    doc = corpus.get_document(search_engine, hit.document_id)
    assert (hit.path, hit.title, hit.kind, hit.doc_language, hit.date) == (
        "inquiry_kk.txt", "Сауал", "inquiry", "kk", dt.date(2025, 5, 21))
    assert hit.language == "kk" and hit.page == 1
    assert hit.passage_id in {p.id for p in doc.passages}
    assert doc.text[hit.start:hit.end].startswith("Кореяға заңсыз")
    bilingual = corpus.search(search_engine, "Сенате")[0]
    assert (bilingual.language, bilingual.doc_language) == ("ru", "kk+ru")


def test_hyphenated_words_are_found_by_either_part(search_engine) -> None:
    for query in ("көші-қон", "іс-шаралар", "шаралар"):
        hits = corpus.search(search_engine, query)
        assert [passage_text(search_engine, h)[:8] for h in hits] == ["Көші-қон"], query


# --- filters, paging, facets --------------------------------------------------------------------------

@pytest.mark.parametrize("filters, paths", [
    ({}, {"inquiry_kk.txt", "press_ru.txt", "news.txt"}),
    ({"language": "kk"}, {"inquiry_kk.txt"}),
    ({"language": "kk+ru"}, {"news.txt"}),
    ({"kind": "press_release"}, {"press_ru.txt"}),
    ({"date_from": dt.date(2025, 1, 1)}, {"inquiry_kk.txt", "news.txt"}),
    ({"date_to": dt.date(2025, 5, 21)}, {"inquiry_kk.txt", "press_ru.txt"}),
    ({"date_from": dt.date(2025, 6, 1), "date_to": dt.date(2025, 12, 31), "kind": "news"}, {"news.txt"}),
    ({"language": "ru", "kind": "inquiry"}, set()),
])
def test_filters_apply_to_the_document(search_engine, filters, paths) -> None:
    assert {h.path for h in corpus.search(search_engine, "мигрант", **filters)} == paths


def test_undated_documents_fall_out_of_date_ranges(search_engine) -> None:
    assert {h.path for h in corpus.search(search_engine, "защите")} == {"press_ru.txt", "reply_ru.txt"}
    assert {h.path for h in corpus.search(search_engine, "защите", date_from=dt.date(2000, 1, 1))} == {
        "press_ru.txt"}


def test_undated_documents_are_counted_and_can_be_included(search_engine) -> None:
    since = {"date_from": dt.date(2000, 1, 1)}
    assert corpus.undated_matches(search_engine, "защите") == 1
    assert corpus.undated_matches(search_engine, "защите", kind="news") == 0
    assert {h.path for h in corpus.search(search_engine, "защите", include_undated=True, **since)} == {
        "press_ru.txt", "reply_ru.txt"}
    assert {h.path for h in corpus.search(search_engine, "защите", include_undated=True)} == {
        "press_ru.txt", "reply_ru.txt"}  # without a range there is nothing to include


def test_limit_and_offset_page_through_the_same_order(search_engine) -> None:
    everything = corpus.search(search_engine, "мигрант")
    assert len(everything) == 3
    pages = [corpus.search(search_engine, "мигрант", limit=2, offset=o) for o in (0, 2, 4)]
    assert [h.passage_id for page in pages for h in page] == [h.passage_id for h in everything]
    assert pages[2] == []
    assert corpus.search(search_engine, "мигрант", limit=0) == []


def test_facets_count_documents(search_engine) -> None:
    assert corpus.facets(search_engine) == {
        "language": {"ru": 2, "kk": 1, "kk+ru": 1},
        "kind": {"inquiry": 1, "news": 1, "press_release": 1, "reply": 1},
        "year": {"2025": 2, "2024": 1},
    }
    assert corpus.facets(search_engine, "мигрант") == {
        "language": {"kk": 1, "kk+ru": 1, "ru": 1},
        "kind": {"inquiry": 1, "news": 1, "press_release": 1},
        "year": {"2025": 2, "2024": 1},
    }
    assert corpus.facets(search_engine, "защите") == {
        "language": {"ru": 2}, "kind": {"press_release": 1, "reply": 1}, "year": {"2024": 1}}
    assert corpus.facets(search_engine, "   ") == corpus.facets(search_engine)
    assert corpus.facets(search_engine, "***") == {"language": {}, "kind": {}, "year": {}}


def test_search_on_an_empty_corpus(engine) -> None:
    assert corpus.search(engine, "мигрант") == []
    assert corpus.facets(engine) == {"language": {}, "kind": {}, "year": {}}


# --- escaping: no user input is query syntax -----------------------------------------------------------

NASTY = [
    "", " ", '"', '""', "'", "''", "*", "**", "-", "--", "-мигрант", "мигрант*", '"мигрант', "мигрант\"*",
    "NEAR", "NEAR(мигрант Корея)", "NEAR(мигрант Корея, 2)", "AND", "OR", "NOT", "мигрант AND", "OR мигрант",
    "мигрант NOT Корея", "(", ")", "((мигрант)", "мигрант)", ":", "text:мигрант", "passages_fts:x", "{text}: x",
    "^мигрант", "мигрант + Корея", "&", "|", "!", "!мигрант", "мигрант & | !", "<->", "мигрант <-> Корея",
    "мигрант:*", "мигрант:*A", "'мигрант':*", "\\", "%", "_", "%_%", "' OR 1=1 --", "'; DROP TABLE passages; --",
    "\x00", "\x02мигрант\x03", "\x1f", "🙂", "🙂мигрант🙂", "\u0301", "е\u0308", "\ufeff", "\u200b", "\ud7ff",
    "ﷺ", "٣", "²", "½", "ⅷ", "ǅ", "ß", "İ", "ﬁ", "мигрант" * 100, "a " * 500, "мигрант " + "x" * 5000,
]


@pytest.mark.parametrize("query", NASTY, ids=[repr(q)[:30] for q in NASTY])
def test_no_query_raises(search_engine, query) -> None:
    hits = corpus.search(search_engine, query)
    corpus.facets(search_engine, query)
    assert isinstance(hits, list)
    if not query_tokens(query):
        assert hits == []


@pytest.mark.parametrize("query", ["-мигрант", "мигрант*", '"мигрант', "NEAR(мигрант)", "мигрант:*",
                                   "(мигрант)", "мигрант OR", "\x02мигрант\x03", "🙂мигрант🙂"])
def test_syntax_around_a_word_is_ignored(search_engine, query) -> None:
    plain = [h.passage_id for h in corpus.search(search_engine, "мигрант")]
    words = [w for w in query_tokens(query) if w not in ("near", "or")]
    assert words == ["мигрант"]
    if query_tokens(query) == ["мигрант"]:
        assert [h.passage_id for h in corpus.search(search_engine, query)] == plain


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_random_queries_never_raise(search_engine, query) -> None:
    corpus.search(search_engine, query, limit=5)


# --- pure helpers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, tokens", [
    ("Кореяда", ["кореяда"]),
    ("Ёлка  ЁЛКА", ["елка"]),
    ("көші-қон", ["көші", "қон"]),
    ('NEAR("a" b)*', ["near", "a", "b"]),
    ("snake_case", ["snake", "case"]),
    ("126 мың", ["126", "мың"]),
    ("🙂 ... ***", []),
])
def test_query_tokens(query, tokens) -> None:
    assert query_tokens(query) == tokens


H, E = HIGHLIGHT_START, HIGHLIGHT_END


@pytest.mark.parametrize("headline, original, expected", [
    (f"Все {H}еще{E} нет", "Всё ещё нет", f"Всё {H}ещё{E} нет"),
    (f"{H}Елка{E} стоит", "Ёлка стоит, а ёжик бежит", f"{H}Ёлка{E} стоит …"),
    (f"а {H}ежик{E}", "Ёлка стоит, а ёжик", f"… а {H}ёжик{E}"),
    (f"{H}Елка{E}\x1fа {H}ежик{E}", "Ёлка стоит, а ёжик", f"{H}Ёлка{E} … а {H}ёжик{E}"),
    (f"{H}Елка{E} стоит,\x1f а {H}ежик{E}", "Ёлка стоит, а ёжик", f"{H}Ёлка{E} стоит, а {H}ёжик{E}"),
])
def test_restore_original_letters_in_headlines(headline, original, expected) -> None:
    assert _restore_original(headline, original) == expected


@pytest.mark.parametrize("original, tokens, expected", [
    ("мигранттар келді", ["грант"], f"ми{H}грант{E}тар келді"),
    ("Ёжиктер мен ежиктер", ["ежик"], f"{H}Ёжик{E}тер мен {H}ежик{E}тер"),
    ("x " * 200 + "мигрант", ["грант"], "…" + "x " * 31 + f"ми{H}грант{E}"),
    ("мигрант " + "x " * 200, ["грант"], f"ми{H}грант{E} " + "x " * 95 + "x…"),
])
def test_substring_snippet(original, tokens, expected) -> None:
    assert substring_snippet(original, tokens) == expected


def test_split_highlights() -> None:
    assert split_highlights(f"a {H}b{E} c {H}d{E}") == [("a ", False), ("b", True), (" c ", False), ("d", True)]
