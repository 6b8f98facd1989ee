"""The Streamlit explorer: pure helpers (escaping, snippets, CSV, document text, URL state) and
AppTest runs of every page against the real sample corpus."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from ui.app.components import HIGHLIGHT_END as E
from ui.app.components import HIGHLIGHT_START as S
from ui.app.components import (
    PassageSpan,
    SearchState,
    escape_text,
    hits_to_csv,
    page_marker,
    render_document_text,
    render_snippet,
    strip_markers,
)
from ui.app.components.labels import kind_label, language_label, safe_url

APP = Path(__file__).resolve().parent.parent / "ui" / "app" / "main.py"


# ---------------------------------------------------------------- escaping and snippets

@pytest.mark.parametrize("text, expected", [
    ("plain Қазақ текст", "plain Қазақ текст"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("a & b", "a &amp; b"),
    ('"q" \'s\'', "&quot;q&quot; &#x27;s&#x27;"),
    ("**bold** _it_", "&#42;&#42;bold&#42;&#42; &#95;it&#95;"),
    ("[x](http://e.kz)", "&#91;x&#93;(http&#58;//e.kz)"),
    ("$x$ :red[x] `c`", "&#36;x&#36; &#58;red&#91;x&#93; &#96;c&#96;"),
    ("# head | cell ~ \\", "&#35; head &#124; cell &#126; &#92;"),
    ("line\n\nnext", "line&#10;&#10;next"),
    ("&amp; stays text", "&amp;amp; stays text"),
])
def test_escape_text(text: str, expected: str) -> None:
    assert escape_text(text) == expected


@pytest.mark.parametrize("snippet, expected", [
    (f"в {S}Корее{E} работают", "в <mark>Корее</mark> работают"),
    (f"{S}<b>{E} & {S}x{E}", "<mark>&lt;b&gt;</mark> &amp; <mark>x</mark>"),
    (f"cut {S}inside", "cut <mark>inside</mark>"),          # a match cut by the snippet window
    (f"end{E} only", "end only"),                             # a stray end marker is dropped
    (f"{S}{S}double{E}{E}", "<mark>double</mark>"),
    (f"**{S}md{E}**", "&#42;&#42;<mark>md</mark>&#42;&#42;"),
    ("", ""),
])
def test_render_snippet(snippet: str, expected: str) -> None:
    assert render_snippet(snippet) == expected


def test_snippet_markup_never_survives() -> None:
    html = render_snippet(f"<img src=x onerror=alert(1)> {S}<script>{E}")
    assert "<img" not in html and "<script" not in html
    assert html.count("<mark>") == html.count("</mark>") == 1


@pytest.mark.parametrize("snippet, expected", [
    (f"a {S}b{E} c", "a b c"), ("none", "none"), (f"{S}{E}", ""),
])
def test_strip_markers(snippet: str, expected: str) -> None:
    assert strip_markers(snippet) == expected


# ---------------------------------------------------------------- CSV

@dataclass
class Hit:
    document_id: int
    passage_id: int
    title: str | None
    path: str
    kind: str
    language: str
    doc_language: str
    date: dt.date | None
    page: int | None
    start: int
    end: int
    snippet: str
    rank: float = 0.0


def test_hits_to_csv_columns_and_values() -> None:
    hits = [Hit(3, 17, "Депутаттық сауал, \"Корея\"", "samples/a.pdf", "inquiry", "kk", "kk",
                dt.date(2025, 5, 21), 2, 100, 180, f"мигранттар {S}Кореяда{E}\nжұмыс"),
            Hit(4, 18, None, "b.txt", "news", "", "ru", None, None, 0, 5, "=HYPERLINK(\"x\")")]
    text = hits_to_csv(hits)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["document", "title", "kind", "language", "date", "page", "start", "end", "snippet"]
    assert rows[1] == ["3", "Депутаттық сауал, \"Корея\"", "inquiry", "kk", "2025-05-21", "2", "100", "180",
                       "мигранттар Кореяда жұмыс"]
    # missing values are empty; the passage language falls back to the document's; formulas are defused
    assert rows[2] == ["4", "", "news", "ru", "", "", "0", "5", "'=HYPERLINK(\"x\")"]
    assert S not in text and E not in text


def test_hits_to_csv_empty_has_header_only() -> None:
    assert hits_to_csv([], bom=False).splitlines() == [
        "document,title,kind,language,date,page,start,end,snippet"]


# ---------------------------------------------------------------- document text

TEXT = "First para.\n\nSecond <b>para</b>\nspans page\n\nThird **para** on 3."
P2, P3 = TEXT.index("Second"), TEXT.index("Third")


def test_document_text_markers_between_pages_and_passages_as_anchors() -> None:
    pages = [(1, 0, 11), (2, P2, P3 - 2), (3, P3, len(TEXT))]
    passages = [PassageSpan(10, 0, 11, 1, "ru"), PassageSpan(11, P2, P3 - 2, 2, "kk"),
                PassageSpan(12, P3, len(TEXT), 3, "other")]
    html = render_document_text(TEXT, pages, passages, highlight=11)
    assert page_marker(1) not in html
    assert html.index("First para.") < html.index(page_marker(2)) < html.index("Second")
    assert html.index("spans page") < html.index(page_marker(3)) < html.index("Third")
    assert '<p class="saual-passage" id="passage-10" lang="ru">First para.</p>' in html
    assert '<p class="saual-passage saual-hit" id="passage-11" lang="kk">' in html
    assert 'id="passage-12">Third &#42;&#42;para&#42;&#42; on 3.</p>' in html
    assert "<b>" not in html and "&lt;b&gt;para&lt;/b&gt;" in html
    assert "\n" not in html


def test_document_text_page_break_inside_a_passage_is_inline() -> None:
    html = render_document_text("abc def", [(1, 0, 3), (2, 4, 7)], [PassageSpan(1, 0, 7)])
    assert html == ('<div class="saual-doc"><p class="saual-passage" id="passage-1">abc '
                    '<span class="saual-page-marker" id="page-2">— page 2 —</span>def</p></div>')


def test_document_text_without_passages_and_with_empty_pages() -> None:
    html = render_document_text("one\n\ntwo", [(1, 0, 3), (2, 5, 8), (3, 8, 8)], [])
    assert html.index("one") < html.index(page_marker(2)) < html.index("two") < html.index(page_marker(3))
    assert html.count("saual-page-marker") == 2


def test_document_text_accepts_corpus_shapes() -> None:
    @dataclass
    class Info:
        id: int
        seq: int
        page: int | None
        start: int
        end: int
        language: str

    html = render_document_text("x y", [(1, 0, 3)], [Info(5, 0, 1, 0, 3, "kk"), (6, 1, 1, 9, 9, "ru")])
    assert 'id="passage-5" lang="kk">x y</p>' in html and "passage-6" not in html


# ---------------------------------------------------------------- URL state and labels

@pytest.mark.parametrize("params, state", [
    ({}, SearchState()),
    ({"q": "  Корея "}, SearchState(q="Корея")),
    ({"q": "x", "lang": "kk", "kind": "inquiry", "year": "2025"},
     SearchState(q="x", language="kk", kind="inquiry", year=2025)),
    ({"year": "abc", "from": "2025-13-01", "to": "2025-06-30"}, SearchState(date_to=dt.date(2025, 6, 30))),
    ({"year": "99"}, SearchState()),
])
def test_search_state_from_params(params: dict, state: SearchState) -> None:
    assert SearchState.from_params(params) == state


def test_search_state_round_trip_and_date_range() -> None:
    state = SearchState(q="мигрант", language="ru", year=2025, date_from=dt.date(2025, 3, 1))
    assert state.to_params() == {"q": "мигрант", "lang": "ru", "year": "2025", "from": "2025-03-01"}
    assert SearchState.from_params(state.to_params()) == state
    assert state.date_range() == (dt.date(2025, 3, 1), dt.date(2025, 12, 31))
    assert SearchState(date_to=dt.date(2024, 1, 5)).date_range() == (None, dt.date(2024, 1, 5))
    assert SearchState(q="x").filtered is False and state.filtered is True


@pytest.mark.parametrize("func, code, label", [
    (language_label, "kk", "Kazakh (kk)"), (language_label, "ru+kk", "Russian + Kazakh (ru+kk)"),
    (language_label, "de", "de"), (language_label, None, "—"),
    (kind_label, "press_release", "Press release"), (kind_label, "memo_note", "Memo note"),
])
def test_labels(func, code, label) -> None:
    assert func(code) == label


@pytest.mark.parametrize("url, shown", [
    ("postgresql://saual:secret@db:5432/saual", "postgresql://saual:***@db:5432/saual"),
    ("sqlite:///data/saual.db", "sqlite:///data/saual.db"),
    (None, ""),
])
def test_safe_url(url, shown) -> None:
    assert safe_url(url) == shown


def test_metadata_table_escapes_every_cell() -> None:
    from ui.app.components.metadata import metadata_table, plain

    html = metadata_table([("Title", "<b>x</b> **y**", False), ("SHA-256", "ab" * 32, True)])
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt; &#42;&#42;y&#42;&#42;" in html
    assert '<td class="saual-mono">' + "ab" * 32 in html
    assert [plain(v) for v in (None, ["a", "b"], dt.date(2025, 5, 21), True, {"k": "ә"}, 3)] == [
        "—", "a; b", "2025-05-21", "yes", '{"k": "ә"}', "3"]
