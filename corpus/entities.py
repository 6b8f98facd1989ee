"""Named entities across the corpus: who and where, grouped over both languages, with every mention.

An entity's key is a person's cluster key (corpus.persons: one key per person across documents), else
the gazetteer id nlp linked it to (`country.kr`, `person.bektenov`), else `LABEL:canonical`
(`PER:Ертаев Аскарбек`); keys are plain strings, usable in URLs.
A mention's language is its passage's language (the document's when it lies outside passages).
A figure mentions an entity when it lies in the same passage as one of its mentions; a demand does
when its span overlaps a mention or it shares the mention's passage.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine, Select, String, and_, bindparam, cast, func, literal, or_, select
from sqlalchemy.exc import SQLAlchemyError

from nlp.gazetteer import GazetteerError, record_by_id

from .errors import CorpusError, db_reason
from .figures import FigureHit, figure_hit, figure_select
from .hits import SpanHit, document_texts, header_columns, newest_first, span_quote
from .models import DemandRow, DocumentRow, FigureRow, MentionRow, PassageRow
from .plan import ENTITY_WINDOW, query_plan, window_documents
from .text import fold, query_stems, query_tokens
from .versions import current

LABELS = ("PER", "ORG", "LOC")
FACET_LIMIT = 20
TOP_KEYS_MAX = 2000  # facets read per-form rows for at most this many candidate keys (bound parameters)


@dataclass
class EntitySummary:
    """One entity as lists show it: names seen per language (most frequent first) and counts."""

    key: str
    label: str
    name_en: str | None
    id: str | None
    names: dict[str, list[str]]  # language → canonical forms
    mentions: int
    documents: int

    @property
    def name(self) -> str:
        """The English name when linked, else the most frequent canonical form."""
        if self.name_en:
            return self.name_en
        forms = [f for lang in sorted(self.names) for f in self.names[lang][:1]]
        return forms[0] if forms else self.key

    @property
    def names_kk(self) -> list[str]:
        """The Kazakh canonical forms, most frequent first."""
        return self.names.get("kk", [])

    @property
    def names_ru(self) -> list[str]:
        """The Russian canonical forms, most frequent first."""
        return self.names.get("ru", [])


@dataclass
class EntityMention(SpanHit):
    """One mention with its document, and a quote in which quote[quote_start:quote_end] is the mention."""

    doc_kind: str
    doc_language: str
    language: str  # the mention's language (its passage's)
    label: str
    canonical: str
    quote: str
    quote_start: int
    quote_end: int


@dataclass
class DemandHit(SpanHit):
    """A stored demand (its text is the quote) with its document; `language` is the document's."""

    KIND = None
    LANGUAGE = "language"

    language: str
    type: str
    procedural: bool
    number: int | None
    directed_to: str | None


@dataclass
class EntityDetail(EntitySummary):
    """An entity with every mention (newest document first, reading order), and the figures and
    demands that mention it."""

    mention_list: list[EntityMention] = field(default_factory=list)
    figures: list[FigureHit] = field(default_factory=list)
    demands: list[DemandHit] = field(default_factory=list)

    def document_ids(self) -> list[int]:
        """The documents that mention the entity, in the order of mention_list."""
        return list(dict.fromkeys(m.document_id for m in self.mention_list))


# --- keys ---------------------------------------------------------------------------------------------

def entity_key(entity_id: str | None, label: str, canonical: str) -> str:
    """The key of a mention: its linked id, else `LABEL:canonical`."""
    return entity_id if entity_id else f"{label}:{canonical}"


def _key_column():
    linked = func.nullif(MentionRow.entity_id, "")
    own = func.coalesce(linked, cast(MentionRow.label, String) + literal(":") + MentionRow.canonical)
    return func.coalesce(func.nullif(MentionRow.person_key, ""), own)


def _own_key_condition(key: str):
    """SQL condition on mentions whose own key (linked id, else `LABEL:canonical`) is `key`."""
    linked = MentionRow.entity_id == key
    label, sep, canonical = key.partition(":")
    if sep and label.isupper():
        return or_(linked, and_(or_(MentionRow.entity_id.is_(None), MentionRow.entity_id == ""),
                                MentionRow.label == label, MentionRow.canonical == canonical))
    return linked


def key_condition(key: str):
    """SQL condition on mentions: those whose key is `key` (their person cluster's, else their own)."""
    unclustered = or_(MentionRow.person_key.is_(None), MentionRow.person_key == "")
    return or_(MentionRow.person_key == key, and_(unclustered, _own_key_condition(key)))


def cluster_key(conn, key: str) -> str:
    """The key of the person cluster a mention's own key (`PER:Е. Абдиев`, a document's link) now
    belongs to; `key` itself when it is a cluster key or belongs to none."""
    if conn.execute(select(MentionRow.id).where(MentionRow.person_key == key).limit(1)).first():
        return key
    row = conn.execute(select(MentionRow.person_key).where(_own_key_condition(key), MentionRow.person_key.is_not(None),
                                                           MentionRow.person_key != "").limit(1)).first()
    return row[0] if row else key


def _mention_language():
    return func.coalesce(PassageRow.language, DocumentRow.language)


# --- lists --------------------------------------------------------------------------------------------

def list_entities(engine: Engine, *, label: str | None = None, query: str | None = None,
                  language: str | None = None, limit: int = 500, offset: int = 0) -> list[EntitySummary]:
    """Entities with at least one mention under the filters, most documents first.

    `label` and `language` restrict the mentions counted (PER/ORG/LOC; the mention's language);
    `query` keeps entities whose key, English name, a canonical form or a surface form contains
    every query word (or its stem), case-insensitively.
    """
    if limit <= 0:
        return []
    conditions = []
    if label:
        conditions.append(MentionRow.label == label)
    if language:
        conditions.append(_mention_language() == language)
    summaries = _summaries(engine, conditions, query)
    return summaries[max(int(offset), 0):max(int(offset), 0) + int(limit)]


def entity_facets(engine: Engine, query: str | None = None, *, limit: int = FACET_LIMIT,
                  window: int | None = ENTITY_WINDOW) -> list[EntitySummary]:
    """The top entities (by number of documents) among documents matching `query` (all when blank);
    counts are within those documents. Past `window` matching passages (corpus.facet_window) they are counted
    in the documents of the newest `window` of them; None counts every match."""
    conditions, matched, plan = [], None, None
    if query is not None and query.strip():
        plan = query_plan(engine, query)
        if plan is None:
            return []
        matched = plan.document_ids()
    elif window:
        newest = select(PassageRow.document_id).order_by(PassageRow.id.desc()).limit(int(window)).subquery()
        matched = select(newest.c.document_id).distinct()
    if matched is not None and window:  # a window's few documents: read once, then both reads seek them by id
        try:
            with engine.connect() as conn:
                ids = (window_documents(conn, plan, int(window)) if plan is not None
                       else sorted(conn.execute(matched).scalars()))
        except SQLAlchemyError as exc:
            raise CorpusError(f"listing entities failed: {db_reason(exc)}") from exc
        # the same ids on documents too: the join then seeks them instead of hashing every current document
        conditions += [MentionRow.document_id.in_(bindparam("window_ids", ids, expanding=True)),
                       DocumentRow.id.in_(bindparam("window_documents", ids, expanding=True))]
    elif matched is not None:
        conditions.append(MentionRow.document_id.in_(matched))
    return _summaries(engine, conditions, None, top=max(int(limit), 0), by_passage=False)[:max(int(limit), 0)]


def _top_keys(documents: dict[str, int], top: int | None) -> list[str] | None:
    """The keys that can be among the `top` first (document count at least the top-th largest, ties kept),
    or None when that does not narrow the read (then every key's rows are read)."""
    if top is None or len(documents) <= top:
        return None
    least = sorted(documents.values(), reverse=True)[max(top, 1) - 1]
    keys = [k for k, n in documents.items() if n >= least]
    return keys if len(keys) <= TOP_KEYS_MAX else None


def _summaries(engine: Engine, conditions: list, query: str | None, top: int | None = None,
               by_passage: bool = True) -> list[EntitySummary]:
    """Entity summaries under `conditions`, ordered; with `top`, the per-form rows are read only for keys that
    can be among the first `top` (the order starts with the document count, read first). Without `by_passage`
    (conditions that name no passage column) documents are counted from mentions and documents alone
    (ix_mentions_document_key, migration 0011)."""
    key = _key_column().label("key")
    # without passages (facets) a form's language is its document's and surfaces are not read: no passage join
    surface, language = ((MentionRow.text, _mention_language()) if by_passage
                         else (literal(""), DocumentRow.language))
    grouped = (key, MentionRow.label, MentionRow.name_en, MentionRow.entity_id, MentionRow.canonical,
               surface.label("surface"), language.label("lang"))
    counted = select(key, func.count(func.distinct(MentionRow.document_id)))
    counted = _with_passage(counted) if by_passage else _with_document(counted)
    docs = counted.where(*conditions).group_by(key)
    try:
        with engine.connect() as conn:
            documents = dict(conn.execute(docs).all())
            keys = _top_keys(documents, top)
            wanted = [] if keys is None else [_key_column().in_(bindparam("top_keys", keys, expanding=True))]
            joined = _with_passage if by_passage else _with_document
            base = (joined(select(*grouped, func.count().label("n"))).where(*conditions, *wanted)
                    .group_by(*grouped))
            rows = conn.execute(base).all()
    except SQLAlchemyError as exc:
        raise CorpusError(f"listing entities failed: {db_reason(exc)}") from exc
    groups: dict[str, _Group] = defaultdict(_Group)
    for k, label, name_en, entity_id, canonical, surface, language, n in rows:
        groups[k].add(label, name_en, entity_id, canonical, surface, language or "other", n)
    words = query_tokens(query or "")
    out = [g.summary(k, documents.get(k, 0)) for k, g in groups.items() if not words or g.matches(k, words)]
    out.sort(key=lambda s: (-s.documents, -s.mentions, s.name.lower(), s.key))
    return out


def _record(key: str):
    """The gazetteer record a key names (person clusters keyed by a gazetteer id), else None."""
    label, sep, _rest = key.partition(":")
    if sep and label.isupper():
        return None
    try:
        return record_by_id(key)
    except GazetteerError:
        return None


class _Group:
    """Counts of one entity's rows while they are read."""

    def __init__(self) -> None:
        self.labels: Counter = Counter()
        self.names_en: Counter = Counter()
        self.linked_names_en: Counter = Counter()
        self.form_names_en: dict[str, str] = {}
        self.ids: Counter = Counter()
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.surfaces: set[str] = set()
        self.mentions = 0

    def add(self, label, name_en, entity_id, canonical, surface, language, n) -> None:
        """Count `n` mentions with these values."""
        self.labels[label] += n
        if name_en:
            self.names_en[name_en] += n
            self.form_names_en.setdefault(canonical, name_en)
            if entity_id:
                self.linked_names_en[name_en] += n
        if entity_id:
            self.ids[entity_id] += n
        self.forms[language][canonical] += n
        self.surfaces.add(surface)
        self.mentions += n

    def summary(self, key: str, documents: int) -> EntitySummary:
        """The entity as lists show it: most frequent label, name and id; forms per language."""
        def top(c: Counter):
            return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else None

        names = {lang: [f for f, _n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]
                 for lang, c in sorted(self.forms.items())}
        record = _record(key)
        name_en = (record.name_en if record else None) or top(self.linked_names_en) \
            or self.form_names_en.get(key.partition(":")[2]) or top(self.names_en)
        return EntitySummary(key=key, label=top(self.labels) or "", name_en=name_en,
                             id=record.id if record else top(self.ids),
                             names=names, mentions=self.mentions, documents=documents)

    def matches(self, key: str, words: list[str]) -> bool:
        """Whether the key, a name or a form contains every query word (or one of its stems)."""
        haystack = fold(" \x1f ".join([key, *self.names_en, *(f for c in self.forms.values() for f in c),
                                       *self.surfaces])).lower()
        return all(any(alt in haystack for alt in (w, *query_stems(w))) for w in words)


# --- one entity ---------------------------------------------------------------------------------------

def get_entity(engine: Engine, key: str) -> EntityDetail | None:
    """Everything about the entity `key`: names, counts, every mention with a quote, and the figures and
    demands that mention it (see the module docstring for the rule); None when nothing has that key."""
    if not key or not key.strip():
        return None
    try:
        with engine.connect() as conn:
            key = cluster_key(conn, key)
            stmt = (_with_passage(select(MentionRow, *header_columns(), PassageRow.start.label("p_start"),
                                         PassageRow.text.label("p_text"), PassageRow.language.label("p_language")))
                    .where(key_condition(key)).order_by(*newest_first(MentionRow.start, MentionRow.id)))
            rows = conn.execute(stmt).mappings().all()
            if not rows:
                return None
            texts = document_texts(conn, {r["document_id"] for r in rows if r["p_text"] is None})
            figures = _figures(conn, {r["passage_id"] for r in rows if r["passage_id"] is not None})
            demands = _demands(conn, rows)
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading entity {key!r} failed: {db_reason(exc)}") from exc
    group = _Group()
    mentions = []
    for r in rows:
        language = r["p_language"] or r["d_language"]
        group.add(r["label"], r["name_en"], r["entity_id"], r["canonical"], r["text"], language, 1)
        quote, qs, qe = span_quote(r, texts)
        mentions.append(EntityMention(
            **EntityMention.header(r), language=language, label=r["label"], canonical=r["canonical"],
            quote=quote, quote_start=qs, quote_end=qe))
    summary = group.summary(key, len({m.document_id for m in mentions}))
    return EntityDetail(**vars(summary), mention_list=mentions, figures=figures, demands=demands)


def _with_document(stmt: Select) -> Select:
    """`stmt` over mentions of the newest version of each file, joined with their document."""
    return stmt.select_from(MentionRow).join(DocumentRow, DocumentRow.id == MentionRow.document_id).where(current())


def _with_passage(stmt: Select) -> Select:
    """`stmt` over mentions of the newest version of each file, joined with their document and (when they lie
    in one) their passage."""
    return (stmt.select_from(MentionRow).join(DocumentRow, DocumentRow.id == MentionRow.document_id)
            .outerjoin(PassageRow, PassageRow.id == MentionRow.passage_id)
            .where(current()))


def _figures(conn, passage_ids: set[int]) -> list[FigureHit]:
    """Figures in the given passages, newest document first, in reading order."""
    if not passage_ids:
        return []
    stmt = figure_select().where(FigureRow.passage_id.in_(bindparam("pids", sorted(passage_ids), expanding=True)))
    return [figure_hit(r, {}) for r in conn.execute(stmt).mappings()]


def _demands(conn, mentions) -> list[DemandHit]:
    """Demands whose span overlaps a mention or that share a mention's passage."""
    by_document: dict[int, list[tuple[int, int, int | None]]] = defaultdict(list)
    for m in mentions:
        by_document[m["document_id"]].append((m["start"], m["end"], m["passage_id"]))
    stmt = (select(DemandRow, *header_columns())
            .join(DocumentRow, DocumentRow.id == DemandRow.document_id)
            .where(DemandRow.document_id.in_(bindparam("dids", sorted(by_document), expanding=True)))
            .order_by(*newest_first(DemandRow.start, DemandRow.id)))
    hits = []
    for r in conn.execute(stmt).mappings():
        spans = by_document[r["document_id"]]
        if not any(s < r["end"] and r["start"] < e or (p is not None and p == r["passage_id"])
                   for s, e, p in spans):
            continue
        hits.append(DemandHit(
            **DemandHit.header(r), type=r["type"], procedural=bool(r["procedural"]), number=r["number"],
            directed_to=r["directed_to"]))
    return hits
