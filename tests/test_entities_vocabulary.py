"""The entity layer's vocabulary as data: ending lists, transliteration table and generated gazetteer names."""

from __future__ import annotations

import pytest

from ingest.script import CYRILLIC_LOWER
from nlp.entities.base_forms import _latin
from nlp.entities.vocabulary import adjective_end, demonym_end, kk_case_endings, particles, surname_suffix
from nlp.gazetteer.name_forms import generated
from nlp.lang import morph
from nlp.lang.endings import endings


@pytest.mark.parametrize(("word", "surname"), [
    ("Бектенов", True), ("Кошербаева", True), ("Жолдасбек", True), ("Кемелұлы", True), ("Жолдаспайский", True),
    ("Королёва", True), ("Астана", False), ("Министерство", False),
])
def test_surname_suffix(word, surname):
    assert (surname_suffix().search(word) is not None) is surname


@pytest.mark.parametrize(("word", "adjective", "demonym"), [
    ("облыстық", True, True), ("ауылдағы", True, False), ("областной", True, False),
    ("казахстанских", True, True), ("Астана", False, False),
])
def test_adjective_and_demonym_endings(word, adjective, demonym):
    assert (adjective_end().search(word) is not None) is adjective
    assert (demonym_end().search(word) is not None) is demonym


def test_case_endings_come_from_the_ending_table():
    cases = {e.text for e in endings() if e.slot == "case"}
    assert set(kk_case_endings()) == cases
    assert list(kk_case_endings()) == sorted(kk_case_endings(), key=len, reverse=True)


def test_transliteration_table_covers_every_cyrillic_letter():
    assert set(_latin()) == set(CYRILLIC_LOWER)
    assert _latin()["ъ"] == "" and _latin()["щ"] == "shch"


def test_particles():
    assert {"ван", "фон", "von"} <= particles()


@pytest.mark.parametrize(("rule", "lang", "name", "kind", "expected"), [
    ("akimat", "kk", "Алматы", "city", ["Алматы қаласының әкімдігі", "Алматы қаласы әкімдігі", "Алматы әкімдігі"]),
    ("akimat", "kk", "Абай облысы", "region", ["Абай облысының әкімдігі", "Абай облысы әкімдігі"]),
    ("akimat", "ru", "Алматы", "city", ["акимат Алматы", "акимат города Алматы", "акимат города Алматы"]),
    ("faction", "kk", "AMANAT партиясы", "", ["AMANAT партиясы фракциясы", "AMANAT партиясының фракциясы",
                                              "AMANAT партиясының фракция", "AMANAT партиясы фракция"]),
    ("faction", "kk", "ҚХП", "", ["ҚХП фракциясы"]),
    ("faction", "ru", "AMANAT", "", ["фракция AMANAT", "фракция партии AMANAT"]),
    ("prefixed", "ru", "Министерство финансов", "", ["Министерство финансов РК",
                                                     "Министерство финансов Республики Казахстан"]),
])
def test_generated_names(rule, lang, name, kind, expected):
    assert generated(rule, lang, name, kind) == expected


def test_one_shared_morph_analyser():
    from nlp.gazetteer import russian
    from nlp.lang.morph import parses

    assert russian.morph() is morph()
    assert parses("министерства")[0].normal_form == "министерство"
