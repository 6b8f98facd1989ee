"""The shipped Kazakh NER (nlp/models/kk_ner) and its training recipe (nlp/train/kk_ner.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import spacy

from nlp.models import KK_NER, kazakh_entities, kazakh_entities_batch, load_kazakh_ner
from nlp.train.kk_ner import KAZNERD, REPORT, Sentence, group_key, read_iob, split_of, text_and_spans, to_doc

ROOT = Path(__file__).resolve().parent.parent

# Sentences written for this test (not from KazNERD) with the names a reader marks. KazNERD's convention
# (the model's) leaves a place or body inside a post unmarked (`Қазақстан Президенті`, `Ұлттық банктің
# төрағасы` are POSITIONs), so no such name is listed here.
SENTENCES = [
    ("Қасым-Жомарт Тоқаев бүгін Астанада шетелдік инвесторлармен кездесті.",
     [("Қасым-Жомарт Тоқаев", "PER"), ("Астанада", "LOC")]),
    ("Денсаулық сақтау министрлігі Алматы облысында үш жаңа аурухана салуды жоспарлап отыр.",
     [("Денсаулық сақтау министрлігі", "ORG"), ("Алматы облысында", "LOC")]),
    ("Премьер-министр Олжас Бектенов Қытай мен Ресейдің делегацияларын қабылдады.",
     [("Олжас Бектенов", "PER"), ("Қытай", "LOC"), ("Ресейдің", "LOC")]),
    ("Жиынға Ұлттық банктің төрағасы Тимур Сүлейменов қатысты.", [("Тимур Сүлейменов", "PER")]),
    ("Маңғыстау облысының әкімі Нұрлан Ноғаев Ақтауда жаңа зауыттың ашылуына қатысты.",
     [("Нұрлан Ноғаев", "PER"), ("Ақтауда", "LOC")]),
    ("Балқаш көлінің деңгейі соңғы жылдары төмендеп кетті.", [("Балқаш", "LOC")]),
    ("Еуропалық одақ Қазақстанға қосымша көмек бөлетінін мәлімдеді.",
     [("Еуропалық одақ", "ORG"), ("Қазақстанға", "LOC")]),
    ("Мәжіліс депутаты Айдос Сарым Үкіметке депутаттық сауал жолдады.", [("Айдос Сарым", "PER")]),
    ("Шымкент пен Түркістан арасындағы жол биыл жөнделеді.", [("Шымкент", "LOC"), ("Түркістан", "LOC")]),
    ("Ауыл шаруашылығы министрі Айдарбек Сапаров фермерлермен кездесті.", [("Айдарбек Сапаров", "PER")]),
    ("Жапония мен Оңтүстік Корея Қазақстанмен ынтымақтастықты кеңейтпек.",
     [("Жапония", "LOC"), ("Оңтүстік Корея", "LOC"), ("Қазақстанмен", "LOC")]),
    ("Ертіс өзенінің жағасында жаңа саябақ ашылды.", [("Ертіс", "LOC")]),
    ("Қарағанды облысының тұрғыны Асқар Жұмабаев полицияға жүгінді.",
     [("Қарағанды облысының", "LOC"), ("Асқар Жұмабаев", "PER")]),
]


def found(text: str, ents: list[tuple[int, int, str]], surface: str, label: str) -> bool:
    """An entity of `label` overlapping the first occurrence of `surface`."""
    start = text.index(surface)
    end = start + len(surface)
    return any(s < end and start < e and lab == label for s, e, lab in ents)


def test_finds_entities_in_new_sentences() -> None:
    """At least 90% of the expected names found with their label, and few spurious ones."""
    expected = hits = spurious = 0
    missed = []
    for text, names in SENTENCES:
        ents = kazakh_entities(text)
        for surface, label in names:
            expected += 1
            if found(text, ents, surface, label):
                hits += 1
            else:
                missed.append((surface, label, [(text[s:e], lab) for s, e, lab in ents]))
        spurious += sum(1 for s, e, lab in ents if not any(
            found(text, [(s, e, lab)], surface, label) for surface, label in names))
    assert hits / expected >= 0.9, missed
    assert spurious <= 3


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("Қазақстан мен Өзбекстан арасындағы сауда көлемі өсті.", "Өзбекстан", "LOC"),
    ("Мұрат Әбенов Парламентте баяндама жасады.", "Мұрат Әбенов", "PER"),
    ("Білім және ғылым министрлігі жаңа бағдарлама әзірледі.", "Білім және ғылым министрлігі", "ORG"),
])
def test_names_found_with_spans(text: str, surface: str, label: str) -> None:
    start = text.index(surface)
    assert (start, start + len(surface), label) in kazakh_entities(text)


def test_adapter_returns_plain_offsets() -> None:
    text = SENTENCES[0][0]
    ents = kazakh_entities(text)
    assert ents and all(isinstance(x, tuple) and len(x) == 3 for x in ents)
    for start, end, label in ents:
        assert type(start) is int and type(end) is int and label in {"PER", "ORG", "LOC"}
        assert 0 <= start < end <= len(text) and text[start:end].strip() == text[start:end]
    assert kazakh_entities("") == [] and kazakh_entities("   ") == []
    assert kazakh_entities_batch([text, ""]) == [ents, []]


def test_model_is_cached_and_shipped() -> None:
    assert load_kazakh_ner() is load_kazakh_ner()
    nlp = load_kazakh_ner()
    assert nlp.lang == "kk" and nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PERSON", "GPE", "ORGANISATION", "LOCATION"}
    size = sum(p.stat().st_size for p in KK_NER.rglob("*") if p.is_file())
    assert size < 30_000_000
    meta = json.loads((KK_NER / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY 4.0" and "KazNERD" in json.dumps(meta["sources"], ensure_ascii=False)


@pytest.mark.slow
def test_wheel_ships_every_model_file(tmp_path: Path) -> None:
    """Build the wheel: every file of nlp/models/kk_ner is inside (package-data globs cover them)."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("saual-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    model_files = {p.relative_to(ROOT).as_posix() for p in KK_NER.rglob("*") if p.is_file()}
    assert model_files and model_files <= names
    assert "nlp/kk/data/stop_words.txt" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[spacy_languages]" in text and "kk = nlp.kk:Kazakh" in text


def test_report_beats_the_baseline() -> None:
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    held = report["held_out"]
    assert held["overall"]["f"] > 82
    assert set(held["per_type"]) == {"PERSON", "GPE", "ORGANISATION", "LOCATION"}
    assert report["split"]["sentences"]["test"] > 2000


# --- the recipe: reading, grouping, splitting, alignment -------------------------------------------

def test_kaznerd_ships_with_the_repo() -> None:
    assert {"IOB2_valid.txt", "IOB2_test.txt", "LICENSE.md", "README.md"} <= {p.name for p in KAZNERD.iterdir()}
    sentences = read_iob(KAZNERD / "IOB2_valid.txt")
    assert len(sentences) > 10_000 and all(len(s.tokens) == len(s.tags) for s in sentences[:100])


@pytest.mark.parametrize(("a", "b", "same"), [
    (("«", "Нұр", "Отан", "»", "партиясы"), ("\"", "Нұр", "Отан", "\"", "партиясы"), True),
    (("Астана", "қаласы", "."), ("астана", "қаласы"), True),
    (("Астана", "қаласы"), ("Алматы", "қаласы"), False),
])
def test_group_key_ignores_typography(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    ka = group_key(Sentence(a, ("O",) * len(a), "x"))
    kb = group_key(Sentence(b, ("O",) * len(b), "x"))
    assert (ka == kb) is same
    if same:
        assert split_of(ka) == split_of(kb)


def test_split_is_deterministic_and_about_fifteen_percent() -> None:
    keys = [f"sentence{i}" for i in range(4000)]
    parts = [split_of(k) for k in keys]
    assert parts == [split_of(k) for k in keys]
    assert 0.12 < parts.count("test") / len(parts) < 0.18


def test_text_and_alignment() -> None:
    s = Sentence(("«", "Нұр", "Отан", "»", "АҚШ-тың", "Елшісі", "Джон", "Смит", "келді", "."),
                 ("O", "B-ORGANISATION", "I-ORGANISATION", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"),
                 "x")
    text, spans = text_and_spans(s)
    assert text == "«Нұр Отан» АҚШ-тың Елшісі Джон Смит келді."
    assert [(text[a:b], lab) for a, b, lab in spans] == [("Нұр Отан", "ORGANISATION"), ("АҚШ-тың", "GPE"),
                                                          ("Джон Смит", "PERSON")]
    doc = to_doc(spacy.blank("kk"), s)
    assert [(e.text, e.label_) for e in doc.ents] == [("Нұр Отан", "ORGANISATION"), ("АҚШ", "GPE"),
                                                      ("Джон Смит", "PERSON")]


def test_other_kaznerd_types_are_dropped() -> None:
    s = Sentence(("2020", "жылы", "Абай", "келді"), ("B-DATE", "I-DATE", "B-PERSON", "O"), "x")
    assert [lab for _, _, lab in text_and_spans(s)[1]] == ["PERSON"]
