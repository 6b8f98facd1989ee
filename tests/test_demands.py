"""The demands extractor: golden tables of small inquiries in Kazakh and Russian, and every sample inquiry."""

from __future__ import annotations

import dataclasses

import pytest

import ingest
from ingest.document import Block, Document, assemble
from nlp import Demand, analyze, demands_of, segment, to_contract
from tests.conftest import SAMPLE_PDFS, SEEDS

PAGE = "\f"  # in a golden document: the next paragraph starts a new page


def _doc(text: str, lang: str) -> Document:
    """A document from paragraphs separated by blank lines, all in `lang` (kk, ru, or kk+ru: by letters)."""
    blocks, page = [], 1
    for para in text.split("\n\n"):
        if para.startswith(PAGE):
            page, para = page + 1, para[1:]
        blocks.append(Block.of(para.strip(), page))
    joined, pages, paragraphs = assemble(blocks, page)
    for p in paragraphs:
        words = joined[p.start:p.end]
        p.language = lang if "+" not in lang else ("kk" if any(c in "әғқңөұүһі" for c in words.lower()) else "ru")
    return Document("x.txt", "0" * 64, "txt", joined, pages, paragraphs, language=lang)


def _found(text: str, lang: str) -> list[tuple[str, str, int | None, str]]:
    """(type, first words, number, flags) of each demand; flags: P procedural, R rhetorical."""
    doc = _doc(text, lang)
    out = []
    for d in demands_of(segment(doc)):
        assert d.text == doc.text[d.start:d.end] and d.page is not None
        flags = ("P" if d.procedural else "") + ("R" if d.rhetorical else "")
        out.append((d.type, " ".join(d.text.split()[:2]), d.number, flags))
    return out


KK_LIST = """Құрметті Серік Болатұлы!

Ауылдағы мектептердің жартысы апатты жағдайда тұр. Балалар қайда оқиды? Бұл мәселе жылдар бойы шешілмей келеді.

Ұсыныстар:

1. Апатты мектептерді жөндеу бағдарламасын қабылдауды тапсырамын.

2. Жаңа мектеп салуға қаржы бөлу қажет. Бұған қанша қаражат керек болады?

Депутаттық сауалға заңнамада белгіленген мерзімде жазбаша жауап беруіңізді сұраймыз."""

KK_ORDINALS = """Жолдардың сапасы нашар, жөндеу жұмыстары уақытында жүргізілмейді.

Осыған байланысты келесі ұсыныстарды қарауды сұраймын.

Біріншіден, жол құрылысына тәуелсіз сараптама енгізу.

Екіншіден, мердігерлердің жауапкершілігін күшейту қажет!

Құрметпен,"""

KK_PROSE = """Өзен бойындағы бөгеттердің көбі ескірген. Олардың иелері зерттеуге қаржы таппай отыр.

Сондықтан Қағидаларды қайта қарау орынды деп санаймын. Зерттеуді кезең-кезеңімен жүргізу қажет. Бұл шығынды азайтады.

Тұрғындар ауылға жол салуға ықпал етуіңізді сұрайды."""

KK_PAGE_BREAK = """Жайылымдар қурап барады.

Ұсынамын:

1. Шаруаларға несие мерзімін

\fбір жылға шегеруді;

2. Жем-шөп сатып алуға субсидия беруді."""

RU_QUESTIONS = """Уважаемый Ермек Бахытжанович!

Почему же министерство молчит? Ответа нет уже год. Откуда взяться доверию граждан?

В связи с этим прошу ответить на следующие вопросы:

1. Какие меры приняты? Когда они дадут результат?

2. Сколько средств выделено на эти цели?

Прошу дать ответ в установленный законодательством срок."""

RU_PROPOSALS = """Жители сел просят провести газ.

Между тем существуют разные источники данных:

- сведения налоговых органов;

- данные реестра недвижимости.

Во-первых, это противоречит закону. Во-вторых, это несправедливо.

Считаем необходимым рассмотреть следующие меры:

• снизить ставку по кредитам,

• продлить сроки погашения.

Предлагаем также создать рабочую группу. Необходимо привлечь экспертов.

Фракция просит отклонить поправки.

С уважением,"""

RU_OPEN_QUESTIONS = """Сроки строительства больницы сорваны. Кто за это ответит? Подрядчик получил аванс.

В связи с этим возникают вопросы: Когда больница будет достроена? Кто ответит за срыв сроков?"""

KK_NEXT_YEAR = """Келесі жылы жол жөндеу қажет. Қаржы тиіс мөлшерде бөлінбеген.

Нақты сұрақ: жол қашан жөнделеді?"""

RU_EARLY_REQUEST = """Прошу обратить внимание на ситуацию с водой. Ремонт сетей необходимо было завершить в прошлом году.

Следует отметить, что жители жалуются годами.

1. Какой объем средств выделен на ремонт?

2. Когда начнутся работы?"""

KK_DATED = """21.05.2025 жылы комиссия отырысы өтті. Мәселе талқыланды.

Ұсыныстар:

1. Көпір салу жоспарын бекіту

\fТүркістан облысында жол жөндеуді жеделдету.

Осы мәселені қарауды өтінемін."""

RU_BARE_REQUEST = """Учитывая изложенное, просим:

1) восстановить работу сельских школ;

2) организовать подвоз учащихся."""

BILINGUAL = """Ауыл жолдары жөндеуді қажет етеді.

Ұсыныстар:

1. Жолдарды жөндеуге қаржы бөлу.

Сельские дороги требуют ремонта.

Предлагаем:

1. Выделить средства на ремонт дорог."""

KK_LETTERS = """Ауылдағы су құбыры ескірген.

Ұсыныстар:

а) су құбырын жөндеуге қаржы бөлу;

ә) жұмыстың сапасын тексеру;

б) тұрғындарға есеп беру."""

RU_NESTED = """Дороги области разрушены.

Предлагаем:

1. Внести изменения в закон о дорогах:

а) снизить ставку;

б) продлить сроки.

2. Создать рабочую группу:

2.1. с участием экспертов;

2.2. с участием жителей.

2.5 млн тенге на это уже выделено.

3. Провести проверку:

- в Алматинской области;

- в Туркестанской области.

4. Отчитаться перед жителями."""

KK_NESTED = """Ұсыныстар:

1. Жаңа жолдар салу:

1) Алматы облысында;

2) Жетісу облысында.

2. Көпір салу."""

RU_BULLETS_OVER_A_PAGE = """Предлагаем:

• снизить ставку по кредитам;

• продлить сроки погашения;

\fДепутатский запрос Мажилиса

• создать рабочую группу."""

KK_ITEM_OVER_A_FOOTER = """Ұсыныстар:

1. Жолдарды жөндеу

ҚР Парламенті Мәжілісі 2025 ж. 21 мамыр

\fбағдарламасын қабылдау;

ҚР Парламенті Мәжілісі

2. Қаржы бөлу."""

KK_MODAL = """Ауыл мектептерін жөндеу қажет. Бұл мәселе жылдар бойы шешілмей келеді.

Ұсыныстар:

1. Мектептерге қаржы бөлу қажет.

Сондай-ақ мұғалімдердің жалақысын көтеру қажет."""

RU_MODAL = """Дорогу необходимо отремонтировать. Следует учитывать, что жители ждут годами.

Предлагаем:

1. Необходимо выделить средства на ремонт.

Также следует провести проверку подрядчика."""

GOLDEN = [
    ("kk list", KK_LIST, "kk", [
        ("question", "Балалар қайда", None, "R"), ("proposal", "1. Апатты", 1, ""),
        ("proposal", "2. Жаңа", 2, ""), ("question", "Бұған қанша", 2, ""), ("demand", "Депутаттық сауалға", None, "P")]),
    ("kk ordinal words", KK_ORDINALS, "kk", [
        ("demand", "Осыған байланысты", None, ""), ("proposal", "Біріншіден, жол", 1, ""),
        ("proposal", "Екіншіден, мердігерлердің", 2, "")]),
    ("kk prose proposals", KK_PROSE, "kk", [
        ("proposal", "Сондықтан Қағидаларды", None, ""), ("proposal", "Зерттеуді кезең-кезеңімен", None, ""),
        ("demand", "Тұрғындар ауылға", None, "")]),
    ("kk item across a page break", KK_PAGE_BREAK, "kk", [
        ("proposal", "1. Шаруаларға", 1, ""), ("proposal", "2. Жем-шөп", 2, "")]),
    ("ru questions", RU_QUESTIONS, "ru", [
        ("question", "Почему же", None, "R"), ("question", "Откуда взяться", None, "R"),
        ("demand", "В связи", None, ""), ("question", "1. Какие", 1, ""), ("question", "Когда они", 1, ""),
        ("question", "2. Сколько", 2, ""), ("demand", "Прошу дать", None, "P")]),
    ("ru proposals", RU_PROPOSALS, "ru", [
        ("proposal", "• снизить", None, ""), ("proposal", "• продлить", None, ""),
        ("proposal", "Предлагаем также", None, ""), ("proposal", "Необходимо привлечь", None, ""),
        ("demand", "Фракция просит", None, "")]),
    ("ru questions after a lead-in", RU_OPEN_QUESTIONS, "ru", [
        ("question", "Кто за", None, "R"), ("question", "Когда больница", None, ""),
        ("question", "Кто ответит", None, "")]),
    ("kk next year is no lead-in", KK_NEXT_YEAR, "kk", [("question", "Нақты сұрақ:", None, "")]),
    ("ru an early request starts no requests; a list of questions", RU_EARLY_REQUEST, "ru", [
        ("demand", "Прошу обратить", None, ""), ("question", "1. Какой", 1, ""), ("question", "2. Когда", 2, "")]),
    ("kk a date is no item; an item runs on to the next page", KK_DATED, "kk", [
        ("proposal", "1. Көпір", 1, ""), ("demand", "Осы мәселені", None, "")]),
    ("ru items of a bare request are demands", RU_BARE_REQUEST, "ru", [
        ("demand", "Учитывая изложенное,", None, ""), ("demand", "1) восстановить", 1, ""),
        ("demand", "2) организовать", 2, "")]),
    ("bilingual", BILINGUAL, "kk+ru", [
        ("proposal", "1. Жолдарды", 1, ""), ("proposal", "1. Выделить", 1, "")]),
    ("kk a letter list", KK_LETTERS, "kk", [
        ("proposal", "а) су", 1, ""), ("proposal", "ә) жұмыстың", 2, ""), ("proposal", "б) тұрғындарға", 3, "")]),
    ("ru letters, sub-numbers and dashes under numbered items", RU_NESTED, "ru", [
        ("proposal", "1. Внести", 1, ""), ("proposal", "а) снизить", 1, ""), ("proposal", "б) продлить", 1, ""),
        ("proposal", "2. Создать", 2, ""), ("proposal", "2.1. с", 2, ""), ("proposal", "2.2. с", 2, ""),
        ("proposal", "3. Провести", 3, ""), ("proposal", "- в", 3, ""), ("proposal", "- в", 3, ""),
        ("proposal", "4. Отчитаться", 4, "")]),
    ("kk a 1) list under a 1. item", KK_NESTED, "kk", [
        ("proposal", "1. Жаңа", 1, ""), ("proposal", "1) Алматы", 1, ""), ("proposal", "2) Жетісу", 1, ""),
        ("proposal", "2. Көпір", 2, "")]),
    ("ru bullets go on over a page header", RU_BULLETS_OVER_A_PAGE, "ru", [
        ("proposal", "• снизить", None, ""), ("proposal", "• продлить", None, ""), ("proposal", "• создать", None, "")]),
    ("kk an item runs on over a footer; the list over a header", KK_ITEM_OVER_A_FOOTER, "kk", [
        ("proposal", "1. Жолдарды", 1, ""), ("proposal", "2. Қаржы", 2, "")]),
    ("kk қажет in the argument states a need; in the requests it proposes", KK_MODAL, "kk", [
        ("proposal", "1. Мектептерге", 1, ""), ("proposal", "Сондай-ақ мұғалімдердің", None, "")]),
    ("ru необходимо, следует in the argument state a need; in the requests they propose", RU_MODAL, "ru", [
        ("proposal", "1. Необходимо", 1, ""), ("proposal", "Также следует", None, "")]),
]

LABELS = [
    ("kk letters", KK_LETTERS, "kk", ["а", "ә", "б"]),
    ("ru nested", RU_NESTED, "ru", ["1", "1.а", "1.б", "2", "2.1", "2.2", "3", "3", "3", "4"]),
    ("kk nested", KK_NESTED, "kk", ["1", "1.1", "1.2", "2"]),
    ("ru bullets", RU_BULLETS_OVER_A_PAGE, "ru", [None, None, None]),
    ("ru bare request", RU_BARE_REQUEST, "ru", [None, "1", "2"]),
    ("kk ordinal words", KK_ORDINALS, "kk", [None, "1", "2"]),
]


@pytest.mark.parametrize(("name", "text", "lang", "expected"), LABELS, ids=[g[0] for g in LABELS])
def test_items_are_labelled_as_their_list_numbers_them(name: str, text: str, lang: str, expected: list) -> None:
    assert [d.label for d in demands_of(segment(_doc(text, lang)))] == expected


def test_item_over_a_footer_spans_both_pages_and_the_list_goes_on() -> None:
    doc = _doc(KK_ITEM_OVER_A_FOOTER, "kk")
    first, second = demands_of(segment(doc))
    assert first.text.endswith("қабылдау;") and first.page == 1 and (second.number, second.page) == (2, 2)


@pytest.mark.parametrize(("name", "text", "lang", "expected"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden(name: str, text: str, lang: str, expected: list) -> None:
    assert _found(text, lang) == expected


def test_item_across_a_page_break_is_one_span_on_its_first_page() -> None:
    doc = _doc(KK_PAGE_BREAK, "kk")
    first = demands_of(segment(doc))[0]
    assert first.text.startswith("1. Шаруаларға") and first.text.endswith("шегеруді;") and first.page == 1


def test_bilingual_halves_carry_lang_part() -> None:
    parts = [d.lang_part for d in demands_of(segment(_doc(BILINGUAL, "kk+ru")))]
    assert parts == ["kk", "ru"]
    assert {d.lang_part for d in demands_of(segment(_doc(RU_QUESTIONS, "ru")))} == {None}


def test_cue_words_inside_quoted_speech_are_not_the_deputys() -> None:
    text = "Президент «Үкіметке жол салуды тапсырамын» деп айтқан болатын.\n\nЖол әлі салынған жоқ."
    assert _found(text, "kk") == []


def test_news_asks_nothing() -> None:
    doc = _doc(RU_QUESTIONS, "ru")
    doc.kind = "news"
    assert demands_of(segment(doc)) == []


def test_contract_carries_the_new_fields() -> None:
    doc = _doc(RU_QUESTIONS, "ru")
    item = to_contract(doc, analyze(doc))["demands"][0]
    assert {f.name for f in dataclasses.fields(Demand)} <= set(item) and item["rhetorical"] is True


@pytest.mark.parametrize("path", SAMPLE_PDFS + [s for s in SEEDS if s.name.startswith("003")], ids=lambda p: p.name)
def test_every_sample_inquiry_yields_demands_with_valid_spans(path) -> None:
    doc = ingest.read(path)
    found = demands_of(segment(doc))
    assert found, f"no demands in {path.name}"
    assert any(not d.rhetorical for d in found)
    for d in found:
        assert d.text == doc.text[d.start:d.end] and d.text.strip() == d.text
        assert d.page is not None and 1 <= d.page <= (doc.page_count or d.page)
        assert d.type in {"question", "proposal", "demand"}


def test_demand_round_trips_through_its_row() -> None:
    from corpus.rows import ROW_KINDS

    item = Demand("Кто ответит?", 5, 17, "question", page=2, number=3, rhetorical=True, lang_part="ru")
    kind = next(k for k in ROW_KINDS if k.field == "demands")
    row = kind.row(document_id=1, passage_id=None, page=item.page, start=item.start, end=item.end, text=item.text,
                   **kind.columns(item))
    assert kind.item_of(row) == item
