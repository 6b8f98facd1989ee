"""The PDF reader on the real sample PDFs (samples/pdf), compared with their pdftotext renderings."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

import ingest
from ingest.lookalike import normalise_lookalikes
from ingest.pdf import read_pdf, useful_title
from ingest.stamps import stamp_pattern
from tests.conftest import DATA, PDFTOTEXT, SAMPLES

PDF_DIR = SAMPLES / "pdf"
BAD = DATA / "bad"
WORD = re.compile(r"[^\W_]+")
KAZAKH_ONLY = set("әіңғүұқөһӘІҢҒҮҰҚӨҺ")

# file → (pages, stamp text or None)
EXPECTED = {
    "8920": (2, "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"),
    "8922": (2, "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"),
    "8924": (2, None),
    "8925": (2, "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"),
    "8927": (3, "22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"),
    "8929": (3, "23.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"),
    "8930": (4, "23.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)"),
    "8931": (3, "23.05.2025 ЕСЭДО ГО (версия 7.23.0)"),
}
NAMES = sorted(EXPECTED)


@pytest.fixture(scope="module")
def docs() -> dict[str, ingest.Document]:
    return {name: ingest.read(PDF_DIR / f"{name}.pdf") for name in NAMES}


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def rendering_pages(name: str) -> list[list[str]]:
    """pdftotext's rendering of the PDF, page by page, as lists of non-blank lines.

    (The stored renderings in tests/data/pdftotext have page numbers and page breaks taken out,
    so page-level checks run pdftotext itself; poppler-utils is installed in CI.)
    """
    out = subprocess.run(["pdftotext", str(PDF_DIR / f"{name}.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in out.split("\f")]


def stored_rendering_lines(name: str) -> list[str]:
    return [ln.strip() for ln in (PDFTOTEXT / f"{name}.txt").read_text(encoding="utf-8").splitlines()
            if ln.strip()]


def is_furniture(line: str) -> bool:
    return bool(stamp_pattern().fullmatch(line) or re.fullmatch(r"\d{1,3}", line))


def test_every_sample_is_covered():
    assert sorted(p.stem for p in PDF_DIR.glob("*.pdf")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_page_count(docs, name):
    doc = docs[name]
    assert doc.page_count == EXPECTED[name][0]
    assert [p.number for p in doc.pages] == list(range(1, doc.page_count + 1))
    assert doc.format == "pdf" and not doc.ocr


@pytest.mark.parametrize("name", NAMES)
def test_stamps_out_of_body_and_in_metadata(docs, name):
    doc = docs[name]
    stamp = EXPECTED[name][1]
    assert not stamp_pattern().search(doc.text)
    assert "ЭҚАБЖ" not in doc.text and "ЕСЭДО" not in doc.text
    if stamp is None:
        assert "stamps" not in doc.metadata
    else:
        assert [s["text"] for s in doc.metadata["stamps"]] == [stamp]
        assert doc.metadata["stamps"][0]["version"] == "7.23.0"


@needs_pdftotext
@pytest.mark.parametrize("name", NAMES)
def test_no_page_number_or_running_lines_in_body(docs, name):
    doc = docs[name]
    for para in doc.paragraphs:
        body = doc.text[para.start:para.end]
        assert not re.fullmatch(r"[\s\-–—]*\d{1,3}[\s\-–—]*", body), body
    # every page number printed in the rendering (a bare number line) was removed, none left over
    removed = {(r["page"], r["text"]) for r in doc.metadata.get("removed_lines", [])}
    printed = {(i + 1, ln) for i, page in enumerate(rendering_pages(name)) for ln in page
               if re.fullmatch(r"\d{1,3}", ln) and int(ln) >= 2}
    assert {t for _, t in printed} == {t for _, t in removed}


@pytest.mark.parametrize("name", NAMES)
def test_text_close_to_pdftotext(docs, name):
    ours = Counter(w.lower() for w in WORD.findall(normalise_lookalikes(docs[name].text)))
    ref_lines = [ln for ln in stored_rendering_lines(name) if not is_furniture(ln)]
    ref = Counter(w.lower() for ln in ref_lines
                  for w in WORD.findall(normalise_lookalikes(ln)))
    common = sum(min(c, ours[w]) for w, c in ref.items())
    assert common / sum(ref.values()) >= 0.97
    extra = sum(max(0, c - ref[w]) for w, c in ours.items())
    assert extra / sum(ours.values()) <= 0.03


@pytest.mark.parametrize("name", NAMES)
def test_letters_intact(docs, name):
    text = docs[name].text
    rendering = (PDFTOTEXT / f"{name}.txt").read_text(encoding="utf-8")
    assert KAZAKH_ONLY & set(text) == KAZAKH_ONLY & set(rendering)
    assert "(cid:" not in text and "\ufffd" not in text
    assert not re.search(r"[\ue000-\uf8ff]", text)  # icon glyphs of private-use fonts dropped
    assert not re.search(r"[ÐÑÃÂ][\x80-\xbf]", text)  # no UTF-8 read as Latin-1


def test_kazakh_documents_have_kazakh_letters(docs):
    for name in ("8920", "8922", "8925", "8927", "8929", "8930"):
        assert set("әіңғүұқө") <= set(docs[name].text), name


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_plausible(docs, name):
    doc = docs[name]
    n = len(doc.paragraphs)
    lines = len(stored_rendering_lines(name))
    assert 8 <= n < lines, (n, lines)
    lengths = sorted(p.end - p.start for p in doc.paragraphs)
    assert lengths[len(lengths) // 2] >= 15  # the median paragraph is more than a name
    assert max(lengths) >= 300  # body paragraphs were joined from many lines


@needs_pdftotext
@pytest.mark.parametrize("name", NAMES)
def test_no_paragraph_breaks_mid_sentence_at_page_end(docs, name):
    """Where the rendering's page ends mid-sentence and the next page continues, one paragraph holds both."""
    doc = docs[name]
    pages = [[ln for ln in page if not is_furniture(ln)] for page in rendering_pages(name)]
    checked = 0
    for before, after in pairwise(pages):
        if not before or not after:
            continue
        last, first = before[-1], after[0]
        if re.search(r"[.!?:;,]$", last) or not first[:1].islower():
            continue
        tail = " ".join(last.split()[-3:])
        head = " ".join(first.split()[:3])
        end = doc.text.find(tail)
        start = doc.text.find(head, end)
        assert end >= 0 and start >= 0, (tail, head)
        para = doc.paragraph_at(end)
        assert para is not None and para.start <= start < para.end, (tail, head)
        assert doc.page_at(end) + 1 == doc.page_at(start)
        checked += 1
    for para, nxt in zip(doc.paragraphs, doc.paragraphs[1:]):
        if para.page != nxt.page and doc.page_at(para.end - 1) != doc.page_at(nxt.start):
            body = doc.text[para.start:para.end]
            nxt_text = doc.text[nxt.start:nxt.end]
            assert re.search(r"[.!?:;»\")]$", body) or not nxt_text[:1].islower(), (body[-60:], nxt_text[:60])


def test_paragraph_continues_over_page_break(docs):
    doc = docs["8930"]
    para = doc.paragraph_at(doc.text.index("36-тармағына сәйкес, Қазақстан"))
    text = doc.text[para.start:para.end]
    assert "Қазақстан аумағында тіркелген" in text
    assert para.page == 1 and doc.page_at(para.end - 1) == 2


@pytest.mark.parametrize("name, expected, absent", [
    ("8922", "өткізген болатын. Іс-шараға қатысқандардың", "Іс- шараға"),    # real compound kept
    ("8931", "предпринимателей и бизнес-ассоциаций строительной", "бизнес- ассоциаций"),
    ("8925", "олардың 90%-ына көпфакторлы", "90%- ына"),
    ("8922", "Жалпыұлттық социал - демокартиялық", "социал -демокартиялық"),  # a dash stays a dash
    ("8922", "Саяқ – Балқаш", "Саяқ –Балқаш"),
    ("8927", "әлеуметтік-экономикалық жағдайын", None),
    ("8927", "бұрын-соңды болмаған", None),
])
def test_line_end_hyphens(docs, name, expected, absent):
    text = docs[name].text
    assert expected in text
    if absent:
        assert absent not in text


def test_pdf_metadata_kept(docs):
    meta = docs["8927"].metadata["pdf"]
    assert meta["producer"].startswith("Microsoft")
    assert re.match(r"2025-05-22T\d\d:\d\d:\d\d\+05:00$", meta["created"])
    path = PDF_DIR / "8927.pdf"
    assert read_pdf(path, path.read_bytes()).title is None  # the PDF carries no title of its own


@pytest.mark.parametrize("title, expected", [
    ("Microsoft Word - 8927_сауал.docx", None),
    ("сауал.docx", None),
    ("Untitled", None),
    ("", None),
    (None, None),
    ("Депутатский запрос о госзакупках", "Депутатский запрос о госзакупках"),
])
def test_useful_title(title, expected):
    assert useful_title(title) == expected


@pytest.mark.parametrize("fixture, reason", [
    ("truncated.pdf", "corrupt or truncated PDF"),
    ("corrupt.pdf", "corrupt or truncated PDF"),
    ("encrypted.pdf", "encrypted PDF (password required)"),
    ("no_pages.pdf", "PDF has no pages"),
])
def test_bad_pdfs_raise_ingest_error(fixture, reason):
    path = BAD / fixture
    with pytest.raises(ingest.IngestError) as err:
        ingest.read(path)
    assert err.value.path == str(path)
    assert reason in err.value.reason
    assert str(err.value).startswith(f"{path}: ") and "\n" not in str(err.value)


def _blank_page_pdf() -> bytes:
    """A valid one-page PDF whose page has no text layer at all."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length 0 >>\nstream\n\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_page_without_text_layer_goes_to_ocr(monkeypatch):
    import ingest.ocr

    calls = []

    def fake_ocr(data: bytes, page_numbers: list[int]) -> dict[int, list[str]]:
        calls.append(page_numbers)
        return {n: ["Танылған мәтін бірінші абзац.", "Екінші абзац."] for n in page_numbers}

    monkeypatch.setattr(ingest.ocr, "ocr_pdf_pages", fake_ocr)
    extracted = read_pdf(Path("blank.pdf"), _blank_page_pdf())
    assert calls == [[1]]
    assert extracted.ocr is True and extracted.page_count == 1
    assert [b.pieces for b in extracted.blocks] == [[(1, "Танылған мәтін бірінші абзац.")], [(1, "Екінші абзац.")]]
    assert any("OCR" in w for w in extracted.warnings)


@pytest.mark.parametrize("name", ["8927", "8931"])
def test_fast_tokeniser_gives_pdfminers_glyphs(monkeypatch, name):
    """The fast content-stream path yields exactly the glyphs of pdfminer's own parser."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    from ingest import pdf

    path = PDF_DIR / f"{name}.pdf"
    fast, _ = pdf.read_pages(path, path.read_bytes())
    monkeypatch.setattr(pdf, "_TextInterpreter", PDFPageInterpreter)
    plain, _ = pdf.read_pages(path, path.read_bytes())
    assert [p.glyphs for p in fast] == [p.glyphs for p in plain]
    assert sum(len(p.glyphs) for p in fast) > 1000
