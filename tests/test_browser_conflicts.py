"""The Conflicts page in a real browser (Debian's Chromium, as tests/test_browser.py): open the page from the
top bar, open the South Korea card, see its figures side by side and its timeline, keep a screenshot in
test-artifacts/, then follow a figure to its passage on the Document page, where it is marked as in conflict."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import corpus
from tests.fixtures_db import SOUTH_KOREA
from tests.test_browser import (
    ARTIFACTS,
    assert_screenshots,
    browser_page,
    chromium,
    fresh_screenshots,
    serve_explorer,
)

pytestmark = pytest.mark.browser
__all__ = ["chromium"]  # the fixture, imported for this module's tests


@pytest.fixture(scope="module")
def conflicts_explorer(chromium: Path, conflict_corpus_url: str, tmp_path_factory) -> Iterator[str]:
    with serve_explorer(conflict_corpus_url, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


def test_open_the_south_korea_card_in_chromium(conflicts_explorer: str, chromium: Path,
                                               conflict_corpus_url: str) -> None:
    from playwright.sync_api import expect

    korea = next(c for c in corpus.list_conflicts(corpus.get_engine(conflict_corpus_url))
                 if c.indicator == SOUTH_KOREA)
    list_shot, card_shot = ARTIFACTS / "explorer-conflicts.png", ARTIFACTS / "explorer-conflict-card.png"
    timeline_shot = ARTIFACTS / "explorer-conflict-timeline.png"
    fresh_screenshots(list_shot, card_shot, timeline_shot)
    with browser_page(chromium) as page:
        page.goto(conflicts_explorer)
        page.get_by_role("link", name="Conflicts").click()
        expect(page.get_by_role("heading", name="Conflicts")).to_be_visible()
        expect(page.locator(".saual-count")).to_have_text("2 conflict cards")
        page.screenshot(path=str(list_shot), full_page=False)
        expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(0)  # timelines drawn when opened
        page.locator(f".st-key-card-{korea.id}").get_by_text("Timeline of this indicator").click()
        expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(1)

        card = page.locator(f".st-key-card-{korea.id}")
        expect(card.locator(".saual-result-title")).to_contain_text("South Korea")
        card.get_by_role("button", name="Open card").click()
        expect(page.locator(".saual-card-head")).to_have_count(1)
        expect(page).to_have_url(re.compile(rf"/conflicts\?card={korea.id}$"))  # the card is a permalink
        claims = page.locator(".saual-claim")
        expect(claims).to_have_count(2)
        expect(claims.nth(0).locator(".saual-badge")).to_have_text("Official")
        expect(claims.nth(1).locator(".saual-badge")).to_have_text("Unofficial")
        expect(claims.nth(1).locator(".saual-figure-value")).to_have_text("≈ 20,000 persons")
        expect(claims.nth(0).locator("mark.figure")).to_have_text("9 600 граждан")
        expect(claims.nth(0).locator(".saual-disagree")).to_have_text("Disagrees with #2 (same year)")
        page.screenshot(path=str(card_shot), full_page=False)
        chart = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first
        chart.scroll_into_view_if_needed()
        expect(chart).to_be_visible()
        chart.screenshot(path=str(timeline_shot))

        page.get_by_role("link", name="Open passage #1").click()
        expect(page.locator(".saual-doc")).to_be_visible()
        assert urlsplit(page.url).path.endswith("/document")
        marked = page.locator("mark.figure.conflict")
        expect(marked).to_have_text("9 600 граждан")
        href = marked.locator("xpath=ancestor::a[1]").get_attribute("href")
        assert parse_qs(urlsplit(href).query).get("card") == [korea.id]
    assert_screenshots(list_shot, card_shot)
    assert timeline_shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_sample_corpus_south_korea_card_in_chromium(chromium: Path, sample_corpus_url: str,
                                                         tmp_path_factory) -> None:
    """The bundled samples (what `make run` shows): the inquiry's 9 600 (2022, official) and ~20 000 (now,
    unofficial) and the ministry's 11 000 (2025) on one card, each with why it is one moment."""
    from playwright.sync_api import expect

    korea = next(c for c in corpus.list_conflicts(corpus.get_engine(sample_corpus_url)) if c.place == "South Korea")
    shot = ARTIFACTS / "explorer-sample-korea-card.png"
    fresh_screenshots(shot)
    log = tmp_path_factory.mktemp("streamlit-samples") / "server.log"
    with serve_explorer(sample_corpus_url, log) as url, browser_page(chromium) as page:
        page.goto(f"{url}/conflicts?card={korea.id}")
        claims = page.locator(".saual-claim")
        expect(claims).to_have_count(3)
        expect(page.locator(".saual-card-head")).to_contain_text("South Korea")
        values = {claims.nth(i).locator(".saual-figure-value").inner_text() for i in range(3)}
        assert values == {"9,600 persons", "11,000 persons", "≈ 20,000 persons"}
        expect(page.locator(".saual-disagree").filter(has_text="own contrast")).to_have_count(2)
        chart = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first
        chart.scroll_into_view_if_needed()
        expect(chart).to_be_visible()
        page.screenshot(path=str(shot), full_page=True)
    assert_screenshots(shot)
