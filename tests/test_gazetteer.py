"""Golden tests of the place gazetteer: kk/ru mentions → records, negatives, data integrity, sample texts."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from nlp.gazetteer import GazetteerError, Place, find_places, load_places, place_by_id, resolve_place
from nlp.gazetteer.matcher import index
from nlp.gazetteer.records import load_deictic
from nlp.gazetteer.russian import case_forms
from nlp.lang.endings import endings_for

ROOT = Path(__file__).resolve().parents[1]

# sentence, surface expected in it, lang, name_en
POSITIVE = [
    ("Оңтүстік Кореяда 9600 адам жұмыс істейді.", "Оңтүстік Кореяда", "kk", "South Korea"),
    ("Азаматтар Кореяға барады.", "Кореяға", "kk", "South Korea"),
    ("Кореяның заңдары қатаң.", "Кореяның", "kk", "South Korea"),
    ("Кореядан қайтқандар көп.", "Кореядан", "kk", "South Korea"),
    ("Кореядағы жағдай күрделі.", "Кореядағы", "kk", "South Korea"),
    ("Оңтүстік Корея аумағында тұрады.", "Оңтүстік Корея", "kk", "South Korea"),
    ("Корея Республикасымен келісім жасалды.", "Корея Республикасымен", "kk", "South Korea"),
    ("Корея Республикасының үкіметі.", "Корея Республикасының", "kk", "South Korea"),
    ("Біз Қазақстанды дамытамыз.", "Қазақстанды", "kk", "Kazakhstan"),
    ("Қазақстанда жұмыссыздық азайды.", "Қазақстанда", "kk", "Kazakhstan"),
    ("Қазақстанның экономикасы өсті.", "Қазақстанның", "kk", "Kazakhstan"),
    ("Қазақстаннан кеткендер.", "Қазақстаннан", "kk", "Kazakhstan"),
    ("Қазақстан Республикасының Үкіметі", "Қазақстан Республикасының", "kk", "Kazakhstan"),
    ("Қазақстан Республикасында заң бар.", "Қазақстан Республикасында", "kk", "Kazakhstan"),
    ("ҚР-да жаңа заң қабылданды.", "ҚР-да", "kk", "Kazakhstan"),
    ("Ресейге жүк жөнелтілді.", "Ресейге", "kk", "Russia"),
    ("Ресейдің нарығы.", "Ресейдің", "kk", "Russia"),
    ("Ресей Федерациясымен шекара.", "Ресей Федерациясымен", "kk", "Russia"),
    ("Қытайға экспорт өсті.", "Қытайға", "kk", "China"),
    ("ҚХР-мен сауда.", "ҚХР-мен", "kk", "China"),
    ("АҚШ-қа ұшты.", "АҚШ-қа", "kk", "United States"),
    ("АҚШ-тағы инфляция.", "АҚШ-тағы", "kk", "United States"),
    ("Ұлыбританияда оқиды.", "Ұлыбританияда", "kk", "United Kingdom"),
    ("Өзбекстанмен шекара.", "Өзбекстанмен", "kk", "Uzbekistan"),
    ("Қырғызстанға барды.", "Қырғызстанға", "kk", "Kyrgyzstan"),
    ("Түркияда демалды.", "Түркияда", "kk", "Türkiye"),
    ("Германиядан келді.", "Германиядан", "kk", "Germany"),
    ("Шри-Ланкадан жұмысшылар.", "Шри-Ланкадан", "kk", "Sri Lanka"),
    ("Шығыс Тимордан келген.", "Шығыс Тимордан", "kk", "East Timor"),
    ("Мьянма, Непал, Бангладеш елдері.", "Непал", "kk", "Nepal"),
    ("Пәкістанның азаматтары.", "Пәкістанның", "kk", "Pakistan"),
    ("Моңғолияға сапар.", "Моңғолияға", "kk", "Mongolia"),
    ("Вьетнамда өндіріс.", "Вьетнамда", "kk", "Vietnam"),
    ("Таиландтан туристер.", "Таиландтан", "kk", "Thailand"),
    ("Индонезиямен келісім.", "Индонезиямен", "kk", "Indonesia"),
    ("Филиппиннен жұмысшылар.", "Филиппиннен", "kk", "Philippines"),
    ("Камбоджаға барды.", "Камбоджаға", "kk", "Cambodia"),
    ("Египетке сапар.", "Египетке", "kk", "Egypt"),
    ("Израильге ұшты.", "Израильге", "kk", "Israel"),
    ("Еуропалық Одаққа мүше.", "Еуропалық Одаққа", "kk", "European Union"),
    ("ЕАЭО-ға мүше елдер.", "ЕАЭО-ға", "kk", "Eurasian Economic Union"),
    ("ТМД елдерімен сауда.", "ТМД", "kk", "Commonwealth of Independent States"),
    ("Орталық Азияда су тапшы.", "Орталық Азияда", "kk", "Central Asia"),
    ("Түркістан облысында мектеп салынды.", "Түркістан облысында", "kk", "Turkestan Region"),
    ("Түркістан облысындағы аудандар.", "Түркістан облысындағы", "kk", "Turkestan Region"),
    ("Оңтүстік Қазақстан облысы бұрынғы атауы.", "Оңтүстік Қазақстан облысы", "kk", "Turkestan Region"),
    ("Жетісу облысының әкімі.", "Жетісу облысының", "kk", "Zhetisu Region"),
    ("Абай облысында жол жөнделді.", "Абай облысында", "kk", "Abai Region"),
    ("Ұлытау облысы құрылды.", "Ұлытау облысы", "kk", "Ulytau Region"),
    ("Астанаға келді.", "Астанаға", "kk", "Astana"),
    ("Алматыда жиналыс өтті.", "Алматыда", "kk", "Almaty"),
    ("Шымкенттің тұрғындары.", "Шымкенттің", "kk", "Shymkent"),
    ("Талдықорғанда жол салынды.", "Талдықорғанда", "kk", "Taldykorgan"),
    ("Текеліде кен орны бар.", "Текеліде", "kk", "Tekeli"),
    ("Текелі қаласының әкімдігі.", "Текелі қаласының", "kk", "Tekeli"),
    ("Түркістанға сапар.", "Түркістанға", "kk", "Turkistan"),
    ("Қызылордадан поезд.", "Қызылордадан", "kk", "Kyzylorda"),
    ("Ақтөбеде зауыт.", "Ақтөбеде", "kk", "Aktobe"),
    ("Атырауда мұнай.", "Атырауда", "kk", "Atyrau"),
    ("Ақтауға барды.", "Ақтауға", "kk", "Aktau"),
    ("Оралда тұрады.", "Оралда", "kk", "Oral"),
    ("Өскеменнен келді.", "Өскеменнен", "kk", "Oskemen"),
    ("Қарағандыда шахта.", "Қарағандыда", "kk", "Karaganda"),
    ("Екібастұзда электр станциясы.", "Екібастұзда", "kk", "Ekibastuz"),
    ("Қонаевқа көшті.", "Қонаевқа", "kk", "Konaev"),
    ("Отырар ауданында мұражай бар.", "Отырар ауданында", "kk", "Otyrar District"),
    ("Сыр елінде күріш егіледі.", "Сыр елінде", "kk", "Kyzylorda Region"),
    ("в Южной Корее работают казахстанцы", "Южной Корее", "ru", "South Korea"),
    ("Южная Корея принимает мигрантов", "Южная Корея", "ru", "South Korea"),
    ("переговоры с Южной Кореей", "Южной Кореей", "ru", "South Korea"),
    ("посольство Республики Корея", "Республики Корея", "ru", "South Korea"),
    ("вернулись из России", "России", "ru", "Russia"),
    ("Российская Федерация и Казахстан", "Российская Федерация", "ru", "Russia"),
    ("экспорт Китаю вырос", "Китаю", "ru", "China"),
    ("граждане Казахстана", "Казахстана", "ru", "Kazakhstan"),
    ("в Казахстане", "Казахстане", "ru", "Kazakhstan"),
    ("законы Республики Казахстан", "Республики Казахстан", "ru", "Kazakhstan"),
    ("в Республике Казахстан", "Республике Казахстан", "ru", "Kazakhstan"),
    ("МВД РК сообщило", "РК", "ru", "Kazakhstan"),
    ("в Туркестанской области", "Туркестанской области", "ru", "Turkestan Region"),
    ("Западно-Казахстанской области", "Западно-Казахстанской области", "ru", "West Kazakhstan Region"),
    ("жители Великобритании", "Великобритании", "ru", "United Kingdom"),
    ("страны Европейского Союза", "Европейского Союза", "ru", "European Union"),
    ("членов ЕАЭС", "ЕАЭС", "ru", "Eurasian Economic Union"),
    ("в Соединённых Штатах Америки", "Соединённых Штатах Америки", "ru", "United States"),
    ("в Соединенных Штатах Америки", "Соединенных Штатах Америки", "ru", "United States"),
    ("санкции США", "США", "ru", "United States"),
    ("в Узбекистане и Киргизии", "Узбекистане", "ru", "Uzbekistan"),
    ("в Киргизии", "Киргизии", "ru", "Kyrgyzstan"),
    ("туристы из Турции", "Турции", "ru", "Türkiye"),
    ("в Германии", "Германии", "ru", "Germany"),
    ("на Шри-Ланке", "Шри-Ланке", "ru", "Sri Lanka"),
    ("в Восточном Тиморе", "Восточном Тиморе", "ru", "East Timor"),
    ("на Филиппинах", "Филиппинах", "ru", "Philippines"),
    ("в Объединённых Арабских Эмиратах", "Объединённых Арабских Эмиратах", "ru", "United Arab Emirates"),
    ("в Центральной Азии", "Центральной Азии", "ru", "Central Asia"),
    ("в Алматы", "Алматы", "ru", "Almaty"),
    ("в Усть-Каменогорске", "Усть-Каменогорске", "ru", "Oskemen"),
    ("в Талдыкоргане", "Талдыкоргане", "ru", "Taldykorgan"),
    ("в городе Текели", "городе Текели", "ru", "Tekeli"),
    ("в Конаеве", "Конаеве", "ru", "Konaev"),
    ("в Байконуре", "Байконуре", "ru", "Baikonur"),
    ("Евразийского континента", "Евразийского континента", "ru", "Eurasia"),
    ("in South Korea", "South Korea", "en", "South Korea"),
]


@pytest.mark.parametrize(("sentence", "surface", "lang", "name_en"), POSITIVE)
def test_place_found(sentence: str, surface: str, lang: str, name_en: str) -> None:
    start = sentence.index(surface)
    hits = [m for m in find_places(sentence, lang) if m.start == start]
    assert hits, f"{surface!r} not found in {sentence!r}"
    m = hits[0]
    assert (m.text, m.name_en, m.deictic) == (surface, name_en, False)
    assert sentence[m.start:m.end] == m.text
    assert place_by_id(m.id).name_en == name_en


# sentences with no (non-deictic) place at all
NEGATIVE = [
    "Қазақстандық азаматтар шетелде жұмыс істейді.",
    "Кореялық компаниялар жалақы төлейді.",
    "казахстанских работников стало больше",
    "корейский язык изучают многие",
    "российские компании ушли с рынка",
    "Азаматы шетелге кетті.",
    "Ұлы дала елі.",
    "Тан атып келеді.",
    "Арыстан баб кесенесіне барды.",
    "Ақтау қажет емес деп ойлаймын.".lower(),
    "шу көп болды",
    "есік ашық тұр",
    "алға қарай жүрейік",
    "Того же мнения придерживаются эксперты.".lower(),
    "Кореялықтар келді.",
    "Ресейлік тараптың ұсынысы.",
    "Китайские товары подорожали.",
    "Орталықтан қаржы бөлінді.",
    "Республикалық бюджет.",
    "Оңтүстікте жаңбыр жауды.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_place(sentence: str) -> None:
    found = [m for m in find_places(sentence) if not m.deictic]
    assert found == [], found


# over-cutting: a real name plus a non-ending must not match; a real ending must
@pytest.mark.parametrize(("word", "name_en"), [
    ("Қазақстанды", "Kazakhstan"), ("Қазақстандық", None), ("Қазақстанша", None), ("Кореяда", "South Korea"),
    ("Кореялық", None), ("Ресейлік", None), ("Ресейде", "Russia"), ("Непалдан", "Nepal"), ("Непалдық", None),
    ("Текелілік", None), ("Текеліге", "Tekeli"), ("Ақтауда", "Aktau"), ("Ақтаулық", None),
    ("Кореягә", None), ("Ресейға", None),  # wrong vowel harmony
])
def test_suffix_boundaries(word: str, name_en: str | None) -> None:
    found = find_places(f"Біз {word} туралы айттық.", "kk")
    assert [m.name_en for m in found if m.text == word] == ([name_en] if name_en else [])
    if name_en is None:
        assert found == []


DEICTIC = [
    ("елімізде жұмыссыздық азайды", "елімізде", False),
    ("еліміздің экономикасы", "еліміздің", False),
    ("республикамызда заң қабылданды", "республикамызда", False),
    ("біздің елде мигранттар көп", "біздің елде", False),
    ("отандық өнім", "отандық", True),
    ("в нашей стране", "нашей стране", False),
    ("в республике работают", "в республике", False),
    ("отечественных производителей", "отечественных", True),
]


@pytest.mark.parametrize(("sentence", "surface", "adjective"), DEICTIC)
def test_deictic(sentence: str, surface: str, adjective: bool) -> None:
    found = find_places(sentence)
    assert [(m.text, m.id, m.deictic, m.adjective) for m in found] == [(surface, "country.kz", True, adjective)]
    assert find_places(sentence, deictic=False) == []


@pytest.mark.parametrize(("phrase", "lang", "place_id", "canonical"), [
    ("Оңтүстік Кореяда", "kk", "country.kr", "Оңтүстік Корея"),
    ("в Южной Корее", None, None, None),
    ("Южной Корее", "ru", "country.kr", "Южная Корея"),
    ("Туркестанской области", "ru", "kz.region.turkistan", "Туркестанская область"),
    ("Түркістан облысында", "kk", "kz.region.turkistan", "Түркістан облысы"),
    ("Қазақстанды", "kk", "country.kz", "Қазақстан"),
    ("Казахстана", "kk", "country.kz", "Қазақстан"),  # canonical in the text's language
    ("азаматы", "kk", None, None),
    ("Корея", None, "country.kr", "Корея"),
])
def test_resolve_and_canonical(phrase: str, lang: str | None, place_id: str | None, canonical: str | None) -> None:
    place = resolve_place(phrase, lang)
    assert (place.id if place else None) == place_id
    if place_id:
        assert isinstance(place, Place)
        assert find_places(phrase, lang)[0].canonical == canonical


def test_longest_match_first() -> None:
    found = find_places("Оңтүстік Қазақстан облысының әкімдігі", "kk")
    assert [(m.text, m.id) for m in found] == [("Оңтүстік Қазақстан облысының", "kz.region.turkistan")]
    found = find_places("Республика Корея и Республика Казахстан", "ru")
    assert [m.id for m in found] == ["country.kr", "country.kz"]


def test_letter_case_rules() -> None:
    assert find_places("рк") == [] and find_places("сша") == []
    assert [m.id for m in find_places("ҚАЗАҚСТАН РЕСПУБЛИКАСЫ")] == ["country.kz"]
    assert find_places("корея") == []


def test_place_by_id_unknown() -> None:
    with pytest.raises(GazetteerError, match="unknown place id"):
        place_by_id("country.zz")


# --- data integrity -------------------------------------------------------------------------

def test_every_record_has_three_languages_and_valid_parent() -> None:
    places = load_places()
    assert len(places) > 300
    for p in places.values():
        assert p.name_en and p.names_kk and p.names_ru, p.id
        assert p.parent is None or p.parent in places, p.id
        assert p.id.count(".") >= 1 and p.id == p.id.strip()
    kz_regions = [p for p in places.values() if p.kind == "region" and p.parent == "country.kz"]
    assert len(kz_regions) == 17
    assert {p.id for p in places.values() if p.parent == "country.kz" and p.kind == "city"} == {
        "kz.city.astana", "kz.city.almaty", "kz.city.shymkent"}


def test_un_members_present() -> None:
    countries = [p for p in load_places().values() if p.kind == "country"]
    assert len(countries) >= 193


def test_kazakh_names_use_kazakh_letters() -> None:
    places = load_places()
    for pid, letter in [("country.kz", "ҚР"), ("country.mn", "ң"), ("country.in", "Ү"), ("country.az", "Ә"),
                        ("country.uz", "Ө"), ("country.kg", "ғ"), ("country.gb", "Ұ"), ("country.tj", "ә")]:
        assert any(letter in n for n in places[pid].names_kk), pid


def test_no_surface_maps_to_two_places() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for surface, ids in index().surfaces.items():
        owners[surface] |= ids
    clashes = {s: ids for s, ids in owners.items() if len(ids) > 1}
    assert clashes == {}


def test_deictic_data() -> None:
    forms = load_deictic()
    assert {d.lang for d in forms} == {"kk", "ru"}
    assert any(d.adjective for d in forms) and any(not d.adjective for d in forms)


def test_kazakh_endings_never_derivational() -> None:
    for stem in ("корея", "қазақстан", "ресей", "текелі"):
        ends = endings_for(stem)
        assert "" in ends
        assert not any(e.endswith(("лық", "лік", "дық", "дік", "тық", "тік")) for e in ends)


def test_russian_forms_agree() -> None:
    assert {"Южной Корее", "Южную Корею", "Южной Кореей"} <= case_forms("Южная Корея")
    assert "Республики Казахстан" in case_forms("Республика Казахстан")


def test_data_files_ship_as_package_data() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"nlp.gazetteer" = ["data/*.tsv"' in text


# --- sample texts ---------------------------------------------------------------------------

SAMPLES = sorted((ROOT / "samples" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "pdftotext").glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_text_properties(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = find_places(text)
    ends = -1
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.start >= ends, "mentions overlap or are out of order"
        ends = m.end
        assert m.text[:1].isupper() or m.deictic or m.text[:1].islower() and " " in m.text
        assert m.adjective or not m.text.lower().endswith(("лық", "лік", "дық", "дік", "ский", "ских", "ская"))
        assert place_by_id(m.id).name_en == m.name_en
    assert any(m.id == "country.kz" for m in found), "every sample is about Kazakhstan"
