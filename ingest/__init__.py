"""ingest: any file (PDF, scanned PDF, HTML, TXT, DOCX) to one clean Document with pages and offsets."""

from .document import Block, Document, Extracted, PageSpan, Paragraph, assemble
from .errors import IngestError
from .formats import EXTENSIONS, FORMATS, SUPPORTED_EXTENSIONS, expand_paths, format_of
from .read import detect_format, read

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "SUPPORTED_EXTENSIONS",
    "Block",
    "Document",
    "Extracted",
    "IngestError",
    "PageSpan",
    "Paragraph",
    "assemble",
    "detect_format",
    "expand_paths",
    "format_of",
    "read",
]
