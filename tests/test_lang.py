"""nlp.lang: script checks over every data file and code literal, harmony, tokens, segmentation once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import nlp
from ingest import Document
from ingest.document import PageSpan, Paragraph
from nlp.lang import (
    BACK,
    BOTH,
    FRONT,
    agrees,
    file_problems,
    harmony_of,
    has_kazakh_letters,
    segment,
    word_spans,
)
from nlp.lang.resources import script_mixes

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ingest", "nlp", "corpus", "ui")
DATA_DIRS = [ROOT / p for p in ("nlp/resources", "nlp/gazetteer/data", "nlp/lang/data", "nlp/kk/data",
                                "corpus/resources", "ingest/resources")]


def _data_files() -> list[Path]:
    return sorted(p for d in DATA_DIRS for p in d.iterdir() if p.suffix in (".tsv", ".txt"))


def test_there_are_data_files_to_check() -> None:
    assert len(_data_files()) > 80


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_is_sound(path: Path) -> None:
    assert file_problems(path) == []


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants (examples of the bugs the code fixes may be quoted there)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _literal_mixes() -> list[str]:
    out = []
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstrings(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                    out += [f"{path.relative_to(ROOT)}:{node.lineno}: {w!r}" for w in script_mixes(node.value)]
    return out


def test_no_code_literal_mixes_latin_and_cyrillic() -> None:
    assert _literal_mixes() == []


@pytest.mark.parametrize("text, expected", [
    ("төмендe", ["төмендe"]),  # a Latin e at the end of a Kazakh word
    ("Еmployment", ["Еmployment"]),
    ("АҚШ-қа eGov-та COVID-19", []),
    (r"[A-ZА-ЯЁ]\w+ A-ZА-Я \bкак", []),  # regex syntax is not words
])
def test_script_mixes(text: str, expected: list[str]) -> None:
    assert script_mixes(text) == expected


def test_a_mixed_word_in_a_data_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "words_kk.tsv"
    bad.write_text("# a comment\nтөменде\tok\nарт\tx\tmore\nөсe\tok\n", encoding="utf-8")
    problems = file_problems(bad)
    assert any(":3: 3 columns" in p for p in problems)
    assert any(":4: 'өсe' mixes" in p for p in problems)


@pytest.mark.parametrize("word, expected", [
    ("қала", {BACK}), ("мектеп", {FRONT}), ("Қонаев", BOTH), ("ст", BOTH), ("көл", {FRONT}), ("жол", {BACK}),
])
def test_harmony(word: str, expected: set[str]) -> None:
    assert harmony_of(word) == expected


@pytest.mark.parametrize("stem, ending, ok", [
    ("қала", "ға", True), ("қала", "ге", False), ("мектеп", "ке", True), ("мектеп", "қа", False),
    ("ҚР", "ның", True),
])
def test_agrees(stem: str, ending: str, ok: bool) -> None:
    assert agrees(stem.lower(), ending) is ok


def test_tokens_keep_inner_hyphens() -> None:
    text = "іс-шара, Алматы-1 және 2025"
    assert [text[a:b] for a, b in word_spans(text)] == ["іс-шара", "Алматы-1", "және", "2025"]


def test_has_kazakh_letters() -> None:
    assert has_kazakh_letters("Қазақстан") and not has_kazakh_letters("Казахстан")


def _doc() -> Document:
    text = "Бүгін 20 мыңға жуық адам жұмыс істейді. Екінші сөйлем.\n\nВ Корее работают 15 тыс. казахстанцев."
    split = text.index("\n\n")
    return Document(path="t.txt", sha256="0", format="txt", text=text, pages=[PageSpan(1, 0, len(text))],
                    paragraphs=[Paragraph(0, split, 1, "kk"), Paragraph(split + 2, len(text), 1, "ru")],
                    language="kk+ru")


def test_segmentation_has_languages_sentences_and_tokens() -> None:
    seg = segment(_doc())
    kk, ru = seg.segments
    assert (kk.lang, ru.lang) == ("kk", "ru")
    assert [kk.text[s.start:s.end] for s in kk.sentences] == [
        "Бүгін 20 мыңға жуық адам жұмыс істейді.", "Екінші сөйлем."]
    assert ru.text[ru.tokens[0][0]:ru.tokens[0][1]] == "В"
    assert ru.start == seg.doc.text.index("В Корее")


def test_analyze_segments_once_and_hands_it_to_every_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = nlp.analyze.__globals__["segment"]

    def counting(doc: Document):
        calls.append(doc)
        return real(doc)

    monkeypatch.setitem(nlp.analyze.__globals__, "segment", counting)
    seen: list[object] = []
    registry = nlp.extractors.__globals__["_REGISTRY"]
    for name, ex in list(registry.items()):
        monkeypatch.setitem(registry, name, type(ex)(ex.name, ex.item, _spy(ex.run, seen), ex.to_json))
    analysis = nlp.analyze(_doc())
    assert len(calls) == 1
    assert len(seen) == len(nlp.extractors()) >= 2 and all(s is seen[0] for s in seen)
    assert [f.value for f in analysis.figures] == [20000, 15000]


def _spy(run, seen: list[object]):
    def spy(segmentation):
        seen.append(segmentation)
        return run(segmentation)
    return spy


def test_registry_names_are_analysis_fields_and_contract_keys() -> None:
    doc = _doc()
    out = nlp.to_contract(doc, nlp.analyze(doc))
    assert {ex.name for ex in nlp.extractors()} >= {"figures", "entities"}
    for ex in nlp.extractors():
        assert isinstance(out[ex.name], list)


@pytest.mark.parametrize("stem, ending, strict, lenient", [
    ("ресурс", "тар", False, True),  # last vowel у: the lenient reading (query stemming) takes either
    ("тариф", "тер", False, True),
    ("көшербаев", "қа", True, True),  # е after a back vowel: a Russian loan's, either way
])
def test_agrees_neutral_last(stem: str, ending: str, strict: bool, lenient: bool) -> None:
    assert agrees(stem, ending) is strict
    assert agrees(stem, ending, neutral_last=True) is lenient
