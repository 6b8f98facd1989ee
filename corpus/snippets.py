"""SQLite snippets cut by FTS5 itself, in a private in-memory FTS5 table holding only the page's passages.

A MATCH on the corpus's index rebuilds the whole doclist of every prefix term (milliseconds per
evaluation at 100k documents); the same table definitions over a page's few passages give FTS5's own
snippet() (same tokenizers, same ё folding as the triggers of migration 0001) in well under a millisecond.
"""

from __future__ import annotations

import sqlite3
import threading

from .text import HIGHLIGHT_END, HIGHLIGHT_START

TOKENIZERS = {"passages_fts": "tokenize='unicode61 remove_diacritics 2', prefix='2 3'",
              "passages_tri": "tokenize='trigram'"}  # as the corpus's tables (migration 0001)
_local = threading.local()


def _scratch() -> sqlite3.Connection:
    """This thread's in-memory database with one content table and an FTS5 table per corpus index."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE TABLE src(id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        for table, options in TOKENIZERS.items():
            conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(text, content='src', content_rowid='id', {options})")
        _local.conn = conn
    return conn


def fts_snippets(table: str, match: str, passages: dict[int, str], ellipsis: str, words: int) -> dict[int, str]:
    """snippet() of each passage (id → original text) under the FTS5 query `match` of the corpus table `table`;
    passages the query does not match get none."""
    if table not in TOKENIZERS:
        raise ValueError(f"no snippet table {table!r}")
    if not passages:
        return {}
    conn = _scratch()
    try:
        conn.execute("DELETE FROM src")
        conn.executemany("INSERT INTO src(id, text) VALUES (?, ?)", passages.items())
        conn.executemany(f"INSERT INTO {table}(rowid, text) VALUES (?, ?)",  # indexed ё-folded, shown original
                         [(pid, text.replace("ё", "е").replace("Ё", "Е")) for pid, text in passages.items()])
        sql = (f"SELECT rowid, snippet({table}, 0, ?, ?, ?, {int(words)}) FROM {table} WHERE {table} MATCH ?")
        return dict(conn.execute(sql, (HIGHLIGHT_START, HIGHLIGHT_END, ellipsis, match)).fetchall())
    finally:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        conn.execute("DELETE FROM src")
