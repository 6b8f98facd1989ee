"""The Streamlit explorer's pure helpers: escaping, snippets, CSV, document text, URL state, labels and
metadata (the pages themselves, run by AppTest: tests/test_app_pages.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

import pytest

from ui.app.components import HIGHLIGHT_END as E
from ui.app.components import HIGHLIGHT_START as S
from ui.app.components import (
    PassageSpan,
    SearchState,
    escape_markdown,
    escape_text,
    hits_to_csv,
    page_marker,
    render_document_text,
    render_snippet,
    strip_markers,
)
from ui.app.components.labels import kind_label, language_label, safe_url

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


def test_document_text_marks_figures_by_offsets() -> None:
    from ui.app.components import FigureMark

    text = "Всего 126 тыс. <b> и **15** тыс.\n\nдалее 2 тыс."
    second = text.index("далее")
    at126, at15, at2 = text.index("126"), text.index("**15"), text.index("2 тыс", second)
    figures = [FigureMark(at126, at126 + 8, "126,000 · <вице-министр>"), FigureMark(at15, at15 + 11, ""),
               FigureMark(at126 + 2, at126 + 4, "overlaps the first: dropped"), FigureMark(at2, at2 + 6, "x")]
    html = render_document_text(text, [(1, 0, second), (2, second, len(text))],
                                [PassageSpan(1, 0, second - 2), PassageSpan(2, second, len(text))], figures=figures)
    assert '<mark class="figure" title="126,000 · &lt;вице-министр&gt;">126 тыс.</mark> &lt;b&gt;' in html
    assert '<mark class="figure">&#42;&#42;15&#42;&#42; тыс.</mark>' in html
    assert "dropped" not in html and html.count("<mark") == html.count("</mark>") == 3
    # a figure cut by a page break is closed before the marker and reopened after it
    cut = render_document_text("abc 12 345 def", [(1, 0, 7), (2, 7, 14)], [PassageSpan(1, 0, 14)],
                               figures=[FigureMark(4, 10, "t")])
    assert cut == ('<div class="saual-doc"><p class="saual-passage" id="passage-1">abc '
                   '<mark class="figure" title="t">12 </mark><span class="saual-page-marker" id="page-2">'
                   '— page 2 —</span><mark class="figure" title="t">345</mark> def</p></div>')
    assert render_document_text(text, [(1, 0, len(text))], []) == render_document_text(
        text, [(1, 0, len(text))], [], figures=[])


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


@pytest.mark.parametrize("text, expected", [
    ("**x**", r"\*\*x\*\*"), ("[a](b)", r"\[a\]\(b\)"), (":red[z] $y$", r"\:red\[z\] \$y\$"),
    ("<b>\nline", r"\<b\> line"), ("Қазақ тілі", "Қазақ тілі"),
])
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_results_grouped_by_document() -> None:
    from ui.app.components.results import document_header_html, group_hits, passage_html

    day = dt.date(2025, 5, 21)
    hits = [Hit(1, 10, "<i>A</i>", "a.pdf", "inquiry", "kk", "kk", day, 1, 0, 5, f"{S}x{E}"),
            Hit(2, 20, None, "dir/b.txt", "news", "ru", "ru", None, None, 0, 5, "y"),
            Hit(1, 11, "<i>A</i>", "a.pdf", "inquiry", "ru", "kk", day, 2, 9, 15, f"**{S}z{E}**")]
    groups = group_hits(hits)
    assert [(first.document_id, [h.passage_id for h in group]) for first, group in groups] == [
        (1, [10, 11]), (2, [20])]
    header = document_header_html(groups[0][0], 2)
    assert "&lt;i&gt;A&lt;/i&gt;" in header and "<i>" not in header
    assert "Inquiry · Kazakh (kk) · 2025-05-21 · a.pdf · 2 matching passages" in header
    single = document_header_html(groups[1][0], 1)
    assert "b.txt · 1 matching passage<" in single
    assert passage_html(hits[2]) == ('<div class="saual-snippet"><span class="saual-place">page 2 · Russian (ru)'
                                     '</span> &#42;&#42;<mark>z</mark>&#42;&#42;</div>')
    assert passage_html(hits[1]) == '<div class="saual-snippet">y</div>'


def test_metadata_rows_show_stamps_and_flatten_the_rest() -> None:
    from ui.app.components.metadata import metadata_rows, stamp_rows

    metadata = {
        "stamps": [{"text": "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)", "pages": [2, 3]}, "raw stamp"],
        "pdf": {"author": "<b>A</b>", "created": "2025-05-22"},
        "removed_lines": [{"page": p, "text": str(p)} for p in range(1, 15)],
        "encoding": "cp1251",
    }
    assert stamp_rows(metadata) == [("Stamp", "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы) — pages 2, 3", False),
                                    ("Stamp", "raw stamp", False)]
    rows = metadata_rows(metadata)
    assert [name for name, _v, _m in rows] == ["Encoding", "Pdf author", "Pdf created", "Removed lines (14)"]
    assert rows[1][1] == "<b>A</b>"  # escaped later by metadata_table
    assert rows[3][1].startswith("page 1: “1”; page 2: “2”") and rows[3][1].endswith("(+2 more)")
    assert stamp_rows({}) == [] and metadata_rows({"stamps": []}) == []
