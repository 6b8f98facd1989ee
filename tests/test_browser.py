"""End to end in a real browser: `streamlit run` on a free port, driven through Debian's Chromium.

Type a query, see highlighted hits, follow one to the Document page, check its text and page
markers, and keep a screenshot in test-artifacts/. Never downloads a browser.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "ui" / "app" / "main.py"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("SAUAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUERY = "Бектенов"  # the addressee of several sample inquiries, in Kazakh and Russian forms
TIMEOUT_MS = 60_000


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    """Poll Streamlit's health endpoint until it answers "ok"; fail with the server log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit did not answer on {url} within {timeout:.0f}s:\n"
                f"{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    return CHROMIUM


@contextlib.contextmanager
def browser_page(chromium: Path) -> Iterator:
    """A fresh page in Debian's Chromium (never a downloaded browser) with the tests' viewport and timeout.

    `expect` waits as long as actions do: a loaded machine (CI, two cores) renders a page in more than
    Playwright's default 5 s."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(TIMEOUT_MS)
            yield page
        finally:
            browser.close()


def fresh_screenshots(*paths: Path) -> None:
    """Make room for this run's screenshots: an old file must not pass for a new one."""
    ARTIFACTS.mkdir(exist_ok=True)
    for path in paths:
        path.unlink(missing_ok=True)


def assert_screenshots(*paths: Path) -> None:
    """Each screenshot is a real PNG with something drawn on it."""
    for png in paths:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 20_000, f"{png} looks blank ({png.stat().st_size} bytes)"


@contextlib.contextmanager
def serve_explorer(database_url: str, log: Path) -> Iterator[str]:
    """A real `streamlit run` of the explorer over `database_url` on a free port; stopped on exit."""
    port = free_port()
    env = {**os.environ, "SAUAL_DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="module")
def explorer(chromium: Path, sample_corpus_url: str, tmp_path_factory) -> Iterator[str]:
    """The explorer served over the sample corpus for this module's tests."""
    with serve_explorer(sample_corpus_url, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


def test_deep_link_as_first_request_keeps_the_app_frame(chromium: Path, sample_corpus_url: str,
                                                         tmp_path: Path) -> None:
    """A permalink opened first on a fresh server gets the whole app (navigation, every page), not a
    lone page script: Streamlit must not see a pages/ folder beside main.py."""
    from playwright.sync_api import expect

    with serve_explorer(sample_corpus_url, tmp_path / "server.log") as url, browser_page(chromium) as page:
        page.goto(f"{url}/documents")
        expect(page.get_by_role("heading", name="Documents")).to_be_visible()
        for name in ("Search", "Figures", "Entities"):
            expect(page.get_by_role("link", name=name, exact=True).first).to_be_visible()


def test_search_then_open_document_in_chromium(explorer: str, chromium: Path) -> None:
    from playwright.sync_api import expect

    shot = ARTIFACTS / "explorer-document.png"
    search_shot = ARTIFACTS / "explorer-search.png"
    fresh_screenshots(shot, search_shot)
    with browser_page(chromium) as page:
        page.goto(explorer)
        box = page.get_by_placeholder("A word or phrase in Kazakh or Russian")
        box.fill(QUERY)
        box.press("Enter")
        first_mark = page.locator(".saual-snippet mark").first
        expect(first_mark).to_be_visible()
        assert first_mark.inner_text().lower().startswith(QUERY.lower()[:6])
        expect(page.locator(".saual-count")).to_contain_text("passage")
        assert parse_qs(urlsplit(page.url).query).get("q") == [QUERY]  # the search is a permalink
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Download CSV").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".csv")
        rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
        assert rows[0] == ["document", "title", "kind", "language", "date", "page", "start", "end", "snippet"]
        assert len(rows) > 1 and all(QUERY.lower()[:6] in row[-1].lower() for row in rows[1:])
        page.screenshot(path=str(search_shot), full_page=False)

        # follow a hit beyond page 1, so opening the document has to scroll to it
        deep = page.locator("[data-testid='stHorizontalBlock']").filter(
            has=page.locator(".saual-place", has_text=re.compile(r"^page ([2-9]|\d\d)")))
        expect(deep.first).to_be_visible()
        deep.first.get_by_role("link", name="Open passage").click()
        expect(page.locator(".saual-doc")).to_be_visible()
        params = parse_qs(urlsplit(page.url).query)
        assert urlsplit(page.url).path.endswith("/document")
        assert params.get("doc") and params.get("p") and params.get("q") == [QUERY]
        hit = page.locator(f"#passage-{params['p'][0]}")
        expect(hit).to_have_class("saual-passage saual-hit")
        expect(hit).to_be_in_viewport()  # the page scrolls to the passage the link named
        expect(page.locator(".saual-page-marker").first).to_have_text("— page 2 —")
        text = page.locator(".saual-doc").inner_text()
        assert QUERY.lower() in text.lower()
        page.screenshot(path=str(shot), full_page=True)

        page.get_by_role("link", name=f"Back to search results for “{QUERY}”").click()
        expect(page.locator(".saual-snippet mark").first).to_be_visible()
        assert page.get_by_placeholder("A word or phrase in Kazakh or Russian").input_value() == QUERY
    assert_screenshots(search_shot, shot)



def test_figures_filter_then_open_the_figure_in_its_document(explorer: str, chromium: Path,
                                                              sample_corpus_url: str) -> None:
    """Figures page: pick a place, follow a figure to its passage, see the number highlighted there."""
    from playwright.sync_api import expect

    import corpus

    engine = corpus.get_engine(sample_corpus_url)
    counts = corpus.figure_facets(engine)
    places, total = counts["place"], sum(counts["source_kind"].values())  # every figure has a source kind
    if not places:
        pytest.fail("the sample corpus has no figures with a place: is nlp.figures wired into nlp.analyze?")
    place = min(places, key=lambda p: (places[p], p))  # the rarest place: filtering must cut the list
    expected = corpus.list_figures(engine, place=place)
    list_shot, doc_shot = ARTIFACTS / "explorer-figures.png", ARTIFACTS / "explorer-figure-document.png"
    fresh_screenshots(list_shot, doc_shot)
    with browser_page(chromium) as page:
        page.goto(explorer)  # as a reader does: the app first, then its Figures page from the top bar
        page.get_by_role("link", name="Figures").click()
        rows = page.locator(".saual-figure")
        expect(rows.first).to_be_visible()
        expect(page.locator(".saual-count")).to_contain_text(re.compile(rf"\b{total} figures"))
        page.get_by_test_id("stSelectbox").filter(has_text="Place").click()
        page.get_by_role("option", name=re.compile(f"^{re.escape(place)} ·")).click()
        expect(rows).to_have_count(len(expected))
        assert urlsplit(page.url).path.endswith("/figures")
        assert parse_qs(urlsplit(page.url).query).get("place") == [place]  # the filter is a permalink
        first_mark = rows.first.locator("mark.figure")
        expect(first_mark).to_have_text(expected[0].text)
        page.screenshot(path=str(list_shot), full_page=False)

        page.get_by_role("link", name="Open passage").first.click()
        expect(page.locator(".saual-doc")).to_be_visible()
        params = parse_qs(urlsplit(page.url).query)
        assert urlsplit(page.url).path.endswith("/document")
        assert params.get("doc") == [str(expected[0].document_id)]
        assert params.get("p") == [str(expected[0].passage_id)]
        passage = page.locator(f"#passage-{expected[0].passage_id}")
        expect(passage).to_have_class("saual-passage saual-hit")
        expect(passage).to_be_in_viewport()
        marked = passage.locator("mark.figure").filter(has_text=expected[0].text).first
        expect(marked).to_be_visible()
        assert marked.get_attribute("title").split(" · ")[0].replace(",", "").lstrip("≈<>≤≥ ").startswith(
            f"{expected[0].value:.0f}"[:2])
        page.screenshot(path=str(doc_shot), full_page=False)

        # the filtered list is a permalink: opened by URL it shows the same figures
        page.goto(f"{explorer}/figures?place={quote(place)}")
        expect(page.locator(".saual-figure")).to_have_count(len(expected))
        expect(page.get_by_role("link", name="Search")).to_be_visible()  # inside the app's frame
    assert_screenshots(list_shot, doc_shot)


def test_entities_then_an_entity_then_its_mention_in_the_document(explorer: str, chromium: Path,
                                                                  sample_corpus_url: str) -> None:
    """Entities page → the most mentioned entity → follow a mention to its passage, marked there."""
    from playwright.sync_api import expect

    import corpus

    engine = corpus.get_engine(sample_corpus_url)
    found = corpus.list_entities(engine)
    if not found:
        pytest.fail("the sample corpus has no entities: is nlp.entities wired into nlp.analyze?")
    top = found[0]
    detail = corpus.get_entity(engine, top.key)
    first = detail.mention_list[0]
    list_shot, entity_shot, doc_shot = (ARTIFACTS / "explorer-entities.png", ARTIFACTS / "explorer-entity.png",
                                        ARTIFACTS / "explorer-entity-document.png")
    fresh_screenshots(list_shot, entity_shot, doc_shot)
    with browser_page(chromium) as page:
        page.goto(explorer)
        page.get_by_role("link", name="Entities").click()
        table = page.locator(".saual-entities-table")
        expect(table).to_be_visible()
        expect(table.locator("tbody tr")).to_have_count(min(len(found), 200))
        page.screenshot(path=str(list_shot), full_page=False)

        table.locator("a.saual-entity-link").first.click()
        expect(page.locator("h1.saual-entity-title")).to_have_text(top.name)
        assert urlsplit(page.url).path.endswith("/entity")
        assert parse_qs(urlsplit(page.url).query).get("entity") == [top.key]  # the entity is a permalink
        marks = page.locator(".saual-snippet mark.entity")
        expect(marks.first).to_have_text(first.text)
        expect(page.get_by_role("link", name="Open passage")).to_have_count(min(len(detail.mention_list), 100))
        page.screenshot(path=str(entity_shot), full_page=False)

        page.get_by_role("link", name="Open passage").first.click()
        expect(page.locator(".saual-doc")).to_be_visible()
        params = parse_qs(urlsplit(page.url).query)
        assert urlsplit(page.url).path.endswith("/document")
        assert params.get("doc") == [str(first.document_id)] and params.get("p") == [str(first.passage_id)]
        passage = page.locator(f"#passage-{first.passage_id}")
        expect(passage).to_have_class("saual-passage saual-hit")
        expect(passage).to_be_in_viewport()
        mark = passage.locator("mark.entity").filter(has_text=first.text).first
        expect(mark).to_be_visible()
        link = mark.locator("xpath=ancestor::a[1]")  # the marked name links to its Entity page
        assert parse_qs(urlsplit(link.get_attribute("href")).query).get("entity") == [top.key]
        page.screenshot(path=str(doc_shot), full_page=False)
    assert_screenshots(list_shot, entity_shot, doc_shot)


def test_newcomer_fixes_in_chromium(explorer: str, chromium: Path, sample_corpus_url: str) -> None:
    """What a newcomer saw: no empty Document/Entity entries in the top bar (a bare visit says what to do),
    a Documents table with every column on screen and a title for each document, a permalink that is a
    link, no database path in the sidebar, and a Figures page a page long, not 10,000 pixels."""
    from playwright.sync_api import expect

    import corpus

    engine = corpus.get_engine(sample_corpus_url)
    titles = corpus.display_titles(engine)
    docs_shot, figures_shot = ARTIFACTS / "explorer-documents.png", ARTIFACTS / "explorer-figures-paged.png"
    fresh_screenshots(docs_shot, figures_shot)
    with browser_page(chromium) as page:
        page.goto(explorer)
        nav = page.get_by_test_id("stTopNavLinkContainer")
        expect(nav.get_by_role("link", name="Documents", exact=True)).to_be_visible()
        expect(nav.get_by_role("link", name="Document", exact=True)).to_have_count(0)
        expect(nav.get_by_role("link", name="Entity", exact=True)).to_have_count(0)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar).to_contain_text("Database: SQLite")
        assert sample_corpus_url.split("///", 1)[1] not in sidebar.inner_text()

        page.goto(f"{explorer}/document")  # a bare visit: what the page is for, and the way to Documents
        expect(page.get_by_text("This page shows one document")).to_be_visible()
        page.get_by_role("link", name="Browse all documents").click()
        expect(page.get_by_role("heading", name="Documents")).to_be_visible()
        grid = page.get_by_test_id("stDataFrame")
        expect(grid).to_be_visible()
        # the grid's accessible table lists the columns it draws: a column cut off is not in it
        headers = grid.locator("th[role=columnheader]")
        expect(headers.last).to_have_text("File")
        assert [h.inner_text() for h in headers.all()][-3:] == ["OCR", "Format", "File"]
        cells = [c.inner_text() for c in grid.locator("td[role=gridcell]").all()]
        twins = [t for t in titles.values() if " · " in t]
        assert len(twins) >= 2 and all(cells.count(title) == 1 for title in twins)
        assert "None" not in cells and "PDF" in cells
        page.screenshot(path=str(docs_shot), full_page=False)

        doc = corpus.list_documents(engine)[0]
        page.goto(f"{explorer}/document?doc={doc.id}")
        link = page.locator(".saual-meta-table a", has_text=f"document?doc={doc.id}")
        expect(link).to_be_visible()
        link.click()
        expect(page.locator(".saual-doc")).to_be_visible()
        assert parse_qs(urlsplit(page.url).query).get("doc") == [str(doc.id)]
        assert urlsplit(page.url).path.endswith("/document")

        page.goto(f"{explorer}/figures?size=20")
        expect(page.locator(".saual-figure")).to_have_count(20)
        expect(page.get_by_role("button", name="Next page")).to_be_visible()
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        assert height < 10_000, height
        page.get_by_role("button", name="Next page").click()
        expect(page.get_by_text("Page 2 of")).to_be_visible()
        assert parse_qs(urlsplit(page.url).query).get("page") == ["2"]
        page.screenshot(path=str(figures_shot), full_page=False)
    assert_screenshots(docs_shot, figures_shot)
