"""Alembic migrations for the corpus schema (SQLite and PostgreSQL); run through `corpus.migrate`."""
