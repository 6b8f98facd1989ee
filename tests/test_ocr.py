"""OCR of scanned PDFs: a rasterised real page read back with tesseract kaz+rus, scored by CER.

The fixture tests/data/scanned/8925_p2_scan.pdf is page 2 of samples/pdf/8925.pdf rendered to a
grayscale JPEG-only PDF by tests/data/scanned/make_scanned.py. The reference is the original page's
text layer (pdfplumber, horizontal characters only: the e-document stamp printed up the
margin is dropped, as OCR reads it as a line that the stamp rule below removes anyway).
Both sides are then cleaned the same way: e-document stamp lines and page-number lines removed,
a line-end hyphen joined to the next word, whitespace collapsed. CER = Levenshtein / len(reference).
"""

from __future__ import annotations

import re

import pdfplumber
import pytest

import ingest
from ingest.ocr import (
    OcrError,
    fix_confusions,
    join_lines,
    ocr_pdf_pages,
    paragraphs_from_tsv,
    tesseract_problem,
)

from .conftest import DATA, SAMPLES

SCAN = DATA / "scanned" / "8925_p2_scan.pdf"
SOURCE = SAMPLES / "pdf" / "8925.pdf"
SOURCE_PAGE = 2
MAX_CER = 0.05

_PROBLEM = tesseract_problem()
needs_tesseract = pytest.mark.skipif(_PROBLEM is not None, reason=f"OCR unavailable: {_PROBLEM}")

STAMP_LINE = re.compile(r"^\s*\d{2}\.\d{2}\.\d{4}\s+(?:ЭҚАБЖ|ЕСЭДО)\b.*$", re.MULTILINE)
PAGE_NUMBER_LINE = re.compile(r"^\s*[-–—]?\s*\d{1,3}\s*[-–—]?\s*$", re.MULTILINE)


def clean(text: str) -> str:
    """The same fair cleaning for reference and OCR output (see the module docstring)."""
    text = STAMP_LINE.sub("", text)
    text = PAGE_NUMBER_LINE.sub("", text)
    text = re.sub(r"(\w)-\s*\n\s*(?=\w)", r"\1-", text)
    return " ".join(text.split())


def levenshtein(a: str, b: str) -> int:
    """Plain edit distance (insert, delete, substitute all cost 1)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(reference: str, hypothesis: str) -> float:
    return levenshtein(reference, hypothesis) / max(len(reference), 1)


def _unrotated(obj: dict) -> bool:
    """Keep objects that are not characters or are set horizontally (the stamp runs up the margin)."""
    matrix = obj.get("matrix")
    return obj.get("object_type") != "char" or not matrix or abs(matrix[1]) + abs(matrix[2]) < 1e-6


@pytest.fixture(scope="module")
def reference() -> str:
    with pdfplumber.open(SOURCE) as pdf:
        page = pdf.pages[SOURCE_PAGE - 1].filter(_unrotated)
        return clean(page.extract_text())


@pytest.mark.parametrize("ref, hyp, expected", [
    ("", "", 0), ("абв", "абв", 0), ("абв", "аб", 1), ("абв", "абвг", 1), ("әбв", "эбв", 1),
    ("kitten", "sitting", 3),
])
def test_levenshtein_table(ref, hyp, expected):
    assert levenshtein(ref, hyp) == expected


def test_clean_drops_stamps_and_page_numbers_only():
    raw = "2\nмен класын\n22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)\nкезең-\nкезеңімен 1500 бөгет\n"
    assert clean(raw) == "мен класын кезең-кезеңімен 1500 бөгет"


def test_fixture_is_image_only():
    with pdfplumber.open(SCAN) as pdf:
        assert len(pdf.pages) == 1
        assert not pdf.pages[0].chars, "the scanned fixture must have no text layer"
        assert pdf.pages[0].images
    assert SCAN.stat().st_size < 1_000_000


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(words: list[tuple[int, int, int, int, int, str]]) -> str:
    """Rows (block, par, line, left, top, text) as tesseract level-5 TSV rows."""
    rows = [TSV_HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t2000\t3000\t-1\t"]
    for n, (block, par, line, left, top, text) in enumerate(words):
        rows.append(f"5\t1\t{block}\t{par}\t{line}\t{n}\t{left}\t{top}\t{30 * len(text)}\t40\t91.5\t{text}")
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("words, expected", [
    # two tesseract paragraphs stay two; lines of one paragraph are joined with a space
    ([(1, 1, 1, 100, 100, "Құрметті"), (1, 1, 1, 400, 100, "министр!"),
      (1, 2, 1, 160, 200, "Ел"), (1, 2, 1, 260, 200, "Президенті"), (1, 2, 2, 100, 250, "өткен"),
      (1, 2, 2, 300, 250, "жылы.")],
     ["Құрметті министр!", "Ел Президенті өткен жылы."]),
    # a real hyphenated word over a line break keeps its hyphen, without a space
    ([(1, 1, 1, 100, 100, "тиісті"), (1, 1, 1, 400, 100, "іс-"), (1, 1, 2, 100, 150, "шаралар")],
     ["тиісті іс-шаралар"]),
    # an indented line after a sentence end starts a new paragraph tesseract had merged
    ([(1, 1, 1, 100, 100, "бірінші"), (1, 1, 1, 400, 100, "сөйлем."), (1, 1, 2, 200, 150, "Екінші"),
      (1, 1, 2, 500, 150, "азат"), (1, 1, 3, 100, 200, "жол."), (1, 1, 4, 100, 250, "соңы")],
     ["бірінші сөйлем.", "Екінші азат жол. соңы"]),
    # empty words and non-word rows are ignored
    ([(1, 1, 1, 100, 100, " "), (1, 1, 1, 200, 100, "сөз")], ["сөз"]),
])
def test_paragraphs_from_tsv_table(words, expected):
    assert paragraphs_from_tsv(_tsv(words)) == expected


@pytest.mark.parametrize("lines, expected", [
    (["Ел Президенті", "Тоқаев"], "Ел Президенті Тоқаев"),
    (["кезең-", "кезеңімен"], "кезең-кезеңімен"),
    (["(одан әрі -", "EPS)"], "(одан әрі - EPS)"),
    (["90%-", "ына"], "90%-ына"),
    (["мемле-", "кеттік бюджет"], "мемлекеттік бюджет"),
    (["", "  сөз  ", ""], "сөз"),
])
def test_join_lines_table(lines, expected):
    assert join_lines(lines) == expected


@pytest.mark.parametrize("text, expected", [
    ("бетон -- бірдей", "бетон — бірдей"),
    ("б1р жыл", "бір жыл"),
    ("a--b", "a--b"),
    ("1500-ден 1-ші 8(7172) №1", "1500-ден 1-ші 8(7172) №1"),
    ("1млн теңге", "1млн теңге"),
])
def test_fix_confusions_table(text, expected):
    assert fix_confusions(text) == expected


def test_missing_tesseract_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no tesseract on PATH
    problem = tesseract_problem()
    assert problem == "tesseract not found: install tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus"
    with pytest.raises(OcrError, match="tesseract not found: install tesseract-ocr tesseract-ocr-kaz"):
        ocr_pdf_pages(SCAN.read_bytes(), [1])


@pytest.mark.ocr
@needs_tesseract
def test_missing_language_data_is_a_clear_error():
    with pytest.raises(OcrError, match=r"language data missing \(zzz\.traineddata\).*tesseract-ocr-kaz"):
        ocr_pdf_pages(SCAN.read_bytes(), [1], languages=("zzz",))


@pytest.mark.ocr
@needs_tesseract
def test_page_out_of_range_is_an_ocr_error():
    with pytest.raises(OcrError, match="page 3 out of range"):
        ocr_pdf_pages(SCAN.read_bytes(), [3])


@pytest.mark.ocr
@needs_tesseract
def test_garbage_pdf_is_an_ocr_error():
    with pytest.raises(OcrError, match="cannot render PDF"):
        ocr_pdf_pages(b"%PDF-1.7\n garbage", [1])


@pytest.mark.ocr
@pytest.mark.slow
@needs_tesseract
def test_ocr_pdf_pages_reads_the_scan(reference):
    pages = ocr_pdf_pages(SCAN.read_bytes(), [1])
    assert list(pages) == [1]
    paragraphs = pages[1]
    assert len(paragraphs) >= 4, paragraphs
    assert all(p == p.strip() and p for p in paragraphs)
    text = "\n".join(paragraphs)
    # Kazakh letters survive and reading order follows the page
    assert all(ch in text for ch in "әғқңөұүі")
    assert text.index("мен класын") < text.index("Сонымен қатар") < text.index("Құрметті Нұржан")
    assert cer(reference, clean(text)) < MAX_CER


@pytest.mark.ocr
@pytest.mark.slow
@needs_tesseract
def test_read_scanned_pdf_uses_ocr(reference):
    doc = ingest.read(SCAN)
    assert doc.format == "pdf"
    assert doc.ocr is True
    assert doc.page_count == 1
    assert doc.language == "kk"
    score = cer(reference, clean(doc.text.replace("\n\n", "\n")))
    assert score < MAX_CER, f"CER {score:.3f}"
    assert all(p.page == 1 for p in doc.paragraphs)
    # the registration stamp printed on the scan is metadata, not body text
    assert not re.search(r"\d\d\.\d\d\.\d{4}\s*ЭҚАБЖ", doc.text)
    assert [s["system"] for s in doc.metadata.get("stamps", [])] == ["ЭҚАБЖ МО"]
    assert doc.warnings == ["page 1 had no text layer and was OCRed"]


def test_scanned_pdf_without_tesseract_names_the_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on PATH
    with pytest.raises(ingest.IngestError) as info:
        ingest.read(SCAN)
    message = str(info.value)
    assert message.startswith(f"{SCAN}: scanned PDF without a text layer")
    assert "tesseract not found" in message and "\n" not in message
