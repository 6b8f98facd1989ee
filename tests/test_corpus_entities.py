"""Entities across the corpus (list_entities, get_entity, entity_facets, search's entity filter) on
SQLite and PostgreSQL.

The documents are real samples read by ingest; their entity mentions, figures and demands are
written by hand at the real offsets of the words, so these tests do not depend on the extractors.
"""

from __future__ import annotations

import pytest

import corpus
from corpus.entities import entity_key
from ingest import read
from nlp import Analysis, Demand, Entity
from tests.test_corpus_figures import KK_INQUIRY, RU_NEWS, kk_figures, ru_figures

KOREA, RUSSIA = "country.kr", "country.ru"
YERTAYEV, SMAILOV = "person.yertayev", "person.smailov"
MTSZN = "ORG:МТСЗН РК"  # an unlinked organisation: LABEL:canonical
MINISTRY_KK = "ORG:Еңбек және халықты әлеуметтік қорғау министрлігі"


def mention(text: str, needle: str, label: str, canonical: str, *, after: str = "", **fields) -> Entity:
    """An Entity on the first occurrence of `needle` after the first occurrence of `after`."""
    at = text.index(needle, text.index(after) if after else 0)
    return Entity(text=needle, start=at, end=at + len(needle), label=label, canonical=canonical, **fields)


def ru_entities(text: str) -> list[Entity]:
    kr = {"id": KOREA, "name_en": "South Korea"}
    yer = {"id": YERTAYEV, "name_en": "Askarbek Yertayev"}
    return [
        mention(text, "МТСЗН РК", "ORG", "МТСЗН РК"),
        mention(text, "Аскарбек Ертаев", "PER", "Ертаев Аскарбек", **yer),
        mention(text, "России", "LOC", "Россия", id=RUSSIA, name_en="Russia"),
        mention(text, "Южной Корее", "LOC", "Южная Корея", **kr),
        mention(text, "Ертаев", "PER", "Ертаев", after="Ертаев отметил", **yer),
        mention(text, "Южной Кореей", "LOC", "Южная Корея", **kr),
        mention(text, "Корее", "LOC", "Корея", after="работающих в", **kr),
        mention(text, "Ертаева", "PER", "Ертаев", **yer),
    ]


def kk_entities(text: str) -> list[Entity]:
    kr = {"id": KOREA, "name_en": "South Korea"}
    return [
        mention(text, "Әлихан Асханұлы", "PER", "Әлихан Асханұлы", id=SMAILOV, name_en="Alikhan Smailov"),
        mention(text, "Оңтүстік Кореяда", "LOC", "Оңтүстік Корея", after="Ресми дерек", **kr),
        mention(text, "Еңбек және халықты әлеуметтік қорғау министрлігінің", "ORG",
                "Еңбек және халықты әлеуметтік қорғау министрлігі"),
        mention(text, "Оңтүстік Кореяда", "LOC", "Оңтүстік Корея", after="2. Екі ел", **kr),
    ]


def kk_demands(text: str) -> list[Demand]:
    first, second = text.index("1. Қазақстанды"), text.index("2. Екі ел")
    end = text.index("тапсырамын.", second) + len("тапсырамын.")
    return [
        Demand(text=text[first:second].strip(), start=first, end=text.index("тапсырамын.", first) + 11,
               type="demand", number=1),
        Demand(text=text[second:end], start=second, end=end, type="demand", number=2),
        # starts in the first proposal's passage, overlaps the Korea mention of the second one
        Demand(text=text[first:end], start=first, end=end, type="question"),
    ]


@pytest.fixture(scope="module")
def entities_engine(module_engine):
    engine = module_engine
    ru, kk = read(RU_NEWS), read(KK_INQUIRY)
    corpus.store_document(engine, ru, Analysis(figures=ru_figures(ru.text), entities=ru_entities(ru.text)))
    corpus.store_document(engine, kk, Analysis(figures=kk_figures(kk.text), entities=kk_entities(kk.text),
                                               demands=kk_demands(kk.text)))
    return engine


def test_entity_key() -> None:
    assert entity_key("country.kr", "LOC", "Корея") == "country.kr"
    assert entity_key(None, "ORG", "МТСЗН РК") == "ORG:МТСЗН РК"
    assert entity_key("", "PER", "Ертаев") == "PER:Ертаев"


def test_entities_are_grouped_by_id_across_languages(entities_engine) -> None:
    found = corpus.list_entities(entities_engine)
    assert [(e.key, e.documents, e.mentions) for e in found] == [
        (KOREA, 2, 5), (YERTAYEV, 1, 3), (SMAILOV, 1, 1), (RUSSIA, 1, 1), (MINISTRY_KK, 1, 1), (MTSZN, 1, 1)]
    korea = found[0]
    assert korea.label == "LOC" and korea.name_en == "South Korea" and korea.id == KOREA
    assert korea.names == {"kk": ["Оңтүстік Корея"], "ru": ["Южная Корея", "Корея"]}
    assert korea.names_kk == ["Оңтүстік Корея"] and korea.name == "South Korea"
    unlinked = next(e for e in found if e.key == MTSZN)
    assert unlinked.id is None and unlinked.name_en is None and unlinked.name == "МТСЗН РК"
    assert unlinked.label == "ORG"


@pytest.mark.parametrize("filters, keys", [
    ({"label": "PER"}, [YERTAYEV, SMAILOV]),
    ({"label": "ORG"}, [MINISTRY_KK, MTSZN]),
    ({"language": "kk"}, [KOREA, SMAILOV, MINISTRY_KK]),
    ({"query": "Корея"}, [KOREA]),
    ({"query": "кореяда"}, [KOREA]),  # an inflected query word matches by its stem
    ({"query": "KOREA"}, [KOREA]),  # the English name, case-insensitively
    ({"query": "Ертаева"}, [YERTAYEV]),  # a surface form
    ({"query": "person"}, [YERTAYEV, SMAILOV]),  # the id
    ({"query": "министрлігі еңбек"}, [MINISTRY_KK]),  # every word, in any order
    ({"query": "мтсзн", "label": "PER"}, []),
    ({"query": "Атлантида"}, []),
    ({"query": "  "}, [KOREA, YERTAYEV, SMAILOV, RUSSIA, MINISTRY_KK, MTSZN]),
    ({"limit": 2, "offset": 1}, [YERTAYEV, SMAILOV]),
    ({"limit": 0}, []),
])
def test_list_entities_filters(entities_engine, filters, keys) -> None:
    assert [e.key for e in corpus.list_entities(entities_engine, **filters)] == keys


def test_language_filter_counts_mentions_in_that_language(entities_engine) -> None:
    (korea,) = corpus.list_entities(entities_engine, language="ru", query="Korea")
    assert (korea.mentions, korea.documents) == (3, 1) and list(korea.names) == ["ru"]


def test_get_entity_has_every_mention_with_its_quote(entities_engine) -> None:
    korea = corpus.get_entity(entities_engine, KOREA)
    assert korea is not None and (korea.mentions, korea.documents) == (5, 2)
    assert [m.text for m in korea.mention_list] == [
        "Южной Корее", "Южной Кореей", "Корее", "Оңтүстік Кореяда", "Оңтүстік Кореяда"]  # newest document first
    ru, kk = read(RU_NEWS), read(KK_INQUIRY)
    assert korea.document_ids() == [korea.mention_list[0].document_id, korea.mention_list[-1].document_id]
    for m in korea.mention_list:
        assert m.quote[m.quote_start:m.quote_end] == m.text
        doc = ru if m.language == "ru" else kk
        assert doc.text[m.start:m.end] == m.text and m.passage_id is not None and m.page == 1
        assert m.doc_kind == ("news" if m.language == "ru" else "inquiry")
    assert korea.mention_list[0].quote == "15 тыс. находятся в Южной Корее."
    assert korea.mention_list[0].title == ru.title and korea.mention_list[0].date == ru.date


def test_figures_and_demands_that_mention_the_entity(entities_engine) -> None:
    korea = corpus.get_entity(entities_engine, KOREA)
    # figures in a passage with a mention of Korea; the others (126, 102 thousand) are not
    assert [f.text for f in korea.figures] == ["15 тыс.", "11 тыс.", "9600", "8902", "10 707", "11 413",
                                               "20 мыңға жуық"]
    for f in korea.figures:
        assert f.quote[f.quote_start:f.quote_end] == f.text
    # the second proposal shares the mention's passage; the question overlaps it from the passage before
    assert [(d.type, d.number) for d in korea.demands] == [("question", None), ("demand", 2)]
    assert korea.demands[1].text.startswith("2. Екі ел") and korea.demands[1].passage_id == korea.mention_list[-1].passage_id
    smailov = corpus.get_entity(entities_engine, SMAILOV)
    assert smailov.figures == [] and smailov.demands == []
    russia = corpus.get_entity(entities_engine, RUSSIA)
    assert [f.text for f in russia.figures] == ["102 тыс."]


@pytest.mark.parametrize("key, found", [
    (MTSZN, 1), (MINISTRY_KK, 1), ("PER:Ертаев", 0),  # linked mentions are reached by their id only
    ("country.xx", 0), ("", 0), ("ORG:", 0), (":", 0), ("ORG:МТСЗН", 0), ("org:МТСЗН РК", 0),
])
def test_get_entity_by_key(entities_engine, key, found) -> None:
    entity = corpus.get_entity(entities_engine, key)
    assert (entity.mentions if entity else 0) == found
    if entity:
        assert entity.key == key and entity.label == "ORG" and entity.id is None


def test_entity_facets_count_documents_matching_the_query(entities_engine) -> None:
    top = corpus.entity_facets(entities_engine)
    assert [e.key for e in top] == [e.key for e in corpus.list_entities(entities_engine)] and len(top) == 6
    assert [(e.key, e.documents) for e in corpus.entity_facets(entities_engine, "Ертаев")] == [
        (YERTAYEV, 1), (KOREA, 1), (RUSSIA, 1), (MTSZN, 1)]
    assert [e.key for e in corpus.entity_facets(entities_engine, "тапсырамын")] == [KOREA, SMAILOV, MINISTRY_KK]
    assert corpus.entity_facets(entities_engine, "несуществующееслово") == []
    assert corpus.entity_facets(entities_engine, "!!!") == []
    assert len(corpus.entity_facets(entities_engine, limit=2)) == 2


@pytest.mark.parametrize("entity, languages", [
    (None, {"ru", "kk"}), (KOREA, {"ru", "kk"}), (SMAILOV, {"kk"}), (MTSZN, {"ru"}), (RUSSIA, {"ru"}),
    ("LOC:Атлантида", set()), ("PER:Ертаев", set()),
])
def test_search_filters_by_entity(entities_engine, entity, languages) -> None:
    hits = corpus.search(entities_engine, "Корее", entity=entity, limit=200)
    assert {h.doc_language for h in hits} == languages
    if entity:
        documents = set(corpus.get_entity(entities_engine, entity).document_ids()) if languages else set()
        assert {h.document_id for h in hits} <= documents


def test_unlinked_search_key_with_colons(engine, make_document) -> None:
    doc = make_document([("Ведомство «А: Б» сообщило.", "ru")])
    at = doc.text.index("«А: Б»")
    corpus.store_document(engine, doc, Analysis(entities=[
        Entity(text="«А: Б»", start=at, end=at + 6, label="ORG", canonical="А: Б")]))
    (summary,) = corpus.list_entities(engine)
    assert summary.key == "ORG:А: Б"
    assert corpus.get_entity(engine, summary.key).mention_list[0].quote_start == at
    assert len(corpus.search(engine, "ведомство", entity=summary.key)) == 1
