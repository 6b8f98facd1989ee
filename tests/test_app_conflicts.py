"""The Conflicts page (AppTest) over a corpus ingested from short news items (tests/fixtures_db.py): cards side by
side with badges, quotes and disagreeing pairs; filters, order, "new since" and the opened card in the URL;
escaping; the Document page's conflict marks; the timeline's rows and the CSV, tested directly."""

from __future__ import annotations

import csv
import datetime as dt
import io
from types import SimpleNamespace

import pytest
from sqlalchemy import text

import corpus
from tests.fixtures_db import SOUTH_KOREA, UNEMPLOYMENT, build_conflict_corpus
from tests.test_app_entities import run_page
from ui.app.components import CONFLICT_COLUMNS, conflicts_to_csv, escape_text
from ui.app.components.timeline import left_out_note, timeline_chart, timeline_rows

OLD = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def conflicts_url(tmp_path_factory) -> str:
    """The conflict corpus, with the unemployment card first seen long ago (so 'newest' and 'new since' differ)."""
    url = build_conflict_corpus(tmp_path_factory.mktemp("conflicts-app"))
    engine = corpus.get_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE conflicts SET first_seen = :old WHERE indicator = :ind"),
                     {"old": OLD, "ind": UNEMPLOYMENT})
    yield url
    corpus.close_engine(url)


def card_ids(url: str) -> dict[str, str]:
    """Card id by indicator key."""
    return {c.indicator: c.id for c in corpus.list_conflicts(corpus.get_engine(url))}


def page(url: str, monkeypatch: pytest.MonkeyPatch, **params: str):
    """The explorer switched to the Conflicts page with these URL parameters, run once, without errors."""
    return run_page(url, monkeypatch, "views/conflicts.py", **params)


def shown_cards(at) -> list[str]:
    """The ids of the cards on the page, in order (each card's container key)."""
    return [b.key.removeprefix("claimreview_") for b in at.get("download_button") if b.key
            and b.key.startswith("claimreview_")]


def urlparams(at) -> dict[str, str]:
    """The page's URL query parameters, one value each."""
    return {k: v[-1] if isinstance(v, list) else v for k, v in at.query_params.items()}


def body(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_corpus_gives_both_cards_through_the_real_ingest(conflicts_url) -> None:
    cards = {c.indicator: c for c in corpus.list_conflicts(corpus.get_engine(conflicts_url))}
    assert set(cards) == {SOUTH_KOREA, UNEMPLOYMENT}
    korea = cards[SOUTH_KOREA]
    assert korea.place == "South Korea" and korea.kind == "official vs unofficial" and korea.pairs == [[0, 1]]
    assert [(f.value, f.qualifier, f.source_kind) for f in korea.figures] == [
        (9600, "exact", "official"), (20000, "about", "unofficial")]


def test_cards_side_by_side_with_badges_quotes_pairs_and_passage_links(conflicts_url, monkeypatch) -> None:
    at = page(conflicts_url, monkeypatch)
    ids = card_ids(conflicts_url)
    assert shown_cards(at) == [ids[UNEMPLOYMENT], ids[SOUTH_KOREA]]  # widest spread first (61 % > 52 %)
    html = body(at)
    assert "2 conflict cards" in html and "Official vs unofficial · spread 52%" in html
    assert '<span class="saual-figure-value">≈ 20,000 persons</span>' in html
    assert '<span class="saual-figure-value">10–12%</span>' in html and "&gt; 7%" in html
    assert '<span class="saual-badge saual-badge-official">Official</span>' in html
    assert '<span class="saual-badge saual-badge-unofficial">Unofficial</span>' in html
    assert '<mark class="figure" title="9,600 persons">9 600 граждан</mark>' in html
    assert "2024 · document of 2025-10-09" in html and escape_text("Says: диаспора") + " · Russian (ru)" in html
    assert html.count(escape_text("Disagrees with #2")) >= 2 and escape_text("Disagrees with #1") in html
    view = corpus.get_conflict_view(corpus.get_engine(conflicts_url), ids[SOUTH_KOREA])
    for i, h in enumerate(view.hits):  # the list links each figure to its passage from its card's one HTML block
        assert (f'<a class="saual-passage-link" href="document?doc={h.document_id}&amp;p={h.passage_id}" '
                f'target="_self" title="The document at this figure">Open passage #{i + 1}</a>'
                in html)
    opened = page(conflicts_url, monkeypatch, card=ids[SOUTH_KOREA])  # an opened card: page links
    links = {link.proto.query_string for link in opened.get("page_link") if link.proto.label.startswith("Open passage")}
    assert {f"doc={h.document_id}&p={h.passage_id}" for h in view.hits} == links
    assert [e.label for e in at.expander if "Timeline" in e.label] == ["Timeline of this indicator"] * 2
    assert len(at.get("vega_lite_chart")) == 0  # each card's timeline is drawn only once its expander opens
    assert [b.label for b in at.get("download_button")][:2] == ["Download CSV", "ClaimReview draft (JSON-LD)"]


@pytest.mark.parametrize("params, expected", [
    ({"place": "South Korea"}, [SOUTH_KOREA]),
    ({"indicator": UNEMPLOYMENT}, [UNEMPLOYMENT]),
    ({"source": "unknown"}, [UNEMPLOYMENT]),
    ({"kind": "official vs unofficial", "place": "South Korea"}, [SOUTH_KOREA]),
    ({"since": "2025-06-01"}, [SOUTH_KOREA]),
    ({"since": "2024-06-01"}, [UNEMPLOYMENT, SOUTH_KOREA]),
    ({"sort": "recent"}, [SOUTH_KOREA, UNEMPLOYMENT]),
    ({"sort": "sources"}, [UNEMPLOYMENT, SOUTH_KOREA]),
    ({"place": "Russia"}, []),
    ({"sort": "nonsense"}, [UNEMPLOYMENT, SOUTH_KOREA]),
])
def test_filters_order_and_new_since_from_the_url(conflicts_url, monkeypatch, params, expected) -> None:
    at = page(conflicts_url, monkeypatch, **params)
    ids = card_ids(conflicts_url)
    assert shown_cards(at) == [ids[key] for key in expected]
    if not expected:
        assert "No conflicts match these filters" in at.warning[0].value
    assert urlparams(at) == {k: v for k, v in params.items() if v != "nonsense"}  # the page is its permalink


@pytest.mark.parametrize("since, expected", [("2999-01-01", []), ("1900-01-01", [UNEMPLOYMENT, SOUTH_KOREA])])
def test_new_since_out_of_the_widgets_range_is_clamped(conflicts_url, monkeypatch, since, expected) -> None:
    at = page(conflicts_url, monkeypatch, since=since)
    ids = card_ids(conflicts_url)
    assert shown_cards(at) == [ids[key] for key in expected]
    assert urlparams(at)["since"] in ("1991-01-01", (dt.date.today() + dt.timedelta(days=1)).isoformat())


def test_widgets_write_the_url_and_a_card_opens_as_a_permalink(conflicts_url, monkeypatch) -> None:
    ids = card_ids(conflicts_url)
    at = page(conflicts_url, monkeypatch)
    at.selectbox(key="cf_place").select("South Korea").run()
    at.selectbox(key="cf_sort").select("recent").run()
    at.date_input(key="cf_since").set_value(dt.date(2025, 6, 1)).run()
    assert urlparams(at) == {"place": "South Korea", "sort": "recent", "since": "2025-06-01"}
    assert shown_cards(at) == [ids[SOUTH_KOREA]]
    at.button(key=f"open_{ids[SOUTH_KOREA]}").click().run()
    assert urlparams(at)["card"] == ids[SOUTH_KOREA]
    assert shown_cards(at) == [ids[SOUTH_KOREA]] and "All conflicts" in [b.label for b in at.button]

    opened = page(conflicts_url, monkeypatch, card=ids[SOUTH_KOREA])
    assert shown_cards(opened) == [ids[SOUTH_KOREA]]
    assert any(f"conflicts?card={ids[SOUTH_KOREA]}" in c.value for c in opened.caption)
    assert [e.proto.expanded for e in opened.expander if "Timeline" in e.label] == [True]
    assert len(opened.get("vega_lite_chart")) == 1  # the opened card's timeline is drawn
    next(b for b in opened.button if b.label == "All conflicts").click().run()
    assert len(shown_cards(opened)) == 2 and "card" not in urlparams(opened)


def test_unknown_and_hostile_card_ids_are_escaped(conflicts_url, monkeypatch) -> None:
    at = page(conflicts_url, monkeypatch, card="<b>x</b>*[y](http://z)")
    assert shown_cards(at) == []
    warning = at.warning[0].value
    assert "There is no conflict card" in warning and "<b>" not in warning and "\\<b\\>" in warning


def test_hostile_quotes_are_escaped_on_the_page(conflicts_url, monkeypatch) -> None:
    html = body(page(conflicts_url, monkeypatch, indicator=UNEMPLOYMENT))
    assert "&lt;b&gt;профсоюза&lt;/b&gt;" in html and "&#42;&#42;&#91;ссылка&#93;" in html
    assert "<b>" not in html and "**" not in html and "](http" not in html


def test_document_page_marks_conflict_figures_and_links_the_card(conflicts_url, monkeypatch) -> None:
    engine = corpus.get_engine(conflicts_url)
    ids = card_ids(conflicts_url)
    view = corpus.get_conflict_view(engine, ids[SOUTH_KOREA])
    ministry = view.hits[0]
    marks = corpus.conflicts_of_document(engine, ministry.document_id)
    assert [(m.card_id, m.index, m.disagrees_with) for m in marks] == [(ids[SOUTH_KOREA], 0, [1])]
    at = page(conflicts_url, monkeypatch)
    at.query_params.clear()
    at.query_params["doc"] = str(ministry.document_id)
    at.switch_page("views/document.py").run()
    assert not at.exception
    html = body(at)
    assert (f'<a class="saual-conflict-link" href="conflicts?card={ids[SOUTH_KOREA]}" target="_self">'
            '<mark class="figure conflict"') in html
    assert "disagrees with &#35;2" in html
    cards = [link.proto.query_string for link in at.get("page_link") if "card=" in link.proto.query_string]
    assert cards == [f"card={ids[SOUTH_KOREA]}"]


def test_csv_has_a_row_per_figure_with_its_card_and_quote(conflicts_url) -> None:
    views = corpus.list_conflict_views(corpus.get_engine(conflicts_url))
    rows = list(csv.DictReader(io.StringIO(conflicts_to_csv(views).lstrip("\ufeff"))))
    assert list(rows[0]) == list(CONFLICT_COLUMNS)
    assert len(rows) == sum(len(v.card.figures) for v in views) == 5
    korea = [r for r in rows if r["indicator"] == SOUTH_KOREA]
    assert [(r["number"], r["value"], r["disagrees_with"], r["source_kind"]) for r in korea] == [
        ("1", "9600", "#2", "official"), ("2", "20000", "#1", "unofficial")]
    assert "9 600 граждан Казахстана" in korea[0]["quote"] and korea[0]["date"] == "2025-10-09"


def hit(value, year=None, date=None, qualifier="exact", value_max=None, kind="official", **extra):
    """A FigureHit-like value for the timeline."""
    return SimpleNamespace(value=value, value_max=value_max, qualifier=qualifier, unit="persons", year=year, date=date,
                           source=extra.get("source"), source_kind=kind, title="t", path="t.txt", document_id=1,
                           start=extra.get("start", 0), end=5, approx=qualifier == "about")


def test_timeline_rows_place_figures_by_year_else_document_date() -> None:
    rows, left_out = timeline_rows([
        hit(9600, 2022, source="Минтруда"), hit(20000, None, dt.date(2025, 10, 9), "about", kind="unofficial"),
        hit(3, 2024, qualifier="range", value_max=5, kind="unknown"), hit(7, 2024, qualifier="more_than"),
        hit(1, None, None)], card_figures={(1, 0, 5)})
    assert left_out == 1 and left_out_note(left_out).startswith("1 figure with neither")
    assert [(r["when"], r["placed"], r["precision"], r["kind"], r["label"]) for r in rows] == [
        ("2022-01-01", "year 2022", "exact", "Official", "9,600"),
        ("2024-01-01", "year 2024", "exact", "Source not stated", "3–5"),
        ("2024-01-01", "year 2024", "bound", "Official", "> 7"),
        ("2025-10-09", "document date 2025-10-09", "approximate", "Unofficial", "≈ 20,000")]
    spec = timeline_chart(rows, "persons").to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["line", "rule", "point", "text"]
    point = spec["layer"][2]["encoding"]
    assert point["shape"]["field"] == point["color"]["field"] == "kind"  # shape AND colour tell kinds apart
    assert point["shape"]["scale"]["range"] == ["square", "triangle-up", "circle"]
    assert spec["layer"][1]["encoding"]["y2"]["field"] == "value_max"
    assert left_out_note(0) == ""


def test_an_undated_documents_now_stands_at_the_newest_year_it_gives() -> None:
    """The inquiry's ~20 000 "now" (no year, undated document) goes on the timeline at its own newest year."""
    official = hit(9600, 2022, source="Ресми дерек")
    estimate = hit(20000, None, None, "about", kind="unofficial", start=7)
    estimate.period = "now"
    stray = hit(5, None, None, start=9)  # neither a year, a date nor "now": left out
    stray.period = None
    rows, left_out = timeline_rows([official, estimate, stray])
    assert left_out == 1
    assert [(r["when"], r["placed"]) for r in rows] == [
        ("2022-01-01", "year 2022"), ("2022-01-01", "now in an undated document: 2022 or later")]


def test_cards_come_a_page_at_a_time(conflicts_url, monkeypatch) -> None:
    """At archive scale the page shows the first cards and a "Show more cards" button, never all at once."""
    at = page(conflicts_url, monkeypatch)
    at.session_state["cf_limit"] = 1
    at.run()
    ids = card_ids(conflicts_url)
    assert shown_cards(at) == [ids[UNEMPLOYMENT]]
    assert any("2 conflict cards · showing 1" in m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Show more cards").click().run()
    assert shown_cards(at) == [ids[UNEMPLOYMENT], ids[SOUTH_KOREA]]
    assert not [b for b in at.button if b.label == "Show more cards"]
