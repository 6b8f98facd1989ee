"""Per-file limits (settings) and the reading worker: zip bombs, out of memory, a reader that takes too
long, too many pages or too much text, non-regular files, and what a folder walk leaves out and why.

The slow cases run the real `saual ingest` with a good file in the same run, as tests/test_hostile.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
from pathlib import Path

import pytest

import ingest
from ingest.html import shrink_blobs
from ingest.ocr import tesseract_problem
from tests import hostile_files as h
from tests.test_hostile import SEED, error_lines, ingest_run

SCAN = Path(__file__).parent / "data" / "scanned" / "8925_p2_scan.pdf"


def _hostile_then_good(tmp_path: Path, filename: str, data: bytes, **env: str):
    """One CLI run: the hostile file first, then a good one (so a killed worker must come back)."""
    bad = h.write(tmp_path / "in" / filename, data)
    good = tmp_path / "in" / SEED.name
    shutil.copyfile(SEED, good)
    run = ingest_run(f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "in", [str(bad), str(good)], **env)
    assert run.code == 1, run.stderr
    assert list(run.stored) == [str(good)], run.stderr
    assert "1 added, 0 unchanged, 1 failed" in run.stdout
    lines = error_lines(run, bad)
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    return run, lines[0][len(f"{bad}: "):]


@pytest.mark.slow
def test_docx_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    bomb = h.docx_bomb(1200)
    assert len(bomb) < 8 << 20  # a few MB on disk
    run, reason = _hostile_then_good(tmp_path, "bomb.docx", bomb)
    assert reason == ("DOCX declares 1200.0 MB (the limit is 300 MB, SAUAL_MAX_UNPACKED_MB; "
                      "a zip bomb or an oversized document)")
    assert run.seconds < 90


@pytest.mark.slow
def test_zip_bomb_with_lying_headers_is_stopped_while_inflating(tmp_path: Path) -> None:
    run, reason = _hostile_then_good(tmp_path, "liar.docx", h.lying_docx_bomb(400))
    assert re.fullmatch(r"corrupt DOCX \(damaged member word/document\.xml: .*\)|DOCX unpacks to more than .*",
                        reason), reason
    assert run.seconds < 90


@pytest.mark.slow
def test_out_of_memory_kills_only_that_file(tmp_path: Path) -> None:
    """With the unpacked limit lifted, the worker's memory cap is what stops a bomb; the next file reads."""
    run, reason = _hostile_then_good(tmp_path, "bomb.docx", h.docx_bomb(1000), SAUAL_MAX_UNPACKED_MB="5000",
                                     SAUAL_READ_MEMORY_MB="700")
    assert re.fullmatch(r"out of memory: reading needs more than 700 MB \(SAUAL_READ_MEMORY_MB\)"
                        r"|the reader crashed \(SIG\w+\); perhaps over the memory limit of 700 MB "
                        r"\(SAUAL_READ_MEMORY_MB\)", reason), reason
    assert run.seconds < 120


@pytest.mark.slow
def test_a_reader_over_the_time_limit_is_stopped(tmp_path: Path) -> None:
    run, reason = _hostile_then_good(tmp_path, "long.txt", h.big_text(12), SAUAL_MAX_TEXT_CHARS="100000000",
                                     SAUAL_READ_TIMEOUT="6")
    assert reason == "reading took longer than 6 s (SAUAL_READ_TIMEOUT); stopped"
    assert run.seconds < 90


@pytest.mark.slow
def test_50_mb_text_is_refused_by_the_text_limit(tmp_path: Path) -> None:
    run, reason = _hostile_then_good(tmp_path, "huge.txt", h.big_text(50))
    assert re.fullmatch(r"too much text \([\d,]+ bytes of text; the limit is 3,000,000 characters, "
                        r"SAUAL_MAX_TEXT_CHARS\)", reason), reason
    assert run.seconds < 90


# ------------------------------------------------------------------ library level, one setting at a time
def three_page_pdf() -> bytes:
    """Three pages, each with its own sentence (repeated lines would be taken for running headers)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>"]
    for number, words in enumerate(("120 schools were built", "35 schools lack places", "12 new roads"), 1):
        page = len(objects) + 1
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 9 0 R >> >> >>" % (page + 1))
        content = b"BT /F1 12 Tf 72 720 Td (Page %d of the report: %s in 2024.) Tj ET" % (number, words.encode())
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return h.pdf_bytes(objects)


def many_page_pdf(pages: int) -> bytes:
    """`pages` pages sharing one font, each with its own sentence."""
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    font = 3 + 2 * pages
    for number in range(1, pages + 1):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects) + 2, font))
        name = "".join(chr(97 + (number // 26 ** k) % 26) for k in range(3))  # a different word a page
        content = (b"BT /F1 12 Tf 72 %d Td (In the %s district %d schools were built, %s said.) Tj ET"
                   % (700 - number % 300, name.encode(), number * 7, name.title().encode()))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return h.pdf_bytes(objects)


def test_a_500_page_pdf_reads_within_the_limits(tmp_path: Path) -> None:
    doc = ingest.read(h.write(tmp_path / "long.pdf", many_page_pdf(500)))
    assert doc.page_count == 500 and len(doc.pages) == 500
    assert "In the gta district 3500 schools were built, Gta said." in doc.text


LIMITED = [  # id, setting, value, file name, content, the reason
    ("pages", "SAUAL_MAX_PAGES", "2", "three.pdf", three_page_pdf, r"more than 2 pages \(SAUAL_MAX_PAGES\)"),
    ("file-size", "SAUAL_MAX_FILE_MB", "0.001", "a.txt", lambda: h.encoded_text("utf-8") * 10,
     r"file too large \(0\.0 MB; the limit is 0\.001 MB, SAUAL_MAX_FILE_MB\)"),
    ("text", "SAUAL_MAX_TEXT_CHARS", "100", "a.docx", lambda: h.docx_bytes([h.PARAGRAPH, h.RUSSIAN]),
     r"too much text \([\d,]+ characters of text; the limit is 100 characters, SAUAL_MAX_TEXT_CHARS\)"),
    ("unpacked", "SAUAL_MAX_UNPACKED_MB", "0.001", "a.docx", lambda: h.docx_bytes([h.PARAGRAPH]),
     r"DOCX declares 0\.0 MB \(the limit is 0\.001 MB, SAUAL_MAX_UNPACKED_MB; .*\)"),
]


@pytest.mark.parametrize("isolation", ["process", "off"])
@pytest.mark.parametrize("setting, value, filename, make, reason", [c[1:] for c in LIMITED],
                         ids=[c[0] for c in LIMITED])
def test_limit_settings(monkeypatch, tmp_path: Path, isolation: str, setting: str, value: str, filename: str,
                        make, reason: str) -> None:
    path = h.write(tmp_path / filename, make())
    assert ingest.read(path).text  # within the default limits it reads
    monkeypatch.setenv("SAUAL_READ_ISOLATION", isolation)
    monkeypatch.setenv(setting, value)
    with pytest.raises(ingest.IngestError) as info:
        ingest.read(path)
    assert info.value.path == str(path)
    assert re.fullmatch(reason, info.value.reason), info.value.reason


@pytest.mark.parametrize("setting, value", [("SAUAL_MAX_PAGES", "many"), ("SAUAL_READ_TIMEOUT", "-1"),
                                            ("SAUAL_READ_ISOLATION", "thread")])
def test_a_malformed_setting_names_itself(monkeypatch, setting: str, value: str) -> None:
    monkeypatch.setenv(setting, value)
    with pytest.raises(ingest.IngestError, match=f"^{setting} must be"):
        ingest.current_limits()


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    cases = {tmp_path: "a directory", tmp_path / "pipe.pdf": "a FIFO", Path("/dev/zero"): "a character device"}
    for path, kind in cases.items():
        with pytest.raises(ingest.IngestError) as info:
            ingest.read(path)
        assert str(info.value) == f"{path}: not a regular file ({kind})"


def test_the_worker_reads_exactly_what_this_process_reads(monkeypatch, samples_dir: Path) -> None:
    files = ingest.expand_paths([samples_dir])
    isolated = [ingest.read(p) for p in files]
    monkeypatch.setenv("SAUAL_READ_ISOLATION", "off")
    assert isolated == [ingest.read(p) for p in files]


@pytest.mark.slow
def test_the_worker_comes_back_after_a_timeout(monkeypatch, tmp_path: Path) -> None:
    long = h.write(tmp_path / "long.txt", h.big_text(8))
    short = h.write(tmp_path / "short.txt", h.encoded_text("utf-8"))
    ingest.read(short)  # the worker is up and warm
    monkeypatch.setenv("SAUAL_MAX_TEXT_CHARS", "100000000")
    monkeypatch.setenv("SAUAL_READ_TIMEOUT", "1")
    with pytest.raises(ingest.IngestError, match=r"reading took longer than 1 s \(SAUAL_READ_TIMEOUT\); stopped"):
        ingest.read(long)
    monkeypatch.setenv("SAUAL_READ_TIMEOUT", "60")
    assert h.PARAGRAPH in ingest.read(short).text


def test_a_worker_that_died_between_files_is_started_again(tmp_path: Path) -> None:
    from ingest.isolation import worker_pid

    path = h.write(tmp_path / "a.txt", h.encoded_text("utf-8"))
    first = ingest.read(path)
    pid = worker_pid()
    assert pid is not None and pid != os.getpid()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)
    assert ingest.read(path) == first
    assert worker_pid() not in (None, pid)


@pytest.mark.ocr
@pytest.mark.skipif(tesseract_problem() is not None, reason=f"OCR unavailable: {tesseract_problem()}")
def test_ocr_page_time_limit(monkeypatch) -> None:
    monkeypatch.setenv("SAUAL_OCR_PAGE_TIMEOUT", "0.05")
    with pytest.raises(ingest.IngestError) as info:
        ingest.read(SCAN)
    assert info.value.reason == ("scanned PDF without a text layer; OCR of page 1 failed: tesseract took longer "
                                 "than 0.05 s on one page (SAUAL_OCR_PAGE_TIMEOUT)")


SHRINK = [  # HTML in, HTML out
    (b"<img src='data:image/png;base64,QUJD'>", b"<img src='data:image/png;base64,QUJD'>"),
    (b"<img src='data:image/png;base64," + b"Q" * 5000 + b"'>", b"<img src='data:,'>"),
    (b"<div style=\"background:url(data:image/svg+xml;utf8," + b"x" * 5000 + b")\">",
     b"<div style=\"background:url(data:,)\">"),
    (b"<script>" + b"var a=1;" * 200_000 + b"</script><p>kept</p>", b"<script></script><p>kept</p>"),
    (b"<script type='application/ld+json'>{\"datePublished\": \"2025-01-02\"}</script>",
     b"<script type='application/ld+json'>{\"datePublished\": \"2025-01-02\"}</script>"),
]


@pytest.mark.parametrize("html, expected", SHRINK, ids=["small-data-uri", "big-data-uri", "css-data-uri",
                                                         "huge-script", "json-ld"])
def test_shrink_blobs(html: bytes, expected: bytes) -> None:
    assert shrink_blobs(html) == expected


def test_walk_says_what_it_leaves_out_and_why(monkeypatch, tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    for name in ("a.txt", "notes.xyz", ".hidden.txt", ".git/config.txt", "README.md", "sub/b.docx", "big.txt"):
        h.write(root / name, h.encoded_text("utf-8") * (40 if name == "big.txt" else 1))
    os.mkfifo(root / "pipe.txt")
    monkeypatch.setenv("SAUAL_MAX_FILE_MB", "0.005")
    walked = ingest.walk([root])
    assert [p.relative_to(root).as_posix() for p in walked.files] == ["a.txt", "sub/b.docx"]
    assert [(p.relative_to(root).as_posix(), why) for p, why in walked.skipped] == [
        (".git", "hidden folder"),
        (".hidden.txt", "hidden"),
        ("README.md", "a note about the folder, not a document"),
        ("big.txt", "file too large (0.0 MB; the limit is 0.005 MB, SAUAL_MAX_FILE_MB)"),
        ("notes.xyz", "unknown type '.xyz'"),
        ("pipe.txt", "not a regular file (a FIFO)"),
    ]


def test_ingest_prints_a_skipped_line_for_each(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    h.write(root / "a.txt", h.encoded_text("utf-8"))
    h.write(root / "scan.tiff", b"II*\0")
    h.write(root / ".cache" / "x.txt", b"x")
    run = ingest_run(f"sqlite:///{tmp_path / 'x.db'}", root, [str(root)])
    assert run.code == 0, run.stderr
    assert "1 file: 1 added, 0 unchanged, 0 failed, 2 skipped" in run.stdout
    skipped = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    assert skipped == [f"skipped   {root / '.cache'} (hidden folder)",
                       f"skipped   {root / 'scan.tiff'} (unknown type '.tiff')"]
