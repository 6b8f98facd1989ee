"""Build a Document from plain text (such as a pdftotext rendering) without a format reader.

Lines are joined into paragraphs the way a reader would: a blank line or a line ending a
sentence closes the paragraph. Used to test language, kind and date on real sample text.
"""

from __future__ import annotations

from pathlib import Path

from ingest.document import Block, Document, assemble

_ENDS = (".", "!", "?", ":", ";")


def blocks_from_text(text: str) -> list[Block]:
    """Paragraph blocks from lines: split on blank lines and after sentence-ending lines."""
    blocks: list[Block] = []
    current: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            if current:
                blocks.append(Block.of(" ".join(current)))
                current = []
            continue
        current.append(line)
        if line.endswith(_ENDS):
            blocks.append(Block.of(" ".join(current)))
            current = []
    if current:
        blocks.append(Block.of(" ".join(current)))
    return blocks


def document_from_text(text: str, path: str = "text.txt", metadata: dict | None = None) -> Document:
    """A Document whose paragraphs and their languages are set as ingest.read() would set them."""
    from ingest.language import detect_paragraph_language, settle_paragraph_languages

    joined, pages, paragraphs = assemble(blocks_from_text(text), 1)
    for para in paragraphs:
        para.language = detect_paragraph_language(joined[para.start:para.end])
    doc = Document(path=path, sha256="0" * 64, format="txt", text=joined, pages=pages,
                   paragraphs=paragraphs, page_count=1, metadata=dict(metadata or {}))
    settle_paragraph_languages(doc)
    return doc


def document_from_file(path: Path) -> Document:
    """document_from_text over a UTF-8 file."""
    return document_from_text(path.read_text(encoding="utf-8"), path=str(path))
