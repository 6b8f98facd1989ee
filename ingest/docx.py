"""DOCX reader (python-docx): body paragraphs and table cells in document order.

Headers and footers are kept out of the body (they repeat on every page) and go to metadata; the
title comes from the core properties when it is a real title, not a template default.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .document import Block, Extracted
from .errors import IngestError
from .limits import Limits, current_limits, megabytes, setting_name
from .lookalike import normalise_lookalikes

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DEFAULT_TITLE = re.compile(
    r"^(?:microsoft word\s*-\s*)?(?:document|документ|құжат|doc|title|заголовок|тақырып|новый документ)"
    r"\s*\d*(?:\.docx?)?$", re.IGNORECASE)


def read_docx(path: Path, data: bytes) -> Extracted:
    """Body paragraphs (table cells included, headers/footers excluded) of a Word document."""
    document = _open(path, data)
    paragraphs = [normalise_lookalikes(t) for t in body_paragraphs(document)]
    metadata: dict[str, Any] = {}
    headers, footers = header_footer_texts(document)
    if headers:
        metadata["headers"] = headers
    if footers:
        metadata["footers"] = footers
    props = document.core_properties
    for key in ("author", "created", "modified", "subject"):
        value = getattr(props, key, None)
        if value:
            metadata[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return Extracted(blocks=[Block.of(p) for p in paragraphs], page_count=None,
                     title=meaningful_title(props.title), metadata=metadata)


def _open(path: Path, data: bytes):
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(str(path), "corrupt DOCX (truncated or damaged zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            check_unpacked(path, archive, current_limits())
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise IngestError(str(path), f"corrupt DOCX ({_one_line(exc)})") from None
    if "word/document.xml" not in names:
        raise IngestError(str(path), "not a Word document (zip archive without word/document.xml)")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise IngestError(str(path), f"not a Word document ({_one_line(exc)})") from None
    except MemoryError:
        raise  # the memory limit, not damage: the worker reports it
    except Exception as exc:  # noqa: BLE001 — lxml XMLSyntaxError and friends from a damaged part
        raise IngestError(str(path), f"corrupt DOCX ({type(exc).__name__}: {_one_line(exc)})") from None


def check_unpacked(path: Path, archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a zip bomb before python-docx inflates it: the sizes the archive declares, then every
    member inflated in chunks (its CRC checked) with a cap, since declared sizes can lie."""
    cap = limits.unpacked_bytes
    declared = sum(info.file_size for info in archive.infolist())
    if declared > cap:
        raise IngestError(str(path), _bomb(f"declares {megabytes(declared)}", limits))
    total = 0
    for info in archive.infolist():
        try:
            with archive.open(info) as member:
                while chunk := member.read(1 << 20):
                    total += len(chunk)
                    if total > cap:
                        raise IngestError(str(path), _bomb(f"unpacks to more than {megabytes(cap)}", limits))
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise IngestError(str(path), f"corrupt DOCX (damaged member {info.filename}: "
                                         f"{_one_line(exc)})") from None


def _bomb(what: str, limits: Limits) -> str:
    return (f"DOCX {what} (the limit is {limits.unpacked_mb:g} MB, {setting_name('unpacked_mb')}; "
            "a zip bomb or an oversized document)")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def body_paragraphs(document: Any) -> list[str]:
    """Texts of the body's paragraphs and table cells in document order (content controls opened)."""
    return [t for t in _walk(document.element.body, document) if t]


def _walk(container: Any, parent: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_text(Paragraph(child, parent))
        elif child.tag == f"{_W}tbl":
            yield from _table(Table(child, parent))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _walk(content, parent)


def _table(table: Any) -> Iterator[str]:
    """A row of short one-paragraph cells is one paragraph `a | b | c`; otherwise each cell's
    paragraphs (and nested tables) come one by one. Merged cells are read once."""
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        contents = [[t for t in _walk(cell._tc, cell) if t] for cell in cells]
        simple = len(cells) > 1 and all(len(c) <= 1 for c in contents) and not any(
            cell.tables for cell in cells)
        if simple:
            line = " | ".join(c[0] for c in contents if c)
            if line:
                yield line
        else:
            for texts in contents:
                yield from texts


def _paragraph_text(paragraph: Any) -> str:
    """Paragraph text: runs, hyperlinks, fields and tracked insertions in order, tracked deletions
    left out, tabs and manual line breaks as spaces, runs of spaces collapsed."""
    parts: list[str] = []
    _collect(paragraph._p, parts)
    return " ".join("".join(parts).split())


_CONTAINERS = {f"{_W}{t}" for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent",
                                     "customXml", "moveTo", "dir", "bdo")}
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": " ", f"{_W}br": " ", f"{_W}cr": " ", f"{_W}noBreakHyphen": "-"}


def _collect(element: Any, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{_W}r":
            for item in child:
                if item.tag in _RUN_TEXT:
                    parts.append(item.text or "" if _RUN_TEXT[item.tag] is None else _RUN_TEXT[item.tag])
        elif tag in _CONTAINERS:
            _collect(child, parts)


def header_footer_texts(document: Any) -> tuple[list[str], list[str]]:
    """Distinct non-empty header and footer texts of all sections (first-page and even-page too)."""
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for attr, bucket in (("header", headers), ("first_page_header", headers), ("even_page_header", headers),
                             ("footer", footers), ("first_page_footer", footers), ("even_page_footer", footers)):
            part = getattr(section, attr, None)
            if part is None or part.is_linked_to_previous:
                continue
            for text in _walk(part._element, part):
                if text and text not in bucket:
                    bucket.append(text)
    return headers, footers


def meaningful_title(title: str | None) -> str | None:
    """The core-properties title, unless empty, a template default (`Документ1`, `Microsoft Word -
    x.docx`) or a file name."""
    text = " ".join((title or "").split())
    text = re.sub(r"^microsoft word\s*-\s*", "", text, flags=re.IGNORECASE)
    if len(text) < 3 or not any(ch.isalpha() for ch in text):
        return None
    if _DEFAULT_TITLE.match(text) or re.search(r"\.(?:docx?|rtf|odt|pdf)$", text, re.IGNORECASE):
        return None
    return text
