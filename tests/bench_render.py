"""The `render` section of `make bench`: the explorer's time to first render at 1k, 10k and 100k documents.

For each generated corpus (tests/bench_corpus.py; SQLite, one already cached in data/bench/ when there is one;
migrated once beforehand) a real `saual serve
--read-only` is started, and Debian's Chromium (through Playwright) opens the Search page with a Kazakh and
with a Russian word in the URL, the Figures page and the Conflicts page, each in a fresh browser context
(a new Streamlit session). Time to first render: from navigation until the page's count line
(`.saual-count`) is visible and Streamlit reports the script finished (`data-test-script-state` of the
app root is `notRunning`). The first load of each page after the server starts is the cold one (nothing
cached); then `rounds` warm loads, median and p95, each in a fresh context (an empty HTTP cache: Streamlit's
JavaScript fetched and parsed again, as on a first visit); then `rounds` "returning" loads, new sessions in one
context whose HTTP cache holds the static files, as a user's browser does. The load average is recorded with each size.
$SAUAL_BENCH_SIZES (or `--sizes`) limits the sizes; $SAUAL_BENCH_RENDER_PG=1 also measures PostgreSQL
(loading 100k documents there takes long: combine with SAUAL_BENCH_PG_SIZES). $SAUAL_BENCH_PG_DATABASE names the
database of a size instead of `bench_{n}`, as for the search section (a copy: `CREATE DATABASE mine_100000 TEMPLATE
bench_100000`, which the run migrates, with SAUAL_BENCH_PG_DATABASE=mine_{n}).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .bench_conflicts import bench_sizes

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.5  # first render at 100k documents (issue 11)
ROUNDS = 5
TIMEOUT_MS = 180_000
PAGES = (  # (name, path and query of the page)
    ("Search: kk word", "/?q=" + quote("мигранттар")),
    ("Search: ru word", "/?q=" + quote("тарифы")),
    ("Figures", "/figures"),
    ("Conflicts", "/conflicts"),
)
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
FAILED = "[data-testid='stException'], [data-testid='stAlertContentError']"  # an error instead of the page
CHROMIUM = Path(os.environ.get("SAUAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class Rendered:
    """One page at one corpus size: the cold load and the warm loads, in seconds."""

    page: str
    cold: float
    warm: list[float]
    load: float  # 1-minute load average when the page was measured
    returning: list[float] = field(default_factory=list)  # new sessions in one browser context (HTTP cache kept)

    @property
    def returning_median(self) -> float:
        return statistics.median(self.returning) if self.returning else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.warm) if self.warm else self.cold

    @property
    def p95(self) -> float:
        ordered = sorted(self.warm) or [self.cold]
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"saual serve exited with {proc.returncode}")
        with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError), \
                urllib.request.urlopen(url, timeout=2) as answer:
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"saual serve did not answer on {url} within {timeout:.0f}s")


@contextlib.contextmanager
def serve(database_url: str, log: Path) -> Iterator[str]:
    """`saual serve --read-only --headless` over `database_url` on a free port; stopped on exit."""
    port = _free_port()
    command = [sys.executable, "-m", "ui.cli", "serve", "--read-only", "--headless", "--port", str(port),
               "--host", "127.0.0.1", "--db", database_url]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def first_render(browser, url: str, content: str = ".saual-count", context=None) -> float:
    """Seconds from navigation to `content` visible and the script finished: in a fresh context (an empty HTTP
    cache, as a first visit), or in `context` (a new page there is a new Streamlit session, the cache kept)."""
    own = context is None
    context = browser.new_context(viewport={"width": 1400, "height": 1000}) if own else context
    page = context.new_page()
    try:
        page.set_default_timeout(TIMEOUT_MS)
        start = time.perf_counter()
        page.goto(url)
        page.locator(f"{content}, {FAILED}").first.wait_for(state="visible")
        if page.locator(FAILED).count():
            raise RuntimeError(f"{url}: {page.locator(FAILED).first.inner_text()[:300]}")
        page.locator(DONE).wait_for(state="attached")
        return time.perf_counter() - start
    finally:
        page.close()
        if own:
            context.close()


def measure(database_url: str, rounds: int = ROUNDS) -> list[Rendered]:
    """Every page of PAGES on one served corpus: its cold load, then `rounds` warm loads."""
    import tempfile

    from playwright.sync_api import sync_playwright

    out: list[Rendered] = []
    with tempfile.TemporaryDirectory() as tmp, serve(database_url, Path(tmp) / "serve.log") as base, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            first_render(browser, base + "/documents", "h1")  # the browser and the server's script cache warmed,
            for name, path in PAGES:                       # not the pages measured
                cold = first_render(browser, base + path)
                warm = [first_render(browser, base + path) for _ in range(rounds)]
                returning = browser.new_context(viewport={"width": 1400, "height": 1000})
                first_render(browser, base + path, context=returning)  # fills the HTTP cache
                again = [first_render(browser, base + path, context=returning) for _ in range(rounds)]
                returning.close()
                out.append(Rendered(name, cold, warm, os.getloadavg()[0], again))
        finally:
            browser.close()
    return out


def migrated(url: str) -> str:
    """Bring a cached corpus to the current schema once (the explorer opens it read-only)."""
    from corpus import close_engine, get_engine

    get_engine(url)
    close_engine(url)
    return url


def cached_corpus(n: int) -> Path:
    """A generated corpus of n documents: one already in data/bench/ from this generator version (built from an
    earlier state of the samples, as good for rendering and far quicker than rebuilding 100k), else a new one."""
    from .bench_corpus import CACHE, GENERATOR_VERSION, corpus_database

    built = sorted(CACHE.glob(f"sqlite-{n}-v{GENERATOR_VERSION}-*.db"), key=lambda p: p.stat().st_mtime)
    return built[-1] if built else corpus_database(n)


def render_section(sizes: tuple[int, ...] | None = None) -> dict[tuple[str, int], list[Rendered]]:
    """Print the time to first render per page, database and size; return them keyed by (dialect, size)."""
    results: dict[tuple[str, int], list[Rendered]] = {}
    sizes = bench_sizes(sizes)
    for n in sizes:
        results[("sqlite", n)] = measure(migrated(f"sqlite:///{cached_corpus(n)}"))
        print_render({("sqlite", n): results[("sqlite", n)]})
    if os.environ.get("SAUAL_BENCH_RENDER_PG"):
        from .bench_search import postgres_base

        pg_sizes = tuple(int(x) for x in os.environ.get("SAUAL_BENCH_PG_SIZES", "").split(",") if x) or sizes
        with postgres_base() as base:
            for n in pg_sizes if base else ():
                results[("postgresql", n)] = measure(migrated(pg_database(base, n)))
                print_render({("postgresql", n): results[("postgresql", n)]})
    return results


def pg_database(base: str, n: int) -> str:
    """The PostgreSQL corpus of n documents: `bench_<n>` on the server, or $SAUAL_BENCH_PG_DATABASE's name."""
    from .bench_search import postgres_corpus

    return postgres_corpus(base, n)


def print_render(results: dict[tuple[str, int], list[Rendered]]) -> None:
    """One row per page: cold, warm median and p95 seconds, and the load average."""
    print(f"\n## Explorer time to first render, s (target ≤ {TARGET_S} at 100k; {ROUNDS} warm loads)")
    print(f"{'database':<10} {'docs':>8} {'page':<18} {'cold':>7} {'median':>7} {'p95':>7} {'return':>7} {'load':>5}")
    for (db, n), rendered in results.items():
        for r in rendered:
            print(f"{db:<10} {n:8,} {r.page:<18} {r.cold:7.2f} {r.median:7.2f} {r.p95:7.2f} "
                  f"{r.returning_median:7.2f} {r.load:5.1f}")


if __name__ == "__main__":
    render_section()
