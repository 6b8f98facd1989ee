"""One person, one entity in the store, on SQLite and PostgreSQL: the samples ingested, person mentions
clustered (kk/ru spellings, initials, case forms), different people kept apart, signatories resolved to
the gazetteer's deputies with their inquiries, and a party named with the word for faction is the faction."""

from __future__ import annotations

import pytest

import corpus
from ingest import read
from nlp import Analysis, Entity
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def persons_engine(module_db_url: str):
    report = corpus.build_sample_corpus(module_db_url, SAMPLES)
    assert report.ok, report.failed
    return corpus.get_engine(module_db_url)


def people(engine) -> dict[str, set[str]]:
    """Entity key → every canonical form of the person entities listed."""
    return {s.key: {f for forms in s.names.values() for f in forms} for s in corpus.list_entities(engine, label="PER")}


def key_of(found: dict[str, set[str]], form: str) -> str:
    (key,) = [k for k, forms in found.items() if form in forms]
    return key


@pytest.mark.parametrize("forms", [
    {"К. Иса", "Қ. Иса"},
    {"Б. Жусипов", "Б. Жүсіпов"},
    {"Е. Абдиев", "Е. Әбдиев", "Е.Т. Әбдиев"},
    {"А. Зейнуллин", "А.Т. Зейнуллин"},
    {"Н. Әуесбаев", "Н.С. Әуесбаев"},
    {"Аскарбек Ертаев", "Ертаев", "Ертаева"},
    {"М. Ескендіров", "М. Искандиров"},
])
def test_one_row_per_person(persons_engine, forms: set[str]) -> None:
    found = people(persons_engine)
    keys = {key_of(found, f) for f in forms}
    assert len(keys) == 1
    assert forms <= found[keys.pop()]


@pytest.mark.parametrize(("a", "b"), [
    ("Қ. Иса", "Қ. Абден"), ("Е. Абдиев", "Е. Бейсенбаев"), ("Б. Жусипов", "Б. Керімбек"),
    ("Н. Әуесбаев", "Н. Сайлаубай"), ("Аскарбек Ертаев", "Кененбай Қожабеков"),
])
def test_different_people_stay_apart(persons_engine, a: str, b: str) -> None:
    found = people(persons_engine)
    assert key_of(found, a) != key_of(found, b)


def test_display_name_is_the_fullest_form(persons_engine) -> None:
    found = {s.key: s for s in corpus.list_entities(persons_engine, label="PER")}
    assert found["PER:Аскарбек Ертаев"].name == "Askarbek Yertayev"
    assert found["kz.deputy.issa"].name == "Kazybek Isa" and found["kz.deputy.issa"].documents == 2
    detail = corpus.get_entity(persons_engine, "PER:Ертаева")  # a form's own key opens its person
    assert detail.key == "PER:Аскарбек Ертаев" and len(detail.mention_list) >= 3


def test_signatories_resolve_to_deputies_with_their_inquiries(persons_engine) -> None:
    signed = corpus.signed_inquiries(persons_engine, "kz.deputy.abdiyev")
    assert len(signed) == 3 and {s.signature for s in signed} == {"Е. Абдиев", "Е. Әбдиев", "Е.Т. Әбдиев"}
    assert all(s.faction == "AMANAT faction" for s in signed)  # the Russian block names none: the gazetteer's
    assert all(s.addressees for s in signed) and all(s.date for s in signed)
    assert corpus.signed_inquiries(persons_engine, "kz.person.bektenov") == []
    inquiries = {s.id for s in corpus.list_inquiries(persons_engine)}
    for deputy in ("kz.deputy.issa", "kz.deputy.peruashev", "kz.deputy.sagandykova"):
        assert {s.document_id for s in corpus.signed_inquiries(persons_engine, deputy)} <= inquiries
    assert corpus.signed_inquiries(persons_engine, "kz.deputy.sagandykova")[0].faction == "NSDP faction"


def test_search_entity_filter_takes_the_cluster(persons_engine) -> None:
    hits = corpus.search(persons_engine, "Ертаев", entity="PER:Аскарбек Ертаев")
    assert hits and len({h.document_id for h in hits}) == 1


def test_faction_named_over_a_paragraph_break_is_the_faction(persons_engine) -> None:
    orgs = {s.key: s for s in corpus.list_entities(persons_engine, label="ORG")}
    amanat = corpus.get_entity(persons_engine, "kz.faction.amanat")
    assert any(m.text == "«AMANAT» партиясы" for m in amanat.mention_list)
    party = orgs.get("kz.party.amanat")
    assert party is None or all("фракци" not in m.quote[m.quote_end:m.quote_end + 12].lower()
                                for m in corpus.get_entity(persons_engine, "kz.party.amanat").mention_list)


def test_recompute_is_incremental_and_a_new_document_joins_or_stays_apart(persons_engine) -> None:
    assert corpus.recompute_person_keys(persons_engine) == 0  # nothing changed since the ingest
    doc = read(SAMPLES / "seeds" / "003_47f95be80caae6ce.txt")
    text = "Вице-министр Ертаевой А. Иса и Иса, Е.Т. Абдиеву."
    doc.text, doc.sha256 = text, "f" * 64
    doc.paragraphs, doc.pages = [], []
    entities = [Entity(text=w, start=text.index(w), end=text.index(w) + len(w), label="PER", canonical=c)
                for w, c in (("Ертаевой", "Ертаевой"), ("А. Иса", "А. Иса"), ("Иса,", "Иса"),
                             ("Е.Т. Абдиеву", "Е.Т. Абдиев"))]
    corpus.store_document(persons_engine, doc, Analysis(entities=entities))
    assert corpus.recompute_person_keys(persons_engine) == 4
    found = people(persons_engine)
    assert key_of(found, "Е.Т. Абдиев") == "kz.deputy.abdiyev"
    assert key_of(found, "А. Иса") != "kz.deputy.issa"
    assert key_of(found, "Иса") not in (key_of(found, "А. Иса"), "kz.deputy.issa")  # two fit: apart
    assert key_of(found, "Ертаевой") != "PER:Аскарбек Ертаев"  # feminine: not him
