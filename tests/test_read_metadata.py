"""End to end through ingest.read(): language, kind, date and title of the real sample PDFs."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

import ingest
from tests.conftest import SAMPLES

# Language from the hand-made gold; dates from each PDF's header (8929's says 2024 while its stamps
# are of May 2025: the mistyped year is corrected, the stated date kept in metadata, with a warning).
EXPECTED = [
    ("8920", "kk", dt.date(2025, 5, 21)), ("8922", "kk", dt.date(2025, 5, 21)),
    ("8924", "ru+kk", dt.date(2025, 5, 21)), ("8925", "kk", dt.date(2025, 5, 21)),
    ("8927", "kk", dt.date(2025, 5, 21)), ("8929", "kk", dt.date(2025, 5, 21)),
    ("8930", "kk+ru", dt.date(2025, 5, 21)), ("8931", "ru", dt.date(2025, 5, 21)),
]


@cache
def _read(name: str) -> ingest.Document:
    return ingest.read(SAMPLES / "pdf" / f"{name}.pdf")


@pytest.mark.parametrize("name, language, date", EXPECTED)
def test_sample_pdf_metadata(name: str, language: str, date: dt.date) -> None:
    doc = _read(name)
    assert doc.language == language
    assert doc.kind == "inquiry"
    assert doc.date == date
    assert any("mistyped" in w for w in doc.warnings) == ("stated_date" in doc.metadata) == (name == "8929")
    assert doc.title and doc.title.startswith(("Депутаттық сауал — ", "Депутатский запрос — "))


@pytest.mark.parametrize("name, language, date", EXPECTED)
def test_sample_pdf_paragraph_languages(name: str, language: str, date: dt.date) -> None:
    """Every paragraph is kk/ru/other, and a one-language document has no paragraph in the other."""
    doc = _read(name)
    langs = {p.language for p in doc.paragraphs}
    assert langs <= {"kk", "ru", "other"}
    if "+" not in language:
        other = "ru" if language == "kk" else "kk"
        assert other not in langs, [doc.text[p.start:p.end] for p in doc.paragraphs if p.language == other]
