"""The Inquiry page of an answered inquiry in a real browser (Debian's Chromium, as tests/test_browser.py): the
linked reply, each point's answer status with the reply passage, the unanswered points; a screenshot is kept in
test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus
from tests.conftest import SAMPLES
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
REPLIES = Path(__file__).parent / "data" / "replies"


def test_the_answered_inquiry_page_in_chromium(chromium: Path, tmp_path_factory) -> None:
    from playwright.sync_api import expect

    folder = tmp_path_factory.mktemp("replies-browser")
    url = f"sqlite:///{folder / 'saual.db'}"
    engine = corpus.get_engine(url)
    assert corpus.ingest_paths(engine, [SAMPLES / "pdf" / "8920.pdf", REPLIES / "reply_8920_kk.txt"]).ok
    inquiry = corpus.list_inquiries(engine, status="answered")[0]
    full = corpus.get_inquiry(engine, inquiry.id)
    corpus.close_engine(url)
    shot = ARTIFACTS / "explorer-inquiry-reply.png"
    fresh_screenshots(shot)
    with serve_explorer(url, folder / "server.log") as server, browser_page(chromium) as page:
        page.goto(f"{server}/inquiry?doc={inquiry.id}")
        expect(page.get_by_text("Replies (1)")).to_be_visible()
        expect(page.get_by_text("Unanswered points")).to_be_visible()
        expect(page.locator(".saual-answer-not_answered")).to_have_count(len(full.unanswered))
        expect(page.locator(".saual-reply-quote").first).to_contain_text("Бірінші ұсыныс бойынша")
        page.screenshot(path=str(shot), full_page=True)
    assert_screenshots(shot)
