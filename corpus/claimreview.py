"""A conflict card as a fact-check draft: schema.org ClaimReview JSON-LD, one ClaimReview per disagreeing figure.

Each review names the claim (its quote), who made it and when, where it appears (the document passage)
and leaves the verdict to a person: the Rating carries "Needs review" and no ratingValue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin

from .cards import CardFigure, ConflictCard, disagreements
from .figures import FigureHit

__all__ = ["NEEDS_REVIEW", "claim_review", "claim_sentence"]

NEEDS_REVIEW = "Needs review"
MARKS = {"about": "≈", "more_than": ">", "at_least": "≥", "up_to": "≤", "less_than": "<"}


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if float(value).is_integer() else f"{value:g}"


def stated(figure: CardFigure) -> str:
    """The figure's value as a reader writes it: '9 600', '≈20 000', '3–5 %', '> 75 %'."""
    shown = _number(figure.value)
    if figure.value_max is not None and figure.value_max != figure.value:
        shown += f"–{_number(figure.value_max)}"
    unit = " %" if figure.unit == "percent" else ""
    return MARKS.get(figure.qualifier, "") + shown + unit


def _clean(node: Any) -> Any:
    """The node without empty values (None, '', [] and {}), recursively."""
    if isinstance(node, dict):
        kept = {k: _clean(v) for k, v in node.items()}
        return {k: v for k, v in kept.items() if v not in (None, "", [], {})}
    if isinstance(node, list):
        return [_clean(v) for v in node]
    return node


def _url(base: str | None, relative: str) -> str:
    return urljoin(base, relative) if base else relative


def _passage_link(figure: CardFigure, hit: FigureHit | None) -> str:
    link = f"document?doc={figure.document_id}"
    return link + (f"&p={hit.passage_id}" if hit is not None and hit.passage_id is not None else "")


def claim_sentence(hit: FigureHit | None, figure: CardFigure) -> str:
    """The sentence of the quote that holds the figure (the whole quote when it cannot be told)."""
    if hit is None:
        return " ".join(figure.text.split())
    from nlp import sentences

    spans = sentences(hit.quote)
    a, b = next(((a, b) for a, b in spans if a <= hit.quote_start < b), (0, len(hit.quote)))
    return " ".join(hit.quote[a:max(b, hit.quote_end)].split())


def _claim(figure: CardFigure, hit: FigureHit | None, base: str | None) -> dict[str, Any]:
    """The schema.org Claim: its sentence, who said it, when, and the document passage it appears in."""
    quote = claim_sentence(hit, figure)
    date = hit.date.isoformat() if hit is not None and hit.date else None
    where = {"@type": "CreativeWork", "url": _url(base, _passage_link(figure, hit)),
             "headline": (hit.title if hit else None) or figure.doc, "datePublished": date,
             "inLanguage": hit.language if hit else None}
    author = figure.source or (hit.title if hit else None) or figure.doc
    return {"@type": "Claim", "text": quote, "author": {"@type": "Organization", "name": author},
            "datePublished": date, "appearance": [where], "firstAppearance": where}


def _explanation(card: ConflictCard, i: int, others: list[int]) -> str:
    """Why the figure is under review: what it states and which figures of the same moment disagree."""
    def one(n: int) -> str:
        f = card.figures[n]
        return f"{stated(f)} ({f.source or f.doc}, {f.source_kind})"

    against = "; ".join(one(j) for j in others)
    return (f"{card.label}, {card.period}: {one(i)} disagrees with {against}. "
            f"Spread {card.spread:.0%} ({card.kind}).")


def claim_review(card: ConflictCard, hits: Sequence[FigureHit | None] | None = None, *,
                 base_url: str | None = None, author: str = "Saual", published: dt.date | None = None
                 ) -> dict[str, Any]:
    """JSON-LD: a @graph of ClaimReviews, one per disagreeing figure of `card` (`hits`: its FigureHits,
    same order, for quotes, dates and passages); `base_url` makes the explorer links absolute."""
    hits = list(hits or [])
    published = published or dt.date.today()
    others = disagreements(card)
    card_url = _url(base_url, f"conflicts?card={card.id}")
    graph = []
    for i in sorted(others):
        figure, hit = card.figures[i], hits[i] if i < len(hits) else None
        claim = _claim(figure, hit, base_url)
        graph.append({
            "@type": "ClaimReview", "@id": f"{card_url}#card-{card.id}-figure-{i + 1}", "url": card_url,
            "name": f"{card.label} ({card.period}): {stated(figure)}", "datePublished": published.isoformat(),
            "author": {"@type": "Organization", "name": author}, "claimReviewed": claim["text"],
            "itemReviewed": claim,
            "reviewRating": {"@type": "Rating", "alternateName": NEEDS_REVIEW,
                             "ratingExplanation": _explanation(card, i, others[i])},
        })
    return _clean({"@context": "https://schema.org", "@graph": graph})
