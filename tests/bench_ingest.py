"""The `parse` and `ingest` sections of `make bench`: PDF reading beside pdftotext, and `saual ingest` end to end.

parse: pages per CPU second of ingest.read()'s work, in this process (read_local; and its glyph and layout steps) on the sample PDFs, and the
ratio of its CPU time to that of `pdftotext -layout` on the same files (children's CPU time), median of runs.
ingest: `saual ingest` of samples/ and of the samples copied 10× (a byte added to each copy, so hashes differ and
per-run costs amortise as in an archive) with 1 and 2 workers, into a fresh, migrated SQLite file in a child process:
wall and CPU seconds of every process, pages and documents per second, peak RSS of the largest process (from wait4);
model loading is timed on its own in another child.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
PARSE_RATIO_TARGET = 5.0  # × pdftotext CPU time
INGEST_TARGET = 20.0  # pages per CPU second end to end
RSS_TARGET_MB = 1024.0
SAUAL = Path(sys.executable).with_name("saual")
LOAD_MODELS = """
import json, time
t, c = time.perf_counter(), time.process_time()
import ingest, nlp, corpus
from nlp.models import load_kazakh_ner
from nlp.ru.model import tagger
t1, c1 = time.perf_counter(), time.process_time()
load_kazakh_ner(); tagger()
from nlp import analyze
for path in {paths!r}:  # a text and an inquiry PDF: the lazily built gazetteer indices are loading too
    analyze(ingest.read(path))
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({{"import": t1 - t, "models": t2 - t1, "import_cpu": c1 - c, "models_cpu": c2 - c1}}))
"""


def cpu_of_children() -> float:
    """User + system CPU seconds of the waited-for children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_cpu(run: Callable[[], object], rounds: int = 5, children: bool = False) -> float:
    """The median CPU seconds of `rounds` runs (this process, or its children for subprocess runs)."""
    clock = cpu_of_children if children else time.process_time
    times = []
    for _ in range(rounds):
        start = clock()
        run()
        times.append(clock() - start)
    return statistics.median(times)


def page_count(pdfs: list[Path]) -> int:
    """Pages of the PDFs, as ingest reads them."""
    import ingest

    return sum(len(ingest.read(p).pages or []) for p in pdfs)


def parse_rows(pdfs: list[Path] = SAMPLE_PDFS) -> list[tuple[str, float, float]]:
    """Rows (method, pages per CPU second, × pdftotext CPU time); pdftotext first when installed."""
    import ingest
    from ingest.lexicon import lexicon
    from ingest.pdf import read_pages, read_pdf

    lexicon()  # loaded once per process; not part of per-document cost
    pages = page_count(pdfs)
    timed: list[tuple[str, float]] = []
    if shutil.which("pdftotext"):
        timed.append(("pdftotext -layout", median_cpu(lambda: [subprocess.run(
            ["pdftotext", "-layout", str(p), "-"], capture_output=True, check=True) for p in pdfs], children=True)))
    timed += [("ingest.pdf.read_pages (glyphs)", median_cpu(lambda: [read_pages(p, p.read_bytes()) for p in pdfs])),
              ("ingest.pdf.read_pdf (+ layout)", median_cpu(lambda: [read_pdf(p, p.read_bytes()) for p in pdfs])),
              # in this process: ingest.read hands the file to its reading worker, whose CPU time is not ours
              ("ingest.read (+ language, kind, date)", median_cpu(lambda: [ingest.read_local(p) for p in pdfs]))]
    base = timed[0][1] if timed[0][0].startswith("pdftotext") else float("nan")
    return [(name, pages / sec, sec / base) for name, sec in timed]


def parse_section() -> list[tuple[str, float, float]]:
    """Print the parse table and return its rows."""
    rows = parse_rows()
    print(f"\n## Parse: {len(SAMPLE_PDFS)} sample PDFs, {page_count(SAMPLE_PDFS)} pages, CPU time, median of 5")
    print(f"{'method':<40} {'pages/s':>9} {'× pdftotext':>12} {'target':>8}")
    for name, rate, ratio in rows:
        print(f"{name:<40} {rate:9.1f} {ratio:11.1f}× {PARSE_RATIO_TARGET:7.0f}×")
    return rows


def run_child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MB, stdout) of one child process, from wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    out = proc.stdout.read().decode() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args)} exited with {proc.returncode}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def model_loading() -> dict[str, float]:
    """Seconds to import the packages and to load the models and indices (analysing one small text and one sample
    inquiry PDF, whose own reading and analysis is thus counted as loading), in a fresh process."""
    paths = [str(min((ROOT / "samples" / "seeds").glob("*.txt"))), str(SAMPLE_PDFS[0])]
    _, _, _, out = run_child([sys.executable, "-c", LOAD_MODELS.format(paths=paths)])
    return json.loads(out.strip().splitlines()[-1])


def copies(root: Path, times: int) -> tuple[Path, int, int]:
    """The sample PDFs and seeds copied `times` times into a folder, each copy with one byte added (after a PDF's
    %%EOF, which reading drops; a newline at the end of a text) so that every copy has its own hash:
    (folder, documents, pages)."""
    folder = Path(tempfile.mkdtemp(prefix="saual-bench-"))
    seeds = sorted((root / "samples" / "seeds").glob("*.txt"))
    for i in range(times):
        for source in SAMPLE_PDFS + seeds:
            pad = b"\n" * (i + 1)
            (folder / f"{i:03d}_{source.name}").write_bytes(source.read_bytes() + pad)
    return folder, times * (len(SAMPLE_PDFS) + len(seeds)), times * (page_count(SAMPLE_PDFS) + len(seeds))


def ingest_runs(folder: Path, workers: int = 1, rounds: int = 3) -> dict[str, float]:
    """`saual ingest FOLDER --workers N` into a fresh SQLite file (migrated beforehand), `rounds` times: medians of
    wall and CPU (every process: workers and readers are waited for), the largest process's peak RSS."""
    walls, cpus, rsss = [], [], []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "SAUAL_DATABASE_URL": f"sqlite:///{tmp}/bench.db"}
            run_child([sys.executable, "-c", "import corpus, os; corpus.get_engine(os.environ['SAUAL_DATABASE_URL'])"], env)
            wall, cpu, rss, _ = run_child([str(SAUAL), "ingest", str(folder), "--workers", str(workers)], env)
        walls.append(wall), cpus.append(cpu), rsss.append(rss)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rss_mb": max(rsss)}


def ingest_row(name: str, docs: int, pages: int, workers: int, run: dict[str, float],
               load: dict[str, float]) -> dict[str, float]:
    """The rates of one run: per CPU s of all processes with and without model loading (the parent's import and
    each worker's models: forked workers share the imports), and per wall s."""
    fixed_cpu = load["import_cpu"] + load["models_cpu"] * workers
    fixed_wall = load["import"] + load["models"]
    return {"name": name, "workers": workers, "documents": docs, "pages": pages, **run,
            "pages_per_cpu_s": pages / max(run["cpu"] - fixed_cpu, 1e-9),
            "pages_per_cpu_s_with_loading": pages / run["cpu"],
            "pages_per_s": pages / run["wall"],
            "documents_per_s": docs / max(run["wall"] - fixed_wall, 1e-9)}


def ingest_section(times: int = 10) -> dict[str, float]:
    """Print the end-to-end ingest table (samples and `times` copies of them; 1 and 2 workers) and return the
    one-worker samples numbers (with every row under "rows")."""
    seeds = len(list((ROOT / "samples" / "seeds").glob("*.txt")))
    docs, pages = len(SAMPLE_PDFS) + seeds, page_count(SAMPLE_PDFS) + seeds  # a text file counts as one page
    load = model_loading()
    big, big_docs, big_pages = copies(ROOT, times)
    rows = []
    try:
        for workers in (1, 2):
            rows.append(ingest_row("samples/", docs, pages, workers, ingest_runs(ROOT / "samples", workers, 2), load))
            rows.append(ingest_row(f"samples ×{times}", big_docs, big_pages, workers, ingest_runs(big, workers, 1), load))
    finally:
        shutil.rmtree(big, ignore_errors=True)
    print(f"\n## saual ingest: fresh SQLite; samples/ = {docs} documents, {pages} pages (median of 2 runs); samples ×{times}"
          f" = {big_docs} documents, {big_pages} pages (1 run); CPU of all processes; load {os.getloadavg()[0]:.1f}")
    print(f"model loading: import {load['import']:.2f} s + models {load['models']:.2f} s wall, "
          f"{load['import_cpu'] + load['models_cpu']:.2f} CPU s")
    print(f"{'run':<16} {'workers':>7} {'wall s':>7} {'CPU s':>7} {'pages/CPU s':>12} {'(w/ loading)':>12} "
          f"{'pages/s':>8} {'docs/s':>7} {'RSS MB':>7}")
    for r in rows:
        print(f"{r['name']:<16} {r['workers']:>7} {r['wall']:7.1f} {r['cpu']:7.1f} {r['pages_per_cpu_s']:12.1f} "
              f"{r['pages_per_cpu_s_with_loading']:12.1f} {r['pages_per_s']:8.1f} {r['documents_per_s']:7.2f} "
              f"{r['rss_mb']:7.0f}")
    one, many = rows[0], rows[1]
    marginal = (many["pages"] - one["pages"]) / max(many["cpu"] - one["cpu"], 1e-9)
    print(f"marginal pages per CPU s, one worker (samples ×{times} minus samples/): {marginal:.1f} "
          f"(target {INGEST_TARGET:.0f}); peak RSS target {RSS_TARGET_MB:.0f} MB per process")
    return {**load, **one, "marginal_pages_per_cpu_s": marginal, "rows": rows}


if __name__ == "__main__":
    parse_section()
    ingest_section()
