"""Engine and settings: SQLite by default (data/saual.db), PostgreSQL when SAUAL_DATABASE_URL says so."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from .errors import CorpusError, db_reason

ENV_URL = "SAUAL_DATABASE_URL"
ENV_READ_ONLY = "SAUAL_READ_ONLY"  # 1/true/yes: open every engine read-only (a public explorer)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_engines: dict[tuple[str, bool], Engine] = {}
_lock = threading.Lock()


def database_url(url: str | None = None) -> str:
    """The database to use: `url`, else $SAUAL_DATABASE_URL, else SQLite at ./data/saual.db (folder made)."""
    chosen = url or os.environ.get(ENV_URL)
    if chosen:
        return chosen
    folder = Path.cwd() / "data"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'saual.db'}"


def read_only_setting(read_only: bool | None = None) -> bool:
    """`read_only` when given, else $SAUAL_READ_ONLY (1, true, yes, on)."""
    if read_only is not None:
        return read_only
    return os.environ.get(ENV_READ_ONLY, "").strip().lower() in ("1", "true", "yes", "on")


def normalise_url(url: str) -> str:
    """PostgreSQL URLs use psycopg 3 (`postgresql://` and `postgres://` are rewritten)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def get_engine(url: str | None = None, *, read_only: bool | None = None) -> Engine:
    """A migrated engine for `url` (see database_url), created once per url and cached.

    Read-only (`read_only`, else $SAUAL_READ_ONLY): nothing is migrated and every connection refuses to
    write (SQLite `PRAGMA query_only`, PostgreSQL `default_transaction_read_only`); a database that is not
    at the current schema is an error, since it cannot be brought there."""
    ro = read_only_setting(read_only)
    key = normalise_url(database_url(url))
    with _lock:
        engine = _engines.get((key, ro))
        if engine is None:
            engine = _create(key, read_only=ro)
            try:
                _check_schema(engine) if ro else migrate(engine)
            except BaseException:
                engine.dispose()
                raise
            _engines[(key, ro)] = engine
        return engine


def close_engine(url: str | None = None) -> None:
    """Dispose of the cached engine for `url` (all cached engines when url is None)."""
    with _lock:
        if url is None:
            keys = list(_engines)
        else:
            wanted = normalise_url(database_url(url))
            keys = [k for k in _engines if k[0] == wanted]
        for key in keys:
            engine = _engines.pop(key, None)
            if engine is not None:
                engine.dispose()


def _create(url: str, read_only: bool = False) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise CorpusError(f"invalid database URL {url!r}: {exc}") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_query_only if read_only else _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            raise CorpusError(f"PostgreSQL URLs must use psycopg 3 (postgresql+psycopg://), got {parsed.drivername}")
        options = {"options": "-c default_transaction_read_only=on"} if read_only else {}
        return create_engine(url, pool_pre_ping=True, connect_args=options)
    raise CorpusError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_query_only(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def _check_schema(engine: Engine) -> None:
    """A read-only engine's database must already be at the newest schema."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    try:
        current = schema_revision(engine)
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot open {engine.url.render_as_string()}: {db_reason(exc)}") from exc
    if current != head:
        raise CorpusError(f"the database is read-only ({ENV_READ_ONLY}) and not at the current schema "
                          f"({current or 'empty'}, needs {head}): run `saual ingest` on it once without {ENV_READ_ONLY}")


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config for the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False)
                               .replace("%", "%%"))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (default: the newest) with Alembic, in one connection."""
    _run_alembic(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Take the schema back to `revision` (`base` drops every corpus table)."""
    _run_alembic(engine, command.downgrade, revision)


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


MIGRATION_LOCK = 0x5A0A1  # PostgreSQL advisory lock key held while the schema is created or migrated


def _run_alembic(engine: Engine, action, revision: str) -> None:
    """Run an Alembic action in one transaction that holds the database's schema lock, so processes that
    start together on a brand-new database migrate one after the other instead of racing (the later
    ones then find the schema at head and do nothing)."""
    config = alembic_config()
    locked = _locking_engine(engine)
    try:
        with locked.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            config.attributes["connection"] = conn
            action(config, revision)
    except SQLAlchemyError as exc:
        raise CorpusError(f"cannot migrate {engine.url.render_as_string()}: {db_reason(exc)}") from exc
    finally:
        if locked is not engine:
            locked.dispose()


def _locking_engine(engine: Engine) -> Engine:
    """For SQLite, a one-off engine whose transactions start with BEGIN IMMEDIATE (the write lock, waited
    for up to the busy timeout); pysqlite would otherwise defer BEGIN and let two migrations interleave."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return engine  # an in-memory database belongs to its own engine and has no other writers
    url = engine.url.render_as_string(hide_password=False)
    locked = create_engine(url, connect_args={"check_same_thread": False, "timeout": 60})

    @event.listens_for(locked, "connect")
    def _autocommit(dbapi_connection, record) -> None:
        _sqlite_pragmas(dbapi_connection, record)
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below issues BEGIN itself

    @event.listens_for(locked, "begin")
    def _immediate(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return locked
