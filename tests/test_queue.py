"""The queue on one real PostgreSQL: enqueue by content hash, three `saual worker` processes, one killed mid-job."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .fixtures_db import CONFLICT_DOCUMENTS, fresh_database

SAUAL = [sys.executable, "-c", "from ui.cli import main; main()"]
DOCUMENTS = 200
STALLED_AFTER = "4"


def saual(url: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `saual ARGS` against the database at `url` (SAUAL_DATABASE_URL, as a deployment sets it)."""
    env = {**os.environ, "SAUAL_DATABASE_URL": url}
    return subprocess.run([*SAUAL, *args], capture_output=True, text=True, env=env, timeout=timeout, check=False)


def write_documents(folder: Path, n: int) -> dict[str, str]:
    """`n` short news items recombined from the conflict corpus's sentences, numbers redrawn; path → sha256."""
    sentences = [line for text in CONFLICT_DOCUMENTS.values() for line in text.splitlines()[1:] if line]
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    hashes = {}
    for i in range(n):
        picked = rng.sample(sentences, 2)
        body = "\n".join(s.replace("2024", str(2015 + i % 10)).replace("9 600", f"{9000 + i} ") for s in picked)
        path = folder / f"item_{i:03d}.txt"
        path.write_text(f"{1 + i % 28:02d}.{1 + i % 12:02d}.2025\n{body}\nНөмір {i}.\n", encoding="utf-8")
        hashes[str(path.resolve())] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


@pytest.fixture
def pg_url(request, tmp_path: Path):
    with fresh_database(request, "postgresql", tmp_path) as url:
        yield url


@pytest.mark.parametrize("url, conninfo", [
    ("postgresql+psycopg://saual:secret@db.example:5433/corpus", "postgresql://saual:secret@db.example:5433/corpus"),
    ("postgresql://saual@db/saual", "postgresql://saual@db/saual"),
    ("postgres://u@h/d", "postgresql://u@h/d"),
    ("sqlite:///data/saual.db", None),
])
def test_queue_conninfo(url: str, conninfo: str | None):
    from sqlalchemy import create_engine

    from corpus import CorpusError, normalise_url, queue_conninfo

    engine = create_engine(normalise_url(url))
    if conninfo is None:
        with pytest.raises(CorpusError, match="the queue needs PostgreSQL"):
            queue_conninfo(engine)
    else:
        assert queue_conninfo(engine) == conninfo


def test_sqlite_is_refused_in_one_line(tmp_path: Path):
    done = saual(f"sqlite:///{tmp_path / 'saual.db'}", "jobs")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "the queue needs PostgreSQL" in done.stderr


@pytest.mark.postgres
def test_enqueue_worker_jobs_and_retry(pg_url: str, tmp_path: Path):
    docs = tmp_path / "docs"
    hashes = write_documents(docs, 3)
    (docs / "broken.pdf").write_bytes(b"\x00\x01 not a pdf")
    twin = tmp_path / "twin.txt"
    twin.write_bytes((docs / "item_000.txt").read_bytes())
    first = saual(pg_url, "enqueue", str(docs), str(twin))
    assert first.returncode == 0, first.stderr
    assert "5 files: 4 queued, 0 already stored, 1 skipped (1 already queued" in first.stdout
    again = saual(pg_url, "enqueue", str(docs))
    assert "0 queued, 0 already stored, 4 skipped (4 already queued" in again.stdout
    work = saual(pg_url, "worker", "--once", "--concurrency", "2")
    assert work.returncode == 0, work.stderr
    assert "broken.pdf: " in work.stderr
    jobs = json.loads(saual(pg_url, "jobs", "--json").stdout)
    assert jobs["counts"] == {"todo": 0, "doing": 0, "succeeded": 3, "failed": 1}
    assert [f["path"] for f in jobs["failed"]] == [str((docs / "broken.pdf").resolve())]
    assert "PDF" in jobs["failed"][0]["reason"]
    stored = saual(pg_url, "enqueue", *hashes)
    assert "3 files: 0 queued, 3 already stored" in stored.stdout
    retried = json.loads(saual(pg_url, "jobs", "--retry-failed", "--json").stdout)
    assert retried["counts"]["todo"] == 1 and retried["counts"]["failed"] == 0


def _stored_hashes(url: str) -> list[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [row[0] for row in conn.execute(text("SELECT sha256 FROM documents"))]
    finally:
        engine.dispose()


def _waiting_to_store(watcher) -> int:
    """Connections waiting for the lock on `documents` (workers that have read a file and want to store it)."""
    return watcher.execute("SELECT count(*) FROM pg_locks WHERE relation = 'documents'::regclass "
                           "AND NOT granted").fetchone()[0]


def _cards(url: str) -> set[str]:
    """The ids of the active conflict cards as stored."""
    from corpus import get_engine, list_conflicts

    return {card.id for card in list_conflicts(get_engine(url))}


@pytest.mark.slow
@pytest.mark.postgres
def test_three_workers_one_killed_mid_job(pg_url: str, tmp_path: Path):
    """Every document stored once, none lost, no job failed, though a worker dies holding a job."""
    import psycopg
    from sqlalchemy.engine import make_url

    hashes = write_documents(tmp_path / "docs", DOCUMENTS)
    queued = saual(pg_url, "enqueue", str(tmp_path / "docs"))
    assert f"{DOCUMENTS} queued" in queued.stdout, queued.stderr
    plain = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    env = {**os.environ, "SAUAL_DATABASE_URL": pg_url}
    with psycopg.connect(plain, autocommit=True) as holder, psycopg.connect(plain, autocommit=True) as watcher:
        # Hold the documents table: each worker then stops mid-job, its file read and analysed, unstored.
        holder.execute("BEGIN")
        holder.execute("LOCK TABLE documents IN SHARE MODE")
        workers = [subprocess.Popen([*SAUAL, "worker", "--once", "--stalled-after", STALLED_AFTER], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                   for _ in range(3)]
        deadline = time.monotonic() + 120
        while _waiting_to_store(watcher) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _waiting_to_store(watcher) == 3, "the three workers never reached the middle of a job"
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(timeout=30)
        holder.execute("COMMIT")
    for w in workers[1:]:
        _out, err = w.communicate(timeout=240)
        assert w.returncode == 0, err[-2000:]
    assert workers[0].returncode == -signal.SIGKILL
    stored = _stored_hashes(pg_url)
    assert len(stored) == len(set(stored)) == DOCUMENTS
    assert set(stored) == set(hashes.values())
    jobs = json.loads(saual(pg_url, "jobs", "--json").stdout)
    assert jobs["counts"] == {"todo": 0, "doing": 0, "succeeded": DOCUMENTS, "failed": 0}
    with psycopg.connect(plain) as conn:
        retried = conn.execute("SELECT count(*) FROM procrastinate_jobs WHERE attempts > 1 AND task_name = 'saual.ingest_file'").fetchone()[0]
    assert retried == 1  # the killed worker's job, given to another after its heartbeat stopped
    before = _cards(pg_url)
    from corpus import get_engine, recompute_conflicts

    recompute_conflicts(get_engine(pg_url))  # every indicator from scratch: the queue's cards were complete
    assert before and _cards(pg_url) == before
