"""Database fixtures: a fresh SQLite file or a fresh PostgreSQL database per test, and the sample corpus.

PostgreSQL comes from SAUAL_TEST_DATABASE_URL when given (a server where we may CREATE DATABASE),
otherwise from a throwaway cluster started here with initdb/pg_ctl on a free port and stopped at
the end. Without PostgreSQL binaries the PostgreSQL tests are skipped with the reason (CI fails
on skips).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class PostgresServer:
    """A reachable PostgreSQL server: `url(db)` is a psycopg URL for database `db` on it."""

    base_url: str  # sqlalchemy URL of the admin database

    def url(self, database: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.base_url).set(database=database).render_as_string(hide_password=False)


def postgres_bindir() -> Path | None:
    """Where initdb and pg_ctl live: `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin."""
    candidates: list[Path] = []
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, timeout=10,
                                 check=False)
            if out.returncode == 0 and out.stdout.strip():
                candidates.append(Path(out.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += [Path(p) for p in sorted(versions, key=lambda p: int(Path(p).parent.name)
                                           if Path(p).parent.name.isdigit() else 0, reverse=True)]
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).parent)
    for c in candidates:
        if (c / "initdb").exists() and (c / "pg_ctl").exists():
            return c
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Cluster:
    """A throwaway cluster in a temp dir; as root, the server runs as the `postgres` user."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.tmp = Path(tempfile.mkdtemp(prefix="saual-pg-"))
        self.data = self.tmp / "data"
        self.port = _free_port()
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")

    def start(self) -> str:
        if self.as_root:
            shutil.chown(self.tmp, user="postgres", group="postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.tmp / "server.log"),
                  "-w", "-t", "60", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except (RuntimeError, OSError, subprocess.SubprocessError):
            pass
        shutil.rmtree(self.tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole session (given by SAUAL_TEST_DATABASE_URL or started here)."""
    from corpus import normalise_url

    given = os.environ.get("SAUAL_TEST_DATABASE_URL")
    if given:
        yield PostgresServer(normalise_url(given))
        return
    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: install the `postgresql` package "
                    "or set SAUAL_TEST_DATABASE_URL")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root needs `runuser` to start PostgreSQL as the postgres user")
    cluster = _Cluster(bindir)
    try:
        base = cluster.start()
    except Exception:
        cluster.stop()
        raise
    try:
        yield PostgresServer(base)
    finally:
        cluster.stop()


def _admin(server: PostgresServer, sql: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server.base_url)
    with psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                         dbname=url.database or "postgres", autocommit=True) as conn:
        conn.execute(sql)


def _create_database(server: PostgresServer, name: str) -> None:
    """A UTF-8 database whose ctype lowercases Cyrillic (C.UTF-8, else the server's default locale)."""
    import psycopg

    try:
        _admin(server, f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                       "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
    except psycopg.errors.InvalidParameterValue:  # no C.UTF-8 locale on that server
        _admin(server, f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")


DIALECTS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def fresh_database(request, dialect: str, folder: Path) -> Iterator[str]:
    """A new empty database: a SQLite file in `folder`, or a UTF-8 database on the PostgreSQL server."""
    from corpus import close_engine

    if dialect == "sqlite":
        url = f"sqlite:///{folder / 'saual.db'}"
        try:
            yield url
        finally:
            close_engine(url)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"saual_test_{uuid.uuid4().hex[:12]}"
    _create_database(server, name)
    url = server.url(name)
    try:
        yield url
    finally:
        close_engine(url)
        _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=DIALECTS)
def db_url(request, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL per test, on SQLite and on PostgreSQL (marked `postgres`)."""
    with fresh_database(request, request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="module", params=DIALECTS)
def module_db_url(request, tmp_path_factory) -> Iterator[str]:
    """Like db_url, but shared by the tests of one module (for read-only tests on one built corpus)."""
    with fresh_database(request, request.param, tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="module")
def module_engine(module_db_url: str):
    """A migrated engine on the module's shared database."""
    from corpus import get_engine

    return get_engine(module_db_url)


@pytest.fixture
def engine(db_url: str):
    """A migrated engine on the fresh database of `db_url`."""
    from corpus import get_engine

    return get_engine(db_url)


@pytest.fixture(scope="session")
def sample_corpus_url(tmp_path_factory) -> str:
    """A SQLite corpus with the whole samples/ folder ingested once (for UI and end-to-end tests)."""
    from corpus import build_sample_corpus, close_engine

    url = f"sqlite:///{tmp_path_factory.mktemp('sample-corpus') / 'saual.db'}"
    report = build_sample_corpus(url, ROOT / "samples")
    close_engine(url)
    if not report.ok:
        failed = "; ".join(f"{path}: {reason}" for path, reason in report.failed)
        pytest.fail(f"the sample corpus did not ingest cleanly: {failed}")
    return url


def synthetic_document(paragraphs: list[tuple[str, str] | tuple[str, str, int]], *, path: str = "synthetic.txt",
                       fmt: str = "txt", kind: str = "other", language: str | None = None,
                       date=None, title: str | None = None, sha256: str | None = None, **extra):
    """A Document built with ingest.assemble from (text, language[, page]) paragraphs."""
    import hashlib

    from ingest import Block, Document, assemble

    blocks = [Block.of(p[0], p[2] if len(p) > 2 else 1) for p in paragraphs]
    page_count = max((p[2] if len(p) > 2 else 1) for p in paragraphs)
    text, pages, paras = assemble(blocks, page_count)
    for para, p in zip(paras, paragraphs):
        para.language = p[1]
    languages = [p[1] for p in paragraphs]
    digest = sha256 or hashlib.sha256(f"{path}\0{text}".encode()).hexdigest()
    return Document(path=path, sha256=digest, format=fmt, text=text, pages=pages, paragraphs=paras,
                    page_count=page_count, title=title, date=date, kind=kind,
                    language=language or max(set(languages), key=languages.count), **extra)


@pytest.fixture(scope="session")
def make_document():
    """Factory for small synthetic Documents (see synthetic_document)."""
    return synthetic_document


# Short news items (first line: the date) that give conflict cards through the real ingest path: the
# Labour Ministry's 9 600 against the diaspora's ~20 000 Kazakhstanis working illegally in South Korea
# in 2024 (a Kazakh item adds the ministry's 2023 figure: a trend, not a conflict), and unemployment in
# Kazakhstan in 2024 from official statistics, economists (a range) and a hostile item (markup in text).
CONFLICT_DOCUMENTS = {
    "ministry.txt": "09.10.2025\nМинистерство труда сообщило, что в 2024 году в Южной Корее нелегально работали "
                    "9 600 граждан Казахстана.\n",
    "diaspora.txt": "12.10.2025\nПо оценке диаспоры, в 2024 году в Южной Корее нелегально работали около "
                    "20 тысяч граждан Казахстана.\n",
    "kk_news.txt": "2025 жылғы 7 желтоқсан\nЕңбек министрлігінің мәліметінше, 2023 жылы Оңтүстік Кореяда "
                   "10 707 қазақстандық заңсыз жұмыс істеді.\n",
    "unemployment_official.txt": "15.03.2025\nПо данным Бюро национальной статистики, уровень безработицы в "
                                 "Казахстане в 2024 году составил 4,7 %.\n",
    "unemployment_experts.txt": "20.03.2025\nНезависимые экономисты считают, что реальный уровень безработицы в "
                                "Казахстане в 2024 году составил 10–12 %.\n",
    "hostile.txt": "21.03.2025\nПо данным <b>профсоюза</b> **[ссылка](http://x.kz)**, уровень безработицы в "
                   "Казахстане в 2024 году составил более 7 %.\n",
}
SOUTH_KOREA = "migrant_workers.illegal|persons|South Korea"
UNEMPLOYMENT = "unemployment|percent|Kazakhstan"


def write_conflict_documents(folder: Path) -> Path:
    """CONFLICT_DOCUMENTS written as files into `folder`/docs (returned)."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in CONFLICT_DOCUMENTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def build_conflict_corpus(folder: Path) -> str:
    """Write CONFLICT_DOCUMENTS into `folder`/docs and ingest them into `folder`/saual.db; returns its URL."""
    from corpus import close_engine, get_engine, ingest_paths

    url = f"sqlite:///{folder / 'saual.db'}"
    report = ingest_paths(get_engine(url), [write_conflict_documents(folder)])
    close_engine(url)
    if not report.ok:
        pytest.fail(f"the conflict corpus did not ingest cleanly: {report.failed}")
    return url


@pytest.fixture(scope="session")
def conflict_corpus_url(tmp_path_factory) -> str:
    """A SQLite corpus of CONFLICT_DOCUMENTS, ingested once: two conflict cards (South Korea, unemployment)."""
    return build_conflict_corpus(tmp_path_factory.mktemp("conflict-corpus"))
