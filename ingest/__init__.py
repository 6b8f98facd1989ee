"""ingest: any file (PDF, scanned PDF, HTML, TXT, DOCX) to one clean Document with pages and offsets."""

from .document import Block, Document, Extracted, PageSpan, Paragraph, assemble
from .errors import IngestError
from .read import FORMATS, detect_format, read

__all__ = [
    "FORMATS",
    "Block",
    "Document",
    "Extracted",
    "IngestError",
    "PageSpan",
    "Paragraph",
    "assemble",
    "detect_format",
    "read",
]
