"""TXT reader: find the encoding (UTF-8, UTF-16, cp1251, KZ-1048, KOI8-R), then rebuild paragraphs.

Single-byte Cyrillic encodings all decode any byte string, so candidates are scored by how
plausible the letters are (letter frequencies of Kazakh/Russian text, lower case dominating);
KOI8-R read as cp1251 (or the reverse) gives case-swapped, improbable letters and loses.
charset-normalizer was measured on tests/test_readers.py's table and is not used: it reads KZ-1048
Kazakh as cp1251, short cp1251/KOI8-R lines as Big5, Shift-JIS or cp1250, and accepts NUL/control
junk as UTF-8 (9 of 26 cases wrong; 11 when limited to these encodings).
"""

from __future__ import annotations

import codecs
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .document import Block, Extracted
from .errors import IngestError
from .lookalike import normalise_lookalikes
from .resources import load_rows

UNDECODABLE = "cannot decode text (not UTF-8, UTF-16 or cp1251)"
SINGLE_BYTE = ("cp1251", "kz1048", "koi8_r")  # in order of preference on a tie
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TYPOGRAPHY = set("«»„“”‘’‚–—―…№•·°§±×€\u00a0\u00ad\u2009\u202f")
_MIN_PLAUSIBLE = 0.95


@dataclass
class Decoded:
    """Text decoded from bytes and the encoding that was used."""

    text: str
    encoding: str


def read_text(path: Path, data: bytes) -> Extracted:
    """Read a plain-text file: encoding detected, paragraphs rebuilt, leading `date` line as date."""
    decoded = decode_text(data)
    if decoded is None:
        raise IngestError(str(path), UNDECODABLE)
    text, date, header = strip_metadata_line(decoded.text)
    metadata: dict = {"encoding": decoded.encoding}
    if header:
        metadata["header_line"] = header
    blocks = [Block.of(normalise_lookalikes(p)) for p in split_paragraphs(text)]
    return Extracted(blocks=blocks, page_count=None, title=None, date=date, metadata=metadata)


# --- encoding -----------------------------------------------------------------------------------

def decode_text(data: bytes) -> Decoded | None:
    """The bytes as text with the encoding found, or None when no candidate gives sensible text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return None
            return Decoded(text, f"{encoding}-bom") if _is_text(text) else None
    if _looks_utf16(data):
        return _guess_utf16(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Decoded(text, "utf-8") if _is_text(text) else None
    return _guess_single_byte(data)


_UTF16_HIGH_BYTES = frozenset((0x00, 0x04, 0x20, 0x21))  # ASCII/Latin-1, Cyrillic, punctuation, №


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: even length and every other byte is the high byte of an ASCII,
    Cyrillic or punctuation code point (0x00, 0x04, 0x20, 0x21); 8-bit text never looks so."""
    if len(data) < 2 or len(data) % 2:
        return False
    half = len(data) // 2
    for high in (data[1::2], data[0::2]):  # little-endian, big-endian
        if sum(1 for b in high if b in _UTF16_HIGH_BYTES) >= 0.9 * half:
            return True
    return False


def _guess_utf16(data: bytes) -> Decoded | None:
    best: Decoded | None = None
    best_share = 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = plausible_share(text)
        if share > best_share:
            best, best_share = Decoded(text, encoding), share
    return best if best_share >= _MIN_PLAUSIBLE else None


def _guess_single_byte(data: bytes) -> Decoded | None:
    scored: list[tuple[float, int, Decoded]] = []
    for rank, encoding in enumerate(SINGLE_BYTE):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible_share(text) < _MIN_PLAUSIBLE:
            continue
        scored.append((cyrillic_score(text), -rank, Decoded(text, encoding)))
    if not scored:
        return None
    return max(scored, key=lambda item: item[:2])[2]


def _is_text(text: str) -> bool:
    """Decoded text that is not binary junk: few control characters and at least one letter."""
    if not any(ch.isalpha() for ch in text):
        return False
    bad = sum(1 for ch in text if _is_control(ch))
    return bad <= len(text) * 0.01


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\t\n\r\f\v" or ch == "\ufffd"


@lru_cache(maxsize=1)
def _letter_log_freq() -> dict[str, float]:
    rows = load_rows("cyrillic_letter_frequencies.tsv")
    return {letter: math.log(float(per) / 10000) for letter, per in rows}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def plausible_share(text: str) -> float:
    """Share of characters a Kazakh/Russian text is made of: Cyrillic letters of the two alphabets,
    ASCII, whitespace and common typography (8-bit misreadings give Ђ‰Џ, CJK or controls)."""
    if not text:
        return 0.0
    freq = _letter_log_freq()
    ok = 0
    for ch in text:
        if ch.isascii():
            ok += ch.isprintable() or ch in "\t\n\r\f"
        elif _is_cyrillic(ch):
            ok += ch.lower() in freq
        else:
            ok += ch in _TYPOGRAPHY
    return ok / len(text)


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


def cyrillic_score(text: str) -> float:
    """How much the Cyrillic letters look like Kazakh/Russian text: mean log letter frequency plus
    the log share of well-cased words (lower, Title or UPPER). A wrong 8-bit table permutes the
    letters and swaps their case, so `Казахстан` read with the wrong table is `йЮГЮУЯРЮМ`."""
    freq = _letter_log_freq()
    floor = math.log(0.5 / 10000)
    words = _CYRILLIC_WORD.findall(text)
    letters = "".join(words)
    if not letters:
        return 0.0
    mean = sum(freq.get(ch.lower(), floor) for ch in letters) / len(letters)
    well_cased = sum(1 for w in words if w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()))
    return mean + math.log(well_cased / len(words) + 0.05)


# --- metadata line --------------------------------------------------------------------------------

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b")


def strip_metadata_line(text: str) -> tuple[str, dt.date | None, str | None]:
    """A first non-empty line `date YYYY-MM-DD ...` (page metadata of saved web pages) is taken as
    the date and removed from the body; returns (body, date, the removed line)."""
    lines = text.lstrip("\ufeff").splitlines()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = _DATE_LINE.match(line)
        if not match:
            break
        try:
            date = dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            break
        return "\n".join(lines[i + 1:]), date, line.strip()
    return text, None, None


# --- paragraphs -----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…:;]['\"»”)]*$")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[a-zа-яәіңғүұқөһ][)]|[-–—•*▪●])\s")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_WRAPPED_SHARE = 0.7  # a line at least this share of the block's longest line filled the width


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: split at blank lines (form feeds count as blank lines), then
    inside a block a line break is kept as a paragraph break unless the lines are wrapped prose;
    a blank line inside a sentence (line without end punctuation, next starting lower case) is
    treated as a page break and bridged."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    merged: list[list[str]] = []
    for block in blocks:
        if merged and _continues(merged[-1][-1], block[0]):
            merged[-1].extend(block)
        else:
            merged.append(block)
    paragraphs: list[str] = []
    for block in merged:
        paragraphs.extend(_block_paragraphs(block))
    return paragraphs


def _continues(prev: str, line: str) -> bool:
    """The next line carries on the sentence of `prev` (no end punctuation, lower-case start)."""
    start = line.lstrip()
    return (not _SENTENCE_END.search(prev.strip()) and start[:1].islower()
            and not _LIST_ITEM.match(start))


def _block_paragraphs(lines: list[str]) -> list[str]:
    width = max(len(line.strip()) for line in lines)
    margin = min(len(line) - len(line.lstrip()) for line in lines)
    paragraphs: list[str] = []
    current = ""
    prev = ""
    for line in lines:
        stripped = _SPACES.sub(" ", line.strip())
        if not current:
            current = stripped
        elif _joins(prev, line, width, margin):
            current = join_wrapped(current, stripped)
        else:
            paragraphs.append(current)
            current = stripped
        prev = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _joins(prev: str, line: str, width: int, margin: int) -> bool:
    """Whether `line` continues the paragraph of `prev` within one block."""
    start = line.strip()
    if _LIST_ITEM.match(start):
        return False
    if _continues(prev, line):
        return True
    filled = len(prev.strip()) >= _WRAPPED_SHARE * width and width >= 40
    if not _SENTENCE_END.search(prev.strip()):
        return filled  # a wrapped sentence going on with a capitalised word (a name)
    indented = len(line) - len(line.lstrip()) > margin
    return filled and not indented


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped lines. A line-end hyphen is dropped when the two halves make a known word
    (`мемле-` + `кеттік`), kept without a space otherwise (`іс-` + `шаралар`, `Е-` + `9`)."""
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if left.endswith("-") and len(left) > 1 and not left[-2].isspace() and right[:1].isalnum():
        head = re.search(r"(\w+)-$", left)
        tail = re.match(r"\w+", right)
        if head and tail and _is_known_word(head.group(1) + tail.group()):
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


def _is_known_word(word: str) -> bool:
    from .lexicon import is_known_word  # the lexicon loads on first use (about 0.3 s)

    return is_known_word(word)
