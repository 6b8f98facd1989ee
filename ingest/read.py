"""`read(path) -> Document`: detect the format, run its reader, then decide language, kind and date."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .document import Document, Extracted, assemble
from .errors import IngestError
from .formats import FORMATS, format_of


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
    """Read one file into a Document; raises IngestError naming the file and the reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(str(path), "no such file") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a directory") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    if not data.strip():
        raise IngestError(str(path), "empty file")
    fmt = detect_format(path, data)
    extracted = _reader(fmt)(path, data)
    return build_document(path, data, fmt, extracted)


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
        path=str(path),
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
