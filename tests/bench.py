"""`python -m tests.bench` (`make bench`): speed on the sample corpus, one function per section.

Each section prints its own table; `main()` runs them all. Add new sections (figures, NER) as
functions and list them in SECTIONS.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
ROUNDS = 3


def best_time(run: Callable[[], object], rounds: int = ROUNDS) -> float:
    """The fastest of `rounds` runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def report(title: str, rows: list[tuple[str, float, int]], baseline: str) -> None:
    """Print rows of (name, seconds, pages) as pages/s and as a multiple of the baseline's time."""
    base = next(sec for name, sec, _ in rows if name == baseline)
    print(f"\n## {title}")
    print(f"{'method':<44} {'seconds':>8} {'pages/s':>9} {'× ' + baseline:>18}")
    for name, sec, pages in rows:
        print(f"{name:<44} {sec:8.3f} {pages / sec:9.1f} {sec / base:17.1f}×")


def pdf_parse(pdfs: list[Path] = SAMPLE_PDFS) -> dict[str, float]:
    """PDF parsing: ingest.read() against `pdftotext -layout` and plain pdfplumber extract_text()."""
    import pdfplumber

    import ingest
    from ingest.lexicon import lexicon
    from ingest.pdf import read_pages, read_pdf

    lexicon()  # loaded once per process; not part of per-document cost
    pages = 0
    for p in pdfs:
        with pdfplumber.open(p) as pdf:
            pages += len(pdf.pages)
    rows: list[tuple[str, float, int]] = []
    if shutil.which("pdftotext"):
        rows.append(("pdftotext -layout (subprocess per file)", best_time(
            lambda: [subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, check=True)
                     for p in pdfs]), pages))

    def plumber() -> None:
        for p in pdfs:
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_text()

    rows.append(("pdfplumber page.extract_text()", best_time(plumber), pages))
    rows.append(("ingest.pdf.read_pages (glyphs only)", best_time(
        lambda: [read_pages(p, p.read_bytes()) for p in pdfs]), pages))
    rows.append(("ingest.pdf.read_pdf (glyphs + layout)", best_time(
        lambda: [read_pdf(p, p.read_bytes()) for p in pdfs]), pages))
    rows.append(("ingest.read() (+ language, kind, date)", best_time(
        lambda: [ingest.read(p) for p in pdfs]), pages))
    report(f"PDF parsing: {len(pdfs)} files, {pages} pages", rows,
           baseline="pdftotext -layout (subprocess per file)" if rows[0][0].startswith("pdftotext")
           else rows[0][0])
    return {name: pages / sec for name, sec, _ in rows}


SECTIONS: list[Callable[[], object]] = [pdf_parse]


def main(argv: list[str] | None = None) -> int:
    """Run every section (or those named on the command line)."""
    names = set(argv if argv is not None else sys.argv[1:])
    for section in SECTIONS:
        if not names or section.__name__ in names:
            section()
    return 0


if __name__ == "__main__":
    sys.exit(main())
