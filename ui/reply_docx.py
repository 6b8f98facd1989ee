"""A reply draft as DOCX (python-docx): addressed back to the signatories, one section per question, proposal
and demand quoting it, the figures the corpus holds on the same indicator listed under it, and the deadline.
Wording is data (ui/resources/reply_<lang>.tsv), chosen by the inquiry's language (Kazakh for kk and kk+ru)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from corpus.claimreview import stated

RESOURCES = Path(__file__).parent / "resources"


@cache
def wording(lang: str) -> dict[str, str]:
    """The template strings of one language (kk or ru)."""
    from nlp.lang.resources import table

    return {cells[0]: cells[1] for _, cells in table(RESOURCES / f"reply_{lang}.tsv", 2)}


def template_language(language: str | None) -> str:
    """kk for Kazakh and bilingual inquiries that open in Kazakh, ru otherwise."""
    return "kk" if (language or "").startswith("kk") else "ru"


def cited_line(fig: Any, words: dict[str, str]) -> str:
    """`≈20 000 — Source (unofficial), 2025-10-09, «Title»`: the value as corpus.claimreview states it."""
    parts = [f"{fig.source or words['no_source']} ({fig.source_kind})", fig.date.isoformat() if fig.date else "",
             f"«{fig.title}»" if fig.title else "", f"({fig.text})"]
    return f"{stated(fig)} — " + ", ".join(p for p in parts if p)


def _header(doc: Any, outline: Any, words: dict[str, str]) -> None:
    doc.add_heading(words["title"], level=1)
    if outline.signatories:
        doc.add_paragraph(words["to"] + " " + ", ".join(
            name + (f" ({faction})" if faction else "") for name, faction in outline.signatories))
    doc.add_paragraph(words["dear"])
    about = words["about"] if outline.date else words["about_undated"]
    doc.add_paragraph(about.format(date=outline.date.isoformat() if outline.date else "", title=outline.title or ""))
    if outline.response_due:
        doc.add_paragraph(words["due"].format(due=outline.response_due.isoformat()))


def _section(doc: Any, n: int, section: Any, words: dict[str, str]) -> None:
    label = words.get(section.type, section.type)
    doc.add_heading(f"{n}. {label}" + (f" № {section.number}" if section.number else ""), level=2)
    doc.add_paragraph(" ".join(section.text.split()), style="Intense Quote")
    for text in section.cites:
        doc.add_paragraph(f"{words['cites']} {text}")
    if section.on_record:
        doc.add_paragraph(words["on_record"])
        for fig in section.on_record:
            doc.add_paragraph(cited_line(fig, words), style="List Bullet")
    doc.add_paragraph(words["answer"])


def reply_docx(outline: Any) -> bytes:
    """The DOCX bytes of a reply draft for a corpus.ReplyOutline (rhetorical questions left out; of a bilingual
    inquiry, the half in the draft's language)."""
    from docx import Document

    lang = template_language(outline.language)
    words = wording(lang)
    doc = Document()
    _header(doc, outline, words)
    points = [s for s in outline.sections if not s.rhetorical and s.lang_part in (None, lang)]
    for n, section in enumerate(points, 1):
        _section(doc, n, section, words)
    if outline.background:
        doc.add_heading(words["background"], level=2)
        for text, record in outline.background:
            doc.add_paragraph(" ".join(text.split()))
            for fig in record:
                doc.add_paragraph(cited_line(fig, words), style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
