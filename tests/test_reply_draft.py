"""`saual draft-reply`: a stored inquiry as a DOCX reply draft, opened again with python-docx; the outline
behind it (corpus.reply_outline) on the sample corpus."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

import corpus
from ui import cli
from ui.reply_docx import cited_line, template_language, wording

runner = CliRunner()


def _doc_id(url: str, fragment: str) -> int:
    engine = corpus.get_engine(url)
    return next(d.id for d in corpus.list_documents(engine, include_undated=True) if fragment in d.path)


def _paragraphs(path) -> list[tuple[str, str]]:
    from docx import Document

    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def test_a_bilingual_inquiry_gets_a_kazakh_draft_of_its_kazakh_half(sample_corpus_url, tmp_path) -> None:
    doc_id = _doc_id(sample_corpus_url, "8930")
    outline = corpus.reply_outline(corpus.get_engine(sample_corpus_url), doc_id)
    out = tmp_path / "reply.docx"
    result = runner.invoke(cli.app, ["draft-reply", str(doc_id), "--out", str(out), "--db", sample_corpus_url])
    assert result.exit_code == 0, result.output
    paragraphs = _paragraphs(out)
    texts = [t for _, t in paragraphs]
    assert paragraphs[0] == ("Heading 1", wording("kk")["title"])
    kk = [s for s in outline.sections if s.lang_part == "kk" and not s.rhetorical]
    assert kk and len([s for s, _ in paragraphs if s == "Heading 2"]) == len(kk)
    assert all(" ".join(s.text.split()) in texts for s in kk)
    assert not any(" ".join(s.text.split()) in texts for s in outline.sections if s.lang_part == "ru")
    assert any(outline.response_due.isoformat() in t for t in texts)
    assert any(name in texts[1] for name, _ in outline.signatories)


def test_the_seed_inquiry_draft_lists_what_other_sources_say(sample_corpus_url, tmp_path) -> None:
    """The inquiry's 9 600 and ~20 000 come with the ministry's 11 000 from the news item; the rhetorical
    opening question is not a point to answer."""
    doc_id = _doc_id(sample_corpus_url, "003_")
    outline = corpus.reply_outline(corpus.get_engine(sample_corpus_url), doc_id)
    assert outline.addressees == ["Alikhan Smailov"]
    rhetorical = [s for s in outline.sections if s.rhetorical]
    assert rhetorical and any(s.procedural for s in outline.sections)
    on_record = [c for _, record in outline.background for c in record] + \
        [c for s in outline.sections for c in s.on_record]
    assert any(c.value == 11000 and c.source_kind == "official" for c in on_record)
    out = tmp_path / "seed.docx"
    assert runner.invoke(cli.app, ["draft-reply", str(doc_id), "-o", str(out), "--db", sample_corpus_url]).exit_code == 0
    texts = [t for _, t in _paragraphs(out)]
    assert not any(" ".join(s.text.split()) in texts for s in rhetorical)
    assert any(t.startswith("11 000 —") for t in texts)


def test_an_unknown_document_is_one_line_and_no_file(sample_corpus_url, tmp_path) -> None:
    out = tmp_path / "none.docx"
    result = runner.invoke(cli.app, ["draft-reply", "999999", "--out", str(out), "--db", sample_corpus_url])
    assert result.exit_code == 1 and "no stored document with id 999999" in result.output
    assert not out.exists()
    missing = runner.invoke(cli.app, ["draft-reply", "nowhere.pdf", "--out", str(out), "--db", sample_corpus_url])
    assert missing.exit_code == 1 and "nowhere.pdf: no stored document" in missing.output


@pytest.mark.parametrize("language, lang", [("kk", "kk"), ("kk+ru", "kk"), ("ru", "ru"), ("ru+kk", "ru"),
                                            (None, "ru")])
def test_template_language(language, lang) -> None:
    assert template_language(language) == lang


def test_cited_line() -> None:
    fig = SimpleNamespace(value=20000.0, value_max=None, qualifier="about", unit="persons", source=None,
                          source_kind="unofficial",
                          date=dt.date(2025, 10, 9), title="Новости", text="около 20 тыс.")
    assert cited_line(fig, wording("ru")) == ("≈20 000 — источник не указан (unofficial), 2025-10-09, «Новости», "
                                              "(около 20 тыс.)")
