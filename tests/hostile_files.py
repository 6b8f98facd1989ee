"""Hostile and broken files made in a few lines of code (never committed as binaries): PDFs from raw
objects, DOCX from zipfile, text in legacy encodings. Used by tests/test_hostile*.py."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

PARAGRAPH = ("Депутаттар Үкіметке сауал жолдады. Облыста 2024 жылы 120 мектеп салынды, "
             "бірақ 35 мектепте орын жетіспейді.")
RUSSIAN = "Депутаты направили запрос в Правительство. В области построено 120 школ, но мест не хватает."


def pdf_bytes(objects: list[bytes], root: int = 1, info: int | None = None) -> bytes:
    """A PDF from numbered object bodies (object i+1 is objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def text_pdf(lines: tuple[str, ...] = ("Hello parliament, 120 schools were built in 2024.",)) -> bytes:
    """A one-page PDF with a Latin text layer (Helvetica)."""
    ops = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(b"(%s) '" % line.encode("latin-1") for line in lines) + b" ET"
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>"),
        _stream(ops),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def looping_info_pdf() -> bytes:
    """A valid page whose trailer /Info is `6 0 R`, object 6 is `7 0 R` and object 7 is `6 0 R`."""
    base = text_pdf()
    objects = _objects_of(base) + [b"7 0 R", b"6 0 R"]
    return pdf_bytes(objects, info=6)


def _objects_of(data: bytes) -> list[bytes]:
    """The object bodies of a PDF made by pdf_bytes, in order."""
    out = []
    for chunk in data.split(b" 0 obj\n")[1:]:
        out.append(chunk.split(b"\nendobj\n")[0])
    return out


def deep_page_tree_pdf(depth: int = 5000) -> bytes:
    """A page under `depth` nested /Pages nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = level + 2
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (number + 1, parent))
    page = len(objects) + 1
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2))
    objects.append(_stream(b"BT /F1 12 Tf 72 720 Td (Deep page tree, 120 schools in 2024.) Tj ET"))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_bytes(objects)


def nested_forms_pdf(depth: int = 3000) -> bytes:
    """A page whose content draws form X1, which draws X2, … `depth` levels deep."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
        _stream(b"BT /F1 12 Tf 72 720 Td (Nested forms, 120 schools in 2024.) Tj ET /X0 Do"),
    ]
    first = 6
    xobjects = b" ".join(b"/X%d %d 0 R" % (i, first + i) for i in range(depth))
    objects.append(b"<< /Font << /F1 %d 0 R >> /XObject << %s >> >>" % (first + depth, xobjects))
    for i in range(depth):
        content = b"/X%d Do" % (i + 1) if i + 1 < depth else b"BT /F1 12 Tf (deep) Tj ET"
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 5 0 R /Length %d >>\n"
                       b"stream\n%s\nendstream" % (len(content), content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_bytes(objects)


def nested_arrays_pdf(depth: int = 100_000) -> bytes:
    """A content stream that opens `depth` arrays (`[[[[…`) before its text."""
    objects = _objects_of(text_pdf())
    content = b"[" * depth + b"]" * depth + b" BT /F1 12 Tf 72 720 Td (Nested arrays, 120 schools.) Tj ET"
    objects[3] = _stream(content)
    return pdf_bytes(objects)


def padded_pdf(padding: bytes = b"\0" * 8192) -> bytes:
    """A valid PDF followed by padding after %%EOF (mail gateways, downloads)."""
    return text_pdf() + padding


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal valid DOCX (content types, relationships, one document part)."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return _docx_zip(_document_xml(body).encode("utf-8"))


def _document_xml(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>")


_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?>'
                  b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  b'<Default Extension="xml" ContentType="application/xml"/>'
                  b'<Override PartName="/word/document.xml" ContentType="application/'
                  b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?>'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def _docx_zip(document: bytes, extra: tuple[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        if extra:
            archive.writestr(*extra)
    return buffer.getvalue()


def docx_bomb(expanded_mb: int = 1200) -> bytes:
    """A DOCX whose document part inflates to `expanded_mb` MB of spaces (a few MB compressed)."""
    head = _document_xml(f"<w:p><w:r><w:t>{PARAGRAPH}</w:t></w:r></w:p>").encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head[:-len("</w:body></w:document>")])
            chunk = b" " * (1 << 20)
            for _ in range(expanded_mb):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def lying_docx_bomb(expanded_mb: int = 300) -> bytes:
    """A zip bomb whose headers claim the document part is 1 KB: only a streaming cap catches it."""
    data = bytearray(docx_bomb(expanded_mb))
    real = expanded_mb * (1 << 20)
    for marker in (b"PK\x01\x02", b"PK\x03\x04"):
        start = 0
        while (at := data.find(marker, start)) >= 0:
            start = at + 4
            name_at = at + (46 if marker == b"PK\x01\x02" else 30)
            if data[name_at:name_at + 17] != b"word/document.xml":
                continue
            _patch_sizes(data, at, marker, real)
    return bytes(data)


def _patch_sizes(data: bytearray, at: int, marker: bytes, real: int) -> None:
    """Write 1024 as the uncompressed size in a local or central header (and its zip64 extra)."""
    size_at = at + (24 if marker == b"PK\x01\x02" else 22)
    if data[size_at:size_at + 4] != b"\xff\xff\xff\xff":
        data[size_at:size_at + 4] = (1024).to_bytes(4, "little")
        return
    extra = data.find(b"\x01\x00", at + 30, at + 400)
    if extra >= 0:
        data[extra + 4:extra + 12] = (1024).to_bytes(8, "little")


def flipped_docx(paragraphs: list[str], where: str = "inside") -> bytes:
    """A DOCX with one byte of the compressed document part damaged: `inside` the stream (the CRC
    fails) or at its `start` (the deflate block type becomes invalid: zlib's "Error -3")."""
    body = "".join(f"<w:p><w:r><w:t>{p} {i}</w:t></w:r></w:p>" for i, p in enumerate(paragraphs * 40))
    data = bytearray(_docx_zip(_document_xml(body).encode("utf-8")))
    header = data.find(b"PK\x03\x04")
    while data[header + 30:header + 47] != b"word/document.xml":
        header = data.find(b"PK\x03\x04", header + 4)
    start = header + 30 + 17 + int.from_bytes(data[header + 28:header + 30], "little")
    if where == "start":
        data[start] |= 0x06  # BTYPE 11: reserved
    else:
        data[start + 200] ^= 0xFF
    return bytes(data)


def html_with_data_image(megabytes: int = 20) -> bytes:
    """An article page with a huge inline `data:` image between two paragraphs."""
    image = b"A" * (megabytes << 20)
    return (b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Inquiry</title></head><body><article>"
            b"<h1>" + "Депутаттық сауал".encode() + b"</h1><p>" + PARAGRAPH.encode() + b"</p>"
            b"<p><img src='data:image/png;base64," + image + b"'></p>"
            b"<p>" + RUSSIAN.encode() + b"</p></article></body></html>")


def html_with_scripts() -> bytes:
    """An article page full of script: <script>, an onerror= handler, a javascript: link."""
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><script>alert('head')</script></head><body>"
            f"<article><h1>Депутаттық сауал</h1><p>{PARAGRAPH}</p>"
            "<img src='x.png' onerror=\"alert('onerror')\"><script>document.write('alert body')</script>"
            f"<p>{RUSSIAN} <a href=\"javascript:alert('link')\">сілтеме</a></p></article></body></html>").encode()


def png_bytes() -> bytes:
    """The first bytes of a PNG image (a picture saved with a .pdf name)."""
    return b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0" + bytes(200)


def encoded_text(encoding: str) -> bytes:
    """The two sample paragraphs in `encoding` (only the Russian one for Russian single-byte code pages)."""
    text = RUSSIAN if encoding in ("koi8_r", "cp1251") else f"{PARAGRAPH}\n\n{RUSSIAN}"
    return f"{text}\n".encode(encoding)


def big_text(megabytes: int) -> bytes:
    """About `megabytes` MB of plain UTF-8 paragraphs."""
    unit = (f"{PARAGRAPH}\n\n{RUSSIAN}\n\n").encode()
    return unit * ((megabytes << 20) // len(unit) + 1)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def crc_ok(data: bytes) -> bool:
    """Whether every zip member inflates with a good CRC (used to check a generator did its job)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.testzip() is None
    except (zipfile.BadZipFile, zlib.error):
        return False
