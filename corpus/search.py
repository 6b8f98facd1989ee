"""Full-text search over passages: ranked hits with highlighted snippets, and facet counts.

The query becomes SQL in corpus.plan (words as prefix terms, with their stems, then substrings);
this module runs it with the document filters and cuts the snippets: FTS5 snippet() on SQLite,
ts_headline on PostgreSQL (ё put back from the original text), a substring window for tier 1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Date, Engine, bindparam, text
from sqlalchemy.exc import SQLAlchemyError

from .errors import CorpusError, db_reason
from .hits import ELLIPSIS, HEADER_DATE, DocumentHeader, header_sql
from .plan import (
    FACET_WINDOW,
    PG_CONFIG,
    PG_QUERY,
    QueryPlan,
    newest_ids,
    query_plan,
    window_documents,
    window_passages,
)
from .snippets import fts_snippets
from .text import HIGHLIGHT_END, HIGHLIGHT_START, fold

SNIPPET_WORDS = 32
# Bounded ranking: word matches are ranked among the newest CANDIDATES of them under the filters (by passage id,
# the order of storing), or the newest limit+offset when a page lies deeper; a query with fewer matches is ranked
# exactly, and a broad one does not score every match (FTS5 bm25 and ts_rank cost per scored row).
CANDIDATES = 500
CURRENT = "d.superseded_by IS NULL"  # the filter of every search: the newest version of each file


@dataclass
class SearchHit(DocumentHeader):
    """One matching passage; snippet marks matched words with HIGHLIGHT_START/HIGHLIGHT_END.

    `kind` and `doc_language` are the document's, `language` the passage's.
    """

    KIND = "kind"
    LANGUAGE = "doc_language"

    passage_id: int
    kind: str
    language: str  # the passage's language
    doc_language: str
    page: int | None
    start: int
    end: int
    snippet: str
    rank: float  # higher is better; 0.0 for substring-only matches


def search(engine: Engine, query: str, *, language: str | None = None, kind: str | None = None,
           date_from: dt.date | None = None, date_to: dt.date | None = None, entity: str | None = None,
           limit: int = 50, offset: int = 0, include_undated: bool = False) -> list[SearchHit]:
    """Passages matching every word of `query` (as a word start, else as a substring), best first.

    A query with more than CANDIDATES word matches is ranked among its newest (see CANDIDATES).
    Filters apply to the document: its language (as in facets), kind, date range (undated documents
    fall out of a range unless `include_undated`), and `entity`: an entity key (corpus.entities)
    that the document mentions.
    """
    plan = query_plan(engine, query)
    if plan is None or limit <= 0:
        return []
    where, params = _filters(language, kind, date_from, date_to, entity, include_undated)
    values = {**plan.params, **params, "limit": int(limit), "offset": max(int(offset), 0)}
    try:
        with engine.connect() as conn:
            # word matches (tier 0) sort before substrings: when they fill the page, substrings need no search
            rows, whole = _word_page(engine, conn, plan, where, values)
            if whole and len(rows) < limit and plan.words_sql != plan.hits_sql:
                rows = _page(engine, conn, plan.hits_sql, where, values)
            snippets = _snippets(engine, conn, plan, rows)
    except SQLAlchemyError as exc:
        raise CorpusError(f"search failed for {query!r}: {db_reason(exc)}") from exc
    return [
        SearchHit(**SearchHit.header(r), passage_id=r["pid"], language=r["language"], page=r["page"],
                  start=r["start"], end=r["end"], snippet=snippets.get(r["pid"], ""),
                  rank=_rank(engine, r["tier"], r["score"]))
        for r in rows
    ]


def _word_page(engine: Engine, conn, plan: QueryPlan, where: str, values: dict) -> tuple[list, bool]:
    """The page of word matches ranked among the newest candidates under the filters (see CANDIDATES), and
    whether those were every match (then the ranking is exact and substrings may follow)."""
    need = max(CANDIDATES, values["limit"] + values["offset"])
    # FTS5 yields rowids newest first by itself; PostgreSQL would walk the primary key backwards testing every
    # passage when few match (seconds at 100k), so its GIN matches are sorted instead (`+ 0`: not the key order)
    newest = "h.pid DESC" if engine.dialect.name == "sqlite" else "h.pid + 0 DESC"
    candidates = ("SELECT h.pid FROM ({}) h JOIN passages p ON p.id = h.pid "
                  f"JOIN documents d ON d.id = p.document_id WHERE {where} ORDER BY {newest} LIMIT :need")
    values = {**values, "need": need}
    if not plan.since_sql:  # one statement: the candidates are a subquery
        rows = _page(engine, conn, plan.window_sql.format(candidates=candidates.format(plan.ids_sql)), where, values,
                     count=True)
        return rows, not rows or rows[0]["n"] < need  # no row: fewer candidates than the offset
    # PostgreSQL: the candidates first, among the newest passages (corpus.plan.newest_ids), then ranked
    ids = newest_ids(conn, plan, need, lambda sql, extra: list(conn.execute(
        _statement(candidates.format(sql), values), _bound(candidates.format(sql), {**values, **extra})).scalars()),
        filtered=where != CURRENT)
    window = plan.window_sql.format(candidates="SELECT unnest(CAST(:candidates AS integer[]))")
    return _page(engine, conn, window, where, {**values, "candidates": ids}), len(ids) < need


def _page(engine: Engine, conn, hits_sql: str, where: str, values: dict, count: bool = False) -> list:
    """One page of hits (pid, tier, score, passage and document header) under the filters, best first;
    with `count`, each row also carries `n`, the number of hits under the filters."""
    sql = (
        f"WITH hits AS ({hits_sql}) "
        "SELECT h.pid, h.tier, h.score, p.document_id, p.page, p.start, p.\"end\", p.language, "
        f"{'COUNT(*) OVER () AS n, ' if count else ''}{header_sql('d')} "
        "FROM hits h JOIN passages p ON p.id = h.pid JOIN documents d ON d.id = p.document_id "
        f"WHERE {where} ORDER BY h.tier, {_score_order(engine)}, h.pid LIMIT :limit OFFSET :offset"
    )
    statement = _statement(sql, values).columns(**{HEADER_DATE: Date})  # SQLite keeps dates as ISO strings
    return conn.execute(statement, _bound(sql, values)).mappings().all()


def _statement(sql: str, values: dict):
    """`sql` as a text clause, the date filters bound as dates."""
    return text(sql).bindparams(*(bindparam(name, type_=Date) for name in values if name.startswith("f_date")))


def _bound(sql: str, values: dict) -> dict:
    """The values `sql` names."""
    return {k: v for k, v in values.items() if f":{k}" in sql}


def facets(engine: Engine, query: str | None = None, *, window: int | None = FACET_WINDOW) -> dict[str, dict[str, int]]:
    """Document counts by language, kind and year, over documents matching `query` (all when blank).

    A query with more than `window` matching passages is counted over the documents of its newest `window`
    (facet_window says whether it was; None counts every match). Undated documents are left out of the years.
    """
    year = "substr(d.date, 1, 4)" if engine.dialect.name == "sqlite" else "CAST(EXTRACT(YEAR FROM d.date) AS INTEGER)"
    where, params = "WHERE d.superseded_by IS NULL", {}
    plan = query_plan(engine, query) if query is not None and query.strip() else None
    if query is not None and query.strip() and plan is None:
        return {"language": {}, "kind": {}, "year": {}}
    # grouped in SQL: a broad word matches tens of thousands of documents, and rows read one by one cost
    counts: dict[str, Counter] = {"language": Counter(), "kind": Counter(), "year": Counter()}
    try:
        with engine.connect() as conn:
            if plan is not None and window and plan.since_sql:  # PostgreSQL: the window's documents, read first
                where += " AND d.id IN :window_ids"
                params = {"window_ids": window_documents(conn, plan, int(window))}
            elif plan is not None:  # SQLite: FTS5 yields the window's newest matches in the subquery itself
                where += f" AND d.id IN ({plan.documents_sql(window)})"
                params = plan.params
            sql = text(f"SELECT d.language, d.kind, {year}, COUNT(*) FROM documents d {where} GROUP BY 1, 2, 3")
            if "window_ids" in params:
                sql = sql.bindparams(bindparam("window_ids", expanding=True))
            for language, kind, when, n in conn.execute(sql, params):
                counts["language"][language] += n
                counts["kind"][kind] += n
                if when is not None:
                    counts["year"][str(when)] += n
    except SQLAlchemyError as exc:
        raise CorpusError(f"facets failed for {query!r}: {db_reason(exc)}") from exc
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}


def facet_window(engine: Engine, query: str | None, window: int = FACET_WINDOW) -> bool:
    """Whether more than `window` passages match `query` (all passages when blank), so that the facets of
    corpus.facets (with a query) and corpus.entity_facets count a window of the newest, not every match."""
    plan = query_plan(engine, query) if query is not None and query.strip() else None
    if query is not None and query.strip() and plan is None:
        return False
    try:
        with engine.connect() as conn:
            if plan is not None:
                return len(window_passages(conn, plan, int(window) + 1)) > window
            sql = f"SELECT COUNT(*) FROM (SELECT id FROM passages LIMIT {int(window) + 1}) AS w"
            return int(conn.execute(text(sql)).scalar_one()) > window
    except SQLAlchemyError as exc:
        raise CorpusError(f"facets failed for {query!r}: {db_reason(exc)}") from exc


# --- ranking and filters ------------------------------------------------------------------------------

def _score_order(engine: Engine) -> str:
    return "h.score" if engine.dialect.name == "sqlite" else "h.score DESC"  # bm25: lower is better


def _rank(engine: Engine, tier: int, score: float | None) -> float:
    if tier:
        return 0.0
    score = float(score or 0.0)
    return -score if engine.dialect.name == "sqlite" else score


def undated_matches(engine: Engine, query: str, *, language: str | None = None, kind: str | None = None,
                    entity: str | None = None) -> int:
    """How many undated documents match `query` under the other filters (a date range leaves them out)."""
    plan = query_plan(engine, query)
    if plan is None:
        return 0
    where, params = _filters(language, kind, None, None, entity)
    sql = (f"WITH hits AS ({plan.match_sql}) SELECT COUNT(DISTINCT d.id) FROM hits h "
           "JOIN passages p ON p.id = h.pid JOIN documents d ON d.id = p.document_id "
           f"WHERE {where} AND d.date IS NULL")
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql), {**plan.params, **params}).scalar_one())
    except SQLAlchemyError as exc:
        raise CorpusError(f"search failed for {query!r}: {db_reason(exc)}") from exc


def _filters(language, kind, date_from, date_to, entity=None, include_undated=False) -> tuple[str, dict]:
    where, params = [CURRENT], {}  # the newest version of each file
    if entity:  # a person's cluster key, else a linked id, else LABEL:canonical (corpus.entities)
        # per candidate document, through ix_mentions_document_key (migration 0011): the page reads a bounded
        # number of candidates, where a set of every mentioning document would read all the entity's mentions
        where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND (m.person_key = :f_entity OR "
                     "((m.person_key IS NULL OR m.person_key = '') AND (m.entity_id = :f_entity OR "
                     "((m.entity_id IS NULL OR m.entity_id = '') AND m.label || ':' || m.canonical = :f_entity)))))")
        params["f_entity"] = entity
    dates = []
    for column, op, name, value in (("d.language", "=", "f_language", language), ("d.kind", "=", "f_kind", kind),
                                    ("d.date", ">=", "f_date_from", date_from),
                                    ("d.date", "<=", "f_date_to", date_to)):
        if value:
            (dates if name.startswith("f_date") else where).append(f"{column} {op} :{name}")
            params[name] = value
    if dates:
        dated = " AND ".join(dates)
        where.append(f"(({dated}) OR d.date IS NULL)" if include_undated else dated)
    return " AND ".join(where), params


# --- snippets ----------------------------------------------------------------------------------------

def _snippets(engine: Engine, conn, plan: QueryPlan, rows) -> dict[int, str]:
    by_tier: dict[int, list[int]] = {0: [], 1: []}
    for r in rows:
        by_tier[r["tier"]].append(r["pid"])
    if engine.dialect.name == "sqlite":
        return _snippets_sqlite(conn, plan, by_tier)
    return _snippets_postgres(conn, plan, by_tier)


def _snippets_sqlite(conn, plan: QueryPlan, by_tier: dict[int, list[int]]) -> dict[int, str]:
    """FTS5 snippets of the page's passages, cut in a scratch table (corpus.snippets) instead of the corpus index."""
    out: dict[int, str] = {}
    for tier, table, match in ((0, "passages_fts", "fts_words"), (1, "passages_tri", "fts_substrings")):
        if not by_tier[tier]:
            continue
        sql = text("SELECT id, text FROM passages WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
        passages = dict(conn.execute(sql, {"ids": by_tier[tier]}).all())
        out.update(fts_snippets(table, plan.params[match], passages, ELLIPSIS, SNIPPET_WORDS))
    return out


_FRAGMENT_SEP = "\x1f"  # never in stored text (control characters are cleaned out)
_HEADLINE_OPTIONS = (f'StartSel="{HIGHLIGHT_START}", StopSel="{HIGHLIGHT_END}", MaxWords=35, MinWords=15, '
                     f'ShortWord=2, MaxFragments=2, FragmentDelimiter="{_FRAGMENT_SEP}"')


def _snippets_postgres(conn, plan: QueryPlan, by_tier: dict[int, list[int]]) -> dict[int, str]:
    out: dict[int, str] = {}
    if by_tier[0]:
        sql = text(f"SELECT p.id, p.text, ts_headline({PG_CONFIG}, translate(p.text, 'ёЁ', 'еЕ'), "
                   f"{PG_QUERY}, :opts) FROM passages p WHERE p.id IN :ids"
                   ).bindparams(bindparam("ids", expanding=True))
        for pid, original, headline in conn.execute(sql, {"tsq": plan.params["tsq"], "opts": _HEADLINE_OPTIONS,
                                                          "ids": by_tier[0]}):
            out[pid] = _restore_original(headline, original)
    if by_tier[1]:
        sql = text("SELECT p.id, p.text FROM passages p WHERE p.id IN :ids").bindparams(
            bindparam("ids", expanding=True))
        for pid, original in conn.execute(sql, {"ids": by_tier[1]}):
            out[pid] = substring_snippet(original, plan.tokens)
    return out


def _restore_original(headline: str, original: str) -> str:
    """ts_headline ran on the ё-folded text: put the original letters back, keep the markers.

    Each fragment is found in the folded text (folding keeps length), then rebuilt from the original;
    an ellipsis marks text left out between, before and after fragments.
    """
    folded = fold(original)
    marker = re.compile(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]")
    pieces: list[str] = []
    cursor, first, last = 0, None, None
    for fragment in headline.split(_FRAGMENT_SEP):
        plain = marker.sub("", fragment)
        at = folded.find(plain, cursor) if plain.strip() else -1
        if at < 0:
            pieces.append(f" {ELLIPSIS} " + fragment.strip())
            continue
        if last is not None:  # fragments side by side need no ellipsis between them
            pieces.append(original[last:at] if not folded[last:at].strip() else f" {ELLIPSIS} ")
        rebuilt, pos = [], at
        for ch in fragment:
            if ch in (HIGHLIGHT_START, HIGHLIGHT_END):
                rebuilt.append(ch)
            else:
                rebuilt.append(original[pos])
                pos += 1
        pieces.append("".join(rebuilt))
        first = at if first is None else first
        cursor = last = pos
    snippet = "".join(pieces).strip()
    if first is not None and original[:first].strip():
        snippet = ELLIPSIS + " " + snippet
    if last is not None and original[last:].strip():
        snippet += " " + ELLIPSIS
    return snippet


def substring_snippet(original: str, tokens: list[str], width: int = 200) -> str:
    """A window of `original` around the first token found as a substring, every occurrence marked."""
    folded = fold(original).lower()
    if len(folded) != len(original):  # lower() changed lengths (rare letters): mark nothing, just cut
        return original[:width] + (ELLIPSIS if len(original) > width else "")
    found = [m for t in tokens for m in re.finditer(re.escape(t), folded)]
    first = min((m.start() for m in found), default=0)
    lo = max(0, first - width // 3)
    if lo:
        space = original.find(" ", lo, first)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(original), lo + width)
    if hi < len(original):
        space = original.rfind(" ", first, hi)
        hi = space if space > first else hi
    marks = sorted((m.start(), m.end()) for m in found if lo <= m.start() and m.end() <= hi)
    parts, pos = [], lo
    for s, e in marks:
        if s < pos:
            continue
        parts += [original[pos:s], HIGHLIGHT_START, original[s:e], HIGHLIGHT_END]
        pos = e
    parts.append(original[pos:hi])
    return (ELLIPSIS if lo else "") + "".join(parts) + (ELLIPSIS if hi < len(original) else "")
