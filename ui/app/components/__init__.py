"""Pure helpers for the explorer: escaping, snippet highlighting, CSV export, document text, URL state.

Nothing here imports Streamlit, so every function is unit-tested directly.
"""

from .export import (
    CONFLICT_COLUMNS,
    CSV_COLUMNS,
    FIGURE_COLUMNS,
    INQUIRY_COLUMNS,
    MENTION_COLUMNS,
    conflicts_to_csv,
    figures_to_csv,
    hits_to_csv,
    inquiries_to_csv,
    mentions_to_csv,
)
from .highlight import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    escape_markdown,
    escape_text,
    mark_open,
    mark_span,
    render_snippet,
    snippet_pieces,
    strip_markers,
)
from .labels import document_title
from .params import ANY, Param, SearchState, filter_options
from .text_view import EntityMark, FigureMark, PassageSpan, page_marker, render_document_text

__all__ = [
    "ANY",
    "CONFLICT_COLUMNS",
    "CSV_COLUMNS",
    "FIGURE_COLUMNS",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "INQUIRY_COLUMNS",
    "MENTION_COLUMNS",
    "EntityMark",
    "FigureMark",
    "Param",
    "PassageSpan",
    "SearchState",
    "conflicts_to_csv",
    "document_title",
    "escape_markdown",
    "escape_text",
    "figures_to_csv",
    "filter_options",
    "hits_to_csv",
    "inquiries_to_csv",
    "mark_open",
    "mark_span",
    "mentions_to_csv",
    "page_marker",
    "render_document_text",
    "render_snippet",
    "snippet_pieces",
    "strip_markers",
]
