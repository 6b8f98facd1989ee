"""Inquiry page (?doc=ID): one inquiry's addressee, date, response term and days left (the term is a
setting, not a verified rule), signatories with factions, the replies linked to it (each opens its Document
page), every demand as a numbered checklist with its quote, a link to its passage and how the replies answer it
(with the reply passage), the points left unanswered, and the figures it cites that are on conflict cards.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui.app import backend, urlstate
from ui.app.components.highlight import escape_markdown, escape_text
from ui.app.components.inquiries_view import (
    CSS,
    NONE,
    TERM_NOTE,
    answer_badge,
    answer_label,
    answered_text,
    conflict_href,
    days_text,
    demand_caption,
    people_text,
    quote_html,
    reply_quote_html,
    status_label,
)
from ui.app.components.params import Param
from ui.app.links import passage_link
from ui.reply_docx import reply_docx

DOC = Param("doc", "doc", "int", None)


def header(inquiry) -> None:
    st.markdown(f"<h1>{escape_text(inquiry.title)}</h1>", unsafe_allow_html=True)
    due = inquiry.response_due.isoformat() if isinstance(inquiry.response_due, dt.date) else NONE
    overdue = inquiry.status == "overdue"
    days = escape_text(answered_text(inquiry.response_due, inquiry.reply_list) if inquiry.status == "answered"
                       else days_text(inquiry.days_left))
    rows = [("Addressee", escape_text(people_text(inquiry.addressees) or NONE)),
            ("Date", escape_text(inquiry.date.isoformat() if inquiry.date else "undated")),
            ("Deadline", escape_text(due)),
            ("Days left", f'<span class="saual-overdue">{days}</span>' if overdue else days),
            ("Status", escape_text(status_label(inquiry.status))),
            ("Replies", escape_text(str(len(inquiry.reply_list)) if inquiry.reply_list else "none linked")),
            ("Signatories", escape_text(people_text(inquiry.signatories) or NONE))]
    table = "".join(f"<tr><td>{escape_text(k)}</td><td>{v}</td></tr>" for k, v in rows)
    st.markdown(f'<table class="saual-meta-table">{table}</table>', unsafe_allow_html=True)
    st.caption(TERM_NOTE)


def demands(inquiry) -> None:
    st.subheader(f"Demands ({len(inquiry.demand_list)})")
    if not inquiry.demand_list:
        st.info("No demands were found in this inquiry.", icon=":material/checklist:")
        return
    st.caption("Tick the points as you go through them; the ticks are not stored.")
    for n, d in enumerate(inquiry.demand_list, 1):
        with st.container(border=True):
            tick, text, link = st.columns([1, 10, 2], vertical_alignment="top")
            tick.checkbox(f"{n}.", key=f"inq_demand_{inquiry.id}_{d.id}")
            text.markdown(quote_html(d.text, d.start, d.end), unsafe_allow_html=True)
            text.markdown(f'<div class="saual-meta">{escape_text(demand_caption(d))}</div>', unsafe_allow_html=True)
            if d.translation:  # the same point in the other language half: shown, not counted again
                text.markdown(quote_html(d.translation.text, d.translation.start, d.translation.end),
                              unsafe_allow_html=True)
                text.markdown(f'<div class="saual-meta">{escape_text(demand_caption(d.translation))} · translation'
                              '</div>', unsafe_allow_html=True)
            if d.answer:
                text.markdown(f"{answer_badge(d.answer.status)}{reply_quote_html(d.answer.quote)}",
                              unsafe_allow_html=True)
            with link:
                passage_link(inquiry.id, d.passage_id, "Open passage")


def replies(inquiry) -> None:
    """The linked replies (each opens its Document page) and the points they left unanswered."""
    if not inquiry.reply_list:
        return
    st.subheader(f"Replies ({len(inquiry.reply_list)})")
    for r in inquiry.reply_list:
        with st.container(border=True):
            st.page_link("views/document.py", label=r.title, icon=":material/reply:", query_params={"doc": str(r.document_id)})
            signer = " ".join(x for x in (r.signer_position, r.signer) if x)
            bits = [r.date.isoformat() if r.date else "undated", signer, f"cites: {r.cited}" if r.cited else ""]
            st.markdown(f'<div class="saual-meta">{escape_text(" · ".join(b for b in bits if b))}</div>',
                        unsafe_allow_html=True)
            st.caption(f"Linked by: {', '.join(r.reasons)} (score {r.score:g})")
    judged = [d for d in inquiry.demand_list if d.answer]
    counts = {s: sum(d.answer.status == s for d in judged) for s in ("answered", "partly", "not_answered")}
    st.markdown(escape_text(" · ".join(f"{answer_label(s)}: {n}" for s, n in counts.items())))
    if inquiry.unanswered:
        points = "".join(f"<li>{escape_text(d.text)}</li>" for d in inquiry.unanswered)
        st.markdown(f"<b>Unanswered points</b><ul class=\"saual-unanswered\">{points}</ul>", unsafe_allow_html=True)
    else:
        st.markdown("Every point was answered at least partly.")


def figures(inquiry) -> None:
    if not inquiry.figures:
        return
    st.subheader(f"Figures on conflict cards ({len(inquiry.figures)})")
    for f in inquiry.figures:
        with st.container(border=True):
            text, link = st.columns([10, 2], vertical_alignment="top")
            card = f'<a href="{escape_text(conflict_href(f.card_id))}" target="_self">{escape_text(f.label)}</a>'
            text.markdown(quote_html(f.text, f.start, f.end), unsafe_allow_html=True)
            text.markdown(f'<div class="saual-meta">Conflict: {card} · {escape_text(f.period)} · '
                          f'{escape_text(f.kind)}</div>', unsafe_allow_html=True)
            with link:
                passage_link(inquiry.id, f.passage_id, "Open figure")


def render() -> None:
    st.html(CSS)
    st.page_link("views/inquiries.py", label="All inquiries", icon=":material/arrow_back:")
    document_id = urlstate.read(DOC)
    if document_id is None:
        st.title("Inquiry")
        st.info("Choose an inquiry on the Inquiries page: this page shows one inquiry at a time.",
                icon=":material/gavel:")
        return
    inquiry = backend.read("get_inquiry", document_id, today=dt.date.today())
    if inquiry is None:
        st.title("Inquiry")
        st.warning(f"No inquiry {escape_markdown(str(document_id))} in this corpus.", icon=":material/search_off:")
        return
    header(inquiry)
    st.page_link("views/document.py", label="Open the whole document", icon=":material/article:",
                 query_params={"doc": str(inquiry.id)})
    st.download_button("Reply draft (DOCX)", data=lambda: reply_docx(backend.read_uncached("reply_outline", inquiry.id)),
                       file_name=f"saual-reply-{inquiry.id}.docx", icon=":material/edit_document:", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       help="Every point quoted, the corpus's figures on the same indicators, the deadline")
    replies(inquiry)
    demands(inquiry)
    figures(inquiry)


render()
