"""Hostile and broken files through the real `saual ingest` (a console-script subprocess), on SQLite and
PostgreSQL: each file either goes in whole or fails with one line `path: reason`, the run goes on,
and nothing of a failed file is stored. The files are generated here (tests/hostile_files.py).

One run per batch (all hostile files and one good file together, so "the other files of the same
run unaffected" is checked on every case); parametrised tests read that run's output.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import corpus
from tests import hostile_files as h

ROOT = Path(__file__).resolve().parent.parent
SAUAL = Path(sys.executable).with_name("saual")
SEED = min((ROOT / "samples" / "seeds").glob("*.txt"))


@dataclass(frozen=True)
class Run:
    """One finished `saual ingest` run: exit code, output, how long it took, and what got stored."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    stored: dict[str, str]  # path as stored -> text


def saual(*args: str, cwd: Path = ROOT, timeout: float = 900, **env: str) -> subprocess.CompletedProcess:
    """The installed console script, without a terminal (plain progress lines on stderr)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("SAUAL_")}
    full_env.update(COLUMNS="200", **env)
    return subprocess.run([str(SAUAL), *args], check=False, capture_output=True, text=True, encoding="utf-8",
                          errors="backslashreplace", env=full_env, timeout=timeout, cwd=cwd)


def stored_texts(url: str, under: Path) -> dict[str, str]:
    """Stored documents whose path lies under `under`: path -> text."""
    engine = corpus.get_engine(url)
    out = {}
    for summary in corpus.list_documents(engine):
        if summary.path.startswith(str(under)):
            out[summary.path] = corpus.get_document(engine, summary.id).text
    return out


def ingest_run(url: str, folder: Path, args: list[str], cwd: Path = ROOT, **env: str) -> Run:
    started = time.monotonic()
    done = saual("ingest", "--db", url, *args, cwd=cwd, **env)
    return Run(done.returncode, done.stdout, done.stderr, time.monotonic() - started, stored_texts(url, folder))


def error_lines(run: Run, path: Path | str) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.startswith(f"{path}: ")]


# ------------------------------------------------------------------ files that must fail, one line each
def _fifo(path: Path) -> None:
    os.mkfifo(path)


HOSTILE = [  # id, file name, how to make it, the reason (regex)
    ("looping-references-pdf", "loop.pdf", lambda p: h.write(p, h.looping_info_pdf()),
     r"corrupt or truncated PDF \(PDFSyntaxError: object references loop \(6 0 R\)\)"),
    ("deep-page-tree-pdf", "deep tree.pdf", lambda p: h.write(p, h.deep_page_tree_pdf()),
     r"PDF page tree or content nested too deeply to read \(a hostile or broken file\)"),
    ("nested-forms-pdf", "forms.pdf", lambda p: h.write(p, h.nested_forms_pdf()),
     r"PDF page tree or content nested too deeply to read \(a hostile or broken file\)"),
    ("flipped-byte-docx", "flipped.docx", lambda p: h.write(p, h.flipped_docx([h.PARAGRAPH])),
     r"corrupt DOCX \(damaged member word/document\.xml: Bad CRC-32 .*\)"),
    ("bad-deflate-docx", "deflate.docx", lambda p: h.write(p, h.flipped_docx([h.PARAGRAPH], "start")),
     r"corrupt DOCX \(damaged member word/document\.xml: Error -3 while decompressing data: .*\)"),
    ("png-named-pdf", "picture.pdf", lambda p: h.write(p, h.png_bytes()), r"not a PDF file \(no %PDF header\)"),
    ("fifo", "pipe.txt", _fifo, r"not a regular file \(a FIFO\)"),
    ("dev-zero", "/dev/zero", None, r"not a regular file \(a character device\)"),
]


@pytest.fixture(scope="module")
def hostile_run(module_db_url: str, tmp_path_factory) -> tuple[Run, dict[str, Path], Path]:
    folder = tmp_path_factory.mktemp("hostile")
    good = folder / SEED.name
    shutil.copyfile(SEED, good)
    bad: dict[str, Path] = {}
    for name, filename, make, _reason in HOSTILE:
        path = Path(filename) if make is None else folder / filename
        if make is not None:
            make(path)
        bad[name] = path
    run = ingest_run(module_db_url, folder, [str(bad[HOSTILE[0][0]]), str(good), *map(str, list(bad.values())[1:])])
    return run, bad, good


@pytest.mark.parametrize("name, reason", [(c[0], c[3]) for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_hostile_file_fails_with_one_line(hostile_run, name: str, reason: str) -> None:
    run, bad, _good = hostile_run
    lines = error_lines(run, bad[name])
    assert len(lines) == 1, run.stderr
    assert re.fullmatch(re.escape(f"{bad[name]}: ") + reason, lines[0]), lines[0]


def test_hostile_run_goes_on_and_stores_only_the_good_file(hostile_run, module_db_url: str) -> None:
    """Only the good file is stored; each failure is recorded (path, reason) as its line says."""
    url = module_db_url
    run, bad, good = hostile_run
    assert run.code == 1
    assert "Traceback" not in run.stderr and "unexpected" not in run.stderr, run.stderr
    assert f"1 added, 0 unchanged, {len(bad)} failed, 0 skipped" in run.stdout, run.stdout
    assert list(run.stored) == [str(good)]
    assert run.seconds < 120, "a hostile file held the run up"
    recorded = {f.path: f.reason for f in corpus.list_failures(corpus.get_engine(url))}
    assert all(error_lines(run, path) == [f"{path}: {recorded[str(path)]}"] for path in bad.values()), recorded


# ------------------------------------------------------------------ odd files that must go in whole
ODD = [  # id, file name, how to make its content, a passage the stored text must hold
    ("padding-after-eof-pdf", "padded.pdf", h.padded_pdf, "120 schools were built in 2024"),
    ("newline-padding-pdf", "padded2.pdf", lambda: h.padded_pdf(b"\r\n" * 3000), "120 schools were built in 2024"),
    ("html-20mb-data-image", "page.html", h.html_with_data_image, h.RUSSIAN),
    ("cp1251-text", "cp1251.txt", lambda: h.encoded_text("cp1251"), h.RUSSIAN),
    ("koi8r-text", "koi8.txt", lambda: h.encoded_text("koi8_r"), h.RUSSIAN),
    ("utf16-text", "utf16.txt", lambda: h.encoded_text("utf-16"), h.PARAGRAPH),
    ("utf16-be-no-bom", "utf16be.txt", lambda: h.encoded_text("utf-16-be"), h.PARAGRAPH),
    ("spaces-in-name", "a name with  spaces.txt", lambda: h.encoded_text("utf-8"), h.PARAGRAPH),
    ("unicode-name", "Сауал №5 — ағым «жоба».txt", lambda: (h.RUSSIAN + "\n").encode(), h.RUSSIAN),
    ("docx", "ok.docx", lambda: h.docx_bytes([h.PARAGRAPH, h.RUSSIAN]), h.RUSSIAN),
    ("html-scripts", "scripts.html", h.html_with_scripts, h.RUSSIAN),
]


@pytest.fixture(scope="module")
def odd_run(module_db_url: str, tmp_path_factory) -> tuple[Run, Path]:
    folder = tmp_path_factory.mktemp("odd")
    for _name, filename, make, _passage in ODD:
        h.write(folder / filename, make())
    return ingest_run(module_db_url, folder, [str(folder)]), folder


@pytest.mark.parametrize("filename, passage", [(c[1], c[3]) for c in ODD], ids=[c[0] for c in ODD])
def test_odd_file_goes_in_whole(odd_run, filename: str, passage: str) -> None:
    run, folder = odd_run
    text = run.stored.get(str(folder / filename))
    assert text is not None, run.stderr
    assert " ".join(passage.split()) in " ".join(text.split())


def test_scripts_never_reach_the_text(odd_run) -> None:
    run, folder = odd_run
    text = run.stored[str(folder / "scripts.html")]
    assert h.PARAGRAPH in text and "alert" not in text and "javascript" not in text


def test_odd_run_is_clean(odd_run) -> None:
    run, _folder = odd_run
    assert run.code == 0, run.stderr
    assert f"{len(ODD)} added, 0 unchanged, 0 failed, 0 skipped" in run.stdout


@pytest.mark.parametrize("args", [["--", "-dash.txt"], ["./-dash.txt"], ["../odd2/-dash.txt"]],
                         ids=["after-double-dash", "dot-slash", "dot-dot"])
def test_leading_dash_and_dot_dot_names(tmp_path: Path, args: list[str]) -> None:
    db_url = f"sqlite:///{tmp_path / 'dash.db'}"
    folder = tmp_path / "odd2"
    h.write(folder / "-dash.txt", h.encoded_text("utf-8"))
    run = ingest_run(db_url, tmp_path, [*args], cwd=folder)
    assert run.code == 0, run.stderr
    assert "1 added, 0 unchanged, 0 failed" in run.stdout
    engine = corpus.get_engine(db_url)
    paths = [d.path for d in corpus.list_documents(engine)]
    assert len(paths) == 1 and Path(folder, paths[0]).resolve() == (folder / "-dash.txt").resolve()


def test_file_name_not_utf8(db_url: str, tmp_path: Path) -> None:
    """A name with bytes that are not UTF-8 is stored and printed with those bytes as `\\xff`."""
    folder = tmp_path / "raw"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"inquiry-\xff\xfe.txt")
    with open(raw, "wb") as handle:
        handle.write(h.encoded_text("utf-8"))
    raw_broken = os.path.join(os.fsencode(folder), b"bad-\xff.pdf")
    with open(raw_broken, "wb") as handle:
        handle.write(b"%PDF-1.4\n" + b"\0" * 100)

    run = ingest_run(db_url, folder, [str(folder)])

    shown = f"{folder}/inquiry-\\xff\\xfe.txt"
    assert run.code == 1, run.stderr
    assert list(run.stored) == [shown]
    assert h.PARAGRAPH in run.stored[shown]
    assert any(line.endswith(f"added     {shown}") for line in run.stderr.splitlines()), run.stderr
    assert len(error_lines(run, f"{folder}/bad-\\xff.pdf")) == 1, run.stderr
    assert "surrogates" not in run.stderr and "unexpected" not in run.stderr
    assert [f.path for f in corpus.list_failures(corpus.get_engine(db_url))] == [f"{folder}/bad-\\xff.pdf"]
