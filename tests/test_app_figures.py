"""The Figures page and figure highlights on the Document page (AppTest), and their pure helpers.

The corpus holds real sample documents with figures written by hand at the real offsets of their
numbers (tests/test_corpus_figures.py), plus one hostile document, so the tests do not depend on
the figure extractor's current output.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

import corpus
from corpus import group_by_indicator
from ingest import read
from nlp import Analysis, Figure
from tests.test_app_entities import run_page
from tests.test_corpus_compare import F
from tests.test_corpus_figures import ILLEGAL_KR, KK_INQUIRY, RU_NEWS, kk_figures, ru_figures
from ui.app.components import FIGURE_COLUMNS, figures_to_csv
from ui.app.components.figures_view import comparison_html, format_value, indicator_label, quote_html

APP = Path(__file__).resolve().parent.parent / "ui" / "app" / "main.py"
HOSTILE = "Бюджет <b>составил</b> **1 200** тенге [ссылка](http://x.kz) по данным <i>минфина</i>."


@pytest.fixture(scope="module")
def figures_url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("figures-app")
    url = f"sqlite:///{folder / 'saual.db'}"
    engine = corpus.get_engine(url)
    for path, make in ((RU_NEWS, ru_figures), (KK_INQUIRY, kk_figures)):
        doc = read(path)
        corpus.store_document(engine, doc, Analysis(figures=make(doc.text)))
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE + "\n", encoding="utf-8")
    doc = read(hostile)
    at = doc.text.index("1 200")
    corpus.store_document(engine, doc, Analysis(figures=[Figure(
        text="1 200", start=at, end=at + 5, value=1200, unit="KZT", kind="money", source="<i>минфина</i>",
        source_kind="official", indicator="budget.<script>", what="=SUM(A1)")]))
    corpus.close_engine(url)
    return url


def figures_page(url: str, monkeypatch: pytest.MonkeyPatch, **params: str):
    """The explorer switched to the Figures page with these URL parameters, run once."""
    return run_page(url, monkeypatch, "views/figures.py", **params)


LINK = re.compile(r'<a class="saual-passage-link" href="document\?([^"]*)" target="_self"[^>]*>Open passage</a>')


def links(at) -> list[dict[str, str]]:
    """The query parameters of every 'Open passage' link (in each figure's HTML block), in page order."""
    return [dict(parse_qsl(html.unescape(query))) for m in at.markdown for query in LINK.findall(m.value)]


def body(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_every_figure_is_listed_with_a_link_to_its_passage(figures_url, monkeypatch) -> None:
    at = figures_page(figures_url, monkeypatch)
    expected = corpus.list_figures(corpus.get_engine(figures_url))
    assert len(expected) == 10
    assert links(at) == [{"doc": str(h.document_id), "p": str(h.passage_id)} for h in expected]
    assert [b.label for b in at.get("download_button")] == ["Download CSV"]
    assert {"Indicator", "Place", "Year", "Source kind", "Language", "Kind"} <= {s.label for s in at.selectbox}
    assert "10 figures" in body(at)


def test_quotes_mark_the_number(figures_url, monkeypatch) -> None:
    at = figures_page(figures_url, monkeypatch)
    rows = [m.value for m in at.markdown if "saual-figure" in m.value]
    assert len(rows) == 10
    for hit, row in zip(corpus.list_figures(corpus.get_engine(figures_url)), rows):
        marked = row.split('<mark class="figure"', 1)[1].split(">", 1)[1].split("</mark>", 1)[0]
        assert marked == hit.text.replace(" ", " ")
    assert any("≈ 20,000 persons" in r for r in rows) and any("10,707 persons" in r for r in rows)


def test_filters_reduce_rows_and_go_into_the_url(figures_url, monkeypatch) -> None:
    at = figures_page(figures_url, monkeypatch)
    at.selectbox(key="fig_place").select("South Korea").run()
    assert at.query_params.get("place") == "South Korea"
    assert len(links(at)) == 7
    at.selectbox(key="fig_lang").select("ru").run()
    assert at.query_params.get("lang") == "ru" and len(links(at)) == 2
    # options left are those under the other filters: no unknown source among Russian figures on Korea
    assert at.selectbox(key="fig_source").options == ["Any source", "Official · 2"]
    at.button[-1].click().run()  # Clear filters
    assert len(links(at)) == 10 and not at.query_params.get("place")


@pytest.mark.parametrize("params, count", [
    ({"indicator": ILLEGAL_KR}, 5),
    ({"indicator": ILLEGAL_KR, "year": "2019"}, 1),
    ({"year": "2022", "lang": "kk"}, 1),
    ({"source": "official", "kind": "money"}, 1),
    ({"q": "Корее"}, 7),
    ({"place": "Atlantis"}, 0),
    ({"year": "abc"}, 10),  # malformed values are ignored
])
def test_url_parameters_round_trip(figures_url, monkeypatch, params, count) -> None:
    at = figures_page(figures_url, monkeypatch, **params)
    assert len(links(at)) == count
    widget = {"indicator": "fig_indicator", "year": "fig_year", "lang": "fig_lang", "source": "fig_source",
              "kind": "fig_kind", "place": "fig_place"}
    for name, value in params.items():
        if name == "q":
            assert at.text_input(key="fig_q").value == value
        elif value.isdigit() or name != "year":
            assert str(at.selectbox(key=widget[name]).value) == value
    expected = {k: v for k, v in params.items() if k != "year" or v.isdigit()}
    assert {k: at.query_params[k] for k in at.query_params} == expected
    assert any("No figures match" in w.value for w in at.warning) == (count == 0)


def test_one_indicator_is_shown_side_by_side_with_conflicts(figures_url, monkeypatch) -> None:
    at = figures_page(figures_url, monkeypatch, indicator=ILLEGAL_KR)
    tables = [m.value for m in at.markdown if "saual-compare-table" in m.value]
    assert len(tables) == 1
    table = tables[0]
    assert table.count("<tr") == 1 + 5  # header and the five figures
    for value in ("9,600 persons", "8,902 persons", "10,707 persons", "11,413 persons", "11,000 persons"):
        assert value in table
    assert "Official" in table and "Ресми дерек" in table
    # without an indicator filter, every indicator with several figures is in the expander
    everything = figures_page(figures_url, monkeypatch)
    assert next(e.label for e in everything.expander).startswith("Compare by indicator (1 ")
    assert not [m for m in everything.markdown if "saual-compare-table" in m.value]  # drawn once opened
    everything.session_state["fig_compare"] = True  # the expander opened
    assert len([m for m in everything.run().markdown if "saual-compare-table" in m.value]) == 1


def test_a_long_filter_lists_its_most_frequent_values_and_says_so(figures_url, monkeypatch) -> None:
    """With more values than OPTION_CAP a filter lists the most frequent ones, keeps the chosen one, and the
    sidebar says how many it left out."""
    from ui.app.components import figures_view

    full = figures_page(figures_url, monkeypatch)
    places = full.selectbox(key="fig_place").options
    assert len(places) >= 3 and not [c for c in full.sidebar.caption if "most frequent" in c.value]
    monkeypatch.setattr(figures_view, "OPTION_CAP", 1)
    capped = figures_page(figures_url, monkeypatch, place=places[-1].split(" · ")[0])
    assert capped.selectbox(key="fig_place").options == [places[0], places[1], places[-1]]
    notes = " ".join(c.value for c in capped.sidebar.caption)
    assert f"Place: the 1 most frequent of {len(places) - 1} listed" in notes


def test_empty_corpus_says_so(tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    corpus.get_engine(url)
    at = figures_page(url, monkeypatch)
    assert not links(at) and any("No figures in the corpus yet" in i.value for i in at.info)
    assert not at.get("download_button")


def test_hostile_text_is_escaped_on_both_pages(figures_url, monkeypatch) -> None:
    at = figures_page(figures_url, monkeypatch, kind="money")
    html = body(at)
    assert "<b>" not in html and "<i>" not in html and "<script" not in html and "**" not in html
    assert "&lt;b&gt;составил&lt;/b&gt;" in html and "1,200 KZT" in html
    (link,) = links(at)
    doc_page = document_page(figures_url, monkeypatch, **link)
    text = body(doc_page)
    assert "<b>" not in text and "<i>" not in text and "&lt;i&gt;минфина&lt;/i&gt;" in text


def document_page(url: str, monkeypatch, **params: str):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SAUAL_DATABASE_URL", url)
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_document_page_highlights_its_figures(figures_url, monkeypatch) -> None:
    engine = corpus.get_engine(figures_url)
    hit = corpus.list_figures(engine, year=2019)[0]
    doc = corpus.get_document(engine, hit.document_id)
    at = document_page(figures_url, monkeypatch, doc=str(hit.document_id), p=str(hit.passage_id))
    text = next(m.value for m in at.markdown if m.value.startswith('<div class="saual-doc"'))
    assert text.count('<mark class="figure"') == len(doc.figures) == 5
    assert '<mark class="figure" title="10,707 persons · Ресми дерек">10 707</mark>' in text
    assert f'saual-hit" id="passage-{hit.passage_id}"' in text
    table = at.dataframe[0].value
    assert list(table["figure"]) == [f.text for f in doc.figures]
    assert "≈ 20,000 persons" in list(table["value"])


# ---------------------------------------------------------------- pure helpers

@pytest.mark.parametrize("args, shown", [
    ((126000.0, None, "exact", "persons"), "126,000 persons"),
    ((20000, None, "about", "persons"), "≈ 20,000 persons"),
    ((126000, None, "more_than", "count"), "> 126,000"),
    ((5, None, "less_than", "percent"), "< 5%"),
    ((3, None, "at_least", "count"), "≥ 3"),
    ((10, None, "up_to", "percent"), "≤ 10%"),
    ((2, 4, "range", "percent"), "2–4%"),
    ((156.7, None, "exact", "percent"), "156.7%"),
    ((4.625, None, "exact", "count"), "4.62"),
    ((1_200_000_000, None, "exact", "KZT"), "1,200,000,000 KZT"),
    ((0.5, None, "exact", "months"), "0.5 months"),
    ((float("nan"), None, "exact", "count"), "—"),
])
def test_format_value(args, shown) -> None:
    assert format_value(*args) == shown


@pytest.mark.parametrize("describer", [True, False])
def test_indicator_label_is_readable(monkeypatch, describer) -> None:
    from ui.app.components import figures_view

    if not describer:  # without nlp.indicators the key itself is made readable
        monkeypatch.setattr(figures_view, "_describe", lambda: None)
    label = indicator_label(ILLEGAL_KR)
    assert label and "|" not in label and "South Korea" in label and "persons" in label
    assert "illegal" in label and "_" not in indicator_label("share.domestic_transport|percent|-")
    assert indicator_label(None) == "—"


def test_quote_html_escapes_and_marks() -> None:
    assert quote_html("a <b> 12 **x**", 6, 8, "12 · <src>") == (
        'a &lt;b&gt; <mark class="figure" title="12 · &lt;src&gt;">12</mark> &#42;&#42;x&#42;&#42;')
    assert quote_html("abc", 5, 9) == 'abc<mark class="figure"></mark>'


def test_comparison_flags_conflicts() -> None:
    """The side-by-side table marks what corpus.conflicts finds (the grouping is tested in test_corpus_compare)."""
    group = [F(1, 9600, 2022, "KR"), F(2, 20000, 2022, "KR", source_kind="unofficial"), F(3, 8902, 2020, "KR"),
             F(4, 5, None, None, indicator="y")]
    grouped = group_by_indicator(group)
    html = comparison_html("x", grouped[0][1])
    assert html.count('class="saual-conflict"') == 2 and "2 conflicting" in html
    assert "saual-source-unofficial" in html


def test_figures_to_csv(figures_url) -> None:
    hits = corpus.list_figures(corpus.get_engine(figures_url))
    rows = list(csv.DictReader(io.StringIO(figures_to_csv(hits).lstrip("\ufeff"))))
    assert list(rows[0]) == list(FIGURE_COLUMNS) and len(rows) == len(hits)
    by_text = {r["text"]: r for r in rows}
    assert by_text["10 707"]["value"] == "10707" and by_text["10 707"]["year"] == "2019"
    assert by_text["20 мыңға жуық"]["approx"] == "true" and by_text["20 мыңға жуық"]["qualifier"] == "about"
    assert by_text["1 200"]["what"] == "'=SUM(A1)"  # formulas are defused
    assert "10 707" in by_text["10 707"]["quote"]
