"""Golden tests for nlp.indicators: kk/ru translations share a key, subsets and totals do not."""

from __future__ import annotations

import pytest

from nlp.indicators import INDICATOR_CONCEPTS, complementary_whole, describe_indicator, indicator_for

# context (the figure's number is the first occurrence of `num`), lang, unit, place, num, expected key
KEYS = [
    ("Германияда 3500 қазақстандық заңсыз жұмыс істейді.", "kk", "persons", "Germany", "3500",
     "migrant_workers.illegal|persons|Germany"),
    ("В Германии 3500 казахстанцев работают нелегально.", "ru", "persons", "Germany", "3500",
     "migrant_workers.illegal|persons|Germany"),
    ("Шетелде 80 мың азаматымыз жұмыс істейді.", "kk", "persons", None, "80", "migrant_workers|persons|-"),
    ("За рубежом работают 80 тысяч граждан.", "ru", "persons", None, "80", "migrant_workers|persons|-"),
    ("Облыста жұмыссыздық деңгейі 4,8 пайыз болды.", "kk", "percent", "Pavlodar region", "4,8",
     "unemployment|percent|Pavlodar region"),
    ("Уровень безработицы в области составил 4,8%.", "ru", "percent", "Pavlodar region", "4,8",
     "unemployment|percent|Pavlodar region"),
    ("Жергілікті бюджеттен 12 млрд теңге бөлінді.", "kk", "KZT", None, "12", "funding.local|KZT|-"),
    ("Из местного бюджета выделено 12 млрд тенге.", "ru", "KZT", None, "12", "funding.local|KZT|-"),
    ("Фермерлердің несие бойынша қарызы 40 млрд теңгеге жетті.", "kk", "KZT", None, "40", "debt|KZT|-"),
    ("Задолженность фермеров по кредитам достигла 40 млрд тенге.", "ru", "KZT", None, "40", "debt|KZT|-"),
    ("Нанның бағасы 15 пайызға өсті.", "kk", "percent", None, "15", "prices|percent|-"),
    ("Цены на хлеб выросли на 15%.", "ru", "percent", None, "15", "prices|percent|-"),
    ("Мұғалімдердің орташа жалақысы 350 мың теңге.", "kk", "KZT", None, "350", "wages|KZT|-"),
    ("Средняя зарплата учителей – 350 тыс. тенге.", "ru", "KZT", None, "350", "wages|KZT|-"),
    ("Облыста 120 мектеп салынды.", "kk", None, "Turkestan region", "120", "schools|-|Turkestan region"),
    ("В области построено 120 школ.", "ru", None, "Turkestan region", "120", "schools|-|Turkestan region"),
    ("Ауруханаларда 900 науқас ем алуда.", "kk", "persons", None, "900", "patients|persons|-"),
    ("В больницах лечатся 900 пациентов.", "ru", "persons", None, "900", "patients|persons|-"),
    ("Биыл 2 млн гектар жерге егін егілді.", "kk", "hectares", None, "2", "sown_area|hectares|-"),
    ("В этом году засеяно 2 млн гектаров.", "ru", "hectares", None, "2", "sown_area|hectares|-"),
    ("Елімізде 300-ден астам бөгет бар.", "kk", None, "Kazakhstan", "300", "dams|-|Kazakhstan"),
    ("В стране более 300 плотин.", "ru", None, "Kazakhstan", "300", "dams|-|Kazakhstan"),
    ("Нарықтағы отандық тасымалдаушылардың үлесі 40 пайыз.", "kk", "percent", None, "40",
     "share.domestic|percent|-"),
    ("Доля отечественных перевозчиков на рынке составляет 40%.", "ru", "percent", None, "40",
     "share.domestic|percent|-"),
    ("Субсидия көлемі 25 пайызға артты.", "kk", "percent", None, "25", "subsidies|percent|-"),
    ("Объём субсидий увеличен на 25%.", "ru", "percent", None, "25", "subsidies|percent|-"),
    ("Халық саны 20 миллионнан асты.", "kk", "persons", None, "20", "population|persons|-"),
    ("Численность населения превысила 20 миллионов.", "ru", "persons", None, "20", "population|persons|-"),
    ("Зауытта 450 қызметкер жұмыс істейді.", "kk", "persons", None, "450", "staff|persons|-"),
    ("На заводе трудятся 450 сотрудников.", "ru", "persons", None, "450", "staff|persons|-"),
    # subsets and other categories
    ("Кореяда 9 мың қазақстандық жүр.", "kk", "persons", "South Korea", "9", "present|persons|South Korea"),
    ("В Корее находятся 9 тысяч казахстанцев.", "ru", "persons", "South Korea", "9", "present|persons|South Korea"),
    ("До 70% строительных компаний уйдут с рынка, а также до 50% инжиниринговых компаний.", "ru", "percent", None, "50",
     "companies.engineering|percent|-"),
    ("Жергілікті бюджет субсидияның 30 пайызын қаржыландырады.", "kk", "percent", None, "30", "funding.local|percent|-"),
    # nothing recognised: no key
    ("Бұл 5 рет қайталанды.", "kk", None, None, "5", None),
    ("Это произошло 3 раза.", "ru", None, None, "3", None),
]


@pytest.mark.parametrize("context,lang,unit,place,num,expected", KEYS)
def test_indicator_for(context: str, lang: str, unit: str | None, place: str | None, num: str,
                       expected: str | None) -> None:
    assert indicator_for(None, context, lang, unit, place, at=context.index(num)) == expected


def _key(context: str, lang: str, unit: str | None, place: str | None, num: str) -> str | None:
    return indicator_for(None, context, lang, unit, place, at=context.index(num))


# the same statement in Kazakh and in Russian: (kk context, ru context, unit, place, kk num, ru num)
PAIRS_SAME = [
    ("Оңтүстік Кореяда 11 мың азамат заңсыз еңбек мигранты ретінде жүр.",
     "В Южной Корее 11 тысяч граждан находятся как нелегальные трудовые мигранты.", "persons", "South Korea"),
    ("Ресейде 100 мың қазақстандық еңбек етеді.", "В России трудятся 100 тысяч казахстанцев.", "persons", "Russia"),
    ("Республикалық бюджет шығыстары 25 трлн теңгені құрады.", "Расходы республиканского бюджета составили 25 трлн тенге.",
     "KZT", "Kazakhstan"),
    ("Электр энергиясының тарифі 12 пайызға көтерілді.", "Тарифы на электроэнергию повышены на 12%.", "percent", None),
    ("Несие бойынша мөлшерлеме 22 пайызға жетті.", "Ставка по кредиту достигла 22%.", "percent", None),
    ("Облыста 5 мың студент оқиды.", "В области учатся 5 тысяч студентов.", "persons", "Karaganda region"),
    ("Жол апатынан 300 адам қаза тапты.", "В авариях погибли 300 человек.", "persons", None),
]


@pytest.mark.parametrize("kk,ru,unit,place", PAIRS_SAME)
def test_translations_share_a_key(kk: str, ru: str, unit: str, place: str | None) -> None:
    num_kk = next(w for w in kk.split() if w[0].isdigit())
    num_ru = next(w for w in ru.split() if w[0].isdigit())
    a, b = _key(kk, "kk", unit, place, num_kk), _key(ru, "ru", unit, place, num_ru)
    assert a is not None and a == b


# a subset or another category vs a total: (context a, num a, context b, num b, lang, unit, place)
PAIRS_DIFFERENT = [
    ("Из 15 тысяч казахстанцев, работающих в Корее, 11 тысяч трудятся нелегально.", "15",
     "Из 15 тысяч казахстанцев, работающих в Корее, 11 тысяч трудятся нелегально.", "11", "ru", "persons", "South Korea"),
    ("Кореяда 20 мың қазақстандық жүр.", "20", "Кореяда 9 мың қазақстандық заңсыз жұмыс істейді.", "9", "kk", "persons",
     "South Korea"),
    ("В Корее работают 15 тысяч казахстанцев.", "15", "В Корее находятся 20 тысяч казахстанцев.", "20", "ru", "persons",
     "South Korea"),
    ("Доля отечественных компаний – 51%.", "51", "Доля иностранных компаний – 49%.", "49", "ru", "percent", None),
    ("Жергілікті бюджеттен 5 млрд теңге бөлінді.", "5", "Республикалық бюджеттен 5 млрд теңге бөлінді.", "5", "kk", "KZT",
     None),
    ("Облыста 12 мың жұмыссыз тіркелген.", "12", "Облыста жұмыссыздық 5 пайыз.", "5", "kk", None, None),
    ("В театре играют 40 актеров.", "40", "В театре занимаются 30 человек с особыми потребностями.", "30", "ru", "persons",
     None),
    ("Долг по субсидиям составил 350 млрд тенге.", "350", "Объём субсидий составил 350 млрд тенге.", "350", "ru", "KZT",
     None),
]


@pytest.mark.parametrize("a,na,b,nb,lang,unit,place", PAIRS_DIFFERENT)
def test_subsets_get_other_keys(a: str, na: str, b: str, nb: str, lang: str, unit: str | None, place: str | None) -> None:
    ka, kb = _key(a, lang, unit, place, na), _key(b, lang, unit, place, nb)
    assert ka is not None and kb is not None and ka != kb


def test_the_place_is_part_of_the_key() -> None:
    text = "В России трудятся 100 тысяч казахстанцев."
    assert _key(text, "ru", "persons", "Russia", "100") != _key(text, "ru", "persons", "South Korea", "100")


def test_what_comes_first() -> None:
    ctx = "Всего 3 тыс. человек, из них 1 тыс. безработных."
    assert indicator_for("безработных", ctx, "ru", "persons", None) == "unemployed|persons|-"


@pytest.mark.parametrize("key,label", [
    ("migrant_workers.illegal|persons|South Korea", "labour migrants (working abroad), illegal — persons — South Korea"),
    ("debt|KZT|-", "debt — KZT"),
])
def test_describe_indicator(key: str, label: str) -> None:
    assert describe_indicator(key) == label


def test_every_concept_has_a_label() -> None:
    assert INDICATOR_CONCEPTS and all(isinstance(v, str) and v for v in INDICATOR_CONCEPTS.values())


@pytest.mark.parametrize("a, b, whole", [
    ("share.domestic.transport|percent|Kazakhstan", "share.relocant.transport|percent|Kazakhstan",
     "share.transport|percent|Kazakhstan"),
    ("share.domestic|percent|-", "share.foreign|percent|-", "share|percent|-"),
    ("share.rural|percent|Almaty Region", "share.urban|percent|Almaty Region", "share|percent|Almaty Region"),
    ("share.domestic.transport|percent|Kazakhstan", "share.relocant.transport|percent|Russia", None),  # places
    ("share.domestic|percent|-", "share.illegal|percent|-", None),        # not disjoint markers
    ("share.domestic|percent|-", "share.domestic|percent|-", None),       # one part
    ("share.domestic|percent|-", "share.foreign.transport|percent|-", None),  # two differences: another whole
    ("employed.domestic|persons|-", "employed.foreign|persons|-", None),   # counts of parts may add up to anything
])
def test_complementary_whole(a: str, b: str, whole: str | None) -> None:
    assert complementary_whole(a, b) == whole and complementary_whole(b, a) == whole


@pytest.mark.parametrize("text, lang, key", [
    ("На программу выделено 10 млрд тенге, из них освоено 8 млрд тенге.", "ru", "funding.spent|KZT|-"),
    ("Бағдарламаға 10 млрд теңге бөлінді, оның 8 млрд теңгесі игерілді.", "kk", "funding.spent|KZT|-"),
])
def test_spent_money_is_a_subset_of_the_allocated(text: str, lang: str, key: str) -> None:
    at = text.index("8 млрд")
    assert indicator_for(None, text, lang, "KZT", None, at=at) == key
