"""`saual ingest --workers 2`: exactly the rows of a one-process run (SQLite and PostgreSQL), and a hostile file
among good ones fails alone, with one line, a non-zero exit and nothing of it stored."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

import corpus
from corpus.models import SQLModel

ROOT = Path(__file__).resolve().parent.parent
SAUAL = Path(sys.executable).with_name("saual")

pytestmark = pytest.mark.slow


def rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every corpus table in id order, timestamps left out (they are the run's clock)."""
    engine = corpus.get_engine(url)
    out = {}
    with engine.connect() as conn:
        for name, table in sorted(SQLModel.metadata.tables.items()):
            result = conn.execute(select(table).order_by(*table.primary_key.columns))
            out[name] = [tuple(v for v in r if not isinstance(v, dt.datetime)) for r in result]
    return out


def ingest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(SAUAL), "ingest", *args], capture_output=True, text=True, timeout=900, check=False)


def test_two_workers_store_the_rows_of_one(db_url: str, sample_corpus_url: str) -> None:
    done = ingest(str(ROOT / "samples"), "--db", db_url, "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "10 added, 0 unchanged, 0 failed" in done.stdout
    got, want = rows(db_url), rows(sample_corpus_url)
    assert got["documents"] and got["figures"] and got["mentions"]
    assert got == want
    again = ingest(str(ROOT / "samples"), "--db", db_url, "--workers", "2")
    assert again.returncode == 0 and "0 added, 10 unchanged" in again.stdout, again.stderr


@pytest.mark.parametrize("hostile, reason", [
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n" + b"\x00\xff" * 4000, "PDF"),
    (b"\x00\x01\x02 not text at all \xff\xfe" * 200, ""),
])
def test_hostile_file_among_good_ones_fails_alone(tmp_path: Path, db_url: str, hostile: bytes, reason: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    bad = folder / ("bad.pdf" if reason else "bad.txt")
    bad.write_bytes(hostile)
    shutil.copy(ROOT / "samples" / "pdf" / "8920.pdf", folder / "z.pdf")
    done = ingest(str(folder), "--db", db_url, "--workers", "2")
    assert done.returncode == 1
    failures = [line for line in done.stderr.splitlines() if line.startswith(str(bad))]
    assert len(failures) == 1 and reason in failures[0], done.stderr
    assert "3 added, 0 unchanged, 1 failed" in done.stdout
    engine = corpus.get_engine(db_url)
    assert sorted(Path(d.path).name for d in corpus.list_documents(engine)) == sorted(
        [s.name for s in seeds] + ["z.pdf"])
    assert [Path(f.path).name for f in corpus.list_failures(engine)] == ["bad.pdf" if reason else "bad.txt"]
    assert corpus.pending(engine).marks() == set()


def test_a_rerun_finishes_the_recomputes_a_killed_run_owed(db_url: str) -> None:
    """A run killed after storing its documents and before its recompute leaves the marks; a rerun that stores
    nothing new still recomputes cards, person keys and reply links, then clears the marks."""
    engine = corpus.get_engine(db_url)
    assert corpus.ingest_paths(engine, [ROOT / "samples"]).ok
    clean = rows(db_url)
    indicators = {i for (i,) in _query(engine, "SELECT DISTINCT indicator FROM figures WHERE indicator IS NOT NULL")}
    shas = [s for (s,) in _query(engine, "SELECT sha256 FROM documents WHERE kind IN ('inquiry', 'reply')")]
    assert indicators and shas and clean["conflicts"]
    _query(engine, "DELETE FROM conflicts")  # as if the run had stopped before its recompute
    _query(engine, "UPDATE mentions SET person_key = NULL")
    corpus.mark_pending(engine, indicators, True, None)
    for sha in shas:
        corpus.mark_pending(engine, [], False, sha)
    owed = corpus.pending(engine)
    assert owed.indicators == indicators and owed.persons and owed.links == set(shas)
    again = corpus.ingest_paths(engine, [ROOT / "samples"])
    assert again.ok and not again.added
    assert rows(db_url) == clean
    assert corpus.pending(engine).marks() == set()


def _query(engine, sql: str) -> list[tuple]:
    from sqlalchemy import text

    with engine.begin() as conn:
        result = conn.execute(text(sql))
        return [tuple(r) for r in result] if result.returns_rows else []
