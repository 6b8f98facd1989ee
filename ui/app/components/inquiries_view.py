"""Pure helpers of the Inquiries and Inquiry pages: status and deadline wording, table rows, the people
lines, and a demand's or figure's quote as escaped HTML. Nothing here imports Streamlit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from .highlight import escape_text, mark_span

STATUS_LABELS = {"open": "Open", "due_soon": "Due soon", "overdue": "Overdue", "answered": "Answered"}
ANSWER_LABELS = {"answered": "Answered", "partly": "Partly answered", "not_answered": "Not answered"}
NONE = "—"
TERM_NOTE = ("The response term is a setting (SAUAL_RESPONSE_DAYS, counted from the inquiry's date), "
             "not a verified rule. An inquiry is answered once a reply in the corpus is linked to it.")
CSS = """
<style>
.saual-demand-quote {line-height: 1.55; margin: 0 0 .2rem 0;}
.saual-demand-quote mark {background: #ffe58a; color: inherit; padding: 0 .1em; border-radius: 2px;}
.saual-overdue {color: #b42318; font-weight: 600;}
.saual-answer {display: inline-block; padding: 0 .45em; border-radius: .6em; font-size: .85em; font-weight: 600;}
.saual-answer-answered {background: #d1fadf; color: #05603a;}
.saual-answer-partly {background: #fef0c7; color: #93370d;}
.saual-answer-not_answered {background: #fee4e2; color: #b42318;}
.saual-reply-quote {border-left: 3px solid #98a2b3; padding-left: .6rem; margin: .3rem 0; color: #344054;}
</style>
"""


def status_label(status: str | None) -> str:
    """'Due soon' for 'due_soon'; 'No term' when the inquiry has no date (so no response term)."""
    return STATUS_LABELS.get(status or "", status or "No term")


def answered_text(due: dt.date | None, replies: Iterable[Any]) -> str:
    """'answered on time' / 'answered 15 days late' from the first dated reply against the deadline."""
    dates = sorted(r.date for r in replies if getattr(r, "date", None))
    if not dates or due is None:
        return "answered"
    late = (dates[0] - due).days
    return "answered on time" if late <= 0 else f"answered {late} day{'s' if late != 1 else ''} late"


def days_text(days_left: int | None) -> str:
    """'3 days left', 'due today', '2 days overdue', or '—' without a term."""
    if days_left is None:
        return NONE
    if days_left == 0:
        return "due today"
    n = abs(days_left)
    return f"{n} day{'s' if n != 1 else ''} {'left' if days_left > 0 else 'overdue'}"


def people_text(people: Iterable[Any], *, with_detail: bool = True) -> str:
    """'Name (detail), Name' for addressees (position) or signatories (faction)."""
    return ", ".join(f"{p.name} ({p.detail})" if with_detail and p.detail else p.name for p in people)


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if isinstance(value, dt.date) else NONE


def inquiry_href(document_id: int) -> str:
    return f"inquiry?doc={int(document_id)}"


def conflict_href(card_id: str) -> str:
    return f"conflicts?card={quote(card_id, safe='')}"


def table_rows(inquiries: Iterable[Any]) -> list[dict[str, Any]]:
    """One table row per inquiry (corpus.InquirySummary); '—' for what is unknown."""
    return [{
        "open": inquiry_href(s.id),
        "title": s.title,
        "addressee": people_text(s.addressees, with_detail=False) or NONE,
        "date": _iso(s.date),
        "deadline": _iso(s.response_due),
        "days": "answered" if s.status == "answered" else days_text(s.days_left),
        "status": status_label(s.status),
        "signatories": people_text(s.signatories, with_detail=False) or NONE,
        "factions": ", ".join(s.factions) or NONE,
        "demands": s.demands,
        "replies": s.replies,
    } for s in inquiries]


def sort_inquiries(inquiries: Iterable[Any], by: str) -> list[Any]:
    """'deadline': nearest term first (no term last); anything else keeps the corpus order (newest first)."""
    items = list(inquiries)
    if by != "deadline":
        return items
    return sorted(items, key=lambda s: (s.response_due is None, s.response_due or dt.date.max, s.id))


def quote_html(text: str, start: int, end: int, passage: str | None = None, passage_start: int | None = None) -> str:
    """A quote as escaped HTML: the passage with text[start:end] marked when given, else the span itself."""
    if passage is not None and passage_start is not None and passage_start <= start <= end <= passage_start + len(passage):
        body = mark_span(passage, start - passage_start, end - passage_start)
    else:
        body = escape_text(text)
    return f'<div class="saual-demand-quote">{body}</div>'


def demand_caption(d: Any) -> str:
    """What kind of demand it is and where: 'Question · page 2 · rhetorical · to Olzhas Bektenov'."""
    bits = [d.type.replace("_", " ").capitalize()]
    if d.page:
        bits.append(f"page {d.page}")
    if d.lang_part:
        bits.append(f"{d.lang_part} part")
    bits += [flag for flag, on in (("procedural", d.procedural), ("rhetorical", d.rhetorical)) if on]
    if d.directed_to:
        bits.append(f"to {d.directed_to}")
    return " · ".join(bits)


def answer_label(status: str | None) -> str:
    """'Partly answered' for 'partly'; '—' for a demand no reply judged (none linked, or nothing to answer)."""
    return ANSWER_LABELS.get(status or "", NONE)


def answer_badge(status: str | None) -> str:
    """A demand's answer status as an escaped, coloured HTML badge ('' when no reply judged it)."""
    if status not in ANSWER_LABELS:
        return ""
    return f'<span class="saual-answer saual-answer-{status}">{escape_text(ANSWER_LABELS[status])}</span>'


def reply_quote_html(quote: str | None) -> str:
    """The reply passage that answers a demand, escaped."""
    return f'<div class="saual-reply-quote">{escape_text(quote)}</div>' if quote else ""


def document_href(document_id: int) -> str:
    return f"document?doc={int(document_id)}"


def _percent(value: float | None) -> str:
    return NONE if value is None else f"{round(100 * value)} %"


def rate_rows(rates: Iterable[Any]) -> list[dict[str, Any]]:
    """One row per addressee (corpus.AnswerRate): inquiries addressed and answered, demands answered."""
    return [{
        "addressee": r.addressee,
        "position": r.position or NONE,
        "inquiries": r.inquiries,
        "answered": r.answered,
        "rate": _percent(r.rate),
        "demands": r.demands,
        "demands_answered": r.demands_answered,
        "demands_partly": r.demands_partly,
        "demand_rate": _percent(r.demand_rate),
    } for r in rates]
