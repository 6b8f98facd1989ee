"""Alembic environment: runs on the connection `corpus.migrate` hands over (or on sqlalchemy.url)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from corpus.models import SQLModel

target_metadata = SQLModel.metadata
config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from corpus.db import database_url, normalise_url

    url = normalise_url(config.get_main_option("sqlalchemy.url") or database_url())
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    from corpus.errors import CorpusError

    raise CorpusError("offline (--sql) migrations are not supported: the search parts depend on the live dialect")
run_migrations_online()
