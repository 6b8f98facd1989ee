"""The ingest pipeline on real files: folders walked, idempotent re-runs, bad files reported, samples end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

import corpus
import ingest
import nlp
from corpus.models import ALL_TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
KIND = ROOT / "tests" / "data" / "kind"
HTML = ROOT / "tests" / "data" / "html"


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(text(t))).scalar_one() for t in ALL_TABLES}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of real text fixtures: nested files, plus files a folder walk must leave alone."""
    root = tmp_path / "in"
    (root / "nested" / "deeper").mkdir(parents=True)
    shutil.copy(KIND / "news_ru.txt", root / "b_news_ru.txt")
    shutil.copy(KIND / "reply_kk.txt", root / "nested" / "a_reply_kk.TXT")
    shutil.copy(KIND / "press_release_kk.txt", root / "nested" / "deeper" / "c_press_kk.txt")
    (root / "README.md").write_text("# not a document\n", encoding="utf-8")
    (root / "notes.xyz").write_text("unknown format\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("editor swap file\n", encoding="utf-8")
    return root


def test_expand_paths_walks_supported_files_sorted(folder: Path) -> None:
    files = corpus.expand_paths([folder])
    assert [p.relative_to(folder).as_posix() for p in files] == [
        "b_news_ru.txt", "nested/a_reply_kk.TXT", "nested/deeper/c_press_kk.txt"]
    explicit = corpus.expand_paths([folder / "notes.xyz", folder, folder / "b_news_ru.txt"])
    assert explicit[0].name == "notes.xyz" and len(explicit) == 4  # duplicates dropped, order kept


def test_every_readable_format_is_walked(engine, tmp_path: Path) -> None:
    """One list of formats (ingest.EXTENSIONS): .xhtml, .text and .md are read and walked alike."""
    root = tmp_path / "formats"
    root.mkdir()
    shutil.copy(HTML / "news_ru.html", root / "a.xhtml")
    shutil.copy(KIND / "news_ru.txt", root / "b.text")
    shutil.copy(KIND / "reply_kk.txt", root / "c.md")
    (root / "README.md").write_text("# what this folder holds\n", encoding="utf-8")
    assert set(ingest.SUPPORTED_EXTENSIONS) == set(ingest.EXTENSIONS) >= {".xhtml", ".text", ".md"}
    assert corpus.SUPPORTED_EXTENSIONS == ingest.SUPPORTED_EXTENSIONS
    assert [p.name for p in corpus.expand_paths([root])] == ["a.xhtml", "b.text", "c.md"]
    report = corpus.ingest_paths(engine, [root])
    assert report.ok and len(report.added) == 3
    assert sorted(d.format for d in corpus.list_documents(engine)) == ["html", "txt", "txt"]


def test_ingest_a_folder_then_again_changes_nothing(engine, folder: Path) -> None:
    started, progress = [], []
    report = corpus.ingest_paths(engine, [folder], on_progress=lambda p, s: progress.append((p.name, s)),
                                 on_start=started.append)
    assert report.ok and len(report.added) == 3 and report.unchanged == [] and report.failed == []
    assert started == [3]
    assert progress == [("b_news_ru.txt", "added"), ("a_reply_kk.TXT", "added"), ("c_press_kk.txt", "added")]
    before = counts(engine)
    assert before["documents"] == 3 and before["passages"] >= 3

    progress.clear()
    again = corpus.ingest_paths(engine, [folder], on_progress=lambda p, s: progress.append((p.name, s)))
    assert again.added == [] and len(again.unchanged) == 3 and again.ok
    assert [s for _, s in progress] == ["unchanged"] * 3
    assert counts(engine) == before

    docs = {Path(d.path).name: d for d in corpus.list_documents(engine)}
    assert docs["b_news_ru.txt"].language == "ru" and docs["c_press_kk.txt"].language == "kk"
    stored = corpus.get_document(engine, docs["a_reply_kk.TXT"].id)
    assert all(stored.text[p.start:p.end].strip() for p in stored.passages)


def test_unchanged_files_are_not_parsed_again(engine, folder: Path, monkeypatch) -> None:
    corpus.ingest_paths(engine, [folder])

    def no_parsing(path):
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(ingest, "read", no_parsing)
    assert len(corpus.ingest_paths(engine, [folder]).unchanged) == 3


def test_bad_files_are_reported_and_the_rest_go_in(engine, folder: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    corrupt = ROOT / "tests" / "data" / "bad" / "truncated.pdf"
    paths = [folder / "notes.xyz", empty, tmp_path / "missing.pdf", corrupt, folder]
    progress = []
    report = corpus.ingest_paths(engine, paths, on_progress=lambda p, s: progress.append(s))
    assert not report.ok
    reasons = dict(report.failed)
    assert set(reasons) == {str(folder / "notes.xyz"), str(empty), str(tmp_path / "missing.pdf"), str(corrupt)}
    assert "unknown format" in reasons[str(folder / "notes.xyz")]
    assert "empty" in reasons[str(empty)]
    assert "no such file" in reasons[str(tmp_path / "missing.pdf")]
    assert all(reason and "\n" not in reason for reason in reasons.values())
    assert len(report.added) == 3 and progress.count("failed") == 4 and progress.count("added") == 3
    assert counts(engine)["documents"] == 3


def test_an_extractor_crash_fails_that_file_only(engine, folder: Path, monkeypatch) -> None:
    real = nlp.analyze

    def flaky(doc):
        if "press" in doc.path:
            raise ValueError("extractor bug")
        return real(doc)

    monkeypatch.setattr(nlp, "analyze", flaky)
    report = corpus.ingest_paths(engine, [folder])
    assert [Path(p).name for p, _ in report.failed] == ["c_press_kk.txt"]
    assert "ValueError: extractor bug" in report.failed[0][1]
    assert len(report.added) == 2 and counts(engine)["documents"] == 2


# --- the sample corpus, end to end -----------------------------------------------------------------------

@pytest.mark.slow
def test_sample_corpus_ingests_cleanly(sample_corpus_url: str) -> None:
    engine = corpus.get_engine(sample_corpus_url)
    docs = corpus.list_documents(engine)
    expected = [p for p in SAMPLES.rglob("*")
                if p.suffix.lower() in corpus.SUPPORTED_EXTENSIONS and p.name != "SOURCES.md"]
    assert len(docs) == len(expected) == 10
    assert {d.format for d in docs} == {"pdf", "txt"}
    for summary in docs:
        stored = corpus.get_document(engine, summary.id)
        assert stored.passages, summary.path
        for p in stored.passages:
            assert 0 <= p.start < p.end <= len(stored.text)
        if summary.format == "pdf":
            assert summary.page_count == len(stored.pages) >= 1
    report = corpus.build_sample_corpus(sample_corpus_url, SAMPLES)
    assert report.ok and report.added == [] and len(report.unchanged) == 10
    facets = corpus.facets(engine)
    assert sum(facets["language"].values()) == 10
    assert facets["kind"].get("inquiry", 0) >= 8
    assert sum(facets["year"].values()) >= 9


@pytest.fixture(scope="module")
def parsed_samples() -> list[tuple[ingest.Document, nlp.Analysis]]:
    """Every sample file read and analysed once for this module."""
    files = corpus.expand_paths([SAMPLES])
    return [(doc, nlp.analyze(doc)) for doc in map(ingest.read, files)]


@pytest.mark.slow
def test_samples_are_searchable_in_both_dialects(engine, parsed_samples) -> None:
    for doc, analysis in parsed_samples:
        assert corpus.store_document(engine, doc, analysis).created
    assert counts(engine)["passages"] == sum(len(d.paragraphs) for d, _ in parsed_samples)

    korea = corpus.search(engine, "Корея")
    assert len({h.document_id for h in korea}) >= 2  # the South Korea seed inquiry and the news article
    for hit in korea[:10]:
        stored = corpus.get_document(engine, hit.document_id)
        assert stored.text[hit.start:hit.end]
        marked = [w.lower() for w, on in corpus.split_highlights(hit.snippet) if on]
        assert marked and all(w.startswith("коре") or "коре" in w for w in marked)
    migrants = corpus.search(engine, "мигрант", language="kk")
    assert migrants and all(h.doc_language == "kk" for h in migrants)
    assert corpus.search(engine, "депутаттық сауал", kind="inquiry")
    assert corpus.facets(engine, "депутат")["kind"].get("inquiry", 0) >= 8
