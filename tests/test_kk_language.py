"""The Kazakh spaCy language (nlp/kk): registration, golden tokenisation, number words, stop words."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from nlp.kk import Kazakh
from nlp.kk.lex_attrs import like_num
from nlp.kk.punctuation import abbreviation_endings


@pytest.fixture(scope="module")
def kk() -> spacy.language.Language:
    return spacy.blank("kk")


def test_registered_as_spacy_language() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="spacy_languages")}
    assert names.get("kk") == "nlp.kk:Kazakh"
    nlp = spacy.blank("kk")
    assert isinstance(nlp, Kazakh) and nlp.lang == "kk"
    assert spacy.util.get_lang_class("kk") is Kazakh


TOKENS = [
    # hyphenated words stay whole, as KazNERD tokenises them
    ("Шри-Ланка мен Үндістан", ["Шри-Ланка", "мен", "Үндістан"]),
    ("іс-шаралар өтті", ["іс-шаралар", "өтті"]),
    ("7-ші сынып", ["7-ші", "сынып"]),
    ("көші-қон саясаты", ["көші-қон", "саясаты"]),
    ("Қасым-Жомарт Тоқаев Нұр-Сұлтанда", ["Қасым-Жомарт", "Тоқаев", "Нұр-Сұлтанда"]),
    ("2020-сыншы жылы 100-ден астам", ["2020-сыншы", "жылы", "100-ден", "астам"]),
    ("КОВИД-19 пандемиясы", ["КОВИД-19", "пандемиясы"]),
    ("Сондай-ақ әлеуметтік-экономикалық", ["Сондай-ақ", "әлеуметтік-экономикалық"]),
    # abbreviations (Latin, Cyrillic, mixed) split from their endings
    ("EPS-ке қосылды", ["EPS", "-ке", "қосылды"]),
    ("ЕРS-ге ақша", ["ЕРS", "-ге", "ақша"]),
    ("АҚШ-қа барды", ["АҚШ", "-қа", "барды"]),
    ("ҚР-да тұрады", ["ҚР", "-да", "тұрады"]),
    ("АҚШ-тың доллары", ["АҚШ", "-тың", "доллары"]),
    ("ЖОО-ларда оқиды", ["ЖОО", "-ларда", "оқиды"]),
    ("ҚР ДСМ-нің бұйрығы", ["ҚР", "ДСМ", "-нің", "бұйрығы"]),
    ("БҰҰ-ның Бас Ассамблеясы", ["БҰҰ", "-ның", "Бас", "Ассамблеясы"]),
    ("ҚазҰУ-да", ["ҚазҰУ", "-да"]),  # ends in two capitals: an abbreviation
    ("Wi-Fi-ға қосылу", ["Wi-Fi-ға", "қосылу"]),  # lower-case before the ending: one word
    ("АҚШ-Қытай келісімі", ["АҚШ-Қытай", "келісімі"]),  # not an ending
    # punctuation, quotes, abbreviations with full stops
    ("«Нұр Отан» партиясы (ҚР) т.б.", ["«", "Нұр", "Отан", "»", "партиясы", "(", "ҚР", ")", "т.б."]),
    ("2023 ж. 5 млн. теңге.", ["2023", "ж.", "5", "млн.", "теңге", "."]),
    ("Астана, Алматы.", ["Астана", ",", "Алматы", "."]),
    ("О.А. Бектеновке хат жолданды.", ["О.А.", "Бектеновке", "хат", "жолданды", "."]),
    ("Кошербаеву Е.Б. және т.б.", ["Кошербаеву", "Е.Б.", "және", "т.б."]),
    ("2021-2025 жылдары 15%-ға өсті", ["2021-2025", "жылдары", "15%-ға", "өсті"]),
    ("№ 81 Қаулысы", ["№", "81", "Қаулысы"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokenizer(kk, text: str, expected: list[str]) -> None:
    assert [t.text for t in kk(text)] == expected


NUMBERS = [
    ("жиырма", True), ("бес", True), ("бесінші", True), ("үшінші", True), ("оныншы", True),
    ("мыңнан", True), ("миллионға", True), ("млрд", True), ("жүз", True), ("7-ші", True),
    ("100-ден", True), ("1 500", True), ("2,5", True), ("2-еуі", True), ("15%", True),
    ("алма", False), ("онда", False), ("оны", False), ("үшін", False), ("бесік", False),
    ("Астана", False), ("ҚР", False), ("жүзеге", False),
]


@pytest.mark.parametrize(("word", "expected"), NUMBERS)
def test_like_num(kk, word: str, expected: bool) -> None:
    assert like_num(word) is expected
    assert kk.vocab[word].like_num is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("және", True), ("бұл", True), ("үшін", True), ("туралы", True), ("Және", True),
    ("министр", False), ("Астана", False), ("заң", False),
])
def test_stop_words(kk, word: str, expected: bool) -> None:
    assert kk.vocab[word].is_stop is expected


def test_affix_features_are_longer(kk) -> None:
    doc = kk("Қазақстанның")
    assert doc[0].prefix_ == "қазақ" and doc[0].suffix_ == "анның"[-4:]


def test_abbreviation_endings_come_from_the_gazetteer_table() -> None:
    endings = abbreviation_endings()
    assert {"ке", "ге", "қа", "да", "тың", "ларда", "нің"} <= set(endings)
    assert "" not in endings and "шаралар" not in endings
    assert len(endings[0]) >= len(endings[-1])
