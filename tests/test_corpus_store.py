"""Storing documents: idempotent by sha256, one transaction, extracted rows with offsets (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

import corpus
from corpus.models import ALL_TABLES, PassageRow
from nlp import Addressee, Analysis, Demand, Entity, Figure, Signatory

PARAGRAPHS = [
    ("ДЕПУТАТТЫҚ САУАЛ", "kk", 1),
    ("Қазақстан Республикасының Премьер-Министрі О.А. Бектеновке", "kk", 1),
    ("Оңтүстік Кореяда 126 мыңнан астам қазақстандық жұмыс істейді.", "kk", 1),
    ("Просим принять меры по защите прав трудовых мигрантов.", "ru", 2),
    ("Депутат А. Әбенов", "kk", 2),
]


def _span(doc, needle: str) -> tuple[int, int]:
    start = doc.text.index(needle)
    return start, start + len(needle)


def rich_analysis(doc) -> Analysis:
    """An Analysis with one item of every kind, offsets taken from the document text."""
    fs, fe = _span(doc, "126 мыңнан астам")
    es, ee = _span(doc, "Оңтүстік Кореяда")
    ds, de = _span(doc, "Просим принять меры по защите прав трудовых мигрантов.")
    as_, ae = _span(doc, "Премьер-Министрі О.А. Бектеновке")
    ss, se = _span(doc, "А. Әбенов")
    return Analysis(
        figures=[Figure(text=doc.text[fs:fe], start=fs, end=fe, value=126000, qualifier="more_than",
                        unit="persons", page=1, what="қазақстандық жұмыс істейді", indicator="migrant_workers",
                        place="South Korea", year=2025, source_kind="unofficial")],
        entities=[Entity(text=doc.text[es:ee], start=es, end=ee, label="LOC", canonical="Оңтүстік Корея",
                         page=1, name_en="South Korea", id="loc:KR")],
        demands=[Demand(text=doc.text[ds:de], start=ds, end=de, type="demand", page=2, number=1,
                        directed_to="Премьер-Министр")],
        addressee=[Addressee(text=doc.text[as_:ae], start=as_, end=ae, name="Бектенов О.А.",
                             position="Премьер-Министр")],
        signatories=[Signatory(text=doc.text[ss:se], start=ss, end=se, name="Әбенов А.", faction="Amanat")],
        response_due=dt.date(2025, 6, 20),
    )


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(text(t))).scalar_one() for t in ALL_TABLES}


def test_store_writes_every_row_with_offsets_and_passages(engine, make_document) -> None:
    doc = make_document(PARAGRAPHS, kind="inquiry", date=dt.date(2025, 5, 21), title="Сауал",
                        metadata={"stamp": "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)", "when": dt.date(2025, 5, 22)},
                        warnings=["page 2: header removed"])
    analysis = rich_analysis(doc)
    result = corpus.store_document(engine, doc, analysis)
    assert result.created and result.document_id > 0
    assert counts(engine) == {"documents": 1, "pages": 2, "passages": 5, "figures": 1, "mentions": 1,
                              "demands": 1, "addressees": 1, "signatories": 1, "reply_refs": 0}

    stored = corpus.get_document(engine, result.document_id)
    assert stored.text == doc.text
    assert stored.sha256 == doc.sha256 and stored.kind == "inquiry" and stored.date == dt.date(2025, 5, 21)
    assert stored.pages == [(p.number, p.start, p.end) for p in doc.pages]
    assert [(p.seq, p.page, p.start, p.end, p.language) for p in stored.passages] == [
        (i, p.page, p.start, p.end, p.language) for i, p in enumerate(doc.paragraphs)]
    assert stored.metadata == {"stamp": "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)", "when": "2025-05-22"}
    assert stored.warnings == ["page 2: header removed"]
    assert stored.figures == analysis.figures
    assert stored.entities == analysis.entities
    assert stored.demands == analysis.demands
    assert stored.addressee == analysis.addressee
    assert stored.signatories == analysis.signatories
    assert stored.response_due == dt.date(2025, 6, 20)
    for item in [*stored.figures, *stored.entities, *stored.demands, *stored.addressee, *stored.signatories]:
        assert stored.text[item.start:item.end] == item.text


@pytest.mark.parametrize("table, needle, passage_seq, page", [
    ("figures", "126 мыңнан астам", 2, 1),
    ("mentions", "Оңтүстік Кореяда", 2, 1),
    ("demands", "Просим принять", 3, 2),
    ("addressees", "Премьер-Министрі", 1, 1),
    ("signatories", "А. Әбенов", 4, 2),
])
def test_extracted_rows_point_to_their_passage_and_page(engine, make_document, table, needle, passage_seq,
                                                        page) -> None:
    doc = make_document(PARAGRAPHS)
    document_id = corpus.store_document(engine, doc, rich_analysis(doc)).document_id
    with engine.connect() as conn:
        row = conn.execute(text(f'SELECT x.passage_id, x.page, x.start, x."end", p.seq, p.start, p."end" '
                                f"FROM {table} x JOIN passages p ON p.id = x.passage_id "
                                "WHERE x.document_id = :d"), {"d": document_id}).one()
    _passage_id, row_page, start, end, seq, p_start, p_end = row
    assert seq == passage_seq and row_page == page
    assert p_start <= start < end <= p_end
    assert doc.text[start:end].startswith(needle)


def test_storing_the_same_bytes_twice_changes_nothing(engine, make_document) -> None:
    doc = make_document(PARAGRAPHS)
    first = corpus.store_document(engine, doc, rich_analysis(doc))
    before = counts(engine)
    again = corpus.store_document(engine, doc, rich_analysis(doc))
    assert again == corpus.StoreResult(first.document_id, created=False)
    assert counts(engine) == before
    assert corpus.document_id_for_sha(engine, doc.sha256) == first.document_id
    assert corpus.document_id_for_sha(engine, "0" * 64) is None


def test_a_different_document_is_added_beside(engine, make_document) -> None:
    a = corpus.store_document(engine, make_document(PARAGRAPHS, path="a.txt"), Analysis())
    b = corpus.store_document(engine, make_document(PARAGRAPHS[:2], path="b.txt"), Analysis())
    assert a.created and b.created and a.document_id != b.document_id
    assert counts(engine)["documents"] == 2 and counts(engine)["passages"] == 7


def test_failure_midway_leaves_nothing_behind(engine, make_document, monkeypatch) -> None:
    doc = make_document(PARAGRAPHS)

    def explode(self, offset):  # runs after the document, pages and passages were flushed
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(corpus.store.PassageLocator, "__call__", explode)
    with pytest.raises(RuntimeError, match="disk on fire"):
        corpus.store_document(engine, doc, rich_analysis(doc))
    assert set(counts(engine).values()) == {0}
    assert corpus.search(engine, "Кореяда") == []
    monkeypatch.undo()
    assert corpus.store_document(engine, doc, rich_analysis(doc)).created


def test_database_refusal_is_a_corpus_error_and_rolls_back(engine, make_document) -> None:
    doc = make_document(PARAGRAPHS)
    analysis = rich_analysis(doc)
    analysis.demands[0].type = None  # NOT NULL column: the database refuses the last rows written
    with pytest.raises(corpus.CorpusError, match=r"cannot store synthetic\.txt"):
        corpus.store_document(engine, doc, analysis)
    assert set(counts(engine).values()) == {0}


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 2), (0, 10_000)])
def test_offsets_outside_the_text_are_refused_before_writing(engine, make_document, start, end) -> None:
    doc = make_document(PARAGRAPHS)
    bad = Analysis(entities=[Entity(text="x", start=start, end=end, label="LOC", canonical="x")])
    with pytest.raises(corpus.CorpusError, match="outside the text"):
        corpus.store_document(engine, doc, bad)
    assert counts(engine)["documents"] == 0


def test_control_characters_are_cleaned_without_moving_offsets(engine, make_document) -> None:
    doc = make_document([("Кореяда\x02 жұмыс\x03 істейді\x00 ок", "kk")], title="a\x02b")
    stored = corpus.get_document(engine, corpus.store_document(engine, doc, Analysis()).document_id)
    assert stored.text == "Кореяда  жұмыс  істейді  ок"
    assert len(stored.text) == len(doc.text)
    assert stored.title == "a b"
    with engine.connect() as conn:
        assert conn.execute(select(PassageRow.text)).scalar_one() == stored.text


def test_get_document_for_unknown_id_is_none(engine) -> None:
    assert corpus.get_document(engine, 12345) is None


def test_list_documents_filters_and_orders_newest_first(engine, make_document) -> None:
    specs = [("a.txt", "kk", "inquiry", dt.date(2025, 5, 21)), ("b.txt", "ru", "reply", dt.date(2024, 1, 2)),
             ("c.txt", "ru", "inquiry", None), ("d.txt", "kk+ru", "news", dt.date(2025, 7, 1))]
    for path, language, kind, date in specs:
        corpus.store_document(engine, make_document([("Мәтін " + path, "kk")], path=path, language=language,
                                                    kind=kind, date=date), Analysis())
    assert [d.path for d in corpus.list_documents(engine)] == ["d.txt", "a.txt", "b.txt", "c.txt"]
    assert [d.path for d in corpus.list_documents(engine, language="ru")] == ["b.txt", "c.txt"]
    assert [d.path for d in corpus.list_documents(engine, kind="inquiry")] == ["a.txt", "c.txt"]
    assert [d.path for d in corpus.list_documents(engine, date_from=dt.date(2025, 1, 1))] == ["d.txt", "a.txt"]
    assert [d.path for d in corpus.list_documents(engine, date_to=dt.date(2025, 5, 21))] == ["a.txt", "b.txt"]
    summary = corpus.list_documents(engine, kind="news")[0]
    assert isinstance(summary, corpus.DocumentSummary)
    assert (summary.language, summary.format, summary.page_count, summary.ocr) == ("kk+ru", "txt", 1, False)
    assert corpus.count_documents(engine) == 4
