"""`saual extract --json` against the contract in docs/extraction.schema.json, on every sample file.

Runs the real console script; checks schema, one line per file, sha256, page count and that every
span's text is the document text at its offsets (exercised with a hand-made Analysis as well).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
from jsonschema import Draft202012Validator

import ingest
import nlp
from nlp import Addressee, Analysis, Demand, Entity, Figure, Signatory

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "extraction.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
SAUAL = Path(sys.executable).with_name("saual")
SAMPLE_FILES = sorted((ROOT / "samples" / "pdf").glob("*.pdf")) + sorted((ROOT / "samples" / "seeds").glob("*.txt"))
SPAN_LISTS = ("figures", "entities", "demands", "addressee", "signatories")


def saual(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SAUAL_DATABASE_URL"}
    return subprocess.run([str(SAUAL), *args], check=False, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=timeout, cwd=ROOT)


def span_errors(contract: dict) -> list[str]:
    """Every span whose text is not contract['text'][start:end], or whose offsets are out of range."""
    text = contract["text"]
    errors = []
    for key in SPAN_LISTS:
        for i, item in enumerate(contract.get(key) or []):
            start, end = item["start"], item["end"]
            if not (0 <= start <= end <= len(text)) or text[start:end] != item["text"]:
                errors.append(f"{key}[{i}] {start}:{end} {item['text']!r} != {text[start:end]!r}")
    return errors


def schema_errors(contract: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(contract)]


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    """One real `saual extract --json` run over every sample file: source path → contract."""
    assert SAUAL.exists(), f"console script missing: {SAUAL} (pip install -e .)"
    result = saual("extract", "--json", *map(str, SAMPLE_FILES))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(SAMPLE_FILES), result.stdout[:2000]
    contracts = [json.loads(line) for line in lines]
    return {c["source"]["path"]: c for c in contracts}


def test_sample_corpus_is_there() -> None:
    assert len(SAMPLE_FILES) == 10


def test_one_line_per_file_in_order(extracted: dict[str, dict]) -> None:
    assert list(extracted) == [str(p) for p in SAMPLE_FILES]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_contract_is_valid(extracted: dict[str, dict], path: Path) -> None:
    contract = extracted[str(path)]
    assert schema_errors(contract) == []
    assert span_errors(contract) == []
    assert contract["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert contract["source"]["format"] == path.suffix.lstrip(".")
    assert contract["text"].strip()
    if path.suffix == ".pdf":
        assert contract["source"]["pages"] == len(pypdfium2.PdfDocument(str(path)))


def test_json_is_not_ascii_escaped() -> None:
    seed = next(p for p in SAMPLE_FILES if p.suffix == ".txt")
    result = saual("extract", "--json", str(seed))
    assert result.returncode == 0, result.stderr
    assert "\\u04" not in result.stdout  # Cyrillic written as itself, not \\u escapes
    assert any("\u0400" <= ch <= "\u04ff" for ch in result.stdout)


@pytest.fixture(scope="module")
def other_formats(tmp_path_factory) -> list[Path]:
    """HTML fixtures plus DOCX, cp1251 and UTF-16 files made here from the seed texts."""
    import docx

    folder = tmp_path_factory.mktemp("formats")
    seeds = sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    made = sorted((ROOT / "tests" / "data" / "html").glob("*.html"))
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        document = docx.Document()
        for para in text.split("\n\n"):
            if para.strip():
                document.add_paragraph(para.strip())
        document.save(folder / f"{seed.stem}.docx")
        made.append(folder / f"{seed.stem}.docx")
        (folder / f"{seed.stem}.utf16.txt").write_text(text, encoding="utf-16")
        made.append(folder / f"{seed.stem}.utf16.txt")
        # cp1251 has no Kazakh letters: those become '?', the rest must still be read as Cyrillic
        (folder / f"{seed.stem}.cp1251.txt").write_bytes(text.encode("cp1251", errors="replace"))
        made.append(folder / f"{seed.stem}.cp1251.txt")
    return made


def test_other_formats_follow_the_contract(other_formats: list[Path]) -> None:
    result = saual("extract", "--json", *map(str, other_formats))
    assert result.returncode == 0, result.stderr
    contracts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [c["source"]["path"] for c in contracts] == [str(p) for p in other_formats]
    for path, contract in zip(other_formats, contracts, strict=True):
        assert schema_errors(contract) == [], path.name
        assert span_errors(contract) == [], path.name
        assert contract["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        expected = {".html": "html", ".docx": "docx", ".txt": "txt"}[path.suffix]
        assert contract["source"]["format"] == expected
        letters = [ch for ch in contract["text"] if ch.isalpha()]
        cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
        assert len(cyrillic) > 0.5 * len(letters), f"{path.name}: decoded into the wrong alphabet"


@pytest.mark.slow
@pytest.mark.ocr
def test_scanned_pdf_follows_the_contract() -> None:
    scan = ROOT / "tests" / "data" / "scanned" / "8925_p2_scan.pdf"
    result = saual("extract", "--json", str(scan))
    assert result.returncode == 0, result.stderr
    contract = json.loads(result.stdout)
    assert schema_errors(contract) == [] and span_errors(contract) == []
    assert contract["source"]["ocr"] is True
    assert contract["source"]["pages"] == len(pypdfium2.PdfDocument(str(scan)))


# ------------------------------------------------------------ a hand-made Analysis at real offsets
def _find(text: str, predicate, min_len: int = 3) -> tuple[int, int]:
    """Offsets of the first whitespace-separated token satisfying `predicate`, punctuation trimmed."""
    pos = 0
    for token in text.split():
        start = text.index(token, pos)
        pos = start + len(token)
        word = token.strip(".,;:!?«»\"()")
        if len(word) >= min_len and predicate(word):
            s = text.index(word, start)
            return s, s + len(word)
    raise AssertionError("no such token in the sample text")


@pytest.fixture(scope="module")
def hand_made() -> tuple[ingest.Document, Analysis]:
    """A real sample document with one item of every kind at offsets found in its text."""
    doc = ingest.read(next(p for p in SAMPLE_FILES if p.suffix == ".pdf"))
    text = doc.text
    n0, n1 = _find(text, lambda w: w.isdigit(), min_len=1)
    e0, e1 = _find(text, lambda w: w[0].isupper() and w.isalpha())
    para = doc.paragraphs[len(doc.paragraphs) // 2]
    analysis = Analysis(
        figures=[Figure(text=text[n0:n1], start=n0, end=n1, value=float(text[n0:n1]), qualifier="about",
                        page=doc.page_at(n0))],
        entities=[Entity(text=text[e0:e1], start=e0, end=e1, label="LOC", canonical=text[e0:e1],
                         page=doc.page_at(e0))],
        demands=[Demand(text=text[para.start:para.end], start=para.start, end=para.end, type="demand",
                        page=para.page, number=1)],
        addressee=[Addressee(text=text[e0:e1], start=e0, end=e1, name=text[e0:e1])],
        signatories=[Signatory(text=text[e0:e1], start=e0, end=e1, name=text[e0:e1])],
    )
    return doc, analysis


def test_hand_made_contract_is_valid_and_quotes_the_text(hand_made) -> None:
    doc, analysis = hand_made
    contract = json.loads(json.dumps(nlp.to_contract(doc, analysis), ensure_ascii=False))
    assert schema_errors(contract) == []
    assert span_errors(contract) == []
    assert all(len(contract[k]) == 1 for k in SPAN_LISTS)
    assert contract["figures"][0]["approx"] is True
    assert contract["demands"][0]["text"] == doc.text[doc.paragraphs[len(doc.paragraphs) // 2].start:
                                                      doc.paragraphs[len(doc.paragraphs) // 2].end]


@pytest.mark.parametrize("key", SPAN_LISTS)
def test_span_check_catches_a_shifted_offset(hand_made, key: str) -> None:
    doc, analysis = hand_made
    contract = nlp.to_contract(doc, analysis)
    broken = copy.deepcopy(contract)
    broken[key][0]["start"] += 1
    assert span_errors(broken), "the offset check must notice a span that no longer quotes the text"


@pytest.mark.parametrize("mutate", [
    lambda c: c.update(language="en"),
    lambda c: c["source"].update(sha256="xyz"),
    lambda c: c.pop("text"),
    lambda c: c["figures"][0].update(qualifier="roughly"),
    lambda c: c["entities"][0].pop("canonical"),
], ids=["language", "sha256", "no-text", "qualifier", "entity-canonical"])
def test_schema_rejects_a_broken_contract(hand_made, mutate) -> None:
    doc, analysis = hand_made
    contract = copy.deepcopy(nlp.to_contract(doc, analysis))
    mutate(contract)
    assert schema_errors(contract)
