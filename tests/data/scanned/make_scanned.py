"""Make the scanned-PDF fixture: rasterise a real page of a sample PDF into an image-only PDF.

Usage (from the repo root):  .venv/bin/python tests/data/scanned/make_scanned.py
Writes tests/data/scanned/8925_p2_scan.pdf: page 2 of samples/pdf/8925.pdf rendered by pypdfium2
at 250 dpi in 8-bit grayscale and saved by Pillow as a one-page PDF holding only a JPEG image
(quality 50, no text layer), the way an office scanner would deliver it (about 460 KB).
Page 2 because it holds no images: page 1's letterhead is a picture whose words are not in the
text layer, so OCR would be charged for reading them; page 2 still has a rotated e-document
stamp, a page number and a signature block, so the reference must be cleaned fairly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "samples" / "pdf" / "8925.pdf"
PAGE = 2
DPI = 250
QUALITY = 50  # JPEG quality: keeps the fixture small, and adds the artefacts real scans have
OUT = Path(__file__).resolve().parent / "8925_p2_scan.pdf"


def make(source: Path = SOURCE, page: int = PAGE, dpi: int = DPI, out: Path = OUT, quality: int = QUALITY) -> Path:
    """Render `page` (1-based) of `source` at `dpi` in grayscale and save it as an image-only PDF."""
    pdf = pdfium.PdfDocument(str(source))
    try:
        image = pdf[page - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    # no /Title: Pillow would write the file name, which a reader might take for a document title
    image.save(out, "PDF", resolution=float(dpi), quality=quality, title=None,
               creator="saual tests/data/scanned/make_scanned.py")
    return out


if __name__ == "__main__":
    path = make()
    print(f"{path}: {path.stat().st_size} bytes", file=sys.stderr)
