"""ingest: any file (PDF, scanned PDF, HTML, TXT, DOCX) to one clean Document with pages and offsets."""

from .document import Block, Document, Extracted, PageSpan, Paragraph, assemble
from .errors import IngestError, shown_path
from .files import check_file
from .formats import EXTENSIONS, FORMATS, SUPPORTED_EXTENSIONS, Walk, expand_paths, format_of, walk
from .isolation import stop_reader
from .limits import Limits, current_limits
from .read import detect_format, read, read_local

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "SUPPORTED_EXTENSIONS",
    "Block",
    "Document",
    "Extracted",
    "IngestError",
    "Limits",
    "PageSpan",
    "Paragraph",
    "Walk",
    "assemble",
    "check_file",
    "current_limits",
    "detect_format",
    "expand_paths",
    "format_of",
    "read",
    "read_local",
    "shown_path",
    "stop_reader",
    "walk",
]
