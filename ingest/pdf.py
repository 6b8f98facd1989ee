"""PDF reader: the text layer read once with pdfminer (pdfplumber's engine), then ingest.layout.

Speed: pdfplumber's `extract_text()` costs about 20x pdftotext, and most of it is pdfminer
tokenising content streams in Python (letterhead emblems are thousands of curve operators), then
an LTChar object and a dict per char. Here a C-speed regex tokeniser (ingest.pdf_content) drops
path/colour operators and feeds pdfminer's interpreter directly; a small device records only
each glyph's text, box, size and direction. Pages without a text layer go to OCR (ingest.ocr).
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef, PDFStream, stream_value
from pdfminer.psparser import PSException
from pdfminer.utils import apply_matrix_rect, decode_text

from .document import Block, Extracted
from .errors import IngestError
from .layout import Glyph, Page, analyse
from .lexicon import is_known_word
from .limits import current_limits, setting_name
from .pdf_content import Unsupported, operations, text_operators_only
from .stamps import Stamp, add_stamp, cut_stamps

# A page with fewer printable characters than this has no real text layer: OCR it.
MIN_TEXT_CHARS = 20
# A chain of objects that are only references to others longer than this is a loop in all but name.
MAX_REFERENCE_CHAIN = 32
# A PDF title like these says nothing about the document.
_JUNK_TITLE = re.compile(r"^\s*$|^microsoft\s+\w+\s*-|^(?:untitled|документ|document|безымянный)\s*\d*\s*$"
                         r"|\.(?:docx?|pdf|rtf|odt)\s*$", re.IGNORECASE)


def _dropped(ch: str) -> bool:
    """Private-use icon glyphs (U+E000–U+F8FF) and control characters never reach the text."""
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or (o < 32 and ch not in "\t") or 0x7F <= o < 0xA0


class _GlyphDevice(PDFTextDevice):
    """A pdfminer device that only records glyphs as `Glyph` values (our type, not pdfminer's)."""

    def __init__(self, rsrcmgr: PDFResourceManager):
        super().__init__(rsrcmgr)
        self.glyphs: list[Glyph] = []
        self.fonts: dict[int, tuple[object, dict[int, tuple[str, float]]]] = {}  # the font kept: ids stay unique
        self.codes: dict[int, dict[bytes, tuple[int, ...]]] = {}  # per font (kept above): string → character codes
        self.width = 0.0
        self.height = 0.0

    def begin_page(self, page, ctm) -> None:
        x0, y0, x1, y1 = apply_matrix_rect(ctm, page.mediabox)
        self.width, self.height = abs(x1 - x0), abs(y1 - y0)
        self.glyphs = []

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        text, width = self._char(font, cid)
        adv = width * fontsize * scaling
        if text:
            self.glyphs.append(adapt_glyph(text, matrix, font.get_descent() * fontsize + rise, fontsize, adv,
                                           self.height))
        return adv

    def _char(self, font, cid: int) -> tuple[str, float]:
        """(text kept, width) of a character code of a font, looked up once per document."""
        chars = self.fonts.setdefault(id(font), (font, {}))[1]
        found = chars.get(cid)
        if found is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = ""
            if text and len(text) == 1 and _dropped(text):
                text = ""
            elif text and (len(text) > 1 or "\ufb00" <= text <= "\ufb06"):
                text = "".join(ch for ch in unicodedata.normalize("NFKC", text) if not _dropped(ch))
            found = chars[cid] = (text, font.char_width(cid))
        return found

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise,
                                 dxscale, ncs, graphicstate):
        """pdfminer's loop over a horizontal string, each character's text and width looked up once per font;
        upright text (no rotation or skew) keeps one top, bottom and size for the whole string."""
        x, y = pos
        a, b, c, d, e, f = matrix
        base = font.get_descent() * fontsize + rise
        chars = self.fonts.setdefault(id(font), (font, {}))[1]
        decoded = self.codes.setdefault(id(font), {})
        upright = not b and not c
        if upright:
            top, bottom = d * (base + fontsize) + (y * d + f), d * base + (y * d + f)
            y0, y1 = self.height - max(top, bottom), self.height - min(top, bottom)
            size, turn = fontsize * abs(d), 180 if a < 0 else 0
        spaced = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                spaced = True
            elif isinstance(obj, bytes):
                cids = decoded.get(obj)
                if cids is None:
                    cids = decoded[obj] = tuple(font.decode(obj))
                for cid in cids:
                    if spaced:
                        x += charspace
                    text, width = chars.get(cid) or self._char(font, cid)
                    adv = width * fontsize * scaling
                    if text and upright:
                        x0 = x * a + e
                        x1 = a * adv + x0
                        self.glyphs.append(Glyph(text, min(x0, x1), max(x0, x1), y0, y1, size, turn))
                    elif text:
                        self.glyphs.append(adapt_glyph(text, (a, b, c, d, x * a + y * c + e, x * b + y * d + f),
                                                       base, fontsize, adv, self.height))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    spaced = True
        return (x, y)


class _TextInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter (text state, fonts, forms) fed by ingest.pdf_content's fast tokeniser.

    Path, colour and marked-content operators are dropped while tokenising; a stream the fast
    tokeniser cannot handle (inline images, odd syntax) goes through pdfminer's own parser.
    """

    def execute(self, streams) -> None:
        parts = []
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid not in self.parent_stream_ids:
                parts.append(stream)
        try:
            ops = operations(b"\n".join(p.get_data() for p in parts))
        except Unsupported:
            slim = []
            for stream in parts:
                copy = PDFStream({}, text_operators_only(stream.get_data()))
                copy.objid, copy.genno = stream.objid, stream.genno
                slim.append(copy)
            super().execute(slim)
            return
        self.stream_ids.clear()
        self.stream_ids.update(p.objid for p in parts if p.objid is not None)
        for op, args in ops:
            func = getattr(self, _method_name(op), None)
            if func is None:
                continue
            nargs = func.__code__.co_argcount - 1
            if not nargs:
                func()
            elif len(args) >= nargs:
                func(*args[len(args) - nargs:])


@lru_cache(maxsize=256)
def _method_name(op: bytes) -> str:
    name = op.decode("latin-1")
    return "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")


def adapt_glyph(text: str, matrix: tuple[float, ...], base: float, fontsize: float, adv: float,
                page_height: float) -> Glyph:
    """A pdfminer glyph (text matrix, baseline offset, advance) as a `Glyph` box, top from the page top."""
    a, b, c, d, e, f = matrix
    y1 = base + fontsize
    if not b and not c:  # upright or turned over: the same numbers as the general case, fewer steps
        x1, top, bottom = a * adv + e, d * y1 + f, d * base + f
        return Glyph(text, min(e, x1), max(e, x1), page_height - max(top, bottom), page_height - min(top, bottom),
                     fontsize * abs(d), 180 if a < 0 else 0)
    xs = (c * base + e, a * adv + c * base + e, c * y1 + e, a * adv + c * y1 + e)
    ys = (d * base + f, b * adv + d * base + f, d * y1 + f, b * adv + d * y1 + f)
    angle = round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90 if (a or b) else 0
    size = fontsize * math.hypot(c, d)
    return Glyph(text, min(xs), max(xs), page_height - max(ys), page_height - min(ys), size, angle)


class _LoopSafeDocument(PDFDocument):
    """pdfminer's document, except that an object which is only a reference to another (`6 0 obj 7 0 R`)
    is followed here, and a loop of such references is an error instead of an endless resolve1()."""

    def getobj(self, objid: int) -> object:
        obj = super().getobj(objid)
        seen = {objid}
        while isinstance(obj, PDFObjRef):
            if obj.objid in seen or len(seen) > MAX_REFERENCE_CHAIN:
                raise PDFSyntaxError(f"object references loop ({objid} 0 R)")
            seen.add(obj.objid)
            obj = super().getobj(obj.objid)
        return obj


def trim_after_eof(data: bytes) -> bytes:
    """The PDF up to its last %%EOF: padding after it (mail gateways, downloads) is not part of the file."""
    end = data.rfind(b"%%EOF")
    return data[:end + 5] + b"\n" if end >= 0 else data


def _open(path: Path, data: bytes) -> PDFDocument:
    """The parsed PDF document; every failure becomes an IngestError naming the file."""
    try:
        return _LoopSafeDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise IngestError(str(path), "encrypted PDF (password required)") from None
    except PDFEncryptionError as exc:
        raise IngestError(str(path), f"encrypted PDF (unsupported encryption: {exc})") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError) as exc:
        raise IngestError(str(path), f"corrupt or truncated PDF ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg[:120]}" if msg else type(exc).__name__


def read_pages(path: Path, data: bytes) -> tuple[list[Page], dict]:
    """Every page's glyphs and size, plus the PDF's own metadata (title, author, dates)."""
    if b"%%EOF" not in data:
        raise IngestError(str(path), "corrupt or truncated PDF (no %%EOF end marker)")
    doc = _open(path, trim_after_eof(data))
    rsrc = PDFResourceManager(caching=True)
    device = _GlyphDevice(rsrc)
    interpreter = _TextInterpreter(rsrc, device)
    pages: list[Page] = []
    most = current_limits().pages
    try:
        for number, pdf_page in enumerate(PDFPage.create_pages(doc), start=1):
            if number > most:
                raise IngestError(str(path), f"more than {most:,} pages ({setting_name('pages')})")
            interpreter.process_page(pdf_page)
            pages.append(Page(number, device.width, device.height, device.glyphs))
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(str(path), "PDF page tree or content nested too deeply to read "
                                     "(a hostile or broken file)") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError) as exc:
        raise IngestError(str(path), f"corrupt or truncated PDF ({_reason(exc)})") from None
    if not pages:
        raise IngestError(str(path), "PDF has no pages")
    return pages, adapt_info(doc.info)


def adapt_info(info: list) -> dict:
    """The PDF Info dictionary as plain strings: title, author, subject, creator, producer, dates."""
    out: dict[str, str] = {}
    keys = {"Title": "title", "Author": "author", "Subject": "subject", "Keywords": "keywords",
            "Creator": "creator", "Producer": "producer", "CreationDate": "created", "ModDate": "modified"}
    for entry in info or []:
        for key, name in keys.items():
            value = entry.get(key) if isinstance(entry, dict) else None
            if hasattr(value, "resolve"):
                value = value.resolve()
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                value = value.strip().strip("\x00")
                out[name] = _pdf_date(value) if name in ("created", "modified") else value
    return out


def _pdf_date(value: str) -> str:
    """`D:20250521103000+05'00'` → `2025-05-21T10:30:00+05:00`; other strings unchanged."""
    m = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?", value)
    if not m:
        return value
    y, mo, d, h, mi, s, sign, th, tm = m.groups()
    out = f"{y}-{mo or '01'}-{d or '01'}"
    if h:
        out += f"T{h}:{mi or '00'}:{s or '00'}"
        if sign in ("+", "-") and th:
            out += f"{sign}{th}:{tm or '00'}"
        elif sign in ("Z", "z"):
            out += "Z"
    return out


def useful_title(title: str | None) -> str | None:
    """The PDF's own title unless it is empty or junk (`Microsoft Word - x.docx`, `Untitled`)."""
    if not title or _JUNK_TITLE.search(title):
        return None
    return title.strip()


def _printable(page: Page) -> int:
    """Printable characters of the page's upright text, registration stamps not counted.

    A scanned page often carries a stamp as a text overlay; it still needs OCR.
    """
    upright = "".join(g.text for g in page.glyphs if g.direction == 0)
    rest, _ = cut_stamps(upright)
    return sum(1 for ch in rest if not ch.isspace())


def read_pdf(path: Path, data: bytes) -> Extracted:
    """Read a PDF into paragraphs (Blocks) with stamps and PDF metadata; OCR pages without text."""
    data = trim_after_eof(data)
    pages, info = read_pages(path, data)
    warnings: list[str] = []
    scanned = [p.number for p in pages if _printable(p) < MIN_TEXT_CHARS]
    text_pages = [p for p in pages if p.number not in scanned]
    layout = analyse(text_pages, is_known_word)
    blocks = layout.blocks
    ocr_used = False
    stamps: dict[str, Stamp] = {s.text: s for s in layout.stamps}
    if scanned:
        ocr_blocks, ocr_problem = _ocr(path, data, scanned)
        if ocr_problem and not blocks:
            # Nothing but scanned pages and no OCR: say why instead of "no text found".
            raise IngestError(str(path), f"scanned PDF without a text layer; {ocr_problem}")
        if ocr_problem:
            warnings.append(ocr_problem)
        if ocr_blocks:
            ocr_used = True
            ocr_blocks = _cut_ocr_stamps(ocr_blocks, stamps)
            verb = "was" if len(scanned) == 1 else "were"
            warnings.append(f"{_pages_label(scanned)} had no text layer and {verb} OCRed")
            blocks = _merge_by_page(blocks, ocr_blocks)
    metadata: dict = {"pdf": info}
    if stamps:
        metadata["stamps"] = [s.as_dict() for s in stamps.values()]
    if layout.furniture:
        metadata["removed_lines"] = [{"page": p, "text": t} for p, t in layout.furniture]
    if layout.margin_notes:
        metadata["margin_notes"] = [{"page": p, "text": t} for p, t in layout.margin_notes]
    return Extracted(
        blocks=blocks,
        page_count=len(pages),
        title=useful_title(info.get("title")),
        ocr=ocr_used,
        warnings=warnings,
        metadata=metadata,
    )


def _ocr(path: Path, data: bytes, numbers: list[int]) -> tuple[list[Block], str | None]:
    """OCR the given pages (1-based) through ingest.ocr: (blocks, None) or ([], why OCR failed)."""
    label = _pages_label(numbers)
    try:
        from .ocr import OcrError, ocr_pdf_pages
    except ImportError as exc:
        return [], f"{label}: no text layer and OCR is unavailable ({exc})"
    try:
        result = ocr_pdf_pages(data, numbers)
    except OcrError as exc:  # an IngestError without a path: reported as a warning, not raised
        return [], f"OCR of {label} failed: {exc.reason}"
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 — the OCR engine's own failure is reported, not raised
        return [], f"OCR of {label} failed ({_reason(exc)})"
    blocks = [Block([(n, para)]) for n in numbers for para in result.get(n, []) if para.strip()]
    return blocks, None


def _pages_label(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(map(str, numbers))


def _cut_ocr_stamps(blocks: list[Block], stamps: dict[str, Stamp]) -> list[Block]:
    """OCRed paragraphs without registration stamps; the stamps join the document's metadata."""
    out: list[Block] = []
    for block in blocks:
        pieces = []
        for page, text in block.pieces:
            rest, found = cut_stamps(text)
            for m in found:
                add_stamp(stamps, m, page)
            if rest.strip():
                pieces.append((page, rest))
        if pieces:
            out.append(Block(pieces))
    return out


def _merge_by_page(text_blocks: list[Block], ocr_blocks: list[Block]) -> list[Block]:
    """Both block lists in page order (each is already in reading order)."""
    out: list[Block] = []
    ocr = list(ocr_blocks)
    for block in text_blocks:
        first = block.pieces[0][0]
        while ocr and ocr[0].pieces[0][0] < first:
            out.append(ocr.pop(0))
        out.append(block)
    return out + ocr
