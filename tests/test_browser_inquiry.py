"""The Inquiry page in a real browser (Debian's Chromium, as tests/test_browser.py) on the sample corpus: the
bilingual freight inquiry with its addressee, deadline, signatories and numbered demands; a screenshot is
kept in test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus
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


def test_the_inquiry_page_in_chromium(chromium: Path, sample_corpus_url: str, tmp_path_factory) -> None:
    from playwright.sync_api import expect

    engine = corpus.get_engine(sample_corpus_url)
    inquiry = next(i for i in corpus.list_inquiries(engine) if i.language == "kk+ru"
                   and any(p.name == "Olzhas Bektenov" for p in i.addressees))
    full = corpus.get_inquiry(engine, inquiry.id)
    shot = ARTIFACTS / "explorer-inquiry.png"
    fresh_screenshots(shot)
    log = tmp_path_factory.mktemp("streamlit-inquiry") / "server.log"
    with serve_explorer(sample_corpus_url, log) as url, browser_page(chromium) as page:
        page.goto(f"{url}/inquiry?doc={inquiry.id}")
        expect(page.get_by_text("Olzhas Bektenov").first).to_be_visible()
        expect(page.get_by_role("checkbox")).to_have_count(len(full.demand_list))
        expect(page.get_by_role("button", name="Reply draft (DOCX)")).to_be_visible()
        expect(page.get_by_text("SAUAL_RESPONSE_DAYS").first).to_be_visible()
        page.screenshot(path=str(shot), full_page=True)
    assert_screenshots(shot)
