"""Figures as the explorer shows them: formatted values, readable labels, quotes with the number
marked, and side-by-side groups per indicator. Everything from a document is escaped first.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from corpus.compare import conflicts

from .highlight import escape_text, mark_span
from .labels import document_title, language_label
from .params import filter_options, passage_query

OPTION_CAP = 100  # values a sidebar filter lists, most frequent first (with the chosen one, whatever its rank)
QUALIFIER_SIGNS = {"about": "≈", "more_than": ">", "less_than": "<", "at_least": "≥", "up_to": "≤"}
UNITS = {"count": "", "persons": "persons", "percent": "%", "KZT": "KZT", "USD": "USD", "RUB": "RUB",
         "EUR": "EUR"}
SOURCE_KINDS = {"official": "Official", "unofficial": "Unofficial", "unknown": "Source not stated"}
FIGURE_KINDS = {"statistic": "Statistic", "money": "Money", "count": "Count", "rate": "Rate", "norm": "Norm",
                "proposal": "Proposal", "duration": "Duration"}


def format_number(value: float | None) -> str:
    """1234567 → '1,234,567'; 156.7 → '156.7'; at most two decimals, no trailing zeros."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(value: float | None, value_max: float | None = None, qualifier: str | None = "exact",
                 unit: str | None = "count") -> str:
    """The figure as a reader writes it: '≈ 20,000 persons', '2–4%', '> 126,000', '1,200 KZT'."""
    number = format_number(value)
    if value_max is not None and value_max != value:
        number = f"{number}–{format_number(value_max)}"
    sign = QUALIFIER_SIGNS.get(qualifier or "")
    text = f"{sign} {number}" if sign else number
    shown = UNITS.get(unit or "count", (unit or "").replace("_", " "))
    if shown == "%":
        return text + "%"
    return f"{text} {shown}" if shown else text


def _describe() -> Any:
    try:  # the indicator vocabulary is nlp's; older checkouts have no describer yet
        from nlp.indicators import describe_indicator
    except Exception:  # noqa: BLE001 - any import problem falls back to the readable key
        return None
    return describe_indicator


def indicator_label(key: str | None) -> str:
    """A readable name for an indicator key (nlp.indicators.describe_indicator when available)."""
    if not key:
        return "—"
    describe = _describe()
    if describe is not None:
        try:
            label = describe(key)
        except Exception:  # noqa: BLE001 - an unknown key is shown as itself
            label = None
        if label:
            return str(label).replace("_", " ")  # ids without a name in the lexicon
    concept, *qualifiers = [part.strip() for part in key.replace(":", "|").split("|")]
    words = " · ".join(part.replace("_", " ") for part in concept.split(".") if part) or key
    words = words[:1].upper() + words[1:]
    extra = [q.replace("_", " ") for q in qualifiers if q and q != "-"]
    return f"{words} ({', '.join(extra)})" if extra else words


def capped_options(counts: Mapping[Any, int], current: Any = None, cap: int | None = None) -> tuple[list, int]:
    """A sidebar filter's options (params.filter_options) of its `cap` (OPTION_CAP) most frequent values and the
    chosen one, and how many values were left out: thousands of indicators or places make a slow widget each run."""
    cap = OPTION_CAP if cap is None else cap
    top = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:cap]
    return filter_options(dict(top), current), max(len(counts) - len(top), 0)


def capped_note(label: str, counts: Mapping[Any, int], left_out: int) -> str:
    """'Place: the 100 most frequent of 2,345 listed.' for a capped filter ('' when nothing was left out)."""
    if not left_out:
        return ""
    return f"{label}: the {len(counts) - left_out:,} most frequent of {len(counts):,} listed (a link keeps any other)."


def source_kind_label(code: str | None) -> str:
    return SOURCE_KINDS.get(code or "unknown", (code or "").replace("_", " ").capitalize())


def figure_kind_label(code: str | None) -> str:
    return FIGURE_KINDS.get(code or "", (code or "—").replace("_", " ").capitalize())


def when(figure: Any) -> str:
    """Year and period: '2019', '2019 · 2019-Q1', or the period alone; '' when neither is known."""
    year, period = getattr(figure, "year", None), getattr(figure, "period", None)
    parts = [str(year)] if year else []
    if period and period != str(year):
        parts.append(str(period))
    return " · ".join(parts)


def figure_title(figure: Any) -> str:
    """The tooltip of a highlighted figure: 'value unit · source' (plain text, escape before use)."""
    value = format_value(figure.value, getattr(figure, "value_max", None), getattr(figure, "qualifier", None),
                         getattr(figure, "unit", None))
    source = getattr(figure, "source", None) or source_kind_label(getattr(figure, "source_kind", None))
    return f"{value} · {source}"


def quote_html(quote: str, start: int, end: int, title: str | None = None) -> str:
    """The quote escaped, with quote[start:end] wrapped in <mark class="figure">."""
    return mark_span(quote, start, end, "figure", title)


def figure_row_html(hit: Any) -> str:
    """One figure on the Figures page: value, what it describes, where from, and the quote."""
    value = format_value(hit.value, hit.value_max, hit.qualifier, hit.unit)
    head = [f'<span class="saual-figure-value">{escape_text(value)}</span>']
    if hit.what:
        head.append(f'<span class="saual-figure-what">{escape_text(hit.what)}</span>')
    indicator = indicator_label(hit.indicator) if hit.indicator else ""
    place = hit.place if hit.place and hit.place not in indicator else ""  # keys often name the place
    details = [indicator, place, when(hit),
               f"{hit.source} ({source_kind_label(hit.source_kind)})" if hit.source
               else source_kind_label(hit.source_kind),
               figure_kind_label(hit.kind)]
    where = [document_title(hit), language_label(hit.language)]
    if hit.date:
        where.append(hit.date.isoformat() if hasattr(hit.date, "isoformat") else str(hit.date))
    if hit.page:
        where.append(f"page {hit.page}")
    return ('<div class="saual-figure">'
            f'<div class="saual-figure-head">{" ".join(head)}</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(d for d in details if d))}</div>'
            f'<div class="saual-snippet">{quote_html(hit.quote, hit.quote_start, hit.quote_end, figure_title(hit))}'
            '</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(w for w in where if w))}</div></div>')


def figure_card_html(hit: Any) -> str:
    """A figure of the Figures page's list in one bordered block with a link to its passage (one element a
    figure: columns and a page link each made fifty figures some 250 elements to draw)."""
    href = escape_text("document?" + urlencode(passage_query(hit.document_id, hit.passage_id)))
    return (f'<div class="saual-figure-card">{figure_row_html(hit)}<a class="saual-passage-link" href="{href}" '
            'target="_self" title="The document at this figure">Open passage</a></div>')


def comparison_html(indicator: str, group: list[Any]) -> str:
    """One indicator's figures side by side: value, year, place, source and its kind, document.

    Rows whose place and year match another figure with a different value are flagged as conflicting.
    """
    clash = conflicts(group)
    rows = []
    for hit in group:
        flag = ' class="saual-conflict" title="another source gives a different value"' if hit.id in clash else ""
        cells = [format_value(hit.value, hit.value_max, hit.qualifier, hit.unit), when(hit) or "—",
                 hit.place or "—", hit.source or "—", source_kind_label(hit.source_kind),
                 f"{document_title(hit)} ({hit.language})"]
        kind_class = f"saual-source-{hit.source_kind}" if hit.source_kind in SOURCE_KINDS else ""
        tds = "".join(f'<td class="{kind_class}">{escape_text(c)}</td>' if i == 4 else f"<td>{escape_text(c)}</td>"
                      for i, c in enumerate(cells))
        rows.append(f"<tr{flag}>{tds}</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("Value", "Year", "Place", "Source", "Source kind", "Document"))
    note = f" · {len(clash)} conflicting" if clash else ""
    return (f'<div class="saual-compare"><div class="saual-result-title">{escape_text(indicator_label(indicator))}'
            f'</div><div class="saual-meta">{escape_text(indicator)} · {len(group)} figures{escape_text(note)}</div>'
            f'<table class="saual-compare-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></div>")


CSS = """
<style>
.saual-doc mark.figure, .saual-snippet mark.figure {background: #cdeccd; border-bottom: 2px solid #2e7d32;
  color: inherit; padding: 0 .1em; border-radius: 2px;}
.saual-figure-card {display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 1rem; align-items: center;
  border: 1px solid rgba(49,51,63,.2); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 .6rem 0;}
.saual-passage-link {font-size: .85rem; white-space: nowrap;}
.saual-figure-head {margin: 0 0 .1rem 0;}
.saual-figure-value {font-weight: 700; font-size: 1.1rem; margin-right: .5rem;}
.saual-figure-what {font-style: italic;}
.saual-compare {margin: .3rem 0 1rem 0;}
.saual-compare-table {border-collapse: collapse; font-size: .9rem;}
.saual-compare-table th, .saual-compare-table td {padding: .2rem .7rem .2rem 0; text-align: left;
  vertical-align: top; border-bottom: 1px solid rgba(120,120,130,.2);}
.saual-compare-table tr.saual-conflict td:first-child {color: #b00020; font-weight: 700;}
.saual-source-official {color: #1b5e20;}
.saual-source-unofficial {color: #e65100;}
.saual-source-unknown {color: rgba(100,100,110,.95);}
</style>
"""
