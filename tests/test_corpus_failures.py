"""Failed files are recorded (path, hash, reason, time, attempts) and retried; a document can be removed with
everything derived from it (issue 10). SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, text

import corpus
from corpus.models import ALL_TABLES, DocumentRow

GOOD = "По данным министерства, в 2024 году в Казахстане работали 11 тыс. мигрантов.\n"
OTHER = "Депутаты считают, что в 2024 году в Казахстане работали 20 тыс. мигрантов.\n"


def test_failed_files_are_recorded_then_retried(engine, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n%truncated")
    report = corpus.ingest_paths(engine, [tmp_path])
    assert [Path(p).name for p, _ in report.failed] == ["broken.pdf"]
    [failure] = corpus.list_failures(engine)
    assert failure.path == str(bad) and failure.attempts == 1 and len(failure.sha256 or "") == 64
    assert failure.reason == report.failed[0][1] and failure.failed_at is not None
    corpus.retry_failed(engine)
    [again] = corpus.list_failures(engine)
    assert again.attempts == 2
    bad.unlink()
    fixed = tmp_path / "broken.txt"
    fixed.write_text(OTHER, encoding="utf-8")
    corpus.record_failure(engine, str(fixed), "was broken")  # as if an earlier run had failed it
    report = corpus.retry_failed(engine)
    assert report.added == [str(fixed)]
    assert [f.path for f in corpus.list_failures(engine)] == [str(bad)]  # gone from disk: kept, not retried


def test_remove_deletes_everything_derived(engine, tmp_path: Path) -> None:
    for name, body in (("a.txt", GOOD), ("b.txt", OTHER)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    corpus.ingest_paths(engine, [tmp_path])
    with engine.connect() as conn:
        ids = dict(conn.execute(select(DocumentRow.path, DocumentRow.id)).all())
    before = _counts(engine)
    assert before["figures"] >= 2
    doomed = ids[str(tmp_path / "b.txt")]
    indicators = corpus.remove_document(engine, doomed)
    after = _counts(engine)
    assert after["documents"] == before["documents"] - 1 and indicators
    with engine.connect() as conn:
        for table in ALL_TABLES[1:]:
            left = conn.execute(text(f"SELECT count(*) FROM {table} WHERE document_id = :d"), {"d": doomed})
            assert left.scalar_one() == 0, table
    assert corpus.search(engine, "считают") == []
    assert all(doomed not in [f.document_id for f in c.figures] for c in corpus.list_conflicts(engine))


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(text(t))).scalar_one() for t in ALL_TABLES}
