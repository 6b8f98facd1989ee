"""`python -m tests.bench` (`make bench`): speed on the sample corpus and generated corpora, one function per section.

Each section prints its own table and returns its numbers; `main()` runs the DEFAULT ones (or those named),
prints one summary table against the targets and writes it to docs/BENCHMARKS.md (tests/bench_report.py).
Add a section as a function and list it in SECTIONS.
"""

from __future__ import annotations

import os
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


FIGURE_TARGET = 50_000  # words/s per core (issue 3)


def figures(paths: list[Path] | None = None, repeat: int = 20) -> dict[str, float]:
    """Figure extraction speed: nlp.extract_figures and its number layer over the sample texts, words/s
    on one core (documents are read once beforehand; the text is repeated to get measurable times)."""
    import re

    import ingest
    from nlp.figures import extract_figures
    from nlp.numbers import find_numbers

    paths = paths or SAMPLE_PDFS + sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    docs = [ingest.read(p) for p in paths]
    words = sum(len(re.findall(r"\w+", d.text)) for d in docs) * repeat
    extract_figures(docs[0])  # resources compiled once per process; not part of per-document cost

    def numbers_only() -> None:
        for _ in range(repeat):
            for d in docs:
                for para in d.paragraphs:
                    find_numbers(d.text[para.start:para.end], para.language if para.language in ("kk", "ru") else None)

    def figures_all() -> None:
        for _ in range(repeat):
            for d in docs:
                extract_figures(d)

    rows = [("nlp.numbers.find_numbers (per paragraph)", best_time(numbers_only)),
            ("nlp.figures.extract_figures (all fields)", best_time(figures_all))]
    print(f"\n## Figure extraction: {len(docs)} documents × {repeat}, {words} words, one core")
    print(f"{'method':<44} {'seconds':>8} {'words/s':>10} {'target':>8}")
    for name, sec in rows:
        print(f"{name:<44} {sec:8.3f} {words / sec:10.0f} {FIGURE_TARGET:8d}")
    return {name: words / sec for name, sec in rows}


NER_TARGET = 10_000  # words/s per core (issue 4)


def ner(paths: list[Path] | None = None, repeat: int = 5) -> dict[str, float]:
    """Kazakh NER speed (nlp.models.kazakh_entities) over the Kazakh paragraphs of the samples, words/s.

    The model is loaded once beforehand; paragraphs one call each, and batched through spaCy's pipe.
    """
    import re

    import ingest
    from nlp.models import kazakh_entities, kazakh_entities_batch, load_kazakh_ner

    paths = paths or SAMPLE_PDFS + sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    texts = []
    for p in paths:
        d = ingest.read(p)
        texts += [d.text[para.start:para.end] for para in d.paragraphs if para.language == "kk"]
    words = sum(len(re.findall(r"\w+", t)) for t in texts) * repeat
    load_kazakh_ner()
    kazakh_entities("Астана")

    def one_by_one() -> None:
        for _ in range(repeat):
            for t in texts:
                kazakh_entities(t)

    rows = [("nlp.models.kazakh_entities (per paragraph)", best_time(one_by_one)),
            ("nlp.models.kazakh_entities_batch", best_time(lambda: kazakh_entities_batch(texts * repeat)))]
    print(f"\n## Kazakh NER: {len(texts)} paragraphs × {repeat}, {words} words")
    print(f"{'method':<44} {'seconds':>8} {'words/s':>10} {'target':>8}")
    for name, sec in rows:
        print(f"{name:<44} {sec:8.3f} {words / sec:10.0f} {NER_TARGET:8d}")
    return {name: words / sec for name, sec in rows}


ENTITY_TARGET = 10_000  # words/s per core for the whole entity stage (issue 4)


def entities(paths: list[Path] | None = None, repeat: int = 3) -> dict[str, float]:
    """Entity stage speed: nlp.extract_entities (model + gazetteer + rules + conventions) over the samples,
    words/s on one core; and with the gazetteer and rules only (backend `rules`), to show the model's share."""
    import re

    import ingest
    from nlp.entities import extract_entities

    paths = paths or SAMPLE_PDFS + sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    docs = [ingest.read(p) for p in paths]
    words = sum(len(re.findall(r"\w+", d.text)) for d in docs) * repeat
    for backend in ("default", "rules"):
        extract_entities(docs[0], backend=backend)  # models and indexes loaded once per process

    def run(backend: str) -> None:
        for _ in range(repeat):
            for d in docs:
                extract_entities(d, backend=backend)

    rows = [("nlp.entities.extract_entities (default)", best_time(lambda: run("default"))),
            ("nlp.entities (gazetteer + rules, no model)", best_time(lambda: run("rules")))]
    print(f"\n## Entity extraction: {len(docs)} documents × {repeat}, {words} words, one core")
    print(f"{'method':<44} {'seconds':>8} {'words/s':>10} {'target':>8}")
    for name, sec in rows:
        print(f"{name:<44} {sec:8.3f} {words / sec:10.0f} {ENTITY_TARGET:8d}")
    return {name: words / sec for name, sec in rows}


GAZETTEER_TARGET = 100_000  # words/s per core: bodies + officials over plain text (issue 4)


def gazetteer(repeat: int = 3) -> dict[str, float]:
    """Gazetteer matching speed: find_bodies + find_officials over the sample texts, words/s on one core
    (was a timed unit test; speed belongs here)."""
    from nlp.gazetteer import find_bodies, find_officials

    paths = sorted((ROOT / "samples" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "pdftotext").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    find_bodies("Үкімет", "kk"), find_officials("Бектенов", "kk")  # indexes built once per process
    words = sum(len(t.split()) for t in texts) * repeat

    def run() -> None:
        for _ in range(repeat):
            for t in texts:
                find_bodies(t)
                find_officials(t)

    sec = best_time(run)
    print(f"\n## Gazetteer: {len(texts)} texts × {repeat}, {words} words, one core")
    print(f"{'method':<44} {'seconds':>8} {'words/s':>10} {'target':>8}")
    print(f"{'find_bodies + find_officials':<44} {sec:8.3f} {words / sec:10.0f} {GAZETTEER_TARGET:8d}")
    return {"find_bodies + find_officials": words / sec}


def growth(sizes: tuple[int, ...] = (1, 10, 100)) -> dict[int, float]:
    """Whether analysis stays linear in a document's length: nlp.analyze over the sample texts joined into one
    document and repeated 1×, 10×, 100×; words/s should not fall as the document grows (issue 10)."""
    import re
    import tempfile

    import ingest
    from nlp import analyze

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "seeds").glob("*.txt"))]
    rates: dict[int, float] = {}
    print("\n## Growth: one document of the sample texts repeated, nlp.analyze, one core")
    print(f"{'copies':>8} {'characters':>12} {'seconds':>8} {'words/s':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"joined-{n}.txt"
            path.write_text("\n\n".join(texts * n), encoding="utf-8")
            doc = ingest.read(path)
            if n == sizes[0]:
                analyze(doc)  # resources compiled once per process
            sec = best_time(lambda d=doc: analyze(d), rounds=1 if n > 10 else ROUNDS)
            rates[n] = len(re.findall(r"\w+", doc.text)) / sec
            print(f"{n:8d} {len(doc.text):12d} {sec:8.2f} {rates[n]:10.0f}")
    return rates


def conflicts() -> object:
    """Conflict cards at 1k, 10k and 100k generated documents (tests/bench_conflicts.py)."""
    from .bench_conflicts import conflicts as run

    return run()


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (the workers; PostgreSQL not included)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def queue(n: int = 200) -> dict[int, float]:
    """Documents/s through `saual enqueue` + `saual worker --once` with 1 and 2 worker processes on PostgreSQL
    ($SAUAL_BENCH_POSTGRES: a server URL where databases may be created); model loading included."""
    import tempfile
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    from .test_queue import SAUAL, saual, write_documents

    admin = os.environ.get("SAUAL_BENCH_POSTGRES")
    if not admin:
        print("\n## Queue: skipped (set SAUAL_BENCH_POSTGRES=postgresql://user@host/postgres)")
        return {}
    rates: dict[int, float] = {}
    print(f"\n## Queue: {n} short news items, saual worker --once, {os.cpu_count()} cores")
    print(f"{'workers':>8} {'seconds':>8} {'docs/s':>8} {'CPU s/doc':>10} {'load':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        write_documents(Path(tmp) / "docs", n)
        for workers in (1, 2):
            name = f"saual_bench_{uuid.uuid4().hex[:8]}"
            plain = make_url(admin).set(drivername="postgresql")
            with psycopg.connect(plain.render_as_string(hide_password=False), autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {name}")
            url = plain.set(database=name).render_as_string(hide_password=False)
            saual(url, "enqueue", str(Path(tmp) / "docs"))
            start, cpu = time.perf_counter(), _children_cpu()
            env = {**os.environ, "SAUAL_DATABASE_URL": url}
            procs = [subprocess.Popen([*SAUAL, "worker", "--once"], env=env, stderr=subprocess.DEVNULL)
                     for _ in range(workers)]
            for proc in procs:
                proc.wait()
            sec, cpu = time.perf_counter() - start, _children_cpu() - cpu
            rates[workers] = n / sec
            print(f"{workers:8d} {sec:8.1f} {rates[workers]:8.1f} {cpu / n:10.3f} {os.getloadavg()[0]:6.1f}")
            with psycopg.connect(plain.render_as_string(hide_password=False), autocommit=True) as conn:
                conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
    return rates



def extractors() -> object:
    """Words/s per core of every registered extractor, Kazakh and Russian (tests/bench_nlp.py)."""
    from .bench_nlp import extractors_section

    return extractors_section()


def parse() -> object:
    """Pages/s per core of ingest.read beside pdftotext (tests/bench_ingest.py)."""
    from .bench_ingest import parse_section

    return parse_section()


def ingest() -> object:
    """`saual ingest samples/` end to end: pages/s, documents/s, peak RSS, model loading (tests/bench_ingest.py)."""
    from .bench_ingest import ingest_section

    return ingest_section()


def search() -> object:
    """Search p50/p95 at 1k, 10k, 100k documents on SQLite and PostgreSQL (tests/bench_search.py)."""
    from .bench_search import search_section

    return search_section()


def render() -> object:
    """Explorer time to first render of Search, Figures and Conflicts at 1k, 10k, 100k (tests/bench_render.py)."""
    from .bench_render import render_section

    return render_section()


SECTIONS: list[Callable[[], object]] = [extractors, parse, ingest, search, conflicts, render, pdf_parse, figures,
                                        ner, entities, gazetteer, growth, queue]
DEFAULT = ("extractors", "parse", "ingest", "search", "conflicts", "render")  # `make bench`: the targets of issue 11


def main(argv: list[str] | None = None) -> int:
    """Run the default sections (or those named on the command line; `--sizes 1000,10000` limits corpus sizes),
    print the summary table and write it to docs/BENCHMARKS.md (`--no-write` leaves the file alone)."""
    from .bench_report import print_summary, summary_rows, write_markdown

    args = list(argv if argv is not None else sys.argv[1:])
    command = " ".join(["python -m tests.bench", *args])
    if "--sizes" in args:
        at = args.index("--sizes")
        os.environ["SAUAL_BENCH_SIZES"] = args[at + 1]
        del args[at:at + 2]
    write = "--no-write" not in args
    names = set(args) - {"--no-write"} or set(DEFAULT)
    results = {section.__name__: section() for section in SECTIONS if section.__name__ in names}
    rows = summary_rows(results)
    print_summary(rows)
    if write and rows:
        write_markdown(rows, results, command)
        print("\nwritten: docs/BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
