"""Real samples: every inquiry in samples/ gets an addressee resolved to an official, and signatories."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import read
from nlp import extract_addressee, extract_signatories, segment
from tests.conftest import SAMPLE_PDFS, SEEDS


@pytest.mark.parametrize("path", SAMPLE_PDFS + SEEDS, ids=lambda p: p.name)
def test_every_sample_inquiry_has_a_resolved_addressee(path: Path) -> None:
    doc = read(path)
    if path.suffix == ".pdf":
        assert doc.kind == "inquiry"
    if doc.kind != "inquiry":  # the news seed
        assert extract_addressee(segment(doc)) == []
        return
    seg = segment(doc)
    addressees = extract_addressee(seg)
    assert addressees and all(a.name_en and a.position for a in addressees), addressees
    if path.suffix == ".pdf":  # the seeds are given without their signature blocks
        assert extract_signatories(seg)
