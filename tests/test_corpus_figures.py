"""Figures across the corpus (list_figures, figure_facets) on SQLite and PostgreSQL.

The documents are real samples read by ingest; their figures are written by hand at the real
offsets of the numbers in the text, so these tests do not depend on the figure extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus
from corpus.figures import quote_window
from ingest import read
from nlp import Analysis, Figure

ROOT = Path(__file__).resolve().parent.parent
RU_NEWS = ROOT / "samples/seeds/000_f34205a33c65623a.txt"  # ru news, 2025-10-09
KK_INQUIRY = ROOT / "samples/seeds/003_47f95be80caae6ce.txt"  # kk inquiry, undated

OFFICIAL, UNOFFICIAL = "official", "unofficial"
ILLEGAL_KR = "migrant_workers.illegal|persons|South Korea"  # indicator keys: concept|unit|place
ABROAD = "migrant_workers|persons|-"
ABROAD_RU, ABROAD_KR = "migrant_workers|persons|Russia", "migrant_workers|persons|South Korea"
PRESENT_KR = "present|persons|South Korea"


def figure(text: str, needle: str, value: float, nth: int = 0, **fields) -> Figure:
    """A Figure on the nth occurrence of `needle` in the document text."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return Figure(text=needle, start=at, end=at + len(needle), value=value, **fields)


def ru_figures(text: str) -> list[Figure]:
    src = {"source": "вице-министр рассказал", "source_kind": OFFICIAL}
    return [
        figure(text, "126 тыс.", 126_000, unit="persons", what="казахстанцев", indicator=ABROAD, **src),
        figure(text, "102 тыс.", 102_000, unit="persons", place="Russia", indicator=ABROAD_RU, **src),
        figure(text, "15 тыс.", 15_000, unit="persons", place="South Korea", indicator=ABROAD_KR,
               **src),
        figure(text, "11 тыс.", 11_000, unit="persons", place="South Korea", indicator=ILLEGAL_KR,
               what="казахстанцев, работающих в Корее ... нелегально", **src),
    ]


def kk_figures(text: str) -> list[Figure]:
    official = {"source": "Ресми дерек", "source_kind": OFFICIAL, "place": "South Korea",
                "indicator": ILLEGAL_KR, "unit": "persons"}
    return [
        figure(text, "9600", 9600, year=2022, what="заңсыз еңбек мигранты", **official),
        figure(text, "8902", 8902, year=2020, **official),
        figure(text, "10 707", 10_707, year=2019, **official),
        figure(text, "11 413", 11_413, year=2018, **official),
        figure(text, "20 мыңға жуық", 20_000, qualifier="about", unit="persons", place="South Korea",
               indicator=PRESENT_KR, source_kind="unknown"),
    ]


@pytest.fixture(scope="module")
def figures_engine(module_engine):
    engine = module_engine
    for path, make in ((RU_NEWS, ru_figures), (KK_INQUIRY, kk_figures)):
        doc = read(path)
        corpus.store_document(engine, doc, Analysis(figures=make(doc.text)))
    return engine


def texts(hits) -> list[str]:
    return [h.text for h in hits]


@pytest.mark.parametrize("filters, expected", [
    ({}, ["126 тыс.", "102 тыс.", "15 тыс.", "11 тыс.", "9600", "8902", "10 707", "11 413", "20 мыңға жуық"]),
    ({"indicator": ILLEGAL_KR}, ["11 тыс.", "9600", "8902", "10 707", "11 413"]),
    ({"place": "South Korea", "language": "ru"}, ["15 тыс.", "11 тыс."]),
    ({"place": "Russia"}, ["102 тыс."]),
    ({"year": 2019}, ["10 707"]),
    ({"year": "2022"}, ["9600"]),
    ({"source_kind": "unknown"}, ["20 мыңға жуық"]),
    ({"language": "kk", "source_kind": OFFICIAL}, ["9600", "8902", "10 707", "11 413"]),
    ({"kind": "statistic", "year": 2018}, ["11 413"]),
    ({"kind": "money"}, []),
    ({"place": "Atlantis"}, []),
    # query: figures whose passage matches the words as search does (Корее → коре* finds Корея, Кореяда)
    ({"query": "Кореяда"}, ["9600", "8902", "10 707", "11 413", "20 мыңға жуық"]),
    ({"query": "Корее"}, ["15 тыс.", "11 тыс.", "9600", "8902", "10 707", "11 413", "20 мыңға жуық"]),
    ({"query": "России"}, ["102 тыс."]),
    ({"query": "***"}, []),
    ({"query": "   "}, ["126 тыс.", "102 тыс.", "15 тыс.", "11 тыс.", "9600", "8902", "10 707", "11 413",
                         "20 мыңға жуық"]),
])
def test_filters(figures_engine, filters, expected) -> None:
    assert texts(corpus.list_figures(figures_engine, **filters)) == expected


def test_document_filter_and_paging(figures_engine) -> None:
    everything = corpus.list_figures(figures_engine)
    kk_id = everything[-1].document_id
    assert texts(corpus.list_figures(figures_engine, document_id=kk_id))[0] == "9600"
    assert {h.document_id for h in corpus.list_figures(figures_engine, document_id=kk_id)} == {kk_id}
    pages = [corpus.list_figures(figures_engine, limit=4, offset=o) for o in (0, 4, 8, 12)]
    assert [h.id for p in pages for h in p] == [h.id for h in everything]
    assert pages[3] == [] and corpus.list_figures(figures_engine, limit=0) == []


def test_hits_carry_figure_document_and_passage(figures_engine) -> None:
    hit = corpus.list_figures(figures_engine, year=2019)[0]
    doc = corpus.get_document(figures_engine, hit.document_id)
    assert (hit.value, hit.value_max, hit.qualifier, hit.approx, hit.unit) == (10_707, None, "exact", False,
                                                                               "persons")
    assert (hit.indicator, hit.place, hit.year, hit.source, hit.source_kind, hit.kind) == (
        ILLEGAL_KR, "South Korea", 2019, "Ресми дерек", OFFICIAL, "statistic")
    assert (hit.path, hit.doc_kind, hit.language, hit.date, hit.title) == (
        str(KK_INQUIRY), doc.kind, "kk", None, doc.title)
    assert doc.text[hit.start:hit.end] == "10 707"
    passage = next(p for p in doc.passages if p.id == hit.passage_id)
    assert passage.start <= hit.start < hit.end <= passage.end and hit.page == passage.page
    about = corpus.list_figures(figures_engine, source_kind="unknown")[0]
    assert (about.qualifier, about.approx) == ("about", True)


def test_every_quote_shows_its_number(figures_engine) -> None:
    for hit in corpus.list_figures(figures_engine):
        assert hit.quote[hit.quote_start:hit.quote_end] == hit.text
        doc = corpus.get_document(figures_engine, hit.document_id)
        passage = next(p for p in doc.passages if p.id == hit.passage_id)
        plain = hit.quote.strip("…")
        assert plain in doc.text[passage.start:passage.end]
        assert len(hit.quote) <= max(passage.end - passage.start, 460)


def test_facets_count_the_filtered_figures(figures_engine) -> None:
    assert corpus.figure_facets(figures_engine) == {
        "indicator": {ILLEGAL_KR: 5, ABROAD: 1, ABROAD_RU: 1, ABROAD_KR: 1,
                      PRESENT_KR: 1},
        "place": {"South Korea": 7, "Russia": 1},
        "year": {"2018": 1, "2019": 1, "2020": 1, "2022": 1},
        "source_kind": {OFFICIAL: 8, "unknown": 1},
        "language": {"kk": 5, "ru": 4},
        "kind": {"statistic": 9},
    }
    assert corpus.figure_facets(figures_engine, language="ru", place="South Korea") == {
        "indicator": {ABROAD_KR: 1, ILLEGAL_KR: 1}, "place": {"South Korea": 2}, "year": {},
        "source_kind": {OFFICIAL: 2}, "language": {"ru": 2}, "kind": {"statistic": 2}}
    assert corpus.figure_facets(figures_engine, query="***") == {name: {} for name in corpus.figures.FACETS}


def test_empty_corpus(engine) -> None:
    assert corpus.list_figures(engine) == []
    assert corpus.figure_facets(engine) == {name: {} for name in corpus.figures.FACETS}


def test_bad_year_is_a_corpus_error(figures_engine) -> None:
    with pytest.raises(corpus.CorpusError, match="year"):
        corpus.list_figures(figures_engine, year="twenty")


@pytest.mark.parametrize("query", ["'", '"', "NEAR(", "' OR 1=1 --", "%", "\x00", "Корея*"])
def test_query_syntax_never_raises(figures_engine, query) -> None:
    assert isinstance(corpus.list_figures(figures_engine, query=query), list)
    corpus.figure_facets(figures_engine, query=query)


LONG = " ".join(f"w{i:03d}" for i in range(200))  # 200 words of 4 letters: 999 characters


@pytest.mark.parametrize("source, start, end, quote, qs", [
    ("short text 42 here", 11, 13, "short text 42 here", 11),
    ("", 0, 0, "", 0),
    (LONG, 0, 4, LONG[:LONG.rfind(" ", 0, 300)] + "…", 0),
    (LONG, 995, 999, "…" + LONG[LONG.find(" ", 699) + 1:], None),
    (LONG, 500, 504, None, None),
])
def test_quote_window(source, start, end, quote, qs) -> None:
    got, got_start, got_end = quote_window(source, start, end)
    assert got[got_start:got_end] == source[start:end]
    if quote is not None:
        assert got == quote
    if qs is not None:
        assert got_start == qs
    assert len(got) <= 302
    if source is LONG and 0 < start < 900:
        assert got.startswith("…") and got.endswith("…") and got_start > 100


def test_figures_from_the_real_pipeline(engine) -> None:
    """Seeds ingested through ingest → nlp → corpus: every stored figure lists with its number quoted."""
    report = corpus.ingest_paths(engine, [RU_NEWS, KK_INQUIRY])
    assert report.ok, report.failed
    hits = corpus.list_figures(engine, limit=10_000)
    assert hits, "nlp.analyze stores no figures for the seeds"
    for hit in hits:
        assert hit.quote[hit.quote_start:hit.quote_end] == hit.text
        assert hit.passage_id is not None and hit.source_kind in {"official", "unofficial", "unknown"}
    facets = corpus.figure_facets(engine)
    assert sum(facets["language"].values()) == sum(facets["kind"].values()) == len(hits)
    for place, n in facets["place"].items():
        assert len(corpus.list_figures(engine, place=place)) == n
    values = {h.value for h in corpus.list_figures(engine, place="South Korea", language="kk")}
    assert {9600, 10_707} <= values  # the Kazakh inquiry's official series on South Korea
