"""OCR of scanned PDF pages: render with pypdfium2, recognise with the `tesseract` binary (kaz+rus).

`ocr_pdf_pages(data, pages)` knows nothing of the file's path, so it raises `OcrError(reason)`;
the PDF reader turns that into `IngestError(path, reason)`. Paragraphs are rebuilt from
tesseract's TSV output (block and paragraph numbers, then line geometry). Offline: no network.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError
from .limits import current_limits, setting_name
from .lookalike import normalise_lookalikes
from .script import LOWER
from .text import join_wrapped

LANGUAGES = ("kaz", "rus")
# Used as well when installed (Debian's tesseract-ocr pulls it in): Latin names, e-mails and
# acronyms (EPS, e-license, AMANAT) in the documents are read far better with it.
EXTRA_LANGUAGES = ("eng",)
DPI = 300
INSTALL_HINT = "install tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus"


class OcrError(IngestError):
    """OCR could not run or failed; `reason` is one line, without the file's path (the caller adds it)."""

    def __init__(self, reason: str):
        super().__init__("", reason)


@dataclass
class OcrLine:
    """One recognised line: its words and its box in pixels."""

    words: list[str]
    left: int
    top: int
    right: int
    bottom: int

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def height(self) -> int:
        return self.bottom - self.top


@dataclass
class OcrParagraph:
    """Lines tesseract put in one paragraph (same block and paragraph number)."""

    lines: list[OcrLine] = field(default_factory=list)


def tesseract_problem(languages: tuple[str, ...] = LANGUAGES) -> str | None:
    """Why OCR cannot run here (binary or traineddata missing), or None when it can."""
    binary = shutil.which("tesseract")
    if binary is None:
        return f"tesseract not found: {INSTALL_HINT}"
    installed = _installed_languages(binary)
    if installed is None:
        return f"tesseract at {binary} does not run: {INSTALL_HINT}"
    missing = [lang for lang in languages if lang not in installed]
    if missing:
        return (f"tesseract language data missing ({', '.join(missing)}.traineddata): {INSTALL_HINT}")
    return None


@functools.lru_cache(maxsize=4)
def _installed_languages(binary: str) -> frozenset[str] | None:
    try:
        run = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=60, check=False,
                             env=_tesseract_env())
    except (OSError, subprocess.TimeoutExpired):
        return None
    if run.returncode != 0:
        return None
    lines = (run.stdout + run.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def ocr_pdf_pages(data: bytes, page_numbers: list[int], *, dpi: int = DPI,
                  languages: tuple[str, ...] = LANGUAGES) -> dict[int, list[str]]:
    """OCR the given 1-based pages of a PDF: page number -> paragraph texts in reading order.

    Raises OcrError when tesseract or its kaz/rus data is missing, the PDF cannot be rendered or
    tesseract fails.
    """
    problem = tesseract_problem(languages)
    if problem:
        raise OcrError(problem)
    installed = _installed_languages(shutil.which("tesseract") or "tesseract") or frozenset()
    languages = (*languages, *(x for x in EXTRA_LANGUAGES if x in installed and x not in languages))
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 — pdfium's PdfiumError and friends, terse messages
        raise OcrError(f"cannot render PDF for OCR ({exc})") from None
    result: dict[int, list[str]] = {}
    try:
        count = len(pdf)
        with tempfile.TemporaryDirectory(prefix="saual-ocr-") as tmp:
            for number in page_numbers:
                if not 1 <= number <= count:
                    raise OcrError(f"page {number} out of range (the PDF has {count} pages)")
                image_path = Path(tmp) / f"page-{number}.png"
                try:
                    bitmap = pdf[number - 1].render(scale=dpi / 72, grayscale=True)
                    bitmap.to_pil().save(image_path, dpi=(dpi, dpi))
                except OcrError:
                    raise
                except Exception as exc:  # noqa: BLE001 — any rendering failure is one OCR error
                    raise OcrError(f"cannot render page {number} for OCR ({exc})") from None
                tsv = _run_tesseract(image_path, languages, dpi)
                result[number] = paragraphs_from_tsv(tsv)
    finally:
        pdf.close()
    return result


def _tesseract_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")  # one page at a time; don't fight other work for cores
    return env


def _run_tesseract(image: Path, languages: tuple[str, ...], dpi: int) -> str:
    cmd = ["tesseract", str(image), "stdout", "-l", "+".join(languages), "--dpi", str(dpi),
           "--psm", "3", "tsv"]
    timeout = current_limits().ocr_page_s
    try:
        run = subprocess.run(cmd, capture_output=True, timeout=timeout, env=_tesseract_env(), check=False)
    except FileNotFoundError:
        raise OcrError(f"tesseract not found: {INSTALL_HINT}") from None
    except subprocess.TimeoutExpired:
        raise OcrError(f"tesseract took longer than {timeout:g} s on one page "
                       f"({setting_name('ocr_page_s')})") from None
    if run.returncode != 0:
        message = run.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"tesseract failed: {message[-1] if message else f'exit code {run.returncode}'}")
    return run.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str) -> list[OcrParagraph]:
    """Tesseract TSV rows (level 5 = word) grouped into paragraphs of lines, in output order."""
    paragraphs: dict[tuple[int, int, int], OcrParagraph] = {}
    lines: dict[tuple[int, int, int, int], OcrLine] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        try:
            if int(row["level"]) != 5:
                continue
            text = (row.get("text") or "").strip()
            if not text or float(row["conf"]) < 0:
                continue
            page, block, par, line = (int(row[k]) for k in ("page_num", "block_num", "par_num", "line_num"))
            left, top = int(row["left"]), int(row["top"])
            right, bottom = left + int(row["width"]), top + int(row["height"])
        except (KeyError, TypeError, ValueError):
            continue
        par_key = (page, block, par)
        paragraph = paragraphs.setdefault(par_key, OcrParagraph())
        key = (*par_key, line)
        current = lines.get(key)
        if current is None:
            current = lines[key] = OcrLine([text], left, top, right, bottom)
            paragraph.lines.append(current)
        else:
            current.words.append(text)
            current.left, current.top = min(current.left, left), min(current.top, top)
            current.right, current.bottom = max(current.right, right), max(current.bottom, bottom)
    return [p for p in paragraphs.values() if p.lines]


_SENTENCE_END = re.compile(r"[.!?:;…»\"]$")


def paragraphs_from_tsv(tsv: str) -> list[str]:
    """Paragraph texts from tesseract TSV: tesseract's paragraphs, split again at indented lines
    that follow a sentence end (first-line indents tesseract merged), lines joined with spaces."""
    texts: list[str] = []
    for paragraph in parse_tsv(tsv):
        groups = _split_indented(paragraph.lines)
        for group in groups:
            text = normalise_lookalikes(fix_confusions(join_lines([line.text for line in group])))
            if text:
                texts.append(text)
    return texts


def _split_indented(lines: list[OcrLine]) -> list[list[OcrLine]]:
    if len(lines) < 3:
        return [lines]
    heights = sorted(line.height for line in lines)
    indent = max(heights[len(heights) // 2], 1)  # about one character height
    base = sorted(line.left for line in lines)[len(lines) // 2]
    groups: list[list[OcrLine]] = [[lines[0]]]
    for prev, line in itertools.pairwise(lines):
        if line.left - base >= indent and _SENTENCE_END.search(prev.text):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with a space; a line-end hyphen is dropped only when the halves make a
    known word (`мемле-` + `кеттік`), else kept without a space (`іс-` + `шаралар`)."""
    out = ""
    for line in lines:
        if line.strip():
            out = join_wrapped(out, line.strip())
    return out


_DIGIT_ONE_IN_WORD = re.compile(rf"(?<=[{LOWER}])1(?=[{LOWER}])")
_DOUBLE_HYPHEN_DASH = re.compile(r"(?<=\s)--(?=\s)")


def fix_confusions(text: str) -> str:
    """Undo two usual tesseract confusions: `--` standing for a dash -> `—`, and the digit 1 between
    lowercase Cyrillic letters (`б1р`) -> `і`. A leading 1 (`1с`) stays: it may be `1млн`."""
    text = _DOUBLE_HYPHEN_DASH.sub("—", text)
    return _DIGIT_ONE_IN_WORD.sub("і", text)
