"""AppTest runs of every page of the Streamlit explorer (search, document, documents) against the real
sample corpus, a hostile document and each database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ui.app.components import escape_markdown, escape_text, page_marker

APP = Path(__file__).resolve().parent.parent / "ui" / "app" / "main.py"


# ---------------------------------------------------------------- the pages, run by AppTest

def app(url: str, monkeypatch: pytest.MonkeyPatch, **params: str):
    """An AppTest of the explorer on database `url`, with URL query parameters, not yet run."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SAUAL_DATABASE_URL", url)
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def body(at) -> str:
    """All markdown the run produced, joined (snippets, document text, metadata)."""
    return "\n".join(m.value for m in at.markdown)


def document_links(at) -> list:
    return [link for link in at.get("page_link") if "doc=" in link.proto.query_string]


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _engine(url: str):
    import corpus

    return corpus.get_engine(url)


def test_search_page_empty_state(sample_corpus_url, monkeypatch) -> None:
    at = app(sample_corpus_url, monkeypatch).run()
    assert_clean(at)
    assert at.text_input(key="search_q").value == ""
    assert "documents in Kazakh and Russian" in body(at)
    assert not document_links(at) and not at.get("download_button")
    assert {"Language", "Kind", "Year"} <= {s.label for s in at.selectbox}


def test_search_from_url_shows_highlighted_hits_and_csv(sample_corpus_url, monkeypatch) -> None:
    import corpus

    at = app(sample_corpus_url, monkeypatch, q="Корея").run()
    assert_clean(at)
    assert at.text_input(key="search_q").value == "Корея"
    expected = corpus.search(_engine(sample_corpus_url), "Корея", limit=50)
    assert expected, "the sample corpus mentions Korea"
    links = document_links(at)
    assert len(links) == len(expected)
    assert f"doc={expected[0].document_id}" in links[0].proto.query_string
    assert f"p={expected[0].passage_id}" in links[0].proto.query_string
    assert "q=" in links[0].proto.query_string  # the way back to this search
    marked = [m.value for m in at.markdown if "<mark>" in m.value]
    assert len(marked) == len(expected)
    assert any("Коре" in m.split("<mark>", 1)[1] for m in marked)
    assert any(f"{len(expected)} passage" in m.value for m in at.markdown)
    assert [b.label for b in at.get("download_button")] == ["Download CSV"]
    assert any(c.value.startswith("Counts are documents matching") for c in at.sidebar.caption)


def test_broad_query_says_its_facets_count_a_window(sample_corpus_url, monkeypatch) -> None:
    """Past corpus.FACET_WINDOW matching passages the sidebar counts the newest ones, and says so."""
    import corpus

    monkeypatch.setattr(corpus, "FACET_WINDOW", 1)
    at = app(sample_corpus_url, monkeypatch, q="Корея").run()
    assert_clean(at)
    assert any("most recently added matching passages" in c.value for c in at.sidebar.caption)
    counts = corpus.facets(_engine(sample_corpus_url), "Корея", window=1)
    assert sum(counts["language"].values()) == 1  # the newest matching passage's document


def test_entities_are_counted_in_a_smaller_window_and_the_sidebar_says_so(sample_corpus_url, monkeypatch) -> None:
    """Past corpus.ENTITY_WINDOW (but not FACET_WINDOW) matching passages, only the entities count a window."""
    import corpus

    monkeypatch.setattr(corpus, "ENTITY_WINDOW", 1)
    at = app(sample_corpus_url, monkeypatch, q="Корея").run()
    assert_clean(at)
    captions = [c.value for c in at.sidebar.caption]
    assert any(c.startswith("Counts are documents matching the query; entities are counted in the documents of "
                            "the 1 most recently added matching passages") for c in captions), captions


def test_typing_a_query_updates_the_url(sample_corpus_url, monkeypatch) -> None:
    at = app(sample_corpus_url, monkeypatch).run()
    at.text_input(key="search_q").input("Корея").run()
    assert_clean(at)
    assert at.query_params.get("q") == "Корея"
    assert document_links(at)
    at.text_input(key="search_q").input("").run()
    assert "q" not in at.query_params and not document_links(at)


def test_filters_reduce_counts_and_go_into_the_url(sample_corpus_url, monkeypatch) -> None:
    import corpus

    engine = _engine(sample_corpus_url)
    query = "Бектенов"
    counts = corpus.facets(engine, query)["language"]
    assert len([lang for lang, n in counts.items() if n]) >= 2, counts
    language = min((lang for lang, n in counts.items() if n), key=lambda lang: counts[lang])
    at = app(sample_corpus_url, monkeypatch, q=query).run()
    everything = len(document_links(at))
    at.selectbox(key="search_lang").select(language).run()
    assert_clean(at)
    assert at.query_params.get("lang") == language
    filtered = document_links(at)
    expected = corpus.search(engine, query, language=language, limit=50)
    assert 0 < len(filtered) == len(expected) < everything
    # the same search opened from its permalink gives the same hits
    again = app(sample_corpus_url, monkeypatch, q=query, lang=language).run()
    assert again.selectbox(key="search_lang").value == language
    assert [link.proto.query_string for link in document_links(again)] == [
        link.proto.query_string for link in filtered]
    # a year with no documents leaves nothing
    at.selectbox(key="search_lang").select("")
    at.date_input(key="search_to").set_value(dt.date(1991, 1, 2)).run()
    assert at.query_params.get("to") == "1991-01-02" and not document_links(at)
    assert any("No results" in w.value for w in at.warning)


def test_no_results_message(sample_corpus_url, monkeypatch) -> None:
    at = app(sample_corpus_url, monkeypatch, q="qqzxwv").run()
    assert_clean(at)
    assert not document_links(at)
    assert any("No results for “qqzxwv”" in w.value for w in at.warning)


def test_query_syntax_is_only_text(sample_corpus_url, monkeypatch) -> None:
    at = app(sample_corpus_url, monkeypatch, q='"Корея* OR (NEAR AND -"').run()
    assert_clean(at)


def _pdf_document(url: str):
    import corpus

    docs = [d for d in corpus.list_documents(_engine(url)) if d.format == "pdf" and (d.page_count or 0) >= 2]
    assert docs, "the sample corpus has multi-page PDFs"
    return corpus.get_document(_engine(url), docs[0].id)


def test_document_page_permalink_shows_metadata_text_and_page_markers(sample_corpus_url, monkeypatch) -> None:
    doc = _pdf_document(sample_corpus_url)
    passage = doc.passages[len(doc.passages) // 2]
    at = app(sample_corpus_url, monkeypatch, doc=str(doc.id), p=str(passage.id), q="x").run()
    assert_clean(at)
    text = body(at)
    assert escape_text(doc.title or "") in text
    assert doc.sha256 in text and "PDF" in text
    for number in range(2, doc.page_count + 1):
        assert page_marker(number) in text
    assert page_marker(1) not in text
    assert f'saual-hit" id="passage-{passage.id}"' in text
    assert text.count("saual-hit") == 1
    some_words = escape_text(doc.text[passage.start:passage.end][:40])
    assert some_words in text
    back = [link for link in at.get("page_link") if "Back to search" in link.value]
    assert back and "q=x" in back[0].proto.query_string


def test_document_page_by_switch_page(sample_corpus_url, monkeypatch) -> None:
    doc = _pdf_document(sample_corpus_url)
    at = app(sample_corpus_url, monkeypatch).run()
    at.query_params["doc"] = str(doc.id)
    at.switch_page("views/document.py").run()
    assert_clean(at)
    assert page_marker(2) in body(at) and "saual-hit" not in body(at)


@pytest.mark.parametrize("raw", ["999999", "abc", "-1"])
def test_unknown_document_id_is_a_message(sample_corpus_url, monkeypatch, raw: str) -> None:
    at = app(sample_corpus_url, monkeypatch).run()
    at.query_params["doc"] = raw
    at.switch_page("views/document.py").run()
    assert_clean(at)
    assert any(f"no document with id “{escape_markdown(raw)}”" in w.value for w in at.warning)


def test_document_page_without_id_offers_a_picker(sample_corpus_url, monkeypatch) -> None:
    import corpus

    at = app(sample_corpus_url, monkeypatch).run()
    at.switch_page("views/document.py").run()
    assert_clean(at)
    picker = at.selectbox[0]
    assert len(picker.options) == len(corpus.list_documents(_engine(sample_corpus_url)))


def test_document_text_is_always_escaped(tmp_path: Path, monkeypatch) -> None:
    import corpus

    source = tmp_path / "hostile.txt"
    source.write_text(
        "Депутаттық сауал <script>alert(1)</script> туралы.\n\n"
        "Второй абзац с <b>жирным</b>, **markdown**, [ссылкой](http://example.com) и $x$.\n",
        encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    report = corpus.ingest_paths(corpus.get_engine(url), [source])
    assert report.ok, report.failed
    (doc,) = corpus.list_documents(corpus.get_engine(url))
    at = app(url, monkeypatch, doc=str(doc.id)).run()
    assert_clean(at)
    text = body(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "&lt;b&gt;жирным&lt;/b&gt;" in text
    assert "&#42;&#42;markdown&#42;&#42;" in text and "&#91;ссылкой&#93;" in text
    assert "<script" not in text and "<b>" not in text and "**" not in text
    # the same text found by search is escaped as well
    found = app(url, monkeypatch, q="alert").run()
    assert_clean(found)
    snippets = [m.value for m in found.markdown if "<mark>" in m.value]
    assert snippets and all("<script" not in s for s in snippets)
    assert any("&lt;script&gt;" in s for s in snippets)


def test_documents_page_lists_and_filters(sample_corpus_url, monkeypatch) -> None:
    import corpus

    engine = _engine(sample_corpus_url)
    every = corpus.list_documents(engine)
    at = app(sample_corpus_url, monkeypatch).run()
    at.switch_page("views/documents.py").run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert len(table) == len(every)
    assert set(table["open"]) == {f"document?doc={d.id}" for d in every}
    language = every[-1].language
    at.selectbox(key="docs_lang").select(language).run()
    assert at.query_params.get("lang") == language
    assert len(at.dataframe[0].value) == len(corpus.list_documents(engine, language=language)) < len(every)


def test_documents_page_reads_one_page_at_a_time(tmp_path: Path, monkeypatch) -> None:
    """A corpus larger than a page is listed a page at a time (page in the URL, newest first); a title filter
    goes back to page one and counts only what it keeps."""
    import datetime as dt

    import corpus
    from nlp import Analysis
    from tests.fixtures_db import synthetic_document
    from ui.app.views.documents import PAGE_SIZE

    url = f"sqlite:///{tmp_path / 'many.db'}"
    engine = corpus.get_engine(url)
    for i in range(PAGE_SIZE + 7):
        title = f"Ответ министерства {i}" if i % 10 == 0 else f"Запрос депутата {i}"
        doc = synthetic_document([(f"Текст документа номер {i}.", "ru")], path=f"d{i}.txt", title=title,
                                 date=dt.date(2020, 1, 1) + dt.timedelta(days=i))
        corpus.store_document(engine, doc, Analysis())
    every = [f"document?doc={d.id}" for d in corpus.list_documents(engine)]
    at = app(url, monkeypatch).run()
    at.switch_page("views/documents.py").run()
    assert_clean(at)
    assert list(at.dataframe[0].value["open"]) == every[:PAGE_SIZE]
    at.number_input(key="docs_page").increment().run()
    assert at.query_params.get("page") == "2" and list(at.dataframe[0].value["open"]) == every[PAGE_SIZE:]
    assert any(f"{PAGE_SIZE + 7:,} document(s)" in c.value for c in at.caption)
    at.text_input(key="docs_title").input("ответ").run()
    assert at.query_params.get("title") == "ответ" and "page" not in at.query_params
    answers = [f"document?doc={d.id}" for d in corpus.list_documents(engine, title="Ответ")]
    assert len(answers) == 11 and list(at.dataframe[0].value["open"]) == answers
    corpus.close_engine(url)



def test_unreachable_database_is_one_line_error(monkeypatch) -> None:
    at = app("postgresql://saual@127.0.0.1:9/nowhere", monkeypatch, q="Корея").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith("Database unavailable") and "\n" not in message


def test_document_page_shows_stamps_and_warnings(sample_corpus_url, monkeypatch) -> None:
    import corpus

    engine = _engine(sample_corpus_url)
    stored = [corpus.get_document(engine, d.id) for d in corpus.list_documents(engine)]
    stamped = [d for d in stored if d.metadata.get("stamps")]
    assert stamped, "the sample PDFs carry e-document registration stamps"
    for doc in [stamped[0], *[d for d in stored if d.warnings][:1]]:
        at = app(sample_corpus_url, monkeypatch, doc=str(doc.id)).run()
        assert_clean(at)
        text = body(at)
        for stamp in doc.metadata.get("stamps") or []:
            assert escape_text(stamp["text"]) in text
        assert [w.value for w in at.warning] == [escape_markdown(w) for w in doc.warnings]


def test_search_and_document_pages_on_each_database(db_url: str, monkeypatch) -> None:
    """The same pages over SQLite and PostgreSQL (search dialects differ; the pages must not)."""
    import corpus

    samples = Path(__file__).resolve().parent.parent / "samples"
    report = corpus.ingest_paths(corpus.get_engine(db_url), [samples / "pdf" / "8927.pdf",
                                                            samples / "seeds" / "003_47f95be80caae6ce.txt"])
    assert report.ok, report.failed
    at = app(db_url, monkeypatch, q="Бектенов").run()
    assert_clean(at)
    links = document_links(at)
    assert links and all("<mark>" in m.value for m in at.markdown if "saual-snippet" in m.value)
    query = dict(pair.split("=", 1) for pair in links[0].proto.query_string.split("&"))
    doc = corpus.get_document(corpus.get_engine(db_url), int(query["doc"]))
    page = app(db_url, monkeypatch, doc=query["doc"], p=query["p"]).run()
    assert_clean(page)
    assert f'saual-hit" id="passage-{query["p"]}"' in body(page)
    assert all(page_marker(n) in body(page) for n in range(2, (doc.page_count or 1) + 1))


def test_search_dates_from_the_url_outside_the_pickers_bounds(sample_corpus_url, monkeypatch) -> None:
    """`?from=1900-01-01&to=2999-01-01` (a hand-edited or old link) is brought within bounds, not a crash."""
    at = app(sample_corpus_url, monkeypatch, q="Корея", **{"from": "1900-01-01", "to": "2999-01-01"}).run()
    assert_clean(at)
    assert at.date_input(key="search_from").value == dt.date(1991, 1, 1)
    assert document_links(at)
