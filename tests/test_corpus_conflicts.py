"""Conflicts: golden tables of the comparison rules (corpus.conflicts) and the stored cards (corpus.cards)
on SQLite and PostgreSQL: first_seen kept across recomputes, incremental recompute on ingest, the sample corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

import corpus
from corpus import Settings, Statement, agree, moment_basis, moments, overfull, same_moment
from ingest import read
from nlp import Analysis
from tests.test_corpus_figures import (
    ILLEGAL_KR,
    KK_INQUIRY,
    PRESENT_KR,
    RU_NEWS,
    figure,
    kk_figures,
    ru_figures,
)

D1, D2 = dt.date(2025, 5, 1), dt.date(2025, 10, 9)


def S(value, year=2022, *, q="exact", vmax=None, doc=1, kind="official", lang="kk", period=None, date=None,
      source=None, fkind="statistic", sid=0, part="", contrast=False) -> Statement:
    """A hand-built statement: by default an official exact figure for 2022 in document 1."""
    return Statement(id=sid, value=value, value_max=vmax, qualifier=q, year=year, period=period, source_kind=kind,
                     document_id=doc, doc_date=date, language=lang, source=source, kind=fkind, part=part,
                     contrast=contrast)


@pytest.mark.parametrize("a, b, expected", [
    (S(100), S(104, doc=2), True),                              # within 5 %
    (S(100), S(110, doc=2), False),                             # 10 % apart
    (S(100), S(112, doc=2, q="about"), True),                   # approximation widens to 15 %
    (S(9600), S(20000, doc=2, q="about"), False),
    (S(12000), S(11950, doc=2, q="more_than"), True),           # a lower bound agrees with any value above
    (S(11950, q="more_than"), S(12000, doc=2), True),
    (S(500), S(1000, doc=2, q="at_least"), False),              # … not with one far below it
    (S(60, q="up_to"), S(40, doc=2), True),                     # an upper bound agrees with values below
    (S(60, q="less_than"), S(90, doc=2), False),
    (S(3, q="range", vmax=5), S(4, doc=2), True),               # a range agrees with values inside
    (S(3, q="range", vmax=5), S(16, doc=2, q="at_least"), False),
    (S(3, q="range", vmax=5), S(5.2, doc=2), True),             # … and with one just outside, within tolerance
    (S(40, q="more_than"), S(75, doc=2, q="more_than"), True),  # two lower bounds never contradict
    (S(0), S(0, doc=2), True),
])
def test_agreement(a, b, expected) -> None:
    assert agree(a, b) is expected
    assert agree(b, a) is expected


@pytest.mark.parametrize("a, b, expected", [
    (S(9600, lang="kk"), S(9600, lang="ru", source="x"), True),          # bilingual halves: one statement
    (S(9600, lang="kk", kind="official"), S(9700, lang="ru", kind="official"), True),  # same source, two halves
    (S(15000, source="вице-министр"), S(11000, source="Вице-министр "), True),  # one source: parts, not a clash
    (S(15000, source="министр"), S(11000, kind="unofficial", source="диаспора"), False),
    (S(16, kind="unknown"), S(3, q="range", vmax=5, kind="unofficial"), False),
    (S(9600, lang="kk"), S(9600, lang="ru", doc=2), True),               # equal values agree anyway
])
def test_one_document(a, b, expected) -> None:
    assert agree(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    (S(11413, 2018), S(10707, 2019, doc=2), False),                              # an annual series is a trend
    (S(9600, 2022), S(20000, 2022, doc=2, kind="unofficial"), True),             # same year
    (S(1, 2025, period="now", date=D1), S(2, 2025, doc=2, period="now", date=D2), True),   # "now", within window
    (S(1, 2023, period="now", date=dt.date(2023, 5, 1)), S(2, 2025, doc=2, period="now", date=D2), False),
    (S(1, 2024, period="now", date=dt.date(2024, 12, 20)), S(2, 2025, doc=2, period="now", date=D1), True),
    (S(1, None, period="now"), S(2, None, doc=2, period="now"), False),          # undated documents: unknown
    (S(1, None, period="now"), S(2, None, period="now", kind="unofficial"), True),  # … unless one document
    (S(9600, 2022), S(20000, 2023, period="now", kind="unofficial", q="about", contrast=True), True),  # own contrast
    (S(9600, 2022), S(20000, 2023, period="now", kind="unofficial", q="about"), False),  # … said in so many words
    (S(9600, 2020), S(20000, 2023, period="now", kind="unofficial", contrast=True), False),  # … adjacent years
    (S(9600, 2022), S(20000, 2023, doc=2, period="now", kind="unofficial", contrast=True), False),  # … one document
    (S(9600, 2022), S(9700, 2023, period="now", contrast=True), False),          # … official against unofficial
    (S(1, None), S(2, None, doc=2), False),                                      # no time: never compared
])
def test_same_moment(a, b, expected) -> None:
    assert same_moment(a, b) is expected
    assert same_moment(b, a) is expected


def test_window_is_configurable() -> None:
    a, b = S(1, 2025, period="now", date=D1), S(2, 2025, doc=2, period="now", date=D2)
    assert same_moment(a, b, Settings(window_days=30)) is False  # for two "now" statements the window decides
    c = S(2, 2026, doc=2, period="now", date=D1 + dt.timedelta(days=400))
    assert same_moment(a, c) is False and same_moment(a, c, Settings(window_days=1000)) is True


def test_moments_of_the_seed_series() -> None:
    """The official series 2018–2022 is a trend; the inquiry's own "now" estimate clashes with 2022 only."""
    series = [S(v, y, sid=y, source="Ресми дерек") for v, y in ((11413, 2018), (10707, 2019), (8902, 2020),
                                                               (9600, 2022))]
    estimate = S(20000, 2023, q="about", kind="unofficial", period="now", sid=1, contrast=True)
    found = moments([*series, estimate])
    assert len(found) == 1
    m = found[0]
    assert [s.value for s in m.statements] == [9600, 20000] and m.pairs == [(0, 1)]
    assert (m.kind, m.spread, m.period) == ("official vs unofficial", 0.52, "now (2022–2023)")
    assert moments(series) == []


def test_an_undated_inquiry_contrasts_its_estimate_with_the_latest_official_year() -> None:
    """Undated document: its "now" is no earlier than the newest year it gives, so only that year is contrasted."""
    series = [S(v, y, sid=y) for v, y in ((11413, 2018), (10707, 2019), (8902, 2020), (9600, 2022))]
    estimate = S(20000, None, q="about", kind="unknown", period="now", sid=1, contrast=True)
    [m] = moments([*series, estimate])
    assert [s.value for s in m.statements] == [9600, 20000] and m.pairs == [(0, 1)]
    assert (m.kind, m.period) == ("official vs unknown", "now (2022)")
    assert same_moment(series[-1], estimate) is False  # alone, an undated "now" has no year to be adjacent to
    assert moments([S(1, 2022, doc=2), estimate]) == []  # … nor from another document's years


@pytest.mark.parametrize("other_date, expected", [
    (dt.date(2022, 3, 1), "undated now"),   # the undated inquiry's present is no earlier than 2022 …
    (dt.date(2025, 10, 9), "undated now"),  # … and taken as up to 3 years later
    (dt.date(2026, 1, 5), None),            # later than that: too far to be one moment
    (dt.date(2021, 12, 30), None),          # earlier than the inquiry's own newest year: it cannot be its present
])
def test_an_undated_now_meets_dated_now_statements_from_its_newest_year_on(other_date, expected) -> None:
    official = S(9600, 2022, sid=1)
    estimate = S(20000, None, q="about", kind="unofficial", period="now", sid=2, contrast=True)
    ministry = S(11000, other_date.year, doc=2, period="now", date=other_date, sid=3)
    found = {(frozenset((m.statements[i].id, m.statements[j].id)), b)
             for m in moments([official, estimate, ministry]) for (i, j), b in zip(m.pairs, m.bases)}
    assert (frozenset((1, 2)), "own contrast") in found  # the inquiry's own contrast holds either way
    assert ((frozenset((2, 3)), expected) in found) if expected else not any(3 in ids for ids, _ in found)
    if other_date.year != official.year:
        assert moment_basis(official, ministry) is None  # 2022 against another year: a trend, never this rule


@pytest.mark.parametrize("a, b, basis, confidence", [
    (S(100), S(200, doc=2), "same year", "high"),
    (S(100, None, period="now", date=D1), S(200, None, doc=2, period="now", date=D2),
     "now, dated within the window", "medium"),
    (S(100, None, period="now"), S(200, None, period="now", kind="unofficial", source="x"), "one document, now",
     "high"),
])
def test_each_disagreeing_pair_says_why_it_is_one_moment(a, b, basis, confidence) -> None:
    b.id = 1
    [m] = moments([a, b])
    assert m.bases == [basis] and m.confidence == confidence


@pytest.mark.parametrize("a, b, expected", [
    (S(51, part="share.domestic"), S(75, q="more_than", part="share.relocant", kind="unofficial"), True),
    (S(40, part="share.domestic"), S(60, part="share.foreign", kind="unofficial"), False),   # adds up to 100 %
    (S(51, part="share.domestic"), S(52, q="about", part="share.foreign", kind="unofficial"), False),  # tolerance
    (S(51, part="share.domestic"), S(75, part="share.domestic", doc=2), False),  # one part: the plain rule's job
    (S(51, part="share.domestic", source="x"), S(75, part="share.foreign", source="x"), False),  # one source
    (S(30, q="up_to", part="share.domestic"), S(90, part="share.foreign", doc=2), False),  # a bound from above
])
def test_shares_of_disjoint_parts_conflict_only_above_100_percent(a, b, expected) -> None:
    assert overfull(a, b) is expected and overfull(b, a) is expected


def test_moments_keep_agreeing_figures_and_skip_proposals() -> None:
    figures = [S(100, sid=1), S(102, doc=2, sid=2), S(130, doc=3, kind="unofficial", sid=3),
               S(50, doc=4, fkind="proposal", sid=4), S(7, None, doc=5, sid=5)]
    [m] = moments(figures)
    assert [s.id for s in m.statements] == [1, 2, 3]
    assert m.pairs == [(0, 2), (1, 2)] and m.kind == "official vs unofficial"
    assert m.spread == round(30 / 130, 4)
    unknown = moments([S(1, doc=1, kind="unknown"), S(2, doc=2, kind="unofficial")])
    assert unknown[0].kind == "unknown vs unofficial"
    assert moments([S(1, doc=1), S(2, doc=2)])[0].kind == "official vs official"


# ------------------------------------------------------------------ stored cards


def _seed(engine, extra: bool = True) -> None:
    """The two seeds with hand-built figures, plus the inquiry's "now" estimate of illegal migrants."""
    for path, make in ((RU_NEWS, ru_figures), (KK_INQUIRY, kk_figures)):
        doc = read(path)
        figures = make(doc.text)
        if extra and path == KK_INQUIRY:
            figures.append(figure(doc.text, "20 мыңға жуық", 20_000, nth=1, qualifier="about", unit="persons",
                                  place="South Korea", indicator=ILLEGAL_KR, source_kind="unofficial",
                                  year=2023, period="now", contrast=True))
        corpus.store_document(engine, doc, Analysis(figures=figures))


def test_cards_on_stored_figures(engine) -> None:
    _seed(engine)
    first = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    cards = corpus.recompute_conflicts(engine, now=first)
    assert [c.indicator for c in cards] == [ILLEGAL_KR]
    card = cards[0]
    assert [(f.doc, f.value, f.year) for f in card.figures] == [("003_47f95be80caae6ce", 9600, 2022),
                                                                ("003_47f95be80caae6ce", 20000, 2023)]
    assert card.pairs == [[0, 1]] and card.kind == "official vs unofficial" and card.place == "South Korea"
    assert card.first_seen == "2026-01-02T03:04:05+00:00" and "South Korea" in card.label
    listed = corpus.list_conflicts(engine)
    assert [c.id for c in listed] == [card.id] and listed[0].first_seen == card.first_seen
    later = corpus.recompute_conflicts(engine, [ILLEGAL_KR], now=first + dt.timedelta(days=3))
    assert later[0].first_seen == card.first_seen  # first seen stays
    assert corpus.list_conflicts(engine, since=dt.date(2026, 1, 2))
    assert corpus.list_conflicts(engine, since=dt.date(2026, 1, 3)) == []
    assert corpus.list_conflicts(engine, place="south korea") and not corpus.list_conflicts(engine, place="Russia")
    assert corpus.list_conflicts(engine, indicator=PRESENT_KR) == []


def test_a_card_that_stops_holding_is_inactive(engine) -> None:
    _seed(engine)
    corpus.recompute_conflicts(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE figures SET value = 9700 WHERE value = 20000 AND indicator = :i"), {"i": ILLEGAL_KR})
    assert corpus.recompute_conflicts(engine, [ILLEGAL_KR]) == []
    assert corpus.list_conflicts(engine) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM conflicts WHERE active = false")).scalar() == 1


def test_no_conflict_without_the_estimate(engine) -> None:
    _seed(engine, extra=False)
    assert corpus.recompute_conflicts(engine) == []  # series, subsets and one source's parts never clash


def test_ingest_recomputes_the_touched_indicators(engine, make_document, monkeypatch) -> None:
    touched: list = []
    real = corpus.pipeline.recompute_conflicts
    monkeypatch.setattr(corpus.pipeline, "recompute_conflicts",
                        lambda eng, indicators: touched.append(set(indicators)) or real(eng, indicators))
    report = corpus.ingest_paths(engine, [RU_NEWS])
    assert report.ok and len(touched) == 1
    stored = {h.indicator for h in corpus.list_figures(engine) if h.indicator}
    assert touched[0] == stored


def test_sample_corpus(sample_corpus_url) -> None:
    """Every card of the ingested samples is well formed, and no pair in it comes from one source."""
    engine = corpus.get_engine(sample_corpus_url)
    corpus.recompute_conflicts(engine)
    for card in corpus.list_conflicts(engine):
        assert card.pairs and all(0 <= i < j < len(card.figures) for i, j in card.pairs)
        for i, j in card.pairs:
            a, b = card.figures[i], card.figures[j]
            assert a.document_id != b.document_id or a.source_kind != b.source_kind


def test_sample_corpus_finds_the_seed_conflicts_and_no_look_alikes(sample_corpus_url) -> None:
    """The ingest pipeline itself (no recompute here): the inquiry's 9 600 (2022) against its ~20 000 now, that
    ~20 000 against the ministry's 11 000 (2025), the freight shares above 100 %; never a series, a subset
    or an official count three years on."""
    cards = corpus.list_conflicts(corpus.get_engine(sample_corpus_url))
    pairs = {frozenset((c.figures[i].value, c.figures[j].value)) for c in cards for i, j in c.pairs}
    assert {frozenset((9600, 20000)), frozenset((20000, 11000)), frozenset((51, 75))} <= pairs
    for look_alike in ((15000, 11000), (9600, 11000), (9600, 11413), (126000, 102000), (30, 51), (20000, 15000)):
        assert frozenset(look_alike) not in pairs
    korea = [c for c in cards if c.place == "South Korea"]
    assert korea and all(c.kind == "official vs unofficial" for c in korea)


def test_two_now_moments_years_apart_get_two_cards(engine) -> None:
    """Undated-year "now" figures of documents dated years apart are two moments that read alike ("now"):
    each gets its own card id, and recomputing stores both."""
    from corpus.models import DocumentRow, FigureRow

    with engine.begin() as conn:
        for n, (day, values) in enumerate(((dt.date(2016, 1, 1), (100, 300)), (dt.date(2024, 1, 1), (100, 300)))):
            doc_id = conn.execute(DocumentRow.__table__.insert().values(
                path=f"/x/d{n}.txt", sha256=f"{n:064d}", format="txt", language="ru", kind="news", date=day, text="x",
                title=f"d{n}")).inserted_primary_key[0]
            for k, v in enumerate(values):
                conn.execute(FigureRow.__table__.insert().values(
                    document_id=doc_id, text=str(v), start=k, end=k + 1, value=v, qualifier="exact", unit="persons",
                    indicator="unemployed|persons|-", period="now", source_kind=("official", "unofficial")[k],
                    source=("министерство", "эксперты")[k], kind="statistic"))
    cards = corpus.recompute_conflicts(engine)
    assert [c.period for c in cards] == ["now", "now"] and len({c.id for c in cards}) == 2
    assert len(corpus.list_conflicts(engine)) == 2


def test_listed_cards_are_the_stored_ones_and_equal_a_fresh_judgement(sample_corpus_url) -> None:
    """list_conflicts reads the cards stored at the last recompute (schema 0003) rather than judging every
    indicator again; judged again with other (here equivalent) settings they come out the same."""
    import dataclasses

    engine = corpus.get_engine(sample_corpus_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM conflicts WHERE active AND card IS NULL")).scalar() == 0
    stored = [dataclasses.asdict(c) for c in corpus.list_conflicts(engine)]
    judged = [dataclasses.asdict(c) for c in corpus.list_conflicts(engine, settings=Settings(tolerance=0.0500001))]
    assert stored == judged and len(stored) == 2
    assert [c.id for c in corpus.list_conflicts(engine, place="south korea")] == \
        [c["id"] for c in stored if c["place"] == "South Korea"]


def test_a_crowded_moment_keeps_its_widest_pairs_and_counts_them_all() -> None:
    """Thousands of documents quoting one moment: the card keeps max_pairs pairs, the widest apart first."""
    crowd = [S(100, doc=d, sid=d) for d in range(1, 6)] + [S(150, doc=10, kind="unofficial", sid=10),
                                                           S(300, doc=11, kind="unofficial", sid=11)]
    [m] = moments(crowd, Settings(max_pairs=3))
    assert m.pairs_total == 11 and len(m.pairs) == 3 == len(m.bases)  # 5×2 with the two estimates, 150 vs 300
    assert all(300 in (m.statements[i].value, m.statements[j].value) for i, j in m.pairs)
    assert m.pairs == sorted(m.pairs)
