"""A document full of HTML, JavaScript and Markdown, ingested with `saual ingest` and opened on every explorer
page that shows document text in a real Chromium: no script runs, no dialog opens, and the markup shows as
literal text (issue 10)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_browser import ARTIFACTS, browser_page, chromium, fresh_screenshots, serve_explorer

__all__ = ["chromium"]  # the fixture, imported for this module's tests

pytestmark = pytest.mark.browser

SAUAL = Path(sys.executable).with_name("saual")
PAYLOADS = ['<script>window.__pwned = 1; alert("xss")</script>', "<img src=x onerror=\"window.__pwned = 2; alert('img')\">",
            "[ссылка](javascript:window.__pwned=3)", "<svg onload=alert(5)>"]
HOSTILE = f"""ДЕПУТАТСКИЙ ЗАПРОС

Премьер-Министру Республики Казахстан
Бектенову О.А.

Уважаемый Олжас Абаевич!

По данным Министерства труда, в 2024 году в Южной Корее незаконно работали 11 тыс. казахстанцев {PAYLOADS[0]}.
Однако диаспоральные центры считают, что в 2024 году в Южной Корее незаконно работали около 20 тыс. казахстанцев {PAYLOADS[1]}.
Подробнее: {PAYLOADS[2]} и **жирный** текст <b>тег</b>.

В связи с этим просим:
1. Провести проверку <script>alert(4)</script> и сообщить результаты.
2. Разработать меры по легализации трудовых мигрантов?

Просим дать ответ в установленный законодательством срок.

Депутаты Мажилиса Парламента Республики Казахстан:
Е. Бейсенбаев {PAYLOADS[3]}
А. Перуашев
"""
LITERAL = {"": ["<img src=x onerror"],  # the search snippet around the hit
           "document": [*PAYLOADS, "**жирный**", "<b>тег</b>"]}
WAIT_FOR = {"entities": "Бейсенбаев", "inquiries": "1 inquiry"}  # what each page shows once rendered
PAGES = ["?q=казахстанцев", "document?doc=1", "figures", "entities", "conflicts", "inquiries", "inquiry?doc=1"]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile-inquiry.txt").write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{folder / 'saual.db'}"
    done = subprocess.run([str(SAUAL), "ingest", str(folder), "--db", url], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return url


@pytest.fixture(scope="module")
def hostile_explorer(hostile_url: str, chromium: Path, tmp_path_factory):
    with serve_explorer(hostile_url, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_markup_in_a_document_stays_text(hostile_explorer: str, chromium: Path, path: str) -> None:
    from playwright.sync_api import expect

    shot = ARTIFACTS / f"hostile-{path.split('?')[0] or 'search'}.png"
    fresh_screenshots(shot)
    dialogs: list[str] = []
    url = hostile_explorer
    with browser_page(chromium) as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{url}/{path}")
        main = page.locator("[data-testid='stMain']")
        expect(main.get_by_text(WAIT_FOR.get(path, "казахстанцев")).first).to_be_visible()
        page.wait_for_timeout(1500)  # time for any injected handler (onerror, onload) to fire
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
        assert main.locator("script, img[onerror], svg[onload], a[href^='javascript:']").count() == 0
        text = main.inner_text()
        assert "&lt;" not in text  # escaped once: the reader sees `<`, not `&lt;`
        for literal in LITERAL.get(path.split("?")[0], []):
            assert literal in text, f"{literal!r} not shown as text on {path}"
        page.screenshot(path=str(shot), full_page=True)
