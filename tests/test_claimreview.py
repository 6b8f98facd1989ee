"""ClaimReview JSON-LD drafts of conflict cards (golden), the card helpers of corpus.claims (order, filters,
counts, one card, a document's conflict figures) and `saual conflicts --claimreview` on an ingested corpus."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import corpus
from corpus import CardFigure, ConflictCard, FigureHit, card_facets, claim_review, filter_cards, sort_cards
from corpus.claimreview import NEEDS_REVIEW, stated
from tests.fixtures_db import SOUTH_KOREA, UNEMPLOYMENT, write_conflict_documents
from tests.test_cli import runner
from ui import cli

KR = "migrant_workers.illegal|persons|South Korea"


def F(value, source, kind, doc=1, qualifier="exact", value_max=None, unit="persons", start=0) -> CardFigure:
    return CardFigure(doc=f"doc{doc}", path=f"/x/doc{doc}.txt", document_id=doc, text=f"{value:g}", value=value,
                      value_max=value_max, qualifier=qualifier, unit=unit, year=2024, period="2024", source=source,
                      source_kind=kind, page=1, start=start, end=start + 5)


def H(figure: CardFigure, quote: str, date: dt.date | None, passage: int | None, title: str) -> FigureHit:
    at = quote.index(figure.text) if figure.text in quote else 0
    return FigureHit(document_id=figure.document_id, title=title, path=figure.path, date=date, id=1,
                     passage_id=passage, page=1, start=figure.start, end=figure.end, text=figure.text,
                     doc_kind="news", language="ru", value=figure.value, value_max=figure.value_max,
                     qualifier=figure.qualifier, approx=False, unit=figure.unit, what=None, indicator=KR,
                     place="South Korea", year=2024, period="2024", source=figure.source,
                     source_kind=figure.source_kind, kind="statistic", quote=quote, quote_start=at,
                     quote_end=at + len(figure.text))


def card(*figures: CardFigure, pairs=((0, 1),), spread=0.52, first_seen="2025-10-12T00:00:00+00:00",
         indicator=KR, kind="official vs unofficial") -> ConflictCard:
    return ConflictCard(id=f"id-{indicator[:3]}-{len(figures)}", indicator=indicator, label="illegal migrants",
                        place="South Korea", period="2024", kind=kind, spread=spread, first_seen=first_seen,
                        figures=list(figures), pairs=[list(p) for p in pairs])


SEED = card(F(9600, "Министерство труда", "official"), F(20000, "диаспора", "unofficial", doc=2, qualifier="about"),
            F(9700, None, "official", doc=3))
HITS = [H(SEED.figures[0], "Министерство труда: 9600 граждан.", dt.date(2025, 10, 9), 8, "Минтруда"),
        H(SEED.figures[1], "По оценке диаспоры, около 20000 граждан.", dt.date(2025, 10, 12), 2, "Диаспора"), None]


def test_golden_claimreview_of_a_card() -> None:
    doc = claim_review(SEED, HITS, base_url="https://saual.example/", published=dt.date(2025, 11, 1))
    assert doc["@context"] == "https://schema.org" and len(doc["@graph"]) == 2  # the agreeing 9 700 has no review
    first, second = doc["@graph"]
    assert first == {
        "@type": "ClaimReview", "@id": "https://saual.example/conflicts?card=id-mig-3#card-id-mig-3-figure-1",
        "url": "https://saual.example/conflicts?card=id-mig-3", "name": "illegal migrants (2024): 9 600",
        "datePublished": "2025-11-01", "author": {"@type": "Organization", "name": "Saual"},
        "claimReviewed": "Министерство труда: 9600 граждан.",
        "itemReviewed": {
            "@type": "Claim", "text": "Министерство труда: 9600 граждан.",
            "author": {"@type": "Organization", "name": "Министерство труда"}, "datePublished": "2025-10-09",
            "appearance": [{"@type": "CreativeWork", "url": "https://saual.example/document?doc=1&p=8",
                            "headline": "Минтруда", "datePublished": "2025-10-09", "inLanguage": "ru"}],
            "firstAppearance": {"@type": "CreativeWork", "url": "https://saual.example/document?doc=1&p=8",
                                "headline": "Минтруда", "datePublished": "2025-10-09", "inLanguage": "ru"}},
        "reviewRating": {"@type": "Rating", "alternateName": NEEDS_REVIEW, "ratingExplanation": (
            "illegal migrants, 2024: 9 600 (Министерство труда, official) disagrees with ≈20 000 (диаспора, "
            "unofficial). Spread 52% (official vs unofficial).")},
    }
    assert "ratingValue" not in first["reviewRating"]  # the verdict is the fact-checker's
    assert second["itemReviewed"]["author"]["name"] == "диаспора"
    assert second["claimReviewed"].startswith("По оценке диаспоры")
    json.dumps(doc)  # plain JSON


def test_without_hits_or_base_url_the_draft_uses_the_card_alone() -> None:
    lone = card(F(3, None, "official", qualifier="range", value_max=5, unit="percent"),
                F(16, "экономисты", "unknown", doc=2, qualifier="at_least", unit="percent"))
    (first, second) = claim_review(lone, published=dt.date(2025, 1, 2))["@graph"]
    assert first["url"] == "conflicts?card=id-mig-2" and first["claimReviewed"] == "3"
    claim = first["itemReviewed"]
    assert claim["author"]["name"] == "doc1" and "datePublished" not in claim  # no empty fields
    assert claim["appearance"] == [{"@type": "CreativeWork", "url": "document?doc=1", "headline": "doc1"}]
    assert first["name"].endswith("3–5 %") and second["name"].endswith("≥16 %")


@pytest.mark.parametrize("figure, shown", [
    (F(9600, None, "official"), "9 600"), (F(20000, None, "x", qualifier="about"), "≈20 000"),
    (F(75, None, "x", qualifier="more_than", unit="percent"), ">75 %"),
    (F(3, None, "x", qualifier="range", value_max=5, unit="percent"), "3–5 %"), (F(4.7, None, "x"), "4.7"),
])
def test_stated_values(figure, shown) -> None:
    assert stated(figure) == shown


def test_card_order_filters_and_counts() -> None:
    wide = card(F(1, "a", "official"), F(3, "b", "unofficial", doc=2), spread=0.6, first_seen="2025-01-01",
                indicator="unemployment|percent|Kazakhstan", kind="official vs unknown")
    many = card(F(1, "a", "official"), F(2, "b", "unofficial", doc=2), F(2, "c", "unofficial", doc=3), spread=0.3,
                first_seen="2025-09-01")
    assert sort_cards([many, wide]) == [wide, many]
    assert sort_cards([wide, many], "recent") == [many, wide]
    assert sort_cards([wide, many], "sources") == [many, wide]
    with pytest.raises(corpus.CorpusError, match="unknown card order"):
        sort_cards([wide], "loudest")
    assert filter_cards([wide, many], place="south korea") == [wide, many]
    assert filter_cards([wide, many], kind="official vs unknown", source_kind="unofficial") == [wide]
    assert card_facets([wide, many])["source_kind"] == {"official": 2, "unofficial": 2}


def test_cli_prints_the_claimreview_of_a_card(conflict_corpus_url) -> None:
    engine = corpus.get_engine(conflict_corpus_url)
    cards = {c.indicator: c for c in corpus.list_conflicts(engine)}
    assert set(cards) == {SOUTH_KOREA, UNEMPLOYMENT}
    result = runner.invoke(cli.app, ["conflicts", "--claimreview", cards[SOUTH_KOREA].id, "--base-url",
                                     "http://localhost:8501/", "--db", conflict_corpus_url])
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)["@graph"]
    assert [r["itemReviewed"]["author"]["name"] for r in graph] == ["Министерство труда", "диаспора"]
    assert [r["itemReviewed"]["datePublished"] for r in graph] == ["2025-10-09", "2025-10-12"]
    assert all(r["itemReviewed"]["appearance"][0]["url"].startswith("http://localhost:8501/document?doc=")
               for r in graph)
    assert "9 600 граждан Казахстана" in graph[0]["claimReviewed"]
    missing = runner.invoke(cli.app, ["conflicts", "--claimreview", "nope", "--db", conflict_corpus_url])
    assert missing.exit_code == 1 and "no conflict card 'nope'" in missing.stderr


def test_card_views_and_a_documents_conflicts_on_each_database(engine, tmp_path) -> None:
    """corpus.claims over ingested documents, on SQLite and PostgreSQL: quotes aligned with the card's
    figures, filters and order, one card by id, and the figures of one document that are on a card."""
    assert corpus.ingest_paths(engine, [write_conflict_documents(tmp_path)]).ok
    views = corpus.list_conflict_views(engine)
    assert [v.card.indicator for v in views] == [UNEMPLOYMENT, SOUTH_KOREA]
    assert [v.card.indicator for v in corpus.list_conflict_views(engine, sort="sources")] == [UNEMPLOYMENT,
                                                                                             SOUTH_KOREA]
    korea = views[1]
    assert [(h.text, h.date.isoformat(), h.language) for h in korea.hits] == [
        ("9 600 граждан", "2025-10-09", "ru"), ("около 20 тысяч граждан", "2025-10-12", "ru")]
    assert all(h.quote[h.quote_start:h.quote_end] == h.text and h.passage_id for h in korea.hits)
    assert [v.card.id for v in corpus.list_conflict_views(engine, source_kind="unknown")] == [views[0].card.id]
    assert corpus.list_conflict_views(engine, kind="official vs official") == []
    assert corpus.get_conflict(engine, korea.card.id).figures == korea.card.figures
    assert corpus.get_conflict(engine, "nope") is None and corpus.get_conflict_view(engine, "") is None
    marks = corpus.conflicts_of_document(engine, korea.hits[1].document_id)
    assert [(m.card_id, m.index, m.disagrees_with, m.kind) for m in marks] == [
        (korea.card.id, 1, [0], "official vs unofficial")]
    unrelated = next(d.id for d in corpus.list_documents(engine, include_undated=True) if "kk_news" in d.path)
    assert corpus.conflicts_of_document(engine, unrelated) == []


def test_the_claim_is_the_sentence_that_holds_the_figure() -> None:
    """A long passage is cut to the figure's own sentence, so the draft quotes one claim."""
    from types import SimpleNamespace

    from corpus.claimreview import claim_sentence

    quote = "Ресми дерек бойынша 2022 жылы 9600 азамат болды. Бірақ ресми сандар шынайы жағдайды көрсетпейді."
    hit = SimpleNamespace(quote=quote, quote_start=quote.index("9600"), quote_end=quote.index("9600") + 4)
    assert claim_sentence(hit, None) == "Ресми дерек бойынша 2022 жылы 9600 азамат болды."
    later = SimpleNamespace(quote=quote, quote_start=quote.index("шынайы"), quote_end=quote.index("шынайы") + 6)
    assert claim_sentence(later, None).startswith("Бірақ ресми сандар")
