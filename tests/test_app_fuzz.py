"""Every explorer page under random URL parameters (hypothesis): hostile text, FTS and SQL syntax, huge and
negative numbers, bad dates. Never an exception, never a database error shown (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

APP = Path(__file__).resolve().parent.parent / "ui" / "app" / "main.py"

pytestmark = pytest.mark.slow

# page → the URL parameters it reads (see each view's Param declarations)
PAGES = {
    "views/search.py": ["q", "lang", "kind", "year", "from", "to", "entity", "undated"],
    "views/documents.py": ["lang", "kind", "year", "undated"],
    "views/document.py": ["doc", "p", "q", "fig", "card"],
    "views/figures.py": ["q", "indicator", "place", "year", "source", "lang", "kind", "page", "size", "group"],
    "views/entities.py": ["q", "label"],
    "views/entity.py": ["entity"],
    "views/conflicts.py": ["indicator", "place", "kind", "source", "since", "sort", "card"],
    "views/inquiries.py": ["addressee", "signatory", "faction", "status", "from", "to", "sort"],
    "views/inquiry.py": ["doc"],
}
NASTY = ["' OR 1=1 --", '"; DROP TABLE documents; --', "NEAR(a b)", "a AND OR NOT", "*", "\"", "(", ")", "^",
         "col:val", "-1", "0", "99999999999999999999", "1e308", "NaN", "2024-02-30", "0000-00-00", "9999-99-99",
         "%", "_", "\\", "\x00", "<script>alert(1)</script>", "PER:", "kz.person.", "Корея", "Қазақстан", "𝔘𝔫𝔦", ""]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=30), st.integers(-10**12, 10**12).map(str))


def run(page: str, params: dict[str, str], url: str, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SAUAL_DATABASE_URL", url)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, (page, params, [e.value for e in at.exception])
    shown = " ".join(str(e.value) for e in at.error).lower()
    assert "sqlalchemy" not in shown and "traceback" not in shown and "syntax error" not in shown, (page, params, shown)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_random_url_parameters_never_break_a_page(page: str, sample_corpus_url: str, monkeypatch) -> None:
    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.dictionaries(st.sampled_from(PAGES[page]), VALUES, min_size=1, max_size=len(PAGES[page])))
    def check(params: dict[str, str]) -> None:
        run(page, {k: v.replace("\x00", "") for k, v in params.items()}, sample_corpus_url, monkeypatch)

    check()
