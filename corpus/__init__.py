"""corpus: SQLModel storage, Alembic migrations, idempotent ingest and full-text search (SQLite, PostgreSQL)."""

from .cards import CardFigure, ConflictCard, indicator_cards, list_conflicts, recompute_conflicts
from .claimreview import claim_review
from .claims import (
    CARD_SORTS,
    CardView,
    ConflictMark,
    card_facets,
    conflicts_of_document,
    disagreements,
    filter_cards,
    get_conflict,
    get_conflict_view,
    list_conflict_views,
    sort_cards,
    source_count,
)
from .compare import conflicts, group_by_indicator
from .conflicts import Moment, Settings, Statement, agree, moment_basis, moments, overfull, same_moment
from .db import close_engine, database_url, downgrade, get_engine, migrate, normalise_url, schema_revision
from .documents import (
    DocumentSummary,
    PassageInfo,
    StoredDocument,
    count_documents,
    count_undated,
    display_titles,
    get_document,
    list_documents,
)
from .entities import (
    DemandHit,
    EntityDetail,
    EntityMention,
    EntitySummary,
    entity_facets,
    get_entity,
    list_entities,
)
from .errors import CorpusError
from .figures import FigureHit, figure_facets, list_figures
from .hits import DocumentHeader, SpanHit
from .pipeline import SUPPORTED_EXTENSIONS, IngestReport, build_sample_corpus, expand_paths, ingest_paths
from .plan import QueryPlan, query_plan
from .search import SearchHit, facets, search, undated_matches
from .store import StoreResult, document_id_for_sha, store_document
from .text import HIGHLIGHT_END, HIGHLIGHT_START, split_highlights

__all__ = [
    "CARD_SORTS",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SUPPORTED_EXTENSIONS",
    "CardFigure",
    "CardView",
    "ConflictCard",
    "ConflictMark",
    "CorpusError",
    "DemandHit",
    "DocumentHeader",
    "DocumentSummary",
    "EntityDetail",
    "EntityMention",
    "EntitySummary",
    "FigureHit",
    "IngestReport",
    "Moment",
    "PassageInfo",
    "QueryPlan",
    "SearchHit",
    "Settings",
    "SpanHit",
    "Statement",
    "StoreResult",
    "StoredDocument",
    "agree",
    "build_sample_corpus",
    "card_facets",
    "claim_review",
    "close_engine",
    "conflicts",
    "conflicts_of_document",
    "count_documents",
    "count_undated",
    "database_url",
    "disagreements",
    "display_titles",
    "document_id_for_sha",
    "downgrade",
    "entity_facets",
    "expand_paths",
    "facets",
    "figure_facets",
    "filter_cards",
    "get_conflict",
    "get_conflict_view",
    "get_document",
    "get_engine",
    "get_entity",
    "group_by_indicator",
    "indicator_cards",
    "ingest_paths",
    "list_conflict_views",
    "list_conflicts",
    "list_documents",
    "list_entities",
    "list_figures",
    "migrate",
    "moment_basis",
    "moments",
    "normalise_url",
    "overfull",
    "query_plan",
    "recompute_conflicts",
    "same_moment",
    "schema_revision",
    "search",
    "sort_cards",
    "source_count",
    "split_highlights",
    "store_document",
    "undated_matches",
]
