"""`kill -9` of `saual ingest` at random moments, then a rerun: exactly the rows of a clean run, no partial
document, no duplicate, conflict cards and person keys recomputed by the rerun (corpus.pending), and (SQLite) a database that passes `PRAGMA integrity_check` (issue 10)."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

import corpus

ROOT = Path(__file__).resolve().parent.parent
SAUAL = Path(sys.executable).with_name("saual")
KILLS = 4

pytestmark = pytest.mark.slow


def snapshot(url: str) -> dict[str, object]:
    """Row counts of every corpus table and the stored documents' hashes."""
    engine = corpus.get_engine(url)
    names = [n for n in inspect(engine).get_table_names()
             if n != "alembic_version" and not n.startswith(("passages_fts", "passages_tri"))]
    with engine.connect() as conn:
        out: dict[str, object] = {n: conn.execute(text(f"SELECT count(*) FROM {n}")).scalar_one() for n in names}
        out["sha256"] = sorted(conn.execute(text("SELECT sha256 FROM documents")).scalars())
    return out


def test_kill_at_random_points_then_rerun(db_url: str, sample_corpus_url: str) -> None:
    rng = random.Random(20261204)
    command = [str(SAUAL), "ingest", str(ROOT / "samples"), "--db", db_url]
    for i in range(KILLS):  # one process and two workers in turn: both leave owed recomputes to the rerun
        proc = subprocess.Popen(command + ["--workers", str(1 + i % 2)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 8.0))
        proc.kill()  # SIGKILL: no cleanup runs
        proc.wait()
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert snapshot(db_url) == snapshot(sample_corpus_url)
    if db_url.startswith("sqlite"):
        with corpus.get_engine(db_url).connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
