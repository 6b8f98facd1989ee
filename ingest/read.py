"""`read(path) -> Document`: detect the format, run its reader, then decide language, kind and date."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .document import Document, Extracted, assemble
from .errors import IngestError, shown_path
from .files import read_file_bytes
from .formats import FORMATS, format_of
from .limits import Limits, current_limits, setting_name


def detect_format(path: Path, data: bytes) -> str:
    """The format from the file's first bytes, falling back on its extension."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and path.suffix.lower() == ".docx":
        return "docx"
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    fmt = format_of(path)
    if fmt == "pdf":
        raise IngestError(str(path), "not a PDF file (no %PDF header)")
    if fmt == "docx":
        raise IngestError(str(path), "not a DOCX file (not a zip archive)")
    if fmt is None:
        raise IngestError(str(path), f"unknown format {path.suffix or '(no extension)'!r}; "
                                     f"expected one of {', '.join(FORMATS)}")
    return fmt


def read(path: str | Path) -> Document:
    """Read one file into a Document; raises IngestError naming the file and the reason.

    With SAUAL_READ_ISOLATION=process (the default) a worker process reads it within the time and
    memory limits (ingest.isolation); `off` reads in this process (size, page and text limits only)."""
    limits = current_limits()
    if limits.isolation == "process":
        from .isolation import read_isolated

        return read_isolated(path, limits)
    return read_local(path, limits)


def read_local(path: str | Path, limits: Limits | None = None) -> Document:
    """Read one file in this process: only a regular file within the size, page and text limits."""
    limits = limits or current_limits()
    path = Path(path)
    shown = shown_path(path)
    data = read_file_bytes(path, limits)
    if not data.strip():
        raise IngestError(shown, "empty file")
    fmt = detect_format(path, data)
    if fmt == "txt" and len(data) > 4 * limits.text_chars:  # at most 4 bytes a character
        raise IngestError(shown, too_much_text(len(data), limits, "bytes of text"))
    try:
        extracted = _reader(fmt)(path, data)
    except RecursionError:
        raise IngestError(shown, f"{fmt.upper()} structure nested too deeply to read "
                                 "(a hostile or broken file)") from None
    chars = sum(len(b.text) for b in extracted.blocks)
    if chars > limits.text_chars:
        raise IngestError(shown, too_much_text(chars, limits, "characters of text"))
    return build_document(path, data, fmt, extracted)


def too_much_text(count: int, limits: Limits, unit: str) -> str:
    """The reason for a file over the text limit."""
    return (f"too much text ({count:,} {unit}; the limit is {limits.text_chars:,} characters, "
            f"{setting_name('text_chars')})")


def _reader(fmt: str):
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf
    if fmt == "html":
        from .html import read_html
        return read_html
    if fmt == "docx":
        from .docx import read_docx
        return read_docx
    from .text import read_text
    return read_text


def build_document(path: Path, data: bytes, fmt: str, extracted: Extracted) -> Document:
    """Assemble text and spans, then add language per paragraph, document kind and date."""
    from .dates import find_date
    from .kind import detect_kind
    from .language import detect_document_language, detect_paragraph_language, settle_paragraph_languages

    text, pages, paragraphs = assemble(extracted.blocks, extracted.page_count)
    if not text.strip():
        raise IngestError(str(path), "no text found in the file")
    for para in paragraphs:
        para.language = detect_paragraph_language(text[para.start:para.end])
    doc = Document(
        path=shown_path(path),  # printable and storable even when the name is not UTF-8
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        text=text,
        pages=pages if fmt == "pdf" else pages[:1],
        paragraphs=paragraphs,
        page_count=extracted.page_count,
        title=extracted.title,
        date=extracted.date,
        ocr=extracted.ocr,
        warnings=list(extracted.warnings),
        metadata=dict(extracted.metadata),
    )
    settle_paragraph_languages(doc)  # names and short lines take the language of their run
    doc.language = detect_document_language(doc)
    doc.kind = detect_kind(doc)
    if doc.date is None:
        doc.date = find_date(doc)
    if doc.title is None:  # inquiries state no title: heading + addressee, or headline/first sentence
        from .titles import derive_title
        doc.title = derive_title(doc)
    return doc
