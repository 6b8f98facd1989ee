"""Russian NER (nlp.ru): slovnet spans repaired by rules, base forms, the spaCy component."""

from __future__ import annotations

import pytest

from nlp.ru import RuEntity, RuNerError, canonical, russian_entities
from nlp.ru import model as ru_model


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.label, e.text) for e in russian_entities(text)]


# ------------------------------------------------------------------ base forms (pymorphy3 only)
@pytest.mark.parametrize(
    "mention, label, expected",
    [
        ("Бектенову О.А.", "PER", "Бектенов О.А."),
        ("Кошербаеву Е.Б.", "PER", "Кошербаев Е.Б."),
        ("О.А. Бектенов", "PER", "О.А. Бектенов"),
        ("Олжасу Бектенову", "PER", "Олжас Бектенов"),
        ("Аскарбек Ертаев", "PER", "Аскарбек Ертаев"),
        ("Министерства транспорта", "ORG", "Министерство транспорта"),
        ("Министерству финансов РК", "ORG", "Министерство финансов РК"),
        ("Южной Корее", "LOC", "Южная Корея"),
        ("Южной Кореей", "LOC", "Южная Корея"),
        ("Республике Казахстан", "LOC", "Республика Казахстан"),
        ("Европейского Союза", "LOC", "Европейский Союз"),
        ("Демпартию «Ак жол»", "ORG", "Демпартия «Ак жол»"),
        ("МВД", "ORG", "МВД"),
        ("Казахстан", "LOC", "Казахстан"),
        ("Актобе", "LOC", "Актобе"),
    ],
)
def test_canonical(mention, label, expected):
    assert canonical(mention, label) == expected


# ------------------------------------------------------------------ titles are not part of names
@pytest.mark.parametrize(
    "text, name",
    [
        ("Вице-министр здравоохранения Марат Шоранов рассказал о новых правилах.", "Марат Шоранов"),
        ("Вице-министр труда Аскарбек Ертаев выступил перед сенаторами.", "Аскарбек Ертаев"),
        ("Депутат Мажилиса Ерлан Саиров направил письмо в правительство.", "Ерлан Саиров"),
        ("Аким области Нурлан Нуржигитов посетил новый завод.", "Нурлан Нуржигитов"),
        ("Первый заместитель председателя Тимур Жаксылыков ответил журналистам.", "Тимур Жаксылыков"),
        ("Аким Костаная Кумар Аксакалов открыл школу.", "Кумар Аксакалов"),
    ],
)
def test_titles_stripped_from_persons(text, name):
    pers = [t for lab, t in ents(text) if lab == "PER"]
    assert pers == [name]


@pytest.mark.parametrize(
    "text, name, base",
    [
        ("Направляем Кошербаеву Е.Б. наши предложения по тарифам.", "Кошербаеву Е.Б.", "Кошербаев Е.Б."),
        ("Документ подписал О.А. Бектенов в пятницу.", "О.А. Бектенов", "О.А. Бектенов"),
        ("Уважаемый Серик Маратович! Просим рассмотреть вопрос.", "Серик Маратович", "Серик Маратович"),
        ("С уважением,\nДепутаты\nТ. Сейтказиев\nГ. Абилова", "Т. Сейтказиев", "Т. Сейтказиев"),
    ],
)
def test_persons_with_initials_and_salutations(text, name, base):
    found = {e.text: e for e in russian_entities(text) if e.label == "PER"}
    assert name in found, found
    assert found[name].canonical == base


def test_signature_lines_are_separate_persons():
    text = "Депутаты Мажилиса Парламента А. Бекмуханов\nРеспублики Казахстан Д. Оспанова\nТел.: 74-61-20"
    pers = [t for lab, t in ents(text) if lab == "PER"]
    assert pers == ["А. Бекмуханов", "Д. Оспанова"]


# ------------------------------------------------------------------ bodies
@pytest.mark.parametrize(
    "text, org",
    [
        ("По данным МВД РК, число краж снизилось на треть.", "МВД РК"),
        ("Представители МИД провели брифинг для журналистов.", "МИД"),
        ("Разъяснения опубликованы на сайте МТСЗН РК вчера.", "МТСЗН РК"),
        ("Средства выделило АО «Казахстанский фонд устойчивости» в марте.", "АО «Казахстанский фонд устойчивости»"),
        ("Тендер выиграло ТОО «Сапа Курылыс» из Шымкента.", "ТОО «Сапа Курылыс»"),
        ("Инициативу поддержала НПП «Атамекен» на встрече.", "НПП «Атамекен»"),
        ("Доклад подготовило Министерство труда и социальной защиты населения Республики Казахстан.",
         "Министерство труда и социальной защиты населения Республики Казахстан"),
        ("Тарифы утвердил Комитет по регулированию естественных монополий в январе.",
         "Комитет по регулированию естественных монополий"),
        ("Вопрос изучит министерство цифрового развития до конца года.", "министерство цифрового развития"),
        ("Об этом заявили во фракции «Ак жол» на заседании.", "фракции «Ак жол»"),
        ("Письмо получили депутаты Сената Парламента в среду.", "Сената Парламента"),
    ],
)
def test_bodies(text, org):
    assert ("ORG", org) in ents(text), ents(text)


def test_place_inside_body_is_not_a_place():
    found = ents("Приказ издало Министерство юстиции Республики Казахстан в прошлом году.")
    assert ("ORG", "Министерство юстиции Республики Казахстан") in found
    assert not [t for lab, t in found if lab == "LOC"]


@pytest.mark.parametrize(
    "text",
    [
        "Запрос направлен Премьер-Министру Республики Казахстан.",
        "Вице-министр энергетики ответил на вопросы сенаторов.",
    ],
)
def test_position_titles_are_not_bodies(text):
    assert not [t for lab, t in ents(text) if lab == "ORG"], ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "Казахстанские производители нарастили экспорт зерна.",
        "ДЕПУТАТСКИЙ ЗАПРОС о мерах поддержки малого бизнеса",
        "Субсидии для АПК и кредиты через БВУ выросли вдвое.",
        "Деньги получили сельские кредитные товарищества и фермеры.",
    ],
)
def test_demonyms_and_headings_are_not_entities(text):
    assert not [t for lab, t in ents(text) if lab in ("LOC", "ORG")], ents(text)


def test_places_and_offsets():
    text = "Из них 40 тыс. трудятся в Южной Корее, а остальные уехали в Германию и Польшу."
    found = russian_entities(text)
    assert all(isinstance(e, RuEntity) and text[e.start:e.end] == e.text for e in found)
    assert {(e.label, e.canonical) for e in found} >= {("LOC", "Южная Корея"), ("LOC", "Германия")}


def test_empty_text():
    assert russian_entities("  \n") == []


# ------------------------------------------------------------------ spaCy component
def test_spacy_component_sets_ents():
    import spacy
    from spacy.tokens import Span

    from nlp.ru.component import RussianNer

    pipe = spacy.blank("ru")
    assert isinstance(pipe.add_pipe("saual_ru_ner"), RussianNer)
    doc = pipe("Вице-министр труда Аскарбек Ертаев встретился с послом Южной Кореи в МИД РК.")
    got = {(e.label_, e.text) for e in doc.ents}
    assert ("PER", "Аскарбек Ертаев") in got
    assert ("LOC", "Южной Кореи") in got
    assert ("ORG", "МИД РК") in got
    assert all(type(e) is Span for e in doc.ents)
    assert {e._.canonical for e in doc.ents if e.label_ == "LOC"} == {"Южная Корея"}


def test_missing_natasha_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(ru_model.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RuNerError, match="natasha"):
        ru_model._data_dir()
