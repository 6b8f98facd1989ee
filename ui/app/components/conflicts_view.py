"""Conflict cards as the explorer shows them: a card's heading, each figure as a column (value with its
approximation marker, moment, document date, who says it, an official/unofficial badge in words, language,
the quote with the number marked, the figures it disagrees with). Everything from a document is escaped.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from corpus.cards import pair_bases
from corpus.claims import disagreements, source_count

from .figures_view import format_value, source_kind_label, when
from .highlight import escape_text, mark_span
from .labels import document_title, language_label
from .params import passage_query

SORT_LABELS = {"": "Widest spread", "recent": "Newest first", "sources": "Most sources"}
KIND_LABELS = {"official vs unofficial": "Official vs unofficial", "official vs official": "Official vs official",
               "unofficial vs unofficial": "Unofficial vs unofficial"}


def kind_label(kind: str | None) -> str:
    """'Official vs unofficial' for a card kind; other kinds capitalised."""
    return KIND_LABELS.get(kind or "", (kind or "—").replace("_", " ").capitalize())


def badge_html(source_kind: str | None) -> str:
    """The source kind as a word in a badge (its colour only repeats the word)."""
    code = source_kind if source_kind in ("official", "unofficial") else "unknown"
    return f'<span class="saual-badge saual-badge-{code}">{escape_text(source_kind_label(source_kind))}</span>'


def figure_value(figure: Any) -> str:
    """A card figure's value as a reader writes it: '≈ 20,000 persons', '10–12%', '> 7%'."""
    return format_value(figure.value, figure.value_max, figure.qualifier, figure.unit)


def first_seen_day(card: Any) -> str:
    """The day a card was first seen (YYYY-MM-DD), or '—'."""
    return (card.first_seen or "—")[:10]


def card_heading_html(card: Any) -> str:
    """The card's title and one line: place, moment, kind, spread, sources, first seen."""
    facts = [card.place or "", f"moment {card.period}", f"{card.confidence} confidence",
             kind_label(card.kind), f"spread {card.spread:.0%}",
             f"{source_count(card)} sources", f"{len(card.figures)} figures", f"first seen {first_seen_day(card)}"]
    total = getattr(card, "pairs_total", 0) or 0
    if total > len(card.pairs):
        facts.append(f"the {len(card.pairs):,} widest of {total:,} disagreements shown")
    return (f'<div class="saual-card-head"><div class="saual-result-title">{escape_text(card.label)}</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(f for f in facts if f))}</div></div>')


def _quote(figure: Any, hit: Any | None) -> str:
    if hit is None:
        return mark_span(figure.text, 0, len(figure.text), "figure")
    return mark_span(hit.quote, hit.quote_start, hit.quote_end, "figure", figure_value(figure))


def figure_html(card: Any, index: int, hit: Any | None, others: list[int] | None = None,
                bases: dict[frozenset[int], str] | None = None) -> str:
    """One figure of a card: number, value, badge, moment and document date, source, language, quote
    (`others` and `bases`, the card's disagreements and pair_bases, computed once per card by the caller)."""
    figure = card.figures[index]
    others = disagreements(card).get(index, []) if others is None else others
    bases = pair_bases(card) if bases is None else bases
    clash = " saual-claim-clash" if others else ""
    moment = when(figure) or "no year"
    dated = f"document of {hit.date.isoformat()}" if hit is not None and hit.date else "undated document"
    language = language_label(hit.language) if hit is not None else "—"
    where = [document_title(hit) if hit is not None else figure.doc, f"page {figure.page}" if figure.page else ""]
    against = ("Disagrees with " + ", ".join(_against(j, bases.get(frozenset((index, j)))) for j in others)) \
        if others else "Agrees with the others"
    return (f'<div class="saual-claim{clash}" id="card-{escape_text(card.id)}-figure-{index + 1}">'
            f'<div class="saual-claim-head"><span class="saual-claim-number">#{index + 1}</span> '
            f'<span class="saual-figure-value">{escape_text(figure_value(figure))}</span> '
            f'{badge_html(figure.source_kind)}</div>'
            f'<div class="saual-meta">{escape_text(f"{moment} · {dated}")}</div>'
            f'<div class="saual-meta">{escape_text("Says: " + (figure.source or "not stated"))} · '
            f'{escape_text(language)}</div>'
            f'<div class="saual-snippet">{_quote(figure, hit)}</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(w for w in where if w))}</div>'
            f'<div class="saual-disagree">{escape_text(against)}</div></div>')


def _against(j: int, basis: str | None) -> str:
    """`#2 (same year)`: the other figure, and why the two are one moment when the card says."""
    return f"#{j + 1} ({basis})" if basis else f"#{j + 1}"


def passage_params(figure: Any, hit: Any | None) -> dict[str, str]:
    """The Document page's query parameters for a card figure: its document and passage."""
    return passage_query(figure.document_id, hit.passage_id if hit is not None else None)


def figures_grid_html(card: Any, hits: list[Any | None], count: int) -> str:
    """The card's first `count` figures side by side in one block, each with a link to its passage: a list of
    cards draws one element per card instead of columns, figures and links (hundreds of elements a page)."""
    others, bases = disagreements(card), pair_bases(card)
    cells = []
    for i, figure in enumerate(card.figures[:count]):
        hit = hits[i] if i < len(hits) else None
        href = escape_text("document?" + urlencode(passage_params(figure, hit)))
        cells.append(f'<div>{figure_html(card, i, hit, others.get(i, []), bases)}'
                     f'<a class="saual-passage-link" href="{href}" target="_self" '
                     f'title="The document at this figure">Open passage #{i + 1}</a></div>')
    return f'<div class="saual-claims-grid">{"".join(cells)}</div>'


CSS = """
<style>
.saual-card-head {margin: 0 0 .4rem 0;}
.saual-claim {padding: .2rem .5rem; border-left: 3px solid rgba(120,120,130,.35);}
.saual-claim-clash {border-left: 3px dashed #b00020;}
.saual-claim-number {font-weight: 700; color: rgba(100,100,110,.95); margin-right: .2rem;}
.saual-badge {display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .45em; border-radius: .6em;
  border: 1px solid currentColor; vertical-align: middle;}
.saual-badge-official {color: #1b5e20;}
.saual-badge-unofficial {color: #b34700;}
.saual-badge-unknown {color: rgba(90,90,100,.95);}
.saual-claims-grid {display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .8rem 1rem;}
.saual-disagree {font-size: .85rem; font-weight: 600; margin-top: .2rem;}
.saual-claim-clash .saual-disagree {color: #b00020;}
.saual-doc mark.conflict {background: #ffd6d6; border-bottom: 2px dashed #b00020;}
.saual-doc mark.conflict::after {content: " ⚑ conflict"; font-size: .7em; font-weight: 600; color: #b00020;}
</style>
"""
