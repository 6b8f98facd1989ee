"""The query plan: a user query turned into SQL that yields the matching passages, per dialect.

User input never reaches a query language: it is cut into words (letters and digits), each word
becomes a quoted prefix term, and all words must match. An inflected word also matches as its stem
(corpus.text.query_stems), the exact form ranking first. Words that match no indexed word start
(compounds) are still found as substrings, ranked after (tier 1).
SQLite: FTS5 `passages_fts` (unicode61) and `passages_tri` (trigram). PostgreSQL: the tsvector
column `passages.search_vector` (`russian` for ru passages, `simple` otherwise), and substrings as LIKE on
the folded text, which the pg_trgm index of migration 0010 serves.
Besides the ranked tiers, a plan has unranked forms: the ids of word matches (the newest of which corpus.search
ranks, see search.CANDIDATES) and of all matches (counts and filters, which need no score).
Newest matches (newest_ids, window_passages): PostgreSQL's GIN index yields an unordered bitmap and every matching
row is read from the table, so a frequent word's newest n would cost all its matches; they are looked for among
the newest passages first (an id range ANDed with the GIN bitmap), the range widening until n are found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, Integer, TextClause, text

from .errors import CorpusError
from .text import query_stems, query_tokens

MIN_SUBSTRING = 3  # trigram matching needs at least three characters per word
MIN_PREFIX = 3  # shorter words match whole words only (a one-letter prefix matches half the corpus)

# PostgreSQL: the text-search configuration of a passage `p`, the query in it, and the match.
PG_CONFIG = "CASE WHEN p.language = 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END"
FACET_WINDOW = 2000  # facets of a broad query count the documents of its newest this many matching passages
ENTITY_WINDOW = 500  # entity facets count the mentions of the documents of the newest this many (each has ~30)
FIRST_SPAN = 32  # PostgreSQL: the newest n matches are first looked for among the newest 1/FIRST_SPAN of passage ids,
SPAN_PER_NEED = 4  # or among the newest SPAN_PER_NEED × n passages when that is more
MATCH_COST = 150  # a match read from the table costs about as much as this many passages of an id range (GIN bitmap)
BUCKET = 1024  # passage ids per key of the recency column of ix_passages_recent_search (migration 0015 repeats it)
RECENT_BUCKET = f"(p.id / {BUCKET})"
RECENT_INDEX = "ix_passages_recent_search"
PG_QUERY = "CASE WHEN p.language = 'ru' THEN to_tsquery('russian', :tsq) ELSE to_tsquery('simple', :tsq) END"
# the match: one GIN scan for the query in either configuration (written as two ORed matches, the planner ORs two
# scans or ANDs the language index), then each passage checked in its own configuration; one copy when both are
# the same (a Kazakh word): GIN does not merge repeated prefix terms, and each costs a pass over its postings
PG_EITHER = ("(CASE WHEN to_tsquery('russian', :tsq) = to_tsquery('simple', :tsq) THEN to_tsquery('simple', :tsq) "
             "ELSE to_tsquery('russian', :tsq) || to_tsquery('simple', :tsq) END)")
PG_MATCH = f"(p.search_vector @@ {PG_EITHER} AND p.search_vector @@ {PG_QUERY})"


@dataclass
class QueryPlan:
    """The escaped query for one dialect: `hits_sql` yields (pid, tier, score) rows given `params`.

    tier 0 rows match as word starts (score: bm25 on SQLite, lower is better; ts_rank on PostgreSQL,
    higher is better), tier 1 rows as substrings only.
    """

    hits_sql: str
    params: dict
    tokens: list[str]
    words_sql: str = ""  # tier 0 alone: a page it fills is the page (tier 1 sorts after); "" = hits_sql
    window_sql: str = ""  # tier 0 ranked among the ids selected by a `{candidates}` subquery (corpus.search)
    ids_sql: str = ""  # the ids (pid) of tier 0 matches, unranked; "" = words_sql
    match_sql: str = ""  # the ids (pid) of all matches, both tiers, unranked (counts and filters); "" = hits_sql
    recent_sql: str = ""  # the ids (pid) of the newest `{n}` matches, both tiers (facet windows); "" = from match_sql
    since_sql: str = ""  # ids_sql among passages with id >= :since (PostgreSQL, see newest_ids); "" = no range
    substrings_sql: str = ""  # the ids (pid) of the newest `{n}` substring matches (PostgreSQL, window_passages)

    def __post_init__(self) -> None:
        self.words_sql = self.words_sql or self.hits_sql
        self.ids_sql = self.ids_sql or self.words_sql
        self.match_sql = self.match_sql or self.hits_sql
        self.recent_sql = self.recent_sql or f"SELECT pid FROM ({self.match_sql}) AS m ORDER BY pid DESC LIMIT {{n}}"

    def passage_ids(self) -> TextClause:
        """SELECT of the matching passage ids (column `pid`), for `column.in_(...)` conditions."""
        return (text(f"SELECT pid FROM ({self.match_sql}) AS hits")
                .bindparams(**self.params).columns(pid=Integer))

    def documents_sql(self, window: int | None = None) -> str:
        """SQL of the ids (column `did`) of documents with a matching passage, or with one of the newest `window`."""
        ids = self.recent_sql.replace("{n}", str(int(window))) if window else self.match_sql
        return f"SELECT DISTINCT p.document_id AS did FROM ({ids}) AS h JOIN passages p ON p.id = h.pid"

    def document_ids(self, window: int | None = None) -> TextClause:
        """SELECT of documents_sql(window), for `column.in_(...)` conditions."""
        return text(self.documents_sql(window)).bindparams(**self.params).columns(did=Integer)


def query_plan(engine: Engine, query: str | None) -> QueryPlan | None:
    """The plan for `query` on the engine's dialect; None when the query has no words (nothing matches)."""
    tokens = query_tokens(query or "")
    if not tokens:
        return None
    dialect = engine.dialect.name
    if dialect == "sqlite":
        return _plan_sqlite(tokens)
    if dialect == "postgresql":
        return _plan_postgres(tokens)
    raise CorpusError(f"full-text search is not available on {dialect}")


def _substring_ok(tokens: list[str]) -> bool:
    return all(len(t) >= MIN_SUBSTRING for t in tokens)


def _word_query(tokens: list[str], prefix: str, whole: str, any_of: str, all_of: str) -> str:
    """Every token as a prefix term or its stems' (`prefix`), short ones as whole words (`whole`).

    Tokens hold letters and digits only, so quoting them in the formats is safe.
    """
    groups = []
    for t in tokens:
        if len(t) < MIN_PREFIX:
            groups.append(whole.format(t))
            continue
        terms = [prefix.format(a) for a in (t, *query_stems(t))]
        groups.append(terms[0] if len(terms) == 1 else "(" + any_of.join(terms) + ")")
    return all_of.join(groups)


def _plan_sqlite(tokens: list[str]) -> QueryPlan:
    sql = ("SELECT rowid AS pid, 0 AS tier, bm25(passages_fts) AS score "
           "FROM passages_fts WHERE passages_fts MATCH :fts_words")
    params = {"fts_words": _word_query(tokens, '"{}"*', '"{}"', " OR ", " AND ")}
    words = sql
    # the candidates are the newest matches: FTS5 seeks their rowid range in its doclists (bm25 needs the MATCH)
    window = sql + " AND rowid >= (SELECT MIN(pid) FROM ({candidates}) AS c)"
    ids = "SELECT rowid AS pid FROM passages_fts WHERE passages_fts MATCH :fts_words"
    every = ids
    recent = [f"SELECT pid FROM ({ids} ORDER BY rowid DESC LIMIT {{n}}) AS w"]  # FTS5 walks its doclists backwards
    if _substring_ok(tokens):
        params["fts_substrings"] = " ".join(f'"{t}"' for t in tokens)
        sql += (" UNION ALL SELECT rowid AS pid, 1 AS tier, bm25(passages_tri) AS score "
                "FROM passages_tri WHERE passages_tri MATCH :fts_substrings AND rowid NOT IN "
                "(SELECT rowid FROM passages_fts WHERE passages_fts MATCH :fts_words)")
        every += " UNION SELECT rowid AS pid FROM passages_tri WHERE passages_tri MATCH :fts_substrings"
        recent.append("SELECT pid FROM (SELECT rowid AS pid FROM passages_tri WHERE passages_tri MATCH :fts_substrings "
                      "ORDER BY rowid DESC LIMIT {n}) AS s")
    return QueryPlan(sql, params, tokens, words, window, ids, every, _newest(recent))


def _plan_postgres(tokens: list[str]) -> QueryPlan:
    sql = (f"SELECT p.id AS pid, 0 AS tier, ts_rank(p.search_vector, {PG_QUERY}) AS score "
           f"FROM passages p WHERE {PG_MATCH}")
    params: dict = {"tsq": _word_query(tokens, "'{}':*", "'{}'", " | ", " & ")}
    words = sql
    window = (f"SELECT p.id AS pid, 0 AS tier, ts_rank(p.search_vector, {PG_QUERY}) AS score "
              "FROM passages p WHERE p.id IN ({candidates})")
    ids = f"SELECT p.id AS pid FROM passages p WHERE {PG_MATCH}"
    # the bucket is what ix_passages_recent_search (migration 0015) indexes beside the vector; `+ 0`: not the key
    since = (f"SELECT p.id AS pid FROM passages p WHERE {RECENT_BUCKET} >= CAST(:since AS integer) / {BUCKET} "
             f"AND p.id + 0 >= :since AND {PG_MATCH}")
    every = ids
    recent = [f"SELECT pid FROM ({ids} ORDER BY p.id + 0 DESC LIMIT {{n}}) AS w"]  # GIN matches sorted (corpus.search)
    if _substring_ok(tokens):
        found = []
        for i, token in enumerate(tokens):  # letters and digits only: no LIKE wildcard inside
            params[f"sub{i}"] = f"%{token}%"
            found.append(f"lower(translate(p.text, 'ёЁ', 'еЕ')) LIKE :sub{i}")  # ix_passages_text_trgm
        sql += (f" UNION ALL SELECT p.id AS pid, 1 AS tier, 0.0 AS score FROM passages p "
                f"WHERE {' AND '.join(found)} AND NOT {PG_MATCH}")
        every += f" UNION SELECT p.id AS pid FROM passages p WHERE {' AND '.join(found)}"
        recent.append(f"SELECT pid FROM (SELECT p.id AS pid FROM passages p WHERE {' AND '.join(found)} "
                      "ORDER BY p.id + 0 DESC LIMIT {n}) AS s")
    return QueryPlan(sql, params, tokens, words, window, ids, every, _newest(recent), since,
                     recent[1] if len(recent) > 1 else "")


def _newest(parts: list[str]) -> str:
    """The newest `{n}` word matches; substring matches join only when words give fewer (as pages rank them after),
    so a frequent word never scans the substring index (each tier stops after n: no full match list)."""
    if len(parts) == 1:
        return f"SELECT pid FROM ({parts[0]}) AS r ORDER BY pid DESC LIMIT {{n}}"
    return (f"WITH w AS ({parts[0]}) SELECT pid FROM (SELECT pid FROM w UNION SELECT pid FROM ({parts[1]}) AS s0 "
            "WHERE (SELECT COUNT(*) FROM w) < {n}) AS r ORDER BY pid DESC LIMIT {n}")


_RANGED: WeakKeyDictionary = WeakKeyDictionary()  # engine → whether it has RECENT_INDEX
Fetch = Callable[[str, dict], list[int]]  # (SQL of a subquery of word-match ids, its extra values) → pids


def newest_ids(conn, plan: QueryPlan, need: int, fetch: Fetch, filtered: bool = False) -> list[int]:
    """What `fetch` returns for the word matches (the newest `need` of them under its conditions), with the
    same result as over every match: on PostgreSQL first among the newest passages, the id range widening
    (by the density found) until `need` are found, or every match is read when that costs less (MATCH_COST; not
    with `filtered`: fetch's own conditions make the matches it returns fewer than those read); elsewhere at once."""
    if not plan.since_sql or not _ranged(conn):
        return fetch(plan.ids_sql, {})
    low, top = conn.execute(text("SELECT MIN(id), MAX(id) FROM passages")).one()
    passages = (top or 0) - (low or 0) + 1
    span = max(passages // FIRST_SPAN, need * SPAN_PER_NEED, 1)
    while top is not None and top - span > low:
        found = fetch(plan.since_sql, {"since": top - span + 1})
        if len(found) >= need:
            return found
        wider = span * 16 if not found else span * 2 * need // len(found)  # twice the span the density asks
        if not filtered and len(found) * passages // span * MATCH_COST <= wider:  # every match (estimated) costs less
            break
        span = wider
    return fetch(plan.ids_sql, {})


def _ranged(conn) -> bool:
    """Whether the database has the index that makes id ranges cheap (migration 0015 leaves it out without the
    btree_gin extension; then a range would cost as much as every match, so none is tried). Asked once per engine."""
    engine = conn.engine
    if engine not in _RANGED:
        sql = text("SELECT 1 FROM pg_indexes WHERE indexname = :name")
        _RANGED[engine] = conn.execute(sql, {"name": RECENT_INDEX}).first() is not None
    return _RANGED[engine]


def window_passages(conn, plan: QueryPlan, n: int) -> list[int]:
    """The ids of the newest `n` matching passages: word matches, substrings joining when words give fewer."""
    if not plan.since_sql:
        return list(conn.execute(text(plan.recent_sql.replace("{n}", str(int(n)))), plan.params).scalars())
    sql = "SELECT pid FROM ({}) AS w ORDER BY pid + 0 DESC LIMIT :need"  # `+ 0`: sort the bitmap's few rows
    words = newest_ids(conn, plan, n, lambda ids, extra: list(
        conn.execute(text(sql.format(ids)), {**plan.params, **extra, "need": int(n)}).scalars()))
    if len(words) >= n or not plan.substrings_sql:
        return words
    more = conn.execute(text(plan.substrings_sql.replace("{n}", str(int(n)))), plan.params).scalars()
    return sorted(set(words).union(more), reverse=True)[:n]


def window_documents(conn, plan: QueryPlan, n: int) -> list[int]:
    """The ids of the documents of the newest `n` matching passages (window_passages), ascending."""
    if not plan.since_sql:
        return sorted(conn.execute(text(plan.documents_sql(n)), plan.params).scalars())
    sql = "SELECT DISTINCT document_id FROM passages WHERE id = ANY(:ids)"
    return sorted(conn.execute(text(sql), {"ids": window_passages(conn, plan, n)}).scalars())
