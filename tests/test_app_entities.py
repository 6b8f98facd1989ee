"""The Entities and Entity pages, the Search page's entity facet and entity marks on the Document
page (AppTest), and their pure helpers.

The corpus holds real sample documents with entity mentions, figures and demands written by hand at
the real offsets of their words (tests/test_corpus_entities.py), plus one hostile document, so the
tests do not depend on the entity extractor's current output.
"""

from __future__ import annotations

import csv
import html as html_module
import io
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import corpus
from ingest import read
from nlp import Analysis, Entity, Figure
from tests.test_corpus_entities import (
    KOREA,
    MTSZN,
    SMAILOV,
    kk_demands,
    kk_entities,
    ru_entities,
)
from tests.test_corpus_figures import KK_INQUIRY, RU_NEWS, kk_figures, ru_figures
from ui.app.components import (
    MENTION_COLUMNS,
    EntityMark,
    FigureMark,
    PassageSpan,
    mentions_to_csv,
    render_document_text,
)
from ui.app.components.entities_view import entity_href, mention_quote_html

APP = Path(__file__).resolve().parent.parent / "ui" / "app" / "main.py"
HOSTILE = "Министр <script>alert(1)</script> **Иванов** [x](http://x.kz) приехал в Астану."
HOSTILE_KEY = "PER:<script>Иванов"


@pytest.fixture(scope="module")
def entities_url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("entities-app")
    url = f"sqlite:///{folder / 'saual.db'}"
    engine = corpus.get_engine(url)
    ru, kk = read(RU_NEWS), read(KK_INQUIRY)
    corpus.store_document(engine, ru, Analysis(figures=ru_figures(ru.text), entities=ru_entities(ru.text)))
    corpus.store_document(engine, kk, Analysis(figures=kk_figures(kk.text), entities=kk_entities(kk.text),
                                               demands=kk_demands(kk.text)))
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE + "\n", encoding="utf-8")
    doc = read(hostile)
    who, city = doc.text.index("**Иванов**"), doc.text.index("Астану")
    script = doc.text.index("<script>")
    corpus.store_document(engine, doc, Analysis(
        entities=[Entity(text="**Иванов**", start=who, end=who + 10, label="PER", canonical="<script>Иванов"),
                  Entity(text="Астану", start=city, end=city + 6, label="LOC", canonical="Астана",
                         id="kz.city.astana", name_en="Astana <b>capital</b>")],
        figures=[Figure(text="<script>", start=script, end=script + 8, value=1)]))  # crosses nothing
    corpus.close_engine(url)
    return url


def run_page(url: str, monkeypatch: pytest.MonkeyPatch, page: str | None, **params: str):
    """The explorer (switched to `page` when given) with these URL parameters, run once."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SAUAL_DATABASE_URL", url)
    at = AppTest.from_file(str(APP), default_timeout=120)
    if page is None:
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
    else:
        at.run()
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def body(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def entity_links(html: str) -> list[str]:
    """The entity keys of every Entity page link in the HTML, in order."""
    keys = []
    for part in html.split('href="entity?entity=')[1:]:
        keys.append(unquote(html_module.unescape(part.split('"', 1)[0])))
    return keys


def passage_links(at, label: str) -> list[dict[str, str]]:
    out = []
    for link in at.get("page_link"):
        if link.proto.label == label:
            out.append({k: v[0] for k, v in parse_qs(link.proto.query_string).items()})
    return out


# ---------------------------------------------------------------- Entities page

def test_entities_page_lists_every_entity_with_a_link(entities_url, monkeypatch) -> None:
    at = run_page(entities_url, monkeypatch, "views/entities.py")
    expected = corpus.list_entities(corpus.get_engine(entities_url))
    assert len(expected) == 8
    table = next(m.value for m in at.markdown if "saual-entities-table" in m.value)
    assert entity_links(table) == [e.key for e in expected]
    assert "South Korea" in table and "kk&#58; Оңтүстік Корея; ru&#58; Южная Корея, Корея" in table
    assert "8 entities" in body(at)


@pytest.mark.parametrize("params, keys", [
    ({"label": "PER"}, ["person.yertayev", HOSTILE_KEY, SMAILOV]),
    ({"q": "Корея"}, [KOREA]),
    ({"q": "мтсзн", "label": "ORG"}, [MTSZN]),
    ({"q": "Атлантида"}, []),
    ({"label": "XYZ"}, None),  # a malformed type is ignored: every entity
])
def test_entities_page_filters_round_trip(entities_url, monkeypatch, params, keys) -> None:
    at = run_page(entities_url, monkeypatch, "views/entities.py", **params)
    tables = [m.value for m in at.markdown if "saual-entities-table" in m.value]
    if keys is None:
        keys = [e.key for e in corpus.list_entities(corpus.get_engine(entities_url))]
        params = {}
    assert (entity_links(tables[0]) if tables else []) == keys
    assert {k: at.query_params[k] for k in at.query_params} == params
    assert any("No entities match" in w.value for w in at.warning) == (not keys)


def test_entities_page_type_filter_goes_into_the_url(entities_url, monkeypatch) -> None:
    at = run_page(entities_url, monkeypatch, "views/entities.py")
    at.selectbox(key="ent_label").select("LOC").run()
    assert at.query_params.get("label") == "LOC"
    table = next(m.value for m in at.markdown if "saual-entities-table" in m.value)
    assert entity_links(table) == [KOREA, "kz.city.astana", "country.ru"]
    at.text_input(key="ent_q").input("Russia").run()
    assert at.query_params.get("q") == "Russia"
    assert entity_links(next(m.value for m in at.markdown if "saual-entities-table" in m.value)) == ["country.ru"]


# ---------------------------------------------------------------- Entity page

def test_entity_page_shows_names_mentions_figures_and_demands(entities_url, monkeypatch) -> None:
    at = run_page(entities_url, monkeypatch, "views/entity.py", entity=KOREA)
    korea = corpus.get_entity(corpus.get_engine(entities_url), KOREA)
    html = body(at)
    assert '<h1 class="saual-entity-title">South Korea</h1>' in html
    assert "Оңтүстік Корея" in html and "Южная Корея" in html and "Place · country.kr · 2 documents" in html
    assert passage_links(at, "Open passage") == [{"doc": str(m.document_id), "p": str(m.passage_id)}
                                                  for m in korea.mention_list]
    quotes = [m.value for m in at.markdown if 'class="saual-snippet"' in m.value and "entity-LOC" in m.value]
    assert len(quotes) == 5
    for m, quote in zip(korea.mention_list, quotes):
        assert f'<mark class="entity entity-LOC">{m.text}</mark>' in quote
    assert len(passage_links(at, "Open figure")) == 7 and len(passage_links(at, "Open demand")) == 2
    assert "Екі ел арасында" in html
    assert [b.label for b in at.get("download_button")] == ["Download mentions (CSV)"]
    (search,) = passage_links(at, "Search the documents that mention it")
    assert search == {"entity": KOREA}


@pytest.mark.parametrize("key, message", [("country.xx", "No entity"), ("", "Choose an entity")])
def test_entity_page_unknown_or_missing_key(entities_url, monkeypatch, key, message) -> None:
    at = run_page(entities_url, monkeypatch, "views/entity.py", **({"entity": key} if key else {}))
    assert any(message in x.value for x in [*at.warning, *at.info])
    assert not passage_links(at, "Open passage")


def test_unlinked_and_hostile_entities_are_escaped(entities_url, monkeypatch) -> None:
    at = run_page(entities_url, monkeypatch, "views/entity.py", entity=HOSTILE_KEY)
    html = body(at)
    assert "<script" not in html and "**" not in html
    assert "&lt;script&gt;Иванов" in html and "not linked to the gazetteer" in html
    assert '<mark class="entity entity-PER">&#42;&#42;Иванов&#42;&#42;</mark>' in html
    listing = run_page(entities_url, monkeypatch, "views/entities.py", label="PER")
    table = body(listing)
    assert "<script" not in table and HOSTILE_KEY in entity_links(table) and "<b>" not in table


# ---------------------------------------------------------------- Search facet

def search_links(at) -> list[dict[str, str]]:
    return passage_links(at, "Open passage")


def test_search_entity_facet_reduces_results_and_goes_into_the_url(entities_url, monkeypatch) -> None:
    at = run_page(entities_url, monkeypatch, None, q="Корее")
    everything = search_links(at)
    assert {link["doc"] for link in everything} == {"1", "2"}
    facet = at.selectbox(key="search_entity")
    assert facet.options[0] == "Any entity" and facet.options[1] == "South Korea (Place) · 2"
    facet.select(SMAILOV).run()
    assert at.query_params.get("entity") == SMAILOV
    reduced = search_links(at)
    assert reduced and len(reduced) < len(everything) and {link["doc"] for link in reduced} == {"2"}
    assert all(link.get("entity") == SMAILOV for link in reduced)  # the Document page keeps it for "Back"
    at.button[-1].click().run()  # Clear filters
    assert not at.query_params.get("entity") and len(search_links(at)) == len(everything)


@pytest.mark.parametrize("entity, docs", [(MTSZN, {"1"}), (KOREA, {"1", "2"}), ("LOC:Атлантида", set())])
def test_search_entity_permalink(entities_url, monkeypatch, entity, docs) -> None:
    at = run_page(entities_url, monkeypatch, None, q="Корее", entity=entity)
    assert at.selectbox(key="search_entity").value == entity
    assert {link["doc"] for link in search_links(at)} == docs
    assert at.query_params.get("entity") == entity and at.query_params.get("q") == "Корее"


# ---------------------------------------------------------------- Document page

def test_document_page_marks_entities_and_links_them(entities_url, monkeypatch) -> None:
    engine = corpus.get_engine(entities_url)
    korea = corpus.get_entity(engine, KOREA)
    ru = korea.mention_list[0]
    at = run_page(entities_url, monkeypatch, None, doc=str(ru.document_id), p=str(ru.passage_id))
    text = next(m.value for m in at.markdown if m.value.startswith('<div class="saual-doc"'))
    doc = corpus.get_document(engine, ru.document_id)
    assert text.count('<mark class="entity entity-') == len(doc.entities) == 8
    assert text.count('<mark class="figure"') == len(doc.figures)
    assert ('<a class="saual-entity-link" href="entity?entity=country.kr" target="_self">'
            '<mark class="entity entity-LOC" title="South Korea · Place">Южной Корее</mark></a>') in text
    assert f'href="{entity_href(MTSZN)}"' in text
    listing = next(m.value for m in at.markdown if "saual-entity-list" in m.value and "Person" in m.value)
    assert entity_links(listing) == ["person.yertayev"] and "×3" in listing


def test_document_page_escaping_holds_with_entity_marks(entities_url, monkeypatch) -> None:
    engine = corpus.get_engine(entities_url)
    (hit,) = corpus.get_entity(engine, HOSTILE_KEY).mention_list
    at = run_page(entities_url, monkeypatch, None, doc=str(hit.document_id))
    html = body(at)
    assert "<script" not in html and "<b>" not in html and "**" not in html
    text = next(m.value for m in at.markdown if m.value.startswith('<div class="saual-doc"'))
    assert '<mark class="figure" title="1 · Source not stated">&lt;script&gt;</mark>' in text
    assert '<mark class="entity entity-PER"' in text and "Astana &lt;b&gt;capital&lt;/b&gt;" in text


# ---------------------------------------------------------------- pure helpers

def test_crossing_and_nested_marks_always_nest() -> None:
    text = "ab 12 345 Кореяда cd"
    fig, ent = text.index("12"), text.index("345")
    end = text.index(" cd")
    html = render_document_text(text, [(1, 0, len(text))], [PassageSpan(1, 0, len(text))],
                                figures=[FigureMark(fig, fig + 6, "f")],
                                entities=[EntityMark(ent, end, "LOC", "Korea", "entity?entity=country.kr")])
    inner = html.split('id="passage-1">', 1)[1].split("</p>", 1)[0]
    # the entity crosses the figure's end: closed there and reopened after
    assert inner == ('ab <mark class="figure" title="f">12 <a class="saual-entity-link" href="entity?entity=country.kr" '
                     'target="_self"><mark class="entity entity-LOC" title="Korea">345</mark></a></mark>'
                     '<a class="saual-entity-link" href="entity?entity=country.kr" target="_self">'
                     '<mark class="entity entity-LOC" title="Korea"> Кореяда</mark></a> cd')
    nested = render_document_text(text, [(1, 0, len(text))], [PassageSpan(1, 0, len(text))],
                                  figures=[FigureMark(ent, ent + 3)], entities=[EntityMark(fig, end, "PER")])
    assert '<mark class="entity entity-PER">12 <mark class="figure">345</mark> Кореяда</mark>' in nested


@pytest.mark.parametrize("marks", [
    [(0, 5, "f"), (3, 9, "e"), (2, 4, "e"), (8, 12, "f"), (10, 20, "e"), (15, 16, "f"), (0, 20, "e")],
    [(1, 2, "f"), (1, 2, "e"), (5, 5, "e"), (4, 30, "f"), (-3, 2, "e")],
])
def test_marks_balance_and_keep_the_text(marks) -> None:
    import re

    text = "<b>x</b> & *y* Корея [z](u)"
    figures = [FigureMark(s, e) for s, e, k in marks if k == "f"]
    entities = [EntityMark(s, e, "ORG", "t") for s, e, k in marks if k == "e"]
    html = render_document_text(text, [(1, 0, 12), (2, 12, len(text))], [PassageSpan(1, 0, len(text))],
                                figures=figures, entities=entities)
    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0 and "<b>" not in html and "*" not in html
    plain = re.sub(r"<[^>]+>", "", html.split('id="passage-1">', 1)[1].split("</p>", 1)[0])
    assert plain.replace("— page 2 —", "") == (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                                              .replace("*", "&#42;").replace("[", "&#91;").replace("]", "&#93;"))


def test_mention_quote_and_csv(entities_url) -> None:
    assert mention_quote_html("a <b> Корея", 6, 11, "LOC") == 'a &lt;b&gt; <mark class="entity entity-LOC">Корея</mark>'
    assert mention_quote_html("x", 0, 1, "<x>") == '<mark class="entity entity-x">x</mark>'
    assert entity_href("ORG:МТСЗН РК") == "entity?entity=ORG%3A%D0%9C%D0%A2%D0%A1%D0%97%D0%9D%20%D0%A0%D0%9A"
    korea = corpus.get_entity(corpus.get_engine(entities_url), KOREA)
    rows = list(csv.DictReader(io.StringIO(mentions_to_csv(korea.key, korea.mention_list).lstrip("\ufeff"))))
    assert list(rows[0]) == list(MENTION_COLUMNS) and len(rows) == 5
    assert [r["text"] for r in rows] == [m.text for m in korea.mention_list]
    assert {r["entity"] for r in rows} == {KOREA} and rows[0]["language"] == "ru" and rows[-1]["language"] == "kk"
    assert rows[0]["quote"] == "15 тыс. находятся в Южной Корее."
    hostile = corpus.get_entity(corpus.get_engine(entities_url), "PER:<script>Иванов")
    assert urlsplit(entity_href(hostile.key)).query == "entity=PER%3A%3Cscript%3E%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2"
