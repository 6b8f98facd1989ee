"""Entities as the explorer shows them: labels, links to the Entity page, quotes with the mention
marked, and name lists. Everything from a document is escaped first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from .highlight import escape_text, mark_open, mark_span
from .labels import document_title, kind_label, language_label

ENTITY_LABELS = {"PER": "Person", "ORG": "Organisation", "LOC": "Place"}
NAME_LANGUAGES = ("kk", "ru")  # shown first, in this order


def entity_label(code: str | None) -> str:
    """'Person' for PER, 'Organisation' for ORG, 'Place' for LOC; other codes as they are."""
    return ENTITY_LABELS.get(code or "", code or "—")


def entity_href(key: str) -> str:
    """The relative URL of the Entity page for `key` (the key percent-encoded)."""
    return "entity?entity=" + quote(key, safe="")


def entity_name(entity: Any) -> str:
    """The English name when linked, else the most frequent canonical form, else the key."""
    name = getattr(entity, "name", None)
    return str(name) if name else (getattr(entity, "name_en", None) or getattr(entity, "key", "") or "—")


def names_by_language(names: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """(language, forms) with Kazakh and Russian first, then the rest alphabetically."""
    order = [lang for lang in NAME_LANGUAGES if names.get(lang)]
    order += sorted(lang for lang in names if lang not in NAME_LANGUAGES and names[lang])
    return [(lang, list(names[lang])) for lang in order]


def entity_link(key: str, name: str, label: str | None) -> str:
    """A highlighted name linking to the Entity page of `key` (everything escaped)."""
    return (f'<a class="saual-entity-link" href="{escape_text(entity_href(key))}" target="_self">'
            f'{mark_open(entity_mark_class(label))}{escape_text(name)}</mark></a>')


def entity_link_html(entity: Any) -> str:
    """The entity's name as a link to its Entity page, with its label."""
    return entity_link(entity.key, entity_name(entity), getattr(entity, "label", ""))


def entities_table_html(entities: Iterable[Any]) -> str:
    """The Entities page list: name (linked), type, names in Kazakh and Russian, documents, mentions."""
    rows = []
    for e in entities:
        names = "; ".join(f"{lang}: {', '.join(forms[:4])}" for lang, forms in names_by_language(e.names))
        cells = [entity_link_html(e), escape_text(entity_label(e.label)), escape_text(names),
                 escape_text(str(e.documents)), escape_text(str(e.mentions))]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("Entity", "Type", "Names seen", "Documents", "Mentions"))
    return (f'<table class="saual-entities-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def mention_quote_html(quote_text: str, start: int, end: int, label: str = "", title: str | None = None) -> str:
    """The quote escaped, with quote[start:end] wrapped in <mark class="entity entity-LABEL">."""
    return mark_span(quote_text, start, end, entity_mark_class(label), title)


def mention_html(m: Any) -> str:
    """One mention on the Entity page: the quote with the mention marked, and where it is."""
    where = [language_label(m.language)]
    if m.page:
        where.append(f"page {m.page}")
    if m.canonical and m.canonical != m.text:
        where.append(f"base form: {m.canonical}")
    return (f'<div class="saual-snippet">{mention_quote_html(m.quote, m.quote_start, m.quote_end, m.label)}</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(w for w in where if w))}</div>')


def document_heading_html(m: Any, count: int) -> str:
    """A document's title and details above its mentions on the Entity page."""
    details = [kind_label(m.doc_kind), language_label(m.doc_language)]
    if m.date:
        details.append(m.date.isoformat() if hasattr(m.date, "isoformat") else str(m.date))
    details.append(f"{count} mention{'s' if count != 1 else ''}")
    return ('<div class="saual-result">'
            f'<div class="saual-result-title">{escape_text(document_title(m))}</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(d for d in details if d))}</div></div>')


def demand_html(d: Any) -> str:
    """A demand that mentions the entity: its type and number, its text, and its document."""
    head = d.type.capitalize() + (f" {d.number}" if d.number else "") + (" (procedural)" if d.procedural else "")
    where = [document_title(d), language_label(d.language)]
    if d.page:
        where.append(f"page {d.page}")
    return (f'<div class="saual-snippet"><b>{escape_text(head)}</b> · {escape_text(d.text)}</div>'
            f'<div class="saual-meta">{escape_text(" · ".join(where))}</div>')


def group_mentions(mentions: Iterable[Any]) -> list[tuple[int, list[Any]]]:
    """(document id, mentions) in the order documents first appear."""
    groups: dict[int, list[Any]] = {}
    for m in mentions:
        groups.setdefault(m.document_id, []).append(m)
    return list(groups.items())


def _css(label: str | None) -> str:
    return "".join(c for c in (label or "") if c.isascii() and c.isalnum()) or "X"


def entity_mark_class(label: str | None) -> str:
    """The CSS classes of an entity highlight: 'entity entity-PER' (only ASCII letters of the label)."""
    return f"entity entity-{_css(label)}"


CSS = """
<style>
mark.entity {background: #dbe8ff; border-bottom: 2px solid #1e56b0; color: inherit; padding: 0 .1em;
  border-radius: 2px;}
mark.entity-PER {background: #e7dcff; border-bottom-color: #5e35b1;}
mark.entity-ORG {background: #d8f0f5; border-bottom-color: #00838f;}
mark.entity-LOC {background: #ffe6cc; border-bottom-color: #ef6c00;}
a.saual-entity-link {color: inherit; text-decoration: none;}
a.saual-entity-link:hover mark.entity {text-decoration: underline;}
mark.entity mark.figure, mark.figure mark.entity {border-bottom-style: double;}
.saual-entities-table {border-collapse: collapse; font-size: .92rem;}
.saual-entities-table th, .saual-entities-table td {padding: .25rem .8rem .25rem 0; text-align: left;
  vertical-align: top; border-bottom: 1px solid rgba(120,120,130,.2);}
.saual-names td {padding: .15rem .8rem .15rem 0; vertical-align: top;}
</style>
"""
