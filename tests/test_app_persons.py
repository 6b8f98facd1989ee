"""The Entity page of a deputy lists the inquiries they signed (date, addressee, link to the Inquiry
page), and the Entities page and Search facet show one row per person (AppTest, on the samples plus one
hostile inquiry signed by a deputy)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

import pytest

import corpus
from nlp import Analysis, Signatory
from tests.conftest import SAMPLES
from tests.fixtures_db import synthetic_document
from tests.test_app_entities import body, entity_links, run_page

HOSTILE_TITLE = "Запрос <img src=x onerror=alert(1)>"
HOSTILE_SIGNATURE = "<b>К. Иса</b>"


@pytest.fixture(scope="module")
def persons_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('persons-app') / 'saual.db'}"
    assert corpus.build_sample_corpus(url, SAMPLES).ok
    doc = synthetic_document([("Уважаемый!", "ru"), (HOSTILE_SIGNATURE, "ru")], path="hostile.txt",
                             kind="inquiry", date=dt.date(2030, 1, 1), title=HOSTILE_TITLE)
    at = doc.text.index(HOSTILE_SIGNATURE)
    corpus.store_document(corpus.get_engine(url), doc, Analysis(signatories=[
        Signatory(HOSTILE_SIGNATURE, at, at + len(HOSTILE_SIGNATURE), name=HOSTILE_SIGNATURE, faction="<u>X</u>",
                  id="kz.deputy.issa")]))
    corpus.close_engine(url)
    return url


def links(at, label: str) -> list[dict[str, str]]:
    return [{k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
            for link in at.get("page_link") if link.proto.label == label]


def test_deputy_entity_page_lists_signed_inquiries(persons_url, monkeypatch) -> None:
    at = run_page(persons_url, monkeypatch, "views/entity.py", entity="kz.deputy.abdiyev")
    signed = corpus.signed_inquiries(corpus.get_engine(persons_url), "kz.deputy.abdiyev")
    html = body(at)
    assert [s.value for s in at.subheader if s.value.startswith("Inquiries signed")] == ["Inquiries signed (3)"]
    assert links(at, "Open inquiry") == [{"doc": str(s.document_id)} for s in signed]
    assert "2025-05-21 · to Olzhas Bektenov · signed “Е.Т. Әбдиев” · AMANAT faction" in html
    assert "Yermek Kosherbayev" in html  # the addressee of another of the three


def test_signed_inquiries_are_escaped_and_newest_first(persons_url, monkeypatch) -> None:
    at = run_page(persons_url, monkeypatch, "views/entity.py", entity="kz.deputy.issa")
    html = body(at)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;К. Иса&lt;/b&gt;" in html
    opened = links(at, "Open inquiry")
    assert len(opened) == 3 and opened[0]["doc"] == str(max(int(o["doc"]) for o in opened))  # 2030 first


def test_no_signed_inquiries_for_other_entities(persons_url, monkeypatch) -> None:
    for key in ("kz.person.bektenov", "PER:Аскарбек Ертаев", "country.kr"):
        at = run_page(persons_url, monkeypatch, "views/entity.py", entity=key)
        assert not links(at, "Open inquiry")
        assert not [s for s in at.subheader if s.value.startswith("Inquiries signed")]


def test_entities_page_shows_one_row_per_person(persons_url, monkeypatch) -> None:
    at = run_page(persons_url, monkeypatch, "views/entities.py", label="PER")
    keys = [k for m in at.markdown for k in entity_links(m.value)]
    assert len(keys) == len(set(keys))
    assert {"kz.deputy.issa", "kz.deputy.abdiyev", "PER:Аскарбек Ертаев", "PER:Б. Жүсіпов"} <= set(keys)
    assert not {"PER:К. Иса", "PER:Қ. Иса", "PER:Ертаев", "PER:Ертаева", "PER:Б. Жусипов", "PER:Е. Абдиев"} & set(keys)


def test_search_facet_shows_the_person_once(persons_url, monkeypatch) -> None:
    at = run_page(persons_url, monkeypatch, None, q="Ертаев")
    facet = at.selectbox(key="search_entity")
    assert [o for o in facet.options if "Yertayev" in o] == ["Askarbek Yertayev (Person) · 1"]
    facet.select("PER:Аскарбек Ертаев").run()
    assert at.query_params.get("entity") == "PER:Аскарбек Ертаев"
    assert [link for link in at.get("page_link") if "doc=" in link.proto.query_string]
