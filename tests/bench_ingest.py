"""The `parse` and `ingest` sections of `make bench`: PDF reading beside pdftotext, and `saual ingest` end to end.

parse: pages per CPU second of ingest.read() (and its glyph and layout steps) on the sample PDFs, and the
ratio of its CPU time to that of `pdftotext -layout` on the same files (children's CPU time), median of runs.
ingest: `saual ingest samples/` into a fresh, migrated SQLite file in a child process: wall and CPU seconds, pages and
documents per second, peak RSS (from wait4); model loading is timed on its own in another child.
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
analyze(ingest.read({path!r}))
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
              ("ingest.read (+ language, kind, date)", median_cpu(lambda: [ingest.read(p) for p in pdfs]))]
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
    """Seconds to import the packages and to load the models (and analyse one small text), in a fresh process."""
    seed = min((ROOT / "samples" / "seeds").glob("*.txt"))
    _, _, _, out = run_child([sys.executable, "-c", LOAD_MODELS.format(path=str(seed))])
    return json.loads(out.strip().splitlines()[-1])


def ingest_runs(rounds: int = 3) -> dict[str, float]:
    """`saual ingest samples/` into a fresh SQLite file (migrated beforehand), `rounds` times: medians of wall,
    CPU, RSS."""
    walls, cpus, rsss = [], [], []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "SAUAL_DATABASE_URL": f"sqlite:///{tmp}/bench.db"}
            run_child([sys.executable, "-c", "import corpus, os; corpus.get_engine(os.environ['SAUAL_DATABASE_URL'])"], env)
            wall, cpu, rss, _ = run_child([str(SAUAL), "ingest", "samples/"], env)
        walls.append(wall), cpus.append(cpu), rsss.append(rss)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rss_mb": max(rsss)}


def ingest_section() -> dict[str, float]:
    """Print the end-to-end ingest table (model loading apart) and return its numbers."""
    docs = len(SAMPLE_PDFS) + len(list((ROOT / "samples" / "seeds").glob("*.txt")))
    pages = page_count(SAMPLE_PDFS) + docs - len(SAMPLE_PDFS)  # a text file counts as one page
    load = model_loading()
    run = ingest_runs()
    fixed, fixed_cpu = load["import"] + load["models"], load["import_cpu"] + load["models_cpu"]
    work_cpu = max(run["cpu"] - fixed_cpu, 1e-9)
    out = {"pages": pages, "documents": docs, **load, **run, "pages_per_cpu_s": pages / work_cpu,
           "pages_per_cpu_s_with_loading": pages / run["cpu"], "documents_per_s": docs / max(run["wall"] - fixed, 1e-9)}
    print(f"\n## saual ingest samples/: {docs} documents, {pages} pages, fresh SQLite, one process, median of 3")
    print(f"{'measure':<44} {'value':>10} {'target':>8}")
    for name, value, target in (
            ("import packages, wall s", load["import"], ""), ("load models + first analysis, wall s", load["models"], ""),
            ("import + models, CPU s", fixed_cpu, ""),
            ("wall s (whole run)", run["wall"], ""), ("CPU s (whole run)", run["cpu"], ""),
            ("pages / CPU s, loading excluded", out["pages_per_cpu_s"], f"{INGEST_TARGET:.0f}"),
            ("pages / CPU s, loading included", out["pages_per_cpu_s_with_loading"], ""),
            ("documents / s (wall, loading excluded)", out["documents_per_s"], ""),
            ("peak RSS MB", run["rss_mb"], f"{RSS_TARGET_MB:.0f}")):
        print(f"{name:<44} {value:10.2f} {target:>8}")
    return out


if __name__ == "__main__":
    parse_section()
    ingest_section()
