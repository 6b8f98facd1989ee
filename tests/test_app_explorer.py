"""The explorer's newcomer fixes, by AppTest over the real sample corpus: pages reached only by links,
the Documents table, filters round-tripping through the URL, the permalink link, the database name,
the paginated Figures page and undated documents under date filters. The URL-state helper and the
corpus's distinguishing titles are tested directly."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest

import corpus
from nlp import Analysis
from ui.app.components.params import Param, filter_options, format_years, from_params, parse_years, to_params

APP = Path(__file__).resolve().parent.parent / "ui" / "app" / "main.py"


def run(url: str, monkeypatch: pytest.MonkeyPatch, script: str | None = None, **params: str):
    """The explorer on `url`, switched to page `script` when given, with these URL parameters, run once."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SAUAL_DATABASE_URL", url)
    at = AppTest.from_file(str(APP), default_timeout=120)
    if script:
        at.run()
    for key, value in params.items():
        at.query_params[key] = value
    (at.switch_page(script) if script else at).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def engine(url: str):
    return corpus.get_engine(url)


def texts(at) -> str:
    """Every piece of text the run showed (markdown, captions, info, warnings, labels)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [t.value for t in at.title]
    return "\n".join(str(p) for p in parts)


# ---------------------------------------------------------------- URL state, pure

@pytest.mark.parametrize("param, raw, value, back", [
    (Param("k", "q", "str", ""), "  Корея ", "Корея", "Корея"),
    (Param("k", "q", "str", ""), None, "", None),
    (Param("k", "n", "int", None), "12", 12, "12"),
    (Param("k", "n", "int", None), "-3", None, None),
    (Param("k", "year", "year"), "2025", 2025, "2025"),
    (Param("k", "year", "year"), "99", "", None),
    (Param("k", "year", "year"), "abc", "", None),
    (Param("k", "d", "date", None), "2025-05-21", dt.date(2025, 5, 21), "2025-05-21"),
    (Param("k", "d", "date", None), "2025-13-01", None, None),
    (Param("k", "l", "list", []), "kk, ru,,kk", ["kk", "ru"], "kk,ru"),
    (Param("k", "y", "years", None), "2021-2019", (2019, 2021), "2019-2021"),
    (Param("k", "y", "years", None), "2020", (2020, 2020), "2020"),
    (Param("k", "y", "years", None), "20-x", None, None),
    (Param("k", "b", "bool", False), "1", True, "1"),
    (Param("k", "b", "bool", False), "no", False, None),
    (Param("k", "label", choices=("PER", "LOC")), "LOC", "LOC", "LOC"),
    (Param("k", "label", choices=("PER", "LOC")), "XYZ", "", None),
])
def test_param_parse_and_format(param: Param, raw, value, back) -> None:
    assert param.parse(raw) == value
    assert to_params([param], {"k": value}).get(param.name) == back
    if back is not None:
        assert from_params([param], {param.name: back}) == {"k": value}  # the URL form reads back the same


def test_years_and_filter_options() -> None:
    assert parse_years("2019") == (2019, 2019) and format_years(None) == ""
    assert filter_options({"kk": 3, "ru": 5, None: 1}) == ["", "ru", "kk"]
    assert filter_options({2025: 9}, 2019) == ["", 2025, 2019]  # a year from the URL stays an option


# ---------------------------------------------------------------- titles and undated documents, in corpus

def test_display_titles_tell_same_titled_documents_apart(sample_corpus_url) -> None:
    e = engine(sample_corpus_url)
    docs = corpus.list_documents(e)
    titles = corpus.display_titles(e)
    assert set(titles) == {d.id for d in docs}
    assert len(set(titles.values())) == len(docs), titles  # every document has its own title
    same = {}
    for d in docs:
        same.setdefault(d.title, []).append(d)
    twins = [group for group in same.values() if len(group) > 1]
    assert twins, "two sample inquiries to the Prime Minister carry the same title"
    for group in twins:
        for d in group:
            title, _, detail = titles[d.id].rpartition(" · ")
            assert title == d.title and detail
            stored = corpus.get_document(e, d.id)
            assert detail in {p.canonical for p in stored.entities if p.label == "PER"}  # a person it names
    for d in docs:
        if all(d.title != other.title for other in docs if other.id != d.id):
            assert titles[d.id] == d.title  # unique titles are left alone
    for d in docs:  # a page asks for its own documents only, and gets the titles the whole corpus would give
        assert corpus.display_titles(e, [d.id]) == {d.id: titles[d.id]}
    half = [d.id for d in docs[::2]]
    assert corpus.display_titles(e, half) == {i: titles[i] for i in half}


def test_display_titles_prefer_a_differing_date_then_the_file(tmp_path) -> None:
    from tests.fixtures_db import synthetic_document

    url = f"sqlite:///{tmp_path / 'saual.db'}"
    e = engine(url)
    for name, date in (("a.txt", dt.date(2024, 1, 2)), ("b.txt", dt.date(2025, 3, 4)), ("c.txt", None),
                       ("d.txt", None)):
        corpus.store_document(e, synthetic_document([("Тот же текст " + name, "ru")], path=name, date=date,
                                                    title="Запрос"), Analysis())
    got = sorted(corpus.display_titles(e).values())
    assert got == ["Запрос · 2024-01-02", "Запрос · 2025-03-04", "Запрос · c.txt", "Запрос · d.txt"]
    c = next(d for d in corpus.list_documents(e, include_undated=True) if d.path == "c.txt")
    assert corpus.display_titles(e, [c.id]) == {c.id: "Запрос · c.txt"}
    assert corpus.count_undated(e) == 2 and corpus.count_undated(e, language="kk") == 0
    year = {"date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 12, 31)}
    assert [d.path for d in corpus.list_documents(e, **year)] == ["b.txt"]
    assert [d.path for d in corpus.list_documents(e, include_undated=True, **year)] == ["b.txt", "c.txt", "d.txt"]
    corpus.close_engine(url)


@pytest.mark.parametrize("title, path, key", [
    ("  Депутаттық   САУАЛ ", "x/a.pdf", "депутаттық сауал"),
    (None, "/data/Запрос №5.PDF", "запрос №5.pdf"),
    ("", "", None),
])
def test_title_key(title, path, key) -> None:
    assert corpus.title_key(title, path) == key


def test_documents_list_in_pages_and_by_title_words(sample_corpus_url) -> None:
    e = engine(sample_corpus_url)
    every = corpus.list_documents(e)
    assert corpus.count_listed(e) == len(every)
    pages = [corpus.list_documents(e, limit=3, offset=at) for at in range(0, len(every), 3)]
    assert [d.id for page in pages for d in page] == [d.id for d in every]  # pages are the list, in order
    word = next(w for d in every for w in (d.title or "").split() if len(w) > 4)
    found = corpus.list_documents(e, title=word.upper())
    assert found and all(word.casefold() in corpus.title_key(d.title, d.path) for d in found)
    assert [d.id for d in found] == [d.id for d in every if word.casefold() in corpus.title_key(d.title, d.path)]
    assert corpus.count_listed(e, title=word) == len(found)
    assert corpus.list_documents(e, title="%") == [] and corpus.list_documents(e, title="no_such_words") == []


# ---------------------------------------------------------------- navigation and placeholders

def test_document_and_entity_pages_are_hidden_from_the_navigation() -> None:
    source = APP.read_text(encoding="utf-8")
    for script in ("views/document.py", "views/entity.py"):
        call = source.split(f'st.Page("{script}"', 1)[1].split(")\n", 1)[0]
        assert 'visibility="hidden"' in call, script


def test_bare_document_page_says_what_to_do_and_links_to_documents(sample_corpus_url, monkeypatch) -> None:
    at = run(sample_corpus_url, monkeypatch, "views/document.py")
    assert "This page shows one document" in texts(at)
    assert any(link.proto.page.endswith("documents.py") or "documents" in link.proto.page
               for link in at.get("page_link") if link.proto.label == "Browse all documents")
    titles = corpus.display_titles(engine(sample_corpus_url))
    picker = at.selectbox[0]
    assert all(any(opt.startswith(t) for opt in picker.options) for t in titles.values())


def test_bare_entity_page_links_to_entities(sample_corpus_url, monkeypatch) -> None:
    at = run(sample_corpus_url, monkeypatch, "views/entity.py")
    assert "Choose an entity on the Entities page" in texts(at)
    assert [link.proto.label for link in at.get("page_link")] == ["All entities"]


# ---------------------------------------------------------------- Documents table

def test_documents_table_has_no_none_and_distinct_titles(sample_corpus_url, monkeypatch) -> None:
    at = run(sample_corpus_url, monkeypatch, "views/documents.py")
    table = at.dataframe[0].value
    cells = [str(v) for column in table.columns for v in table[column]]
    assert "None" not in cells and "nan" not in cells and "NaT" not in cells
    assert table["title"].is_unique
    assert set(table["format"]) <= {"PDF", "TXT", "HTML", "DOCX"}
    assert "—" in set(table["date"])  # the undated seed
    config = json.loads(at.dataframe[0].proto.columns)
    shown = list(table.columns)
    assert shown[-2:] == ["format", "file"] and all(config[c]["width"] > 0 for c in shown)
    # every column fits the main column beside the sidebar at 1400 px (the browser test sees them drawn)
    assert sum(config[c]["width"] for c in shown) <= 940


# ---------------------------------------------------------------- filters round-trip through the URL

@pytest.mark.parametrize("page, key", [("views/search.py", "search_year"), ("views/documents.py", "docs_year"),
                                       ("views/figures.py", "fig_year")])
@pytest.mark.parametrize("year", ["2025", "2019"])
def test_year_in_the_url_is_kept(sample_corpus_url, monkeypatch, page, key, year) -> None:
    params = {"year": year, **({"q": "Бектенов"} if page.endswith("search.py") else {})}
    at = run(sample_corpus_url, monkeypatch, page, **params)
    assert at.selectbox(key=key).value == int(year)
    assert at.query_params.get("year") == year
    again = run(sample_corpus_url, monkeypatch, page, **{k: at.query_params[k] for k in at.query_params})
    assert again.selectbox(key=key).value == int(year)


def test_documents_filters_round_trip(sample_corpus_url, monkeypatch) -> None:
    at = run(sample_corpus_url, monkeypatch, "views/documents.py", lang="ru", kind="inquiry", year="2025")
    assert {k: at.query_params[k] for k in at.query_params} == {"lang": "ru", "kind": "inquiry", "year": "2025"}
    expected = corpus.list_documents(engine(sample_corpus_url), language="ru", kind="inquiry",
                                     date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 12, 31))
    assert len(at.dataframe[0].value) == len(expected) > 0
    at.selectbox(key="docs_kind").select("").run()
    assert "kind" not in at.query_params and at.query_params.get("year") == "2025"


# ---------------------------------------------------------------- permalink and database name

def test_permalink_is_a_link(sample_corpus_url, monkeypatch) -> None:
    doc = corpus.list_documents(engine(sample_corpus_url))[0]
    at = run(sample_corpus_url, monkeypatch, None, doc=str(doc.id))
    table = next(m.value for m in at.markdown if "saual-meta-table" in m.value)
    row = table.split("<td>Permalink</td>", 1)[1].split("</tr>", 1)[0]
    assert f'href="document?doc={doc.id}"' in row or f'/document?doc={doc.id}"' in row
    assert row.count("<a ") == 1 and f"document?doc={doc.id}</a>" in row


def test_sidebar_names_the_database_kind_only(sample_corpus_url, monkeypatch) -> None:
    at = run(sample_corpus_url, monkeypatch)
    shown = [c.value for c in at.sidebar.caption]
    assert "Database: SQLite" in shown
    path = sample_corpus_url.split("///", 1)[1]
    assert all(path not in c and "sqlite://" not in c for c in shown)


def test_database_error_names_no_host_or_password(monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SAUAL_DATABASE_URL", "postgresql://saual:s3cret@127.0.0.1:9/nowhere")
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert next(c.value for c in at.sidebar.caption) == "Database: PostgreSQL"
    assert len(at.error) == 1 and "PostgreSQL" in at.error[0].value and "s3cret" not in at.error[0].value


# ---------------------------------------------------------------- Figures, a page at a time

def figure_links(at) -> list[str]:
    """The query of each figure's 'Open passage' link (in its HTML block), in page order."""
    return [html.unescape(query) for m in at.markdown for query in re.findall(
        r'<a class="saual-passage-link" href="document\?([^"]*)" target="_self"[^>]*>Open passage</a>', m.value)]


def test_figures_are_paginated_through_the_url(sample_corpus_url, monkeypatch) -> None:
    e = engine(sample_corpus_url)
    total = sum(corpus.figure_facets(e)["source_kind"].values())
    assert total > 40, "the sample corpus has enough figures for three pages of 20"
    at = run(sample_corpus_url, monkeypatch, "views/figures.py", size="20", page="2")
    second = corpus.list_figures(e, limit=20, offset=20)
    assert len(figure_links(at)) == 20
    assert figure_links(at)[0].startswith(f"doc={second[0].document_id}")
    assert f"21–40 of {total} figures" in texts(at)
    assert f"Page 2 of {-(-total // 20)}" in texts(at)
    next(b for b in at.button if b.label == "Next page").click().run()
    assert at.query_params.get("page") == "3" and at.query_params.get("size") == "20"
    assert len(figure_links(at)) == total - 40
    at.selectbox(key="fig_lang").select("kk").run()  # new filters start on their first page
    assert "page" not in at.query_params
    everything = run(sample_corpus_url, monkeypatch, "views/figures.py")
    assert len(figure_links(everything)) == min(total, 50)  # one page of the default size, not all


# ---------------------------------------------------------------- undated documents under date filters

def test_documents_year_filter_counts_and_includes_undated(sample_corpus_url, monkeypatch) -> None:
    e = engine(sample_corpus_url)
    undated = corpus.count_undated(e)
    assert undated == 1, "one sample seed has no date"
    at = run(sample_corpus_url, monkeypatch, "views/documents.py", year="2025")
    dated = len(at.dataframe[0].value)
    assert "1 undated document left out by the year filter." in texts(at)
    at.checkbox(key="docs_undated").check().run()
    assert at.query_params.get("undated") == "1" and len(at.dataframe[0].value) == dated + undated
    again = run(sample_corpus_url, monkeypatch, "views/documents.py", year="2025", undated="1")
    assert len(again.dataframe[0].value) == dated + undated and again.checkbox(key="docs_undated").value


def test_search_date_filter_counts_and_includes_undated(sample_corpus_url, monkeypatch) -> None:
    e = engine(sample_corpus_url)
    everything = corpus.search(e, "мигрант", limit=500)
    undated_docs = {h.document_id for h in everything if h.date is None}
    assert undated_docs, "the undated seed mentions migrants"
    at = run(sample_corpus_url, monkeypatch, None, q="мигрант", year="2025")
    dated = [q for q in (link.proto.query_string for link in at.get("page_link")) if "doc=" in q]
    assert all(f"doc={d}&" not in q for q in dated for d in undated_docs)
    assert f"{len(undated_docs)} undated document with matches left out by the date filter." in texts(at)
    at.checkbox(key="search_undated").check().run()
    assert at.query_params.get("undated") == "1"
    links = [q for q in (link.proto.query_string for link in at.get("page_link")) if "doc=" in q]
    assert len(links) == len(everything) and any(f"doc={d}&" in q for q in links for d in undated_docs)
    without_dates = run(sample_corpus_url, monkeypatch, None, q="мигрант")
    assert not without_dates.get("checkbox")  # nothing is left out without a date filter


def test_figures_group_by_indicator_through_the_url(sample_corpus_url, monkeypatch) -> None:
    e = engine(sample_corpus_url)
    page = corpus.list_figures(e, limit=20)
    at = run(sample_corpus_url, monkeypatch, "views/figures.py", size="20", group="1")
    assert at.toggle(key="fig_group").value is True
    headings = [m.value for m in at.markdown if "saual-indicator-group" in m.value]
    keys = {h.indicator for h in page if h.indicator}
    assert len(headings) == len(keys) + any(not h.indicator for h in page)
    grouped = [f"doc={h.document_id}" for _key, group in corpus.group_by_indicator(page) for h in group]
    assert [q.split("&")[0] for q in figure_links(at)][:len(grouped)] == grouped
    assert sorted(figure_links(at)) == sorted(figure_links(run(sample_corpus_url, monkeypatch, "views/figures.py",
                                                               size="20")))  # the same figures, regrouped
    at.toggle(key="fig_group").set_value(False).run()
    assert "group" not in at.query_params and at.query_params.get("size") == "20"


# ---------------------------------------------------------------- highlights, defined once

def test_highlights_use_the_corpus_markers_and_one_mark_helper() -> None:
    from ui.app.components import HIGHLIGHT_END, HIGHLIGHT_START, mark_span, snippet_pieces
    from ui.app.components.entities_view import mention_quote_html
    from ui.app.components.figures_view import quote_html

    assert (HIGHLIGHT_START, HIGHLIGHT_END) == (corpus.HIGHLIGHT_START, corpus.HIGHLIGHT_END)
    s, e = HIGHLIGHT_START, HIGHLIGHT_END
    assert snippet_pieces(f"a {s}b{e} c {s}d{e}") == corpus.split_highlights(f"a {s}b{e} c {s}d{e}")
    assert snippet_pieces(f"x{e} {s}{s}y") == [("x ", False), ("y", True)]  # stray end dropped, open closed
    assert quote_html("a 12 b", 2, 4, "t") == mark_span("a 12 b", 2, 4, "figure", "t")
    assert mention_quote_html("в Астане", 2, 8, "LOC") == mark_span("в Астане", 2, 8, "entity entity-LOC")
    assert mark_span("<x>", 0, 9) == "<mark>&lt;x&gt;</mark>"
