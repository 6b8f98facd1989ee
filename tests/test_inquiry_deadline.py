"""The answer's due date: announcement date + the response term (a setting: days, calendar or working)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from nlp import NlpError, ResponseTerm, response_due, response_term
from tests.textdoc import document_from_text


@pytest.mark.parametrize(("term", "announced", "expected"), [
    (ResponseTerm(15, "calendar"), dt.date(2025, 5, 21), dt.date(2025, 6, 5)),
    (ResponseTerm(30, "calendar"), dt.date(2025, 12, 10), dt.date(2026, 1, 9)),
    (ResponseTerm(10, "working"), dt.date(2025, 5, 21), dt.date(2025, 6, 4)),  # a Wednesday: two weekends
    (ResponseTerm(1, "working"), dt.date(2025, 5, 23), dt.date(2025, 5, 26)),  # Friday → Monday
])
def test_due_date(term: ResponseTerm, announced: dt.date, expected: dt.date) -> None:
    assert term.due(announced) == expected


def test_response_due_of_an_inquiry_follows_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = replace(document_from_text("ДЕПУТАТСКИЙ ЗАПРОС\n\nТекст."), kind="inquiry", date=dt.date(2025, 5, 21))
    assert response_due(doc) == dt.date(2025, 6, 5)
    monkeypatch.setenv("SAUAL_RESPONSE_DAYS", "10")
    monkeypatch.setenv("SAUAL_RESPONSE_DAY_KIND", "working")
    assert response_due(doc) == dt.date(2025, 6, 4)
    assert response_due(replace(doc, date=None)) is None
    assert response_due(replace(doc, kind="news")) is None


@pytest.mark.parametrize(("days", "kind"), [("0", "calendar"), ("ten", "calendar"), ("15", "banking")])
def test_bad_settings_are_refused(monkeypatch: pytest.MonkeyPatch, days: str, kind: str) -> None:
    monkeypatch.setenv("SAUAL_RESPONSE_DAYS", days)
    monkeypatch.setenv("SAUAL_RESPONSE_DAY_KIND", kind)
    with pytest.raises(NlpError):
        response_term()
