"""Several `saual ingest` processes started together on one database, brand-new or not: no error reaches the
user, no document is stored twice and none is lost (issue 10). Real processes, SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

import corpus
from corpus.models import DocumentRow

SAUAL = Path(sys.executable).with_name("saual")
WORKERS = 3

pytestmark = pytest.mark.slow


def _write_files(folder: Path) -> tuple[list[Path], list[list[Path]]]:
    """Two files every process ingests and one file of its own per process."""
    shared = []
    for i, (lang, text) in enumerate([("ru", "По данным министерства, в 2024 году в стране работали 11 тыс. человек."),
                                      ("kk", "Ресми дерек бойынша 2024 жылы елде 9 600 адам жұмыс істеді.")]):
        path = folder / f"shared-{i}-{lang}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        shared.append(path)
    own = []
    for w in range(WORKERS):
        path = folder / f"own-{w}.txt"
        path.write_text(f"Депутаты сообщили, что в {2020 + w} году уехали {1000 + w} человек.\n", encoding="utf-8")
        own.append([path])
    return shared, own


@pytest.mark.parametrize("brand_new", [True, False], ids=["new-database", "existing-database"])
def test_concurrent_ingest(db_url: str, tmp_path: Path, brand_new: bool) -> None:
    if not brand_new:
        corpus.get_engine(db_url)  # schema created beforehand
        corpus.close_engine(db_url)
    shared, own = _write_files(tmp_path)
    procs = [subprocess.Popen([str(SAUAL), "ingest", *map(str, shared + own[w]), "--db", db_url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for w in range(WORKERS)]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for code, out, err in results:
        assert code == 0, err
        assert "error" not in err.lower() and "failed" not in out.replace("0 failed", ""), (out, err)
    engine = corpus.get_engine(db_url)
    with engine.connect() as conn:
        paths = conn.execute(select(DocumentRow.path)).scalars().all()
        total = conn.execute(select(func.count()).select_from(DocumentRow)).scalar_one()
    assert total == len(shared) + WORKERS
    assert sorted(Path(p).name for p in paths) == sorted(p.name for p in shared + [o[0] for o in own])


@pytest.mark.parametrize("round_", range(2))
def test_brand_new_schema_race(db_url: str, round_: int) -> None:
    """Three processes opening a brand-new database at once: each migrates or waits; none fails."""
    code = "import corpus, sys; corpus.get_engine(sys.argv[1])"
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE, text=True)
             for _ in range(WORKERS)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * WORKERS, errors
    assert corpus.schema_revision(corpus.get_engine(db_url)) is not None
