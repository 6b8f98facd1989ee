"""The number layer: golden tables of numbers and non-figures, formatting round trips, real texts."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.numbers import QUALIFIERS, NumberMatch, find_numbers

ROOT = Path(__file__).resolve().parent.parent
REAL_TEXTS = sorted((ROOT / "tests" / "data" / "pdftotext").glob("*.txt")) + sorted(
    (ROOT / "samples" / "seeds").glob("*.txt"))

K, M, B = 1_000, 1_000_000, 1_000_000_000

# (text, lang, covered text, value, value_max, qualifier, unit): the text holds exactly one figure.
GOLDEN = [
    # digits, grouping and decimals
    ("Всего 8902 случая", "ru", "8902", 8902, None, "exact", None),
    ("саны 10 707 адам болды", "kk", "10 707 адам", 10707, None, "exact", "persons"),
    ("итого 451 515 заявок", "ru", "451 515", 451515, None, "exact", None),
    ("итого 451\u00a0515 заявок", "ru", "451\u00a0515", 451515, None, "exact", None),
    ("итого 1\u202f234\u202f567 заявок", "ru", "1\u202f234\u202f567", 1234567, None, "exact", None),
    ("поступило 1.200 обращений", "ru", "1.200", 1200, None, "exact", None),
    ("поступило 1.234.567 обращений", "ru", "1.234.567", 1234567, None, "exact", None),
    ("составил 156,7 пункта", "ru", "156,7", 156.7, None, "exact", None),
    ("рост на 4,6 раза", "ru", "4,6", 4.6, None, "exact", None),
    ("индекс 0,5 единицы", "ru", "0,5", 0.5, None, "exact", None),
    ("всего 1 234,5 тонны", "ru", "1 234,5", 1234.5, None, "exact", None),
    ("Корея Республикасымен 16 ел келісім жасады", "kk", "16", 16, None, "exact", None),
    ("жұмыс істейтін 57 жасар азамат", "kk", "57", 57, None, "exact", None),
    # scale words
    ("работают 126 тыс. казахстанцев", "ru", "126 тыс. казахстанцев", 126 * K, None, "exact", "persons"),
    ("Из них 102 тыс. трудятся", "ru", "102 тыс.", 102 * K, None, "exact", None),
    ("около 2 тысяч обращений", "ru", "около 2 тысяч", 2 * K, None, "about", None),
    ("выделено 1,5 млн тенге", "ru", "1,5 млн тенге", 1.5 * M, None, "exact", "KZT"),
    ("выделено 1.5 млн тенге", "ru", "1.5 млн тенге", 1.5 * M, None, "exact", "KZT"),
    ("долг 350 млрд тенге", "ru", "350 млрд тенге", 350 * B, None, "exact", "KZT"),
    ("бюджет 2,3 трлн тенге", "ru", "2,3 трлн тенге", 2.3e12, None, "exact", "KZT"),
    ("около 3 миллионов человек", "ru", "около 3 миллионов человек", 3 * M, None, "about", "persons"),
    ("инвестиции $3,5 млрд", "ru", "$3,5 млрд", 3.5 * B, None, "exact", "USD"),
    ("более $3 млрд", "ru", "более $3 млрд", 3 * B, None, "more_than", "USD"),
    ("экспорт 12 млрд долл. США", "ru", "12 млрд долл. США", 12 * B, None, "exact", "USD"),
    ("экспорт 12 млрд долларов", "ru", "12 млрд долларов", 12 * B, None, "exact", "USD"),
    ("штраф 500 тыс. руб.", "ru", "500 тыс. руб.", 500 * K, None, "exact", "RUB"),
    ("грант 10 тыс. евро", "ru", "10 тыс. евро", 10 * K, None, "exact", "EUR"),
    ("цена 500 ₸ за литр", "ru", "500 ₸", 500, None, "exact", "KZT"),
    ("сумма 700 KZT", "ru", "700 KZT", 700, None, "exact", "KZT"),
    ("390 мың гектар егілген", "kk", "390 мың", 390 * K, None, "exact", None),
    ("25 мың адам тамашалады", "kk", "25 мың адам", 25 * K, None, "exact", "persons"),
    ("20 мыңға жуық қазақстандық жүр", "kk", "20 мыңға жуық қазақстандық", 20 * K, None, "about", "persons"),
    ("бес мыңнан астам адам", "kk", "бес мыңнан астам адам", 5 * K, None, "more_than", "persons"),
    ("олардың 12 мыңы шетелде", "kk", "12 мыңы", 12 * K, None, "exact", None),
    ("100 мыңдай адам келді", "kk", "100 мыңдай адам", 100 * K, None, "about", "persons"),
    ("бюджеттен 2 млрд теңге бөлінді", "kk", "2 млрд теңге", 2 * B, None, "exact", "KZT"),
    ("5 миллион теңгеден асады", "kk", "5 миллион теңгеден асады", 5 * M, None, "more_than", "KZT"),
    ("3 миллиардқа жуық теңге", "kk", "3 миллиардқа жуық", 3 * B, None, "about", None),
    ("100 АҚШ доллары тұрады", "kk", "100 АҚШ доллары", 100, None, "exact", "USD"),
    ("1,2 трлн теңге", "kk", "1,2 трлн теңге", 1.2e12, None, "exact", "KZT"),
    # percent
    ("более 75%", "ru", "более 75%", 75, None, "more_than", "percent"),
    ("ставка 2,5% годовых", "ru", "2,5%", 2.5, None, "exact", "percent"),
    ("выросла до 51 процентов", "ru", "до 51 процентов", 51, None, "up_to", "percent"),
    ("около 30 процентов", "ru", "около 30 процентов", 30, None, "about", "percent"),
    ("превышает 75 %, и", "ru", "превышает 75 %", 75, None, "more_than", "percent"),
    ("превысила 10%", "ru", "превысила 10%", 10, None, "more_than", "percent"),
    ("не превышает 10%", "ru", "не превышает 10%", 10, None, "up_to", "percent"),
    ("не менее 30%", "ru", "не менее 30%", 30, None, "at_least", "percent"),
    ("не более 5 %", "ru", "не более 5 %", 5, None, "up_to", "percent"),
    ("менее 10 процентов", "ru", "менее 10 процентов", 10, None, "less_than", "percent"),
    ("свыше 40%", "ru", "свыше 40%", 40, None, "more_than", "percent"),
    ("почти 90%", "ru", "почти 90%", 90, None, "about", "percent"),
    ("примерно 15 проц.", "ru", "примерно 15 проц.", 15, None, "about", "percent"),
    ("до 60% инжиниринговых компаний", "ru", "до 60%", 60, None, "up_to", "percent"),
    ("от 16% и выше", "ru", "от 16% и выше", 16, None, "at_least", "percent"),
    ("16%-дан басталып", "kk", "16%-дан басталып", 16, None, "at_least", "percent"),
    ("олардың 90%-\nына зерттеу", "kk", "90%-\nына", 90, None, "exact", "percent"),
    ("80\nпайызға артты", "kk", "80\nпайызға", 80, None, "exact", "percent"),
    ("оның 30 пайызын", "kk", "30 пайызын", 30, None, "exact", "percent"),
    ("75 пайыздан асады", "kk", "75 пайыздан асады", 75, None, "more_than", "percent"),
    ("20%-дан асады", "kk", "20%-дан асады", 20, None, "more_than", "percent"),
    ("жобамен 20%-дан астамы", "kk", "жобамен 20%-дан астамы", 20, None, "more_than", "percent"),
    ("шамамен 40 пайыз", "kk", "шамамен 40 пайыз", 40, None, "about", "percent"),
    ("кем дегенде 10 пайыз", "kk", "кем дегенде 10 пайыз", 10, None, "at_least", "percent"),
    ("50%-ға дейін", "kk", "50%-ға дейін", 50, None, "up_to", "percent"),
    ("10 пайыздан кем емес", "kk", "10 пайыздан кем емес", 10, None, "at_least", "percent"),
    ("5 пайыздан аз", "kk", "5 пайыздан аз", 5, None, "less_than", "percent"),
    ("бес пайыз", "kk", "бес пайыз", 5, None, "exact", "percent"),
    ("двадцать процентов", "ru", "двадцать процентов", 20, None, "exact", "percent"),
    ("один процент", "ru", "один процент", 1, None, "exact", "percent"),
    # qualifiers after Kazakh numbers, with a noun in between
    ("1500-ден астам бөгет бар", "kk", "1500-ден астам", 1500, None, "more_than", None),
    ("40-тан астам актер", "kk", "40-тан астам", 40, None, "more_than", None),
    ("30-ға жуық ерекше адам", "kk", "30-ға жуық", 30, None, "about", None),
    ("390 мың гектарға жуық алқап", "kk", "390 мың гектарға жуық", 390 * K, None, "about", None),
    ("50 шақырымға да жетпейді", "kk", "50 шақырымға да жетпейді", 50, None, "less_than", None),
    ("кем дегенде 500 мың тұрғын көреді", "kk", "кем дегенде 500 мың тұрғын", 500 * K, None, "at_least",
     "persons"),
    ("100-дей адам", "kk", "100-дей адам", 100, None, "about", "persons"),
    ("200-ден аса адам", "kk", "200-ден аса адам", 200, None, "more_than", "persons"),
    ("18 жастан бастап", "kk", "18 жастан бастап", 18, None, "at_least", None),
    ("100 шақты адам", "kk", "100 шақты адам", 100, None, "about", "persons"),
    ("100 с лишним человек", "ru", "100 с лишним человек", 100, None, "more_than", "persons"),
    ("5 и более лет", "ru", "5 и более", 5, None, "at_least", None),
    ("порядка 9600 граждан", "ru", "порядка 9600 граждан", 9600, None, "about", "persons"),
    ("приблизительно 300 жителей", "ru", "приблизительно 300 жителей", 300, None, "about", "persons"),
    ("не менее чем 20 работников", "ru", "не менее чем 20 работников", 20, None, "at_least", "persons"),
    ("9600 азаматы жұмыс істейді", "kk", "9600 азаматы", 9600, None, "exact", "persons"),
    ("саны 8902 адам (2019 жылы", "kk", "8902 адам", 8902, None, "exact", "persons"),
    # ranges
    ("тағы 2-4% қосып", "kk", "2-4%", 2, 4, "range", "percent"),
    ("комиссиясын 3- 5 % дейін түсіру", "kk", "3- 5 %", 3, 5, "range", "percent"),
    ("ставке 22-24%.", "ru", "22-24%", 22, 24, "range", "percent"),
    ("ставке 22–24 %.", "ru", "22–24 %", 22, 24, "range", "percent"),
    ("от 5 до 7 лет", "ru", "от 5 до 7", 5, 7, "range", None),
    ("от 5 до 7%", "ru", "от 5 до 7%", 5, 7, "range", "percent"),
    ("от 5 тыс. до 7 тыс. тенге", "ru", "от 5 тыс. до 7 тыс. тенге", 5 * K, 7 * K, "range", "KZT"),
    ("2–3 млн тенге", "ru", "2–3 млн тенге", 2 * M, 3 * M, "range", "KZT"),
    ("5-тен 7-ге дейін", "kk", "5-тен 7-ге дейін", 5, 7, "range", None),
    ("5 мыңнан 7 мыңға дейін", "kk", "5 мыңнан 7 мыңға дейін", 5 * K, 7 * K, "range", None),
    ("10-15 мың адам", "kk", "10-15 мың адам", 10 * K, 15 * K, "range", "persons"),
    # number words
    ("продолжаются два года", "ru", "два", 2, None, "exact", None),
    ("двадцать пять тысяч человек", "ru", "двадцать пять тысяч человек", 25 * K, None, "exact", "persons"),
    ("сто двадцать тысяч тенге", "ru", "сто двадцать тысяч тенге", 120 * K, None, "exact", "KZT"),
    ("три миллиона", "ru", "три миллиона", 3 * M, None, "exact", None),
    ("полтора миллиона человек", "ru", "полтора миллиона человек", 1.5 * M, None, "exact", "persons"),
    ("порядка\nполовина приходится", "ru", "порядка\nполовина", 50, None, "about", "percent"),
    ("треть опрошенных", "ru", "треть", 100 / 3, None, "exact", "percent"),
    ("две трети компаний", "ru", "две трети", 200 / 3, None, "exact", "percent"),
    ("четверть бюджета", "ru", "четверть", 25, None, "exact", "percent"),
    ("установлена нулевая ставка", "ru", "нулевая ставка", 0, None, "exact", None),
    ("екі жыл бойы", "kk", "екі", 2, None, "exact", None),
    ("жиырма бес мың адам", "kk", "жиырма бес мың адам", 25 * K, None, "exact", "persons"),
    ("екі жүз мың теңге", "kk", "екі жүз мың теңге", 200 * K, None, "exact", "KZT"),
    ("бір миллион теңге", "kk", "бір миллион теңге", 1 * M, None, "exact", "KZT"),
    ("бір жарым миллион", "kk", "бір жарым миллион", 1.5 * M, None, "exact", None),
    ("үш мың бес жүз адам", "kk", "үш мың бес жүз адам", 3500, None, "exact", "persons"),
    ("халықтың жарты", "kk", "жарты", 50, None, "exact", "percent"),
    ("халықтың үштен бірі", "kk", "үштен бірі", 100 / 3, None, "exact", "percent"),
    ("үштен екісі", "kk", "үштен екісі", 200 / 3, None, "exact", "percent"),
    ("нөлдік мөлшерлеме белгіленген", "kk", "нөлдік мөлшерлеме", 0, None, "exact", None),
    ("он мың адам", "kk", "он мың адам", 10 * K, None, "exact", "persons"),
    # compound scales, number lists and years next to numbers
    ("выделено 3 млн 200 тыс. тенге", "ru", "3 млн 200 тыс. тенге", 3.2 * M, None, "exact", "KZT"),
    ("1 млрд 500 млн теңге бөлінді", "kk", "1 млрд 500 млн теңге", 1.5 * B, None, "exact", "KZT"),
    ("бағасы 5 мыңнан 7 мыңға дейін", "kk", "5 мыңнан 7 мыңға дейін", 5 * K, 7 * K, "range", None),
    ("в 2019 году размер долга был 36 млрд тенге", "ru", "36 млрд тенге", 36 * B, None, "exact", "KZT"),
    ("2022 жылғы жағдай бойынша 9600 азаматы", "kk", "9600 азаматы", 9600, None, "exact", "persons"),
    # the language may be left open
    ("20 мыңға жуық", None, "20 мыңға жуық", 20 * K, None, "about", None),
    ("около 5 тыс.", None, "около 5 тыс.", 5 * K, None, "about", None),
]

# Texts in which nothing is a figure.
NOT_FIGURES = [
    ("22.05.2025 ЭҚАБЖ МО (7.23.0 нұсқасы)", "kk"),
    ("23.05.2025 ЕСЭДО ГО (версия 7.23.0)", "ru"),
    ("Оглашено 21 мая 2025 года.", "ru"),
    ("Оглашен 21.05.2025 г.", "ru"),
    ("2025 жылғы 21 мамырда жарияланды", "kk"),
    ("2025 жылдың 21 мамырында жарияланды", "kk"),
    ("21.05.2025ж. жарияланды", "kk"),
    ("өткен жылы 2\nқыркүйекте Жолдауында", "kk"),
    ("2019 жылы мигранттар", "kk"),
    ("2020-2022 жылдары", "kk"),
    ("2023-2024 жылдары аралығында", "kk"),
    ("в 2022 году", "ru"),
    ("С 2022 года компании", "ru"),
    ("обязательства до 2035 года", "ru"),
    ("до 1 января 2028 года", "ru"),
    ("в 2019-2021 гг.", "ru"),
    ("date 2025-10-09", None),
    ("в 14:30 началось", "ru"),
    ("Қаулысының № 81 бабы", "kk"),
    ("Үкіметтің №502 қаулысымен", "kk"),
    ("Кодекстің 81-бабы", "kk"),
    ("36-тармағына сәйкес", "kk"),
    ("3-тармақ", "kk"),
    ("2-тарауына сәйкес", "kk"),
    ("36 тармағына сәйкес", "kk"),
    ("статья 12 Закона", "ru"),
    ("противоречит ст.6 Конституции", "ru"),
    ("п.1 ст.6 Конституции", "ru"),
    ("согласно пункту 36 Правил", "ru"),
    ("п. 2 статьи 5", "ru"),
    ("1. Какие инструменты", "ru"),
    ("\n2) внести изменения", "ru"),
    ("6.ҚР Ауыл шаруашылығы", "kk"),
    ("1 – Текелі мен Талдықорған", "kk"),
    ("7-ші раундтық келіссөз", "kk"),
    ("3-й квартал", "ru"),
    ("5-го числа", "ru"),
    ("в 90-х годах", "ru"),
    ("бесінші сынып", "kk"),
    ("второй год", "ru"),
    ("тел. 746842", "kk"),
    ("тел.: 74-63-87", "ru"),
    ("тел: 8(7172) 74-63-61", "kk"),
    ("Тел: 74 63 64", "ru"),
    ("74-67-84", None),
    ("т. 74-64-02", "kk"),
    ("Е-9 уақытша еңбек визасы", "kk"),
    ("типов 1 и 1А.", "ru"),
    ("1 және 1А типіндегі", "kk"),
    ("миллиондаған теңге", "kk"),
    ("мыңдаған адам", "kk"),
    ("жүз мыңдаған адам", "kk"),
    ("ондаған миллиард теңге", "kk"),
    ("несколько тысяч человек", "ru"),
    ("десятки тысяч человек", "ru"),
    ("бірнеше мың адам", "kk"),
    ("екі ел арасында", "kk"),
    ("эти два критерия: цена и качество", "ru"),
    ("белгілі бір пайызы", "kk"),
    ("бір күні", "kk"),
    ("азаматтар үшін жыл сайын", "kk"),
    ("в первой половине года", "ru"),
    ("оның жылы", "kk"),
    ("пункты 2, 3 и 5 статьи 7", "ru"),
    ("1-2 мая прошли", "ru"),
    ("от 1 до 5 января", "ru"),
    ("2025-2026 оқу жылы", "kk"),
    ("ҚР Үкіметінің 2014 жылғы 28 ақпандағы № 149 қаулысы", "kk"),
    ("Закон от 5 июля 2024 года № 115-VIII", "ru"),
    ("11-сыныпта оқиды", "kk"),
]


@pytest.mark.parametrize("text,lang,covered,value,value_max,qualifier,unit", GOLDEN)
def test_golden(text, lang, covered, value, value_max, qualifier, unit):
    found = find_numbers(text, lang)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert m.text == covered == text[m.start:m.end]
    assert m.value == pytest.approx(value)
    assert m.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert (m.qualifier, m.unit) == (qualifier, unit)
    assert m.number_text and m.number_text in m.text


@pytest.mark.parametrize("text,lang", NOT_FIGURES)
def test_not_figures(text, lang):
    assert [m.text for m in find_numbers(text, lang)] == []


def test_table_sizes_and_fields():
    assert len(GOLDEN) >= 100
    assert {row[5] for row in GOLDEN} == set(QUALIFIERS)
    assert {row[1] for row in GOLDEN} >= {"kk", "ru"}


def test_several_numbers_in_one_text():
    text = "2020 жылы 8902 адам (2019 жылы – 10 707 адам, 2018 жылы – 11 413 адам) болды."
    assert [(m.value, m.unit) for m in find_numbers(text, "kk")] == [
        (8902, "persons"), (10707, "persons"), (11413, "persons")]
    two = find_numbers("выросла с 30 до 51 процентов", "ru")
    assert [(m.text, m.value, m.qualifier, m.unit) for m in two] == [
        ("30", 30, "exact", "percent"), ("51 процентов", 51, "exact", "percent")]
    two = find_numbers("30 пайыздан 51 пайызға өскен", "kk")
    assert [(m.value, m.qualifier) for m in two] == [(30, "exact"), (51, "exact")]
    words = find_numbers("is word: два года", "ru")
    assert words[0].is_word and not find_numbers("8902 адам")[0].is_word


def test_offsets_point_into_the_text():
    text = "Из общего объема долга порядка\nполовина приходится на 36 млрд тенге."
    for m in find_numbers(text):
        assert isinstance(m, NumberMatch) and text[m.start:m.end] == m.text


# -- formatted numbers parse back ------------------------------------------------------------

SEPARATORS = st.sampled_from([" ", "\u00a0", "\u202f", "."])


def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=1000, max_value=10**12), SEPARATORS)
def test_grouped_integers_parse_back(n, sep):
    text = f"Всего {group(n, sep)} заявок поступило"
    assert [m.value for m in find_numbers(text, "ru")] == [n]


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**4))
def test_decimal_comma_parses_back(whole, frac):
    number = f"{whole},{frac}"
    found = find_numbers(f"составил {number} пункта", "ru")
    assert [m.value for m in found] == [pytest.approx(float(number.replace(",", ".")))]


SCALES = st.sampled_from([("тыс.", K, "ru"), ("тысяч", K, "ru"), ("млн", M, "ru"), ("млрд", B, "ru"),
                          ("трлн", 10**12, "ru"), ("миллиона", M, "ru"), ("мың", K, "kk"), ("мыңға", K, "kk"),
                          ("мыңнан", K, "kk"), ("миллион", M, "kk"), ("миллиард", B, "kk"), ("млрд", B, "kk")])


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9), SCALES, st.booleans())
def test_scaled_decimals_parse_back(whole, tenth, scale, name_lang):
    word, mult, lang = scale
    lang = lang if name_lang else None
    found = find_numbers(f"бюджет {whole},{tenth} {word} теңге", lang)
    assert len(found) == 1 and found[0].value == pytest.approx((whole + tenth / 10) * mult)
    assert found[0].text.startswith(f"{whole},{tenth} {word}")


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=500))
def test_ranges_parse_back(a, b):
    lo, hi = min(a, b), max(a, b) + 1
    found = find_numbers(f"ставка {lo}-{hi}% годовых", "ru")
    assert [(m.value, m.value_max, m.qualifier) for m in found] == [(lo, hi, "range")]


# -- real documents -----------------------------------------------------------------------------

DATE_LIKE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d+\.\d+\.\d+|\d{1,2}:\d{2}|\d{2,3}-\d{2}-\d{2}")
YEAR_AFTER = re.compile(r"[-\s]*(?:жыл|год|г\.|гг|ж\.|жж)", re.IGNORECASE)
MONTH_AFTER = re.compile(r"[-\w]*\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
                         r"октября|ноября|декабря|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|"
                         r"қыркүйек|қазан|қараша|желтоқсан)", re.IGNORECASE)
STAMP_OR_PHONE_BEFORE = re.compile(r"(?:№|тел\.?|т\.|ст\.|п\.)\s*:?\s*[\d\s()-]*$", re.IGNORECASE)


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_real_texts_give_no_dates_years_stamps_or_phones(path):
    text = path.read_text(encoding="utf-8")
    found = find_numbers(text)
    assert found, "every sample text states some figure"
    for m in found:
        where = f"{m.text!r} at {m.start}"
        assert text[m.start:m.end] == m.text
        assert m.qualifier in QUALIFIERS
        assert not DATE_LIKE.search(m.text), where
        integral = m.value == int(m.value) and m.unit is None and m.value_max is None
        if integral and 1800 <= m.value <= 2100:
            assert not YEAR_AFTER.match(text, m.end), where
        if integral and 1 <= m.value <= 31:
            assert not MONTH_AFTER.match(text, m.end), where
        assert not STAMP_OR_PHONE_BEFORE.search(text, max(0, m.start - 25), m.start), where
    assert [a.end <= b.start for a, b in itertools.pairwise(found)] == [True] * (len(found) - 1)
